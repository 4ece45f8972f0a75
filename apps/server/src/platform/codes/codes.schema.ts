import { boolean, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { inventory, NONE } from '../privacy/data-classes.ts';

/** A version of a national code table (JY/T 1001 family, GB/T …). */
export const codeTables = pgTable(
  'code_table',
  {
    category: text('category').notNull(),
    version: text('version').notNull(),
    standard: text('standard').notNull(),
    title: text('title').notNull(),
    current: boolean('current').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.category, t.version] })],
);

export const codeEntries = pgTable(
  'code_entry',
  {
    category: text('category').notNull(),
    version: text('version').notNull(),
    code: text('code').notNull(),
    labelZh: text('label_zh').notNull(),
    labelEn: text('label_en').notNull(),
    parent: text('parent'),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.category, t.version, t.code] })],
);

/** 数据分级分类 (platform/privacy): national code tables hold no personal data. */
export const codesInventory = [
  inventory(codeTables, {
    description: '国家标准代码表（版本）',
    retention: '长期保存',
    columns: {
      category: NONE,
      version: NONE,
      standard: NONE,
      title: NONE,
      current: NONE,
    },
  }),
  inventory(codeEntries, {
    description: '国家标准代码表条目',
    retention: '长期保存',
    columns: {
      category: NONE,
      version: NONE,
      code: NONE,
      labelZh: NONE,
      labelEn: NONE,
      parent: NONE,
      sort: NONE,
    },
  }),
];

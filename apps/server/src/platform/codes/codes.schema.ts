import { boolean, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

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

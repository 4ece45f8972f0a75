import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, newId } from '../../platform/db/types.ts';
import { inventory, NONE, personal } from '../../platform/privacy/data-classes.ts';

/**
 * An auditor's own saved search (常用查询): a name and the filter it stands for. Shown beside the
 * built-in presets to the auditor who saved it, and to nobody else.
 */
export const auditSavedSearches = pgTable(
  'audit_saved_search',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    ownerId: uuid('owner_id').notNull(),
    name: text('name').notNull(),
    /** The filter (`TAuditFilter`, JSON form): may name a person by id. */
    query: jsonb('query').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('audit_saved_search_owner_idx').on(t.ownerId, t.createdAt)],
);

/** 数据分级分类 (platform/privacy). */
export const auditModuleInventory = [
  inventory(auditSavedSearches, {
    description: '审计员保存的常用查询条件',
    retention: '由审计员删除；账号注销时删除',
    subjects: ['ownerId'],
    erasure: 'delete',
    columns: {
      id: NONE,
      ownerId: personal('general', 'statutory_duty', '安全审计：常用查询的所有者'),
      name: personal('general', 'statutory_duty', '安全审计：审计员自拟的查询名称（可能含人名）'),
      query: personal('general', 'statutory_duty', '安全审计：查询条件（可能含被查人员编号）'),
      createdAt: NONE,
    },
  }),
];

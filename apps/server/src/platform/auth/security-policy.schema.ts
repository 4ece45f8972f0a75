import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, smallint, timestamp } from 'drizzle-orm/pg-core';
import { inventory, NONE } from '../privacy/data-classes.ts';

/**
 * The security policy the security administrator (安全管理员) sets: one row, absent until the first
 * change (then the defaults of the configuration apply). The document is validated by
 * `ZSecurityPolicy` on every read and write; who changed what is in the audit trail (before and
 * after), so no person's id is kept here.
 */
export const securityPolicyTable = pgTable(
  'security_policy',
  {
    id: smallint('id').primaryKey().default(1),
    policy: jsonb('policy').notNull(),
    /** Raised by every change: a change made from a stale page is refused, not silently lost. */
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('security_policy_one_row_ck', sql`${t.id} = 1`)],
);

/** 数据分级分类: settings, no personal data. */
export const securityPolicyInventory = [
  inventory(securityPolicyTable, {
    description: '安全策略（口令、登录失败锁定、会话超时、二次验证），由安全管理员设置',
    retention: '长期保存；历次修改见审计日志',
    columns: { id: NONE, policy: NONE, version: NONE, updatedAt: NONE },
  }),
];

import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ltree, newId } from '../db/types.ts';
import { inventory, NONE, personal } from '../privacy/data-classes.ts';

/**
 * Append-only audit trail (P4, 等保 audit). A trigger in the migrations refuses UPDATE, DELETE
 * and TRUNCATE, so not even the application can rewrite history.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorPersonId: uuid('actor_person_id'),
    actorName: text('actor_name'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    /** success | failure | denied */
    outcome: text('outcome').notNull().default('success'),
    targetType: text('target_type'),
    targetId: text('target_id'),
    /** Whose personal data was touched, for reads of personal data and person-level search. */
    subjectPersonId: uuid('subject_person_id'),
    /**
     * Everyone whose personal data one event touched when that is many people (a bulk export): one
     * row for the event, still found by a search for any of them. Ids only; names are looked up
     * when an auditor opens the event, and that look-up is audited.
     */
    subjectIds: uuid('subject_ids').array(),
    orgPath: ltree('org_path'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    requestId: text('request_id'),
    details: jsonb('details'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actorPersonId, t.at),
    index('audit_log_subject_idx').on(t.subjectPersonId, t.at),
    index('audit_log_action_idx').on(t.action, t.at),
    index('audit_log_path_gist').using('gist', t.orgPath),
    // Bulk events are few: a search by person scans them by time and compares ids with `= any`,
    // which (unlike the array operators a GIN index serves) row-level security lets run first.
    index('audit_log_bulk_idx').on(t.at).where(sql`${t.subjectIds} is not null`),
    // The auditor's presets: actions of the 三员 (by role), refusals and failures (rare, so partial).
    index('audit_log_role_idx').on(t.actorRole, t.at),
    index('audit_log_unsuccessful_idx').on(t.at).where(sql`${t.outcome} <> 'success'`),
  ],
);

/** 数据分级分类 of the audit trail (platform/privacy). */
export const auditInventory = [
  inventory(auditLog, {
    description: '审计日志：所有写操作、登录和员工查看他人个人信息的记录（只增不改）',
    retention: '至少保存 6 个月（网络安全法第二十一条、等保 2.0）；默认长期保存，由审计员按制度归档',
    subjects: ['subjectPersonId', 'actorPersonId', 'subjectIds'],
    erasure: 'retain',
    columns: {
      id: NONE,
      at: NONE,
      actorPersonId: personal('general', 'statutory_duty', '安全审计（等保 2.0）'),
      actorName: personal('important', 'statutory_duty', '安全审计（等保 2.0）'),
      actorRole: NONE,
      action: NONE,
      outcome: NONE,
      targetType: NONE,
      targetId: personal('general', 'statutory_duty', '安全审计：被操作的对象'),
      subjectPersonId: personal('general', 'statutory_duty', '安全审计：被查看或修改个人信息的人员'),
      subjectIds: personal('general', 'statutory_duty', '安全审计：批量操作（如导出）涉及的人员'),
      orgPath: personal('general', 'statutory_duty', '安全审计：数据范围'),
      ip: personal('important', 'statutory_duty', '安全审计：来源地址'),
      userAgent: personal('important', 'statutory_duty', '安全审计：终端'),
      requestId: NONE,
      details: personal('general', 'statutory_duty', '安全审计：操作说明（不含个人信息内容）'),
    },
  }),
];

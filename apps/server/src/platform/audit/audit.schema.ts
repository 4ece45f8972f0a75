import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ltree, newId } from '../db/types.ts';

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
  ],
);

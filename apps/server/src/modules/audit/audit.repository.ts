import { and, desc, gte, lte, type SQL, sql } from 'drizzle-orm';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import type { Tx } from '../../platform/db/client.ts';

export type AuditRow = typeof auditLog.$inferSelect;

export interface AuditFilter {
  /** Rows where the person acted or was the subject. */
  personId?: string;
  /** An action name prefix ('student.' finds every student action). */
  action?: string;
  outcome?: 'success' | 'failure' | 'denied';
  /** Rows about data inside this unit's subtree. */
  orgUnitId?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/** One page of the audit trail, newest first, with the number of rows that match. */
export async function searchAuditLog(tx: Tx, q: AuditFilter): Promise<{ total: number; rows: AuditRow[] }> {
  const where: (SQL | undefined)[] = [
    q.personId
      ? sql`(${auditLog.actorPersonId} = ${q.personId} or ${auditLog.subjectPersonId} = ${q.personId})`
      : undefined,
    q.action ? sql`${auditLog.action} like ${`${q.action}%`}` : undefined,
    q.outcome ? sql`${auditLog.outcome} = ${q.outcome}` : undefined,
    q.orgUnitId
      ? sql`${auditLog.orgPath} <@ (select path from org_unit where id = ${q.orgUnitId})`
      : undefined,
    q.from ? gte(auditLog.at, new Date(q.from)) : undefined,
    q.to ? lte(auditLog.at, new Date(q.to)) : undefined,
  ];
  const cond = and(...where);
  const [count] = await tx.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(cond);
  const rows = await tx
    .select()
    .from(auditLog)
    .where(cond)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(q.limit)
    .offset(q.offset);
  return { total: count?.n ?? 0, rows };
}

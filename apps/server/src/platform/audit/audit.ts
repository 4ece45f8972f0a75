import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { execPrepared } from '../db/prepared.ts';
import { newId } from '../db/types.ts';
import type { TAuditAction } from './actions.ts';
import { auditLog } from './audit.schema.ts';

export interface AuditEntry {
  /** A code of the catalogue (`actions.ts`), which gives it its group and labels. */
  action: TAuditAction;
  outcome?: 'success' | 'failure' | 'denied';
  targetType?: string;
  targetId?: string | null;
  subjectPersonId?: string | null;
  /** Everyone whose data a bulk action touched (an export), in one row instead of one per person. */
  subjectIds?: readonly string[];
  orgPath?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditOrigin {
  actorPersonId?: string | null;
  actorName?: string | null;
  actorRole?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
}

/** Control characters are stripped so a crafted value cannot forge log lines (ASVS 7.3.1). */
const clean = (s: string | null | undefined, max = 300) =>
  s == null ? null : s.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, max);

export async function writeAudit(tx: Tx, origin: AuditOrigin, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values(auditRow(origin, entry));
}

const auditRow = (origin: AuditOrigin, entry: AuditEntry): typeof auditLog.$inferInsert => ({
  actorPersonId: origin.actorPersonId ?? null,
  actorName: clean(origin.actorName, 100),
  actorRole: origin.actorRole ?? null,
  action: entry.action,
  outcome: entry.outcome ?? 'success',
  targetType: entry.targetType ?? null,
  targetId: entry.targetId ?? null,
  subjectPersonId: entry.subjectPersonId ?? null,
  subjectIds: entry.subjectIds && entry.subjectIds.length > 0 ? [...entry.subjectIds] : null,
  orgPath: entry.orgPath ?? null,
  ip: clean(origin.ip, 64),
  userAgent: clean(origin.userAgent),
  requestId: clean(origin.requestId, 64),
  details: entry.details ?? null,
});

/**
 * Audit rows of reads (a roster viewed, a record opened) are collected for a few milliseconds and
 * written in one multi-row insert: one commit instead of one per request. A crash can lose at most
 * the last interval of read records; writes are never buffered — they are audited inside their own
 * transaction.
 */
export type AuditRow = typeof auditLog.$inferInsert;

/**
 * Many rows in one fixed-text statement (one JSON parameter), so PostgreSQL plans it once per
 * connection whatever the batch size.
 */
async function insertBatch(tx: Tx, rows: AuditRow[]): Promise<void> {
  await execPrepared(
    tx,
    sql`insert into audit_log (id, at, actor_person_id, actor_name, actor_role, action, outcome, target_type,
           target_id, subject_person_id, subject_ids, org_path, ip, user_agent, request_id, details)
        select id, at, "actorPersonId", "actorName", "actorRole", action, outcome, "targetType", "targetId",
               "subjectPersonId", "subjectIds", "orgPath"::ltree, ip, "userAgent", "requestId", details
          from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id uuid, at timestamptz,
               "actorPersonId" uuid, "actorName" text, "actorRole" text, action text, outcome text,
               "targetType" text, "targetId" text, "subjectPersonId" uuid, "subjectIds" uuid[], "orgPath" text,
               ip text, "userAgent" text, "requestId" text, details jsonb)`,
  );
}

/** The audit row of a write made now, for `writeAuditRows`. */
export const auditRowOf = (origin: AuditOrigin, entry: AuditEntry): AuditRow => ({
  ...auditRow(origin, entry),
  id: newId(),
  at: new Date(),
});

/**
 * The audit rows of writes group-committed together (platform/db/group-commit.ts), in the same
 * transaction as those writes and in one statement.
 */
export async function writeAuditRows(tx: Tx, rows: AuditRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await insertBatch(tx, rows.slice(i, i + 1000));
}

/**
 * Rows that happened at given moments, in one statement (the demo city's history). Everything
 * else is audited as it happens, through `writeAudit` or the buffer.
 */
export async function writeAuditHistory(
  tx: Tx,
  events: { at: Date; origin: AuditOrigin; entry: AuditEntry }[],
): Promise<void> {
  for (let i = 0; i < events.length; i += 1000)
    await insertBatch(
      tx,
      events.slice(i, i + 1000).map((e) => ({ ...auditRow(e.origin, e.entry), id: newId(), at: e.at })),
    );
}

export class AuditBuffer {
  private pending: AuditRow[] = [];
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Tx,
    private readonly onError: (err: unknown) => void,
    private readonly intervalMs = 20,
    private readonly maxBatch = 500,
  ) {}

  add(origin: AuditOrigin, entry: AuditEntry): void {
    // The row keeps the moment of the read, not of the batch.
    this.pending.push({ ...auditRow(origin, entry), id: newId(), at: new Date() });
    if (this.pending.length >= this.maxBatch) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.intervalMs);
  }

  /** Writes everything collected so far; resolves when it is in the database. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    if (batch.length > 0) {
      this.chain = this.chain
        .then(() => insertBatch(this.db, batch))
        .then(
          () => undefined,
          (err: unknown) => this.onError(err),
        );
    }
    return this.chain;
  }
}

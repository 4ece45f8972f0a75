import type { Tx } from '../db/client.ts';
import { auditLog } from './audit.schema.ts';

export interface AuditEntry {
  action: string;
  outcome?: 'success' | 'failure' | 'denied';
  targetType?: string;
  targetId?: string | null;
  subjectPersonId?: string | null;
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
  await tx.insert(auditLog).values({
    actorPersonId: origin.actorPersonId ?? null,
    actorName: clean(origin.actorName, 100),
    actorRole: origin.actorRole ?? null,
    action: entry.action,
    outcome: entry.outcome ?? 'success',
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    subjectPersonId: entry.subjectPersonId ?? null,
    orgPath: entry.orgPath ?? null,
    ip: clean(origin.ip, 64),
    userAgent: clean(origin.userAgent),
    requestId: clean(origin.requestId, 64),
    details: entry.details ?? null,
  });
}

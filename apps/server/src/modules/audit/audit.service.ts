import type { Ctx } from '../../platform/http/context.ts';
import { type AuditFilter, searchAuditLog } from './audit.repository.ts';

/** The audit administrator's search over the whole trail; the search itself is audited. */
export async function searchAudit(ctx: Ctx, q: AuditFilter) {
  const { total, rows } = await searchAuditLog(ctx.db, q);
  await ctx.audit({ action: 'audit.search', details: { query: q, results: rows.length } });
  return {
    total,
    items: rows.map((a) => ({
      id: a.id,
      at: a.at.toISOString(),
      actorPersonId: a.actorPersonId,
      actorName: a.actorName,
      actorRole: a.actorRole,
      action: a.action,
      outcome: a.outcome,
      targetType: a.targetType,
      targetId: a.targetId,
      subjectPersonId: a.subjectPersonId,
      orgPath: a.orgPath,
      ip: a.ip,
      details: a.details,
    })),
  };
}

import { type AuditOrigin, writeAudit } from '../../platform/audit/audit.ts';
import { tryXactLock } from '../../platform/db/advisory-lock.ts';
import type { Tx } from '../../platform/db/client.ts';
import { conflict, forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { scopeCovers } from '../../platform/scope/scope.ts';
import { notify } from '../notifications/notifications.service.ts';
import * as repo from './retirement.repository.ts';

/**
 * When the scheduled check flags a published resource (R4): an average below 2.5 stars from at
 * least 5 ratings, or no view, completion or download in the 180 days since it was published or
 * last used. A resource kept by an administrator is not flagged again for the same reason for 180 days.
 */
export const RETIREMENT_RULES: repo.RetirementRules = {
  minRatings: 5,
  maxAverage: 2.5,
  unusedDays: 180,
  quietDays: 180,
};

const SYSTEM: AuditOrigin = { actorName: '系统定时任务', actorRole: 'system' };
/** One run at a time across instances (pg_try_advisory_xact_lock key). */
const LOCK = 0x68616e6c; // 'hanl'

/**
 * Flags what the rules catch and tells the administrators of each resource's unit. Runs in one
 * transaction; a second instance running at the same time skips (returns null).
 */
export async function flagForRetirement(tx: Tx, rules = RETIREMENT_RULES) {
  if (!(await tryXactLock(tx, LOCK))) return null;
  const flagged = await repo.insertRetirementFlags(tx, rules);
  for (const f of flagged) {
    await writeAudit(tx, SYSTEM, {
      action: 'resource.retirement.flag',
      targetType: 'resource',
      targetId: f.resourceId,
      orgPath: f.path,
      details: { reason: f.reason },
    });
  }
  // The administrators of the unit the resource belongs to decide.
  await repo.notifyUnitAdmins(
    tx,
    flagged.map((f) => f.id),
  );
  return { flagged: flagged.length };
}

/** Flags awaiting a decision, for the administrators whose scope holds the resource. */
export async function listPending(ctx: Ctx) {
  return { items: await repo.listPendingRetirements(ctx.db, ctx.scope) };
}

/** An administrator of the resource's unit retires it (no longer shown) or keeps it. */
export async function decide(ctx: Ctx, resourceId: string, action: 'retire' | 'keep', note: string) {
  const flag = await repo.lockPendingRetirement(ctx.db, resourceId);
  if (!flag) throw notFound('待确认的下架提示');
  if (!scopeCovers(ctx.scope, flag.path)) throw forbidden('只有资源所属单位的管理员可以确认');
  const status = action === 'retire' ? 'retired' : 'kept';
  await repo.decideRetirement(ctx.db, flag.id, { status, decidedBy: ctx.actor.personId, note });
  if (action === 'retire') {
    if (!(await repo.retireResource(ctx.db, resourceId))) throw conflict('资源已不在发布状态');
    await notify(ctx.db, {
      personId: flag.authorId,
      kind: 'resource.retired',
      title: `资源已下架：${flag.title}`,
      body: note || '评分偏低或长期无人使用，已由管理员下架。',
      link: `/resources/${resourceId}`,
    });
  }
  await ctx.audit({
    action: action === 'retire' ? 'resource.retire' : 'resource.retirement.keep',
    targetType: 'resource',
    targetId: resourceId,
    orgPath: flag.path,
    details: { note },
  });
  return { ok: true as const };
}

import { badRequest, conflict, forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { decidesShare, LEVEL_DEPTH, levelUnit, SHARE_REVIEWERS } from './assessment.policy.ts';
import * as repo from './bank.repository.ts';
import { SHARE_LEVELS } from './bank.schema.ts';
import { getItem, present } from './bank.service.ts';
import { notifyShareDecision, notifyShareReviewers, type SharedLevel } from './bank-share-notices.ts';

const rank = (level: string) => SHARE_LEVELS.indexOf(level as (typeof SHARE_LEVELS)[number]);

/**
 * The author asks to share an item with their school, district or the city. One decision by a
 * reviewer of that level (SHARE_REVIEWERS) makes it visible there; until then it stays where it was.
 */
export async function requestShare(ctx: Ctx, id: string, level: SharedLevel) {
  const head = await repo.lockItem(ctx.db, id);
  if (!head) throw notFound('试题');
  if (head.authorId !== ctx.actor.personId) throw forbidden('只有作者可以申请共享试题');
  if (head.retired) throw conflict('已停用的试题不能共享');
  if (head.shareStatus === 'pending') throw conflict('试题已在共享审核中');
  if (rank(level) <= rank(head.share)) throw conflict('试题已共享到这一范围或更大范围');
  if (!levelUnit(head.path, level)) throw badRequest('这道题属于上级单位，不能共享到这一范围');
  await repo.setShare(ctx.db, id, { share: head.share, requested: level, status: 'pending', note: null });
  const told = await notifyShareReviewers(ctx, head, level);
  await ctx.audit({
    action: 'item.share.request',
    targetType: 'item',
    targetId: id,
    orgPath: head.path,
    details: { level, reviewersTold: told },
  });
  return getItem(ctx, id);
}

/** The author takes an item back to themselves: a share in force or a request in review ends. */
export async function withdrawShare(ctx: Ctx, id: string) {
  const head = await repo.lockItem(ctx.db, id);
  if (!head) throw notFound('试题');
  if (head.authorId !== ctx.actor.personId) throw forbidden('只有作者可以撤回共享');
  if (head.share === 'private' && head.shareStatus !== 'pending')
    throw conflict('试题没有共享，也没有在审核中');
  await repo.setShare(ctx.db, id, { share: 'private', requested: null, status: 'none', note: null });
  await ctx.audit({
    action: 'item.share.withdraw',
    targetType: 'item',
    targetId: id,
    orgPath: head.path,
    details: { was: head.share, requested: head.shareRequested },
  });
  return getItem(ctx, id);
}

/**
 * A reviewer of the requested level decides: approve (the item is shared there) or return it with
 * a reason (it stays where it was; the author sees why). Nobody decides their own item.
 */
export async function decideShare(ctx: Ctx, id: string, decision: 'approve' | 'return', reason = '') {
  const head = await repo.lockItem(ctx.db, id);
  if (!head) throw notFound('试题');
  const level = head.shareRequested;
  if (head.shareStatus !== 'pending' || !level || level === 'private') throw conflict('试题不在共享审核中');
  if (!decidesShare(ctx.actor.role, ctx.actor.orgPath, level, head.path))
    throw forbidden('您不负责这一范围的试题共享审核');
  if (head.authorId === ctx.actor.personId) throw forbidden('不能审核自己的试题');
  if (decision === 'return' && !reason.trim()) throw badRequest('退回时请写明原因');
  await repo.setShare(
    ctx.db,
    id,
    decision === 'approve'
      ? { share: level, requested: null, status: 'approved', note: null }
      : { share: head.share, requested: level, status: 'returned', note: reason.trim() },
  );
  await notifyShareDecision(ctx, head, level, decision, reason.trim());
  await ctx.audit({
    action: decision === 'approve' ? 'item.share.approve' : 'item.share.return',
    targetType: 'item',
    targetId: id,
    orgPath: head.path,
    details: { level, reason: reason.trim() || undefined },
  });
  return getItem(ctx, id);
}

/** The levels the actor decides and the unit of each: where their role sits in the tree. */
function reviewedUnits(ctx: Ctx): { level: SharedLevel; path: string }[] {
  const depth = ctx.actor.orgPath.split('.').length;
  return (Object.keys(SHARE_REVIEWERS) as SharedLevel[])
    .filter((level) => SHARE_REVIEWERS[level].includes(ctx.actor.role) && LEVEL_DEPTH[level] === depth)
    .map((level) => ({ level, path: ctx.actor.orgPath }));
}

/** The reviewer's queue: items waiting for a share decision at their level and unit, oldest first. */
export async function listShareQueue(ctx: Ctx) {
  const units = reviewedUnits(ctx);
  const rows = await repo.listPendingShares(ctx.db, units, 200);
  const points = await repo.listItemPoints(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    levels: units.map((u) => u.level),
    items: rows
      .filter((r) => r.authorId !== ctx.actor.personId)
      .map((r) => present(ctx, r, points.get(r.id) ?? [])),
  };
}

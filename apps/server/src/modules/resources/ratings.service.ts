import { conflict, forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { shownName } from './learner-names.ts';
import * as repo from './ratings.repository.ts';
import { findResourceHead } from './resources.repository.ts';

/**
 * R4: a user rates a published resource (1–5 stars) with an optional comment; rating again replaces
 * the earlier one. The totals in resource_stat move by the difference, in the same transaction.
 */
export async function rate(ctx: Ctx, resourceId: string, stars: number, comment: string) {
  const res = await findResourceHead(ctx.db, resourceId, { lock: true });
  if (!res) throw notFound('资源');
  if (res.status !== 'published') throw conflict('资源发布后才能评价');
  if (res.authorId === ctx.actor.personId) throw forbidden('不能评价自己的资源');
  const old = await repo.findStars(ctx.db, resourceId, ctx.actor.personId);
  await repo.upsertRating(ctx.db, { resourceId, personId: ctx.actor.personId, stars, comment });
  await repo.addToRatingTotals(ctx.db, resourceId, {
    first: stars,
    count: old === undefined ? 1 : 0,
    sum: stars - (old ?? 0),
  });
  await ctx.audit({
    action: 'resource.rate',
    targetType: 'resource',
    targetId: resourceId,
    orgPath: res.path,
    details: { stars },
  });
  return summary(ctx, resourceId);
}

/** Average, count, views and the latest comments (learners' names shortened for other learners). */
export async function summary(ctx: Ctx, resourceId: string) {
  const s = await repo.findRatingTotals(ctx.db, resourceId);
  const rows = await repo.listRatings(ctx.db, resourceId);
  return {
    count: s.count,
    average: s.average,
    views: s.views,
    mine: rows.find((x) => x.personId === ctx.actor.personId)?.stars ?? null,
    comments: rows
      .filter((x) => x.comment !== '')
      .map((x) => ({
        name: shownName(ctx, x.name, x.staff, x.personId === ctx.actor.personId),
        stars: x.stars,
        comment: x.comment,
        at: x.at,
      })),
  };
}

import { conflict, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { findResourceHead } from './resources.repository.ts';
import * as repo from './use.repository.ts';

export type { UseKind } from './use.repository.ts';

/** The viewer's unit for statistics: their school, or their bureau (the first three path labels). */
export const viewerUnit = (orgPath: string) => orgPath.split('.').slice(0, 3).join('.');

/**
 * Counts one use of a resource: on the resource's totals (ranking, retirement) and on the viewer's
 * unit and day (statistics by school and district).
 */
export async function countUse(ctx: Ctx, resourceId: string, kind: repo.UseKind): Promise<void> {
  await repo.addUse(ctx.db, resourceId, kind, viewerUnit(ctx.actor.orgPath));
}

/**
 * A learner finished a resource (the video played to its end, or a document marked done); counted
 * once, and audited when it is recorded (a repeat changes nothing).
 */
export async function complete(ctx: Ctx, resourceId: string) {
  const r = await findResourceHead(ctx.db, resourceId);
  if (!r) throw notFound('资源');
  if (r.status !== 'published') throw conflict('资源发布后才计入学习');
  if (await repo.insertCompletion(ctx.db, resourceId, ctx.actor.personId)) {
    await countUse(ctx, resourceId, 'completions');
    await ctx.audit({
      action: 'resource.complete',
      targetType: 'resource',
      targetId: resourceId,
      orgPath: r.path,
    });
  }
  return { completed: true as const };
}

export async function completedByMe(ctx: Ctx, resourceId: string): Promise<boolean> {
  return repo.hasCompleted(ctx.db, resourceId, ctx.actor.personId);
}

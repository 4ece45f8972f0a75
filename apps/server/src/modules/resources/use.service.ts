import { sql } from 'drizzle-orm';
import { TODAY } from '../../platform/db/types.ts';
import { conflict, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';

export type UseKind = 'views' | 'completions' | 'downloads';

/** The viewer's unit for statistics: their school, or their bureau (the first three path labels). */
export const viewerUnit = (orgPath: string) => orgPath.split('.').slice(0, 3).join('.');

/**
 * Counts one use of a resource: on the resource's totals (ranking, retirement) and on the viewer's
 * unit and day (statistics by school and district).
 */
export async function countUse(ctx: Ctx, resourceId: string, kind: UseKind): Promise<void> {
  const col = sql.identifier(kind);
  await ctx.db.execute(sql`
    insert into resource_stat (resource_id, ${col}) values (${resourceId}, 1)
    on conflict (resource_id) do update set ${col} = resource_stat.${col} + 1`);
  await ctx.db.execute(sql`
    insert into resource_use (resource_id, viewer_path, day, ${col})
    values (${resourceId}, ${viewerUnit(ctx.actor.orgPath)}::ltree, ${TODAY}, 1)
    on conflict (resource_id, viewer_path, day) do update set ${col} = resource_use.${col} + 1`);
}

/** A learner finished a resource (the video played to its end, or a document marked done); counted once. */
export async function complete(ctx: Ctx, resourceId: string) {
  const r = await ctx.db.execute<{ status: string }>(
    sql`select status from resource where id = ${resourceId}`,
  );
  if (!r.rows[0]) throw notFound('资源');
  if (r.rows[0].status !== 'published') throw conflict('资源发布后才计入学习');
  const res = await ctx.db.execute(sql`insert into resource_completion (resource_id, person_id)
    values (${resourceId}, ${ctx.actor.personId}) on conflict do nothing`);
  if ((res.rowCount ?? 0) > 0) await countUse(ctx, resourceId, 'completions');
  return { completed: true as const };
}

export async function completedByMe(ctx: Ctx, resourceId: string): Promise<boolean> {
  const res = await ctx.db.execute(sql`select 1 from resource_completion
    where resource_id = ${resourceId} and person_id = ${ctx.actor.personId}`);
  return res.rows.length > 0;
}

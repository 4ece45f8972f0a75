import { sql } from 'drizzle-orm';
import { conflict, forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { STAFF_ROLES, shownName } from './learner-names.ts';

/**
 * R4: a user rates a published resource (1–5 stars) with an optional comment; rating again replaces
 * the earlier one. The totals in resource_stat move by the difference, in the same transaction.
 */
export async function rate(ctx: Ctx, resourceId: string, stars: number, comment: string) {
  const r = await ctx.db.execute<{ status: string; authorId: string; path: string }>(sql`
    select status, author_id as "authorId", path::text as path from resource where id = ${resourceId} for update`);
  const res = r.rows[0];
  if (!res) throw notFound('资源');
  if (res.status !== 'published') throw conflict('资源发布后才能评价');
  if (res.authorId === ctx.actor.personId) throw forbidden('不能评价自己的资源');
  const before = await ctx.db.execute<{ stars: number }>(sql`
    select stars from resource_rating where resource_id = ${resourceId} and person_id = ${ctx.actor.personId}`);
  const old = before.rows[0]?.stars;
  await ctx.db.execute(sql`
    insert into resource_rating (resource_id, person_id, stars, comment) values (${resourceId}, ${ctx.actor.personId}, ${stars}, ${comment})
    on conflict (resource_id, person_id) do update set stars = excluded.stars, comment = excluded.comment, updated_at = now()`);
  await ctx.db.execute(sql`
    insert into resource_stat (resource_id, rating_count, rating_sum) values (${resourceId}, 1, ${stars})
    on conflict (resource_id) do update set rating_count = resource_stat.rating_count + ${old === undefined ? 1 : 0},
                                            rating_sum = resource_stat.rating_sum + ${stars - (old ?? 0)}`);
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
  const stat = await ctx.db.execute<{ count: number; average: number | null; views: number }>(sql`
    select coalesce(rating_count, 0) as count, case when rating_count > 0 then round(rating_sum::numeric / rating_count, 1)::float8 end as average,
           coalesce(views, 0) as views
      from (select ${resourceId}::uuid as id) x left join resource_stat s on s.resource_id = x.id`);
  const rows = await ctx.db.execute<{
    personId: string;
    name: string;
    staff: boolean;
    stars: number;
    comment: string;
    at: string;
  }>(sql`
    select rr.person_id as "personId", p.name, exists (select 1 from role_assignment ra where ra.person_id = rr.person_id and ra.active
             and ra.role = any(string_to_array(${[...STAFF_ROLES].join(',')}, ','))) as staff,
           rr.stars, rr.comment, rr.updated_at as at
      from resource_rating rr join person p on p.id = rr.person_id
     where rr.resource_id = ${resourceId} order by rr.updated_at desc limit 50`);
  const s = stat.rows[0]!;
  return {
    count: s.count,
    average: s.average,
    views: s.views,
    mine: rows.rows.find((x) => x.personId === ctx.actor.personId)?.stars ?? null,
    comments: rows.rows
      .filter((x) => x.comment !== '')
      .map((x) => ({
        name: shownName(ctx, x.name, x.staff, x.personId === ctx.actor.personId),
        stars: x.stars,
        comment: x.comment,
        at: x.at,
      })),
  };
}

import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/http/context.ts';
import { inScope } from '../../platform/scope/scope.ts';

/**
 * R4 usage statistics by the units below the administrator: the city's districts, a district's
 * schools, or the school itself. Counts the resources each unit contributed and how they are used
 * (views on play, ratings), and how much the unit's own teachers and students use resources of
 * anyone (views, completions, downloads, counted by the viewer's school).
 */
export async function usageByUnit(ctx: Ctx) {
  const kind: 'district' | 'school' = ctx.actor.role === 'city_admin' ? 'district' : 'school';
  const res = await ctx.db.execute<{
    id: string;
    name: string;
    published: number;
    pending: number;
    views: number;
    ratings: number;
    rating: number | null;
    usedViews: number;
    usedCompletions: number;
    usedDownloads: number;
  }>(sql`
    select u.id, u.name,
           count(r.id) filter (where r.status = 'published')::int as published,
           count(r.id) filter (where r.status in ('draft', 'in_review', 'returned'))::int as pending,
           coalesce(sum(st.views), 0)::int as views,
           coalesce(sum(st.rating_count), 0)::int as ratings,
           round(sum(st.rating_sum)::numeric / nullif(sum(st.rating_count), 0), 1)::float8 as rating,
           coalesce((select sum(x.views) from resource_use x where x.viewer_path <@ u.path), 0)::int as "usedViews",
           coalesce((select sum(x.completions) from resource_use x where x.viewer_path <@ u.path), 0)::int as "usedCompletions",
           coalesce((select sum(x.downloads) from resource_use x where x.viewer_path <@ u.path), 0)::int as "usedDownloads"
      from org_unit u
      left join resource r on r.path <@ u.path
      left join resource_stat st on st.resource_id = r.id
     where u.kind = ${kind} and u.active and ${inScope(ctx.scope, sql`u.path`)}
     group by u.id, u.name, u.path order by views desc, published desc, u.path limit 500`);
  return { level: kind, rows: res.rows };
}

import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { TODAY } from '../../platform/db/types.ts';
import { inScope, type Scope } from '../../platform/scope/scope.ts';

export type UseKind = 'views' | 'completions' | 'downloads';

/** Adds one use to the resource's totals and to the viewer unit's count of the day. */
export async function addUse(tx: Tx, resourceId: string, kind: UseKind, viewerPath: string): Promise<void> {
  const col = sql.identifier(kind);
  await tx.execute(sql`
    insert into resource_stat (resource_id, ${col}) values (${resourceId}, 1)
    on conflict (resource_id) do update set ${col} = resource_stat.${col} + 1`);
  await tx.execute(sql`
    insert into resource_use (resource_id, viewer_path, day, ${col})
    values (${resourceId}, ${viewerPath}::ltree, ${TODAY}, 1)
    on conflict (resource_id, viewer_path, day) do update set ${col} = resource_use.${col} + 1`);
}

/** Records that a person finished a resource; false when they had already. */
export async function insertCompletion(tx: Tx, resourceId: string, personId: string): Promise<boolean> {
  const res = await tx.execute(sql`insert into resource_completion (resource_id, person_id)
    values (${resourceId}, ${personId}) on conflict do nothing`);
  return (res.rowCount ?? 0) > 0;
}

export async function hasCompleted(tx: Tx, resourceId: string, personId: string): Promise<boolean> {
  const res = await tx.execute(sql`select 1 from resource_completion
    where resource_id = ${resourceId} and person_id = ${personId}`);
  return res.rows.length > 0;
}

export type UnitUsage = {
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
};

/**
 * Per unit of `kind` inside the scope: the resources it contributed and how they are used, and how
 * much its own people use resources of anyone (counted by the viewer's unit).
 */
export async function usageByUnit(tx: Tx, scope: Scope, kind: 'district' | 'school'): Promise<UnitUsage[]> {
  const res = await tx.execute<UnitUsage>(sql`
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
     where u.kind = ${kind} and u.active and ${inScope(scope, sql`u.path`)}
     group by u.id, u.name, u.path order by views desc, published desc, u.path limit 500`);
  return res.rows;
}

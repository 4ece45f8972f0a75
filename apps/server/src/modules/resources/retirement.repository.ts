import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { TODAY } from '../../platform/db/types.ts';
import { inScope, type Scope } from '../../platform/scope/scope.ts';
import type { TRetirementReason } from './resources.schema.ts';

export interface RetirementRules {
  minRatings: number;
  maxAverage: number;
  unusedDays: number;
  quietDays: number;
}

export type RetirementFlag = {
  id: string;
  resourceId: string;
  reason: TRetirementReason;
  title: string;
  path: string;
};

/**
 * Flags the published resources the rules catch (low ratings, or unused), unless one is already
 * pending or was kept for the same reason within the quiet period; returns the new flags.
 */
export async function insertRetirementFlags(tx: Tx, rules: RetirementRules): Promise<RetirementFlag[]> {
  const flagged = await tx.execute<RetirementFlag>(sql`
    with low as (
      select r.id, 'low_rating' as reason,
             jsonb_build_object('average', round(st.rating_sum::numeric / st.rating_count, 1), 'ratings', st.rating_count) as details
        from resource r join resource_stat st on st.resource_id = r.id
       where r.status = 'published' and st.rating_count >= ${rules.minRatings}::int
         and st.rating_sum::numeric / st.rating_count < ${rules.maxAverage}::numeric
    ), unused as (
      select r.id, 'unused' as reason,
             jsonb_build_object('publishedAt', r.published_at,
                                'lastUsed', (select max(u.day) from resource_use u where u.resource_id = r.id)) as details
        from resource r
       where r.status = 'published' and r.published_at < now() - make_interval(days => ${rules.unusedDays}::int)
         and not exists (select 1 from resource_use u where u.resource_id = r.id
                          and u.day > ${TODAY} - ${rules.unusedDays}::int)
         and r.id not in (select id from low)
    ), candidates as (select * from low union all select * from unused)
    insert into resource_retirement (id, resource_id, reason, details)
    select gen_random_uuid(), c.id, c.reason, c.details from candidates c
     where not exists (select 1 from resource_retirement x where x.resource_id = c.id
                        and (x.status = 'pending' or (x.status = 'kept' and x.reason = c.reason
                             and x.decided_at > now() - make_interval(days => ${rules.quietDays}::int))))
    on conflict do nothing
    returning id, resource_id as "resourceId", reason,
              (select title from resource where id = resource_id) as title,
              (select path::text from resource where id = resource_id) as path`);
  return flagged.rows;
}

/** Tells the administrators of each flagged resource's own unit (one notification each). */
export async function notifyUnitAdmins(tx: Tx, flagIds: string[]): Promise<void> {
  await tx.execute(sql`
    insert into notification (id, person_id, kind, title, body, link)
    select gen_random_uuid(), ra.person_id, 'resource.retirement',
           '资源待下架确认：' || left(r.title, 60),
           case x.reason when 'low_rating' then '评分偏低，请确认下架或保留。' else '长期无人使用，请确认下架或保留。' end,
           '/resources?retirements=1'
      from resource_retirement x join resource r on r.id = x.resource_id
      join role_assignment ra on ra.path = r.path and ra.active
       and ra.role in ('school_admin', 'district_admin', 'city_admin')
     where x.id = any(string_to_array(${flagIds.join(',')}, ',')::uuid[])`);
}

export type PendingRetirement = {
  resourceId: string;
  title: string;
  kind: string;
  authorName: string;
  unitName: string;
  reason: TRetirementReason;
  details: Record<string, unknown>;
  flaggedAt: string;
  views: number;
  rating: number | null;
};

/** Flags awaiting a decision on resources inside the scope, oldest first. */
export async function listPendingRetirements(tx: Tx, scope: Scope): Promise<PendingRetirement[]> {
  const res = await tx.execute<PendingRetirement>(sql`
    select r.id as "resourceId", r.title, r.kind, p.name as "authorName", coalesce(u.name, '') as "unitName",
           x.reason, x.details, x.flagged_at as "flaggedAt", coalesce(st.views, 0) as views,
           case when st.rating_count > 0 then round(st.rating_sum::numeric / st.rating_count, 1)::float8 end as rating
      from resource_retirement x join resource r on r.id = x.resource_id
      join person_directory p on p.id = r.author_id
      left join org_unit u on u.path = r.path
      left join resource_stat st on st.resource_id = r.id
     where x.status = 'pending' and ${inScope(scope, sql`r.path`)}
     order by x.flagged_at, r.id limit 200`);
  return res.rows;
}

/** The pending flag of a resource, locked until the transaction ends. */
export async function lockPendingRetirement(tx: Tx, resourceId: string) {
  const res = await tx.execute<{ id: string; path: string; title: string; authorId: string }>(sql`
    select x.id, r.path::text as path, r.title, r.author_id as "authorId"
      from resource_retirement x join resource r on r.id = x.resource_id
     where x.resource_id = ${resourceId} and x.status = 'pending' for update of x`);
  return res.rows[0];
}

export async function decideRetirement(
  tx: Tx,
  flagId: string,
  d: { status: 'retired' | 'kept'; decidedBy: string; note: string },
): Promise<void> {
  await tx.execute(sql`update resource_retirement set status = ${d.status}, decided_by = ${d.decidedBy},
    decided_at = now(), note = ${d.note} where id = ${flagId}`);
}

/** Retires a published resource; false when it was no longer published. */
export async function retireResource(tx: Tx, resourceId: string): Promise<boolean> {
  const r = await tx.execute(sql`update resource set status = 'retired', updated_at = now()
      where id = ${resourceId} and status = 'published'`);
  return (r.rowCount ?? 0) > 0;
}

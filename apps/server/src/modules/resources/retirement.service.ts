import { sql } from 'drizzle-orm';
import { type AuditOrigin, writeAudit } from '../../platform/audit/audit.ts';
import type { Tx } from '../../platform/db/client.ts';
import { TODAY } from '../../platform/db/types.ts';
import { conflict, forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { inScope, scopeCovers } from '../../platform/scope/scope.ts';
import { notify } from '../notifications/notifications.service.ts';
import type { TRetirementReason } from './resources.schema.ts';

/**
 * When the scheduled check flags a published resource (R4): an average below 2.5 stars from at
 * least 5 ratings, or no view, completion or download in the 180 days since it was published or
 * last used. A resource kept by an administrator is not flagged again for the same reason for 180 days.
 */
export const RETIREMENT_RULES = { minRatings: 5, maxAverage: 2.5, unusedDays: 180, quietDays: 180 };

const SYSTEM: AuditOrigin = { actorName: '系统定时任务', actorRole: 'system' };
/** One run at a time across instances (pg_try_advisory_xact_lock key). */
const LOCK = 0x68616e6c; // 'hanl'

/**
 * Flags what the rules catch and tells the administrators of each resource's unit. Runs in one
 * transaction; a second instance running at the same time skips (returns null).
 */
export async function flagForRetirement(tx: Tx, rules = RETIREMENT_RULES) {
  const lock = await tx.execute<{ ok: boolean }>(sql`select pg_try_advisory_xact_lock(${LOCK}) as ok`);
  if (!lock.rows[0]?.ok) return null;
  const flagged = await tx.execute<{
    id: string;
    resourceId: string;
    reason: TRetirementReason;
    title: string;
    path: string;
  }>(sql`
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
  for (const f of flagged.rows) {
    await writeAudit(tx, SYSTEM, {
      action: 'resource.retirement.flag',
      targetType: 'resource',
      targetId: f.resourceId,
      orgPath: f.path,
      details: { reason: f.reason },
    });
  }
  // The administrators of the unit the resource belongs to decide.
  await tx.execute(sql`
    insert into notification (id, person_id, kind, title, body, link)
    select gen_random_uuid(), ra.person_id, 'resource.retirement',
           '资源待下架确认：' || left(r.title, 60),
           case x.reason when 'low_rating' then '评分偏低，请确认下架或保留。' else '长期无人使用，请确认下架或保留。' end,
           '/resources?retirements=1'
      from resource_retirement x join resource r on r.id = x.resource_id
      join role_assignment ra on ra.path = r.path and ra.active
       and ra.role in ('school_admin', 'district_admin', 'city_admin')
     where x.id = any(string_to_array(${flagged.rows.map((f) => f.id).join(',')}, ',')::uuid[])`);
  return { flagged: flagged.rows.length };
}

/** Flags awaiting a decision, for the administrators whose scope holds the resource. */
export async function listPending(ctx: Ctx) {
  const res = await ctx.db.execute<{
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
  }>(sql`
    select r.id as "resourceId", r.title, r.kind, p.name as "authorName", coalesce(u.name, '') as "unitName",
           x.reason, x.details, x.flagged_at as "flaggedAt", coalesce(st.views, 0) as views,
           case when st.rating_count > 0 then round(st.rating_sum::numeric / st.rating_count, 1)::float8 end as rating
      from resource_retirement x join resource r on r.id = x.resource_id
      join person p on p.id = r.author_id
      left join org_unit u on u.path = r.path
      left join resource_stat st on st.resource_id = r.id
     where x.status = 'pending' and ${inScope(ctx.scope, sql`r.path`)}
     order by x.flagged_at, r.id limit 200`);
  return { items: res.rows };
}

/** An administrator of the resource's unit retires it (no longer shown) or keeps it. */
export async function decide(ctx: Ctx, resourceId: string, action: 'retire' | 'keep', note: string) {
  const res = await ctx.db.execute<{ id: string; path: string; title: string; authorId: string }>(sql`
    select x.id, r.path::text as path, r.title, r.author_id as "authorId"
      from resource_retirement x join resource r on r.id = x.resource_id
     where x.resource_id = ${resourceId} and x.status = 'pending' for update of x`);
  const flag = res.rows[0];
  if (!flag) throw notFound('待确认的下架提示');
  if (!scopeCovers(ctx.scope, flag.path)) throw forbidden('只有资源所属单位的管理员可以确认');
  const status = action === 'retire' ? 'retired' : 'kept';
  await ctx.db.execute(sql`update resource_retirement set status = ${status}, decided_by = ${ctx.actor.personId},
    decided_at = now(), note = ${note} where id = ${flag.id}`);
  if (action === 'retire') {
    const r = await ctx.db.execute(sql`update resource set status = 'retired', updated_at = now()
      where id = ${resourceId} and status = 'published'`);
    if ((r.rowCount ?? 0) === 0) throw conflict('资源已不在发布状态');
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

/**
 * Runs the check once a day (and once shortly after start). Every instance schedules it; the
 * advisory lock lets one of them do the work.
 */
export function scheduleRetirementCheck(
  run: () => Promise<unknown>,
  everyMs: number,
  log: (m: string) => void,
): () => void {
  const tick = () =>
    run().catch((err: unknown) => log(`[hanlin] retirement check failed: ${(err as Error).message}`));
  const first = setTimeout(tick, 30_000);
  const timer = setInterval(tick, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

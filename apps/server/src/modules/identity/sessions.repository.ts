import { sql } from 'drizzle-orm';
import type { SessionLimits } from '../../platform/auth/session.ts';
import type { Tx } from '../../platform/db/client.ts';
import type { TRole } from './identity.schema.ts';

export type LiveSessionRow = {
  id: string;
  personId: string;
  name: string;
  username: string;
  role: TRole;
  orgName: string;
  ip: string | null;
  userAgent: string | null;
  startedAt: string;
  lastSeenAt: string;
  mfaPassed: boolean;
  totpEnabled: boolean;
  /** Every active role of the person the reader may see (whether a second factor is needed). */
  roles: TRole[];
};

/** SQL: the session is in force under `limits` (not ended, not expired, not idle, not too old). */
const live = (limits: SessionLimits) => sql`s.revoked_at is null and s.expires_at > now()
  and s.last_seen_at > now() - make_interval(secs => ${limits.idleMs / 1000})
  and s.created_at > now() - make_interval(secs => ${limits.absoluteMs / 1000})`;

/**
 * Sessions in force whose active role is one of `roles`, most recently used first; `role` and `q`
 * (username prefix or part of the name) narrow them. Row-level security keeps them to the accounts
 * the reader may see.
 */
export async function listLiveSessions(
  tx: Tx,
  opts: { limits: SessionLimits; roles: readonly TRole[]; role?: TRole; q?: string; limit: number },
): Promise<LiveSessionRow[]> {
  const q = opts.q?.trim().toLowerCase();
  // The sessions in force first, then what they name, each by its key: left to itself, the planner
  // misjudged how many sessions the row policies let through and read every role row of the city.
  const res = await tx.execute<LiveSessionRow>(sql`
    with s as materialized (select * from session s where ${live(opts.limits)})
    select s.id, s.person_id as "personId", p.name, a.username, ra.role, o.name as "orgName", s.ip,
           s.user_agent as "userAgent", s.created_at::text as "startedAt", s.last_seen_at::text as "lastSeenAt",
           s.mfa_passed as "mfaPassed", a.totp_enabled as "totpEnabled",
           array(select r2.role from role_assignment r2 where r2.person_id = s.person_id and r2.active) as roles
      from s
      join account a on a.id = s.account_id and a.status = 'active'
      join person p on p.id = s.person_id
      join role_assignment ra on ra.id = s.role_assignment_id and ra.active
      join org_unit o on o.id = ra.org_unit_id
     where ra.role = any(${sql.param([...opts.roles])}::text[])
       ${opts.role ? sql`and ra.role = ${opts.role}` : sql``}
       ${q ? sql`and (a.username_key like ${`${q.replace(/[\\%_]/g, '\\$&')}%`} or strpos(p.name, ${q}) > 0)` : sql``}
     order by s.last_seen_at desc, s.id
     limit ${opts.limit}`);
  return res.rows;
}

/** How many sessions are in force whose active role is not one of `roles` (learners, guardians …). */
export async function countOtherLiveSessions(
  tx: Tx,
  opts: { limits: SessionLimits; roles: readonly TRole[] },
): Promise<number> {
  const res = await tx.execute<{ n: number }>(sql`
    select count(*)::int as n from session s join role_assignment ra on ra.id = s.role_assignment_id
     where ${live(opts.limits)} and ra.role <> all(${sql.param([...opts.roles])}::text[])`);
  return res.rows[0]?.n ?? 0;
}

export type SessionTarget = {
  id: string;
  accountId: string;
  personId: string;
  role: TRole | null;
  live: boolean;
};

/** A session the reader may see, with whether it is still in force. */
export async function findSession(
  tx: Tx,
  id: string,
  limits: SessionLimits,
): Promise<SessionTarget | undefined> {
  const res = await tx.execute<SessionTarget>(sql`
    select s.id, s.account_id as "accountId", s.person_id as "personId", ra.role, (${live(limits)}) as live
      from session s left join role_assignment ra on ra.id = s.role_assignment_id
     where s.id = ${id}`);
  return res.rows[0];
}

/** Ends one session: its next request is refused as signed out. */
export async function revokeSession(tx: Tx, id: string): Promise<void> {
  await tx.execute(sql`update session set revoked_at = now() where id = ${id} and revoked_at is null`);
}

import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import type { TRole } from './identity.schema.ts';

/** The staff roles, as the SQL list the queries below compare with (authority.ts STAFF_ROLES). */
export const staffList = (roles: readonly TRole[]): SQL => sql.raw(roles.map((r) => `'${r}'`).join(', '));

export type TAccountFilter = 'all' | 'locked' | 'dormant' | 'disabled';

export type StaffAccountRow = {
  personId: string;
  name: string;
  username: string;
  status: 'active' | 'disabled';
  lastLoginAt: string | null;
  createdAt: string;
  totpEnabled: boolean;
  dormant: boolean;
  lockedUntil: string | null;
  /** Source addresses from which the account is locked out now. */
  lockedSources: number;
  roles: { id: string; role: TRole; orgUnitId: string; orgName: string; orgKind: string }[];
};

const FILTERS: Record<TAccountFilter, SQL> = {
  all: sql`true`,
  locked: sql`l.until is not null`,
  dormant: sql`x.dormant`,
  disabled: sql`x.status = 'disabled'`,
};

/**
 * Accounts of people holding a staff role (`staff`) and none of the 三员's, with their locks and
 * whether they are dormant (no sign-in for `dormantDays`, or never since created that long ago).
 * Starts from the staff's role rows, so learners' and guardians' accounts are never read. `q`
 * matches the start of the username or part of the name.
 */
export async function listStaffAccounts(
  tx: Tx,
  opts: {
    staff: readonly TRole[];
    filter: TAccountFilter;
    q?: string;
    dormantDays: number;
    limit: number;
    offset: number;
  },
): Promise<{ total: number; rows: StaffAccountRow[] }> {
  const q = opts.q?.trim().toLowerCase();
  // Names come from person_directory (migration 0022: names are shown beyond a person's scope),
  // which asks no row policy: the accounts listed are those the account's own policy lets the
  // reader see. Read through the person table, a name search ran its policy for every staff
  // account of the city (0.5 s on 200,000 students).
  const res = await tx.execute<StaffAccountRow & { total: number }>(sql`
    with x as (
      select a.id, a.person_id, a.username, a.status, a.last_login_at, a.created_at, a.totp_enabled,
             coalesce(a.last_login_at, a.created_at) < now() - make_interval(days => ${opts.dormantDays}) as dormant
        from (select distinct ra.person_id from role_assignment ra
               where ra.active and ra.role in (${staffList(opts.staff)})) sp
        -- Each staff member's account by its index: joined, the planner read all 2.65 million
        -- accounts of a 1,000,000-student city (0.67 s against 0.29 s).
        cross join lateral (select * from account a where a.person_id = sp.person_id limit 1) a
       where not exists (select 1 from role_assignment t where t.person_id = a.person_id and t.active
                           and t.role in ('auditor', 'system_admin', 'security_admin'))
         ${
           q
             ? sql`and (a.username_key like ${`${q.replace(/[\\%_]/g, '\\$&')}%`}
                        or exists (select 1 from person_directory p where p.id = a.person_id and strpos(p.name, ${q}) > 0))`
             : sql``
         }
    ), page as (
      select x.*, l.until, l.sources, count(*) over ()::int as total
        from x
        left join lateral (select max(t.locked_until) as until, count(*) as sources from login_throttle t
                            where t.subject = 'a:' || x.id::text and t.locked_until > now()) l on l.sources > 0
       where ${FILTERS[opts.filter]}
       order by (l.until is not null) desc, x.status desc, x.dormant desc, x.username
       limit ${opts.limit} offset ${opts.offset}
    )
    select x.person_id as "personId", p.name, x.username, x.status, x.last_login_at::text as "lastLoginAt",
           x.created_at::text as "createdAt", x.totp_enabled as "totpEnabled", x.dormant,
           x.until::text as "lockedUntil", coalesce(x.sources, 0)::int as "lockedSources",
           coalesce((select json_agg(json_build_object('id', ra.id, 'role', ra.role, 'orgUnitId', o.id,
                                                       'orgName', o.name, 'orgKind', o.kind) order by ra.path, ra.role)
                       from role_assignment ra join org_unit o on o.id = ra.org_unit_id
                      where ra.person_id = x.person_id and ra.active), '[]'::json) as roles,
           x.total
      from page x join person_directory p on p.id = x.person_id
     order by (x.until is not null) desc, x.status desc, x.dormant desc, x.username`);
  return { total: res.rows[0]?.total ?? 0, rows: res.rows.map(({ total: _, ...r }) => r) };
}

/** How many accounts are locked out now and how (for the security administrator's home). */
export async function countLocks(
  tx: Tx,
): Promise<{ lockedAccounts: number; repeated: number; manySources: number; unknownNames: number }> {
  const res = await tx.execute<{
    lockedAccounts: number;
    repeated: number;
    manySources: number;
    unknownNames: number;
  }>(sql`
    with a as (
      select subject, count(*) filter (where locked_until > now()) as locked_from, max(locks) as locks
        from login_throttle where kind in ('password', 'totp') group by subject)
    select count(*) filter (where subject like 'a:%' and locked_from > 0)::int as "lockedAccounts",
           count(*) filter (where subject like 'a:%' and locks >= 2)::int as "repeated",
           count(*) filter (where subject like 'a:%' and locked_from >= 3)::int as "manySources",
           count(*) filter (where subject like 'n:%' and locked_from > 0)::int as "unknownNames"
      from a`);
  return res.rows[0] ?? { lockedAccounts: 0, repeated: 0, manySources: 0, unknownNames: 0 };
}

/** The only enabled account holding an active city administrator role, if there is exactly one. */
export async function soleCityAdmin(tx: Tx): Promise<string | undefined> {
  const res = await tx.execute<{ personId: string }>(sql`
    select distinct ra.person_id as "personId" from role_assignment ra
      join account a on a.person_id = ra.person_id and a.status = 'active'
     where ra.role = 'city_admin' and ra.active limit 2`);
  return res.rows.length === 1 ? res.rows[0]!.personId : undefined;
}

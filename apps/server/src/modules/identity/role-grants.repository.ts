import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { newId } from '../../platform/db/types.ts';
import { staffList } from './account-lifecycle.repository.ts';
import type { TRole } from './identity.schema.ts';

export type GrantUnit = {
  id: string;
  kind: string;
  name: string;
  path: string;
  districtId: string | null;
  schoolId: string | null;
};

/** Active org units of `kinds` under `root`, by path; `q` narrows by part of the name. */
export async function listUnits(
  tx: Tx,
  opts: { kinds: readonly string[]; root: string; q?: string; limit: number },
): Promise<GrantUnit[]> {
  const res = await tx.execute<GrantUnit>(sql`
    select id, kind, name, path::text as path, district_id as "districtId", school_id as "schoolId"
      from org_unit
     where active and kind = any(${sql.param([...opts.kinds])}::text[]) and path <@ ${opts.root}::ltree
       ${opts.q ? sql`and strpos(name, ${opts.q}) > 0` : sql``}
     order by path limit ${opts.limit}`);
  return res.rows;
}

export async function findUnit(tx: Tx, id: string): Promise<GrantUnit | undefined> {
  const res = await tx.execute<GrantUnit>(sql`
    select id, kind, name, path::text as path, district_id as "districtId", school_id as "schoolId"
      from org_unit where id = ${id} and active`);
  return res.rows[0];
}

/**
 * Gives the person the role in the unit, or makes an earlier withdrawn grant of it active again.
 * Returns the role assignment's id, or undefined when the person holds it already.
 */
export async function upsertRole(
  tx: Tx,
  personId: string,
  role: TRole,
  unit: GrantUnit,
): Promise<string | undefined> {
  const res = await tx.execute<{ id: string }>(sql`
    insert into role_assignment (id, person_id, role, org_unit_id, path, district_id, school_id, active)
    values (${newId()}, ${personId}, ${role}, ${unit.id}, ${unit.path}::ltree, ${unit.districtId},
            ${unit.schoolId}, true)
    on conflict (person_id, role, org_unit_id) do update set active = true
      where not role_assignment.active
    returning id`);
  return res.rows[0]?.id;
}

export type GrantedRole = { id: string; personId: string; role: TRole; path: string; orgName: string };

export async function findRoleAssignment(tx: Tx, id: string): Promise<GrantedRole | undefined> {
  const res = await tx.execute<GrantedRole>(sql`
    select ra.id, ra.person_id as "personId", ra.role, ra.path::text as path, o.name as "orgName"
      from role_assignment ra join org_unit o on o.id = ra.org_unit_id where ra.id = ${id} and ra.active`);
  return res.rows[0];
}

export async function deactivateRole(tx: Tx, id: string): Promise<void> {
  await tx.execute(sql`update role_assignment set active = false where id = ${id}`);
}

export type StaffRow = {
  personId: string;
  name: string;
  username: string;
  status: string;
  totpEnabled: boolean;
  lastLoginAt: string | null;
  roles: { id: string; role: TRole; orgUnitId: string; orgName: string; orgKind: string }[];
};

/**
 * Staff (holders of `staff` roles, none of the 三员's) with their active roles. Without `q`, the
 * holders of the roles in `granted` (those granted here); with it, any staff member whose username
 * starts with `q` or whose name contains it.
 */
export async function listStaff(
  tx: Tx,
  opts: { staff: readonly TRole[]; granted: readonly TRole[]; q?: string; limit: number },
): Promise<StaffRow[]> {
  const q = opts.q?.trim().toLowerCase();
  const res = await tx.execute<StaffRow>(sql`
    select a.person_id as "personId", p.name, a.username, a.status, a.totp_enabled as "totpEnabled",
           a.last_login_at::text as "lastLoginAt",
           coalesce((select json_agg(json_build_object('id', ra.id, 'role', ra.role, 'orgUnitId', o.id,
                                                       'orgName', o.name, 'orgKind', o.kind) order by ra.path, ra.role)
                       from role_assignment ra join org_unit o on o.id = ra.org_unit_id
                      where ra.person_id = a.person_id and ra.active), '[]'::json) as roles
      from (select distinct ra.person_id from role_assignment ra
             where ra.active and ra.role in (${staffList(q ? opts.staff : opts.granted)})) sp
      join account a on a.person_id = sp.person_id
      join person p on p.id = a.person_id
     where not exists (select 1 from role_assignment t where t.person_id = a.person_id and t.active
                         and t.role in ('auditor', 'system_admin', 'security_admin'))
       and not exists (select 1 from role_assignment t where t.person_id = a.person_id and t.active
                         and t.role = 'student')
       ${q ? sql`and (a.username_key like ${`${q.replace(/[\\%_]/g, '\\$&')}%`} or strpos(p.name, ${q}) > 0)` : sql``}
     order by a.username limit ${opts.limit}`);
  return res.rows;
}

import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { inScope, type Scope } from '../../platform/scope/scope.ts';

export type StudioListRow = {
  id: string;
  name: string;
  description: string;
  subjectCode: string | null;
  leadName: string;
  unitName: string;
  members: number;
  posts: number;
  /** The studio lies inside the scope (its unit may manage it). */
  manageable: boolean;
};

/** Active studios, those of the unit at `orgPath` (above or below it) first. */
export async function listStudios(tx: Tx, scope: Scope, orgPath: string): Promise<StudioListRow[]> {
  const res = await tx.execute<StudioListRow>(sql`
    select st.id, st.name, st.description, st.subject_code as "subjectCode", p.name as "leadName", u.name as "unitName",
           (select count(*)::int from studio_member m where m.studio_id = st.id) as members,
           (select count(*)::int from space_post sp where sp.space_id = st.id) as posts,
           ${inScope(scope, sql`st.path`)} as manageable
      from studio st join person_directory p on p.id = st.lead_id join org_unit u on u.id = st.org_unit_id
     where st.active
     order by (st.path <@ ${orgPath}::ltree or ${orgPath}::ltree <@ st.path) desc,
              nlevel(st.path), st.name limit 500`);
  return res.rows;
}

/** How many of `ids` are active teachers inside the scope. */
export async function countActiveTeachersInScope(tx: Tx, scope: Scope, ids: string[]): Promise<number> {
  const res = await tx.execute<{ n: number }>(sql`
    select count(*)::int as n from teacher t
     where t.person_id = any(string_to_array(${ids.join(',')}, ',')::uuid[]) and t.status = 'active'
       and ${inScope(scope, sql`t.path`)}`);
  return res.rows[0]!.n;
}

export async function insertStudio(
  tx: Tx,
  st: {
    id: string;
    name: string;
    description: string;
    leadId: string;
    subjectCode: string | null;
    orgUnitId: string;
    path: string;
  },
): Promise<void> {
  await tx.execute(sql`insert into studio (id, name, description, lead_id, subject_code, org_unit_id, path)
    values (${st.id}, ${st.name}, ${st.description}, ${st.leadId}, ${st.subjectCode},
            ${st.orgUnitId}, ${st.path}::ltree)`);
}

/** Adds a member; false when they already were one. */
export async function insertMember(tx: Tx, studioId: string, personId: string): Promise<boolean> {
  const res =
    await tx.execute(sql`insert into studio_member (studio_id, person_id) values (${studioId}, ${personId})
    on conflict do nothing`);
  return (res.rowCount ?? 0) > 0;
}

/** Removes a member; false when they were none. */
export async function deleteMember(tx: Tx, studioId: string, personId: string): Promise<boolean> {
  const res = await tx.execute(
    sql`delete from studio_member where studio_id = ${studioId} and person_id = ${personId}`,
  );
  return (res.rowCount ?? 0) > 0;
}

export async function findActiveStudio(tx: Tx, id: string) {
  const res = await tx.execute<{ path: string; leadId: string }>(sql`
    select path::text as path, lead_id as "leadId" from studio where id = ${id} and active`);
  return res.rows[0];
}

export async function retireStudio(tx: Tx, id: string): Promise<void> {
  await tx.execute(sql`update studio set active = false, updated_at = now() where id = ${id}`);
}

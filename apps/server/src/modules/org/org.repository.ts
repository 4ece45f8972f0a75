import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { inScope, type Scope, textArray } from '../../platform/scope/scope.ts';
import { orgUnits, type TOrgKind } from './org.schema.ts';

export type OrgUnitRow = typeof orgUnits.$inferSelect;

export async function findUnit(tx: Tx, id: string): Promise<OrgUnitRow | undefined> {
  const rows = await tx.select().from(orgUnits).where(eq(orgUnits.id, id));
  return rows[0];
}

export async function findUnitForUpdate(tx: Tx, id: string): Promise<OrgUnitRow | undefined> {
  const rows = await tx.select().from(orgUnits).where(eq(orgUnits.id, id)).for('update');
  return rows[0];
}

async function listUnits(tx: Tx, where: SQL, limit = 10_000): Promise<OrgUnitRow[]> {
  return tx.select().from(orgUnits).where(where).orderBy(asc(orgUnits.path)).limit(limit);
}

/** The units at exactly these paths. */
export async function listUnitsAt(tx: Tx, paths: string[]): Promise<OrgUnitRow[]> {
  return listUnits(tx, sql`${orgUnits.path} = any(string_to_array(${paths.join(',')}, ',')::ltree[])`);
}

/** The units at these paths and every unit above them (the names along each path). */
export async function listUnitsOnPaths(tx: Tx, paths: string[]): Promise<OrgUnitRow[]> {
  if (paths.length === 0) return [];
  return listUnits(tx, sql`${orgUnits.path} @> any(${textArray(paths, 'ltree')})`);
}

/** Active units of a kind inside the scope, whose name contains `q` when given. */
export async function searchUnits(
  tx: Tx,
  scope: Scope,
  opts: { kind: TOrgKind; q?: string; limit: number },
): Promise<OrgUnitRow[]> {
  return listUnits(
    tx,
    sql`${orgUnits.kind} = ${opts.kind} and ${orgUnits.active} and ${inScope(scope, orgUnits.path)}
        ${opts.q ? sql`and ${orgUnits.name} like ${`%${opts.q.replace(/[%_\\]/g, '\\$&')}%`}` : sql``}`,
    opts.limit,
  );
}

export async function listChildren(tx: Tx, parentId: string): Promise<OrgUnitRow[]> {
  return tx
    .select()
    .from(orgUnits)
    .where(eq(orgUnits.parentId, parentId))
    .orderBy(asc(orgUnits.kind), asc(orgUnits.path));
}

/** Ancestors of a path, root first. */
export async function listAncestors(tx: Tx, path: string): Promise<OrgUnitRow[]> {
  return tx
    .select()
    .from(orgUnits)
    .where(sql`${orgUnits.path} @> ${path}::ltree and ${orgUnits.path} <> ${path}::ltree`)
    .orderBy(sql`nlevel(${orgUnits.path})`);
}

export interface UnitCounts {
  students: number;
  teachers: number;
  children: number;
}

/** How a unit's enrolled students and active teachers are counted: SQL over the unit `u`. */
type PeopleCount = { students: SQL; teachers: SQL };

/** Counting the people under the unit, as the reader's row-level scope lets them see them. */
const COUNTED: PeopleCount = {
  students: sql`(select count(*)::int from student s where s.path <@ u.path and s.status = 'enrolled')`,
  teachers: sql`(select count(*)::int from teacher t where t.path <@ u.path and t.status = 'active')`,
};

/** Adding up the head counts the database keeps per class and school path (`headcount`). */
const KEPT: PeopleCount = {
  students: sql`(select coalesce(sum(h.students), 0)::int from headcount h where h.path <@ u.path)`,
  teachers: sql`(select coalesce(sum(h.teachers), 0)::int from headcount h where h.path <@ u.path)`,
};

/** Per unit: its students and teachers as `people` counts them, and its direct children. */
async function unitCounts(
  tx: Tx,
  units: Pick<OrgUnitRow, 'id'>[],
  people: PeopleCount,
): Promise<Map<string, UnitCounts>> {
  const out = new Map<string, UnitCounts>();
  if (units.length === 0) return out;
  const ids = units.map((u) => u.id).join(',');
  const res = await tx.execute<{ id: string; students: number; teachers: number; children: number }>(sql`
    select u.id, ${people.students} as students, ${people.teachers} as teachers,
      (select count(*)::int from org_unit c where c.parent_id = u.id) as children
    from org_unit u where u.id = any(string_to_array(${ids}, ',')::uuid[])`);
  for (const r of res.rows)
    out.set(r.id, { students: r.students, teachers: r.teachers, children: r.children });
  return out;
}

/** Enrolled students, teachers employed, and direct children under each of the given units. */
export async function countUnder(
  tx: Tx,
  units: Pick<OrgUnitRow, 'id' | 'path' | 'kind'>[],
): Promise<Map<string, UnitCounts>> {
  const out = await unitCounts(tx, units, COUNTED);
  // Teaching-class members are counted through membership rather than path.
  const teaching = units.filter((u) => u.kind === 'teaching_class');
  if (teaching.length > 0) {
    const t = await tx.execute<{ id: string; n: number }>(sql`
      select teaching_class_id as id, count(*)::int as n from teaching_class_member
       where teaching_class_id = any(string_to_array(${teaching.map((u) => u.id).join(',')}, ',')::uuid[])
       group by teaching_class_id`);
    for (const r of t.rows) {
      const c = out.get(r.id);
      if (c) c.students = r.n;
    }
  }
  return out;
}

/**
 * The same counts from the head counts the database keeps: a unit's sum of rows, not a count of
 * its people. For units whose people the reader may see in full (and for structure roles, whose
 * totals are no one's personal data); not for teaching classes, whose members are not on their
 * path (`countUnder` counts them).
 */
export const totalsUnder = (tx: Tx, units: Pick<OrgUnitRow, 'id'>[]): Promise<Map<string, UnitCounts>> =>
  unitCounts(tx, units, KEPT);

export async function insertUnit(tx: Tx, values: typeof orgUnits.$inferInsert): Promise<OrgUnitRow> {
  const rows = await tx.insert(orgUnits).values(values).returning();
  return rows[0]!;
}

export async function updateUnit(
  tx: Tx,
  id: string,
  values: Partial<typeof orgUnits.$inferInsert>,
): Promise<OrgUnitRow> {
  const rows = await tx
    .update(orgUnits)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(orgUnits.id, id))
    .returning();
  return rows[0]!;
}

export async function nextChildLabel(tx: Tx, parentPath: string, prefix: string): Promise<string> {
  const res = await tx.execute<{ n: number }>(sql`
    select coalesce(max(substring(subpath(path, nlevel(${parentPath}::ltree), 1)::text from 2)::int), 0) + 1 as n
      from org_unit where path ~ (${parentPath} || '.' || ${prefix} || '*{1}')::lquery
       and subpath(path, nlevel(${parentPath}::ltree), 1)::text ~ ${`^${prefix}[0-9]+$`}`);
  const n = res.rows[0]?.n ?? 1;
  return `${prefix}${String(n).padStart(2, '0')}`;
}

export async function labelTaken(tx: Tx, path: string): Promise<boolean> {
  const rows = await tx
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(sql`${orgUnits.path} = ${path}::ltree`);
  return rows.length > 0;
}

/**
 * Tables that carry an org path. A move rewrites all of them in the same transaction so scope
 * checks see the new place at once. Kept here because the org tree owns path shape.
 */
const PATH_TABLES = [
  'org_unit',
  'student',
  'student_sensitive',
  'teacher',
  'role_assignment',
  'teaching_assignment',
  'teaching_class_member',
  'guardian',
] as const;

/**
 * Rows of a subtree. Role assignments (millions of rows: every student, parent and teacher) are
 * found through their unit, whose btree index serves, instead of a GiST index on their own path.
 */
const inSubtree = (table: string, path: string) =>
  table === 'role_assignment'
    ? sql`org_unit_id in (select id from org_unit where path <@ ${path}::ltree)`
    : sql`path <@ ${path}::ltree`;

export async function rewritePaths(tx: Tx, fromPath: string, toPath: string): Promise<void> {
  for (const table of PATH_TABLES) {
    // org_unit goes first, so later tables find the subtree's units at the new path.
    const where = table === 'org_unit' ? inSubtree(table, fromPath) : inSubtree(table, toPath);
    await tx.execute(sql`
      update ${sql.identifier(table)}
         set path = case when path = ${fromPath}::ltree then ${toPath}::ltree
                         else ${toPath}::ltree || subpath(path, nlevel(${fromPath}::ltree)) end
       where ${table === 'org_unit' || table === 'role_assignment' ? where : sql`path <@ ${fromPath}::ltree`}`);
  }
}

/** After a school moves district, rows that carry district_id follow it. */
export async function setDistrictUnder(tx: Tx, path: string, districtId: string): Promise<void> {
  for (const table of ['org_unit', 'student', 'teacher', 'role_assignment', 'teaching_assignment'] as const) {
    await tx.execute(
      sql`update ${sql.identifier(table)} set district_id = ${districtId} where ${inSubtree(table, path)}`,
    );
  }
}

export async function deactivateSubtree(tx: Tx, path: string): Promise<void> {
  await tx
    .update(orgUnits)
    .set({ active: false, updatedAt: new Date() })
    .where(sql`${orgUnits.path} <@ ${path}::ltree`);
}

export async function countEnrolledUnder(tx: Tx, path: string): Promise<number> {
  const res = await tx.execute<{ n: number }>(
    sql`select count(*)::int as n from student where path <@ ${path}::ltree and status = 'enrolled'`,
  );
  return res.rows[0]?.n ?? 0;
}

export const kindIs = (kind: TOrgKind) => eq(orgUnits.kind, kind);
export const activeUnits = () => and(eq(orgUnits.active, true));

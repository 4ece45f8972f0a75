import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { execPrepared, preferGenericPlans } from '../../platform/db/prepared.ts';

/**
 * Home pages read across the org tree and the roster; every query here is one figure or list of a
 * home. Named prepared statements (fixed text, values in parameters): every visit reads a home, and
 * under row-level security planning costs more than running them.
 */

/**
 * Every read of a person's home is a prepared statement of fixed shape that looks rows up by that
 * person or a few class paths: their generic plans serve all, and planning each under row-level
 * security costs more than running it (platform/db/prepared.ts).
 */
export const useGenericPlans = (tx: Tx) => preferGenericPlans(tx);

export async function findUnit(tx: Tx, id: string) {
  const res = await execPrepared<{ id: string; name: string }>(
    tx,
    sql`select id, name from org_unit where id = ${id}`,
  );
  return res[0];
}

export type ChildUnitStats = {
  id: string;
  name: string;
  stage: string | null;
  schools: number;
  classes: number;
  students: number;
  teachers: number;
};

/**
 * Counts per active child unit of `kind` under a unit: schools, classes, and the enrolled students
 * and active teachers the database keeps counted per path (`headcount`). For an administrator's
 * own unit, whose people they see in full.
 */
export async function childStats(
  tx: Tx,
  unitId: string,
  childKind: 'district' | 'school' | 'grade',
): Promise<ChildUnitStats[]> {
  const res = await execPrepared<ChildUnitStats>(
    tx,
    sql`
    with kids as (select id, name, path, stage from org_unit where parent_id = ${unitId} and kind = ${childKind} and active)
    select k.id, k.name, k.stage,
      (select count(*)::int from org_unit o where o.path <@ k.path and o.kind = 'school' and o.active) as schools,
      (select count(*)::int from org_unit o where o.path <@ k.path and o.kind = 'class' and o.active) as classes,
      coalesce(h.students, 0)::int as students, coalesce(h.teachers, 0)::int as teachers
    from kids k
    left join lateral (select sum(h.students) as students, sum(h.teachers) as teachers
                         from headcount h where h.path <@ k.path) h on true
    order by k.path`,
  );
  return res;
}

export async function countActiveClasses(tx: Tx): Promise<number> {
  const classes = await execPrepared<{ n: number }>(
    tx,
    sql`select count(*)::int as n from org_unit where kind = 'class' and active`,
  );
  return classes[0]?.n ?? 0;
}

/** Distinct persons holding an active teacher role in a school. */
export async function countSchoolTeachers(tx: Tx, schoolId: string | null): Promise<number> {
  const teachers = await execPrepared<{
    n: number;
  }>(
    tx,
    sql`select count(distinct person_id)::int as n from role_assignment
      where school_id = ${schoolId} and role = 'teacher' and active`,
  );
  return teachers[0]?.n ?? 0;
}

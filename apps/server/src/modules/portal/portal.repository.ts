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

/** Counts per active child unit of `kind` under a unit: schools, classes, enrolled students, active teachers. */
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
      (select count(*)::int from student s where s.path <@ k.path and s.status = 'enrolled') as students,
      (select count(*)::int from teacher t where t.path <@ k.path and t.status = 'active') as teachers
    from kids k order by k.path`,
  );
  return res;
}

export type TaughtClass = {
  id: string;
  name: string;
  kind: string;
  schoolName: string;
  /** The subjects the teacher teaches there this term (null when none, e.g. a class only headed). */
  subjects: string[] | null;
  students: number;
};

/** The classes at `paths` with the subjects `teacherId` teaches in each and their pupil counts. */
export async function listTaughtClasses(tx: Tx, teacherId: string, paths: string[]): Promise<TaughtClass[]> {
  const res = await execPrepared<TaughtClass>(
    tx,
    sql`
    select o.id, o.name, o.kind, sc.name as "schoolName",
      (select array_agg(distinct ta.subject_code) from teaching_assignment ta join term t on t.id = ta.term_id and t.current
        where ta.class_id = o.id and ta.teacher_id = ${teacherId}) as subjects,
      case when o.kind = 'teaching_class'
        then (select count(*)::int from teaching_class_member m where m.teaching_class_id = o.id)
        else (select count(*)::int from student s where s.class_id = o.id and s.status = 'enrolled') end as students
    from org_unit o join org_unit sc on sc.id = o.school_id
    where o.path = any(string_to_array(${paths.join(',')}, ',')::ltree[]) order by o.path`,
  );
  return res;
}

export type ClassTeacher = {
  personId: string;
  name: string;
  classId: string;
  subjectCodes: string[];
  isHeadTeacher: boolean;
};

/** The teachers of the classes at `classPaths` this term, with their subjects, head teachers first. */
export async function listClassTeachers(tx: Tx, classPaths: string[]): Promise<ClassTeacher[]> {
  const res = await execPrepared<ClassTeacher>(
    tx,
    sql`
    with cls as (select id from org_unit where path = any(string_to_array(${classPaths.join(',')}, ',')::ltree[])),
    t as (
      select ta.teacher_id as person_id, ta.class_id, ta.subject_code, false as head
        from teaching_assignment ta join term tm on tm.id = ta.term_id and tm.current where ta.class_id in (select id from cls)
      union all
      select ra.person_id, ra.org_unit_id, null, true from role_assignment ra
       where ra.role = 'head_teacher' and ra.active and ra.org_unit_id in (select id from cls))
    select t.person_id as "personId", p.name, t.class_id as "classId",
           coalesce(array_agg(distinct t.subject_code) filter (where t.subject_code is not null), '{}') as "subjectCodes",
           bool_or(t.head) as "isHeadTeacher"
      from t join person_directory p on p.id = t.person_id group by t.person_id, p.name, t.class_id
     order by bool_or(t.head) desc, p.name`,
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

export type HeadClass = {
  id: string;
  name: string;
  schoolName: string;
  students: number;
  boys: number;
  girls: number;
};

/** A class with its enrolled students counted by sex. */
export async function findHeadClass(tx: Tx, classId: string): Promise<HeadClass | undefined> {
  const res = await execPrepared<HeadClass>(
    tx,
    sql`
      select o.id, o.name, sc.name as "schoolName",
        count(s.person_id)::int as students,
        count(*) filter (where p.gender = '1')::int as boys, count(*) filter (where p.gender = '2')::int as girls
      from org_unit o join org_unit sc on sc.id = o.school_id
      left join student s on s.class_id = o.id and s.status = 'enrolled' left join person p on p.id = s.person_id
      where o.id = ${classId} group by o.id, o.name, sc.name`,
  );
  return res[0];
}

/** A student with their class and school names. */
export async function findStudentPlace(tx: Tx, personId: string) {
  const me = await execPrepared<{ personId: string; name: string; className: string; schoolName: string }>(
    tx,
    sql`
      select s.person_id as "personId", p.name, c.name as "className", sc.name as "schoolName"
        from student s join person p on p.id = s.person_id join org_unit c on c.id = s.class_id join org_unit sc on sc.id = s.school_id
       where s.person_id = ${personId}`,
  );
  return me[0];
}

/** The units at `paths` (a pupil's classes and teaching classes). */
export async function listUnitsAt(tx: Tx, paths: string[]) {
  const classes = await execPrepared<{ id: string; name: string; kind: string }>(
    tx,
    sql`
      select id, name, kind from org_unit where path = any(string_to_array(${paths.join(',')}, ',')::ltree[]) order by kind, path`,
  );
  return classes;
}

/** A parent's children with their class and school, by entry year (birth dates are encrypted). */
export async function listChildren(tx: Tx, parentId: string) {
  const kids = await execPrepared<{
    personId: string;
    name: string;
    classId: string;
    className: string;
    schoolName: string;
    path: string;
  }>(
    tx,
    sql`
      select s.person_id as "personId", p.name, s.class_id as "classId", c.name as "className", sc.name as "schoolName", s.path::text as path
        from guardian g join student s on s.person_id = g.student_id join person p on p.id = s.person_id
        join org_unit c on c.id = s.class_id join org_unit sc on sc.id = s.school_id
       where g.parent_id = ${parentId} order by s.entry_year, p.name`,
  );
  return kids;
}

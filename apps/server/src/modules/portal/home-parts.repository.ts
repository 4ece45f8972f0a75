import { type SQL, sql } from 'drizzle-orm';
import { textArray } from '../../platform/scope/scope.ts';

/**
 * The org and roster parts of the personal homes (a teacher's classes, a pupil's place and
 * teachers, a parent's children), as queries the home's one statement aggregates into json
 * (today.repository.ts). Fixed text, values bound.
 */

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
export const taughtClasses = (teacherId: string, paths: readonly string[]): SQL => sql`
    select o.id, o.name, o.kind, sc.name as "schoolName",
      (select array_agg(distinct ta.subject_code) from teaching_assignment ta join term t on t.id = ta.term_id and t.current
        where ta.class_id = o.id and ta.teacher_id = ${teacherId}) as subjects,
      case when o.kind = 'teaching_class'
        then (select count(*)::int from teaching_class_member m where m.teaching_class_id = o.id)
        else (select count(*)::int from student s where s.class_id = o.id and s.status = 'enrolled') end as students
    from org_unit o join org_unit sc on sc.id = o.school_id
    where o.path = any(${textArray(paths, 'ltree')}) order by o.path`;

export type HeadClass = {
  id: string;
  name: string;
  schoolName: string;
  students: number;
  boys: number;
  girls: number;
};

/** A class with its enrolled students counted by sex. */
export const headClass = (classId: string): SQL => sql`
      select o.id, o.name, sc.name as "schoolName",
        count(s.person_id)::int as students,
        count(*) filter (where p.gender = '1')::int as boys, count(*) filter (where p.gender = '2')::int as girls
      from org_unit o join org_unit sc on sc.id = o.school_id
      left join student s on s.class_id = o.id and s.status = 'enrolled' left join person p on p.id = s.person_id
      where o.id = ${classId} group by o.id, o.name, sc.name`;

export type ClassTeacher = {
  personId: string;
  name: string;
  classId: string;
  subjectCodes: string[];
  isHeadTeacher: boolean;
};

/** The teachers of the classes at `classPaths` this term, with their subjects, head teachers first. */
export const classTeachers = (classPaths: readonly string[]): SQL => sql`
    with cls as (select id from org_unit where path = any(${textArray(classPaths, 'ltree')})),
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
     order by bool_or(t.head) desc, p.name`;

export type StudentPlace = { personId: string; name: string; className: string; schoolName: string };

/** A student with their class and school names. */
export const studentPlace = (personId: string): SQL => sql`
      select s.person_id as "personId", p.name, c.name as "className", sc.name as "schoolName"
        from student s join person p on p.id = s.person_id join org_unit c on c.id = s.class_id join org_unit sc on sc.id = s.school_id
       where s.person_id = ${personId}`;

export type UnitRef = { id: string; name: string; kind: string };

/** The units at `paths` (a pupil's classes and teaching classes). */
export const unitsAt = (paths: readonly string[]): SQL => sql`
      select id, name, kind from org_unit where path = any(${textArray(paths, 'ltree')}) order by kind, path`;

export type Child = {
  personId: string;
  name: string;
  classId: string;
  className: string;
  schoolName: string;
};

/** A parent's children with their class and school, by entry year (birth dates are encrypted). */
export const childrenOf = (parentId: string): SQL => sql`
      select s.person_id as "personId", p.name, s.class_id as "classId", c.name as "className", sc.name as "schoolName"
        from guardian g join student s on s.person_id = g.student_id join person p on p.id = s.person_id
        join org_unit c on c.id = s.class_id join org_unit sc on sc.id = s.school_id
       where g.parent_id = ${parentId} order by s.entry_year, p.name`;

/** A query's rows as one json array, in the query's order. */
export const rowsJson = (query: SQL): SQL => sql`(select coalesce(json_agg(x), '[]') from (${query}) x)`;

/** A query's first row as one json object, or null. */
export const rowJson = (query: SQL): SQL => sql`(select row_to_json(x) from (${query}) x limit 1)`;

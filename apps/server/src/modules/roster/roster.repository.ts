import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { execPrepared, preferGenericPlans } from '../../platform/db/prepared.ts';

export type RosterStudent = {
  personId: string;
  name: string;
  gender: string;
  studentNo: string;
  /** Base64 of the encrypted birth date; the service opens it. */
  birthDateEnc: string | null;
  status: string;
};

export type ClassTeacher = {
  personId: string;
  name: string;
  subjectCode: string | null;
  isHeadTeacher: boolean;
};

export type ClassRoster = {
  id: string;
  name: string;
  kind: 'class' | 'teaching_class';
  path: string;
  gradeCode: string | null;
  schoolName: string;
  /** Enrolled students of an administrative class, or the members of a teaching class. */
  students: RosterStudent[];
  /** Teachers of the current term by subject, head teacher first. */
  teachers: ClassTeacher[];
};

/** A class with its students and teachers, in one round trip; undefined when it is not a class. */
export async function findClassRoster(tx: Tx, classId: string): Promise<ClassRoster | undefined> {
  const rows = await execPrepared<ClassRoster>(
    tx,
    sql`
    with c as (
      select id, name, kind, path, grade_code, school_id from org_unit
       where id = ${classId} and kind in ('class', 'teaching_class')),
    st as (
      select s.person_id as "personId", p.name, p.gender, s.student_no as "studentNo",
             encode(p.birth_date_enc, 'base64') as "birthDateEnc", s.status
        from c join student s on c.kind = 'class' and s.class_id = c.id and s.status = 'enrolled'
        join person p on p.id = s.person_id
      union all
      select s.person_id, p.name, p.gender, s.student_no, encode(p.birth_date_enc, 'base64'), s.status
        from c join teaching_class_member m on c.kind = 'teaching_class' and m.teaching_class_id = c.id
        join student s on s.person_id = m.student_id join person p on p.id = s.person_id),
    head as (
      select ra.person_id from c join role_assignment ra
          on ra.org_unit_id = c.id and ra.role = 'head_teacher' and ra.active),
    te as (
      select ta.teacher_id as "personId", p.name, ta.subject_code as "subjectCode",
             ta.teacher_id in (select person_id from head) as "isHeadTeacher"
        from c join teaching_assignment ta on ta.class_id = c.id
        join term t on t.id = ta.term_id and t.current join person_directory p on p.id = ta.teacher_id
      union
      select h.person_id, p.name, null, true from head h join person_directory p on p.id = h.person_id
       where not exists (select 1 from c join teaching_assignment ta on ta.class_id = c.id
                           join term t on t.id = ta.term_id and t.current where ta.teacher_id = h.person_id))
    select c.id, c.name, c.kind, c.path::text as path, c.grade_code as "gradeCode",
           coalesce(sc.name, '') as "schoolName",
           coalesce((select json_agg(st order by st."studentNo") from st), '[]') as students,
           coalesce((select json_agg(te order by te."isHeadTeacher" desc, te."subjectCode" nulls last) from te), '[]')
             as teachers
      from c left join org_unit sc on sc.id = c.school_id`,
  );
  return rows[0];
}

export type StudentRecord = {
  personId: string;
  name: string;
  gender: string;
  birthDateEnc: Buffer | null;
  ethnicity: string | null;
  nationality: string | null;
  idType: string | null;
  idNumberEnc: Buffer | null;
  nationalNoEnc: Buffer | null;
  studentNo: string;
  classId: string;
  className: string;
  schoolId: string;
  schoolName: string;
  districtId: string;
  path: string;
  entryYear: number;
  entryMode: string | null;
  studyMode: string | null;
  householdType: string | null;
  householdPlaceEnc: Buffer | null;
  birthplaceEnc: Buffer | null;
  migrant: boolean;
  status: string;
};

export type GuardianRecord = {
  personId: string;
  name: string;
  relation: string;
  /** Base64 of the encrypted mobile number; the service opens it for those who may contact them. */
  phoneEnc: string | null;
  primary: boolean;
};

/**
 * Makes the rest of the transaction's statements run their generic plans (platform/db/prepared.ts):
 * for a use case whose reads look rows up by id, as the roster's and the record's. Under row-level
 * security the roster plans in ~12 ms and the record in ~4 ms, five times per connection otherwise.
 */
export const useGenericPlans = (tx: Tx) => preferGenericPlans(tx);

/** The 学籍 record with the student's guardians, in one round trip. */
export async function findStudentWithGuardians(
  tx: Tx,
  personId: string,
): Promise<(StudentRecord & { guardians: GuardianRecord[] }) | undefined> {
  const rows = await execPrepared<StudentRecord & { guardians: GuardianRecord[] }>(
    tx,
    sql`
    select s.person_id as "personId", p.name, p.gender, p.birth_date_enc as "birthDateEnc", p.ethnicity,
           p.nationality, p.id_type as "idType", p.id_number_enc as "idNumberEnc", s.national_no_enc as "nationalNoEnc",
           s.student_no as "studentNo", s.class_id as "classId", c.name as "className", s.school_id as "schoolId",
           sc.name as "schoolName", s.district_id as "districtId", s.path::text as path, s.entry_year as "entryYear",
           s.entry_mode as "entryMode", s.study_mode as "studyMode", s.household_type as "householdType",
           s.household_place_enc as "householdPlaceEnc", s.birthplace_enc as "birthplaceEnc", s.migrant, s.status,
           coalesce((select json_agg(json_build_object('personId', g.parent_id, 'name', gp.name,
                       'relation', g.relation, 'phoneEnc', encode(gp.phone_enc, 'base64'), 'primary', g.is_primary)
                       order by g.is_primary desc, g.relation)
                       from guardian g join person gp on gp.id = g.parent_id where g.student_id = s.person_id),
                    '[]') as guardians
      from student s join person p on p.id = s.person_id
      join org_unit c on c.id = s.class_id join org_unit sc on sc.id = s.school_id
     where s.person_id = ${personId}`,
  );
  return rows[0];
}

export async function findStudent(tx: Tx, personId: string): Promise<StudentRecord | undefined> {
  return findStudentWithGuardians(tx, personId);
}

export async function findSensitive(tx: Tx, studentId: string): Promise<Buffer | undefined> {
  const res = await tx.execute<{ data: Buffer }>(
    sql`select data_enc as data from student_sensitive where person_id = ${studentId}`,
  );
  return res.rows[0]?.data;
}

/** True when the person heads this class (班主任), whichever role they are acting in now. */
export async function isHeadTeacherOf(tx: Tx, personId: string, classId: string): Promise<boolean> {
  const rows = await execPrepared(
    tx,
    sql`select 1 from role_assignment where person_id = ${personId} and role = 'head_teacher'
       and org_unit_id = ${classId} and active`,
  );
  return rows.length > 0;
}

export type SubjectRow = {
  personId: string;
  name: string;
  birthDateEnc: Buffer | null;
  /** The student's class path, or the first active role's path of anyone else. */
  path: string | null;
  isStudent: boolean;
  schoolId: string | null;
};

/** Who a person is for privacy purposes: a student (with class path) or not, and their birth date. */
export async function findSubject(tx: Tx, personId: string): Promise<SubjectRow | undefined> {
  const res = await tx.execute<SubjectRow>(sql`
    select p.id as "personId", p.name, p.birth_date_enc as "birthDateEnc",
           coalesce(s.path::text, (select ra.path::text from role_assignment ra where ra.person_id = p.id and ra.active
                                    order by nlevel(ra.path) desc, ra.created_at limit 1)) as path,
           s.person_id is not null as "isStudent",
           coalesce(s.school_id, (select ra.school_id from role_assignment ra where ra.person_id = p.id and ra.active
                                   and ra.school_id is not null limit 1)) as "schoolId"
      from person p left join student s on s.person_id = p.id where p.id = ${personId}`);
  return res.rows[0];
}

/** True when `parentId` is a recorded guardian (监护人) of `studentId`. */
export async function isGuardianOf(tx: Tx, parentId: string, studentId: string): Promise<boolean> {
  const rows = await execPrepared(
    tx,
    sql`select 1 from guardian where parent_id = ${parentId} and student_id = ${studentId}`,
  );
  return rows.length > 0;
}

/** The children a person is recorded guardian of, with names. */
export async function findChildren(tx: Tx, parentId: string): Promise<{ personId: string; name: string }[]> {
  const res = await tx.execute<{ personId: string; name: string }>(sql`
    select g.student_id as "personId", p.name from guardian g join person p on p.id = g.student_id
     where g.parent_id = ${parentId} order by p.name`);
  return res.rows;
}

import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';

export type RosterStudent = {
  personId: string;
  name: string;
  gender: string;
  studentNo: string;
  birthDate: string | null;
  status: string;
};

/** Students of an administrative class, or members of a teaching class. */
export async function listClassStudents(
  tx: Tx,
  classId: string,
  teaching: boolean,
): Promise<RosterStudent[]> {
  const res = await tx.execute<RosterStudent>(
    teaching
      ? sql`select s.person_id as "personId", p.name, p.gender, s.student_no as "studentNo", p.birth_date as "birthDate", s.status
              from teaching_class_member m join student s on s.person_id = m.student_id join person p on p.id = s.person_id
             where m.teaching_class_id = ${classId} order by s.student_no`
      : sql`select s.person_id as "personId", p.name, p.gender, s.student_no as "studentNo", p.birth_date as "birthDate", s.status
              from student s join person p on p.id = s.person_id
             where s.class_id = ${classId} and s.status = 'enrolled' order by s.student_no`,
  );
  return res.rows;
}

export type ClassTeacher = {
  personId: string;
  name: string;
  subjectCode: string | null;
  isHeadTeacher: boolean;
};

export async function listClassTeachers(tx: Tx, classId: string): Promise<ClassTeacher[]> {
  const res = await tx.execute<ClassTeacher>(sql`
    select ta.teacher_id as "personId", p.name, ta.subject_code as "subjectCode",
           exists (select 1 from role_assignment ra where ra.person_id = ta.teacher_id and ra.role = 'head_teacher'
                   and ra.org_unit_id = ${classId} and ra.active) as "isHeadTeacher"
      from teaching_assignment ta join term t on t.id = ta.term_id and t.current
      join person p on p.id = ta.teacher_id
     where ta.class_id = ${classId}
    union
    select ra.person_id, p.name, null, true from role_assignment ra join person p on p.id = ra.person_id
     where ra.org_unit_id = ${classId} and ra.role = 'head_teacher' and ra.active
       and not exists (select 1 from teaching_assignment ta join term t on t.id = ta.term_id and t.current
                        where ta.class_id = ${classId} and ta.teacher_id = ra.person_id)
    order by 4 desc, 3 nulls last`);
  return res.rows;
}

export type StudentRecord = {
  personId: string;
  name: string;
  gender: string;
  birthDate: string | null;
  ethnicity: string | null;
  nationality: string | null;
  idType: string | null;
  idNumberEnc: Buffer | null;
  nationalNo: string;
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
  householdPlace: string | null;
  birthplace: string | null;
  migrant: boolean;
  status: string;
};

export async function findStudent(tx: Tx, personId: string): Promise<StudentRecord | undefined> {
  const res = await tx.execute<StudentRecord>(sql`
    select s.person_id as "personId", p.name, p.gender, p.birth_date as "birthDate", p.ethnicity, p.nationality,
           p.id_type as "idType", p.id_number_enc as "idNumberEnc", s.national_no as "nationalNo",
           s.student_no as "studentNo", s.class_id as "classId", c.name as "className", s.school_id as "schoolId",
           sc.name as "schoolName", s.district_id as "districtId", s.path::text as path, s.entry_year as "entryYear",
           s.entry_mode as "entryMode", s.study_mode as "studyMode", s.household_type as "householdType",
           s.household_place as "householdPlace", s.birthplace, s.migrant, s.status
      from student s join person p on p.id = s.person_id
      join org_unit c on c.id = s.class_id join org_unit sc on sc.id = s.school_id
     where s.person_id = ${personId}`);
  return res.rows[0];
}

export type GuardianView = {
  personId: string;
  name: string;
  relation: string;
  phone: string | null;
  primary: boolean;
};

export async function listGuardians(tx: Tx, studentId: string): Promise<GuardianView[]> {
  const res = await tx.execute<GuardianView>(sql`
    select g.parent_id as "personId", p.name, g.relation, p.phone, g.is_primary as primary
      from guardian g join person p on p.id = g.parent_id where g.student_id = ${studentId}
     order by g.is_primary desc, g.relation`);
  return res.rows;
}

export async function findSensitive(tx: Tx, studentId: string): Promise<Buffer | undefined> {
  const res = await tx.execute<{ data: Buffer }>(
    sql`select data_enc as data from student_sensitive where person_id = ${studentId}`,
  );
  return res.rows[0]?.data;
}

export async function isHeadTeacherOf(tx: Tx, personId: string, classId: string): Promise<boolean> {
  const res = await tx.execute(sql`
    select 1 from role_assignment where person_id = ${personId} and role = 'head_teacher'
       and org_unit_id = ${classId} and active`);
  return (res.rowCount ?? 0) > 0;
}

import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { newId } from '../../platform/db/types.ts';

type Unit = { id: string; path: string; schoolId: string | null; districtId: string | null };

/** The teacher's name when they hold an active teacher role in the school (own or second school). */
export async function findTeacherOfSchool(tx: Tx, teacherId: string, schoolId: string) {
  const res = await tx.execute<{ name: string }>(sql`
    select p.name from role_assignment ra join person_directory p on p.id = ra.person_id
     where ra.person_id = ${teacherId} and ra.role = 'teacher' and ra.school_id = ${schoolId} and ra.active`);
  return res.rows[0];
}

export async function findCurrentTermId(tx: Tx): Promise<string | undefined> {
  const res = await tx.execute<{ id: string }>(sql`select id from term where current limit 1`);
  return res.rows[0]?.id;
}

/** Adds a teaching assignment; false when it exists already. */
export async function insertAssignment(
  tx: Tx,
  unit: Unit,
  a: { teacherId: string; subjectCode: string; termId: string },
): Promise<boolean> {
  const res = await tx.execute(sql`
    insert into teaching_assignment (id, teacher_id, class_id, subject_code, term_id, path, school_id, district_id)
    values (${newId()}, ${a.teacherId}, ${unit.id}, ${a.subjectCode}, ${a.termId}, ${unit.path}::ltree,
            ${unit.schoolId}, ${unit.districtId})
    on conflict (teacher_id, class_id, subject_code, term_id) do nothing`);
  return (res.rowCount ?? 0) > 0;
}

/** Removes a current-term teaching assignment; false when there was none. */
export async function deleteCurrentAssignment(
  tx: Tx,
  classId: string,
  a: { teacherId: string; subjectCode: string },
): Promise<boolean> {
  const res = await tx.execute(sql`
    delete from teaching_assignment ta using term t
     where t.id = ta.term_id and t.current and ta.class_id = ${classId}
       and ta.teacher_id = ${a.teacherId} and ta.subject_code = ${a.subjectCode}`);
  return (res.rowCount ?? 0) > 0;
}

/** Makes the teacher the class's one active head teacher. */
export async function setHeadTeacher(tx: Tx, unit: Unit, teacherId: string): Promise<void> {
  await tx.execute(sql`update role_assignment set active = false
     where org_unit_id = ${unit.id} and role = 'head_teacher' and person_id <> ${teacherId}`);
  await tx.execute(sql`
    insert into role_assignment (id, person_id, role, org_unit_id, path, district_id, school_id, active)
    values (${newId()}, ${teacherId}, 'head_teacher', ${unit.id}, ${unit.path}::ltree,
            ${unit.districtId}, ${unit.schoolId}, true)
    on conflict (person_id, role, org_unit_id) do update set active = true`);
}

export async function findEnrolledSchoolOf(tx: Tx, studentId: string): Promise<string | undefined> {
  const res = await tx.execute<{ school_id: string }>(
    sql`select school_id from student where person_id = ${studentId} and status = 'enrolled'`,
  );
  return res.rows[0]?.school_id;
}

export async function insertTeachingClassMember(tx: Tx, unit: Unit, studentId: string): Promise<void> {
  await tx.execute(sql`insert into teaching_class_member (teaching_class_id, student_id, path)
     values (${unit.id}, ${studentId}, ${unit.path}::ltree) on conflict do nothing`);
}

export type SchoolTeacher = {
  personId: string;
  name: string;
  staffNo: string;
  subjects: string[];
  gender: string;
};

/** Teachers holding an active teacher role in the school, by 教职工号. */
export async function listTeachersOfSchool(tx: Tx, schoolId: string): Promise<SchoolTeacher[]> {
  const res = await tx.execute<SchoolTeacher>(sql`
    select distinct on (p.id) p.id as "personId", p.name, t.staff_no as "staffNo", t.subjects, p.gender
      from role_assignment ra join person p on p.id = ra.person_id join teacher t on t.person_id = p.id
     where ra.school_id = ${schoolId} and ra.role = 'teacher' and ra.active order by p.id`);
  return res.rows.sort((a, b) => a.staffNo.localeCompare(b.staffNo));
}

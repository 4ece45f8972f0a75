import { sql } from 'drizzle-orm';
import { newId } from '../../platform/db/types.ts';
import { badRequest, conflict, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { scopeCovers } from '../../platform/scope/scope.ts';
import { findUnit } from '../org/org.repository.ts';
import { assertCodes } from './students.service.ts';

const within = (ctx: Ctx, p: string) => scopeCovers(ctx.scope, p);

async function classInScope(ctx: Ctx, classId: string) {
  const unit = await findUnit(ctx.db, classId);
  if (!unit || (unit.kind !== 'class' && unit.kind !== 'teaching_class') || !within(ctx, unit.path))
    throw notFound('班级');
  return unit;
}

/** A teacher may be assigned where they hold a teacher role: their own school or a second school. */
async function teacherOfSchool(ctx: Ctx, teacherId: string, schoolId: string) {
  const res = await ctx.db.execute<{ name: string }>(sql`
    select p.name from role_assignment ra join person p on p.id = ra.person_id
     where ra.person_id = ${teacherId} and ra.role = 'teacher' and ra.school_id = ${schoolId} and ra.active`);
  const row = res.rows[0];
  if (!row) throw notFound('本校教师');
  return row;
}

async function currentTermId(ctx: Ctx): Promise<string> {
  const res = await ctx.db.execute<{ id: string }>(sql`select id from term where current limit 1`);
  const id = res.rows[0]?.id;
  if (!id) throw badRequest('尚未设置当前学期');
  return id;
}

/** Assigns a teacher to teach a subject in a class for the current term. */
export async function assignTeacher(
  ctx: Ctx,
  classId: string,
  opts: { teacherId: string; subjectCode: string },
) {
  const unit = await classInScope(ctx, classId);
  await assertCodes(ctx, { subject: opts.subjectCode });
  await teacherOfSchool(ctx, opts.teacherId, unit.schoolId!);
  const termId = await currentTermId(ctx);
  const res = await ctx.db.execute(sql`
    insert into teaching_assignment (id, teacher_id, class_id, subject_code, term_id, path, school_id, district_id)
    values (${newId()}, ${opts.teacherId}, ${unit.id}, ${opts.subjectCode}, ${termId}, ${unit.path}::ltree,
            ${unit.schoolId}, ${unit.districtId})
    on conflict (teacher_id, class_id, subject_code, term_id) do nothing`);
  if ((res.rowCount ?? 0) === 0) throw conflict('该教师已任教此班该学科');
  await ctx.audit({
    action: 'class.assign_teacher',
    targetType: 'org_unit',
    targetId: unit.id,
    orgPath: unit.path,
    subjectPersonId: opts.teacherId,
    details: { subjectCode: opts.subjectCode },
  });
  return { ok: true as const };
}

export async function unassignTeacher(
  ctx: Ctx,
  classId: string,
  opts: { teacherId: string; subjectCode: string },
) {
  const unit = await classInScope(ctx, classId);
  const res = await ctx.db.execute(sql`
    delete from teaching_assignment ta using term t
     where t.id = ta.term_id and t.current and ta.class_id = ${unit.id}
       and ta.teacher_id = ${opts.teacherId} and ta.subject_code = ${opts.subjectCode}`);
  if ((res.rowCount ?? 0) === 0) throw notFound('任教记录');
  await ctx.audit({
    action: 'class.unassign_teacher',
    targetType: 'org_unit',
    targetId: unit.id,
    orgPath: unit.path,
    subjectPersonId: opts.teacherId,
    details: { subjectCode: opts.subjectCode },
  });
  return { ok: true as const };
}

/** Appoints the head teacher (班主任) of an administrative class, replacing the previous one. */
export async function appointHeadTeacher(ctx: Ctx, classId: string, opts: { teacherId: string }) {
  const unit = await classInScope(ctx, classId);
  if (unit.kind !== 'class') throw badRequest('教学班不设班主任');
  await teacherOfSchool(ctx, opts.teacherId, unit.schoolId!);
  await ctx.db.execute(sql`update role_assignment set active = false
     where org_unit_id = ${unit.id} and role = 'head_teacher' and person_id <> ${opts.teacherId}`);
  await ctx.db.execute(sql`
    insert into role_assignment (id, person_id, role, org_unit_id, path, district_id, school_id, active)
    values (${newId()}, ${opts.teacherId}, 'head_teacher', ${unit.id}, ${unit.path}::ltree,
            ${unit.districtId}, ${unit.schoolId}, true)
    on conflict (person_id, role, org_unit_id) do update set active = true`);
  await ctx.audit({
    action: 'class.appoint_head_teacher',
    targetType: 'org_unit',
    targetId: unit.id,
    orgPath: unit.path,
    subjectPersonId: opts.teacherId,
  });
  return { ok: true as const };
}

/** Adds a student of the same school to a teaching class (教学班). */
export async function addTeachingClassMember(ctx: Ctx, classId: string, opts: { studentId: string }) {
  const unit = await classInScope(ctx, classId);
  if (unit.kind !== 'teaching_class') throw badRequest('只能向教学班添加选课学生');
  const s = await ctx.db.execute<{ school_id: string }>(
    sql`select school_id from student where person_id = ${opts.studentId} and status = 'enrolled'`,
  );
  if (s.rows[0]?.school_id !== unit.schoolId) throw notFound('本校在读学生');
  await ctx.db.execute(sql`insert into teaching_class_member (teaching_class_id, student_id, path)
     values (${unit.id}, ${opts.studentId}, ${unit.path}::ltree) on conflict do nothing`);
  await ctx.audit({
    action: 'class.add_member',
    targetType: 'org_unit',
    targetId: unit.id,
    orgPath: unit.path,
    subjectPersonId: opts.studentId,
  });
  return { ok: true as const };
}

/** Teachers employed by or teaching in a school, for pickers. */
export async function listSchoolTeachers(ctx: Ctx, schoolId: string) {
  const school = await findUnit(ctx.db, schoolId);
  if (school?.kind !== 'school' || !within(ctx, school.path)) throw notFound('学校');
  const res = await ctx.db.execute<{
    personId: string;
    name: string;
    staffNo: string;
    subjects: string[];
    gender: string;
  }>(sql`
    select distinct on (p.id) p.id as "personId", p.name, t.staff_no as "staffNo", t.subjects, p.gender
      from role_assignment ra join person p on p.id = ra.person_id join teacher t on t.person_id = p.id
     where ra.school_id = ${school.id} and ra.role = 'teacher' and ra.active order by p.id`);
  return res.rows.sort((a, b) => a.staffNo.localeCompare(b.staffNo));
}

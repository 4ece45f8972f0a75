import { badRequest, conflict, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { scopeCovers } from '../../platform/scope/scope.ts';
import { findUnit } from '../org/org.repository.ts';
import { assertCodes } from './codes-check.ts';
import * as repo from './staff.repository.ts';

const within = (ctx: Ctx, p: string) => scopeCovers(ctx.scope, p);

async function classInScope(ctx: Ctx, classId: string) {
  const unit = await findUnit(ctx.db, classId);
  if (!unit || (unit.kind !== 'class' && unit.kind !== 'teaching_class') || !within(ctx, unit.path))
    throw notFound('班级');
  return unit;
}

/** A teacher may be assigned where they hold a teacher role: their own school or a second school. */
async function teacherOfSchool(ctx: Ctx, teacherId: string, schoolId: string) {
  const row = await repo.findTeacherOfSchool(ctx.db, teacherId, schoolId);
  if (!row) throw notFound('本校教师');
  return row;
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
  const termId = await repo.findCurrentTermId(ctx.db);
  if (!termId) throw badRequest('尚未设置当前学期');
  if (!(await repo.insertAssignment(ctx.db, unit, { ...opts, termId })))
    throw conflict('该教师已任教此班该学科');
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
  if (!(await repo.deleteCurrentAssignment(ctx.db, unit.id, opts))) throw notFound('任教记录');
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
  await repo.setHeadTeacher(ctx.db, unit, opts.teacherId);
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
  if ((await repo.findEnrolledSchoolOf(ctx.db, opts.studentId)) !== unit.schoolId)
    throw notFound('本校在读学生');
  await repo.insertTeachingClassMember(ctx.db, unit, opts.studentId);
  await ctx.audit({
    action: 'class.add_member',
    targetType: 'org_unit',
    targetId: unit.id,
    orgPath: unit.path,
    subjectPersonId: opts.studentId,
  });
  return { ok: true as const };
}

/**
 * Teachers employed by or teaching in a school, for pickers. Staff personal data read by
 * administrators: audited (P4), with the number of teachers listed.
 */
export async function listSchoolTeachers(ctx: Ctx, schoolId: string) {
  const school = await findUnit(ctx.db, schoolId);
  if (school?.kind !== 'school' || !within(ctx, school.path)) throw notFound('学校');
  const rows = await repo.listTeachersOfSchool(ctx.db, school.id);
  await ctx.audit({
    action: 'school.teachers.read',
    targetType: 'org_unit',
    targetId: school.id,
    orgPath: school.path,
    details: { teachers: rows.length },
  });
  return rows;
}

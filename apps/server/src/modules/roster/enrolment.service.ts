import { randomBytes } from 'node:crypto';
import { newId } from '../../platform/db/types.ts';
import { badRequest, conflict, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { scopeCovers } from '../../platform/scope/scope.ts';
import { hashPassword } from '../identity/password.ts';
import { findUnit } from '../org/org.repository.ts';
import { assertCodes } from './codes-check.ts';
import * as repo from './enrolment.repository.ts';
import { parseResidentId } from './id-number.ts';
import { findStudent } from './roster.repository.ts';
import { getStudent } from './students.service.ts';

/** Moves a student to another class in scope (same school or, for district/city admins, another school). */
export async function transferStudent(ctx: Ctx, personId: string, opts: { classId: string }) {
  const s = await findStudent(ctx.db, personId);
  if (!s) throw notFound('学生');
  const target = await findUnit(ctx.db, opts.classId);
  if (target?.kind !== 'class' || !scopeCovers(ctx.scope, target.path)) throw notFound('目标班级');
  if (!target.active) throw badRequest('目标班级已停用');
  if (target.id === s.classId) throw badRequest('学生已在该班级');
  await repo.moveStudent(ctx.db, personId, s, target);
  await ctx.audit({
    action: 'student.transfer',
    targetType: 'student',
    targetId: personId,
    subjectPersonId: personId,
    orgPath: target.path,
    details: { fromClassId: s.classId, toClassId: target.id, fromPath: s.path },
  });
  return getStudent(ctx, personId);
}

export interface EnrollInput {
  classId: string;
  name: string;
  gender: string;
  birthDate: string;
  ethnicity?: string;
  idType: string;
  idNumber: string;
  nationalNo: string;
  studentNo: string;
  entryYear: number;
  studyMode?: string;
  householdType?: string;
  migrant?: boolean;
}

/**
 * The login of a new student: s + 学校标识码 + 学号. Never derived from the 全国学籍号, which holds
 * the ID number.
 */
export const studentUsername = (schoolCode: string, studentNo: string) =>
  `s${schoolCode}${studentNo}`.toLowerCase();

/** Enrols a new student in a class: person, account (random password, reset by an admin), 学籍 row. */
export async function enrollStudent(ctx: Ctx, input: EnrollInput) {
  const unit = await findUnit(ctx.db, input.classId);
  if (unit?.kind !== 'class' || !scopeCovers(ctx.scope, unit.path)) throw notFound('班级');
  if (!unit.active) throw badRequest('班级已停用');
  await assertCodes(ctx, { gender: input.gender, id_type: input.idType, ethnicity: input.ethnicity ?? '01' });
  if (input.idType === '1') {
    const info = parseResidentId(input.idNumber);
    if ('error' in info) throw badRequest(info.error, { field: 'idNumber' });
    if (info.birthDate !== input.birthDate || info.gender !== input.gender) {
      throw badRequest('身份证号与出生日期或性别不一致', { field: 'idNumber' });
    }
  }
  const { crypto } = ctx.deps;
  const idNumber = input.idNumber.trim().toUpperCase();
  const nationalNo = input.nationalNo.trim().toUpperCase();
  const idHash = crypto.lookupHash(idNumber);
  const nationalNoHash = crypto.lookupHash(nationalNo);
  if (await repo.identityTaken(ctx.db, idHash, nationalNoHash))
    throw conflict('该身份证号或全国学籍号已存在');
  const school = unit.schoolId ? await findUnit(ctx.db, unit.schoolId) : undefined;
  const personId = newId();
  await repo.insertStudentRecord(ctx.db, {
    person: {
      id: personId,
      name: input.name,
      gender: input.gender,
      birthDateEnc: crypto.encrypt(input.birthDate),
      ethnicity: input.ethnicity ?? '01',
      idType: input.idType,
      idNumberEnc: crypto.encrypt(idNumber),
      idNumberHash: idHash,
    },
    username: studentUsername(school?.schoolCode ?? '', input.studentNo),
    passwordHash: await hashPassword(randomBytes(24).toString('base64url')),
    student: {
      nationalNoEnc: crypto.encrypt(nationalNo),
      nationalNoHash,
      studentNo: input.studentNo,
      districtId: unit.districtId!,
      schoolId: unit.schoolId!,
      classId: unit.id,
      path: unit.path,
      entryYear: input.entryYear,
      studyMode: input.studyMode,
      householdType: input.householdType,
      migrant: input.migrant ?? false,
    },
    sensitiveEnc: crypto.encrypt(
      JSON.stringify({ health: '1', disability: '0', leftBehind: '0', orphan: false }),
    ),
    unit,
  });
  await ctx.audit({
    action: 'student.enroll',
    targetType: 'student',
    targetId: personId,
    subjectPersonId: personId,
    orgPath: unit.path,
  });
  return getStudent(ctx, personId);
}

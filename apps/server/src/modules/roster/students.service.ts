import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { ReadModel } from '../../platform/cache/read-caches.ts';
import { codeExists } from '../../platform/codes/codes.repository.ts';
import { newId } from '../../platform/db/types.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { scopeCovers } from '../../platform/scope/scope.ts';
import { accounts, persons, roleAssignments } from '../identity/identity.schema.ts';
import { hashPassword } from '../identity/password.ts';
import { findUnit } from '../org/org.repository.ts';
import { ageOn, maskIdNumber, parseResidentId } from './id-number.ts';
import * as repo from './roster.repository.ts';
import { studentSensitive, students } from './roster.schema.ts';

/** Personal data of children under 14 is sensitive in full (COMPLIANCE §3). */
export const UNDER_14 = 14;

/** Rosters are read on every teacher's page and change a few times a term. */
const ROSTER: ReadModel = {
  name: 'class-roster',
  tables: [
    'org_unit',
    'student',
    'person',
    'teaching_class_member',
    'teaching_assignment',
    'term',
    'role_assignment',
  ],
  max: 20_000,
};

/** A student's record with guardians; read by teachers, parents and the student many times a day. */
const STUDENT_RECORD: ReadModel = {
  name: 'student-record',
  tables: ['student', 'person', 'org_unit', 'guardian'],
  max: 50_000,
};

export async function getRoster(ctx: Ctx, classId: string) {
  const roster = await ctx.cached(ROSTER, classId, () => repo.findClassRoster(ctx.db, classId));
  if (!roster) throw notFound('班级');
  const { path, students, teachers, ...unit } = roster;
  await ctx.audit({
    action: 'roster.read',
    targetType: 'org_unit',
    targetId: unit.id,
    orgPath: path,
    details: { students: students.length },
  });
  return { class: unit, students, teachers };
}

/** 学籍 record without the sensitive fields. Staff reading someone else's record is audited. */
export async function getStudent(ctx: Ctx, personId: string) {
  const s = await ctx.cached(STUDENT_RECORD, personId, () => repo.findStudentWithGuardians(ctx.db, personId));
  if (!s) throw notFound('学生');
  const { guardians } = s;
  const idNumber = s.idNumberEnc ? ctx.deps.crypto.decrypt(s.idNumberEnc) : null;
  if (ctx.actor.personId !== personId) {
    await ctx.audit({
      action: 'student.read',
      targetType: 'student',
      targetId: personId,
      subjectPersonId: personId,
      orgPath: s.path,
    });
  }
  return {
    personId: s.personId,
    name: s.name,
    gender: s.gender,
    birthDate: s.birthDate,
    ethnicity: s.ethnicity,
    nationality: s.nationality,
    idType: s.idType,
    idNumberMasked: idNumber ? maskIdNumber(idNumber) : null,
    nationalNo: s.nationalNo,
    studentNo: s.studentNo,
    classId: s.classId,
    className: s.className,
    schoolId: s.schoolId,
    schoolName: s.schoolName,
    entryYear: s.entryYear,
    entryMode: s.entryMode,
    studyMode: s.studyMode,
    householdType: s.householdType,
    householdPlace: s.householdPlace,
    birthplace: s.birthplace,
    migrant: s.migrant,
    status: s.status,
    under14: s.birthDate ? ageOn(s.birthDate) < UNDER_14 : true,
    guardians: ctx.actor.role === 'teacher' ? guardians.map((g) => ({ ...g, phone: null })) : guardians,
  };
}

export interface SensitiveFields {
  health: string | null;
  disability: string | null;
  leftBehind: string | null;
  orphan: boolean;
}

/**
 * Health, disability, left-behind and orphan status: only the school's admins, district and city
 * admins, the class's head teacher and the child's guardians; every read is audited.
 */
export async function getStudentSensitive(ctx: Ctx, personId: string): Promise<SensitiveFields> {
  const s = await repo.findStudent(ctx.db, personId);
  if (!s) throw notFound('学生');
  const role = ctx.actor.role;
  const allowed =
    role === 'city_admin' ||
    role === 'district_admin' ||
    role === 'school_admin' ||
    role === 'parent' ||
    (role === 'head_teacher' && (await repo.isHeadTeacherOf(ctx.db, ctx.actor.personId, s.classId)));
  if (!allowed) {
    await ctx.audit({
      action: 'student.sensitive.read',
      outcome: 'denied',
      targetType: 'student',
      targetId: personId,
      subjectPersonId: personId,
      orgPath: s.path,
    });
    throw forbidden('无权查看学生敏感信息');
  }
  const blob = await repo.findSensitive(ctx.db, personId);
  const data = blob ? (JSON.parse(ctx.deps.crypto.decrypt(blob)) as Partial<SensitiveFields>) : {};
  await ctx.audit({
    action: 'student.sensitive.read',
    targetType: 'student',
    targetId: personId,
    subjectPersonId: personId,
    orgPath: s.path,
  });
  return {
    health: data.health ?? null,
    disability: data.disability ?? null,
    leftBehind: data.leftBehind ?? null,
    orphan: data.orphan ?? false,
  };
}

/** Moves a student to another class in scope (same school or, for district/city admins, another school). */
export async function transferStudent(ctx: Ctx, personId: string, opts: { classId: string }) {
  const s = await repo.findStudent(ctx.db, personId);
  if (!s) throw notFound('学生');
  const target = await findUnit(ctx.db, opts.classId);
  if (target?.kind !== 'class' || !scopeCovers(ctx.scope, target.path)) throw notFound('目标班级');
  if (!target.active) throw badRequest('目标班级已停用');
  if (target.id === s.classId) throw badRequest('学生已在该班级');
  await ctx.db.execute(sql`update student set class_id = ${target.id}, school_id = ${target.schoolId},
      district_id = ${target.districtId}, path = ${target.path}::ltree, updated_at = now() where person_id = ${personId}`);
  await ctx.db.execute(
    sql`update student_sensitive set path = ${target.path}::ltree where person_id = ${personId}`,
  );
  await ctx.db.execute(sql`update guardian set path = ${target.path}::ltree where student_id = ${personId}`);
  // Guardians' parent roles follow the child, unless a sibling keeps them at the old class.
  await ctx.db.execute(sql`
    update role_assignment ra set org_unit_id = ${target.id}, path = ${target.path}::ltree,
           school_id = ${target.schoolId}, district_id = ${target.districtId}
      from guardian g
     where g.student_id = ${personId} and ra.person_id = g.parent_id and ra.role = 'parent'
       and ra.org_unit_id = ${s.classId}
       and not exists (select 1 from guardian g2 join student s2 on s2.person_id = g2.student_id
                        where g2.parent_id = g.parent_id and s2.class_id = ${s.classId} and s2.person_id <> ${personId})
       and not exists (select 1 from role_assignment r3 where r3.person_id = g.parent_id and r3.role = 'parent'
                        and r3.org_unit_id = ${target.id})`);
  const parents = await ctx.db.execute<{ id: string }>(
    sql`select parent_id as id from guardian where student_id = ${personId}`,
  );
  for (const p of parents.rows) {
    await ctx.db.execute(sql`
      insert into role_assignment (id, person_id, role, org_unit_id, path, district_id, school_id)
      values (${newId()}, ${p.id}, 'parent', ${target.id}, ${target.path}::ltree, ${target.districtId}, ${target.schoolId})
      on conflict (person_id, role, org_unit_id) do nothing`);
  }
  await ctx.db.execute(sql`update role_assignment set org_unit_id = ${target.id}, path = ${target.path}::ltree,
      school_id = ${target.schoolId}, district_id = ${target.districtId}
    where person_id = ${personId} and role = 'student'`);
  // Leaving the school ends membership of its teaching classes.
  if (target.schoolId !== s.schoolId) {
    await ctx.db.execute(sql`delete from teaching_class_member where student_id = ${personId}`);
  }
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
  const idHash = ctx.deps.crypto.lookupHash(input.idNumber);
  const dup = await ctx.db.execute(sql`select 1 from person where id_number_hash = ${idHash}
      union all select 1 from student where national_no = ${input.nationalNo}`);
  if ((dup.rowCount ?? 0) > 0) throw conflict('该身份证号或全国学籍号已存在');
  const personId = newId();
  await ctx.db.insert(persons).values({
    id: personId,
    name: input.name,
    gender: input.gender,
    birthDate: input.birthDate,
    ethnicity: input.ethnicity ?? '01',
    idType: input.idType,
    idNumberEnc: ctx.deps.crypto.encrypt(input.idNumber.trim().toUpperCase()),
    idNumberHash: idHash,
  });
  await ctx.db.insert(accounts).values({
    personId,
    username: `s${input.nationalNo}`.toLowerCase(),
    passwordHash: await hashPassword(randomBytes(24).toString('base64url')),
    mustChangePassword: true,
  });
  await ctx.db.insert(students).values({
    personId,
    nationalNo: input.nationalNo,
    studentNo: input.studentNo,
    districtId: unit.districtId!,
    schoolId: unit.schoolId!,
    classId: unit.id,
    path: unit.path,
    entryYear: input.entryYear,
    studyMode: input.studyMode,
    householdType: input.householdType,
    migrant: input.migrant ?? false,
  });
  await ctx.db.insert(studentSensitive).values({
    personId,
    path: unit.path,
    dataEnc: ctx.deps.crypto.encrypt(
      JSON.stringify({ health: '1', disability: '0', leftBehind: '0', orphan: false }),
    ),
  });
  await ctx.db.insert(roleAssignments).values({
    personId,
    role: 'student',
    orgUnitId: unit.id,
    path: unit.path,
    districtId: unit.districtId,
    schoolId: unit.schoolId,
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

/** Refuses values that are not in the current national code tables. */
export async function assertCodes(ctx: Ctx, values: Record<string, string | undefined>): Promise<void> {
  const bad: { field: string; code: string }[] = [];
  for (const [category, code] of Object.entries(values)) {
    if (code !== undefined && !(await codeExists(ctx.db, category, code)))
      bad.push({ field: category, code });
  }
  if (bad.length > 0)
    throw badRequest(`代码不在国家标准代码表中：${bad.map((b) => `${b.field}=${b.code}`).join('，')}`, {
      bad,
    });
}

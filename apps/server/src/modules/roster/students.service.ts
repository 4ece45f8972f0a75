import type { AuditEntry } from '../../platform/audit/audit.ts';
import type { ReadModel } from '../../platform/cache/read-caches.ts';
import { type FieldCrypto, openOpt } from '../../platform/crypto/field-crypto.ts';
import { forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { deepFreeze } from '../../platform/http/serializer.ts';
import { ageOn, maskIdNumber } from './id-number.ts';
import * as repo from './roster.repository.ts';

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

/** Whether a person heads a class, whichever role they act in; checked on every record read. */
const HEADS_CLASS: ReadModel = { name: 'heads-class', tables: ['role_assignment'], max: 50_000 };

const fromBase64 = (b: string | null) => (b === null ? null : Buffer.from(b, 'base64'));

export async function getRoster(ctx: Ctx, classId: string) {
  // Kept as the answer itself, frozen: birth dates are opened and the answer is serialized once
  // per cached roster, not per read (platform/http/serializer.ts).
  const roster = await ctx.cached(ROSTER, classId, async () => {
    await repo.useGenericPlans(ctx.db);
    const r = await repo.findClassRoster(ctx.db, classId);
    if (!r) return r;
    const { path, students, teachers, ...unit } = r;
    const opened = students.map(({ birthDateEnc, ...s }) => ({
      ...s,
      birthDate: openOpt(ctx.deps.crypto, fromBase64(birthDateEnc)),
    }));
    return { path, answer: deepFreeze({ class: unit, students: opened, teachers }) };
  });
  if (!roster) throw notFound('班级');
  const { answer } = roster;
  await ctx.audit({
    action: 'roster.read',
    targetType: 'org_unit',
    targetId: answer.class.id,
    orgPath: roster.path,
    details: { students: answer.students.length },
  });
  return answer;
}

const ADMIN_ROLES = new Set(['city_admin', 'district_admin', 'school_admin']);

/**
 * Who may contact a student's guardians (their mobile numbers), by relation to that student, not by
 * the active role: the administrators whose scope holds the record, the head teacher of the
 * student's class (班主任), the guardians themselves and the student.
 */
async function mayContactGuardians(ctx: Ctx, s: { personId: string; classId: string }): Promise<boolean> {
  const { actor } = ctx;
  if (ADMIN_ROLES.has(actor.role) || actor.role === 'parent' || actor.personId === s.personId) return true;
  return ctx.cached(HEADS_CLASS, `${actor.personId}/${s.classId}`, () =>
    repo.isHeadTeacherOf(ctx.db, actor.personId, s.classId),
  );
}

type RecordRow = repo.StudentRecord & { guardians: repo.GuardianRecord[] };

/** Noon of `day` in Beijing, to take an age on that day. */
const noonOf = (day: string) => new Date(`${day}T12:00:00+08:00`);

/** Today's date in Beijing time (YYYY-MM-DD). */
const beijingDay = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** A record as its readers see it (frozen: shared by every read of the cached record). */
function answerOf(crypto: FieldCrypto, s: RecordRow, day: string) {
  const idNumber = openOpt(crypto, s.idNumberEnc);
  const nationalNo = openOpt(crypto, s.nationalNoEnc);
  const birthDate = openOpt(crypto, s.birthDateEnc);
  return deepFreeze({
    personId: s.personId,
    name: s.name,
    gender: s.gender,
    birthDate,
    ethnicity: s.ethnicity,
    nationality: s.nationality,
    idType: s.idType,
    idNumberMasked: idNumber ? maskIdNumber(idNumber) : null,
    nationalNoMasked: nationalNo ? maskIdNumber(nationalNo) : null,
    studentNo: s.studentNo,
    classId: s.classId,
    className: s.className,
    schoolId: s.schoolId,
    schoolName: s.schoolName,
    entryYear: s.entryYear,
    entryMode: s.entryMode,
    studyMode: s.studyMode,
    householdType: s.householdType,
    householdPlace: openOpt(crypto, s.householdPlaceEnc),
    birthplace: openOpt(crypto, s.birthplaceEnc),
    migrant: s.migrant,
    status: s.status,
    under14: birthDate ? ageOn(birthDate, noonOf(day)) < UNDER_14 : true,
    guardians: s.guardians.map(({ phoneEnc: _sealed, ...g }) => ({ ...g, phone: null as string | null })),
  });
}

type RecordAnswer = ReturnType<typeof answerOf>;

/**
 * A record as kept in memory: its answer, opened once per load (five AES-GCM fields were ~12 % of a
 * cached read's CPU; the ID numbers only masked), without the guardians' phones. Those stay sealed
 * until a reader who may contact them asks; the answer with them is then kept too. Answers are
 * kept per day (an age changes at midnight, Beijing time): at most two, one of each kind.
 */
interface CachedRecord {
  personId: string;
  classId: string;
  path: string;
  /** The guardians' phones, sealed (base64), in the answer's order. */
  sealedPhones: (string | null)[];
  answers: Map<string, RecordAnswer>;
}

function cachedRecord(crypto: FieldCrypto, s: RecordRow): CachedRecord {
  const day = beijingDay();
  return {
    personId: s.personId,
    classId: s.classId,
    path: s.path,
    sealedPhones: s.guardians.map((g) => g.phoneEnc),
    answers: new Map([[`${day}/false`, answerOf(crypto, s, day)]]),
  };
}

/** The record's answer on `day`, with the guardians' phones or without, made from one kept. */
function answerFor(crypto: FieldCrypto, s: CachedRecord, day: string, phones: boolean): RecordAnswer {
  const key = `${day}/${phones}`;
  const kept = s.answers.get(key);
  if (kept) return kept;
  const base = s.answers.values().next().value as RecordAnswer;
  const answer = deepFreeze({
    ...base,
    under14: base.birthDate ? ageOn(base.birthDate, noonOf(day)) < UNDER_14 : true,
    guardians: base.guardians.map((g, i) => ({
      ...g,
      phone: phones ? openOpt(crypto, fromBase64(s.sealedPhones[i] ?? null)) : null,
    })),
  });
  for (const k of s.answers.keys()) if (!k.startsWith(day)) s.answers.delete(k);
  s.answers.set(key, answer);
  return answer;
}

/**
 * 学籍 record without the sensitive fields. Staff reading someone else's record is audited. Readers
 * of a cached record share its answer, which is serialized once (platform/http/serializer.ts).
 */
export async function getStudent(ctx: Ctx, personId: string) {
  const { crypto } = ctx.deps;
  const s = await ctx.cached(STUDENT_RECORD, personId, async () => {
    await repo.useGenericPlans(ctx.db);
    const r = await repo.findStudentWithGuardians(ctx.db, personId);
    return r && cachedRecord(crypto, r);
  });
  if (!s) throw notFound('学生');
  if (ctx.actor.personId !== personId) {
    await ctx.audit({
      action: 'student.read',
      targetType: 'student',
      targetId: personId,
      subjectPersonId: personId,
      orgPath: s.path,
    });
  }
  return answerFor(crypto, s, beijingDay(), await mayContactGuardians(ctx, s));
}

export type TRevealField = 'nationalNo' | 'idNumber';

/**
 * The full 全国学籍号 or ID number, revealed on an explicit, audited action (COMPLIANCE §3): to the
 * administrators whose scope holds the record (学籍 transfers and checks), the student and the
 * student's guardians. Every response elsewhere carries the masked value only.
 */
export async function revealStudentField(ctx: Ctx, personId: string, field: TRevealField) {
  const s = await repo.findStudent(ctx.db, personId);
  if (!s) throw notFound('学生');
  const { role } = ctx.actor;
  const allowed = ADMIN_ROLES.has(role) || role === 'parent' || ctx.actor.personId === personId;
  const entry = {
    action: 'student.reveal',
    targetType: 'student',
    targetId: personId,
    subjectPersonId: personId,
    orgPath: s.path,
    details: { field },
  } satisfies AuditEntry;
  if (!allowed) {
    await ctx.audit({ ...entry, outcome: 'denied' });
    throw forbidden('无权查看完整号码');
  }
  const value = openOpt(ctx.deps.crypto, field === 'nationalNo' ? s.nationalNoEnc : s.idNumberEnc);
  if (!value) throw notFound(field === 'nationalNo' ? '全国学籍号' : '证件号码');
  await ctx.audit(entry);
  return { value };
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
    ADMIN_ROLES.has(role) ||
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

export interface DataSubject {
  personId: string;
  name: string;
  isStudent: boolean;
  /** Under 14 (or of unknown age while a student): only a guardian may consent (COMPLIANCE §3). */
  under14: boolean;
  path: string | null;
  schoolId: string | null;
}

/** A person as the privacy module needs them: age class, school and responsible path. */
export async function findDataSubject(
  tx: Ctx['db'],
  crypto: Ctx['deps']['crypto'],
  personId: string,
): Promise<DataSubject | undefined> {
  const s = await repo.findSubject(tx, personId);
  if (!s) return undefined;
  const birth = openOpt(crypto, s.birthDateEnc);
  return {
    personId: s.personId,
    name: s.name,
    isStudent: s.isStudent,
    under14: birth ? ageOn(birth) < UNDER_14 : s.isStudent,
    path: s.path,
    schoolId: s.schoolId,
  };
}

export const isGuardianOf = repo.isGuardianOf;
export const findChildren = repo.findChildren;

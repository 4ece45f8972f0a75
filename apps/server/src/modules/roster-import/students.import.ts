import { newId } from '../../platform/db/types.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { studentUsername } from '../roster/enrolment.service.ts';
import {
  changedFields,
  defined,
  emptySummary,
  type Importer,
  type ImportRun,
  tick,
  type Validation,
  within,
} from './import-context.ts';
import * as lookup from './lookup.repository.ts';
import { FOREIGN_CONFLICT, PersonGuard } from './person-guard.ts';
import type { TRowError } from './roster-import.schema.ts';
import { type RowCheck, SeenKeys } from './row-check.ts';
import { openPerson, openStudent } from './sealed-fields.ts';
import type { RawRow } from './sheet-io.ts';
import { applyStudents } from './students.apply.ts';
import {
  isComplete,
  type ParsedStudent,
  parseStudentRow,
  type Sensitive,
  type StudentDraft,
} from './students.parse.ts';

const STATUS_ZH: Record<string, string> = { transferred: '已转出', graduated: '已毕业', withdrawn: '已退学' };

export interface Placement {
  classId: string;
  schoolId: string;
  districtId: string;
  path: string;
}

export interface StudentCreate {
  personId: string;
  p: ParsedStudent;
  place: Placement;
  username: string;
  sensitive: Sensitive;
}

export interface StudentUpdate {
  personId: string;
  p: ParsedStudent;
  place: Placement;
  /** Moved to another class (paths of dependent rows follow); `schoolChanged` ends teaching-class membership. */
  moved: boolean;
  schoolChanged: boolean;
  person: boolean;
  student: boolean;
  sensitive: Sensitive | null;
  fields: string[];
}

export interface StudentPlan {
  creates: StudentCreate[];
  updates: StudentUpdate[];
}

async function validate(ctx: Ctx, run: ImportRun, rows: RawRow[]): Promise<Validation<StudentPlan>> {
  const errors: TRowError[] = [];
  const drafts: StudentDraft[] = [];
  const seenNo = new SeenKeys();
  const seenId = new SeenKeys();
  const seenStudentNo = new SeenKeys();
  for (const [i, raw] of rows.entries()) {
    const d = parseStudentRow(ctx, run, raw, errors);
    await tick(run, i + 1);
    seenNo.check(d.check, 'nationalNo', d.nationalNo, '全国学籍号');
    seenId.check(d.check, 'idNumber', d.idHash, '证件号码');
    const perSchool = d.schoolCode && d.studentNo ? `${d.schoolCode}/${d.studentNo}` : undefined;
    seenStudentNo.check(d.check, 'studentNo', perSchool, '同一学校的学号');
    drafts.push(d);
  }

  // Batch lookups: one query per 1,000 keys. Rows with errors take part with the fields they have,
  // so an unknown class is reported with a bad birth date in the same round.
  const db = ctx.db;
  const schools = new Map(
    (await lookup.findUnitsBySchoolCode(db, defined(drafts.map((d) => d.schoolCode))))
      .filter((u) => u.kind === 'school' && within(ctx.scope, u.path))
      .map((u) => [u.schoolCode!, u]),
  );
  const classes = new Map<string, lookup.UnitRow[]>();
  for (const u of await lookup.findUnitsInSchools(
    db,
    [...schools.values()].map((s) => s.id),
  )) {
    if (u.kind !== 'class') continue;
    const key = `${u.schoolId}/${u.name}`;
    classes.set(key, [...(classes.get(key) ?? []), u]);
  }
  const { crypto } = ctx.deps;
  const existing = new Map(
    (await lookup.findStudentsByNationalNoHash(db, defined(drafts.map((d) => d.nationalNoHash)))).map((s) => [
      s.nationalNoHash,
      openStudent(crypto, s),
    ]),
  );
  const persons = new Map(
    (await lookup.findPersonsByIdHash(db, defined(drafts.map((d) => d.idHash)))).map((p) => [
      p.idHash!,
      openPerson(crypto, p),
    ]),
  );
  const studentNos = new Map(
    (
      await lookup.findStudentNos(
        db,
        [...schools.values()].map((s) => s.id),
        defined(drafts.map((d) => d.studentNo)),
      )
    ).map((r) => [`${r.schoolId}/${r.studentNo}`, r.personId]),
  );
  const guard = await PersonGuard.load(db, ctx.scope, [
    ...[...persons.values()].map((p) => p.id),
    ...[...existing.values()].map((s) => s.personId),
  ]);
  const username = (d: StudentDraft) =>
    d.schoolCode && d.studentNo ? studentUsername(d.schoolCode, d.studentNo) : undefined;
  const taken = await lookup.findTakenUsernames(
    db,
    defined(drafts.filter((d) => d.nationalNoHash && !existing.has(d.nationalNoHash)).map(username)),
  );

  const plan: StudentPlan = { creates: [], updates: [] };
  const summary = emptySummary();
  for (const d of drafts) {
    const c = d.check;
    const school = d.schoolCode === undefined ? undefined : schools.get(d.schoolCode);
    if (d.schoolCode !== undefined && !school) c.fail('schoolCode', '学校标识码不存在或不在您的管理范围内');
    else if (school && !school.active) c.fail('schoolCode', '学校已停用');
    const cls = school && d.className !== undefined ? classOf(c, classes, school.id, d) : undefined;
    const old = d.nationalNoHash === undefined ? undefined : existing.get(d.nationalNoHash);
    if (old) {
      // Outside the scope: no comparison with the stored ID number (that would be an oracle).
      if (!within(ctx.scope, old.path))
        c.fail('nationalNo', '该全国学籍号已在您管理范围以外的学校登记，请办理转学');
      else {
        if (old.status !== 'enrolled')
          c.fail(
            'nationalNo',
            `该学生学籍状态为「${STATUS_ZH[old.status] ?? old.status}」，不能通过导入修改`,
          );
        if (d.idHash !== undefined && old.idHash !== d.idHash)
          c.fail('idNumber', '证件号码与该全国学籍号已登记的证件号码不一致');
      }
    } else if (d.nationalNoHash !== undefined) {
      const holder = d.idHash === undefined ? undefined : persons.get(d.idHash);
      if (holder)
        c.fail(
          ...guard.conflict(
            [holder.id],
            'idNumber',
            holder.isStudent ? '该证件号码已登记在其他全国学籍号下' : '该证件号码已被其他人员使用',
            'idNumber',
          ),
        );
      const name = username(d);
      if (name && taken.has(name)) c.fail('studentNo', `账号名「${name}」已被占用`);
    }
    // Whose 学号 it may be is known only when the row's 全国学籍号 could be read.
    const noOwner =
      school && d.studentNo !== undefined && d.nationalNoHash !== undefined
        ? studentNos.get(`${school.id}/${d.studentNo}`)
        : undefined;
    if (noOwner && noOwner !== old?.personId) c.fail('studentNo', '该学号已被本校其他学生使用');
    if (!isComplete(d) || !school || !cls) continue;
    const p = d;

    const place: Placement = {
      classId: cls.id,
      schoolId: school.id,
      districtId: school.districtId!,
      path: cls.path,
    };
    if (!old) {
      const s = p.sensitive;
      plan.creates.push({
        personId: newId(),
        p,
        place,
        username: studentUsername(p.schoolCode, p.studentNo),
        sensitive: {
          health: s.health ?? null,
          disability: s.disability ?? null,
          leftBehind: s.leftBehind ?? null,
          orphan: s.orphan ?? false,
        },
      });
      summary.created++;
      continue;
    }
    const personFields = changedFields(old, {
      name: p.name,
      gender: p.gender,
      birthDate: p.birthDate,
      ethnicity: p.ethnicity,
      idType: p.id.idType,
    });
    const studentFields = changedFields(old, {
      studentNo: p.studentNo,
      entryYear: p.entryYear,
      classId: cls.id,
      studyMode: p.studyMode ?? old.studyMode,
      householdType: p.householdType ?? old.householdType,
      migrant: p.migrant ?? old.migrant,
    });
    const stored: Partial<Sensitive> = old.sensitive
      ? (JSON.parse(ctx.deps.crypto.decrypt(old.sensitive)) as Partial<Sensitive>)
      : {};
    const before: Sensitive = {
      health: stored.health ?? null,
      disability: stored.disability ?? null,
      leftBehind: stored.leftBehind ?? null,
      orphan: stored.orphan ?? false,
    };
    const after: Sensitive = {
      health: p.sensitive.health ?? before.health,
      disability: p.sensitive.disability ?? before.disability,
      leftBehind: p.sensitive.leftBehind ?? before.leftBehind,
      orphan: p.sensitive.orphan ?? before.orphan,
    };
    const sensitiveFields = changedFields(before, after);
    const fields = [...personFields, ...studentFields, ...sensitiveFields];
    // The person record of someone who also holds roles outside the scope is not the actor's to change.
    if (personFields.length > 0 && guard.foreign(old.personId)) {
      c.fail('idNumber', FOREIGN_CONFLICT);
      continue;
    }
    if (fields.length === 0) {
      summary.unchanged++;
      continue;
    }
    plan.updates.push({
      personId: old.personId,
      p,
      place,
      moved: cls.id !== old.classId,
      schoolChanged: school.id !== old.schoolId,
      person: personFields.length > 0,
      student: studentFields.length > 0,
      sensitive: sensitiveFields.length > 0 || !old.sensitive ? after : null,
      fields,
    });
    summary.updated++;
  }
  return { errors, plan, summary };
}

export const studentsImporter: Importer<StudentPlan> = { validate, apply: applyStudents };

/**
 * The administrative class a row names in its school. Two classes of one name are told apart by
 * the entry year; when the row's year is itself wrong, that error already stands for the row.
 */
function classOf(
  c: RowCheck,
  classes: Map<string, lookup.UnitRow[]>,
  schoolId: string,
  d: StudentDraft,
): lookup.UnitRow | undefined {
  const named = classes.get(`${schoolId}/${d.className}`) ?? [];
  if (named.length > 1 && d.entryYear === undefined) return undefined;
  const matches = named.length > 1 ? named.filter((k) => k.entryYear === d.entryYear) : named;
  const cls = matches.length === 1 ? matches[0] : undefined;
  if (!cls)
    c.fail('className', named.length === 0 ? '该校没有此行政班' : '该校有多个同名班级，入学年份也无法区分');
  else if (!cls.active) c.fail('className', '班级已停用');
  return cls;
}

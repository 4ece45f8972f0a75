import { newId } from '../../platform/db/types.ts';
import type { Ctx } from '../../platform/http/context.ts';
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
import { type IdValue, RowCheck, SeenKeys } from './row-check.ts';
import { openPerson, openTeacher } from './sealed-fields.ts';
import type { RawRow } from './sheet-io.ts';
import { applyTeachers } from './teachers.apply.ts';

export interface TeacherParsed {
  row: number;
  name: string;
  gender: string;
  id: IdValue;
  idHash: string;
  staffNo: string;
  schoolCode: string;
  subjects?: string[];
  title?: string;
  phone?: string;
}

export interface TeacherCreate {
  personId: string;
  p: TeacherParsed;
  school: lookup.UnitRow;
  /** false when the person exists already (a parent who is also a teacher): only the teacher record is new. */
  newPerson: boolean;
  /** Username of the account to create, when the person has none. */
  username: string | null;
  /** Existing person whose phone/gender the row completes. */
  personPatch: boolean;
}

export interface TeacherUpdate {
  personId: string;
  p: TeacherParsed;
  path: string;
  person: boolean;
  teacher: boolean;
  fields: string[];
}

export interface TeacherPlan {
  creates: TeacherCreate[];
  updates: TeacherUpdate[];
}

/** A row as far as its cells could be read (see `StudentDraft`). */
type TeacherDraft = Partial<TeacherParsed> & { c: RowCheck; row: number };

function parseRow(ctx: Ctx, run: ImportRun, raw: RawRow, errors: TRowError[]): TeacherDraft {
  const c = new RowCheck('teachers', raw, errors, run.book);
  const name = c.name('name');
  const gender = c.code('gender');
  const id = c.idNumber('idType', 'idNumber');
  const staffNo = c.text('staffNo', {
    pattern: /^[A-Za-z0-9-]{1,30}$/,
    message: '教职工号只能包含字母、数字和「-」，不超过 30 位',
  });
  const schoolCode = c.text('schoolCode', { pattern: /^[0-9]{10}$/, message: '学校标识码应为 10 位数字' });
  const subjects = c.codes('subjects');
  const title = c.code('title');
  const phone = c.phone('phone');
  c.agreeWithId(id, gender);
  const idHash = id ? ctx.deps.crypto.lookupHash(id.idNumber) : undefined;
  return { c, row: raw.row, name, gender, id, idHash, staffNo, schoolCode, subjects, title, phone };
}

const isComplete = (d: TeacherDraft): d is TeacherDraft & TeacherParsed => d.c.ok;

async function validate(ctx: Ctx, run: ImportRun, rows: RawRow[]): Promise<Validation<TeacherPlan>> {
  const errors: TRowError[] = [];
  const drafts: TeacherDraft[] = [];
  const seenStaff = new SeenKeys();
  const seenId = new SeenKeys();
  for (const [i, raw] of rows.entries()) {
    const d = parseRow(ctx, run, raw, errors);
    await tick(run, i + 1);
    seenStaff.check(d.c, 'staffNo', d.staffNo?.toUpperCase(), '教职工号');
    seenId.check(d.c, 'idNumber', d.idHash, '证件号码');
    drafts.push(d);
  }
  // Rows with errors take part with the fields they have: every error comes in one round.
  const db = ctx.db;
  const schools = new Map(
    (await lookup.findUnitsBySchoolCode(db, defined(drafts.map((d) => d.schoolCode))))
      .filter((u) => u.kind === 'school' && within(ctx.scope, u.path))
      .map((u) => [u.schoolCode!, u]),
  );
  const teachers = new Map(
    (await lookup.findTeachersByStaffNo(db, defined(drafts.map((d) => d.staffNo)))).map((t) => [
      t.staffNo,
      openTeacher(ctx.deps.crypto, t),
    ]),
  );
  const persons = new Map(
    (await lookup.findPersonsByIdHash(db, defined(drafts.map((d) => d.idHash)))).map((p) => [
      p.idHash!,
      openPerson(ctx.deps.crypto, p),
    ]),
  );
  const guard = await PersonGuard.load(db, ctx.scope, [
    ...[...persons.values()].map((p) => p.id),
    ...[...teachers.values()].map((t) => t.personId),
  ]);
  const username = (staffNo: string) => `t${staffNo}`.toLowerCase();
  const taken = await lookup.findTakenUsernames(
    db,
    defined(drafts.map((d) => d.staffNo))
      .filter((no) => !teachers.has(no))
      .map(username),
  );

  const plan: TeacherPlan = { creates: [], updates: [] };
  const summary = emptySummary();
  for (const d of drafts) {
    const c = d.c;
    const school = d.schoolCode === undefined ? undefined : schools.get(d.schoolCode);
    if (d.schoolCode !== undefined && !school) c.fail('schoolCode', '学校标识码不存在或不在您的管理范围内');
    else if (school && !school.active) c.fail('schoolCode', '学校已停用');
    const old = d.staffNo === undefined ? undefined : teachers.get(d.staffNo);
    if (old) {
      // A teacher outside the scope: no comparison with their stored ID number (that would be an oracle).
      if (!within(ctx.scope, old.path)) c.fail('staffNo', '该教职工号已在您管理范围以外的学校登记');
      else {
        if (school && old.schoolId !== school.id)
          c.fail('schoolCode', '该教职工号已登记在其他学校，教师调动请在系统中办理');
        if (d.idHash !== undefined && old.idHash !== d.idHash)
          c.fail('idNumber', '证件号码与该教职工号已登记的证件号码不一致');
      }
      if (!isComplete(d) || !school) continue;
      const p = d;
      const personFields = changedFields(old, {
        name: p.name,
        gender: p.gender,
        idType: p.id.idType,
        phone: p.phone ?? old.phone,
      });
      // Stored subjects may be in any order: compare as sorted sets.
      const sorted = [...old.subjects].sort();
      const teacherFields = changedFields(
        { subjects: sorted, title: old.title },
        { subjects: p.subjects ?? sorted, title: p.title ?? old.title },
      );
      const fields = [...personFields, ...teacherFields];
      // The person record of someone who also holds roles outside the scope is not the actor's to change.
      if (personFields.length > 0 && guard.foreign(old.personId)) c.fail('idNumber', FOREIGN_CONFLICT);
      else if (fields.length === 0) summary.unchanged++;
      else {
        plan.updates.push({
          personId: old.personId,
          p,
          path: old.path,
          person: personFields.length > 0,
          teacher: teacherFields.length > 0,
          fields,
        });
        summary.updated++;
      }
      continue;
    }
    // A new teacher, or one whose 教职工号 could not be read: then who the row is stays unknown, and
    // checks that assume a new teacher would only mislead.
    if (d.staffNo === undefined) continue;
    const holder = d.idHash === undefined ? undefined : persons.get(d.idHash);
    const personPatch =
      !!holder &&
      changedFields(holder, { gender: d.gender ?? holder.gender, phone: d.phone ?? holder.phone }).length > 0;
    const needsAccount = !holder?.username;
    if (holder) {
      // Outside the scope: one generic message, and the person is reused only as stored.
      const refuse = (key: string, message: string) =>
        c.fail(...guard.conflict([holder.id], key, message, 'idNumber'));
      if (!guard.mayLink(holder.id)) c.fail('idNumber', FOREIGN_CONFLICT);
      else if (holder.staffNo) refuse('idNumber', '该证件号码已登记在其他教职工号下');
      else if (d.name !== undefined && holder.name !== d.name)
        refuse('name', '该证件号码已登记的姓名与本行不一致');
      else if ((personPatch || needsAccount) && !guard.inside(holder.id))
        c.fail('idNumber', FOREIGN_CONFLICT);
    }
    if (needsAccount && taken.has(username(d.staffNo)))
      c.fail('staffNo', `账号名「${username(d.staffNo)}」已被占用`);
    if (!isComplete(d) || !school) continue;
    plan.creates.push({
      personId: holder?.id ?? newId(),
      p: d,
      school,
      newPerson: !holder,
      username: needsAccount ? username(d.staffNo) : null,
      personPatch,
    });
    summary.created++;
  }
  return { errors, plan, summary };
}

export const teachersImporter: Importer<TeacherPlan> = { validate, apply: applyTeachers };

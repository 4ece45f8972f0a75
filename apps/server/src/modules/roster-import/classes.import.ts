import { newId } from '../../platform/db/types.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { orgUnits, type TOrgKind } from '../org/org.schema.ts';
import {
  changedFields,
  defined,
  emptySummary,
  type Importer,
  type ImportRun,
  progressCounter,
  tick,
  type Validation,
  within,
} from './import-context.ts';
import * as lookup from './lookup.repository.ts';
import { updateClassRows } from './org-units.repository.ts';
import type { TRowError } from './roster-import.schema.ts';
import { RowCheck, SeenKeys } from './row-check.ts';
import type { RawRow } from './sheet-io.ts';
import { insertMany } from './write.repository.ts';

interface ClassValues {
  row: number;
  schoolCode: string;
  gradeCode: string;
  name: string;
  entryYear: number;
  kind: 'class' | 'teaching_class';
  subjectCode?: string;
}

type NewUnit = typeof orgUnits.$inferInsert & { id: string; path: string; row: number };

export interface ClassPlan {
  /** Grades (年级) created for new administrative classes, before the classes themselves. */
  grades: NewUnit[];
  classes: NewUnit[];
  updates: { id: string; v: ClassValues; path: string; fields: string[] }[];
}

/** Next free label with a prefix (k01, k02 … or t01 …) under a parent, counting planned ones. */
function labeller(units: lookup.UnitRow[]) {
  const max = new Map<string, number>();
  for (const u of units) {
    const m = /^([kt])([0-9]+)$/.exec(u.code);
    if (m && u.parentId) {
      const key = `${u.parentId}/${m[1]}`;
      max.set(key, Math.max(max.get(key) ?? 0, Number(m[2])));
    }
  }
  return (parentId: string, prefix: 'k' | 't') => {
    const key = `${parentId}/${prefix}`;
    const n = (max.get(key) ?? 0) + 1;
    max.set(key, n);
    return `${prefix}${String(n).padStart(2, '0')}`;
  };
}

/** A row as far as its cells could be read (see `StudentDraft`). */
type ClassDraft = Partial<ClassValues> & Pick<ClassValues, 'row' | 'kind'> & { c: RowCheck };

function parseRow(run: ImportRun, raw: RawRow, errors: TRowError[]): ClassDraft {
  const c = new RowCheck('classes', raw, errors, run.book);
  const schoolCode = c.text('schoolCode', { pattern: /^[0-9]{10}$/, message: '学校标识码应为 10 位数字' });
  const gradeCode = c.code('gradeCode');
  const name = c.text('name', { max: 30 });
  const entryYear = c.year('entryYear');
  const kind = c.choice('classType') === '教学班' ? 'teaching_class' : 'class';
  const subjectCode = c.code('subjectCode');
  if (kind === 'teaching_class' && !subjectCode && c.raw.cells.subjectCode == null)
    c.fail('subjectCode', '教学班须填写学科代码');
  return { c, row: raw.row, schoolCode, gradeCode, name, entryYear, kind, subjectCode };
}

const isComplete = (d: ClassDraft): d is ClassDraft & ClassValues => d.c.ok;

async function validate(ctx: Ctx, run: ImportRun, rows: RawRow[]): Promise<Validation<ClassPlan>> {
  const errors: TRowError[] = [];
  const drafts: ClassDraft[] = [];
  const seen = new SeenKeys();
  for (const [i, raw] of rows.entries()) {
    const d = parseRow(run, raw, errors);
    await tick(run, i + 1);
    const key = d.schoolCode !== undefined && d.name !== undefined ? `${d.schoolCode}/${d.name}` : undefined;
    seen.check(d.c, 'name', key, '同一学校的班级名称');
    drafts.push(d);
  }
  // Rows with errors take part with the fields they have: every error comes in one round.
  const schools = new Map(
    (await lookup.findUnitsBySchoolCode(ctx.db, defined(drafts.map((d) => d.schoolCode))))
      .filter((u) => u.kind === 'school' && within(ctx.scope, u.path))
      .map((u) => [u.schoolCode!, u]),
  );
  const units = await lookup.findUnitsInSchools(
    ctx.db,
    [...schools.values()].map((s) => s.id),
  );
  const grades = new Map(
    units.filter((u) => u.kind === 'grade').map((u) => [`${u.parentId}/${u.gradeCode}`, u]),
  );
  const byName = new Map<string, lookup.UnitRow[]>();
  for (const u of units.filter((x) => x.kind !== 'grade')) {
    const key = `${u.schoolId}/${u.name}`;
    byName.set(key, [...(byName.get(key) ?? []), u]);
  }
  const nextLabel = labeller(units);
  const plan: ClassPlan = { grades: [], classes: [], updates: [] };
  const summary = emptySummary();
  for (const d of drafts) {
    const c = d.c;
    const school = d.schoolCode === undefined ? undefined : schools.get(d.schoolCode);
    if (d.schoolCode !== undefined && !school) c.fail('schoolCode', '学校标识码不存在或不在您的管理范围内');
    else if (school && !school.active) c.fail('schoolCode', '学校已停用');
    const same = school && d.name !== undefined ? (byName.get(`${school.id}/${d.name}`) ?? []) : [];
    if (same.length > 1) c.fail('name', '该校已有多个同名班级，请先在机构管理中更正');
    const old = same[0];
    if (old) {
      if (old.kind !== d.kind) c.fail('classType', '该班级已存在且类型不同');
      else if (old.kind === 'class' && d.gradeCode !== undefined && old.gradeCode !== d.gradeCode)
        c.fail('gradeCode', '该班级已存在于其他年级，调整年级请在机构管理中办理');
      if (!old.active) c.fail('name', '该班级已停用');
      if (!isComplete(d)) continue;
      const fields = changedFields(old, {
        entryYear: d.entryYear,
        subjectCode: d.subjectCode ?? old.subjectCode,
      });
      if (fields.length === 0) summary.unchanged++;
      else {
        plan.updates.push({ id: old.id, v: d, path: old.path, fields });
        summary.updated++;
      }
      continue;
    }
    if (!isComplete(d) || !school) continue;
    const v = d;
    let parent: { id: string; path: string } = school;
    if (v.kind === 'class') {
      const gradeKey = `${school.id}/${v.gradeCode}`;
      let grade: { id: string; path: string } | undefined = grades.get(gradeKey);
      if (!grade) {
        const g: NewUnit = {
          id: newId(),
          kind: 'grade',
          parentId: school.id,
          code: `g${v.gradeCode}`,
          name: run.book.label('grade', v.gradeCode) ?? v.gradeCode,
          path: `${school.path}.g${v.gradeCode}`,
          districtId: school.districtId,
          schoolId: school.id,
          stage: school.stage,
          gradeCode: v.gradeCode,
          row: v.row,
        };
        plan.grades.push(g);
        grades.set(gradeKey, { ...school, id: g.id, path: g.path, kind: 'grade' });
        grade = g;
      }
      parent = grade;
    }
    const label = nextLabel(parent.id, v.kind === 'class' ? 'k' : 't');
    plan.classes.push({
      id: newId(),
      kind: v.kind satisfies TOrgKind,
      parentId: parent.id,
      code: label,
      name: v.name,
      path: `${parent.path}.${label}`,
      districtId: school.districtId,
      schoolId: school.id,
      stage: school.stage,
      gradeCode: v.gradeCode,
      entryYear: v.entryYear,
      subjectCode: v.subjectCode ?? null,
      row: v.row,
    });
    summary.created++;
  }
  return { errors, plan, summary };
}

async function apply(ctx: Ctx, run: ImportRun, plan: ClassPlan): Promise<void> {
  const step = progressCounter(run);
  const strip = ({ row: _row, ...u }: NewUnit) => u;
  await insertMany(ctx.db, orgUnits, plan.grades.map(strip));
  await insertMany(ctx.db, orgUnits, plan.classes.map(strip), { onChunk: step });
  await updateClassRows(
    ctx.db,
    plan.updates.map(({ id, v }) => ({ id, entry_year: v.entryYear, subject_code: v.subjectCode ?? null })),
  );
  for (const u of [...plan.grades, ...plan.classes]) {
    run.audits.push({
      action: u.kind === 'grade' ? 'import.grade.create' : 'import.class.create',
      targetType: 'org_unit',
      targetId: u.id,
      orgPath: u.path,
      details: { jobId: run.jobId, row: u.row, name: u.name },
    });
  }
  for (const u of plan.updates) {
    run.audits.push({
      action: 'import.class.update',
      targetType: 'org_unit',
      targetId: u.id,
      orgPath: u.path,
      details: { jobId: run.jobId, row: u.v.row, fields: u.fields },
    });
  }
  await step(plan.updates.length);
}

export const classesImporter: Importer<ClassPlan> = { validate, apply };

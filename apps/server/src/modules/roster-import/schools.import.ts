import { newId } from '../../platform/db/types.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { orgUnits } from '../org/org.schema.ts';
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
import { updateSchoolRows } from './org-units.repository.ts';
import type { TRowError } from './roster-import.schema.ts';
import { RowCheck, SeenKeys } from './row-check.ts';
import type { RawRow } from './sheet-io.ts';
import { insertMany } from './write.repository.ts';

interface SchoolValues {
  row: number;
  name: string;
  schoolCode: string;
  stage: string;
  schoolType: string;
  address?: string;
}

export interface SchoolPlan {
  creates: { id: string; v: SchoolValues; district: lookup.UnitRow }[];
  updates: { id: string; v: SchoolValues; path: string; fields: string[] }[];
}

/** A row as far as its cells could be read (see `StudentDraft`). */
type SchoolDraft = Partial<SchoolValues> & { c: RowCheck; row: number; division?: string };

const isComplete = (d: SchoolDraft): d is SchoolDraft & SchoolValues & { division: string } => d.c.ok;

async function validate(ctx: Ctx, run: ImportRun, rows: RawRow[]): Promise<Validation<SchoolPlan>> {
  const errors: TRowError[] = [];
  const drafts: SchoolDraft[] = [];
  const seen = new SeenKeys();
  for (const [i, raw] of rows.entries()) {
    const c = new RowCheck('schools', raw, errors, run.book);
    const name = c.text('name', { max: 60 });
    const schoolCode = c.text('schoolCode', { pattern: /^[0-9]{10}$/, message: '学校标识码应为 10 位数字' });
    const division = c.code('divisionCode');
    const stage = c.code('stage');
    const schoolType = c.code('schoolType');
    const address = c.text('address', { max: 200 });
    await tick(run, i + 1);
    seen.check(c, 'schoolCode', schoolCode, '学校标识码');
    drafts.push({ c, row: raw.row, name, schoolCode, division, stage, schoolType, address });
  }
  // Rows with errors take part with the fields they have: every error comes in one round.
  const districts = new Map(
    (await lookup.findDistricts(ctx.db)).filter((d) => d.divisionCode).map((d) => [d.divisionCode!, d]),
  );
  const existing = new Map(
    (await lookup.findUnitsBySchoolCode(ctx.db, defined(drafts.map((d) => d.schoolCode)))).map((u) => [
      u.schoolCode!,
      u,
    ]),
  );
  const plan: SchoolPlan = { creates: [], updates: [] };
  const summary = emptySummary();
  for (const d of drafts) {
    const c = d.c;
    const district = d.division === undefined ? undefined : districts.get(d.division);
    if (d.division !== undefined && (!district || !within(ctx.scope, district.path)))
      c.fail('divisionCode', '所属区县不存在或不在您的管理范围内');
    else if (district && !district.active) c.fail('divisionCode', '所属区县已停用');
    const inScope = district && within(ctx.scope, district.path) ? district : undefined;
    const old = d.schoolCode === undefined ? undefined : existing.get(d.schoolCode);
    if (old) {
      if (old.kind !== 'school' || !within(ctx.scope, old.path))
        c.fail('schoolCode', '该学校标识码已被您管理范围以外的机构使用');
      else if (inScope && old.parentId !== inScope.id)
        c.fail('divisionCode', '该学校已属于其他区县，调整所属区县请在机构管理中办理');
    }
    if (!isComplete(d) || !inScope) continue;
    const v = d;
    if (!old) {
      plan.creates.push({ id: newId(), v, district: inScope });
      summary.created++;
      continue;
    }
    const fields = changedFields(old, {
      name: v.name,
      stage: v.stage,
      schoolType: v.schoolType,
      address: v.address ?? old.address,
    });
    if (fields.length === 0) summary.unchanged++;
    else {
      plan.updates.push({ id: old.id, v, path: old.path, fields });
      summary.updated++;
    }
  }
  return { errors, plan, summary };
}

async function apply(ctx: Ctx, run: ImportRun, plan: SchoolPlan): Promise<void> {
  const step = progressCounter(run);
  await insertMany(
    ctx.db,
    orgUnits,
    plan.creates.map(({ id, v, district }) => ({
      id,
      kind: 'school' as const,
      parentId: district.id,
      code: `s${v.schoolCode}`,
      name: v.name,
      path: `${district.path}.s${v.schoolCode}`,
      districtId: district.id,
      schoolId: id,
      stage: v.stage,
      schoolType: v.schoolType,
      schoolCode: v.schoolCode,
      address: v.address ?? null,
    })),
    { onChunk: step },
  );
  await updateSchoolRows(
    ctx.db,
    plan.updates.map(({ id, v }) => ({
      id,
      name: v.name,
      stage: v.stage,
      school_type: v.schoolType,
      address: v.address ?? null,
    })),
  );
  for (const s of plan.creates) {
    run.audits.push({
      action: 'import.school.create',
      targetType: 'org_unit',
      targetId: s.id,
      orgPath: `${s.district.path}.s${s.v.schoolCode}`,
      details: { jobId: run.jobId, row: s.v.row, name: s.v.name },
    });
  }
  for (const u of plan.updates) {
    run.audits.push({
      action: 'import.school.update',
      targetType: 'org_unit',
      targetId: u.id,
      orgPath: u.path,
      details: { jobId: run.jobId, row: u.v.row, fields: u.fields },
    });
  }
  await step(plan.updates.length);
}

export const schoolsImporter: Importer<SchoolPlan> = { validate, apply };

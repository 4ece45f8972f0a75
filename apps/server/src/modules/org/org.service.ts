import { asSystem } from '../../platform/db/scoped.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { pathUnder, scopeCovers } from '../../platform/scope/scope.ts';
import * as repo from './org.repository.ts';
import type { TOrgKind } from './org.schema.ts';

/** Which kind may sit under which: city → district → school → grade → class; school → teaching class. */
const CHILD_KINDS: Record<TOrgKind, TOrgKind[]> = {
  city: ['district'],
  district: ['school'],
  school: ['grade', 'teaching_class'],
  grade: ['class'],
  class: [],
  teaching_class: [],
};

/** The lowest unit kind each admin role may create or change (a school admin cannot create schools). */
const CREATABLE_BY: Record<string, TOrgKind[]> = {
  city_admin: ['district', 'school', 'grade', 'class', 'teaching_class'],
  district_admin: ['school', 'grade', 'class', 'teaching_class'],
  school_admin: ['grade', 'class', 'teaching_class'],
};

export interface UnitView {
  id: string;
  kind: TOrgKind;
  name: string;
  code: string;
  path: string;
  parentId: string | null;
  stage: string | null;
  schoolType: string | null;
  schoolCode: string | null;
  divisionCode: string | null;
  gradeCode: string | null;
  subjectCode: string | null;
  entryYear: number | null;
  address: string | null;
  active: boolean;
  counts: repo.UnitCounts;
}

const present = (u: repo.OrgUnitRow, counts?: repo.UnitCounts): UnitView => ({
  id: u.id,
  kind: u.kind,
  name: u.name,
  code: u.code,
  path: u.path,
  parentId: u.parentId,
  stage: u.stage,
  schoolType: u.schoolType,
  schoolCode: u.schoolCode,
  divisionCode: u.divisionCode,
  gradeCode: u.gradeCode,
  subjectCode: u.subjectCode,
  entryYear: u.entryYear,
  address: u.address,
  active: u.active,
  counts: counts ?? { students: 0, teachers: 0, children: 0 },
});

/** The unit lies in a subtree the actor browses for its structure only (no persons). */
const structureOnly = (ctx: Ctx, path: string) =>
  !scopeCovers(ctx.scope, path) && pathUnder(path, ctx.scope.structurePaths ?? []);

const withCounts = async (ctx: Ctx, units: repo.OrgUnitRow[]) => {
  // A unit the actor sees whole (their subtree) or browses for its structure: its totals, added up
  // from the head counts the database keeps. Head counts of a unit are no one's personal data, but
  // a structure role's row-level scope holds no persons and would count zero.
  const seenWhole = (u: repo.OrgUnitRow) => scopeCovers(ctx.scope, u.path) || structureOnly(ctx, u.path);
  const teaching = (u: repo.OrgUnitRow) => u.kind === 'teaching_class';
  const counts = await repo.totalsUnder(
    ctx.db,
    units.filter((u) => seenWhole(u) && !teaching(u)),
  );
  // A teaching class counts its members; elsewhere (a teacher opening their class's school) the
  // count is taken under the actor's row-level scope: what they may see of the unit's people.
  const live = await repo.countUnder(
    ctx.db,
    units.filter((u) => !seenWhole(u) || (teaching(u) && !structureOnly(ctx, u.path))),
  );
  const browsed = units.filter((u) => teaching(u) && structureOnly(ctx, u.path));
  if (browsed.length > 0)
    for (const [id, c] of await asSystem(ctx.db, 'org-structure-counts', () =>
      repo.countUnder(ctx.db, browsed),
    ))
      live.set(id, c);
  for (const [id, c] of live) counts.set(id, c);
  return units.map((u) => present(u, counts.get(u.id)));
};

/** Where the org browser starts for this actor: their subtrees, own classes, or browsed structure. */
export async function listRoots(ctx: Ctx): Promise<UnitView[]> {
  const { paths, memberPaths, structurePaths = [] } = ctx.scope;
  const roots = [paths, memberPaths, structurePaths].find((p) => p.length > 0);
  if (!roots) return [];
  return withCounts(ctx, await repo.listUnitsAt(ctx.db, roots));
}

export async function getUnit(ctx: Ctx, id: string): Promise<UnitView> {
  const unit = await repo.findUnit(ctx.db, id);
  if (!unit) throw notFound('组织机构');
  return (await withCounts(ctx, [unit]))[0]!;
}

export async function listChildren(ctx: Ctx, id: string): Promise<UnitView[]> {
  const children = await repo.listChildren(ctx.db, id);
  // A teacher may open the school of their class but sees only the classes they teach inside it.
  const visible = children.filter(
    (c) =>
      scopeCovers(ctx.scope, c.path) ||
      pathUnder(c.path, ctx.scope.structurePaths ?? []) ||
      ctx.scope.paths.some((p) => p.startsWith(`${c.path}.`)),
  );
  return withCounts(ctx, visible);
}

export async function listAncestors(ctx: Ctx, id: string) {
  const unit = await repo.findUnit(ctx.db, id);
  if (!unit) throw notFound('组织机构');
  const rows = await repo.listAncestors(ctx.db, unit.path);
  return rows.map((u) => ({ id: u.id, kind: u.kind, name: u.name }));
}

export interface CreateUnitInput {
  parentId: string;
  kind: TOrgKind;
  name: string;
  stage?: string;
  schoolType?: string;
  schoolCode?: string;
  divisionCode?: string;
  gradeCode?: string;
  subjectCode?: string;
  entryYear?: number;
  address?: string;
}

async function writableParent(ctx: Ctx, parentId: string) {
  const parent = await repo.findUnitForUpdate(ctx.db, parentId);
  if (!parent || !scopeCovers(ctx.scope, parent.path)) {
    throw notFound('上级组织机构');
  }
  return parent;
}

/** Creates a unit under a parent inside the actor's scope; the path label is derived, never typed. */
export async function createUnit(ctx: Ctx, input: CreateUnitInput): Promise<UnitView> {
  if (!CREATABLE_BY[ctx.actor.role]?.includes(input.kind)) throw forbidden('当前角色不能创建该类机构');
  const parent = await writableParent(ctx, input.parentId);
  if (!parent.active) throw badRequest('上级机构已停用');
  if (!CHILD_KINDS[parent.kind].includes(input.kind)) {
    throw badRequest(`不能在「${parent.name}」下创建该类机构`, { parentKind: parent.kind, kind: input.kind });
  }
  let label: string;
  if (input.kind === 'district') {
    if (!input.divisionCode) throw badRequest('区县须填写行政区划代码');
    label = `d${input.divisionCode}`;
  } else if (input.kind === 'school') {
    if (!input.schoolCode) throw badRequest('学校须填写10位学校标识码');
    label = `s${input.schoolCode}`;
  } else if (input.kind === 'grade') {
    if (!input.gradeCode) throw badRequest('年级须填写年级代码');
    label = `g${input.gradeCode}`;
  } else {
    label = await repo.nextChildLabel(ctx.db, parent.path, input.kind === 'class' ? 'k' : 't');
  }
  const path = `${parent.path}.${label}`;
  if (await repo.labelTaken(ctx.db, path)) throw conflict('同一上级下已存在相同代码的机构', { path });
  const unit = await repo.insertUnit(ctx.db, {
    kind: input.kind,
    parentId: parent.id,
    code: label,
    name: input.name,
    path,
    districtId: parent.kind === 'district' ? parent.id : parent.districtId,
    schoolId: parent.kind === 'school' ? parent.id : parent.schoolId,
    stage: input.stage ?? parent.stage,
    schoolType: input.schoolType,
    schoolCode: input.schoolCode,
    divisionCode: input.divisionCode,
    gradeCode: input.gradeCode ?? parent.gradeCode,
    subjectCode: input.subjectCode,
    entryYear: input.entryYear,
    address: input.address,
  });
  if (unit.kind === 'school') await repo.updateUnit(ctx.db, unit.id, { schoolId: unit.id });
  if (unit.kind === 'district') await repo.updateUnit(ctx.db, unit.id, { districtId: unit.id });
  await ctx.audit({
    action: 'org.create',
    targetType: 'org_unit',
    targetId: unit.id,
    orgPath: unit.path,
    details: { kind: unit.kind, name: unit.name },
  });
  return present(unit);
}

async function writableUnit(ctx: Ctx, id: string) {
  const unit = await repo.findUnitForUpdate(ctx.db, id);
  if (!unit || !scopeCovers(ctx.scope, unit.path)) throw notFound('组织机构');
  if (!CREATABLE_BY[ctx.actor.role]?.includes(unit.kind)) throw forbidden('当前角色不能修改该类机构');
  return unit;
}

export async function updateUnitInfo(
  ctx: Ctx,
  id: string,
  patch: Partial<
    Pick<CreateUnitInput, 'name' | 'stage' | 'schoolType' | 'subjectCode' | 'address' | 'entryYear'>
  >,
): Promise<UnitView> {
  const unit = await writableUnit(ctx, id);
  const updated = await repo.updateUnit(ctx.db, unit.id, patch);
  await ctx.audit({
    action: 'org.update',
    targetType: 'org_unit',
    targetId: unit.id,
    orgPath: unit.path,
    details: { patch },
  });
  return present(updated);
}

/** Moves a unit (and its whole subtree and every row under it) to another parent in scope. */
export async function moveUnit(ctx: Ctx, id: string, opts: { parentId: string }): Promise<UnitView> {
  const unit = await writableUnit(ctx, id);
  const parent = await writableParent(ctx, opts.parentId);
  if (!CHILD_KINDS[parent.kind].includes(unit.kind)) throw badRequest(`不能移动到「${parent.name}」下`);
  if (parent.path === unit.path || parent.path.startsWith(`${unit.path}.`))
    throw badRequest('不能移动到自身的下级');
  // Grades and classes stay in their school: students change school by transfer, which carries
  // their records, guardians and teaching classes properly.
  const parentSchool = parent.kind === 'school' ? parent.id : parent.schoolId;
  if (unit.kind !== 'school' && unit.kind !== 'district' && parentSchool !== unit.schoolId) {
    throw badRequest('年级和班级不能跨校移动；学生跨校请办理转学');
  }
  if (parent.id === unit.parentId) return getUnit(ctx, unit.id);
  const label =
    unit.kind === 'class' || unit.kind === 'teaching_class'
      ? await repo.nextChildLabel(ctx.db, parent.path, unit.kind === 'class' ? 'k' : 't')
      : unit.code;
  const newPath = `${parent.path}.${label}`;
  if (await repo.labelTaken(ctx.db, newPath)) throw conflict('目标位置已存在相同代码的机构');
  await repo.rewritePaths(ctx.db, unit.path, newPath);
  await repo.updateUnit(ctx.db, unit.id, { parentId: parent.id, code: label });
  const districtId = parent.kind === 'district' ? parent.id : parent.districtId;
  if (districtId && districtId !== unit.districtId) await repo.setDistrictUnder(ctx.db, newPath, districtId);
  await ctx.audit({
    action: 'org.move',
    targetType: 'org_unit',
    targetId: unit.id,
    orgPath: newPath,
    details: { from: unit.path, to: newPath },
  });
  return getUnit(ctx, unit.id);
}

/** Deactivates a unit and its subtree; refused while students are still enrolled in it. */
export async function deactivateUnit(ctx: Ctx, id: string): Promise<UnitView> {
  const unit = await writableUnit(ctx, id);
  const enrolled = await repo.countEnrolledUnder(ctx.db, unit.path);
  if (enrolled > 0)
    throw new AppError('conflict', `「${unit.name}」仍有 ${enrolled} 名在读学生，请先转出后再停用`, {
      enrolled,
    });
  await repo.deactivateSubtree(ctx.db, unit.path);
  await ctx.audit({
    action: 'org.deactivate',
    targetType: 'org_unit',
    targetId: unit.id,
    orgPath: unit.path,
  });
  return getUnit(ctx, unit.id);
}

/** Units of a kind inside the actor's scope (pickers: move targets, transfer targets). */
export async function searchUnits(ctx: Ctx, opts: { kind: TOrgKind; q?: string; limit: number }) {
  const rows = await repo.searchUnits(ctx.db, ctx.scope, opts);
  return rows.map((u) => present(u));
}

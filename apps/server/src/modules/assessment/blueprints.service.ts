import { codeExists } from '../../platform/codes/codes.repository.ts';
import { newId } from '../../platform/db/types.ts';
import { AppError, forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { activePoints } from './bank.repository.ts';
import { homeOf } from './bank.service.ts';
import { type BlueprintSpec, blueprintIssues } from './blueprint-model.ts';
import * as repo from './papers.repository.ts';

export interface BlueprintInput {
  name: string;
  subjectCode: string;
  gradeCode: string;
  spec: BlueprintSpec;
  /** Offered to the owner's school as a template. */
  shared: boolean;
}

/** The numbers agree, the codes are national ones, the knowledge points the subject's. */
export async function checkBlueprint(ctx: Ctx, b: Omit<BlueprintInput, 'name' | 'shared'>) {
  const issues = blueprintIssues(b.spec);
  if (!(await codeExists(ctx.db, 'subject', b.subjectCode)))
    issues.push({ path: 'subjectCode', message: '学科代码不在国家代码表中' });
  if (!(await codeExists(ctx.db, 'grade', b.gradeCode)))
    issues.push({ path: 'gradeCode', message: '年级代码不在国家代码表中' });
  const kps = [...new Set(b.spec.cells.map((c) => c.knowledgePointId))];
  if ((await activePoints(ctx.db, b.subjectCode, kps)).length !== kps.length)
    issues.push({ path: 'spec.cells', message: '细目表中有不存在或不属于所选学科的知识点' });
  if (issues.length > 0) throw new AppError('validation_failed', issues[0]!.message, issues);
}

export async function getBlueprint(ctx: Ctx, id: string) {
  const b = await repo.findBlueprint(ctx.db, id);
  if (!b) throw notFound('组卷模板');
  return { ...b, mine: b.ownerId === ctx.actor.personId };
}

export async function listBlueprints(ctx: Ctx, q: { subjectCode?: string; gradeCode?: string }) {
  const rows = await repo.listBlueprints(ctx.db, ctx, q);
  return { items: rows.map((b) => ({ ...b, mine: b.ownerId === ctx.actor.personId })) };
}

/** Saves a blueprint as a template of the actor's own (shared with their school when asked). */
export async function createBlueprint(ctx: Ctx, b: BlueprintInput) {
  await checkBlueprint(ctx, b);
  const id = newId();
  await repo.insertBlueprint(ctx.db, { ...b, id, ownerId: ctx.actor.personId, path: homeOf(ctx) });
  await ctx.audit({
    action: 'blueprint.create',
    targetType: 'blueprint',
    targetId: id,
    orgPath: homeOf(ctx),
  });
  return getBlueprint(ctx, id);
}

async function own(ctx: Ctx, id: string) {
  const b = await repo.findBlueprint(ctx.db, id);
  if (!b) throw notFound('组卷模板');
  if (b.ownerId !== ctx.actor.personId) throw forbidden('只有模板的创建者可以修改；可以另存为自己的模板');
  return b;
}

export async function updateBlueprint(ctx: Ctx, id: string, change: Partial<BlueprintInput>) {
  const b = await own(ctx, id);
  const next: BlueprintInput = {
    name: change.name ?? b.name,
    subjectCode: change.subjectCode ?? b.subjectCode,
    gradeCode: change.gradeCode ?? b.gradeCode,
    spec: change.spec ?? b.spec,
    shared: change.shared ?? b.shared,
  };
  await checkBlueprint(ctx, next);
  await repo.updateBlueprint(ctx.db, id, next);
  await ctx.audit({ action: 'blueprint.update', targetType: 'blueprint', targetId: id });
  return getBlueprint(ctx, id);
}

export async function deleteBlueprint(ctx: Ctx, id: string) {
  await own(ctx, id);
  await repo.deleteBlueprint(ctx.db, id);
  await ctx.audit({ action: 'blueprint.delete', targetType: 'blueprint', targetId: id });
  return { ok: true as const };
}

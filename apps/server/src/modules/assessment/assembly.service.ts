/**
 * Automatic test assembly (A3) as a teacher uses it: a blueprint (a saved template or one sent as
 * is) becomes one draft paper, or A/B 卷 with bounded overlap, or an explanation of which of its
 * requirements cannot hold together; and 换一题 replaces one item of such a draft.
 *
 * The solve runs in the assembly worker thread and between two transactions (read, then write), so
 * a solve of several seconds holds no database connection and blocks no one's request.
 */
import {
  AssemblyInputError,
  type AssemblyResult,
  assembleInWorker,
  type InputProblem,
  swapInWorker,
  TYPE_LABEL,
} from '@hanlin/analytics/assembly';
import { newId } from '../../platform/db/types.ts';
import { AppError, conflict, forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import * as arepo from './assembly.repository.ts';
import { lengthOf, sectionHeading, toAssemblyBlueprint, toAssemblyItem } from './assembly-blueprint.ts';
import { assemblyPool } from './assembly-pool.service.ts';
import { findVisibleItems } from './bank.repository.ts';
import { homeOf } from './bank.service.ts';
import { type BlueprintSpec, blueprintSpec } from './blueprint-model.ts';
import { checkBlueprint, getBlueprint } from './blueprints.service.ts';
import * as repo from './papers.repository.ts';
import { getPaper } from './papers.service.ts';

/** Runs a step in its own transaction as the request's actor (`runAs` bound to the request). */
export type Runner = <T>(fn: (ctx: Ctx) => Promise<T>, opts?: { write?: boolean }) => Promise<T>;

export interface AssembleInput {
  subjectCode: string;
  gradeCode: string;
  spec: BlueprintSpec;
  blueprintId?: string;
  /** 1: one paper; 2: A/B 卷. */
  forms: number;
  /** Items A and B may share; default a fifth of the paper. */
  maxOverlap?: number;
}

/** Seconds for the solve, and per feasibility check while naming a conflict. */
const TIME_LIMIT = 10;
const EXPLAIN_LIMIT = 2;

/** Where an assembly requirement or input problem sits in the teacher's blueprint (`spec.…`). */
export function specPath(path: string): string {
  const fixed: Record<string, string> = {
    length: 'spec.types',
    'difficulty.tolerance': 'spec.difficulty.mean',
    timeLimitMinutes: 'spec.minutes',
    maxOverlap: 'maxOverlap',
    forms: 'forms',
  };
  if (fixed[path]) return fixed[path];
  if (path.startsWith('difficulty.bands')) return 'spec.difficulty.distribution';
  return `spec.${path}`;
}

const invalid = (problems: InputProblem[]) =>
  new AppError(
    'validation_failed',
    problems[0]?.message ?? '组卷要求有误',
    problems.map((p) => ({ path: specPath(p.path), message: p.message })),
  );

const TIMEOUT_MESSAGE = `组卷超时：在 ${TIME_LIMIT} 秒内没有找到满足全部要求的试卷，请放宽部分要求（如难度范围、限时）后重试`;

/** The read step: the numbers agree, the pool, and the names an explanation needs. */
async function prepare(ctx: Ctx, input: AssembleInput) {
  await checkBlueprint(ctx, input);
  // The blueprint carries its exclusions and exposure limit itself, so an explanation can name them.
  const { pool, missingIncluded } = await assemblyPool(ctx, {
    ...input,
    spec: { ...input.spec, exclude: [], maxExposure: undefined },
  });
  if (missingIncluded.length > 0) {
    const k = input.spec.include.indexOf(missingIncluded[0]!);
    throw new AppError('validation_failed', '必选题不存在、已停用或不属于所选学科和年级', [
      { path: `spec.include[${k}]`, message: '必选题不存在、已停用或不属于所选学科和年级' },
    ]);
  }
  const named = [...input.spec.include, ...input.spec.enemies.flatMap((e) => [e.a, e.b])];
  return {
    pool: pool.map(toAssemblyItem),
    labels: {
      knowledgePoints: await arepo.pointNames(ctx.db, [
        ...new Set(input.spec.cells.map((c) => c.knowledgePointId)),
      ]),
      items: await arepo.itemLabels(ctx.db, named),
    },
  };
}

/** Worker failures (a solve that overran by far) become a clear 422, never a 5xx. */
export async function inWorker<T>(job: () => Promise<T>): Promise<T> {
  try {
    return await job();
  } catch (e) {
    if (e instanceof AssemblyInputError) throw invalid(e.problems);
    throw new AppError('unprocessable', TIMEOUT_MESSAGE, { reason: 'timeout' });
  }
}

/** Why no paper came out: the conflicting requirements (infeasible), or the time limit. */
export function refuse(result: AssemblyResult): never {
  const x = result.explanation;
  if (result.status !== 'infeasible')
    throw new AppError('unprocessable', TIMEOUT_MESSAGE, { reason: 'timeout' });
  throw new AppError('unprocessable', x?.message ?? '无法组卷', {
    reason: 'infeasible',
    proved: x?.proved ?? false,
    conflicts: (x?.conflicts ?? []).map((c) => ({
      path: specPath(c.requirement.path),
      kind: c.requirement.kind,
      message: c.message,
    })),
  });
}

/**
 * Assembles a blueprint into drafts of the actor's own (A/B 卷 share a form group), or answers
 * 422 with the smallest set of requirements that cannot hold together, in the teacher's words.
 */
export async function assemblePapers(run: Runner, input: AssembleInput) {
  const n = lengthOf(input.spec);
  const maxOverlap = Math.min(input.maxOverlap ?? Math.floor(n / 5), n);
  const prepared = await run((ctx) => prepare(ctx, input));
  const blueprint = toAssemblyBlueprint(input.spec, { forms: input.forms, maxOverlap });
  const result = await inWorker(() =>
    assembleInWorker(prepared.pool, blueprint, {
      timeLimit: TIME_LIMIT,
      explainTimeLimit: EXPLAIN_LIMIT,
      labels: prepared.labels,
    }),
  );
  if (result.forms.length === 0) refuse(result);
  return run((ctx) => writeDrafts(ctx, input, maxOverlap, result), { write: true });
}

/** The saved template's blueprint, assembled (the route's guard has checked the actor sees it). */
export async function assembleTemplate(
  run: Runner,
  id: string,
  opts: { forms: number; maxOverlap?: number },
) {
  const b = await run((ctx) => getBlueprint(ctx, id));
  return assemblePapers(run, {
    subjectCode: b.subjectCode,
    gradeCode: b.gradeCode,
    spec: b.spec,
    blueprintId: b.id,
    ...opts,
  });
}

async function writeDrafts(ctx: Ctx, input: AssembleInput, maxOverlap: number, result: AssemblyResult) {
  // The bank may have changed while the solver ran: every item still seen and in use, or retry.
  const ids = [...new Set(result.forms.flatMap((f) => f.itemIds))];
  const rows = await findVisibleItems(ctx.db, ctx, ids);
  if (rows.length !== ids.length || rows.some((r) => r.retired))
    throw conflict('组卷期间题库有变化（有试题被停用或收回共享），请重新组卷');
  const formGroup = result.forms.length > 1 ? newId() : null;
  const papers: { id: string; title: string; form: string | null }[] = [];
  for (const [k, form] of result.forms.entries()) {
    const id = newId();
    const letter = formGroup ? ('AB'[k] ?? String(k + 1)) : null;
    const title = `${input.spec.title}${letter ? `（${letter}卷）` : ''}`.slice(0, 200);
    let position = 0;
    await repo.insertPaper(ctx.db, {
      id,
      title,
      subtitle: null,
      subjectCode: input.subjectCode,
      gradeCode: input.gradeCode,
      minutes: input.spec.minutes,
      navigation: 'free',
      sections: form.sections.map((s, i) => ({ title: sectionHeading(i, TYPE_LABEL[s.type]) })),
      totalScore: form.totalScore,
      ownerId: ctx.actor.personId,
      path: homeOf(ctx),
      districtId: ctx.actor.districtId,
      schoolId: ctx.actor.schoolId,
      blueprintId: input.blueprintId ?? null,
      assembly: {
        spec: input.spec,
        forms: result.forms.length,
        maxOverlap,
        status: result.status,
        objective: result.objective,
        gap: result.gap,
        seconds: Math.round(result.seconds * 100) / 100,
        meanDifficulty: Math.round(form.meanDifficulty * 1000) / 1000,
      },
      formGroup,
      form: letter,
    });
    await repo.replaceSlots(
      ctx.db,
      id,
      form.sections.flatMap((s, section) =>
        s.itemIds.map((itemId, j) => ({ position: position++, itemId, section, score: s.points[j]! })),
      ),
    );
    await ctx.audit({
      action: 'paper.assemble',
      targetType: 'paper',
      targetId: id,
      orgPath: homeOf(ctx),
      details: { blueprintId: input.blueprintId ?? null, items: form.itemIds.length, form: letter },
    });
    papers.push({ id, title, form: letter });
  }
  return {
    papers,
    status: result.status,
    seconds: Math.round(result.seconds * 100) / 100,
    meanDifficulty: result.forms.map((f) => Math.round(f.meanDifficulty * 1000) / 1000),
  };
}

/** The owner's draft assembled from a blueprint, with that blueprint. */
async function assembledDraft(ctx: Ctx, id: string, lock = false) {
  const p = await repo.findPaper(ctx.db, id, { lock });
  if (!p) throw notFound('试卷');
  if (p.ownerId !== ctx.actor.personId) throw forbidden('只有试卷的创建者可以换题');
  if (p.status !== 'draft') throw conflict('试卷已定稿，不能再换题');
  const spec = blueprintSpec.safeParse(p.assembly?.spec);
  if (!spec.success) throw conflict('这份试卷不是按细目表组成的，不能自动换题；可以在试卷中手动删改试题');
  const maxOverlap = typeof p.assembly?.maxOverlap === 'number' ? p.assembly.maxOverlap : 0;
  return { p, spec: spec.data, maxOverlap };
}

async function prepareSwap(ctx: Ctx, paperId: string, itemId: string) {
  const { p, spec, maxOverlap } = await assembledDraft(ctx, paperId);
  const form = (await repo.listSlots(ctx.db, paperId)).map((s) => s.itemId);
  if (!form.includes(itemId))
    throw new AppError('validation_failed', '试卷中没有这道题', [
      { path: 'itemId', message: '试卷中没有这道题' },
    ]);
  const { pool } = await assemblyPool(ctx, {
    subjectCode: p.subjectCode,
    gradeCode: p.gradeCode,
    spec: { ...spec, exclude: [], maxExposure: undefined },
  });
  const inPool = new Set(pool.map((x) => x.id));
  if (form.some((id) => !inPool.has(id)))
    throw conflict('试卷中有已停用或无权使用的试题，请先手动移除后再换题');
  const others = p.formGroup ? await arepo.otherForms(ctx.db, ctx, p.formGroup, paperId) : [];
  return { pool: pool.map(toAssemblyItem), spec, maxOverlap, form, others: others.map((o) => o.itemIds) };
}

/**
 * 换一题: the item replaced, in its slot, by the best other item that keeps every requirement of
 * the paper's blueprint (and the overlap limit with its A/B partner); `avoid` lists replacements the
 * teacher already turned down.
 */
export async function swapPaperItem(
  run: Runner,
  paperId: string,
  body: { itemId: string; avoid?: string[] },
) {
  const s = await run((ctx) => prepareSwap(ctx, paperId, body.itemId));
  const blueprint = toAssemblyBlueprint(s.spec, { forms: 1 + s.others.length, maxOverlap: s.maxOverlap });
  const result = await inWorker(() =>
    swapInWorker(s.pool, s.form, body.itemId, blueprint, { otherForms: s.others, avoid: body.avoid ?? [] }),
  );
  if (!result.ok) throw new AppError('unprocessable', result.message, { reason: 'no_replacement' });
  return run(
    async (ctx) => {
      const { p } = await assembledDraft(ctx, paperId, true);
      const now = (await repo.listSlots(ctx.db, paperId)).map((x) => x.itemId);
      if (!now.includes(body.itemId) || now.includes(result.replacement))
        throw conflict('试卷在换题期间被修改，请刷新后重试');
      const [row] = await findVisibleItems(ctx.db, ctx, [result.replacement]);
      if (!row || row.retired) throw conflict('组卷期间题库有变化，请重试');
      await arepo.replaceSlotItem(ctx.db, paperId, body.itemId, result.replacement);
      await ctx.audit({
        action: 'paper.swap',
        targetType: 'paper',
        targetId: paperId,
        orgPath: p.path,
        details: { from: body.itemId, to: result.replacement },
      });
      return { replacement: result.replacement, paper: await getPaper(ctx, paperId) };
    },
    { write: true },
  );
}

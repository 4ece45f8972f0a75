import type { Tx } from '../../platform/db/client.ts';
import { newId } from '../../platform/db/types.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { ADMINS } from '../../platform/http/policy.ts';
import { scopeCovers } from '../../platform/scope/scope.ts';
import * as chains from './chains.repository.ts';
import * as repo from './review.repository.ts';
import type { StepDef } from './review.schema.ts';
import { notifyArrival, notifyAuthor } from './review-notices.ts';
import { byUrgency, decides, dueDaysOf, waitAt } from './review-rules.ts';

/** 六审 (R3): author → school expert group → school leader → district/city experts → business department → bureau leader. */
export const SIX_STEPS: StepDef[] = [
  { name: '作者自审', roles: ['author'], level: 'author', dueDays: 0 },
  { name: '学校专家组审核', roles: ['expert'], level: 'school', dueDays: 5 },
  { name: '学校领导审核', roles: ['school_admin'], level: 'school', dueDays: 3 },
  { name: '区/市专家组审核', roles: ['expert'], level: 'district_or_city', dueDays: 7 },
  { name: '业务部门审核', roles: ['researcher'], level: 'district_or_city', dueDays: 5 },
  { name: '局领导审核', roles: ['district_admin', 'city_admin'], level: 'district_or_city', dueDays: 3 },
];

/** 准入 of third-party resources: the business department checks, the bureau leader admits. */
export const ADMISSION_STEPS: StepDef[] = [
  { name: '提交准入申请', roles: ['author'], level: 'author', dueDays: 0 },
  { name: '业务部门审核', roles: ['researcher'], level: 'city', dueDays: 7 },
  { name: '局领导审批', roles: ['city_admin'], level: 'city', dueDays: 5 },
];

/** The city's default chains, created once on an empty platform. */
export async function ensureDefaultChains(tx: Tx): Promise<void> {
  if (await chains.anyChainExists(tx)) return;
  const path = await chains.findCityPath(tx);
  if (!path) return;
  await chains.insertChains(tx, [
    { name: '六审（共享课堂与教学资源）', kind: null, path, steps: SIX_STEPS },
    { name: '第三方资源准入', kind: 'third_party', path, steps: ADMISSION_STEPS },
  ]);
}

async function resourceOf(ctx: Ctx, id: string) {
  const r = await repo.lockResource(ctx.db, id);
  if (!r) throw notFound('资源');
  return r;
}

async function record(
  ctx: Ctx,
  reviewId: string,
  step: number,
  stepName: string,
  action: string,
  comment = '',
  score?: number,
) {
  await repo.insertEvent(ctx.db, {
    id: newId(),
    reviewId,
    step,
    stepName,
    action,
    actorId: ctx.actor.personId,
    actorName: ctx.actor.name,
    actorRole: ctx.actor.role,
    comment,
    score: score ?? null,
  });
}

/**
 * The author submits: the first submission starts the chain (the author's own step is recorded as
 * done); after a return the resource goes back to the step that returned it.
 */
export async function submit(ctx: Ctx, resourceId: string, comment = '') {
  const r = await resourceOf(ctx, resourceId);
  if (r.authorId !== ctx.actor.personId) throw forbidden('只有作者可以提交审核');
  if (r.status !== 'draft' && r.status !== 'returned') throw conflict('资源已在审核中或已结束审核');
  if (!(await repo.hasMainFile(ctx.db, resourceId))) throw badRequest('请先上传资源的主文件再提交审核');
  const rv = await repo.findReturnedReview(ctx.db, resourceId);
  let arrival: { steps: StepDef[]; step: number; path: string };
  if (rv) {
    await repo.reopenReview(ctx.db, rv.id);
    await record(ctx, rv.id, rv.currentStep, rv.steps[rv.currentStep]!.name, 'resubmit', comment);
    arrival = { steps: rv.steps, step: rv.currentStep, path: rv.path };
  } else {
    const chain = await chains.findChainFor(ctx.db, r.kind, r.path);
    if (!chain) throw conflict('没有适用于该资源的审核流程，请联系管理员配置');
    const reviewId = newId();
    const first = chain.steps[0]?.level === 'author' ? 1 : 0;
    await repo.insertReview(ctx.db, {
      id: reviewId,
      resourceId,
      chainId: chain.id,
      steps: chain.steps,
      currentStep: first,
      path: r.path,
    });
    await record(ctx, reviewId, 0, chain.steps[0]!.name, 'submit', comment);
    arrival = { steps: chain.steps, step: first, path: r.path };
  }
  await repo.setResourceStatus(ctx.db, resourceId, 'in_review');
  const item = { resourceId, title: r.title, path: arrival.path, steps: arrival.steps };
  const notified = await notifyArrival(ctx, item, arrival.step);
  await ctx.audit({
    action: 'review.submit',
    targetType: 'resource',
    targetId: resourceId,
    orgPath: r.path,
    details: { step: arrival.steps[arrival.step]!.name, notified },
  });
  return { ok: true as const };
}

export type Decision = 'approve' | 'reject' | 'return';

/**
 * A reviewer of the current step approves (next step, or publication after the last), rejects
 * (ends it, with a reason) or returns it for revision (the author revises and it comes back here).
 */
export async function decide(
  ctx: Ctx,
  resourceId: string,
  action: Decision,
  comment: string,
  score?: number,
) {
  const r = await resourceOf(ctx, resourceId);
  if (r.status !== 'in_review') throw conflict('该资源当前不在审核中');
  const rv = await repo.lockOpenReview(ctx.db, resourceId);
  if (!rv) throw conflict('该资源当前不在审核中');
  const step = rv.steps[rv.currentStep]!;
  if (!decides(ctx.actor, step, rv.path)) throw forbidden(`当前步骤「${step.name}」不由您审核`);
  if ((action === 'reject' || action === 'return') && !comment.trim())
    throw badRequest('退回或不通过时请填写理由');
  await record(ctx, rv.id, rv.currentStep, step.name, action, comment, score);
  const item = { resourceId, title: r.title, path: rv.path, steps: rv.steps, authorId: r.authorId };
  const last = rv.currentStep + 1 >= rv.steps.length;
  let notified = 0;
  if (action === 'approve' && !last) {
    await repo.advanceReview(ctx.db, rv.id);
    notified = await notifyArrival(ctx, item, rv.currentStep + 1);
  } else if (action === 'approve') {
    await repo.closeReview(ctx.db, rv.id, 'approved');
    await repo.setResourceStatus(ctx.db, resourceId, 'published');
  } else if (action === 'reject') {
    await repo.closeReview(ctx.db, rv.id, 'rejected');
    await repo.setResourceStatus(ctx.db, resourceId, 'rejected');
  } else {
    await repo.closeReview(ctx.db, rv.id, 'returned');
    await repo.setResourceStatus(ctx.db, resourceId, 'returned');
  }
  await notifyAuthor(ctx, item, rv.currentStep, action === 'approve' && !last ? 'progress' : action, comment);
  await ctx.audit({
    action: `review.${action}`,
    targetType: 'resource',
    targetId: resourceId,
    orgPath: r.path,
    details: { step: step.name, score: score ?? null, notified },
  });
  return { ok: true as const };
}

/**
 * What waits for the actor: resources at a step they decide, with how long each has waited there
 * (since it arrived at this step, not since it was first submitted); overdue ones first.
 */
export async function queue(ctx: Ctx) {
  const rows = await repo.listOpenReviewsUnder(ctx.db, ctx.actor.orgPath, ctx.actor.role);
  const now = new Date();
  return rows
    .filter((q) => decides(ctx.actor, q.steps[q.currentStep]!, q.path))
    .map(({ steps, path: _p, ...q }) => {
      const step = steps[q.currentStep]!;
      const wait = waitAt(step, q.stepStartedAt, now);
      return {
        ...q,
        stepStartedAt: new Date(q.stepStartedAt).toISOString(),
        stepName: step.name,
        stepCount: steps.length,
        dueDays: dueDaysOf(step),
        dueAt: wait.dueAt,
        waitedMinutes: Math.floor(wait.waitedMs / 60_000),
        overdue: wait.overdue,
      };
    })
    .sort(byUrgency)
    .map(({ dueAt, ...q }) => ({ ...q, dueAt: dueAt.toISOString() }));
}

/**
 * Whether the actor may read a resource's review record (who reviewed it, their scores and
 * comments): its author, a reviewer of its chain (one who decides one of its steps, or acted in
 * it) and the administrators whose scope holds it. Everyone else, learners first, sees the
 * published resource and never its review.
 */
export async function mayReadRecord(ctx: Ctx, resourceId: string): Promise<boolean> {
  const ties = await repo.findRecordTies(ctx.db, resourceId, ctx.actor.personId);
  if (!ties) return false;
  return (
    ties.authorId === ctx.actor.personId ||
    ties.acted ||
    ((ADMINS as readonly string[]).includes(ctx.actor.role) && scopeCovers(ctx.scope, ties.path)) ||
    (ties.steps ?? []).some((step) => decides(ctx.actor, step, ties.path))
  );
}

/** The chain and every event of a resource's reviews, for its page; only for `mayReadRecord`. */
export async function history(ctx: Ctx, resourceId: string) {
  if (!(await mayReadRecord(ctx, resourceId))) throw forbidden('审核记录仅资源作者、审核人员和管理员可见');
  const review = await repo.findLatestReview(ctx.db, resourceId);
  if (!review) return { steps: [], currentStep: null, status: null, canDecide: false, events: [] };
  const events = await repo.listEvents(ctx.db, review.id);
  return {
    steps: review.steps.map((s) => s.name),
    currentStep: review.currentStep,
    status: review.status,
    canDecide:
      review.status === 'in_review' && decides(ctx.actor, review.steps[review.currentStep]!, review.path),
    events,
  };
}

const STEP_ROLES = new Set([
  'author',
  'expert',
  'school_admin',
  'researcher',
  'district_admin',
  'city_admin',
]);

/** The chains that apply within the actor's unit: their own, those above them and those below. */
export async function listChains(ctx: Ctx) {
  return chains.listChainsAround(ctx.db, ctx.actor.orgPath);
}

/**
 * A city or district administrator defines a chain for their own unit, for one kind of resource or
 * all; for resources below that unit it takes precedence over chains defined higher up.
 */
export async function createChain(ctx: Ctx, input: { name: string; kind: string | null; steps: StepDef[] }) {
  if (ctx.actor.role !== 'city_admin' && ctx.actor.role !== 'district_admin')
    throw forbidden('只有市、区教育局管理员可以配置审核流程');
  for (const [i, s] of input.steps.entries()) {
    if (s.roles.some((r) => !STEP_ROLES.has(r))) throw badRequest(`第 ${i + 1} 步的审核角色无效`);
    if ((s.level === 'author') !== s.roles.includes('author'))
      throw badRequest(`第 ${i + 1} 步：作者自审只能由作者完成`);
  }
  if (input.steps.filter((s) => s.level !== 'author').length === 0) throw badRequest('至少需要一个审核步骤');
  const id = newId();
  await chains.insertChain(ctx.db, { id, ...input, path: ctx.actor.orgPath });
  await ctx.audit({
    action: 'review.chain.create',
    targetType: 'review_chain',
    targetId: id,
    orgPath: ctx.actor.orgPath,
    details: input,
  });
  return { id };
}

/** Retires a chain of the actor's own unit; reviews already under way keep their copied steps. */
export async function deactivateChain(ctx: Ctx, id: string) {
  if (!(await chains.deactivateChain(ctx.db, id, ctx.actor.orgPath))) throw notFound('审核流程');
  await ctx.audit({
    action: 'review.chain.deactivate',
    targetType: 'review_chain',
    targetId: id,
    orgPath: ctx.actor.orgPath,
  });
  return { ok: true as const };
}

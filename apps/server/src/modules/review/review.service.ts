import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { newId } from '../../platform/db/types.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { notify } from '../notifications/notifications.service.ts';
import type { StepDef, TReviewLevel } from './review.schema.ts';

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
  const existing = await tx.execute(sql`select 1 from review_chain limit 1`);
  if (existing.rows.length > 0) return;
  const city = await tx.execute<{ path: string }>(
    sql`select path::text as path from org_unit where kind = 'city' limit 1`,
  );
  const path = city.rows[0]?.path;
  if (!path) return;
  await tx.execute(sql`insert into review_chain (id, name, kind, path, steps) values
    (${newId()}, '六审（共享课堂与教学资源）', null, ${path}::ltree, ${JSON.stringify(SIX_STEPS)}::jsonb),
    (${newId()}, '第三方资源准入', 'third_party', ${path}::ltree, ${JSON.stringify(ADMISSION_STEPS)}::jsonb)`);
}

/** The first `n` labels of an ltree path. */
const prefix = (path: string, n: number) => path.split('.').slice(0, n).join('.');

/** Whether the actor, in their active role, decides `step` for a resource of `schoolPath`. */
export function decides(actor: Ctx['actor'], step: StepDef, schoolPath: string): boolean {
  if (!step.roles.includes(actor.role)) return false;
  const at: Record<Exclude<TReviewLevel, 'author'>, string[]> = {
    school: [prefix(schoolPath, 3)],
    district: [prefix(schoolPath, 2)],
    city: [prefix(schoolPath, 1)],
    district_or_city: [prefix(schoolPath, 2), prefix(schoolPath, 1)],
  };
  return step.level !== 'author' && at[step.level].includes(actor.orgPath);
}

/** The chain for a resource: same kind before any kind, then the deepest subtree holding it. */
async function chainFor(tx: Tx, kind: string, path: string) {
  const res = await tx.execute<{ id: string; steps: StepDef[] }>(sql`
    select id, steps from review_chain
     where active and (kind = ${kind} or kind is null) and ${path}::ltree <@ path
     order by kind is null, nlevel(path) desc limit 1`);
  return res.rows[0];
}

async function resourceOf(ctx: Ctx, id: string) {
  const res = await ctx.db.execute<{
    id: string;
    authorId: string;
    status: string;
    path: string;
    kind: string;
    title: string;
  }>(sql`
    select id, author_id as "authorId", status, path::text as path, kind, title from resource where id = ${id} for update`);
  const r = res.rows[0];
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
  await ctx.db.execute(sql`insert into review_event (id, review_id, step, step_name, action, actor_id, actor_name, actor_role, comment, score)
    values (${newId()}, ${reviewId}, ${step}, ${stepName}, ${action}, ${ctx.actor.personId}, ${ctx.actor.name},
            ${ctx.actor.role}, ${comment}, ${score ?? null})`);
}

/**
 * The author submits: the first submission starts the chain (the author's own step is recorded as
 * done); after a return the resource goes back to the step that returned it.
 */
export async function submit(ctx: Ctx, resourceId: string, comment = '') {
  const r = await resourceOf(ctx, resourceId);
  if (r.authorId !== ctx.actor.personId) throw forbidden('只有作者可以提交审核');
  if (r.status !== 'draft' && r.status !== 'returned') throw conflict('资源已在审核中或已结束审核');
  const files = await ctx.db.execute(
    sql`select 1 from resource_file where resource_id = ${resourceId} and role = 'main'`,
  );
  if (files.rows.length === 0) throw badRequest('请先上传资源的主文件再提交审核');
  const open = await ctx.db.execute<{ id: string; steps: StepDef[]; currentStep: number }>(sql`
    select id, steps, current_step as "currentStep" from review where resource_id = ${resourceId} and status = 'returned'
     order by created_at desc limit 1`);
  let reviewId: string;
  if (open.rows[0]) {
    const rv = open.rows[0];
    reviewId = rv.id;
    await ctx.db.execute(
      sql`update review set status = 'in_review', step_started_at = now() where id = ${rv.id}`,
    );
    await record(ctx, rv.id, rv.currentStep, rv.steps[rv.currentStep]!.name, 'resubmit', comment);
  } else {
    const chain = await chainFor(ctx.db, r.kind, r.path);
    if (!chain) throw conflict('没有适用于该资源的审核流程，请联系管理员配置');
    reviewId = newId();
    const first = chain.steps[0]?.level === 'author' ? 1 : 0;
    await ctx.db.execute(sql`insert into review (id, resource_id, chain_id, steps, current_step, path)
      values (${reviewId}, ${resourceId}, ${chain.id}, ${JSON.stringify(chain.steps)}::jsonb, ${first}, ${r.path}::ltree)`);
    await record(ctx, reviewId, 0, chain.steps[0]!.name, 'submit', comment);
  }
  await ctx.db.execute(
    sql`update resource set status = 'in_review', updated_at = now() where id = ${resourceId}`,
  );
  await ctx.audit({ action: 'review.submit', targetType: 'resource', targetId: resourceId, orgPath: r.path });
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
  const res = await ctx.db.execute<{ id: string; steps: StepDef[]; currentStep: number; path: string }>(sql`
    select id, steps, current_step as "currentStep", path::text as path from review
     where resource_id = ${resourceId} and status = 'in_review' for update`);
  const rv = res.rows[0];
  if (!rv) throw conflict('该资源当前不在审核中');
  const step = rv.steps[rv.currentStep]!;
  if (!decides(ctx.actor, step, rv.path)) throw forbidden(`当前步骤「${step.name}」不由您审核`);
  if ((action === 'reject' || action === 'return') && !comment.trim())
    throw badRequest('退回或不通过时请填写理由');
  await record(ctx, rv.id, rv.currentStep, step.name, action, comment, score);
  if (action === 'approve' && rv.currentStep + 1 < rv.steps.length) {
    await ctx.db.execute(
      sql`update review set current_step = current_step + 1, step_started_at = now() where id = ${rv.id}`,
    );
  } else if (action === 'approve') {
    await ctx.db.execute(sql`update review set status = 'approved', finished_at = now() where id = ${rv.id}`);
    await ctx.db.execute(
      sql`update resource set status = 'published', published_at = now(), updated_at = now() where id = ${resourceId}`,
    );
  } else if (action === 'reject') {
    await ctx.db.execute(sql`update review set status = 'rejected', finished_at = now() where id = ${rv.id}`);
    await ctx.db.execute(
      sql`update resource set status = 'rejected', updated_at = now() where id = ${resourceId}`,
    );
  } else {
    await ctx.db.execute(sql`update review set status = 'returned' where id = ${rv.id}`);
    await ctx.db.execute(
      sql`update resource set status = 'returned', updated_at = now() where id = ${resourceId}`,
    );
  }
  const finished = action !== 'approve' || rv.currentStep + 1 >= rv.steps.length;
  if (finished) {
    const outcome =
      action === 'approve' ? '已通过全部审核并发布' : action === 'reject' ? '未通过审核' : '被退回修改';
    await notify(ctx.db, {
      personId: r.authorId,
      kind: `review.${action}`,
      title: `《${r.title}》${outcome}`,
      body: comment ? `${step.name}：${comment}` : step.name,
      link: `/resources/${resourceId}`,
    });
  }
  await ctx.audit({
    action: `review.${action}`,
    targetType: 'resource',
    targetId: resourceId,
    orgPath: r.path,
    details: { step: step.name, score: score ?? null },
  });
  return { ok: true as const };
}

/** What waits for the actor: resources at a step they decide, oldest first, overdue ones flagged. */
export async function queue(ctx: Ctx) {
  const res = await ctx.db.execute<{
    reviewId: string;
    resourceId: string;
    title: string;
    kind: string;
    authorName: string;
    unitName: string;
    currentStep: number;
    steps: StepDef[];
    path: string;
    stepStartedAt: string;
  }>(sql`
    select rv.id as "reviewId", r.id as "resourceId", r.title, r.kind, p.name as "authorName",
           coalesce(s.name, '') as "unitName", rv.current_step as "currentStep", rv.steps, rv.path::text as path,
           rv.step_started_at as "stepStartedAt"
      from review rv join resource r on r.id = rv.resource_id join person p on p.id = r.author_id
      left join org_unit s on s.id = r.school_id
     where rv.status = 'in_review' and rv.path <@ ${ctx.actor.orgPath}::ltree
     order by rv.step_started_at limit 500`);
  const now = Date.now();
  return res.rows
    .filter((q) => decides(ctx.actor, q.steps[q.currentStep]!, q.path))
    .map(({ steps, path: _p, ...q }) => {
      const step = steps[q.currentStep]!;
      const waitingDays = (now - new Date(q.stepStartedAt).getTime()) / 86_400_000;
      return {
        ...q,
        stepName: step.name,
        stepCount: steps.length,
        overdue: waitingDays > step.dueDays,
        dueDays: step.dueDays,
      };
    });
}

/** The chain and every event of a resource's reviews, for its page. */
export async function history(ctx: Ctx, resourceId: string) {
  const rv = await ctx.db.execute<{
    id: string;
    steps: StepDef[];
    currentStep: number;
    status: string;
    path: string;
  }>(sql`
    select id, steps, current_step as "currentStep", status, path::text as path from review
     where resource_id = ${resourceId} order by created_at desc limit 1`);
  const review = rv.rows[0];
  if (!review) return { steps: [], currentStep: null, status: null, canDecide: false, events: [] };
  const events = await ctx.db.execute<{
    step: number;
    stepName: string;
    action: string;
    actorName: string;
    actorRole: string;
    comment: string;
    score: number | null;
    at: string;
  }>(sql`
    select step, step_name as "stepName", action, actor_name as "actorName", actor_role as "actorRole", comment, score, created_at as at
      from review_event where review_id = ${review.id} order by created_at, id`);
  return {
    steps: review.steps.map((s) => s.name),
    currentStep: review.currentStep,
    status: review.status,
    canDecide:
      review.status === 'in_review' && decides(ctx.actor, review.steps[review.currentStep]!, review.path),
    events: events.rows,
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
  const res = await ctx.db.execute<{
    id: string;
    name: string;
    kind: string | null;
    unitName: string;
    mine: boolean;
    steps: StepDef[];
  }>(sql`
    select c.id, c.name, c.kind, coalesce(o.name, '') as "unitName", c.path = ${ctx.actor.orgPath}::ltree as mine, c.steps
      from review_chain c left join org_unit o on o.path = c.path
     where c.active and (${ctx.actor.orgPath}::ltree <@ c.path or c.path <@ ${ctx.actor.orgPath}::ltree)
     order by nlevel(c.path), c.kind nulls first, c.name`);
  return res.rows;
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
  await ctx.db.execute(sql`insert into review_chain (id, name, kind, path, steps)
    values (${id}, ${input.name}, ${input.kind}, ${ctx.actor.orgPath}::ltree, ${JSON.stringify(input.steps)}::jsonb)`);
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
  const res = await ctx.db.execute(sql`update review_chain set active = false
    where id = ${id} and active and path = ${ctx.actor.orgPath}::ltree`);
  if ((res.rowCount ?? 0) === 0) throw notFound('审核流程');
  await ctx.audit({
    action: 'review.chain.deactivate',
    targetType: 'review_chain',
    targetId: id,
    orgPath: ctx.actor.orgPath,
  });
  return { ok: true as const };
}

import type { SQL } from 'drizzle-orm';
import { asSystem } from '../../platform/db/scoped.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { roleHolders } from '../identity/role-holders.repository.ts';
import { bookTitle, notify, notifyEach } from '../notifications/notifications.service.ts';
import type { StepDef } from './review.schema.ts';
import { dueDaysOf, reviewerRoles, stepUnits } from './review-rules.ts';

/**
 * Everyone who decides `step` for a resource at `path`, as a query of person ids (`id`) with the role
 * assignment they decide it in (`as_role`): the holders of the step's roles at the units the queue's
 * rule (`decides`) names, so whoever is told of an item finds it in their queue (in that role), and
 * whoever finds it there was told.
 */
export const stepReviewers = (step: StepDef, path: string): SQL =>
  roleHolders(reviewerRoles(step), stepUnits(step, path));

export interface ReviewItem {
  resourceId: string;
  title: string;
  path: string;
  steps: StepDef[];
}

const position = (item: ReviewItem, i: number) =>
  `第 ${i + 1}/${item.steps.length} 步「${item.steps[i]!.name}」`;

/** What the reviewers of step `i` are told when the item arrives there. */
export const arrivalMessage = (item: ReviewItem, i: number) => ({
  kind: 'review.arrival',
  title: `${bookTitle(item.title)}待您审核`,
  body: `${position(item, i)}，请在 ${dueDaysOf(item.steps[i]!)} 天内完成`,
  link: `/resources/${item.resourceId}`,
});

/**
 * Tells every reviewer who decides step `i` that the item has just arrived there (submission, a pass
 * from the step before, a resubmission after a return), in the transaction that moved it; how many
 * were told. Finding them reads other people's roles, hence the system scope for that statement.
 */
export async function notifyArrival(ctx: Ctx, item: ReviewItem, i: number): Promise<number> {
  const step = item.steps[i]!;
  if (stepUnits(step, item.path).length === 0) return 0;
  return asSystem(ctx.db, 'review-arrival-notice', () =>
    notifyEach(ctx.db, stepReviewers(step, item.path), arrivalMessage(item, i), { actingAs: true }),
  );
}

export type Outcome = 'progress' | 'approve' | 'reject' | 'return';

const OUTCOME_TITLES: Record<Outcome, string> = {
  progress: '通过了一步审核',
  approve: '已通过全部审核并发布',
  reject: '未通过审核',
  return: '被退回修改',
};

/**
 * Tells the author what a reviewer decided at step `i`: passed on to the next step, published,
 * rejected or returned for revision (the author's own step again), with the reviewer's comment.
 */
export async function notifyAuthor(
  ctx: Ctx,
  item: ReviewItem & { authorId: string },
  i: number,
  outcome: Outcome,
  comment: string,
): Promise<void> {
  const step = item.steps[i]!;
  const said = comment ? `：${comment}` : '';
  await notify(ctx.db, {
    personId: item.authorId,
    kind: outcome === 'progress' ? 'review.progress' : `review.${outcome}`,
    title: `${bookTitle(item.title)}${OUTCOME_TITLES[outcome]}`,
    body:
      outcome === 'progress'
        ? `「${step.name}」已通过${said}；进入${position(item, i + 1)}`
        : `「${step.name}」${said}`,
    link: `/resources/${item.resourceId}`,
  });
}

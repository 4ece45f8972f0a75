import type { StepDef, TReviewLevel } from './review.schema.ts';

/**
 * Who decides a step and how long an item may wait there: pure rules, no I/O. The queue, the
 * arrival notifications and the daily digest all ask these, so who sees an item and who is told of
 * it cannot drift apart.
 */

/** How many labels of the resource's path name the unit whose reviewers decide, per level. */
const LEVEL_DEPTHS: Record<Exclude<TReviewLevel, 'author'>, number[]> = {
  school: [3],
  district: [2],
  city: [1],
  district_or_city: [2, 1],
};

/** The first `n` labels of an ltree path. */
const prefix = (path: string, n: number) => path.split('.').slice(0, n).join('.');

/**
 * The org units (paths) at which holders of one of `step.roles` decide the step for a resource at
 * `path` (its school's path or below). The author's own step has none: only the author acts there.
 */
export function stepUnits(step: StepDef, path: string): string[] {
  if (step.level === 'author') return [];
  return LEVEL_DEPTHS[step.level].map((n) => prefix(path, n));
}

/** The roles of a step that reviewers hold (the author's own step names the pseudo-role `author`). */
export const reviewerRoles = (step: StepDef): string[] => step.roles.filter((r) => r !== 'author');

/** Whether someone acting in `role` at the unit `orgPath` decides `step` for a resource at `path`. */
export function decides(actor: { role: string; orgPath: string }, step: StepDef, path: string): boolean {
  return reviewerRoles(step).includes(actor.role) && stepUnits(step, path).includes(actor.orgPath);
}

/**
 * Days an item may wait at a step before it is overdue when its chain sets none (0): the median of
 * the 六审 steps' own limits (3, 5, 5, 7, 3 days).
 */
export const DEFAULT_DUE_DAYS = 5;

const DAY_MS = 86_400_000;

/** The step's own limit, or the default when its chain sets none. */
export const dueDaysOf = (step: StepDef): number =>
  Number.isFinite(step.dueDays) && step.dueDays > 0 ? step.dueDays : DEFAULT_DUE_DAYS;

export interface Wait {
  /** Milliseconds since the item arrived at its current step (not since it was first submitted). */
  waitedMs: number;
  /** When it becomes overdue at this step. */
  dueAt: Date;
  overdue: boolean;
}

/** How long an item that arrived at `step` at `arrivedAt` has waited by `now`, and whether too long. */
export function waitAt(step: StepDef, arrivedAt: Date | string, now: Date): Wait {
  const since = new Date(arrivedAt).getTime();
  const dueAt = new Date(since + dueDaysOf(step) * DAY_MS);
  return { waitedMs: Math.max(0, now.getTime() - since), dueAt, overdue: now.getTime() > dueAt.getTime() };
}

/** Most urgent first: the longest overdue, then those closest to their limit. */
export const byUrgency = (a: { dueAt: Date }, b: { dueAt: Date }) => a.dueAt.getTime() - b.dueAt.getTime();

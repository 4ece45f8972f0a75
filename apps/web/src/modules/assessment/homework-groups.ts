/**
 * How a student's (or a child's) homework list is ordered for a person who looks at it on a phone:
 * what can still be done first — handed in late while the 补交 window is open, then by the nearest
 * deadline — then what was missed, then the released results, newest first. Pure.
 */
import type { Standing } from './homework-api';

export interface Listed {
  id: string;
  standing: Standing;
  closesAt: string;
  opensAt: string;
  lateUntil: string | null;
  released: boolean;
  score: number | null;
  /** Whether the student may start or continue it now (the server's clock). */
  open?: boolean;
  /** An attempt under way: when the server closes it (the time limit, or the window's end). */
  deadlineAt?: string | null;
}

const UNFINISHED = new Set<Standing>(['not_started', 'in_progress', 'missing']);

/** Still to be done by the student: open now or not yet open, not handed in. */
export function isToDo(h: Listed, now = Date.now()): boolean {
  if (h.standing === 'not_started') return true;
  if (h.standing === 'in_progress') return true;
  // Missed the deadline, but the teacher allows 补交 until a later time.
  return h.standing === 'missing' && h.lateUntil !== null && new Date(h.lateUntil).getTime() > now;
}

/** Past the deadline and not handed in, but still accepted as late (补交). */
export function isLateWindow(h: Listed, now = Date.now()): boolean {
  return (
    UNFINISHED.has(h.standing) &&
    new Date(h.closesAt).getTime() <= now &&
    h.lateUntil !== null &&
    new Date(h.lateUntil).getTime() > now
  );
}

/** Closes within a day from now (and has not yet closed). */
export function isDueSoon(h: Listed, now = Date.now()): boolean {
  const left = new Date(h.closesAt).getTime() - now;
  return left > 0 && left <= 86_400_000;
}

/**
 * The deadline that matters now: an attempt's own once started (a time limit may end it sooner),
 * the 补交 one once the ordinary one has passed.
 */
export const deadlineOf = (h: Listed, now = Date.now()) =>
  h.standing === 'in_progress' && h.deadlineAt
    ? h.deadlineAt
    : isLateWindow(h, now)
      ? h.lateUntil!
      : h.closesAt;

/** To do: 补交 first, then what is open by the nearest deadline, then what opens later. */
export function toDoOrder<T extends Listed>(items: readonly T[], now = Date.now()): T[] {
  const rank = (h: T) => (isLateWindow(h, now) ? 0 : new Date(h.opensAt).getTime() <= now ? 1 : 2);
  return items
    .filter((h) => isToDo(h, now))
    .sort(
      (a, b) =>
        rank(a) - rank(b) || new Date(deadlineOf(a, now)).getTime() - new Date(deadlineOf(b, now)).getTime(),
    );
}

/** Done or missed for good, newest deadline first. */
export function doneOrder<T extends Listed>(items: readonly T[], now = Date.now()): T[] {
  return items
    .filter((h) => !isToDo(h, now))
    .sort((a, b) => new Date(b.closesAt).getTime() - new Date(a.closesAt).getTime());
}

/** Missed and no longer accepted: the parent's and the student's warning. */
export const isMissed = (h: Listed, now = Date.now()) => h.standing === 'missing' && !isToDo(h, now);

/** Released results, newest first. */
export function resultsOrder<T extends Listed>(items: readonly T[]): T[] {
  return items
    .filter((h) => h.released && h.score !== null)
    .sort((a, b) => new Date(b.closesAt).getTime() - new Date(a.closesAt).getTime());
}

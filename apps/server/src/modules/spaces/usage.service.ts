import { tryXactLock } from '../../platform/db/advisory-lock.ts';
import type { Tx } from '../../platform/db/client.ts';
import type { Ctx } from '../../platform/http/context.ts';
import * as repo from './usage.repository.ts';

/** S3: the share of teachers and students who used their spaces on at least 4 of the last 30 days. */
export const ACTIVE_DAYS = 4;
export const WINDOW_DAYS = 30;
export const TARGET_SHARE = 0.8;

/** One rebuild at a time across instances (pg_try_advisory_xact_lock key). */
const LOCK = 0x73707573; // 'spus'

/**
 * Rebuilds the dashboard's rollups for the 30 closed days ending yesterday (Beijing time), when they
 * do not cover that day yet or when `force`d. Meant to run as a job, often (hourly: the first run
 * after midnight does the day's work, the others only look); in one transaction, so a second
 * instance running at the same time skips (returns null), as does a run with nothing to do.
 */
export async function refreshSpaceUsage(tx: Tx, opts: { force?: boolean } = {}) {
  if (!opts.force && !(await repo.rollupDue(tx))) return null;
  if (!(await tryXactLock(tx, LOCK))) return null;
  return repo.rebuildRollups(tx, { activeDays: ACTIVE_DAYS, windowDays: WINDOW_DAYS });
}

/** Whether the rollups lag behind yesterday (a cheap check before a job run is recorded). */
export const spaceUsageDue = (tx: Tx): Promise<boolean> => repo.rollupDue(tx);

/**
 * The space-use dashboard of an administrator's unit: for the city by district, for a district by
 * school, for a school by class (teachers then count for the school as a whole), with the totals
 * against the 80% target and the most active spaces, for the 30 days ending `asOf` (the last
 * closed day the daily rollup covers; null before the first rollup).
 */
export async function spaceUsage(ctx: Ctx) {
  const root = ctx.actor.orgPath;
  const depth = root.split('.').length;
  // Teachers belong to a school (depth 3); below that level they count only in the totals.
  const level: 'district' | 'school' | 'class' = depth === 1 ? 'district' : depth === 2 ? 'school' : 'class';
  const unitDepth = depth + (level === 'class' ? 2 : 1);
  const asOf = await repo.latestRollupDay(ctx.db);
  const rows = asOf ? await repo.countActiveByUnit(ctx.db, asOf, root, unitDepth) : [];
  const total = { teachers: 0, activeTeachers: 0, students: 0, activeStudents: 0 };
  for (const r of rows) {
    total.teachers += r.teachers;
    total.activeTeachers += r.activeTeachers;
    total.students += r.students;
    total.activeStudents += r.activeStudents;
  }
  const share = (n: number, of: number) => (of === 0 ? null : Math.round((n / of) * 1000) / 1000);
  return {
    level,
    target: TARGET_SHARE,
    activeDays: ACTIVE_DAYS,
    windowDays: WINDOW_DAYS,
    asOf,
    total: {
      ...total,
      teacherShare: share(total.activeTeachers, total.teachers),
      studentShare: share(total.activeStudents, total.students),
    },
    rows: rows
      .filter((r) => r.unitPath !== null && r.id)
      .map(({ unitPath: _p, ...r }) => ({
        ...r,
        teacherShare: level === 'class' ? null : share(r.activeTeachers, r.teachers),
        studentShare: share(r.activeStudents, r.students),
      })),
    outstanding: asOf ? await repo.listLivelySpaces(ctx.db, asOf, root) : [],
  };
}

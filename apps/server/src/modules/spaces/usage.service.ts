import type { Ctx } from '../../platform/http/context.ts';
import * as repo from './usage.repository.ts';

/** S3: the share of teachers and students who used their spaces on at least 4 of the last 30 days. */
export const ACTIVE_DAYS = 4;
export const WINDOW_DAYS = 30;
export const TARGET_SHARE = 0.8;

/**
 * The space-use dashboard of an administrator's unit: for the city by district, for a district by
 * school, for a school by class (teachers then count for the school as a whole), with the totals
 * against the 80% target and the most active spaces of the last 30 days.
 */
export async function spaceUsage(ctx: Ctx) {
  const root = ctx.actor.orgPath;
  const depth = root.split('.').length;
  // Teachers belong to a school (depth 3); below that level they count only in the totals.
  const level: 'district' | 'school' | 'class' = depth === 1 ? 'district' : depth === 2 ? 'school' : 'class';
  const unitDepth = depth + (level === 'class' ? 2 : 1);
  const rows = await repo.countActiveByUnit(ctx.db, root, unitDepth, {
    activeDays: ACTIVE_DAYS,
    windowDays: WINDOW_DAYS,
  });
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
    outstanding: await outstandingSpaces(ctx, root),
  };
}

/** The ten liveliest spaces under a unit in the last 30 days: posts weigh 3, comments 2, likes 1. */
async function outstandingSpaces(ctx: Ctx, root: string) {
  return repo.listLivelySpaces(ctx.db, root, WINDOW_DAYS);
}

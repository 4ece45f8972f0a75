/**
 * Mastery roll-ups (学情分析, issue 11 §5) for administrators and researchers: for the units directly
 * below the one asked for (a city's districts, a district's schools, a school's grades, a grade's
 * classes) and per knowledge point, the mean mastery and the shares of weak and mastered students;
 * per cognitive level the score rate of the graded answers; both from the classes' sums the
 * level-score-rollup job rebuilds hourly when answers changed (`asOf`). Aggregates only:
 * they are computed under a system scope named for this purpose (a researcher's scope holds
 * nobody's rows), and a cell of fewer than `MIN_CELL_STUDENTS` students is withheld, its count
 * alone shown.
 */
import { tryXactLock } from '../../platform/db/advisory-lock.ts';
import type { Tx } from '../../platform/db/client.ts';
import { asSystem } from '../../platform/db/scoped.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { pathUnder } from '../../platform/scope/scope.ts';
import { COGNITIVE_LEVELS } from '../assessment/item-model.ts';
import { MIN_CELL_STUDENTS } from './diagnosis.policy.ts';
import { levelOf, MASTERED_FROM, WEAK_BELOW } from './mastery-levels.ts';
import * as repo from './rollup.repository.ts';
import { rollupWorkbook } from './rollup.workbook.ts';

const round3 = (x: number) => Math.round(x * 1000) / 1000;

export const COGNITIVE_LABELS: Record<string, { zh: string; en: string }> = {
  remember: { zh: '记忆', en: 'remember' },
  understand: { zh: '理解', en: 'understand' },
  apply: { zh: '应用', en: 'apply' },
  analyse: { zh: '分析', en: 'analyse' },
};

/** The subtrees the viewer may roll up: an administrator's unit, a researcher's structure. */
function reach(ctx: Ctx): { all: boolean; paths: string[] } {
  const s = ctx.scope;
  return { all: s.all, paths: [...s.paths, ...(s.structurePaths ?? [])] };
}

const visible = (ctx: Ctx, path: string) => {
  const r = reach(ctx);
  return r.all || pathUnder(path, r.paths);
};

type Cell = {
  students: number;
  withheld: boolean;
  mean: number | null;
  level: ReturnType<typeof levelOf> | null;
  weakShare: number | null;
  masteredShare: number | null;
};

const pointCell = (a: repo.PointAggregate | undefined): Cell => {
  if (!a)
    return { students: 0, withheld: false, mean: null, level: null, weakShare: null, masteredShare: null };
  if (a.students < MIN_CELL_STUDENTS)
    return {
      students: a.students,
      withheld: true,
      mean: null,
      level: null,
      weakShare: null,
      masteredShare: null,
    };
  return {
    students: a.students,
    withheld: false,
    mean: round3(a.mean),
    level: levelOf(a.mean),
    weakShare: round3(a.weak / a.students),
    masteredShare: round3(a.mastered / a.students),
  };
};

const rateCell = (a: repo.LevelAggregate | undefined) => {
  if (!a) return { students: 0, withheld: false, rate: null };
  if (a.students < MIN_CELL_STUDENTS) return { students: a.students, withheld: true, rate: null };
  return { students: a.students, withheld: false, rate: a.max > 0 ? round3(a.score / a.max) : null };
};

export async function masteryRollup(
  ctx: Ctx,
  o: { orgUnitId?: string | undefined; subject?: string | undefined },
) {
  const id = o.orgUnitId ?? ctx.actor.orgUnitId;
  const out = await asSystem(ctx.db, 'mastery-rollup-aggregates', async () => {
    const unit = await repo.findUnit(ctx.db, id);
    if (!unit || !visible(ctx, unit.path)) throw notFound('单位');
    const children = unit.kind === 'class' ? [unit] : await repo.childUnits(ctx.db, unit.id);
    const parent = unit.parentId ? await repo.findUnit(ctx.db, unit.parentId) : null;
    const subjects = await repo.unitSubjects(ctx.db, unit.path);
    const subject = o.subject ?? subjects[0]?.code ?? null;
    const paths = children.map((c) => c.path);
    const points = subject ? await repo.pointAggregates(ctx.db, unit.path, paths, subject) : [];
    const levels = subject ? await repo.cognitiveAggregates(ctx.db, unit.path, paths, subject) : [];
    const asOf = await repo.levelScoresBuiltAt(ctx.db);
    return {
      unit,
      children,
      parent: parent && visible(ctx, parent.path) ? parent : null,
      subjects,
      subject,
      points,
      levels,
      asOf,
    };
  });
  const { unit, children, parent, subjects, subject, points, levels, asOf } = out;
  const byPoint = new Map<string, repo.PointAggregate[]>();
  for (const a of points) byPoint.set(a.kp, [...(byPoint.get(a.kp) ?? []), a]);
  const result = {
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
    parent: parent ? { id: parent.id, name: parent.name, kind: parent.kind } : null,
    subjects,
    subject,
    minStudents: MIN_CELL_STUDENTS,
    units: children.map((c, i) => ({
      id: c.id,
      name: c.name,
      kind: c.kind,
      drillable: c.kind !== 'class',
      /** Students with an estimate in the subject (the most on any point). */
      students: Math.max(0, ...points.filter((a) => a.unit === i).map((a) => a.students)),
    })),
    points: [...byPoint.values()].map((list) => {
      const first = list[0]!;
      return {
        id: first.kp,
        code: first.code,
        name: first.name,
        strand: first.strand,
        overall: pointCell(list.find((a) => a.unit === -1)),
        cells: children.map((_, i) => pointCell(list.find((a) => a.unit === i))),
      };
    }),
    /** When the classes' sums behind `points` and `cognitive` were rebuilt (hourly when answers changed). */
    asOf: asOf?.toISOString() ?? null,
    cognitive: COGNITIVE_LEVELS.filter((l) => levels.some((a) => a.level === l)).map((level) => ({
      level,
      label: COGNITIVE_LABELS[level]!.zh,
      overall: rateCell(levels.find((a) => a.level === level && a.unit === -1)),
      cells: children.map((_, i) => rateCell(levels.find((a) => a.level === level && a.unit === i))),
    })),
  };
  await ctx.audit({
    action: 'mastery.rollup.read',
    targetType: 'org_unit',
    targetId: unit.id,
    details: { subject },
  });
  return result;
}

export type TMasteryRollup = Awaited<ReturnType<typeof masteryRollup>>;

export async function masteryRollupWorkbook(
  ctx: Ctx,
  o: { orgUnitId?: string | undefined; subject?: string | undefined },
) {
  const r = await masteryRollup(ctx, o);
  await ctx.audit({
    action: 'mastery.rollup.export',
    targetType: 'org_unit',
    targetId: r.unit.id,
    details: { subject: r.subject },
  });
  return rollupWorkbook(r);
}

/** One rebuild at a time across instances (pg_try_advisory_xact_lock key). */
const LEVEL_SCORES_LOCK = 0x6c76_7363; // 'lvsc'

/**
 * Rebuilds the classes' sums the roll-ups read (cognitive levels and knowledge points), when stale
 * (`levelScoresDue`) or `force`d, under a system scope of its own; null when another instance is at
 * it or there was nothing to do. Run by the level-score-rollup job and by the demo seed.
 */
export function refreshLevelScores(tx: Tx, opts: { force?: boolean } = {}) {
  return asSystem(tx, 'level-score-rollup', async () => {
    if (!opts.force && !(await repo.levelScoresDue(tx))) return null;
    if (!(await tryXactLock(tx, LEVEL_SCORES_LOCK))) return null;
    return repo.rebuildRollups(tx, WEAK_BELOW, MASTERED_FROM);
  });
}

/** Whether the sums are stale (the job's cheap check before a run is recorded). */
export const levelScoresDue = (tx: Tx): Promise<boolean> =>
  asSystem(tx, 'level-score-rollup', () => repo.levelScoresDue(tx));

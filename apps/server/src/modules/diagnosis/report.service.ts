/**
 * A student's mastery report (学情报告, issue 11 §5): their knowledge points by strand with the level
 * of each, the strongest and weakest, what likely causes each weakness (blind-spot sentences), and
 * the change over the last 30 days (the estimates replayed from the answers given before then).
 * For the student and their guardians it never ranks nor compares with classmates: nothing here
 * reads anyone else's rows.
 */
import { emptyState, type MasteryState, steadyMastery, update } from '@hanlin/analytics/tracing';
import { asSystem } from '../../platform/db/scoped.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { type PointEstimate, TRACE_DEPTH, traceCauses } from './heatmap.explain.ts';
import * as heatmapRepo from './heatmap.repository.ts';
import { auditStudentRead } from './heatmap.service.ts';
import { gradedAnswers } from './mastery.repository.ts';
import { MASTERY_PARAMS } from './mastery.service.ts';
import { levelOf } from './mastery-levels.ts';
import * as repo from './report.repository.ts';
import { reportWorkbook } from './report.workbook.ts';

const round3 = (x: number) => Math.round(x * 1000) / 1000;
/** How far back "progress" looks. */
export const PROGRESS_DAYS = 30;
/** Strongest and weakest points listed. */
const TOP = 3;

/**
 * The estimates the student had `PROGRESS_DAYS` ago: their answers up to then folded as the model
 * does. Read under a named system scope (a guardian's row-level scope does not reach attempts) once
 * the guard has checked that the viewer may address the student; only this student's rows.
 */
async function estimatesBefore(ctx: Ctx, studentId: string, cutoff: Date): Promise<MasteryState> {
  const answers = await asSystem(ctx.db, 'mastery-report-progress', () => gradedAnswers(ctx.db, [studentId]));
  let state = emptyState();
  for (const a of answers) {
    if (a.at >= cutoff) break;
    state = update(MASTERY_PARAMS, state, { skill: a.skills, correct: a.correct });
  }
  return state;
}

export async function studentReport(ctx: Ctx, studentId: string, subject?: string, now = new Date()) {
  const student = await heatmapRepo.findStudent(ctx.db, studentId);
  if (!student) throw notFound('学生');
  const all = await repo.studentPoints(ctx.db, studentId);
  const subjects = [...new Set(all.map((r) => r.subjectCode))].map((code) => ({
    code,
    points: all.filter((r) => r.subjectCode === code).length,
  }));
  subjects.sort((a, b) => b.points - a.points || a.code.localeCompare(b.code));
  const code = subject ?? subjects[0]?.code ?? null;
  const mine = all.filter((r) => r.subjectCode === code);
  const cutoff = new Date(now.getTime() - PROGRESS_DAYS * 86_400_000);
  const before = mine.length > 0 ? await estimatesBefore(ctx, studentId, cutoff) : emptyState();
  const estimates = new Map<string, PointEstimate>(all.map((r) => [r.kp, r]));
  const weakIds = mine.filter((r) => levelOf(r.p) === 'weak').map((r) => r.kp);
  const graph = await heatmapRepo.prerequisiteGraph(ctx.db, weakIds, TRACE_DEPTH);
  const prerequisites = new Map<string, string[]>();
  for (const e of graph.edges) prerequisites.set(e.post, [...(prerequisites.get(e.post) ?? []), e.pre]);
  const names = new Map([...graph.names, ...all.map((r) => [r.kp, r.name] as const)]);
  const points = mine.map((r) => {
    const then = before.skills[r.kp] ? steadyMastery(MASTERY_PARAMS, before, r.kp) : null;
    return {
      id: r.kp,
      code: r.code,
      name: r.name,
      strand: r.strand,
      p: round3(r.p),
      level: levelOf(r.p),
      correct: r.correct,
      wrong: r.wrong,
      lastAt: new Date(r.lastAt).toISOString(),
      /** The estimate 30 days ago (null: not yet answered then). */
      before: then === null ? null : round3(then),
      causes: traceCauses({ id: r.kp, name: r.name }, estimates, prerequisites, names).map((c) => c.sentence),
    };
  });
  const strands = [...new Set(points.map((p) => p.strand))].map((strand) => {
    const list = points.filter((p) => p.strand === strand);
    const mean = list.reduce((s, p) => s + p.p, 0) / list.length;
    return {
      strand,
      mean: round3(mean),
      level: levelOf(mean),
      counts: {
        weak: list.filter((p) => p.level === 'weak').length,
        developing: list.filter((p) => p.level === 'developing').length,
        mastered: list.filter((p) => p.level === 'mastered').length,
      },
      points: list,
    };
  });
  const byP = [...points].sort((a, b) => a.p - b.p || a.code.localeCompare(b.code));
  const recent = points.filter((p) => new Date(p.lastAt) >= cutoff);
  await auditStudentRead(ctx, studentId, { report: true, subject: code });
  return {
    student: { id: student.id, name: student.name, className: student.className },
    subjects,
    subject: code,
    summary: {
      points: points.length,
      weak: points.filter((p) => p.level === 'weak').length,
      developing: points.filter((p) => p.level === 'developing').length,
      mastered: points.filter((p) => p.level === 'mastered').length,
    },
    strongest: byP
      .slice(-TOP)
      .reverse()
      .filter((p) => p.level !== 'weak')
      .map(({ id, name, p, level }) => ({ id, name, p, level })),
    weakest: byP
      .slice(0, TOP)
      .filter((p) => p.level !== 'mastered')
      .map(({ id, name, p, level }) => ({ id, name, p, level })),
    progress: {
      days: PROGRESS_DAYS,
      /** Points answered in the period. */
      practised: recent.length,
      /** Points whose level rose or fell since then (new points not counted). */
      improved: points.filter((p) => p.before !== null && rank(p.level) > rank(levelOf(p.before))).length,
      declined: points.filter((p) => p.before !== null && rank(p.level) < rank(levelOf(p.before))).length,
      newPoints: points.filter((p) => p.before === null).length,
    },
    strands,
  };
}

const rank = (l: string) => (l === 'weak' ? 0 : l === 'developing' ? 1 : 2);

export type TStudentReport = Awaited<ReturnType<typeof studentReport>>;

/** The report as a workbook; staff exports are audited. */
export async function studentReportWorkbook(ctx: Ctx, studentId: string, subject?: string) {
  const r = await studentReport(ctx, studentId, subject);
  if (ctx.actor.personId !== studentId && ctx.actor.role !== 'parent')
    await ctx.audit({
      action: 'mastery.student.export',
      targetType: 'student',
      targetId: studentId,
      subjectPersonId: studentId,
      details: { subject: r.subject },
    });
  return reportWorkbook(r);
}

/**
 * The class heatmap (学情热力图, issue 11 §5): a class's students × the knowledge points they have
 * answered on, each cell the stored mastery estimate; a point opened for the class (who is weak on
 * it, how the class stands on its prerequisites); a cell opened for one student (why the estimate
 * is what it is, and which prerequisites likely cause a weakness). Staff reading students' mastery
 * read personal data: each read is audited like a roster read.
 */
import { notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import {
  explainMastery,
  levelView,
  type PointEstimate,
  TRACE_DEPTH,
  traceCauses,
} from './heatmap.explain.ts';
import * as repo from './heatmap.repository.ts';
import { heatmapWorkbook } from './heatmap.workbook.ts';
import { classColumns } from './heatmap-cells.ts';
import { LEVEL_LABELS, levelOf, MASTERED_FROM, WEAK_BELOW } from './mastery-levels.ts';

const round3 = (x: number) => Math.round(x * 1000) / 1000;

async function classOrThrow(ctx: Ctx, classId: string) {
  const c = await repo.findClass(ctx.db, classId);
  if (!c) throw notFound('班级');
  return c;
}

/** The heatmap of a class in one subject (when none is named: one the viewer teaches there, else the first). */
export async function classHeatmap(ctx: Ctx, classId: string, subject?: string) {
  const header = await repo.classHeader(ctx.db, classId, ctx.actor.personId);
  if (!header) throw notFound('班级');
  const { class: c, students, taught } = header;
  const columns = classColumns(
    students.map((s) => s.id),
    await repo.classCells(ctx.db, classId),
  );
  const rows = await repo.pointRows(ctx.db, [...columns.keys()]);
  // Subjects with estimates in the class, those the viewer teaches there first.
  const subjects = [...new Set(rows.map((r) => r.subject))]
    .map((code) => ({ code, taught: taught.includes(code) }))
    .sort((a, b) => Number(b.taught) - Number(a.taught) || a.code.localeCompare(b.code));
  const code = subject ?? subjects[0]?.code ?? null;
  const points = rows
    .filter((r) => r.subject === code)
    .map((r) => {
      const { p, correct, wrong } = columns.get(r.id)!;
      let sum = 0;
      let n = 0;
      let weak = 0;
      for (const x of p) {
        if (x === null) continue;
        sum += x;
        n++;
        if (x < WEAK_BELOW) weak++;
      }
      const mean = n > 0 ? sum / n : null;
      return {
        id: r.id,
        code: r.code,
        name: r.name,
        strand: r.strand,
        students: n,
        mean: mean === null ? null : round3(mean),
        level: mean === null ? null : levelOf(mean),
        weak,
        p,
        correct,
        wrong,
      };
    });
  // The weakest points first: lowest class mean, then most weak students, then curriculum order.
  points.sort((a, b) => (a.mean ?? 1) - (b.mean ?? 1) || b.weak - a.weak || a.code.localeCompare(b.code));
  await ctx.audit({
    action: 'mastery.class.read',
    targetType: 'org_unit',
    targetId: classId,
    orgPath: c.path,
    subjectIds: students.map((s) => s.id),
    details: { subject: code, students: students.length, points: points.length },
  });
  return {
    class: { id: c.id, name: c.name },
    subjects,
    subject: code,
    thresholds: { weakBelow: WEAK_BELOW, masteredFrom: MASTERED_FROM },
    students,
    points,
  };
}

export type TClassHeatmap = Awaited<ReturnType<typeof classHeatmap>>;

/** The heatmap as a workbook; audited as an export. */
export async function classHeatmapWorkbook(ctx: Ctx, classId: string, subject?: string) {
  const h = await classHeatmap(ctx, classId, subject);
  await ctx.audit({
    action: 'mastery.class.export',
    targetType: 'org_unit',
    targetId: classId,
    subjectIds: h.students.map((s) => s.id),
    details: { subject: h.subject, students: h.students.length, points: h.points.length },
  });
  return heatmapWorkbook(h);
}

/** One point for the class: the students weak on it and the class on its prerequisites. */
export async function classPoint(ctx: Ctx, classId: string, kpId: string) {
  const c = await classOrThrow(ctx, classId);
  const point = await repo.findPoint(ctx.db, kpId);
  if (!point) throw notFound('知识点');
  const graph = await repo.prerequisiteGraph(ctx.db, [kpId], TRACE_DEPTH);
  const ids = [kpId, ...graph.names.keys()];
  const students = await repo.classStudents(ctx.db, classId);
  const estimates = await repo.classPointEstimates(ctx.db, classId, ids);
  const on = (id: string) => estimates.filter((e) => e.kp === id);
  const summary = (id: string) => {
    const list = on(id);
    if (list.length === 0) return { students: 0, mean: null, level: null, weak: 0 };
    const mean = list.reduce((s, e) => s + e.p, 0) / list.length;
    return {
      students: list.length,
      mean: round3(mean),
      level: levelOf(mean),
      weak: list.filter((e) => e.p < WEAK_BELOW).length,
    };
  };
  const names = new Map(students.map((s) => [s.id, s]));
  const weak = on(kpId)
    .filter((e) => e.p < WEAK_BELOW)
    .sort((a, b) => a.p - b.p)
    .map((e) => ({ ...names.get(e.student)!, p: round3(e.p), correct: e.correct, wrong: e.wrong }))
    .filter((s) => s.id);
  const prerequisites = [...graph.names]
    .map(([id, name]) => {
      const depth = Math.min(...graph.edges.filter((e) => e.pre === id).map((e) => e.depth));
      return { id, name, depth, ...summary(id) };
    })
    .sort((a, b) => a.depth - b.depth || (a.mean ?? 2) - (b.mean ?? 2));
  await ctx.audit({
    action: 'mastery.class.read',
    targetType: 'org_unit',
    targetId: classId,
    orgPath: c.path,
    details: { knowledgePointId: kpId },
  });
  return {
    class: { id: c.id, name: c.name },
    point: {
      id: point.id,
      code: point.code,
      name: point.name,
      strand: point.strand,
      subjectCode: point.subjectCode,
    },
    ...summary(kpId),
    weakStudents: weak,
    prerequisites,
  };
}

/** One student's estimate on one point, explained, with the likelier causes of a weakness. */
export async function studentPoint(ctx: Ctx, studentId: string, kpId: string) {
  const point = await repo.findPoint(ctx.db, kpId);
  if (!point) throw notFound('知识点');
  const graph = await repo.prerequisiteGraph(ctx.db, [kpId], TRACE_DEPTH);
  const rows = await repo.studentEstimates(ctx.db, studentId, [kpId, ...graph.names.keys()]);
  const own = rows.find((r) => r.kp === kpId);
  if (!own) throw notFound('掌握度');
  const state = await repo.studentState(ctx.db, studentId);
  const estimates = new Map<string, PointEstimate>(rows.map((r) => [r.kp, r]));
  const prerequisites = new Map<string, string[]>();
  for (const e of graph.edges) prerequisites.set(e.post, [...(prerequisites.get(e.post) ?? []), e.pre]);
  const causes = traceCauses({ id: kpId, name: point.name }, estimates, prerequisites, graph.names);
  await auditStudentRead(ctx, studentId, { knowledgePointId: kpId });
  return {
    point: {
      id: point.id,
      code: point.code,
      name: point.name,
      strand: point.strand,
      subjectCode: point.subjectCode,
    },
    p: round3(own.p),
    ...levelView(own.p),
    correct: own.correct,
    wrong: own.wrong,
    lastAt: new Date(own.lastAt).toISOString(),
    ...explainMastery(state, kpId, own.correct, own.wrong),
    prerequisites: [...graph.names].map(([id, name]) => {
      const e = estimates.get(id);
      const depth = Math.min(...graph.edges.filter((x) => x.pre === id).map((x) => x.depth));
      return { id, name, depth, p: e ? round3(e.p) : null, level: e ? levelOf(e.p) : null };
    }),
    causes,
  };
}

/** Staff reading a student's mastery read personal data: audited (the student and guardians are not). */
export async function auditStudentRead(ctx: Ctx, studentId: string, details: Record<string, unknown>) {
  if (ctx.actor.personId === studentId || ctx.actor.role === 'parent') return;
  await ctx.audit({
    action: 'mastery.student.read',
    targetType: 'student',
    targetId: studentId,
    subjectPersonId: studentId,
    details,
  });
}

export { LEVEL_LABELS };

/**
 * Item analysis after a paper (试题分析, issue 11 §1): difficulty, discrimination, distractors,
 * reliability and flags of the paper of one assignment, over the graded attempts the viewer may
 * count. Teachers and administrators count what their row-level scope holds (their classes, their
 * school, their district); a researcher (教研员), whose scope holds nobody's personal data, reads a
 * 统考 of their unit as aggregates only: the attempts inside their unit are counted under a system
 * scope named for this purpose, and nothing about any one student leaves the service.
 */
import { analyseItems, type ItemAnalysis } from '@hanlin/analytics/items';
import { asSystem } from '../../platform/db/scoped.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { type AnalysisLeaf, analysisInputs, analysisLeaves, leafLabel } from './item-analysis.matrix.ts';
import { ANALYSIS_STRUCTURE_ROLES, MIN_STRUCTURE_PERSONS } from './item-analysis.policy.ts';
import * as repo from './item-analysis.repository.ts';
import { analysisWorkbook } from './item-analysis.workbook.ts';

/** NaN (no variance, no groups) leaves the server as null. */
const num = (x: number) => (Number.isFinite(x) ? x : null);

export interface ItemAnalysisOptions {
  assignmentId: string;
  classId?: string | undefined;
}

/** The subtrees whose attempts the viewer counts (null: all), and whether they count as a structure role. */
function reach(ctx: Ctx): { paths: string[] | null; structure: boolean } {
  if ((ANALYSIS_STRUCTURE_ROLES as readonly string[]).includes(ctx.actor.role))
    return { paths: ctx.scope.structurePaths ?? [], structure: true };
  return { paths: ctx.scope.all ? null : ctx.scope.paths, structure: false };
}

async function load(ctx: Ctx, o: ItemAnalysisOptions) {
  const { paths, structure } = reach(ctx);
  const read = async () => {
    const a = await repo.findAnalysisAssignment(ctx.db, o.assignmentId);
    if (!a?.document) throw notFound('作业');
    const classes = await repo.analysisClasses(ctx.db, o.assignmentId, paths);
    if (o.classId && !classes.some((c) => c.id === o.classId)) throw notFound('班级');
    const graded = await repo.gradedResponses(ctx.db, o.assignmentId, paths, o.classId ?? null);
    const leaves = analysisLeaves(a.document);
    const kps = await repo.knowledgePointNames(ctx.db, [...new Set(leaves.map((l) => l.itemId))]);
    return { a, classes, graded, leaves, kps };
  };
  const data = structure ? await asSystem(ctx.db, 'item-analysis-aggregates', read) : await read();
  return { ...data, structure };
}

/** The analysis of an assignment's paper, as the route returns it; audited as an aggregate read. */
export async function itemAnalysisOf(ctx: Ctx, o: ItemAnalysisOptions) {
  const out = await computeAnalysis(ctx, o);
  await ctx.audit({
    action: 'assignment.item_analysis.read',
    targetType: 'assignment',
    targetId: o.assignmentId,
    details: { classId: o.classId ?? null, persons: out.persons },
  });
  return out;
}

/** The analysis as a workbook (概览, 试题, 选项); audited as an export. */
export async function itemAnalysisWorkbook(ctx: Ctx, o: ItemAnalysisOptions) {
  const out = await computeAnalysis(ctx, o);
  await ctx.audit({
    action: 'assignment.item_analysis.export',
    targetType: 'assignment',
    targetId: o.assignmentId,
    details: { classId: o.classId ?? null, persons: out.persons },
  });
  return analysisWorkbook(out);
}

/**
 * The 统考 the viewer may analyse: a researcher's unit's (read under the named system scope, as
 * assignments are no one's personal data but lie outside a structure role's row-level scope), and
 * for staff those their row-level scope shows (their classes', their unit's).
 */
export async function listAnalysableExams(ctx: Ctx) {
  const { paths, structure } = reach(ctx);
  const rows = structure
    ? await asSystem(ctx.db, 'item-analysis-aggregates', () => repo.listUnifiedExams(ctx.db, paths))
    : await repo.listUnifiedExams(ctx.db, null);
  return {
    items: rows.map((r) => ({
      ...r,
      opensAt: new Date(r.opensAt).toISOString(),
      releasedAt: r.releasedAt ? new Date(r.releasedAt).toISOString() : null,
    })),
  };
}

async function computeAnalysis(ctx: Ctx, o: ItemAnalysisOptions) {
  const { a, classes, graded, leaves, kps, structure } = await load(ctx, o);
  // Below a handful of students an aggregate is one student's score: a structure role sees counts only.
  const withheld = structure && graded.persons < MIN_STRUCTURE_PERSONS;
  let analysis: ItemAnalysis | null = null;
  if (graded.persons > 0 && !withheld) {
    const { matrix, choices } = analysisInputs(leaves, graded.persons, graded.responses);
    analysis = analyseItems(matrix, choices);
  }
  return present(a, classes, leaves, kps, graded.persons, analysis, o.classId ?? null, withheld);
}

function present(
  a: repo.AnalysisAssignment,
  classes: Awaited<ReturnType<typeof repo.analysisClasses>>,
  leaves: AnalysisLeaf[],
  kps: Map<string, { id: string; name: string }[]>,
  persons: number,
  analysis: ItemAnalysis | null,
  classId: string | null,
  withheld: boolean,
) {
  return {
    assignment: {
      id: a.id,
      title: a.title,
      kind: a.kind,
      subjectCode: a.subjectCode,
      totalScore: a.totalScore,
      releasedAt: a.releasedAt ? new Date(a.releasedAt).toISOString() : null,
    },
    classes,
    classId,
    persons,
    pending: classes.filter((c) => !classId || c.id === classId).reduce((n, c) => n + c.pending, 0),
    withheld,
    groupSize: analysis?.groupSize ?? 0,
    reliability: analysis
      ? {
          alpha: num(analysis.reliability.alpha),
          splitHalf: num(analysis.reliability.splitHalf),
          splitHalfR: num(analysis.reliability.splitHalfR),
          sem: num(analysis.reliability.sem),
        }
      : null,
    scores: analysis
      ? {
          ...analysis.scores,
          mean: num(analysis.scores.mean),
          sd: num(analysis.scores.sd),
          min: num(analysis.scores.min),
          median: num(analysis.scores.median),
          max: num(analysis.scores.max),
        }
      : null,
    items: leaves.map((l, i) => {
      const s = analysis?.items[i];
      return {
        number: l.number,
        part: l.part,
        label: leafLabel(l.number, l.part),
        type: l.content.type,
        knowledgePoints: kps.get(l.itemId) ?? [],
        maxScore: l.maxScore,
        key: l.key,
        mean: s ? num(s.mean) : null,
        p: s ? num(s.p) : null,
        rpb: s ? num(s.rpb) : null,
        d: s ? num(s.d) : null,
        upperP: s ? num(s.upperP) : null,
        lowerP: s ? num(s.lowerP) : null,
        alphaIfDeleted: s ? num(s.alphaIfDeleted) : null,
        flags: s?.flags.map((f) => ({ code: f.code, severity: f.severity, option: f.option ?? null })) ?? [],
        distractors:
          s?.distractors?.rows.map((r) => ({
            option: r.option,
            isKey: r.isKey,
            count: r.count,
            share: num(r.share),
            upper: num(r.upper),
            middle: num(r.middle),
            lower: num(r.lower),
            rpb: num(r.rpb),
          })) ?? null,
      };
    }),
  };
}

export type TItemAnalysis = Awaited<ReturnType<typeof itemAnalysisOf>>;

/**
 * Personalised practice recommendations (A8, issue 11 §6): for a student's weakest points — by
 * the mastery estimate, on enough answers, the newest curriculum first, a few per subject — the
 * bank items they may be given and the published resources on the point, each with its reason in
 * Chinese ("因为『分数加减』掌握度 38%（最近 3 次答错 2 次）"), and, when a prerequisite is weak
 * too, the likelier cause ("可能源于先修知识『通分』未掌握，先练它", `traceBlindSpots`). Teachers'
 * pushes come first, with the teacher's name as their reason. Read on every visit, stored nowhere.
 */
import { traceBlindSpots } from '@hanlin/analytics/diagnosis';
import { HISTORY } from '@hanlin/analytics/tracing';
import { asSystem } from '../../platform/db/scoped.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { levelOf, WEAK_BELOW } from './mastery-levels.ts';
import { pushesOfStudent } from './push.service.ts';
import * as repo from './recommend.repository.ts';

/** Fewer answers than this on a point and its estimate is no evidence to act on. */
export const MIN_EVIDENCE = 3;
/** Points recommended per subject at most. */
export const POINTS_PER_SUBJECT = 3;
/** Items offered per point at a time, resources per point. */
export const ITEMS_PER_POINT = 5;
const RESOURCES_PER_POINT = 2;
/** How far below a weak point its causes are looked for. */
const CAUSE_DEPTH = 3;

/**
 * The difficulty (expected proportion correct) a student at mastery `p` practises best at: a
 * little easier than their level, so a weak student rebuilds the point on items they can solve.
 */
export const targetDifficulty = (p: number): number => Math.min(0.9, Math.max(0.4, p + 0.3));

/** The last answers on a point (at most HISTORY) and how many of them were wrong. */
export function recentOutcomes(hist: number | null, total: number): { n: number; wrong: number } | null {
  if (hist === null || total === 0) return null;
  const n = Math.min(HISTORY, total);
  let wrong = 0;
  for (let i = 0; i < n; i++) if (((hist >> i) & 1) === 0) wrong++;
  return { n, wrong };
}

const pct = (p: number) => Math.round(p * 100);

/** "因为『分数加减』掌握度 38%（最近 3 次答错 2 次）" */
export function weakReason(name: string, p: number, recent: { n: number; wrong: number } | null): string {
  return `因为『${name}』掌握度 ${pct(p)}%${recent ? `（最近 ${recent.n} 次答错 ${recent.wrong} 次）` : ''}`;
}

/** "可能源于先修知识『通分』未掌握，先练它" */
export const causeReason = (name: string): string => `可能源于先修知识『${name}』未掌握，先练它`;

export interface Recommendation {
  knowledgePoint: { id: string; name: string; subjectCode: string };
  p: number;
  level: ReturnType<typeof levelOf>;
  correct: number;
  wrong: number;
  recent: { n: number; wrong: number } | null;
  reason: string;
  cause: { id: string; name: string; p: number; reason: string } | null;
  /** Items ready to practise on the point (unseen ones first). */
  items: number;
  resources: { id: string; title: string; kind: string }[];
}

/** The student's weak points with their causes and what to practise them on. */
export async function recommendationsFor(
  ctx: Ctx,
  studentId: string,
  kp?: string,
): Promise<Recommendation[]> {
  // Mutes and the bank lie beyond a learner's sight: read as the system, for this student only.
  const weak = await asSystem(ctx.db, 'personal-practice', () =>
    repo.weakPoints(ctx.db, {
      studentId,
      weakBelow: WEAK_BELOW,
      minAnswers: MIN_EVIDENCE,
      perSubject: POINTS_PER_SUBJECT,
      kp,
    }),
  );
  if (weak.length === 0) return [];
  const mastery = new Map(
    (await repo.studentMastery(ctx.db, studentId)).map((m) => [m.kp, { p: m.p, answers: m.answers }]),
  );
  const edges = await repo.prerequisiteEdges(
    ctx.db,
    weak.map((w) => w.kp),
    CAUSE_DEPTH,
  );
  const pre = new Map<string, string[]>();
  for (const e of edges) pre.set(e.kp, [...(pre.get(e.kp) ?? []), e.pre]);
  const causes = new Map(
    weak.map((w) => [
      w.kp,
      traceBlindSpots(w.kp, mastery, (k) => pre.get(k) ?? [], {
        weakBelow: WEAK_BELOW,
        minAnswers: MIN_EVIDENCE,
        maxDepth: CAUSE_DEPTH,
      }).find((c) => c.kind === 'weak'),
    ]),
  );
  const names = await repo.pointNames(
    ctx.db,
    [...causes.values()].flatMap((c) => (c ? [c.point] : [])),
  );
  const out: Recommendation[] = [];
  for (const w of weak) {
    const items = await asSystem(ctx.db, 'personal-practice', () =>
      repo.itemsForStudent(ctx.db, {
        studentId,
        kp: w.kp,
        target: targetDifficulty(w.p),
        limit: ITEMS_PER_POINT,
      }),
    );
    const recent = recentOutcomes(w.hist, w.correct + w.wrong);
    const c = causes.get(w.kp);
    const causeName = c ? names.get(c.point)?.name : undefined;
    out.push({
      knowledgePoint: { id: w.kp, name: w.name, subjectCode: w.subjectCode },
      p: w.p,
      level: levelOf(w.p),
      correct: w.correct,
      wrong: w.wrong,
      recent,
      reason: weakReason(w.name, w.p, recent),
      cause:
        c && causeName !== undefined
          ? { id: c.point, name: causeName, p: c.p ?? 0, reason: causeReason(causeName) }
          : null,
      items: items.length,
      resources: await repo.resourcesOn(ctx.db, w.kp, RESOURCES_PER_POINT),
    });
  }
  return out;
}

/**
 * What a student was advised: the teachers' pushes first (with the teacher's name as their reason,
 * done or not, the point's mastery then and now), then the automatic recommendations. For the
 * student, their guardians and their teachers; this student's own figures only, no ranking.
 */
export async function adviceFor(ctx: Ctx, studentId: string) {
  const [pushes, recommendations] = [
    await pushesOfStudent(ctx, studentId),
    await recommendationsFor(ctx, studentId),
  ];
  if (studentId !== ctx.actor.personId) {
    await ctx.audit({
      action: 'practice.advice.read',
      targetType: 'student',
      targetId: studentId,
      subjectPersonId: studentId,
    });
  }
  return {
    student: { id: studentId, name: await repo.personName(ctx.db, studentId) },
    pushes,
    recommendations,
  };
}

/**
 * How a mastery estimate is put into words for a teacher, a student or a parent (issue 11 §5): the
 * sentence of facts ("答对 5 次、答错 2 次，最近两次都对"), the model's contributions grouped by theme
 * without the features of the moment (the stored p leaves them out), and the blind-spot trace: a
 * weak point's weak or untested prerequisites, the likelier causes first
 * ("『分数加减』薄弱，可能源于先修知识『通分』未掌握"). Pure, no I/O.
 */
import { type Cause, traceBlindSpots } from '@hanlin/analytics/diagnosis';
import {
  FEATURE_GROUP,
  FEATURE_GROUPS,
  FEATURE_LABELS,
  GROUP_LABELS,
  type MasteryState,
  MOMENT_FEATURES,
  mastery,
} from '@hanlin/analytics/tracing';
import { MASTERY_PARAMS } from './mastery.service.ts';
import { LEVEL_LABELS, levelOf, WEAK_BELOW } from './mastery-levels.ts';

const COUNT_WORDS = ['', '一', '两', '三'];

/** "答对 5 次、答错 2 次，最近两次都对" from the counts and the last outcomes (newest first). */
export function factsSentence(correct: number, wrong: number, recent: readonly boolean[]): string {
  if (correct + wrong === 0) return '还没有作答记录';
  const counts = `答对 ${correct} 次、答错 ${wrong} 次`;
  if (recent.length === 0) return counts;
  const n = recent.length;
  const right = recent.filter(Boolean).length;
  if (n === 1) return `${counts}，最近一次${recent[0] ? '答对' : '答错'}`;
  if (right === n) return `${counts}，最近${COUNT_WORDS[n]}次都对`;
  if (right === 0) return `${counts}，最近${COUNT_WORDS[n]}次都错`;
  return `${counts}，最近${COUNT_WORDS[n]}次对 ${right} 次`;
}

export interface Explanation {
  sentence: string;
  /** Contributions to the logit, features of the moment left out, largest effect first. */
  contributions: { feature: string; zh: string; en: string; effect: number }[];
  groups: { group: string; zh: string; en: string; effect: number }[];
}

/** The explanation of a student's stored estimate on `kp` from their model state. */
export function explainMastery(
  state: MasteryState | null,
  kp: string,
  correct: number,
  wrong: number,
): Explanation {
  if (!state) return { sentence: factsSentence(correct, wrong, []), contributions: [], groups: [] };
  const m = mastery(MASTERY_PARAMS, state, kp);
  const kept = m.contributions.filter(
    (c) => c.feature === 'skill.easiness' || !MOMENT_FEATURES.has(c.feature),
  );
  const groups = FEATURE_GROUPS.flatMap((group) => {
    const mine = kept.filter((c) => FEATURE_GROUP[c.feature] === group);
    if (mine.length === 0) return [];
    return [{ group, ...GROUP_LABELS[group], effect: mine.reduce((s, c) => s + c.effect, 0) }];
  });
  return {
    sentence: factsSentence(m.facts.successes, m.facts.failures, m.facts.recent),
    contributions: kept
      .filter((c) => c.effect !== 0)
      .map((c) => ({ feature: c.feature, ...FEATURE_LABELS[c.feature], effect: c.effect }))
      .sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect)),
    groups,
  };
}

/** A knowledge point as the views name it. */
export interface PointName {
  id: string;
  name: string;
}

/** One student's estimate on a point (absent: never answered on it). */
export interface PointEstimate {
  p: number;
  correct: number;
  wrong: number;
}

/** How far up the prerequisites a trace looks (the issue: two levels). */
export const TRACE_DEPTH = 2;

export interface TracedCause {
  point: PointName;
  kind: Cause['kind'];
  depth: number;
  /** Names from the direct prerequisite down to this one. */
  via: string[];
  p: number | null;
  level: ReturnType<typeof levelOf> | null;
  sentence: string;
}

/**
 * The likelier causes of a weakness on `point` among its prerequisites (up to two levels), in the
 * order to offer them, each with its sentence. Nothing when the point is not weak.
 */
export function traceCauses(
  point: PointName,
  estimates: ReadonlyMap<string, PointEstimate>,
  prerequisites: ReadonlyMap<string, readonly string[]>,
  names: ReadonlyMap<string, string>,
): TracedCause[] {
  const mastery = new Map(
    [...estimates].map(([id, e]) => [id, { p: e.p, answers: e.correct + e.wrong }] as const),
  );
  const causes = traceBlindSpots(point.id, mastery, (id) => prerequisites.get(id) ?? [], {
    weakBelow: WEAK_BELOW,
    minAnswers: 1,
    maxDepth: TRACE_DEPTH,
  });
  const nameOf = (id: string) => names.get(id) ?? id;
  return causes.map((c) => {
    const pre = nameOf(c.point);
    const sentence =
      c.kind === 'weak'
        ? `『${point.name}』薄弱，可能源于先修知识『${pre}』未掌握`
        : `『${point.name}』薄弱，先修知识『${pre}』还没有作答记录，建议先检测`;
    return {
      point: { id: c.point, name: pre },
      kind: c.kind,
      depth: c.depth,
      via: c.via.map(nameOf),
      p: c.p ?? null,
      level: c.p === undefined ? null : levelOf(c.p),
      sentence,
    };
  });
}

/** The level and its label for a probability. */
export const levelView = (p: number) => ({ level: levelOf(p), label: LEVEL_LABELS[levelOf(p)].zh });

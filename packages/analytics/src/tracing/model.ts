/**
 * The mastery model a server runs: a logistic model over readable features (Best-LR family), one
 * weight per feature plus, per knowledge point, an easiness and optional offsets to some slopes.
 * `update` folds one graded answer into a student's state in O(1); `mastery` turns the state into
 * P(correct on the point's next item) with the contribution of every feature, so a teacher can read
 * why ("答对 5 次、答错 2 次，最近两次都对").
 */
import {
  type ContributionCode,
  FEATURE_CODES,
  FEATURE_COUNT,
  FEATURE_GROUP,
  FEATURE_GROUPS,
  FEATURE_INDEX,
  type FeatureCode,
  type FeatureGroup,
  featureVector,
} from './features.ts';
import { applyAnswerInPlace, copyForUpdate, emptyState, HISTORY, type MasteryState } from './state.ts';

/** Which features a model uses globally, and which slopes it lets vary per knowledge point. */
export interface ModelSpec {
  features: readonly FeatureCode[];
  perSkill: readonly FeatureCode[];
}

/** JSON-serialisable weights of a fitted mastery model. */
export interface MasteryParams {
  version: 1;
  /** Global weight per feature code; a code not listed weighs 0. */
  weights: Partial<Record<FeatureCode, number>>;
  /** Features whose slope has a per-point offset (order of the entries in `skills`). */
  perSkill: FeatureCode[];
  /**
   * Per knowledge point: [easiness, offset of each `perSkill` slope]. A point not listed (a new
   * knowledge point, or any point of ours under the ASSISTments defaults) uses zeros: the typical
   * point, since the fit shrinks every offset towards 0.
   */
  skills: Record<string, number[]>;
  /** How the parameters were obtained (data, protocol, penalties, validation AUC). */
  meta?: Record<string, unknown>;
}

/** A graded answer on an item tagged with one or several knowledge points. */
export interface GradedAnswer {
  skill: string | readonly string[];
  correct: boolean;
}

export interface Contribution {
  feature: ContributionCode;
  /** The feature's value for this student and point (e.g. log(1 + correct count)). */
  value: number;
  /** Its weight for this point (global weight + the point's offset). */
  weight: number;
  /** value × weight: what it adds to the logit. The effects sum to the logit. */
  effect: number;
}

export interface MasteryEstimate {
  /** Probability of answering the point's next item correctly. */
  p: number;
  logit: number;
  contributions: Contribution[];
  /** Summed effects by theme (`FEATURE_GROUPS` order, themes without features left out). */
  groups: { group: FeatureGroup; effect: number }[];
  /** The raw facts behind the features, for the sentence a teacher reads. */
  facts: {
    successes: number;
    failures: number;
    /** Last outcomes on the point, newest first (at most 3). */
    recent: boolean[];
    /** Answers (on any point) since this point was last practised; null if never. */
    answersSince: number | null;
  };
}

const asList = (skill: string | readonly string[]): readonly string[] =>
  typeof skill === 'string' ? [skill] : skill;

/**
 * The state after one more graded answer (the input state is not modified): O(1) work per point of
 * the item plus a shallow copy of the student's point record (3–7 µs with 50 points). The state does
 * not depend on the parameters — `params` is not read — so refitted parameters apply to stored
 * states without a recompute; the argument keeps the call site stable should a feature need it.
 */
export function update(_params: MasteryParams, state: MasteryState, answer: GradedAnswer): MasteryState {
  const skills = asList(answer.skill);
  const next = copyForUpdate(state, skills);
  applyAnswerInPlace(next, skills, [answer.correct]);
  return next;
}

/** Features in a stable order: the global ones, then per-point slopes not already among them. */
export function usedFeatures(params: MasteryParams): FeatureCode[] {
  return FEATURE_CODES.filter((c) => params.weights[c] !== undefined || params.perSkill.includes(c));
}

const scratch = new Float64Array(FEATURE_COUNT);

/** The logit for `skill` without building the explanation (what the evaluation and ranking use). */
export function masteryLogit(
  params: MasteryParams,
  state: MasteryState,
  skill: string,
  otherSkills = 0,
): number {
  const x = featureVector(state, skill, otherSkills, scratch);
  let z = 0;
  for (const code in params.weights) {
    z += (params.weights[code as FeatureCode] ?? 0) * x[FEATURE_INDEX[code as FeatureCode]]!;
  }
  const own = params.skills[skill];
  if (own) {
    z += own[0]!;
    for (let j = 0; j < params.perSkill.length; j++)
      z += own[j + 1]! * x[FEATURE_INDEX[params.perSkill[j]!]]!;
  }
  return z;
}

/**
 * The logit of answering an item tagged with several knowledge points correctly: the mean of its
 * points' logits, each with the others counted in `answer.otherSkills`.
 */
export function answerLogit(params: MasteryParams, state: MasteryState, skills: readonly string[]): number {
  let z = 0;
  for (const k of skills) z += masteryLogit(params, state, k, skills.length - 1);
  return skills.length ? z / skills.length : 0;
}

/**
 * Mastery of one knowledge point: P(correct on its next item) with every feature's contribution.
 * `otherSkills` is for an item tagged with further points (0 when asking about the point alone).
 */
export function mastery(
  params: MasteryParams,
  state: MasteryState,
  skill: string,
  otherSkills = 0,
): MasteryEstimate {
  const x = featureVector(state, skill, otherSkills, new Float64Array(FEATURE_COUNT));
  const own = params.skills[skill];
  const contributions: Contribution[] = [];
  for (const code of usedFeatures(params)) {
    const i = FEATURE_CODES.indexOf(code);
    const j = params.perSkill.indexOf(code);
    const weight = (params.weights[code] ?? 0) + (own && j >= 0 ? own[j + 1]! : 0);
    contributions.push({ feature: code, value: x[i]!, weight, effect: x[i]! * weight });
  }
  const easiness = own?.[0] ?? 0;
  contributions.push({ feature: 'skill.easiness', value: 1, weight: easiness, effect: easiness });
  const logit = contributions.reduce((s, c) => s + c.effect, 0);
  const c = state.skills[skill];
  const recent: boolean[] = [];
  for (let k = 0; c && k < Math.min(HISTORY, c.s + c.f); k++) recent.push(((c.hist >> k) & 1) === 1);
  const groups = FEATURE_GROUPS.map((group) => ({
    group,
    effect: contributions.filter((x) => FEATURE_GROUP[x.feature] === group).reduce((s, x) => s + x.effect, 0),
    present: contributions.some((x) => FEATURE_GROUP[x.feature] === group),
  }))
    .filter((g) => g.present)
    .map(({ group, effect }) => ({ group, effect }));
  return {
    p: 1 / (1 + Math.exp(-logit)),
    logit,
    contributions,
    groups,
    facts: {
      successes: c?.s ?? 0,
      failures: c?.f ?? 0,
      recent,
      answersSince: c ? state.answers - c.at : null,
    },
  };
}

/**
 * The nightly job: every student's state from their answers in order (oldest first). Same result
 * as folding `update` over the answers, without the per-answer copies.
 */
export function recompute(
  _params: MasteryParams,
  answers: Iterable<{ student: string; answers: Iterable<GradedAnswer> }>,
): Map<string, MasteryState> {
  const out = new Map<string, MasteryState>();
  const one = [false];
  for (const { student, answers: list } of answers) {
    const state = out.get(student) ?? emptyState();
    for (const a of list) {
      one[0] = a.correct;
      applyAnswerInPlace(state, asList(a.skill), one);
    }
    out.set(student, state);
  }
  return out;
}

/**
 * Features that describe the moment of the next answer rather than what the student knows: whether
 * the point was just practised and how long ago, the item's other points, the last few answers
 * overall. They sharpen the prediction of the very next answer in a sequence (what the validation
 * scores), but a teacher's heatmap asks "does the student know this point", which must not drop
 * because the point was not the last one answered, nor rise just after a wrong answer on it.
 */
export const MOMENT_FEATURES: ReadonlySet<FeatureCode> = new Set<FeatureCode>([
  'skill.justPractised',
  'skill.sinceLast',
  'skill.runLength',
  'answer.otherSkills',
  'all.last1',
  'all.last2',
  'all.last3',
  'all.recentRate',
]);

/**
 * Mastery as the views show it: the model's probability without `MOMENT_FEATURES` (the student's
 * ability, the point's history and recent answers on it, and the point's easiness). Same cost as
 * `masteryLogit`; the explanation is `mastery()`'s contributions without those features.
 */
export function steadyMastery(params: MasteryParams, state: MasteryState, skill: string): number {
  const x = featureVector(state, skill, 0, scratch);
  let z = 0;
  for (const code in params.weights) {
    if (MOMENT_FEATURES.has(code as FeatureCode)) continue;
    z += (params.weights[code as FeatureCode] ?? 0) * x[FEATURE_INDEX[code as FeatureCode]]!;
  }
  const own = params.skills[skill];
  if (own) {
    z += own[0]!;
    for (let j = 0; j < params.perSkill.length; j++) {
      const code = params.perSkill[j]!;
      if (!MOMENT_FEATURES.has(code)) z += own[j + 1]! * x[FEATURE_INDEX[code]]!;
    }
  }
  return 1 / (1 + Math.exp(-z));
}

/**
 * Fitting a mastery model on answer sequences, and scoring sequences with a fitted model. The
 * design rows are produced by the same state machine the server runs (`applyAnswerInPlace` +
 * `featureVector`), and scoring goes through `masteryLogit`: what is evaluated is what is served.
 * Every row of an answer is predicted from the state before the answer (see `answerStarts`).
 */
import { auc as aucOf } from './auc.ts';
import { FEATURE_COUNT, FEATURE_INDEX, type FeatureCode, featureVector } from './features.ts';
import { DesignBuilder, fitLogistic, linearScores, type SparseDesign } from './logistic.ts';
import { type MasteryParams, type ModelSpec, masteryLogit } from './model.ts';
import { fitLogisticNewton } from './newton.ts';
import { answerStarts, type KtSequence } from './sequences.ts';
import { applyAnswerInPlace, emptyState, type MasteryState } from './state.ts';

/**
 * Walks a student's rows answer by answer: `row` is called for each row of an answer with the
 * state before the answer, then the answer is applied. `pairs` groups rows into answers
 * (`expansionPairs`); null makes every row an answer.
 */
export function walkSequence(
  seq: KtSequence,
  pairs: ReadonlySet<number> | null,
  row: (state: MasteryState, skill: string, otherSkills: number, index: number) => void,
): MasteryState {
  const state = emptyState();
  const starts = answerStarts(seq.skills, pairs);
  for (let a = 0; a < starts.length; a++) {
    const from = starts[a]!;
    const to = a + 1 < starts.length ? starts[a + 1]! : seq.skills.length;
    const skills: string[] = [];
    const correct: boolean[] = [];
    for (let i = from; i < to; i++) {
      skills.push(String(seq.skills[i]));
      correct.push(seq.correct[i] === 1);
    }
    for (let i = from; i < to; i++) row(state, skills[i - from]!, to - from - 1, i);
    applyAnswerInPlace(state, skills, correct);
  }
  return state;
}

export interface FitOptions {
  spec: ModelSpec;
  /** Row grouping learned from the training split; null = every row is an answer. */
  pairs: ReadonlySet<number> | null;
  /** L2 penalty on the global weights (bias free) and on each point's easiness and offsets. */
  l2Global?: number;
  l2Skill?: number;
  maxIterations?: number;
}

/** The design for a data set: global columns (spec order), then per point [easiness, offsets]. */
function buildDesign(
  seqs: readonly KtSequence[],
  spec: ModelSpec,
  pairs: ReadonlySet<number> | null,
  skillIds: Map<string, number>,
): SparseDesign {
  for (const seq of seqs)
    for (const k of seq.skills) if (!skillIds.has(String(k))) skillIds.set(String(k), skillIds.size);
  const G = spec.features.length;
  const block = 1 + spec.perSkill.length;
  const b = new DesignBuilder(G + skillIds.size * block);
  const x = new Float64Array(FEATURE_COUNT);
  const globalIdx = spec.features.map((c) => FEATURE_INDEX[c]);
  const skillIdx = spec.perSkill.map((c) => FEATURE_INDEX[c]);
  for (const seq of seqs) {
    walkSequence(seq, pairs, (state, skill, others, i) => {
      featureVector(state, skill, others, x);
      for (let j = 0; j < G; j++) b.add(j, x[globalIdx[j]!]!);
      const base = G + skillIds.get(skill)! * block;
      b.add(base, 1);
      for (let j = 0; j < skillIdx.length; j++) b.add(base + 1 + j, x[skillIdx[j]!]!);
      b.endRow(seq.correct[i]!);
    });
  }
  return b.build();
}

/**
 * Fits a mastery model on training sequences only — the test split is not an argument, so nothing
 * can be fitted on it. Deterministic.
 */
export function fitMastery(train: readonly KtSequence[], options: FitOptions): MasteryParams {
  const { spec, pairs } = options;
  const skillIds = new Map<string, number>();
  const design = buildDesign(train, spec, pairs, skillIds);
  const G = spec.features.length;
  const block = 1 + spec.perSkill.length;
  const l2 = new Float64Array(design.cols).fill(options.l2Skill ?? 10);
  for (let j = 0; j < G; j++) l2[j] = spec.features[j] === 'bias' ? 0 : (options.l2Global ?? 1);
  // Newton on the arrow-shaped Hessian while the global part is small, else L-BFGS.
  const fit =
    G <= 200
      ? fitLogisticNewton(design, { l2, maxIterations: options.maxIterations ?? 30 }, { global: G, block })
      : fitLogistic(design, { l2, maxIterations: options.maxIterations ?? 400 });
  const w = fit.weights;
  const weights: Partial<Record<FeatureCode, number>> = {};
  spec.features.forEach((c, j) => {
    weights[c] = w[j]!;
  });
  const skills: Record<string, number[]> = {};
  for (const [id, k] of skillIds) skills[id] = Array.from(w.subarray(G + k * block, G + (k + 1) * block));
  const trainAuc = aucOf(design.y, linearScores(design, w));
  return {
    version: 1,
    weights,
    perSkill: [...spec.perSkill],
    skills,
    meta: {
      protocol: pairs ? 'answers' : 'rows',
      l2Global: options.l2Global ?? 1,
      l2Skill: options.l2Skill ?? 10,
      trainRows: design.rows,
      trainAuc,
      iterations: fit.iterations,
      converged: fit.converged,
    },
  };
}

/**
 * Labels and logits of every row of `seqs` under a fitted model. Each row is predicted from the
 * answers before its own; the rows of one multi-skill answer all get the answer's prediction, the
 * mean of its points' logits (`answerLogit`: the item's points are known before the student answers).
 */
export function scoreSequences(
  params: MasteryParams,
  seqs: readonly KtSequence[],
  pairs: ReadonlySet<number> | null,
): { labels: Uint8Array; scores: Float64Array } {
  let n = 0;
  for (const s of seqs) n += s.skills.length;
  const labels = new Uint8Array(n);
  const scores = new Float64Array(n);
  let at = 0;
  for (const seq of seqs) {
    const offset = at;
    walkSequence(seq, pairs, (state, skill, others, i) => {
      labels[offset + i] = seq.correct[i]!;
      scores[offset + i] = masteryLogit(params, state, skill, others);
    });
    const starts = answerStarts(seq.skills, pairs);
    for (let a = 0; a < starts.length; a++) {
      const from = offset + starts[a]!;
      const to = offset + (a + 1 < starts.length ? starts[a + 1]! : seq.skills.length);
      if (to - from < 2) continue;
      let sum = 0;
      for (let j = from; j < to; j++) sum += scores[j]!;
      scores.fill(sum / (to - from), from, to);
    }
    at += seq.skills.length;
  }
  return { labels, scores };
}

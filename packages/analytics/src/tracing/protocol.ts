/**
 * The validation protocol: hyper-parameters (the L2 penalties) are chosen on a validation split
 * carved from the training students, the model is refitted on all training students, and only then
 * scored on the test split. Nothing in here receives the test split except `evaluate`, which only
 * scores a fitted model.
 */
import { auc } from './auc.ts';
import { type FitOptions, fitMastery, scoreSequences } from './fit.ts';
import type { MasteryParams, ModelSpec } from './model.ts';
import type { KtSequence } from './sequences.ts';

/** Splits students (whole sequences) into fit / validation by a seeded shuffle. */
export function splitStudents(
  seqs: readonly KtSequence[],
  validationShare = 0.2,
  seed = 20260101,
): { fit: KtSequence[]; validation: KtSequence[] } {
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const order = seqs.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const cut = Math.round(seqs.length * (1 - validationShare));
  return { fit: order.slice(0, cut).map((i) => seqs[i]!), validation: order.slice(cut).map((i) => seqs[i]!) };
}

/** AUC of a fitted model on sequences (each row predicted from strictly earlier answers). */
export function evaluate(
  params: MasteryParams,
  seqs: readonly KtSequence[],
  pairs: ReadonlySet<number> | null,
): number {
  const { labels, scores } = scoreSequences(params, seqs, pairs);
  return auc(labels, scores);
}

export interface TunedFit {
  params: MasteryParams;
  /** Validation AUC of each penalty pair tried, the chosen one first. */
  validation: { l2Global: number; l2Skill: number; auc: number }[];
}

/** Penalties tried: global weights lightly, per-point terms (shrunk towards the typical point) more. */
export const L2_GRID: readonly { l2Global: number; l2Skill: number }[] = [
  { l2Global: 1, l2Skill: 0.3 },
  { l2Global: 1, l2Skill: 1 },
  { l2Global: 1, l2Skill: 3 },
  { l2Global: 1, l2Skill: 10 },
  { l2Global: 1, l2Skill: 30 },
];

/**
 * Chooses the penalties on a validation split of `train`, then refits on all of `train`. The test
 * split is not an argument: nothing can be fitted on it.
 */
export function tuneAndFit(
  train: readonly KtSequence[],
  options: { spec: ModelSpec; pairs: ReadonlySet<number> | null; grid?: typeof L2_GRID; seed?: number },
): TunedFit {
  const grid = options.grid ?? L2_GRID;
  const { fit, validation } = splitStudents(train, 0.2, options.seed);
  const tried = grid.map((g) => {
    const o: FitOptions = { spec: options.spec, pairs: options.pairs, ...g };
    return { ...g, auc: evaluate(fitMastery(fit, o), validation, options.pairs) };
  });
  tried.sort((a, b) => b.auc - a.auc);
  const best = tried[0]!;
  const params = fitMastery(train, { spec: options.spec, pairs: options.pairs, ...best });
  params.meta = { ...params.meta, validationAuc: best.auc };
  return { params, validation: tried };
}

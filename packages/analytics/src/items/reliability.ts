/**
 * Internal-consistency reliability of a paper: Cronbach's α (with α if each item were dropped) and
 * the odd–even split-half corrected by Spearman–Brown. Both read the raw scores (covariances, not
 * correlations), which is psych's `raw_alpha` and what a paper's total score actually adds up.
 */
import { itemColumn, pearson, type ScoreMatrix, totalScores, variance } from './score-matrix.ts';

export interface Reliability {
  /** Cronbach's α; NaN with fewer than two items or no variance in the totals. */
  alpha: number;
  /** α of the paper without item i, in item order (NaN with fewer than three items). */
  alphaIfDeleted: Float64Array;
  /** Pearson r between the totals on odd-numbered (1st, 3rd, …) and even-numbered items. */
  splitHalfR: number;
  /** Spearman–Brown step-up of that r to the full length: 2r / (1 + r). */
  splitHalf: number;
  /** Standard error of measurement, sd(total) · √(1 − α), in score points. */
  sem: number;
}

/** α = k/(k−1) · (1 − Σ var(item) / var(total)). */
export function cronbachAlpha(itemVariances: ArrayLike<number>, totalVariance: number): number {
  const k = itemVariances.length;
  if (k < 2 || !(totalVariance > 0)) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < k; i++) sum += itemVariances[i]!;
  return (k / (k - 1)) * (1 - sum / totalVariance);
}

export function reliability(m: ScoreMatrix): Reliability {
  const totals = totalScores(m);
  const itemVar = new Float64Array(m.items);
  for (let i = 0; i < m.items; i++) itemVar[i] = variance(itemColumn(m, i));
  const totalVar = variance(totals);
  const alpha = cronbachAlpha(itemVar, totalVar);

  const alphaIfDeleted = new Float64Array(m.items).fill(Number.NaN);
  const rest = new Float64Array(m.persons);
  for (let i = 0; m.items >= 3 && i < m.items; i++) {
    for (let p = 0; p < m.persons; p++) rest[p] = totals[p]! - m.scores[p * m.items + i]!;
    alphaIfDeleted[i] = cronbachAlpha(
      itemVar.filter((_, j) => j !== i),
      variance(rest),
    );
  }

  const odd = new Float64Array(m.persons);
  const even = new Float64Array(m.persons);
  for (let p = 0; p < m.persons; p++) {
    for (let i = 0; i < m.items; i++) {
      if (i % 2 === 0) odd[p]! += m.scores[p * m.items + i]!;
      else even[p]! += m.scores[p * m.items + i]!;
    }
  }
  const splitHalfR = m.items >= 2 ? pearson(odd, even) : Number.NaN;
  const splitHalf = (2 * splitHalfR) / (1 + splitHalfR);
  const sem = Math.sqrt(totalVar) * Math.sqrt(Math.max(0, 1 - alpha));
  return { alpha, alphaIfDeleted, splitHalfR, splitHalf, sem };
}

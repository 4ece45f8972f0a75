/**
 * Linking separately calibrated forms onto one scale through common items, so that results of
 * different papers and years compare. Each calibration fixes its own group to N(0, 1); a linear
 * transformation θ_base = A·θ_new + B carries the new form's scale onto the base's, with item
 * parameters following: a' = a/A, b' = A·b + B (in slope–intercept form d' = d − a·B/A).
 *
 * - `meanSigma`: A and B from the mean and SD of the common items' thresholds on both forms.
 * - `stockingLord`: A and B minimising the squared difference of the common items' test
 *   characteristic curves (expected summed score) over a grid of abilities on the base scale
 *   (default 41 points on [−4, 4] weighted by the N(0, 1) density), by Levenberg–Marquardt from the
 *   mean–sigma solution. Less sensitive than mean–sigma to one badly estimated threshold.
 * The common items are passed in the same order on both sides. For fixed-item linking (anchors held
 * at their base values during calibration) see `CalibrateOptions.fixed`.
 */

import { type ItemParameters, logistic } from './item-model.ts';
import { solve } from './linear-algebra.ts';

/** θ_base = A·θ_new + B. */
export interface Transformation {
  A: number;
  B: number;
}

function checkPaired(newItems: readonly ItemParameters[], baseItems: readonly ItemParameters[]): void {
  if (newItems.length !== baseItems.length || newItems.length === 0) {
    throw new Error(`common items: ${newItems.length} on the new form, ${baseItems.length} on the base`);
  }
  newItems.forEach((item, j) => {
    if (item.d.length !== baseItems[j]!.d.length) throw new Error(`common item ${j}: different score ranges`);
  });
}

const moments = (xs: number[]) => {
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  return { m, sd: Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length) };
};

export function meanSigma(
  newItems: readonly ItemParameters[],
  baseItems: readonly ItemParameters[],
): Transformation {
  checkPaired(newItems, baseItems);
  const bNew = moments(newItems.flatMap((i) => i.d.map((d) => -d / i.a)));
  const bBase = moments(baseItems.flatMap((i) => i.d.map((d) => -d / i.a)));
  const A = bBase.sd / bNew.sd;
  return { A, B: bBase.m - A * bNew.m };
}

export interface StockingLordOptions {
  /** Abilities (base scale) the curves are compared at; default 41 points on [−4, 4]. */
  thetas?: ArrayLike<number>;
  /** Their weights; default the N(0, 1) density. */
  weights?: ArrayLike<number>;
}

export function stockingLord(
  newItems: readonly ItemParameters[],
  baseItems: readonly ItemParameters[],
  options: StockingLordOptions = {},
): Transformation & { criterion: number } {
  checkPaired(newItems, baseItems);
  const thetas = options.thetas ?? Array.from({ length: 41 }, (_, g) => -4 + g * 0.2);
  const weights = options.weights ?? Array.from(thetas, (t) => Math.exp(-0.5 * t * t));
  const G = thetas.length;
  const target = Array.from(thetas, (t) =>
    baseItems.reduce((s, i) => s + i.d.reduce((u, d) => u + logistic(i.a * t + d), 0), 0),
  );
  /** Criterion, gradient and Gauss–Newton matrix at (A, B). */
  const at = (A: number, B: number) => {
    let f = 0;
    const g = new Float64Array(2);
    const H = new Float64Array(4);
    for (let k = 0; k < G; k++) {
      const t = thetas[k]!;
      let tcc = 0;
      let dA = 0;
      let dB = 0;
      for (const item of newItems) {
        for (const d of item.d) {
          const p = logistic((item.a * (t - B)) / A + d);
          const w = p * (1 - p) * item.a;
          tcc += p;
          dA -= (w * (t - B)) / (A * A);
          dB -= w / A;
        }
      }
      const r = target[k]! - tcc;
      const wk = weights[k]!;
      f += wk * r * r;
      // r depends on (A, B) through −tcc: ∂r/∂A = −dA.
      g[0] = g[0]! + wk * r * -dA;
      g[1] = g[1]! + wk * r * -dB;
      H[0] = H[0]! + wk * dA * dA;
      H[1] = H[1]! + wk * dA * dB;
      H[3] = H[3]! + wk * dB * dB;
    }
    H[2] = H[1]!;
    return { f, g, H };
  };
  let { A, B } = meanSigma(newItems, baseItems);
  let cur = at(A, B);
  let lambda = 1e-3;
  for (let iter = 0; iter < 200; iter++) {
    const M = Float64Array.from(cur.H);
    M[0] = M[0]! * (1 + lambda);
    M[3] = M[3]! * (1 + lambda);
    // Minimising Σ w r²: with J = ∂r = −(dA, dB) the Gauss–Newton step is −(JᵀWJ)⁻¹·JᵀWr = −H⁻¹g.
    const step = solve(M, cur.g, 2);
    if (!step) break;
    const nA = A - step[0]!;
    const nB = B - step[1]!;
    const next = nA > 0 ? at(nA, nB) : undefined;
    if (next && next.f <= cur.f) {
      const small = Math.abs(step[0]!) < 1e-10 && Math.abs(step[1]!) < 1e-10;
      A = nA;
      B = nB;
      cur = next;
      lambda = Math.max(lambda / 10, 1e-12);
      if (small) break;
    } else {
      lambda *= 10;
      if (lambda > 1e12) break;
    }
  }
  return { A, B, criterion: cur.f };
}

/** The Stocking–Lord criterion Σ w·(TCC_base − TCC_new→base)² at a given transformation. */
export function stockingLordCriterion(
  newItems: readonly ItemParameters[],
  baseItems: readonly ItemParameters[],
  t: Transformation,
  options: StockingLordOptions = {},
): number {
  const thetas = options.thetas ?? Array.from({ length: 41 }, (_, g) => -4 + g * 0.2);
  const weights = options.weights ?? Array.from(thetas, (x) => Math.exp(-0.5 * x * x));
  const tcc = (items: readonly ItemParameters[], x: number) =>
    items.reduce((s, i) => s + i.d.reduce((u, d) => u + logistic(i.a * x + d), 0), 0);
  let f = 0;
  for (let g = 0; g < thetas.length; g++) {
    const x = thetas[g]!;
    const moved = newItems.map((i) => transformItem(i, t));
    f += weights[g]! * (tcc(baseItems, x) - tcc(moved, x)) ** 2;
  }
  return f;
}

/** Item parameters of the new form expressed on the base scale. */
export function transformItem(item: ItemParameters, t: Transformation): ItemParameters {
  return { a: item.a / t.A, d: item.d.map((d) => d - (item.a * t.B) / t.A) };
}

/** Abilities (and their standard errors, if given) of the new form on the base scale. */
export function transformAbilities(
  theta: ArrayLike<number>,
  t: Transformation,
  se?: ArrayLike<number>,
): { theta: Float64Array; se?: Float64Array } {
  const out = Float64Array.from(theta, (x) => t.A * x + t.B);
  return se ? { theta: out, se: Float64Array.from(se, (s) => t.A * s) } : { theta: out };
}

/** A population N(mean, sd²) of the new scale on the base scale. */
export const transformPopulation = (p: { mean: number; sd: number }, t: Transformation) => ({
  mean: t.A * p.mean + t.B,
  sd: t.A * p.sd,
});

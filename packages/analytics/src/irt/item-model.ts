/**
 * The item response functions in slope–intercept form, as mirt writes them: a dichotomous item
 * answers correctly with P = 1/(1 + exp(−(a·θ + d))) (difficulty b = −d/a); a graded item scored
 * 0..K (Samejima's graded response model) reaches score k or more with P*ₖ = 1/(1 + exp(−(a·θ + dₖ)))
 * for ordered intercepts d₁ > … > d_K (thresholds bₖ = −dₖ/a), and scores exactly k with
 * P*ₖ − P*ₖ₊₁. A dichotomous item is the graded model with K = 1, so one code path serves both.
 */

export interface ItemParameters {
  /** Slope (discrimination). */
  a: number;
  /** Intercepts d₁ > … > d_K, K = maxScore (one entry for a dichotomous item). */
  d: readonly number[];
}

/** The logistic function, safe for large |z|. */
export const logistic = (z: number): number =>
  z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));

/** log(1 + exp(z)) without overflow. */
export const softplus = (z: number): number =>
  z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));

/** Difficulty / thresholds bₖ = −dₖ/a. */
export const thresholds = (item: ItemParameters): number[] => item.d.map((d) => -d / item.a);

/** Slope–intercept parameters from a slope and difficulties (thresholds) b: dₖ = −a·bₖ. */
export const fromThresholds = (a: number, b: readonly number[]): ItemParameters => ({
  a,
  d: b.map((x) => -a * x),
});

/** Probabilities of the scores 0..K at θ, written into `out` (length K + 1). */
export function categoryProbabilities(item: ItemParameters, theta: number, out?: Float64Array): Float64Array {
  const K = item.d.length;
  const p = out ?? new Float64Array(K + 1);
  let upper = 1;
  for (let k = 1; k <= K; k++) {
    const star = logistic(item.a * theta + item.d[k - 1]!);
    p[k - 1] = upper - star;
    upper = star;
  }
  p[K] = upper;
  return p;
}

/** Expected score at θ (the item characteristic curve; P(correct) for a dichotomous item). */
export function expectedScore(item: ItemParameters, theta: number): number {
  let e = 0;
  for (const d of item.d) e += logistic(item.a * theta + d);
  return e;
}

/** Fisher information of one item at θ: Σₖ (∂Pₖ/∂θ)² / Pₖ (a²·P·(1 − P) for a dichotomous item). */
export function itemInformation(item: ItemParameters, theta: number): number {
  const K = item.d.length;
  let info = 0;
  let upperStar = 1;
  let upperW = 0;
  for (let k = 1; k <= K + 1; k++) {
    const star = k <= K ? logistic(item.a * theta + item.d[k - 1]!) : 0;
    const w = star * (1 - star);
    const p = upperStar - star;
    const dp = item.a * (upperW - w);
    if (p > 1e-300) info += (dp * dp) / p;
    upperStar = star;
    upperW = w;
  }
  return info;
}

/** Test information Σⱼ Iⱼ(θ) at each θ: the target test assembly shapes a paper to. */
export function testInformation(items: readonly ItemParameters[], thetas: ArrayLike<number>): Float64Array {
  const out = new Float64Array(thetas.length);
  for (let t = 0; t < thetas.length; t++) {
    let s = 0;
    for (const item of items) s += itemInformation(item, thetas[t]!);
    out[t] = s;
  }
  return out;
}

/**
 * What the item bank and test assembly store of a calibrated item: a dichotomous item's 2PL a and b
 * (logistic metric, no 1.7); a graded item's slope, its thresholds, and as b their mean (its
 * location, for the 2PL-only consumers; `itemInformation` on the full parameters is exact).
 */
export function bankParameters(item: ItemParameters): { a: number; b: number; thresholds: number[] } {
  const b = thresholds(item);
  return { a: item.a, b: b.reduce((s, x) => s + x, 0) / b.length, thresholds: b };
}

/**
 * The M-step: each free item maximises its expected complete-data log-likelihood given the E-step's
 * expected counts — Newton's method for a dichotomous item (exact for the logistic), Fisher scoring
 * for a graded item — with step halving so the objective never decreases; the population mean / SD,
 * where free, move to the moments of the aggregated posterior. `itemScores` is the same gradient at
 * the E-step's own parameters: by Fisher's identity the gradient of the marginal log-likelihood.
 */
import { accumulatorLayout, type Design } from './estep.ts';
import { solve } from './linear-algebra.ts';
import type { ParamLayout } from './parameters.ts';

/** Largest |slope| or |intercept| the M-step moves to. */
export const BOUND = 30;

/** Which parameters move. */
export interface FreeSet {
  /** Slopes are estimated (false: all fixed at their current value, e.g. 1 for Rasch). */
  slopes: boolean;
  /** Items held at their given (anchor) values. */
  fixedItem: Uint8Array;
  mean: boolean;
  sd: boolean;
}

/** Per-item view of the expected counts: n (answerers per node) for dichotomous items, or R. */
class ItemData {
  readonly n: Float64Array;
  constructor(
    readonly design: Design,
    readonly acc: Float64Array,
    readonly theta: Float64Array,
  ) {
    this.n = new Float64Array(theta.length);
  }

  dichotomous(j: number): { n: Float64Array; S: number; c: number } {
    const Q = this.theta.length;
    const lay = accumulatorLayout(this.design, Q);
    for (let q = 0; q < Q; q++) this.n[q] = this.acc[lay.Tc + q]! + this.acc[lay.adj + j * Q + q]!;
    return { n: this.n, S: this.acc[lay.S + j]!, c: this.design.correct[j]! };
  }

  /** Expected counts of score k at node q for graded item j: R[k·Q + q]. */
  graded(j: number): Float64Array {
    const Q = this.theta.length;
    const lay = accumulatorLayout(this.design, Q);
    const start = lay.R + this.design.catStart[j]! * Q;
    return this.acc.subarray(start, start + (this.design.maxScore[j]! + 1) * Q);
  }
}

interface Eval {
  f: number;
  /** Gradient over [a, d₁..d_K]. */
  g: Float64Array;
  /** Information (negative Hessian or its expectation), (K+1)². */
  info: Float64Array;
}

function evalDichotomous(
  a: number,
  d: number,
  data: { n: Float64Array; S: number; c: number },
  theta: Float64Array,
): Eval {
  let f = a * data.S + d * data.c;
  let ga = data.S;
  let gd = data.c;
  let iaa = 0;
  let iad = 0;
  let idd = 0;
  for (let q = 0; q < theta.length; q++) {
    const n = data.n[q]!;
    if (n === 0) continue;
    const t = theta[q]!;
    const z = a * t + d;
    const p = 1 / (1 + Math.exp(-z));
    f -= n * (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));
    ga -= n * t * p;
    gd -= n * p;
    const w = n * p * (1 - p);
    iaa += w * t * t;
    iad += w * t;
    idd += w;
  }
  return { f, g: Float64Array.of(ga, gd), info: Float64Array.of(iaa, iad, iad, idd) };
}

function evalGraded(a: number, d: Float64Array, R: Float64Array, theta: Float64Array): Eval {
  const K = d.length;
  const m = K + 1;
  const Q = theta.length;
  const g = new Float64Array(m);
  const info = new Float64Array(m * m);
  const star = new Float64Array(K + 2);
  const W = new Float64Array(K + 2);
  const dp = new Float64Array(m);
  let f = 0;
  for (let q = 0; q < Q; q++) {
    const t = theta[q]!;
    let n = 0;
    for (let k = 0; k <= K; k++) n += R[k * Q + q]!;
    if (n === 0) continue;
    star[0] = 1;
    W[0] = 0;
    for (let k = 1; k <= K; k++) {
      star[k] = 1 / (1 + Math.exp(-(a * t + d[k - 1]!)));
      W[k] = star[k]! * (1 - star[k]!);
    }
    star[K + 1] = 0;
    W[K + 1] = 0;
    for (let k = 0; k <= K; k++) {
      const p = star[k]! - star[k + 1]!;
      if (!(p > 0)) return { f: Number.NEGATIVE_INFINITY, g, info };
      const r = R[k * Q + q]!;
      // ∂P_k/∂a = θ(W_k − W_{k+1}); ∂P_k/∂d_k = W_k; ∂P_k/∂d_{k+1} = −W_{k+1}.
      dp.fill(0);
      dp[0] = t * (W[k]! - W[k + 1]!);
      if (k >= 1) dp[k] = W[k]!;
      if (k < K) dp[k + 1] = -W[k + 1]!;
      if (r > 0) {
        f += r * Math.log(p);
        for (let u = 0; u < m; u++) g[u] = g[u]! + (r / p) * dp[u]!;
      }
      const s = n / p;
      for (let u = 0; u < m; u++) {
        if (dp[u] === 0) continue;
        for (let v = 0; v < m; v++) info[u * m + v] = info[u * m + v]! + s * dp[u]! * dp[v]!;
      }
    }
  }
  return { f, g, info };
}

function evalItem(j: number, x: Float64Array, lay: ParamLayout, data: ItemData): Eval {
  const ds = lay.dStart[j]!;
  const K = lay.dStart[j + 1]! - ds;
  return K === 1
    ? evalDichotomous(x[j]!, x[ds]!, data.dichotomous(j), data.theta)
    : evalGraded(x[j]!, x.slice(ds, ds + K), data.graded(j), data.theta);
}

/** Maximises item j's objective from the current x (updated in place). */
function optimiseItem(
  j: number,
  x: Float64Array,
  lay: ParamLayout,
  data: ItemData,
  slopeFree: boolean,
): void {
  const ds = lay.dStart[j]!;
  const K = lay.dStart[j + 1]! - ds;
  const m = K + 1;
  const off = slopeFree ? 0 : 1;
  const size = m - off;
  const sub = new Float64Array(size * size);
  const grad = new Float64Array(size);
  let cur = evalItem(j, x, lay, data);
  for (let iter = 0; iter < 50; iter++) {
    for (let u = 0; u < size; u++) {
      grad[u] = cur.g[u + off]!;
      for (let v = 0; v < size; v++) sub[u * size + v] = cur.info[(u + off) * m + v + off]!;
    }
    const step = solve(sub, grad, size);
    if (!step) return;
    const before = Float64Array.from(x.subarray(ds, ds + K));
    const slope = x[j]!;
    let t = 1;
    let next: Eval | undefined;
    for (let half = 0; half < 30; half++, t /= 2) {
      if (slopeFree) x[j] = slope + t * step[0]!;
      for (let k = 0; k < K; k++) x[ds + k] = before[k]! + t * step[k + 1 - off]!;
      // Ordered intercepts, and bounds so that an item everyone (or no one) got right stops at a
      // large finite value instead of drifting for ever.
      let ordered = Math.abs(x[j]!) <= BOUND;
      for (let k = 0; k < K; k++) if (Math.abs(x[ds + k]!) > BOUND) ordered = false;
      for (let k = 1; k < K; k++) if (x[ds + k]! >= x[ds + k - 1]!) ordered = false;
      if (!ordered) continue;
      const e = evalItem(j, x, lay, data);
      if (e.f >= cur.f - 1e-12 * Math.abs(cur.f)) {
        next = e;
        break;
      }
    }
    if (!next) {
      x[j] = slope;
      x.set(before, ds);
      return;
    }
    cur = next;
    let moved = 0;
    for (let u = 0; u < size; u++) moved = Math.max(moved, Math.abs(t * step[u]!));
    if (moved < 1e-10) return;
  }
}

/** One M-step: the new parameter vector given the E-step's accumulators at x. */
export function mStep(
  design: Design,
  lay: ParamLayout,
  x: Float64Array,
  acc: Float64Array,
  theta: Float64Array,
  free: FreeSet,
): Float64Array {
  const next = Float64Array.from(x);
  const data = new ItemData(design, acc, theta);
  for (let j = 0; j < design.items; j++) {
    if (free.fixedItem[j]) continue;
    optimiseItem(j, next, lay, data, free.slopes);
  }
  if (free.mean || free.sd) {
    const Q = theta.length;
    const T = accumulatorLayout(design, Q).T;
    let N = 0;
    let m1 = 0;
    for (let q = 0; q < Q; q++) {
      N += acc[T + q]!;
      m1 += acc[T + q]! * theta[q]!;
    }
    const mean = free.mean ? m1 / N : x[lay.mean]!;
    if (free.sd && N > 0) {
      let v = 0;
      for (let q = 0; q < Q; q++) v += acc[T + q]! * (theta[q]! - mean) ** 2;
      next[lay.sd] = Math.sqrt(v / N);
    }
    next[lay.mean] = mean;
  }
  return next;
}

/**
 * Gradient of the marginal log-likelihood with respect to the item parameters [a, d…] of item j,
 * from accumulators computed at x itself (Fisher's identity).
 */
export function itemScore(
  design: Design,
  lay: ParamLayout,
  x: Float64Array,
  acc: Float64Array,
  theta: Float64Array,
  j: number,
): Float64Array {
  return evalItem(j, x, lay, new ItemData(design, acc, theta)).g;
}

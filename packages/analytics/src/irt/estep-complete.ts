/**
 * The E-step's fast path for the common case of a person who answered every item of an all-
 * dichotomous design (a paper sat in full). Their log-posterior is L_q = C_q + A·θ_q + D with
 * C = log prior + Σⱼ log P₀ⱼ shared by everyone and A = Σ_correct aⱼ. C is concave (normal prior,
 * logistic items), so the mode moves monotonically with A and is found by binary search over the
 * breakpoints where L_{q+1} − L_q = (C_{q+1} − C_q) + A·h changes sign; on equally spaced nodes the
 * posterior then follows by the recurrence w_{q+1} = w_q · exp(C_{q+1} − C_q) · exp(A·h) — one
 * `Math.exp` per person instead of one per node, walking out from the mode until the weights are
 * negligible (< e⁻⁴⁰ of the mode, as in `normalise`). Same numbers as the general path to rounding.
 */
import type { Design, Tables } from './estep.ts';

export interface Ladder {
  C: Float64Array;
  /** exp(C_{q+1} − C_q). */
  rho: Float64Array;
  /** Breakpoints −(C_{q+1} − C_q)/h, non-decreasing: the mode is the first q with A ≤ β_q. */
  beta: Float64Array;
  h: number;
}

const TINY = Math.exp(-40);

/** The shared part for these tables, or null when the fast path does not apply. */
export function makeLadder(d: Design, t: Tables): Ladder | null {
  for (let j = 0; j < d.items; j++) if (d.maxScore[j] !== 1) return null;
  const Q = t.theta.length;
  const h = t.theta[1]! - t.theta[0]!;
  for (let q = 1; q < Q; q++)
    if (Math.abs(t.theta[q]! - t.theta[q - 1]! - h) > 1e-9 * Math.abs(h)) return null;
  const C = new Float64Array(Q);
  for (let q = 0; q < Q; q++) C[q] = t.logPrior[q]! + t.s0[q]!;
  const rho = new Float64Array(Q - 1);
  const beta = new Float64Array(Q - 1);
  for (let q = 0; q < Q - 1; q++) {
    rho[q] = Math.exp(C[q + 1]! - C[q]!);
    beta[q] = -(C[q + 1]! - C[q]!) / h;
    if (q > 0 && beta[q]! < beta[q - 1]!) return null;
  }
  return { C, rho, beta, h };
}

/**
 * Person i by the fast path: fills unnormalised weights w over [band[0], band[1]], their sum in
 * out[0] and the log-likelihood in out[1], the correct items in `correct` (count returned). Returns −1
 * (touching nothing) when the person skipped an item.
 */
export function completePerson(
  d: Design,
  t: Tables,
  lad: Ladder,
  i: number,
  w: Float64Array,
  band: Int32Array,
  correct: Int32Array,
  out: Float64Array,
): number {
  const J = d.items;
  const row = i * J;
  const scores = d.scores;
  let A = 0;
  let D = 0;
  let nc = 0;
  const a = t.a;
  const d1 = t.d1;
  // Branch-free on the (unpredictable) right/wrong; a skipped item (−1) is rare here and leaves.
  for (let j = 0; j < J; j++) {
    const x = scores[row + j]!;
    if (x < 0) return -1;
    A += a[j]! * x;
    D += d1[j]! * x;
    correct[nc] = j;
    nc += x;
  }
  const { beta, rho, C } = lad;
  const Q = C.length;
  let lo = 0;
  let hi = Q - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (beta[mid]! < A) lo = mid + 1;
    else hi = mid;
  }
  const top = lo;
  const r = Math.exp(A * lad.h);
  const theta = t.theta;
  w[top] = 1;
  let sum = 1;
  let first = top;
  let last = top;
  let v = 1;
  for (let q = top + 1; q < Q; q++) {
    v *= rho[q - 1]! * r;
    if (v < TINY) break;
    w[q] = v;
    sum += v;
    last = q;
  }
  v = 1;
  for (let q = top - 1; q >= 0; q--) {
    v /= rho[q]! * r;
    if (v < TINY) break;
    w[q] = v;
    sum += v;
    first = q;
  }
  band[0] = first;
  band[1] = last;
  out[0] = sum;
  out[1] = C[top]! + A * theta[top]! + D + Math.log(sum);
  return nc;
}

/**
 * The E-step of marginal maximum likelihood, the hot loop of calibration, over flat typed arrays.
 *
 * For a dichotomous item log P₁ − log P₀ = a·θ + d, so a person's log-likelihood at node q is
 * Σ_answered log P₀ⱼ(θ_q) + θ_q·Σ_correct aⱼ + Σ_correct dⱼ: the correct answers enter through two
 * sums, not a pass over the nodes each. For the M-step a dichotomous item needs only the expected
 * number of its answerers at each node (n_jq) and Σ_correct E[θ | responses], because the expected
 * complete-data log-likelihood of a logistic item is linear in the correct-answer counts. Persons who
 * answered most items are booked as "everyone minus the items they skipped", those who answered few
 * as "the items they answered", so a complete matrix costs O(items + nodes) per person and a sparse
 * one O(answered × nodes). Graded items keep the full expected counts per score and node. A person
 * who answered every item of an all-dichotomous design takes the faster path of `estep-complete.ts`.
 * Only the band of nodes where a posterior has weight is visited (see `normalise`).
 */
import { completePerson, makeLadder } from './estep-complete.ts';
import type { Responses } from './responses.ts';

/** The constant part: responses and their layout. */
export interface Design {
  persons: number;
  items: number;
  scores: Int8Array;
  maxScore: Uint8Array;
  /** Start of each item's rows in the per-category tables (item j has maxScore[j] + 1 rows). */
  catStart: Int32Array;
  /** Number of correct answers of each dichotomous item (constant over iterations). */
  correct: Float64Array;
  /** Observed count of each score of each item, at [catStart[j] + k]. */
  counts: Float64Array;
}

/** What one iteration's E-step reads, rebuilt from the current parameters. */
export interface Tables {
  /** Nodes θ_q (μ + σ·z_q). */
  theta: Float64Array;
  logPrior: Float64Array;
  /** log P(score k | θ_q) at [(catStart[j] + k)·Q + q]. */
  logP: Float64Array;
  /** Σ over dichotomous items of log P₀ⱼ(θ_q). */
  s0: Float64Array;
  a: Float64Array;
  /** The intercept of each dichotomous item (unused for graded items). */
  d1: Float64Array;
}

export function makeDesign(r: Responses): Design {
  const J = r.items;
  const catStart = new Int32Array(J + 1);
  for (let j = 0; j < J; j++) catStart[j + 1] = catStart[j]! + r.maxScore[j]! + 1;
  const counts = new Float64Array(catStart[J]!);
  for (let i = 0, k = 0; i < r.persons; i++) {
    for (let j = 0; j < J; j++, k++) {
      const x = r.scores[k]!;
      if (x >= 0) counts[catStart[j]! + x]!++;
    }
  }
  const correct = new Float64Array(J);
  for (let j = 0; j < J; j++) if (r.maxScore[j] === 1) correct[j] = counts[catStart[j]! + 1]!;
  return { persons: r.persons, items: J, scores: r.scores, maxScore: r.maxScore, catStart, correct, counts };
}

/**
 * Accumulator layout (one Float64Array, so workers' results add element-wise):
 * [logLik, persons with answers, Σ_q T_q, T(Q), Tc(Q), adj(J×Q), S(J), R(categories×Q)].
 * n_jq = Tc_q + adj_jq for a dichotomous item, R the expected counts of graded items' scores.
 */
export function accumulatorLayout(d: Design, Q: number) {
  const T = 3;
  const Tc = T + Q;
  const adj = Tc + Q;
  const S = adj + d.items * Q;
  const R = S + d.items;
  return { T, Tc, adj, S, R, size: R + d.catStart[d.items]! * Q };
}

/**
 * Fills L[q] with log prior + log-likelihood of person i at each node. Returns 0 when the person
 * answered nothing, 1 when the dichotomous part was booked as "all minus skipped", 2 as "answered".
 */
export function logPosterior(d: Design, t: Tables, i: number, L: Float64Array): 0 | 1 | 2 {
  const J = d.items;
  const Q = t.theta.length;
  const row = i * J;
  const { scores, maxScore, catStart } = d;
  let A = 0;
  let D = 0;
  let answeredDich = 0;
  let missingDich = 0;
  let answeredPoly = 0;
  for (let j = 0; j < J; j++) {
    const x = scores[row + j]!;
    if (maxScore[j] === 1) {
      if (x < 0) missingDich++;
      else {
        answeredDich++;
        if (x === 1) {
          A += t.a[j]!;
          D += t.d1[j]!;
        }
      }
    } else if (x >= 0) answeredPoly++;
  }
  if (answeredDich + answeredPoly === 0) return 0;
  const { theta, logPrior, logP, s0 } = t;
  const complement = missingDich <= answeredDich;
  for (let q = 0; q < Q; q++) L[q] = logPrior[q]! + A * theta[q]! + D + (complement ? s0[q]! : 0);
  if (missingDich + answeredDich > 0 && (!complement || missingDich > 0)) {
    for (let j = 0; j < J; j++) {
      if (maxScore[j] !== 1 || scores[row + j]! < 0 !== complement) continue;
      const base = catStart[j]! * Q;
      if (complement) for (let q = 0; q < Q; q++) L[q] = L[q]! - logP[base + q]!;
      else for (let q = 0; q < Q; q++) L[q] = L[q]! + logP[base + q]!;
    }
  }
  if (answeredPoly > 0) {
    for (let j = 0; j < J; j++) {
      const x = scores[row + j]!;
      if (maxScore[j] === 1 || x < 0) continue;
      const base = (catStart[j]! + x) * Q;
      for (let q = 0; q < Q; q++) L[q] = L[q]! + logP[base + q]!;
    }
  }
  return complement ? 1 : 2;
}

/** Log-posterior terms below the largest by more than this are < 1e-17 of it: zero in double precision. */
const NEGLIGIBLE = -40;

/**
 * Turns log posterior L into normalised weights w in place and returns log Σ exp(L) (the person's
 * log-likelihood). The posterior is log-concave (logistic items, normal prior), so its weight sits in
 * one band of nodes around the mode; `band` receives [first, last] and only the band pays for
 * `Math.exp` (the dominant cost: a long test concentrates the posterior on a dozen of 61 nodes).
 */
export function normalise(L: Float64Array, w: Float64Array, band: Int32Array): number {
  const Q = L.length;
  let top = 0;
  for (let q = 1; q < Q; q++) if (L[q]! > L[top]!) top = q;
  const max = L[top]!;
  let lo = top;
  while (lo > 0 && L[lo - 1]! - max > NEGLIGIBLE) lo--;
  let hi = top;
  while (hi < Q - 1 && L[hi + 1]! - max > NEGLIGIBLE) hi++;
  w.fill(0);
  let sum = 0;
  for (let q = lo; q <= hi; q++) {
    const e = Math.exp(L[q]! - max);
    w[q] = e;
    sum += e;
  }
  const inv = 1 / sum;
  for (let q = lo; q <= hi; q++) w[q] = w[q]! * inv;
  band[0] = lo;
  band[1] = hi;
  return max + Math.log(sum);
}

/**
 * Adds the expected counts of persons [from, to) (or of `subset[from..to)`) to `acc`
 * (see `accumulatorLayout`).
 */
export function eStep(
  d: Design,
  t: Tables,
  acc: Float64Array,
  from: number,
  to: number,
  subset?: Int32Array,
) {
  const J = d.items;
  const Q = t.theta.length;
  const lay = accumulatorLayout(d, Q);
  const L = new Float64Array(Q);
  const w = new Float64Array(Q);
  const band = new Int32Array(2);
  const { scores, maxScore, catStart } = d;
  const theta = t.theta;
  const { T, Tc, adj, S, R } = lay;
  const ladder = makeLadder(d, t);
  const correct = new Int32Array(J);
  const fast = new Float64Array(2);
  /** Posterior weight of the fast-path persons, booked into T and Tc at the end. */
  const complete = new Float64Array(Q);
  let logLik = 0;
  let counted = 0;
  for (let s = from; s < to; s++) {
    const i = subset ? subset[s]! : s;
    const nc = ladder ? completePerson(d, t, ladder, i, w, band, correct, fast) : -1;
    if (nc >= 0) {
      counted++;
      logLik += fast[1]!;
      const inv = 1 / fast[0]!;
      let mean = 0;
      for (let q = band[0]!; q <= band[1]!; q++) {
        const wq = w[q]! * inv;
        complete[q]! += wq;
        mean += wq * theta[q]!;
      }
      for (let k = 0; k < nc; k++) acc[S + correct[k]!]! += mean;
      continue;
    }
    const mode = logPosterior(d, t, i, L);
    if (mode === 0) continue;
    counted++;
    logLik += normalise(L, w, band);
    const lo = band[0]!;
    const hi = band[1]! + 1;
    let mean = 0;
    for (let q = lo; q < hi; q++) {
      const wq = w[q]!;
      mean += wq * theta[q]!;
      acc[T + q]! += wq;
    }
    if (mode === 1) for (let q = lo; q < hi; q++) acc[Tc + q]! += w[q]!;
    const row = i * J;
    for (let j = 0; j < J; j++) {
      const x = scores[row + j]!;
      if (maxScore[j] === 1) {
        if (x === 1) acc[S + j]! += mean;
        if (mode === 1 ? x < 0 : x >= 0) {
          const base = adj + j * Q;
          if (mode === 1) for (let q = lo; q < hi; q++) acc[base + q]! -= w[q]!;
          else for (let q = lo; q < hi; q++) acc[base + q]! += w[q]!;
        }
      } else if (x >= 0) {
        const base = R + (catStart[j]! + x) * Q;
        for (let q = lo; q < hi; q++) acc[base + q]! += w[q]!;
      }
    }
  }
  for (let q = 0; q < Q; q++) {
    acc[T + q]! += complete[q]!;
    acc[Tc + q]! += complete[q]!;
  }
  acc[0]! += logLik;
  acc[1]! += counted;
}

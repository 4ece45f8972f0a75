/**
 * All parameters of a calibration in one flat vector — slopes, then every item's intercepts, then
 * the population mean and SD — so EM acceleration and the numerical information matrix treat them
 * alike; and the per-iteration tables the E-step reads, built from that vector.
 */
import type { Design, Tables } from './estep.ts';
import type { ItemParameters } from './item-model.ts';
import { softplus } from './item-model.ts';
import type { Quadrature } from './quadrature.ts';

export interface ParamLayout {
  items: number;
  /** Index in the vector of item j's first intercept; item j has maxScore[j] of them. */
  dStart: Int32Array;
  mean: number;
  sd: number;
  size: number;
}

export function paramLayout(d: Design): ParamLayout {
  const J = d.items;
  const dStart = new Int32Array(J + 1);
  dStart[0] = J;
  for (let j = 0; j < J; j++) dStart[j + 1] = dStart[j]! + d.maxScore[j]!;
  return { items: J, dStart, mean: dStart[J]!, sd: dStart[J]! + 1, size: dStart[J]! + 2 };
}

/** Item j's parameters read out of the vector. */
export function itemAt(lay: ParamLayout, x: Float64Array, j: number): ItemParameters {
  return { a: x[j]!, d: Array.from(x.subarray(lay.dStart[j]!, lay.dStart[j + 1]!)) };
}

/** Writes item j's parameters into the vector. */
export function setItem(lay: ParamLayout, x: Float64Array, j: number, item: ItemParameters): void {
  const K = lay.dStart[j + 1]! - lay.dStart[j]!;
  if (item.d.length !== K) throw new Error(`item ${j}: expected ${K} intercepts, got ${item.d.length}`);
  x[j] = item.a;
  for (let k = 0; k < K; k++) x[lay.dStart[j]! + k] = item.d[k]!;
}

/** Whether the vector is a valid point: finite, positive SD, strictly decreasing intercepts. */
export function validParams(lay: ParamLayout, x: Float64Array): boolean {
  for (let p = 0; p < lay.size; p++) if (!Number.isFinite(x[p]!)) return false;
  if (x[lay.sd]! <= 0) return false;
  for (let j = 0; j < lay.items; j++) {
    for (let p = lay.dStart[j]! + 1; p < lay.dStart[j + 1]!; p++) if (x[p]! >= x[p - 1]!) return false;
  }
  return true;
}

/** The E-step tables at parameters x: nodes μ + σ·z, log prior, log P of every score at every node. */
export function buildTables(design: Design, lay: ParamLayout, x: Float64Array, quad: Quadrature): Tables {
  const J = design.items;
  const Q = quad.z.length;
  const mu = x[lay.mean]!;
  const sigma = x[lay.sd]!;
  const theta = new Float64Array(Q);
  const logPrior = new Float64Array(Q);
  for (let q = 0; q < Q; q++) {
    theta[q] = mu + sigma * quad.z[q]!;
    logPrior[q] = Math.log(quad.weights[q]!);
  }
  const logP = new Float64Array(design.catStart[J]! * Q);
  const s0 = new Float64Array(Q);
  const a = new Float64Array(J);
  const d1 = new Float64Array(J);
  for (let j = 0; j < J; j++) {
    const K = design.maxScore[j]!;
    const aj = x[j]!;
    const ds = lay.dStart[j]!;
    a[j] = aj;
    d1[j] = x[ds]!;
    const base = design.catStart[j]! * Q;
    for (let q = 0; q < Q; q++) {
      const t = theta[q]!;
      // log P(score 0) and log P(score K) from the logistic directly; middle scores as differences.
      const zFirst = aj * t + x[ds]!;
      logP[base + q] = -softplus(zFirst);
      let upper = 1 / (1 + Math.exp(-zFirst));
      for (let k = 1; k < K; k++) {
        const star = 1 / (1 + Math.exp(-(aj * t + x[ds + k]!)));
        logP[base + k * Q + q] = Math.log(Math.max(upper - star, 1e-300));
        upper = star;
      }
      logP[base + K * Q + q] = -softplus(-(aj * t + x[ds + K - 1]!));
      if (K === 1) s0[q] = s0[q]! + logP[base + q]!;
    }
  }
  return { theta, logPrior, logP, s0, a, d1 };
}

/**
 * The EM iteration, written once as a generator that asks for E-steps (`yield` parameters, receive
 * accumulators) so the synchronous `calibrate` and the worker-thread `calibrateParallel` share it.
 * Accelerated by SQUAREM (Varadhan & Roland 2008, scheme S3): two EM steps give a direction and a
 * step length, the extrapolated point is stabilised by one more EM step and kept only when its
 * log-likelihood is no worse than the second step's start — so the fixed point is EM's own, reached in
 * fewer E-steps. Converged when one EM step moves no parameter by more than `tol`.
 */
import type { Design } from './estep.ts';
import { type FreeSet, mStep } from './mstep.ts';
import { type ParamLayout, validParams } from './parameters.ts';
import type { Quadrature } from './quadrature.ts';

/** An E-step request: parameters, and optionally "only the persons who answered this item". */
export interface EStepRequest {
  x: Float64Array;
  item?: number;
}

export type EStepDriver<R> = Generator<EStepRequest, R, Float64Array>;

export interface EmSettings {
  maxIter: number;
  tol: number;
  accelerate: boolean;
}

export interface EmOutcome {
  x: Float64Array;
  /** E-steps taken (each EM step, extrapolation or stabilisation costs one). */
  iterations: number;
  converged: boolean;
}

export const nodesAt = (lay: ParamLayout, x: Float64Array, quad: Quadrature): Float64Array =>
  quad.z.map((z) => x[lay.mean]! + x[lay.sd]! * z);

const maxAbsDiff = (u: Float64Array, v: Float64Array): number => {
  let m = 0;
  for (let p = 0; p < u.length; p++) m = Math.max(m, Math.abs(u[p]! - v[p]!));
  return m;
};

export function* runEm(
  design: Design,
  lay: ParamLayout,
  start: Float64Array,
  quad: Quadrature,
  free: FreeSet,
  s: EmSettings,
): EStepDriver<EmOutcome> {
  let iterations = 0;
  let x0 = start;
  const step = function* (x: Float64Array): EStepDriver<{ next: Float64Array; logLik: number }> {
    const acc = yield { x };
    iterations++;
    return { next: mStep(design, lay, x, acc, nodesAt(lay, x, quad), free), logLik: acc[0]! };
  };
  while (iterations < s.maxIter) {
    const { next: x1 } = yield* step(x0);
    if (maxAbsDiff(x1, x0) < s.tol) return { x: x1, iterations, converged: true };
    if (!s.accelerate || iterations + 2 > s.maxIter) {
      x0 = x1;
      continue;
    }
    const { next: x2, logLik: ll1 } = yield* step(x1);
    if (maxAbsDiff(x2, x1) < s.tol) return { x: x2, iterations, converged: true };
    let rr = 0;
    let vv = 0;
    const r = new Float64Array(x0.length);
    const v = new Float64Array(x0.length);
    for (let p = 0; p < x0.length; p++) {
      r[p] = x1[p]! - x0[p]!;
      v[p] = x2[p]! - 2 * x1[p]! + x0[p]!;
      rr += r[p]! * r[p]!;
      vv += v[p]! * v[p]!;
    }
    const alpha = vv > 0 ? Math.min(-1, -Math.sqrt(rr / vv)) : -1;
    const xa = x0.map((x, p) => x - 2 * alpha * r[p]! + alpha * alpha * v[p]!);
    x0 = x2;
    if (alpha === -1 || !validParams(lay, xa)) continue;
    const { next: xs, logLik: lla } = yield* step(xa);
    if (Number.isFinite(lla) && lla >= ll1 && validParams(lay, xs)) x0 = xs;
  }
  return { x: x0, iterations, converged: false };
}

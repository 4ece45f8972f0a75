/**
 * Standard errors of the item parameters from the observed information of the marginal likelihood:
 * its Hessian is the forward-difference derivative (step 1e-5) of the analytic marginal score (Fisher's identity:
 * the posterior-weighted complete-data score, re-weighted at each perturbed point) — Oakes' identity
 * evaluated numerically, as mirt's `SE.type = "Oakes"`. The population mean and SD, where estimated,
 * are held at their estimates (their uncertainty is not propagated). Up to `FULL_LIMIT` (400) free
 * parameters the whole matrix is inverted; beyond (large banks) each item's own block, computed from
 * only the persons who answered it, which ignores the covariance between items' estimates.
 */

import type { EStepDriver } from './em.ts';
import { nodesAt } from './em.ts';
import type { Design } from './estep.ts';
import { inverseDiagonal } from './linear-algebra.ts';
import { BOUND, type FreeSet, itemScore } from './mstep.ts';
import type { ParamLayout } from './parameters.ts';
import type { Quadrature } from './quadrature.ts';

/** Default most free parameters for the full matrix; beyond, per-item blocks. */
export const FULL_LIMIT = 400;

/** The free item-parameter indices of item j, in the order [a, d₁…] of `itemScore`. */
function freeOf(lay: ParamLayout, free: FreeSet, j: number): number[] {
  if (free.fixedItem[j]) return [];
  const out = free.slopes ? [j] : [];
  for (let p = lay.dStart[j]!; p < lay.dStart[j + 1]!; p++) out.push(p);
  return out;
}

/** Standard error of every entry of x (0 for parameters that were not estimated or not covered). */
export function* standardErrors(
  design: Design,
  lay: ParamLayout,
  x: Float64Array,
  quad: Quadrature,
  free: FreeSet,
  fullLimit = FULL_LIMIT,
): EStepDriver<Float64Array> {
  const se = new Float64Array(lay.size);
  // An item no one answered, or one at the M-step's bound (everyone right, or wrong), has no finite
  // standard error and would make the whole matrix singular: NaN for it, the others go on.
  const degenerate = (j: number) => {
    let n = 0;
    for (let c = design.catStart[j]!; c < design.catStart[j + 1]!; c++) n += design.counts[c]!;
    if (n === 0 || Math.abs(x[j]!) >= 0.99 * BOUND) return true;
    for (let p = lay.dStart[j]!; p < lay.dStart[j + 1]!; p++)
      if (Math.abs(x[p]!) >= 0.99 * BOUND) return true;
    return false;
  };
  const perItem = Array.from({ length: design.items }, (_, j) => {
    if (!degenerate(j)) return freeOf(lay, free, j);
    for (const p of freeOf(lay, free, j)) se[p] = Number.NaN;
    return [];
  });
  const all = perItem.flat();
  const slot = new Map(all.map((p, k) => [p, k]));
  /** Gradient with respect to the parameters `params` of items `items`, at point xp. */
  const score = function* (
    xp: Float64Array,
    items: number[],
    params: number[],
    subsetItem?: number,
  ): EStepDriver<Float64Array> {
    const acc = yield subsetItem === undefined ? { x: xp } : { x: xp, item: subsetItem };
    const theta = nodesAt(lay, xp, quad);
    const g = new Float64Array(params.length);
    const where = new Map(params.map((p, k) => [p, k]));
    for (const j of items) {
      const gj = itemScore(design, lay, xp, acc, theta, j);
      const idx = free.slopes ? [j] : [];
      for (let p = lay.dStart[j]!; p < lay.dStart[j + 1]!; p++) idx.push(p);
      const skip = free.slopes ? 0 : 1;
      idx.forEach((p, k) => {
        const at = where.get(p);
        if (at !== undefined) g[at] = gj[k + skip]!;
      });
    }
    return g;
  };
  const hessianSe = function* (params: number[], items: number[], subsetItem?: number): EStepDriver<boolean> {
    const n = params.length;
    const H = new Float64Array(n * n);
    const g0 = yield* score(x, items, params, subsetItem);
    for (let c = 0; c < n; c++) {
      const p = params[c]!;
      const h = 1e-5 * Math.max(1, Math.abs(x[p]!));
      const up = Float64Array.from(x);
      up[p] = x[p]! + h;
      const gu = yield* score(up, items, params, subsetItem);
      for (let r = 0; r < n; r++) H[r * n + c] = -(gu[r]! - g0[r]!) / h;
    }
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < r; c++) H[r * n + c] = H[c * n + r] = (H[r * n + c]! + H[c * n + r]!) / 2;
    }
    const v = inverseDiagonal(H, n);
    params.forEach((p, k) => {
      se[p] = Math.sqrt(v[k]!);
    });
    return n > 0 && !Number.isNaN(v[0]!);
  };
  const items = perItem.map((_, j) => j).filter((j) => perItem[j]!.length > 0);
  // The whole matrix when small enough (and not singular), else each item's block.
  if (slot.size <= fullLimit && (yield* hessianSe(all, items))) return se;
  for (const j of items) yield* hessianSe(perItem[j]!, [j], j);
  return se;
}

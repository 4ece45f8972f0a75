/**
 * Newton's method (iteratively reweighted least squares) for L2-regularised logistic regression on
 * sparse rows: each row adds nnz² Hessian terms and the Newton system is solved by Cholesky. It
 * converges in about five passes, where first-order methods need hundreds on counts and indicators
 * of very different scales.
 */
import type { LogisticFit, LogisticOptions, SparseDesign } from './logistic.ts';

/** Penalised negative log-likelihood at `w`. */
function penalisedLoss(d: SparseDesign, w: Float64Array, l2: Float64Array, offset?: Float64Array): number {
  let loss = 0;
  for (let r = 0; r < d.rows; r++) {
    let z = offset ? offset[r]! : 0;
    for (let k = d.ptr[r]!; k < d.ptr[r + 1]!; k++) z += d.val[k]! * w[d.idx[k]!]!;
    loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - d.y[r]! * z;
  }
  for (let j = 0; j < w.length; j++) loss += 0.5 * l2[j]! * w[j]! * w[j]!;
  return loss;
}

/**
 * Where the columns sit: `global` shared columns first, then equal blocks of `block` columns (one
 * per knowledge point); a row touches the global columns and at most one block. The Hessian is then
 * an "arrow" (dense global part, block-diagonal rest) and the Newton system is solved through the
 * Schur complement in O(K·B³ + G³) instead of O((G + K·B)³).
 */
export interface ArrowLayout {
  global: number;
  block: number;
}

/**
 * Fits by damped Newton steps. Stops after the step whose Newton decrement (predicted decrease of
 * the loss) is below `tolerance` (default 1e-5) per row, or after `maxIterations` (default 30). Every column gets a tiny ridge so that a block no row touches
 * keeps the system solvable (its weights stay 0).
 */
export function fitLogisticNewton(
  d: SparseDesign,
  options: LogisticOptions,
  layout: ArrowLayout = { global: d.cols, block: 0 },
): LogisticFit {
  const n = d.cols;
  const G = layout.global;
  const B = layout.block;
  const K = B > 0 ? (n - G) / B : 0;
  if (!Number.isInteger(K) || (B === 0 && G !== n))
    throw new Error(`logistic Newton: ${n} columns do not fit the layout`);
  const l2 = typeof options.l2 === 'number' ? new Float64Array(n).fill(options.l2) : options.l2;
  const maxIter = options.maxIterations ?? 30;
  const tol = (options.tolerance ?? 1e-5) * Math.max(1, d.rows);
  const w = options.init ? Float64Array.from(options.init) : new Float64Array(n);
  const hA = new Float64Array(G * G);
  const hB = new Float64Array(K * G * B); // block k: G×B, row-major
  const hD = new Float64Array(K * B * B);
  const g = new Float64Array(n);
  let f = penalisedLoss(d, w, l2, options.offset);
  let iterations = 0;
  let converged = false;
  const trial = new Float64Array(n);
  for (; iterations < maxIter; iterations++) {
    hA.fill(0);
    hB.fill(0);
    hD.fill(0);
    g.fill(0);
    for (let r = 0; r < d.rows; r++) {
      const a = d.ptr[r]!;
      const b = d.ptr[r + 1]!;
      let z = options.offset ? options.offset[r]! : 0;
      for (let k = a; k < b; k++) z += d.val[k]! * w[d.idx[k]!]!;
      const p = 1 / (1 + Math.exp(-z));
      const e = p - d.y[r]!;
      const v = p * (1 - p);
      // Entries are in column order: the global ones first, then those of the row's block.
      let mid = a;
      while (mid < b && d.idx[mid]! < G) mid++;
      const blk = mid < b ? Math.floor((d.idx[mid]! - G) / B) : 0;
      const first = G + blk * B;
      for (let k = a; k < b; k++) {
        g[d.idx[k]!]! += e * d.val[k]!;
        if (k >= mid && (d.idx[k]! < first || d.idx[k]! >= first + B)) {
          throw new Error('logistic Newton: a row touches two blocks or is out of column order');
        }
      }
      for (let k = a; k < mid; k++) {
        const i = d.idx[k]!;
        const vx = v * d.val[k]!;
        for (let m = a; m <= k; m++) hA[i * G + d.idx[m]!]! += vx * d.val[m]!;
        const rowB = blk * G * B + i * B - first;
        for (let m = mid; m < b; m++) hB[rowB + d.idx[m]!]! += vx * d.val[m]!;
      }
      for (let k = mid; k < b; k++) {
        const rowD = blk * B * B + (d.idx[k]! - first) * B - first;
        const vx = v * d.val[k]!;
        for (let m = mid; m <= k; m++) hD[rowD + d.idx[m]!]! += vx * d.val[m]!;
      }
    }
    // Only the lower triangles of A and of each D were accumulated: mirror them.
    for (let i = 0; i < G; i++) for (let j = 0; j < i; j++) hA[j * G + i] = hA[i * G + j]!;
    for (let k = 0; k < K; k++) {
      const o = k * B * B;
      for (let i = 0; i < B; i++) for (let j = 0; j < i; j++) hD[o + j * B + i] = hD[o + i * B + j]!;
    }
    for (let i = 0; i < n; i++) g[i]! += l2[i]! * w[i]!;
    for (let i = 0; i < G; i++) hA[i * G + i]! += l2[i]! + 1e-9;
    for (let k = 0; k < K; k++)
      for (let i = 0; i < B; i++) hD[k * B * B + i * B + i]! += l2[G + k * B + i]! + 1e-9;
    const step = solveArrow(hA, hB, hD, g, G, B, K);
    let decrement = 0;
    for (let i = 0; i < n; i++) decrement += g[i]! * step[i]!;
    // Newton converges quadratically: once the predicted decrease is below the tolerance, the step
    // lands within its square of the optimum — take it and stop instead of paying another pass.
    const last = decrement / 2 < tol;
    let t = 1;
    let fNew = f;
    for (let ls = 0; ls < 30; ls++) {
      for (let i = 0; i < n; i++) trial[i] = w[i]! - t * step[i]!;
      fNew = penalisedLoss(d, trial, l2, options.offset);
      if (fNew <= f - 0.25 * t * decrement) break;
      t *= 0.5;
    }
    if (!(fNew < f)) {
      converged = true;
      break;
    }
    w.set(trial);
    f = fNew;
    if (last) {
      converged = true;
      iterations++;
      break;
    }
  }
  return { weights: w, loss: f, iterations, converged };
}

/** Solves [A Bᵀ-blocks; blocks D] x = g by the Schur complement of the block-diagonal part. */
function solveArrow(
  hA: Float64Array,
  hB: Float64Array,
  hD: Float64Array,
  g: Float64Array,
  G: number,
  B: number,
  K: number,
): Float64Array {
  const schur = Float64Array.from(hA);
  const rhs = g.slice(0, G);
  const chol: Float64Array[] = [];
  // Per block: Dk⁻¹ [Bkᵀ | gk] (B × (G+1)), then A − Bk Dk⁻¹ Bkᵀ and g1 − Bk Dk⁻¹ gk.
  const solved: Float64Array[] = [];
  for (let k = 0; k < K; k++) {
    const dk = hD.slice(k * B * B, (k + 1) * B * B);
    const cols = new Float64Array(B * (G + 1)); // column c of Bkᵀ|gk stored at [c * B .. c * B + B)
    for (let c = 0; c < G; c++) for (let i = 0; i < B; i++) cols[c * B + i] = hB[k * G * B + c * B + i]!;
    for (let i = 0; i < B; i++) cols[G * B + i] = g[G + k * B + i]!;
    if (!choleskyFactor(dk, B)) throw new Error('logistic Newton: block Hessian not positive definite');
    for (let c = 0; c <= G; c++) choleskyBackSolve(dk, cols, c * B, B);
    for (let r = 0; r < G; r++) {
      for (let c = 0; c <= G; c++) {
        let s = 0;
        for (let i = 0; i < B; i++) s += hB[k * G * B + r * B + i]! * cols[c * B + i]!;
        if (c < G) schur[r * G + c]! -= s;
        else rhs[r]! -= s;
      }
    }
    chol.push(dk);
    solved.push(cols);
  }
  const x = new Float64Array(G + K * B);
  if (!choleskyFactor(schur, G)) throw new Error('logistic Newton: Hessian not positive definite');
  choleskyBackSolve(schur, rhs, 0, G);
  x.set(rhs, 0);
  // yk = Dk⁻¹ gk − Dk⁻¹ Bkᵀ x
  for (let k = 0; k < K; k++) {
    const cols = solved[k]!;
    for (let i = 0; i < B; i++) {
      let s = cols[G * B + i]!;
      for (let c = 0; c < G; c++) s -= cols[c * B + i]! * rhs[c]!;
      x[G + k * B + i] = s;
    }
  }
  return x;
}

/** In-place lower Cholesky factor of a row-major n×n SPD matrix; false if not SPD. */
function choleskyFactor(a: Float64Array, n: number): boolean {
  for (let j = 0; j < n; j++) {
    let s = a[j * n + j]!;
    for (let k = 0; k < j; k++) s -= a[j * n + k]! * a[j * n + k]!;
    if (!(s > 0)) return false;
    const ljj = Math.sqrt(s);
    a[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let t = a[i * n + j]!;
      for (let k = 0; k < j; k++) t -= a[i * n + k]! * a[j * n + k]!;
      a[i * n + j] = t / ljj;
    }
  }
  return true;
}

/** Solves L Lᵀ x = b for b = v[at .. at + n), in place, with L from `choleskyFactor`. */
function choleskyBackSolve(l: Float64Array, v: Float64Array, at: number, n: number): void {
  for (let i = 0; i < n; i++) {
    let t = v[at + i]!;
    for (let k = 0; k < i; k++) t -= l[i * n + k]! * v[at + k]!;
    v[at + i] = t / l[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let t = v[at + i]!;
    for (let k = i + 1; k < n; k++) t -= l[k * n + i]! * v[at + k]!;
    v[at + i] = t / l[i * n + i]!;
  }
}

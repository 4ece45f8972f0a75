/**
 * Newton's method (iteratively reweighted least squares) for L2-regularised logistic regression on
 * sparse rows with a dense Hessian: each row adds nnz² terms, the Newton system is solved by
 * Cholesky. For designs of up to a couple of thousand columns (global features plus a small block
 * per knowledge point) this converges in about ten passes, far fewer than first-order methods need
 * on counts and indicators of very different scales.
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

/** Solves A x = b in place for a symmetric positive definite A (row-major n×n); false if not SPD. */
export function choleskySolve(a: Float64Array, b: Float64Array, n: number): boolean {
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
  for (let i = 0; i < n; i++) {
    let t = b[i]!;
    for (let k = 0; k < i; k++) t -= a[i * n + k]! * b[k]!;
    b[i] = t / a[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let t = b[i]!;
    for (let k = i + 1; k < n; k++) t -= a[k * n + i]! * b[k]!;
    b[i] = t / a[i * n + i]!;
  }
  return true;
}

/**
 * Fits by damped Newton steps. Stops when the Newton decrement is below `tolerance` per row or
 * after `maxIterations` (default 30). A column that no row touches and has no penalty gets a tiny
 * ridge so the system stays solvable (its weight stays 0).
 */
export function fitLogisticNewton(d: SparseDesign, options: LogisticOptions): LogisticFit {
  const n = d.cols;
  const l2 = typeof options.l2 === 'number' ? new Float64Array(n).fill(options.l2) : options.l2;
  const maxIter = options.maxIterations ?? 30;
  const tol = (options.tolerance ?? 1e-9) * Math.max(1, d.rows);
  const w = options.init ? Float64Array.from(options.init) : new Float64Array(n);
  const h = new Float64Array(n * n);
  const g = new Float64Array(n);
  let f = penalisedLoss(d, w, l2, options.offset);
  let iterations = 0;
  let converged = false;
  const trial = new Float64Array(n);
  for (; iterations < maxIter; iterations++) {
    h.fill(0);
    g.fill(0);
    for (let r = 0; r < d.rows; r++) {
      const a = d.ptr[r]!;
      const b = d.ptr[r + 1]!;
      let z = options.offset ? options.offset[r]! : 0;
      for (let k = a; k < b; k++) z += d.val[k]! * w[d.idx[k]!]!;
      const p = 1 / (1 + Math.exp(-z));
      const e = p - d.y[r]!;
      const v = p * (1 - p);
      for (let k = a; k < b; k++) {
        const i = d.idx[k]!;
        const xi = d.val[k]!;
        g[i]! += e * xi;
        const row = i * n;
        const vx = v * xi;
        for (let m = a; m <= k; m++) h[row + d.idx[m]!]! += vx * d.val[m]!;
      }
    }
    for (let i = 0; i < n; i++) {
      g[i]! += l2[i]! * w[i]!;
      h[i * n + i]! += l2[i]! + 1e-9;
      // Only one triangle was accumulated (in row order of the entries): fold it into the lower one.
      for (let j = i + 1; j < n; j++) {
        h[j * n + i]! += h[i * n + j]!;
        h[i * n + j] = 0;
      }
    }
    const step = Float64Array.from(g);
    if (!choleskySolve(h, step, n)) throw new Error('logistic Newton: Hessian not positive definite');
    let decrement = 0;
    for (let i = 0; i < n; i++) decrement += g[i]! * step[i]!;
    if (decrement / 2 < tol) {
      converged = true;
      break;
    }
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
  }
  return { weights: w, loss: f, iterations, converged };
}

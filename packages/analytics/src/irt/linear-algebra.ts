/** Small dense linear algebra for the M-step and the information matrix (row-major Float64Arrays). */

/** Solves M·x = b (n × n) by Gaussian elimination with partial pivoting; null when singular. */
export function solve(M: Float64Array, b: Float64Array, n: number): Float64Array | null {
  const A = Float64Array.from(M);
  const x = Float64Array.from(b);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(A[r * n + c]!) > Math.abs(A[piv * n + c]!)) piv = r;
    const p = A[piv * n + c]!;
    if (!(Math.abs(p) > 1e-300)) return null;
    if (piv !== c) {
      for (let k = 0; k < n; k++) {
        const t = A[c * n + k]!;
        A[c * n + k] = A[piv * n + k]!;
        A[piv * n + k] = t;
      }
      const t = x[c]!;
      x[c] = x[piv]!;
      x[piv] = t;
    }
    for (let r = c + 1; r < n; r++) {
      const f = A[r * n + c]! / p;
      if (f === 0) continue;
      for (let k = c; k < n; k++) A[r * n + k] = A[r * n + k]! - f * A[c * n + k]!;
      x[r] = x[r]! - f * x[c]!;
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    let s = x[r]!;
    for (let k = r + 1; k < n; k++) s -= A[r * n + k]! * x[k]!;
    x[r] = s / A[r * n + r]!;
  }
  return x;
}

/** Diagonal of the inverse of a symmetric positive-definite matrix (Cholesky); NaNs when it is not. */
export function inverseDiagonal(M: Float64Array, n: number): Float64Array {
  const L = new Float64Array(n * n);
  const out = new Float64Array(n).fill(Number.NaN);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = M[i * n + j]!;
      for (let k = 0; k < j; k++) s -= L[i * n + k]! * L[j * n + k]!;
      if (i === j) {
        if (!(s > 0)) return out;
        L[i * n + i] = Math.sqrt(s);
      } else L[i * n + j] = s / L[j * n + j]!;
    }
  }
  // (M⁻¹)ᵢᵢ = Σ_k (L⁻¹)ₖᵢ²: solve L·y = eᵢ column by column.
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y.fill(0);
    let sum = 0;
    for (let r = i; r < n; r++) {
      let s = r === i ? 1 : 0;
      for (let k = i; k < r; k++) s -= L[r * n + k]! * y[k]!;
      y[r] = s / L[r * n + r]!;
      sum += y[r]! * y[r]!;
    }
    out[i] = sum;
  }
  return out;
}

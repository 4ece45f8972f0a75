/**
 * Exact numbers for answer comparison: a reduced fraction of safe integers when the value has one
 * (0.5 = 1/2 = 二分之一 exactly, so 1/3 and 0.333 differ), else an inexact float. Comparing answers
 * needs nothing beyond + − × ÷ and equality, so a dependency would be more than the job.
 */

/** A number as parsed from an answer: `exact` means `n / d` is its value (`d > 0`, reduced). */
export interface Num {
  n: number;
  d: number;
  exact: boolean;
  /** The value as a float (always set; the one used when `exact` is false). */
  v: number;
}

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** The float `v` as an inexact number (null when it is not finite). */
export function inexact(v: number): Num | null {
  return Number.isFinite(v) ? { n: 0, d: 1, exact: false, v } : null;
}

/** `n / d` reduced; inexact when either is not a safe integer; null for a zero denominator. */
export function ratio(n: number, d: number): Num | null {
  if (d === 0 || !Number.isFinite(n) || !Number.isFinite(d)) return null;
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d)) return inexact(n / d);
  if (d < 0) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d) || 1;
  // -0 would make 0 and -0 print differently; a zero is a zero.
  const rn = n / g || 0;
  return { n: rn, d: d / g, exact: true, v: rn / (d / g) };
}

export function integer(n: number): Num | null {
  return ratio(n, 1);
}

/** Exact where the products stay safe integers, else inexact. */
export function mul(a: Num, b: Num): Num | null {
  if (a.exact && b.exact) {
    const g1 = gcd(a.n, b.d) || 1;
    const g2 = gcd(b.n, a.d) || 1;
    const n = (a.n / g1) * (b.n / g2);
    const d = (a.d / g2) * (b.d / g1);
    if (Number.isSafeInteger(n) && Number.isSafeInteger(d)) return ratio(n, d);
  }
  return inexact(a.v * b.v);
}

export function div(a: Num, b: Num): Num | null {
  if (b.v === 0) return null;
  const inverse = b.exact ? ratio(b.d, b.n) : inexact(1 / b.v);
  return inverse && mul(a, inverse);
}

export function add(a: Num, b: Num): Num | null {
  if (a.exact && b.exact) {
    const g = gcd(a.d, b.d) || 1;
    const n = a.n * (b.d / g) + b.n * (a.d / g);
    const d = (a.d / g) * b.d;
    if (Number.isSafeInteger(n) && Number.isSafeInteger(d)) return ratio(n, d);
  }
  return inexact(a.v + b.v);
}

export function negate(a: Num): Num {
  return a.exact ? { n: -a.n || 0, d: a.d, exact: true, v: -a.v || 0 } : { ...a, v: -a.v || 0 };
}

/**
 * Equal as numbers: exactly when both are exact, else within a relative 1e-12 (the rounding of a
 * float parse, far below any tolerance a teacher would set), then within `tolerance` if given.
 */
export function numbersEqual(a: Num, b: Num, tolerance = 0): boolean {
  if (tolerance > 0) {
    const slack = tolerance + Math.max(Math.abs(a.v), Math.abs(b.v)) * 1e-12;
    return Math.abs(a.v - b.v) <= slack;
  }
  if (a.exact && b.exact) return a.n === b.n && a.d === b.d;
  return Math.abs(a.v - b.v) <= Math.max(Math.abs(a.v), Math.abs(b.v)) * 1e-12;
}

/** 10^k as a number, exact for the exponents a safe integer can hold. */
export function powerOfTen(k: number): Num | null {
  if (k >= 0 && k <= 15) return ratio(10 ** k, 1);
  if (k < 0 && k >= -15) return ratio(1, 10 ** -k);
  return inexact(10 ** k);
}

/**
 * The persons × items score matrix every item statistic reads. Scores are partial credit between 0
 * and the item's maximum. An item a person left blank scores 0 — on a school paper an omission earns
 * no marks, and reliability needs complete rows; persons who did not sit the paper are not rows at
 * all (the caller leaves them out). NaN or out-of-range scores are rejected, not guessed at.
 */

export interface ScoreMatrix {
  readonly persons: number;
  readonly items: number;
  /** Row-major: the score of person p on item i is `scores[p * items + i]`. */
  readonly scores: Float64Array;
  /** The full mark of each item (> 0). */
  readonly maxScores: Float64Array;
}

/** Builds a matrix from rows (one per person), checking every score against its item's maximum. */
export function scoreMatrix(rows: readonly ArrayLike<number>[], maxScores: ArrayLike<number>): ScoreMatrix {
  const items = maxScores.length;
  const scores = new Float64Array(rows.length * items);
  rows.forEach((row, p) => {
    if (row.length !== items) throw new RangeError(`person ${p} has ${row.length} scores, expected ${items}`);
    for (let i = 0; i < items; i++) scores[p * items + i] = row[i]!;
  });
  return checkScoreMatrix({ persons: rows.length, items, scores, maxScores: Float64Array.from(maxScores) });
}

/** Throws on a malformed matrix; returns it unchanged otherwise. */
export function checkScoreMatrix(m: ScoreMatrix): ScoreMatrix {
  if (m.scores.length !== m.persons * m.items) throw new RangeError('scores length is not persons × items');
  if (m.maxScores.length !== m.items) throw new RangeError('one max score per item is needed');
  for (let i = 0; i < m.items; i++) {
    const max = m.maxScores[i]!;
    if (!(max > 0) || !Number.isFinite(max)) throw new RangeError(`item ${i} has max score ${max}`);
  }
  for (let k = 0; k < m.scores.length; k++) {
    const s = m.scores[k]!;
    const max = m.maxScores[k % m.items]!;
    if (!(s >= 0 && s <= max))
      throw new RangeError(`score ${s} of person ${Math.floor(k / m.items)} item ${k % m.items}`);
  }
  return m;
}

/** Each person's total score. */
export function totalScores(m: ScoreMatrix): Float64Array {
  const totals = new Float64Array(m.persons);
  for (let p = 0; p < m.persons; p++) {
    let t = 0;
    for (let i = 0; i < m.items; i++) t += m.scores[p * m.items + i]!;
    totals[p] = t;
  }
  return totals;
}

/** One item's column. */
export function itemColumn(m: ScoreMatrix, item: number): Float64Array {
  const col = new Float64Array(m.persons);
  for (let p = 0; p < m.persons; p++) col[p] = m.scores[p * m.items + item]!;
  return col;
}

/** Sample variance (n − 1), as psych and every textbook formula for α use; NaN below two values. */
export function variance(x: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2) return Number.NaN;
  let mean = 0;
  for (let k = 0; k < n; k++) mean += x[k]!;
  mean /= n;
  let ss = 0;
  for (let k = 0; k < n; k++) ss += (x[k]! - mean) ** 2;
  return ss / (n - 1);
}

/** Pearson correlation; NaN when either side has no variance (e.g. everyone got the item right). */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2 || y.length !== n) return Number.NaN;
  let mx = 0;
  let my = 0;
  for (let k = 0; k < n; k++) {
    mx += x[k]!;
    my += y[k]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let k = 0; k < n; k++) {
    const dx = x[k]! - mx;
    const dy = y[k]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  // Relative cut-off: a column that is constant up to rounding has no correlation to speak of.
  if (sxx <= 1e-24 * n || syy <= 1e-24 * n) return Number.NaN;
  return sxy / Math.sqrt(sxx * syy);
}

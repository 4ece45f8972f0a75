/**
 * Item responses as the calibration reads them: one signed byte per person × item, row-major, with
 * −1 for "not answered". A missing response drops out of the likelihood, so a sparse design (each
 * student answers a few items of a large bank) needs no imputation, only more bytes of −1.
 */

export interface Responses {
  persons: number;
  items: number;
  /** persons × items, row-major: the score 0..maxScore[item], or −1 when not answered. */
  scores: Int8Array;
  /** Per item: 1 = dichotomous (0/1), k > 1 = graded 0..k (partial credit). */
  maxScore: Uint8Array;
}

/** Builds `Responses` from rows of scores (`null`, `undefined`, NaN or a negative number = not answered). */
export function responsesFromRows(
  rows: readonly (readonly (number | null | undefined)[])[],
  maxScore?: ArrayLike<number>,
): Responses {
  const persons = rows.length;
  const items = rows[0]?.length ?? maxScore?.length ?? 0;
  const scores = new Int8Array(persons * items);
  const max = new Uint8Array(items);
  for (let i = 0; i < persons; i++) {
    const row = rows[i]!;
    if (row.length !== items) throw new Error(`row ${i} has ${row.length} scores, expected ${items}`);
    for (let j = 0; j < items; j++) {
      const v = row[j];
      const x = v === null || v === undefined || Number.isNaN(v) || v < 0 ? -1 : v;
      scores[i * items + j] = x;
      if (x > max[j]!) max[j] = x;
    }
  }
  if (maxScore) for (let j = 0; j < items; j++) max[j] = maxScore[j]!;
  return checkResponses({ persons, items, scores, maxScore: max });
}

/** Throws on scores outside 0..maxScore (other than −1) or sizes that do not agree; returns `r`. */
export function checkResponses(r: Responses): Responses {
  if (r.scores.length !== r.persons * r.items) {
    throw new Error(`scores has ${r.scores.length} entries, expected ${r.persons} × ${r.items}`);
  }
  if (r.maxScore.length !== r.items) throw new Error(`maxScore has ${r.maxScore.length} entries`);
  for (let j = 0; j < r.items; j++) {
    if (r.maxScore[j]! < 1) throw new Error(`item ${j}: maxScore must be at least 1`);
  }
  for (let k = 0; k < r.scores.length; k++) {
    const x = r.scores[k]!;
    if (x < -1 || x > r.maxScore[k % r.items]!) {
      throw new Error(`person ${Math.floor(k / r.items)}, item ${k % r.items}: score ${x} out of range`);
    }
  }
  return r;
}

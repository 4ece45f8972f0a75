/**
 * Difficulty and discrimination of each item: P (mean score ÷ full mark), the corrected item–rest
 * point-biserial (Pearson r of the item with the total of the other items, psych's `r.drop`; for
 * partial-credit items it is the item–rest Pearson r), and the upper–lower index D on the classic
 * 27 % groups (Kelley 1939).
 */
import { itemColumn, pearson, type ScoreMatrix, totalScores } from './score-matrix.ts';

/** Ability group of a person by total score. */
export const UPPER = 1;
export const MIDDLE = 0;
export const LOWER = -1;

export interface AbilityGroups {
  /** UPPER, MIDDLE or LOWER per person. */
  group: Int8Array;
  /** Persons in each of the upper and lower groups (equal sizes). */
  size: number;
}

/**
 * The top and bottom 27 % of persons by total score (at least one each when there are two or more
 * persons). Persons tied on a total at a group's edge are taken in their row order, so the same
 * data always gives the same groups.
 */
export function abilityGroups(totals: ArrayLike<number>, share = 0.27): AbilityGroups {
  const n = totals.length;
  const group = new Int8Array(n);
  if (n < 2) return { group, size: 0 };
  const size = Math.min(Math.floor(n / 2), Math.max(1, Math.round(share * n)));
  const order = Array.from({ length: n }, (_, p) => p).sort((a, b) => totals[b]! - totals[a]! || a - b);
  for (let k = 0; k < size; k++) {
    group[order[k]!] = UPPER;
    group[order[n - 1 - k]!] = LOWER;
  }
  return { group, size };
}

export interface ItemDiscrimination {
  /** Difficulty index P: mean score ÷ full mark (0 = nobody scored, 1 = everyone full marks). */
  p: Float64Array;
  /** Mean score of each item in points. */
  mean: Float64Array;
  /** Corrected item–rest correlation (NaN when the item or the rest has no variance). */
  rpb: Float64Array;
  /** (mean of the upper group − mean of the lower group) ÷ full mark; NaN without groups. */
  d: Float64Array;
  /** Share of full marks in the upper and lower groups, per item. */
  upperP: Float64Array;
  lowerP: Float64Array;
}

export function discrimination(
  m: ScoreMatrix,
  groups: AbilityGroups = abilityGroups(totalScores(m)),
): ItemDiscrimination {
  const totals = totalScores(m);
  const out: ItemDiscrimination = {
    p: new Float64Array(m.items),
    mean: new Float64Array(m.items),
    rpb: new Float64Array(m.items),
    d: new Float64Array(m.items),
    upperP: new Float64Array(m.items),
    lowerP: new Float64Array(m.items),
  };
  const rest = new Float64Array(m.persons);
  for (let i = 0; i < m.items; i++) {
    const col = itemColumn(m, i);
    const max = m.maxScores[i]!;
    let sum = 0;
    let up = 0;
    let low = 0;
    for (let p = 0; p < m.persons; p++) {
      sum += col[p]!;
      rest[p] = totals[p]! - col[p]!;
      if (groups.group[p] === UPPER) up += col[p]!;
      else if (groups.group[p] === LOWER) low += col[p]!;
    }
    out.mean[i] = m.persons > 0 ? sum / m.persons : Number.NaN;
    out.p[i] = out.mean[i]! / max;
    out.rpb[i] = pearson(col, rest);
    out.upperP[i] = groups.size > 0 ? up / groups.size / max : Number.NaN;
    out.lowerP[i] = groups.size > 0 ? low / groups.size / max : Number.NaN;
    out.d[i] = out.upperP[i]! - out.lowerP[i]!;
  }
  return out;
}

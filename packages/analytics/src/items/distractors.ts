/**
 * Distractor analysis of choice items: who chose each option, by ability group, and how choosing it
 * goes with the rest of the paper. A working distractor draws the lower group more than the upper
 * one and correlates negatively with the rest score; a key should do the opposite.
 */
import { type AbilityGroups, LOWER, MIDDLE, UPPER } from './discrimination.ts';
import { pearson, type ScoreMatrix, totalScores } from './score-matrix.ts';

/** The options each person chose on one choice item. */
export interface ChoiceResponses {
  /** Column of the item in the score matrix. */
  item: number;
  /** Option labels in paper order, e.g. A–D (at most 31). */
  options: readonly string[];
  /** The correct option(s). */
  key: readonly string[];
  /** Per person, a bit mask over `options` (bit k = options[k] chosen); 0 = left blank. */
  chosen: Int32Array;
}

/** Shares are of the persons in the group (0–1); NaN for an empty group. */
export interface OptionRow {
  /** An option label, or null for the row of blanks. */
  option: string | null;
  isKey: boolean;
  count: number;
  share: number;
  upper: number;
  middle: number;
  lower: number;
  /** Point-biserial of choosing this option with the rest score (total without this item). */
  rpb: number;
}

export interface DistractorTable {
  item: number;
  /** One row per option, then a row for blanks (option null). */
  rows: OptionRow[];
}

/** The bit mask of the chosen labels (labels not among the options are ignored). */
export function choiceMask(options: readonly string[], chosen: readonly string[] | null | undefined): number {
  let mask = 0;
  for (const c of chosen ?? []) {
    const k = options.indexOf(c);
    if (k >= 0 && k < 31) mask |= 1 << k;
  }
  return mask;
}

/** `totals` may be passed when the caller has them (one pass over the matrix instead of one per item). */
export function distractorTable(
  m: ScoreMatrix,
  c: ChoiceResponses,
  groups: AbilityGroups,
  totals: Float64Array = totalScores(m),
): DistractorTable {
  if (c.chosen.length !== m.persons) throw new RangeError('one choice mask per person is needed');
  if (c.options.length > 31) throw new RangeError('at most 31 options');
  const rest = new Float64Array(m.persons);
  for (let p = 0; p < m.persons; p++) rest[p] = totals[p]! - m.scores[p * m.items + c.item]!;
  const groupSize = { [UPPER]: groups.size, [LOWER]: groups.size, [MIDDLE]: m.persons - 2 * groups.size };

  const row = (option: string | null, picks: (mask: number) => boolean): OptionRow => {
    const chose = new Float64Array(m.persons);
    const counts = { [UPPER]: 0, [MIDDLE]: 0, [LOWER]: 0 };
    let count = 0;
    for (let p = 0; p < m.persons; p++) {
      if (!picks(c.chosen[p]!)) continue;
      chose[p] = 1;
      count++;
      counts[groups.group[p] as -1 | 0 | 1]++;
    }
    const share = (g: -1 | 0 | 1) => (groupSize[g] > 0 ? counts[g] / groupSize[g] : Number.NaN);
    return {
      option,
      isKey: option !== null && c.key.includes(option),
      count,
      share: m.persons > 0 ? count / m.persons : Number.NaN,
      upper: share(UPPER),
      middle: share(MIDDLE),
      lower: share(LOWER),
      rpb: pearson(chose, rest),
    };
  };

  const rows = c.options.map((o, k) => row(o, (mask) => (mask & (1 << k)) !== 0));
  rows.push(row(null, (mask) => mask === 0));
  return { item: c.item, rows };
}

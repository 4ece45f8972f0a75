/**
 * Flags on items that misbehave, each with a stable code the server and the page translate. The
 * thresholds are the usual classroom-test bands (Ebel & Frisbie: discrimination below 0.2 is poor;
 * P above 0.9 or below 0.2 tells little about most students).
 */
import type { DistractorTable } from './distractors.ts';

export const ITEM_FLAG_CODES = [
  'negative-discrimination',
  'low-discrimination',
  'distractor-attracts-upper',
  'distractor-beats-key',
  'raises-alpha-if-deleted',
  'very-easy',
  'very-hard',
] as const;
export type ItemFlagCode = (typeof ITEM_FLAG_CODES)[number];

/** `serious`: the item likely measures the wrong thing or has a wrong key; `warning`: look at it; `info`: by design perhaps. */
export type FlagSeverity = 'serious' | 'warning' | 'info';

export const FLAG_SEVERITY: Record<ItemFlagCode, FlagSeverity> = {
  'negative-discrimination': 'serious',
  'distractor-attracts-upper': 'serious',
  'distractor-beats-key': 'serious',
  'low-discrimination': 'warning',
  'raises-alpha-if-deleted': 'warning',
  'very-easy': 'info',
  'very-hard': 'info',
};

export const FLAG_THRESHOLDS = {
  /** Item–rest r below this (and not negative) is low discrimination. */
  lowDiscrimination: 0.2,
  veryEasy: 0.9,
  veryHard: 0.2,
  /**
   * A distractor attracts the upper group when a larger share of the upper group than of the lower
   * group chose it and at least this many upper-group persons did (one strong student's slip is
   * not a pattern).
   */
  minUpperChoosers: 2,
} as const;

export interface ItemFlag {
  code: ItemFlagCode;
  severity: FlagSeverity;
  /** The option concerned, for the distractor flags. */
  option?: string;
}

export interface ItemFlagInput {
  p: number;
  rpb: number;
  d: number;
  alpha: number;
  alphaIfDeleted: number;
  /** Persons in each of the upper and lower groups. */
  groupSize: number;
  distractors?: DistractorTable;
}

const flag = (code: ItemFlagCode, option?: string): ItemFlag =>
  option === undefined
    ? { code, severity: FLAG_SEVERITY[code] }
    : { code, severity: FLAG_SEVERITY[code], option };

/** The flags of one item, most serious first. */
export function itemFlags(x: ItemFlagInput): ItemFlag[] {
  const out: ItemFlag[] = [];
  // r is the steadier index; D decides only when r is undefined (no variance in the rest score).
  const disc = Number.isNaN(x.rpb) ? x.d : x.rpb;
  if (disc < 0) out.push(flag('negative-discrimination'));
  else if (disc < FLAG_THRESHOLDS.lowDiscrimination) out.push(flag('low-discrimination'));

  if (x.distractors) {
    const rows = x.distractors.rows.filter((r) => r.option !== null);
    const keys = rows.filter((r) => r.isKey);
    const weakestKey = keys.length > 0 ? Math.min(...keys.map((r) => r.share)) : Number.NaN;
    for (const r of rows) {
      if (r.isKey) continue;
      const upperChoosers = Math.round(r.upper * x.groupSize);
      if (r.upper > r.lower && upperChoosers >= FLAG_THRESHOLDS.minUpperChoosers) {
        out.push(flag('distractor-attracts-upper', r.option!));
      }
      if (r.share > weakestKey) out.push(flag('distractor-beats-key', r.option!));
    }
  }
  if (x.alphaIfDeleted > x.alpha) out.push(flag('raises-alpha-if-deleted'));
  if (x.p > FLAG_THRESHOLDS.veryEasy) out.push(flag('very-easy'));
  else if (x.p < FLAG_THRESHOLDS.veryHard) out.push(flag('very-hard'));
  const rank: Record<FlagSeverity, number> = { serious: 0, warning: 1, info: 2 };
  return out.sort((a, b) => rank[a.severity] - rank[b.severity]);
}

/**
 * The whole item analysis of one paper in one call: per item difficulty, discrimination,
 * distractors and flags; per paper reliability and the distribution of total scores.
 */
import { abilityGroups, discrimination } from './discrimination.ts';
import { type ChoiceResponses, type DistractorTable, distractorTable } from './distractors.ts';
import { type ItemFlag, itemFlags } from './flags.ts';
import { type Reliability, reliability } from './reliability.ts';
import { checkScoreMatrix, type ScoreMatrix, totalScores, variance } from './score-matrix.ts';

export interface ItemStats {
  item: number;
  maxScore: number;
  mean: number;
  p: number;
  rpb: number;
  d: number;
  upperP: number;
  lowerP: number;
  alphaIfDeleted: number;
  distractors: DistractorTable | null;
  flags: ItemFlag[];
}

export interface ScoreBin {
  /** Inclusive lower edge; the last bin also includes its upper edge. */
  from: number;
  to: number;
  count: number;
}

export interface ScoreSummary {
  persons: number;
  maxTotal: number;
  mean: number;
  sd: number;
  min: number;
  median: number;
  max: number;
  bins: ScoreBin[];
}

export interface ItemAnalysis {
  items: ItemStats[];
  reliability: Reliability;
  scores: ScoreSummary;
  /** Persons in each of the upper and lower 27 % groups. */
  groupSize: number;
}

/** Totals in `bins` equal bins from 0 to the full mark of the paper. */
export function scoreSummary(totals: Float64Array, maxTotal: number, bins = 10): ScoreSummary {
  const n = totals.length;
  const sorted = Float64Array.from(totals).sort();
  const mean = n > 0 ? sorted.reduce((a, b) => a + b, 0) / n : Number.NaN;
  const median =
    n === 0 ? Number.NaN : n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  const width = maxTotal / bins;
  const out: ScoreBin[] = Array.from({ length: bins }, (_, b) => ({
    from: b * width,
    to: (b + 1) * width,
    count: 0,
  }));
  for (const t of sorted) out[Math.min(bins - 1, Math.floor(t / width))]!.count++;
  return {
    persons: n,
    maxTotal,
    mean,
    sd: Math.sqrt(variance(totals)),
    min: n > 0 ? sorted[0]! : Number.NaN,
    median,
    max: n > 0 ? sorted[n - 1]! : Number.NaN,
    bins: out,
  };
}

export function analyseItems(m: ScoreMatrix, choices: readonly ChoiceResponses[] = []): ItemAnalysis {
  checkScoreMatrix(m);
  const totals = totalScores(m);
  const groups = abilityGroups(totals);
  const disc = discrimination(m, groups);
  const rel = reliability(m);
  const byItem = new Map(choices.map((c) => [c.item, c]));
  const items: ItemStats[] = [];
  for (let i = 0; i < m.items; i++) {
    const c = byItem.get(i);
    const distractors = c ? distractorTable(m, c, groups, totals) : null;
    items.push({
      item: i,
      maxScore: m.maxScores[i]!,
      mean: disc.mean[i]!,
      p: disc.p[i]!,
      rpb: disc.rpb[i]!,
      d: disc.d[i]!,
      upperP: disc.upperP[i]!,
      lowerP: disc.lowerP[i]!,
      alphaIfDeleted: rel.alphaIfDeleted[i]!,
      distractors,
      flags: itemFlags({
        p: disc.p[i]!,
        rpb: disc.rpb[i]!,
        d: disc.d[i]!,
        alpha: rel.alpha,
        alphaIfDeleted: rel.alphaIfDeleted[i]!,
        groupSize: groups.size,
        ...(distractors ? { distractors } : {}),
      }),
    });
  }
  const maxTotal = m.maxScores.reduce((a, b) => a + b, 0);
  return { items, reliability: rel, scores: scoreSummary(totals, maxTotal), groupSize: groups.size };
}

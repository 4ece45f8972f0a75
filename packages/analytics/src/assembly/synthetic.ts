/**
 * Seeded synthetic item pools for tests and benchmarks: believable proportions of item types,
 * difficulties, answering times and cognitive levels over given knowledge points, with 2PL
 * parameters for most items and a recent-use count.
 */
import type { CognitiveLevel, ItemType, PoolItem } from './blueprint.ts';

/** mulberry32: the same pool on every run and machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticOptions {
  items: number;
  knowledgePoints: readonly string[];
  seed?: number;
  /** Share of items with calibrated a and b; default 0.7. */
  calibrated?: number;
  /** Item types to draw from, with weights; default the five usual ones of a maths paper. */
  types?: readonly [ItemType, number][];
  idPrefix?: string;
}

const DEFAULT_TYPES: [ItemType, number][] = [
  ['single_choice', 0.35],
  ['multiple_choice', 0.1],
  ['true_false', 0.1],
  ['fill_in', 0.25],
  ['short_answer', 0.2],
];
const SCORE: Partial<Record<ItemType, number>> = {
  single_choice: 3,
  multiple_choice: 4,
  true_false: 2,
  fill_in: 4,
  short_answer: 10,
  essay: 15,
  composite: 12,
};
const SECONDS: Partial<Record<ItemType, number>> = {
  single_choice: 60,
  multiple_choice: 90,
  true_false: 30,
  fill_in: 90,
  short_answer: 360,
  essay: 900,
  composite: 600,
};
const LEVELS: [CognitiveLevel, number][] = [
  ['remember', 0.25],
  ['understand', 0.35],
  ['apply', 0.28],
  ['analyse', 0.12],
];

function pick<T>(r: number, weighted: readonly (readonly [T, number])[]): T {
  let acc = 0;
  for (const [v, w] of weighted) {
    acc += w;
    if (r < acc) return v;
  }
  return weighted[weighted.length - 1]![0];
}

export function syntheticPool(options: SyntheticOptions): PoolItem[] {
  const random = seededRandom(options.seed ?? 1);
  const kps = options.knowledgePoints;
  const types = options.types ?? DEFAULT_TYPES;
  const calibrated = options.calibrated ?? 0.7;
  const prefix = options.idPrefix ?? 'q';
  const items: PoolItem[] = [];
  for (let k = 0; k < options.items; k++) {
    const type = pick(random(), types);
    const level = pick(random(), LEVELS);
    // Harder items at higher levels: P centred from 0.8 (识记) down to 0.5 (分析综合).
    const centre = { remember: 0.8, understand: 0.7, apply: 0.6, analyse: 0.5 }[level];
    const difficulty = round(
      Math.min(0.95, Math.max(0.1, centre + (random() + random() + random() - 1.5) * 0.3)),
      2,
    );
    const kp = kps[Math.floor(random() * kps.length)]!;
    const second = random() < 0.15 ? kps[Math.floor(random() * kps.length)]! : kp;
    const item: PoolItem = {
      id: `${prefix}${String(k).padStart(6, '0')}`,
      type,
      score: SCORE[type] ?? 5,
      difficulty,
      seconds: Math.round((SECONDS[type] ?? 120) * (0.6 + 0.8 * random())),
      knowledgePointIds: second === kp ? [kp] : [kp, second],
      cognitiveLevel: level,
      exposure: Math.floor(-Math.log(1 - random()) * 1.5),
    };
    if (random() < calibrated) {
      const a = round(Math.exp((random() + random() - 1) * 0.6) * 1.1, 3);
      // b consistent with the expected P of an average student (θ = 0), with noise.
      item.a = a;
      item.b = round(Math.log((1 - difficulty) / difficulty) / a + (random() - 0.5) * 0.6, 3);
    }
    items.push(item);
  }
  return items;
}

const round = (v: number, digits: number) => Number(v.toFixed(digits));

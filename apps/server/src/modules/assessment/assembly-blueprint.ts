/**
 * The teacher's blueprint (`BlueprintSpec`, as the form and the templates keep it) translated into
 * the input of `@hanlin/analytics/assembly`, and the bank's pool items into its pool items. Pure.
 */
import type {
  BlueprintCell as AssemblyCell,
  PoolItem as AssemblyItem,
  Blueprint,
  DifficultyBand,
} from '@hanlin/analytics/assembly';
import type { PoolItem } from './assembly-pool.repository.ts';
import type { BlueprintSpec } from './blueprint-model.ts';

/** 易 (P ≥ 0.7), 中 (0.4 ≤ P < 0.7), 难 (P < 0.4): the bands of `difficultyShares`. */
const BANDS = [
  { key: 'easy', min: 0.7, max: 1, label: '容易' },
  { key: 'medium', min: 0.4, max: 0.7, label: '中等' },
  { key: 'hard', min: 0, max: 0.4, label: '较难' },
] as const;

/**
 * A cell asked by score: "about" that score, so within 10% either way (the items of a type carry
 * fixed points, and an exact sum would often be impossible for no reason the teacher meant).
 */
function cellOf(c: BlueprintSpec['cells'][number]): AssemblyCell {
  return {
    knowledgePointId: c.knowledgePointId,
    cognitiveLevel: c.cognitiveLevel,
    ...(c.count !== undefined ? { count: c.count } : {}),
    ...(c.score !== undefined ? { score: { min: c.score * 0.9, max: c.score * 1.1 } } : {}),
  };
}

export interface AssemblyRequest {
  /** 1 for a paper, 2 for A/B 卷. */
  forms: number;
  /** Items A and B may share. */
  maxOverlap: number;
}

/** The number of items a blueprint asks for (the sum of its type rows). */
export const lengthOf = (spec: BlueprintSpec) => spec.types.reduce((a, t) => a + t.count, 0);

export function toAssemblyBlueprint(spec: BlueprintSpec, req: AssemblyRequest): Blueprint {
  const n = lengthOf(spec);
  const d = spec.difficulty;
  const bands: DifficultyBand[] | undefined = d.distribution
    ? BANDS.map((b) => {
        const share = d.distribution![b.key] * n;
        return {
          min: b.min,
          max: b.max,
          label: b.label,
          count: { min: Math.floor(share), max: Math.ceil(share) },
        };
      })
    : undefined;
  return {
    forms: req.forms,
    ...(req.forms > 1 ? { maxOverlap: req.maxOverlap } : {}),
    cells: spec.cells.map(cellOf),
    types: spec.types
      .filter((t) => t.count > 0)
      .map((t) => ({ type: t.type, count: t.count, score: t.score })),
    length: n,
    totalScore: spec.totalScore,
    difficulty: {
      ...(d.mean !== undefined ? { mean: d.mean, tolerance: d.tolerance } : {}),
      ...(bands ? { bands } : {}),
    },
    timeLimitMinutes: spec.minutes,
    include: spec.include,
    exclude: spec.exclude,
    enemies: spec.enemies.map((e) => [e.a, e.b] as [string, string]),
    ...(spec.maxExposure !== undefined ? { maxExposure: spec.maxExposure } : {}),
  };
}

/** The bank's pool row as assembly reads it (IRT parameters only when calibrated). */
export function toAssemblyItem(p: PoolItem): AssemblyItem {
  return {
    id: p.id,
    type: p.type,
    score: p.score > 0 ? p.score : 1,
    difficulty: Math.min(1, Math.max(0, p.difficulty)),
    seconds: p.seconds,
    knowledgePointIds: p.knowledgePointIds,
    cognitiveLevel: p.cognitiveLevel,
    exposure: p.exposure,
    ...(p.irtA !== null && p.irtA > 0 && p.irtB !== null ? { a: p.irtA, b: p.irtB } : {}),
  };
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 一、单选题 …: a section heading of an assembled paper. */
export const sectionHeading = (index: number, typeLabel: string) =>
  `${NUMERALS[index] ?? String(index + 1)}、${typeLabel}`;

/**
 * A blueprint (组卷要求) as the teacher fills it and keeps it as a template: the 双向细目表 of
 * knowledge point × cognitive level, item types with counts and scores, the total, a difficulty
 * target, the time, and the items to include or keep apart. Pure Zod, no I/O; the assembly
 * (`@hanlin/analytics/assembly`) receives it translated to its own input.
 */
import { z } from 'zod';
import { COGNITIVE_LEVELS, ITEM_TYPES } from './item-model.ts';

/** One cell of the 双向细目表: how many items (or how many points) of a knowledge point at a level. */
export const blueprintCell = z
  .object({
    knowledgePointId: z.uuid(),
    cognitiveLevel: z.enum(COGNITIVE_LEVELS),
    count: z.number().int().min(0).max(100).optional(),
    /** Points instead of a count: the items of the cell add up to about this score. */
    score: z.number().min(0).max(1000).optional(),
  })
  .refine((c) => c.count !== undefined || c.score !== undefined, { message: '每一格需要题数或分值' });

export const blueprintTypeRow = z.object({
  type: z.enum(ITEM_TYPES),
  count: z.number().int().min(0).max(200),
  /** The score of each item of this type on the paper. */
  score: z.number().positive().max(200),
});

/** Shares of 易 (P ≥ 0.7), 中 and 难 (P < 0.4) items, e.g. 7 : 2 : 1 as 0.7, 0.2, 0.1. */
export const difficultyShares = z.object({
  easy: z.number().min(0).max(1),
  medium: z.number().min(0).max(1),
  hard: z.number().min(0).max(1),
});

export const blueprintSpec = z.object({
  title: z.string().min(1).max(200),
  cells: z.array(blueprintCell).max(400),
  types: z.array(blueprintTypeRow).min(1).max(7),
  totalScore: z.number().positive().max(1000),
  difficulty: z.object({
    /** The paper's mean expected proportion correct (难度系数), e.g. 0.7. */
    mean: z.number().min(0.05).max(0.95).optional(),
    /** How far the mean may stray from the target. */
    tolerance: z.number().min(0).max(0.5).default(0.05),
    distribution: difficultyShares.optional(),
  }),
  minutes: z.number().int().min(1).max(600),
  /** Items that must stand on the paper. */
  include: z.array(z.uuid()).max(200).default([]),
  /** Items that must not. */
  exclude: z.array(z.uuid()).max(2000).default([]),
  /** Pairs that must not stand on one paper (one gives the other's answer away). */
  enemies: z
    .array(z.object({ a: z.uuid(), b: z.uuid() }))
    .max(500)
    .default([]),
  /** Leave out items that stood on more papers than this (recent exposure). */
  maxExposure: z.number().int().min(0).max(10_000).optional(),
});
export type BlueprintSpec = z.infer<typeof blueprintSpec>;

/** What a blueprint's numbers must agree on; empty when they do. */
export function blueprintIssues(spec: BlueprintSpec): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const byTypes = spec.types.reduce((a, t) => a + t.count * t.score, 0);
  if (Math.abs(byTypes - spec.totalScore) > 1e-6)
    issues.push({
      path: 'spec.types',
      message: `各题型题数×分值合计 ${byTypes} 分，与总分 ${spec.totalScore} 分不一致`,
    });
  const items = spec.types.reduce((a, t) => a + t.count, 0);
  const cellCount = spec.cells.reduce((a, c) => a + (c.count ?? 0), 0);
  if (spec.cells.every((c) => c.count !== undefined) && spec.cells.length > 0 && cellCount !== items)
    issues.push({ path: 'spec.cells', message: `细目表共 ${cellCount} 题，与各题型合计 ${items} 题不一致` });
  const seen = new Set<string>();
  spec.cells.forEach((c, i) => {
    const key = `${c.knowledgePointId}/${c.cognitiveLevel}`;
    if (seen.has(key))
      issues.push({ path: `spec.cells[${i}]`, message: '细目表中有重复的格（同一知识点与认知层次）' });
    seen.add(key);
  });
  const types = spec.types.map((t) => t.type);
  if (new Set(types).size !== types.length) issues.push({ path: 'spec.types', message: '题型有重复' });
  const d = spec.difficulty.distribution;
  if (d && Math.abs(d.easy + d.medium + d.hard - 1) > 1e-6)
    issues.push({ path: 'spec.difficulty.distribution', message: '易、中、难的比例合计应为 1' });
  if (spec.include.some((id) => spec.exclude.includes(id)))
    issues.push({ path: 'spec.include', message: '同一道题不能既必选又排除' });
  return issues;
}

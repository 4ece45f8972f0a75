import { describe, expect, it } from 'vitest';
import { assemble } from './assemble.ts';
import type { Blueprint, PoolItem } from './blueprint.ts';
import { checkForms } from './check.ts';
import { syntheticPool } from './synthetic.ts';
import { DECIMALS, FRACTIONS, RATIOS, smallPool } from './test-pools.ts';

const pool = smallPool();
const byId = new Map(pool.map((it) => [it.id, it]));
const points = (b: Blueprint) => (it: PoolItem) =>
  b.types?.find((t) => t.type === it.type)?.score ?? it.score;
const meanP = (b: Blueprint, ids: string[]) => {
  const xs = ids.map((id) => byId.get(id)!);
  const s = xs.reduce((t, it) => t + points(b)(it), 0);
  return xs.reduce((t, it) => t + points(b)(it) * it.difficulty, 0) / s;
};

const blueprint: Blueprint = {
  cells: [
    { knowledgePointId: FRACTIONS, count: { min: 2, max: 4 } },
    { knowledgePointId: DECIMALS, count: { min: 2, max: 4 } },
    { knowledgePointId: RATIOS, count: { min: 2, max: 4 }, score: { min: 6 } },
    { cognitiveLevel: 'apply', count: { min: 2 } },
  ],
  types: [
    { type: 'single_choice', count: 6, score: 3 },
    { type: 'short_answer', count: 3, score: 8 },
  ],
  totalScore: 42,
  difficulty: { mean: 0.6, tolerance: 0.08, bands: [{ min: 0.8, max: 1, count: { max: 2 }, label: '易' }] },
  timeLimitMinutes: 35,
  include: ['i05'],
  exclude: ['i02', 'i14'],
  enemies: [['i00', 'i01']],
  maxExposure: 3,
};

describe('assemble', () => {
  it('meets every requirement of the blueprint, checked by recounting from the chosen items', async () => {
    const r = await assemble(pool, blueprint);
    expect(r.status).toBe('optimal');
    expect(r.forms).toHaveLength(1);
    const form = r.forms[0]!;
    expect(checkForms(pool, blueprint, [form.itemIds])).toEqual([]);
    expect(form.itemIds).toContain('i05');
    expect(form.totalScore).toBe(42);
    // Paper order: the blueprint's type order, easier items first within a section.
    expect(form.sections.map((s) => s.type)).toEqual(['single_choice', 'short_answer']);
    for (const s of form.sections) {
      const ps = s.itemIds.map((id) => byId.get(id)!.difficulty);
      expect(ps).toEqual([...ps].sort((a, b) => b - a));
    }
    expect(form.sections[0]!.points).toEqual([3, 3, 3, 3, 3, 3]);
    expect(r.objective.kind).toBe('difficulty');
    expect(r.objective.value).toBeCloseTo(Math.abs(meanP(blueprint, form.itemIds) - 0.6), 12);
  });

  it('finds the best paper: the same objective as enumerating every paper of the pool', async () => {
    const few = pool.slice(0, 14);
    const b: Blueprint = {
      types: [
        { type: 'single_choice', count: 3 },
        { type: 'short_answer', count: 2 },
      ],
      cells: [{ knowledgePointId: FRACTIONS, count: { min: 1 } }],
      difficulty: { mean: 0.57 },
      timeLimitMinutes: 15,
    };
    let best = Number.POSITIVE_INFINITY;
    for (let mask = 0; mask < 1 << few.length; mask++) {
      const ids = few.filter((_, k) => mask & (1 << k)).map((it) => it.id);
      if (ids.length !== 5 || checkForms(few, b, [ids]).length > 0) continue;
      best = Math.min(best, Math.abs(meanP(b, ids) - 0.57));
    }
    const r = await assemble(few, b, { absGap: 1e-9, relGap: 0 });
    expect(r.status).toBe('optimal');
    expect(checkForms(few, b, [r.forms[0]!.itemIds])).toEqual([]);
    expect(r.objective.value).toBeCloseTo(best, 9);
  });

  it('assembles parallel forms (A/B 卷) within the overlap limit, enemies never together', async () => {
    const b: Blueprint = {
      forms: 2,
      maxOverlap: 1,
      types: [
        { type: 'single_choice', count: 4 },
        { type: 'short_answer', count: 2 },
      ],
      enemies: [
        ['i00', 'i04'],
        ['i06', 'i08'],
      ],
      include: ['i00'],
      information: { thetas: [-0.5, 0.5] },
    };
    const r = await assemble(pool, b);
    expect(['optimal', 'feasible']).toContain(r.status);
    const [a, c] = r.forms.map((f) => f.itemIds);
    expect(checkForms(pool, b, [a!, c!])).toEqual([]);
    expect(a!.filter((id) => c!.includes(id))).toEqual(['i00']);
    for (const f of [a!, c!]) expect(f.includes('i06') && f.includes('i08')).toBe(false);
    expect(r.objective.kind).toBe('information');
    expect(r.objective.value).toBeCloseTo(Math.min(...r.forms.flatMap((f) => f.information!)), 9);
  });

  it('prefers fresh items by default (least recent use) when nothing else is asked', async () => {
    const b: Blueprint = { types: [{ type: 'single_choice', count: 5 }] };
    const r = await assemble(pool, b);
    const singles = pool.filter((it) => it.type === 'single_choice').map((it) => it.exposure ?? 0);
    const fewest = singles.sort((x, y) => x - y).slice(0, 5);
    expect(r.objective.kind).toBe('exposure');
    expect(r.objective.value).toBe(fewest.reduce((s, v) => s + v, 0));
  });

  it('goes through exact reductions and a core on a large bank, and the paper still meets everything', async () => {
    const kps = Array.from({ length: 12 }, (_, k) => `kp${k}`);
    const big = syntheticPool({ items: 8000, knowledgePoints: kps, seed: 5 });
    const b: Blueprint = {
      cells: kps.slice(0, 6).map((kp) => ({ knowledgePointId: kp, count: { min: 2, max: 5 } })),
      types: [
        { type: 'single_choice', count: 10, score: 3 },
        { type: 'fill_in', count: 6, score: 4 },
        { type: 'short_answer', count: 4, score: 10 },
      ],
      totalScore: 94,
      difficulty: { mean: 0.68, tolerance: 0.03 },
      timeLimitMinutes: 90,
      maxExposure: 3,
    };
    const r = await assemble(big, b);
    expect(r.model.steps.join(' ')).toMatch(/exact reduction|core/);
    expect(r.status).toBe('optimal');
    expect(checkForms(big, b, [r.forms[0]!.itemIds])).toEqual([]);
    expect(r.objective.value).toBeLessThan(0.0005 + 1e-12);
  });
});

import { describe, expect, it } from 'vitest';
import { assemble, objectiveValue, paperOrder } from './assemble.ts';
import type { Blueprint } from './blueprint.ts';
import { checkForms } from './check.ts';
import { swapItem } from './swap.ts';
import { DECIMALS, FRACTIONS, RATIOS, smallPool } from './test-pools.ts';

const pool = smallPool();
const byId = new Map(pool.map((it) => [it.id, it]));
const blueprint: Blueprint = {
  cells: [
    { knowledgePointId: FRACTIONS, count: 3 },
    { knowledgePointId: DECIMALS, count: 2 },
    { knowledgePointId: RATIOS, count: { min: 1, max: 3 } },
  ],
  types: [
    { type: 'single_choice', count: 4, score: 3 },
    { type: 'short_answer', count: 2, score: 8 },
  ],
  difficulty: { mean: 0.62, tolerance: 0.1 },
  timeLimitMinutes: 30,
  enemies: [['i00', 'i05']],
};

describe('swapItem (换一题)', () => {
  it('replaces an item by the best one that keeps every requirement', async () => {
    const paper = (await assemble(pool, blueprint)).forms[0]!.itemIds;
    for (const out of paper) {
      const r = swapItem(pool, paper, out, blueprint);
      if (!r.ok) continue;
      const next = r.form.itemIds;
      expect(next).not.toContain(out);
      expect(next).toContain(r.replacement);
      expect(paper).not.toContain(r.replacement);
      expect(next.filter((id) => id !== r.replacement).sort()).toEqual(
        paper.filter((id) => id !== out).sort(),
      );
      expect(checkForms(pool, blueprint, [next])).toEqual([]);
      // No other single replacement gives a paper closer to the difficulty target.
      for (const it of pool) {
        if (paper.includes(it.id)) continue;
        const alt = [...paper.filter((id) => id !== out), it.id];
        if (checkForms(pool, blueprint, [alt]).length > 0) continue;
        const value = objectiveValue(
          'difficulty',
          [
            paperOrder(
              alt.map((id) => byId.get(id)!),
              blueprint,
            ),
          ],
          byId,
          blueprint,
        );
        expect(r.objective!).toBeLessThanOrEqual(value! + 1e-4);
      }
    }
  });

  it('keeps the overlap limit with the other form of an A/B pair, and skips turned-down items', async () => {
    const ab: Blueprint = { ...blueprint, forms: 2, maxOverlap: 1 };
    const r0 = await assemble(pool, ab);
    const [a, b] = r0.forms.map((f) => f.itemIds);
    const out = a!.find((id) => !b!.includes(id))!;
    const first = swapItem(pool, a!, out, ab, { otherForms: [b!] });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(checkForms(pool, ab, [first.form.itemIds, b!])).toEqual([]);
    const second = swapItem(pool, a!, out, ab, { otherForms: [b!], avoid: [first.replacement] });
    if (second.ok) {
      expect(second.replacement).not.toBe(first.replacement);
      expect(checkForms(pool, ab, [second.form.itemIds, b!])).toEqual([]);
    }
  });

  it('refuses to swap an included item, an item not on the paper, or when nothing fits', async () => {
    const withInclude: Blueprint = { ...blueprint, include: ['i01'] };
    const paper = (await assemble(pool, withInclude)).forms[0]!.itemIds;
    expect(swapItem(pool, paper, 'i01', withInclude)).toEqual({
      ok: false,
      message: '这是细目表指定的必选题，不能替换',
    });
    expect(swapItem(pool, paper, 'nope', withInclude).ok).toBe(false);
    const everything = pool.map((it) => it.id);
    const r = swapItem(pool, paper, paper.find((id) => id !== 'i01')!, withInclude, { avoid: everything });
    expect(r).toEqual({ ok: false, message: '题库中没有能替换这道题、同时满足细目表全部要求的题' });
  });
});

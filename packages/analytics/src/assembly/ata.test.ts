import { describe, expect, it } from 'vitest';
import { type AtaSpec, ataObjectiveValue, buildAtaModel, commonStep } from './ata.ts';
import { greedyAssemble } from './greedy.ts';
import { improveBySwaps } from './improve.ts';
import { dominanceKeep } from './reduce.ts';
import { solveAta } from './solve-ata.ts';
import { highsRuntime, solveModel } from './solver.ts';
import { seededRandom } from './synthetic.ts';

/** A booklet design in eatATA's style: every item in exactly one booklet, balanced, minimax time. */
function bookletDesign(): AtaSpec {
  const time = [3, 2.5, 2, 2, 1.5, 1.5, 1, 1, 1, 0.5];
  const mc = [1, 0, 1, 0, 1, 0, 1, 0, 0, 1];
  return {
    itemCount: time.length,
    formCount: 3,
    usage: { min: 1, max: 1 },
    constraints: [
      { group: 'MC', items: mc.flatMap((v, i) => (v ? [i] : [])), values: 1, min: 1, max: 2 },
      { group: 'length', items: time.map((_, i) => i), values: 1, min: 3, max: 4 },
    ],
    enemies: [{ group: 'exclusions', pairs: [0, 1, 2, 3, 0, 4] }],
    objective: { kind: 'minimax', values: time, target: 5 },
  };
}

/** Every assignment of items to booklets, for the true optimum. */
function bruteForce(spec: AtaSpec): number {
  const { itemCount: n, formCount: F } = spec;
  let best = Number.POSITIVE_INFINITY;
  const assign = new Int32Array(n);
  const rec = (i: number) => {
    if (i === n) {
      const forms = Array.from({ length: F }, (_, f) => [...assign.keys()].filter((k) => assign[k] === f));
      for (const c of spec.constraints)
        for (const ks of forms) {
          const s = ks.filter((k) => Array.from(c.items).includes(k)).length;
          if (s < c.min || s > c.max) return;
        }
      for (const e of spec.enemies ?? [])
        for (let k = 0; k < e.pairs.length; k += 2)
          if (assign[e.pairs[k]!] === assign[e.pairs[k + 1]!]) return;
      best = Math.min(best, ataObjectiveValue(spec, forms));
      return;
    }
    for (let f = 0; f < F; f++) {
      assign[i] = f;
      rec(i + 1);
    }
  };
  rec(0);
  return best;
}

describe('the general ATA model', () => {
  it('proves the optimum of a booklet design (every item exactly once), equal to enumeration', async () => {
    const spec = bookletDesign();
    const built = buildAtaModel(spec);
    expect(built.auxStep).toBe(0.5);
    const r = solveModel(await highsRuntime(), built.model, { relGap: 0, absGap: 1e-9 });
    expect(r.status).toBe('optimal');
    const forms = built.decode(r.values!);
    expect(forms.flat().sort((a, b) => a - b)).toEqual([...Array(10).keys()]);
    expect(ataObjectiveValue(spec, forms)).toBe(bruteForce(spec));
    // Symmetry breaking removes relabellings only, never the optimum.
    const plain = solveModel(await highsRuntime(), buildAtaModel(spec, { symmetryBreaking: false }).model, {
      relGap: 0,
      absGap: 1e-9,
    });
    expect(plain.objective).toBeCloseTo(r.objective, 9);
  });

  it('finds the grid of minimax values (half minutes) or none', () => {
    expect(commonStep([1, 1.5, 2.5], 10)).toBe(0.5);
    expect(commonStep([3, 6, 9], 12)).toBe(3);
    expect(commonStep([0.123456, 1], 2)).toBe(0);
  });

  it('drops only dominated items: the same optimum with and without the exact reduction', async () => {
    const random = seededRandom(3);
    for (let round = 0; round < 4; round++) {
      const n = 60;
      // Few distinct items (so many are interchangeable), times differ.
      const kind = Array.from({ length: n }, () => Math.floor(random() * 6));
      const time = Array.from({ length: n }, () => 30 + Math.floor(random() * 60));
      const spec: AtaSpec = {
        itemCount: n,
        formCount: 2,
        overlap: { group: 'overlap', max: 1 },
        constraints: [
          { group: 'a', items: kind.flatMap((k, i) => (k < 2 ? [i] : [])), values: 1, min: 2, max: 2 },
          { group: 'b', items: kind.flatMap((k, i) => (k >= 4 ? [i] : [])), values: 1, min: 1, max: 3 },
          { group: 'len', items: kind.map((_, i) => i), values: 1, min: 6, max: 6 },
          { group: 'time', items: kind.map((_, i) => i), values: time, min: 0, max: 330 },
        ],
        objective: { kind: 'minimax', values: kind.map((k) => [3, 5, 2, 4, 1, 6][k]!), target: 21 },
      };
      const keep = dominanceKeep(spec);
      expect(keep.length).toBeLessThan(n);
      const highs = await highsRuntime();
      const full = solveModel(highs, buildAtaModel(spec).model, { relGap: 0, absGap: 1e-9 });
      const reduced = solveAta(highs, spec, { relGap: 0, absGap: 1e-9 });
      expect(reduced.status).toBe('optimal');
      expect(reduced.objective).toBeCloseTo(full.objective, 9);
    }
  });

  it('greedy and swap search return feasible forms, and the swaps never make them worse', () => {
    const random = seededRandom(9);
    const n = 200;
    const info = [0, 1, 2].map(() => Float64Array.from({ length: n }, () => random()));
    const type = Array.from({ length: n }, () => Math.floor(random() * 3));
    const spec: AtaSpec = {
      itemCount: n,
      formCount: 3,
      overlap: { group: 'overlap', max: 2 },
      constraints: [
        { group: 't0', items: type.flatMap((t, i) => (t === 0 ? [i] : [])), values: 1, min: 4, max: 6 },
        { group: 't1', items: type.flatMap((t, i) => (t === 1 ? [i] : [])), values: 1, min: 3, max: 5 },
        { group: 'len', items: type.map((_, i) => i), values: 1, min: 12, max: 12 },
      ],
      enemies: [{ group: 'enemies', pairs: [0, 1, 2, 3] }],
      objective: { kind: 'maximin', values: info },
    };
    const g = greedyAssemble(spec);
    expect(g.feasible).toBe(true);
    const better = improveBySwaps(spec, g.forms, performance.now() + 5000);
    expect(ataObjectiveValue(spec, better)).toBeGreaterThanOrEqual(g.objective);
    for (const ks of better) expect(ks).toHaveLength(12);
    for (let f = 0; f < 3; f++)
      for (let h = f + 1; h < 3; h++)
        expect(better[f]!.filter((i) => better[h]!.includes(i)).length).toBeLessThanOrEqual(2);
    for (const ks of better) expect(ks.includes(0) && ks.includes(1)).toBe(false);
  });
});

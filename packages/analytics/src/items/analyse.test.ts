/**
 * The item analysis on small papers whose figures can be checked by hand, the flags each rule
 * raises, and invariants on random partial-credit matrices.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseItems } from './analyse.ts';
import { abilityGroups, LOWER, UPPER } from './discrimination.ts';
import { type ChoiceResponses, choiceMask } from './distractors.ts';
import { itemFlags } from './flags.ts';
import { scoreMatrix } from './score-matrix.ts';

/** Ten students, three items; item 3 is answered right by the weak and wrong by the strong. */
const rows = [
  [1, 2, 0],
  [1, 2, 0],
  [1, 2, 0],
  [1, 1, 0],
  [1, 1, 1],
  [0, 1, 1],
  [1, 0, 1],
  [0, 0, 1],
  [0, 0, 1],
  [0, 0, 1],
];
const letters = (s: string) => s.split('').map((c) => (c === '-' ? [] : [c]));
/** Item 3's options: the strong pick B (a distractor), the weak the key C; one blank. */
const chosen3 = letters('BBBBCCC-CC');

describe('analyseItems on a hand-checked paper', () => {
  const m = scoreMatrix(rows, [1, 2, 1]);
  const c: ChoiceResponses = {
    item: 2,
    options: ['A', 'B', 'C', 'D'],
    key: ['C'],
    chosen: Int32Array.from(chosen3, (x) => choiceMask(['A', 'B', 'C', 'D'], x)),
  };
  const a = analyseItems(m, [c]);

  it('takes the top and bottom 27 % (3 of 10) by total score', () => {
    expect(a.groupSize).toBe(3);
    const g = abilityGroups([3, 3, 3, 2, 3, 2, 2, 1, 1, 1]);
    expect([...g.group].map((x) => (x === UPPER ? 'U' : x === LOWER ? 'L' : '-')).join('')).toBe(
      'UUU----LLL',
    );
  });
  it('gives P as mean ÷ full mark and D from the groups', () => {
    expect(a.items[0]!.p).toBeCloseTo(0.6, 12);
    expect(a.items[1]!.p).toBeCloseTo(9 / 20, 12);
    // Upper: the first three (totals 3, 3, 3); lower: the last three (1, 1, 1).
    expect(a.items[1]!.d).toBeCloseTo(1, 12);
    expect(a.items[2]!.d).toBeCloseTo(-1, 12);
  });
  it('flags the item the strong get wrong, and the distractor that draws them', () => {
    const codes = a.items[2]!.flags.map((f) => `${f.code}${f.option ? `:${f.option}` : ''}`);
    expect(codes).toContain('negative-discrimination');
    expect(codes).toContain('distractor-attracts-upper:B');
    expect(a.items[2]!.flags[0]!.severity).toBe('serious');
    expect(a.items[0]!.flags.map((f) => f.code)).not.toContain('negative-discrimination');
  });
  it('counts who chose what by group, blanks in a row of their own', () => {
    const t = a.items[2]!.distractors!;
    const b = t.rows.find((r) => r.option === 'B')!;
    expect(b).toMatchObject({ count: 4, share: 0.4, upper: 1, lower: 0, isKey: false });
    const blank = t.rows.find((r) => r.option === null)!;
    expect(blank.count).toBe(1);
    expect(t.rows.find((r) => r.option === 'C')!.isKey).toBe(true);
    expect(t.rows.find((r) => r.option === 'C')!.rpb).toBeLessThan(0);
  });
  it('summarises the totals in ten bins of the full mark', () => {
    expect(a.scores).toMatchObject({ persons: 10, maxTotal: 4, min: 1, max: 3, median: 2 });
    expect(a.scores.bins.reduce((n, b) => n + b.count, 0)).toBe(10);
  });
});

describe('itemFlags', () => {
  const base = { p: 0.6, rpb: 0.4, d: 0.4, alpha: 0.8, alphaIfDeleted: 0.78, groupSize: 30 };
  it('raises nothing on a good item', () => expect(itemFlags(base)).toEqual([]));
  it('codes low, negative, easy, hard and alpha-raising items', () => {
    expect(itemFlags({ ...base, rpb: 0.1 }).map((f) => f.code)).toEqual(['low-discrimination']);
    expect(itemFlags({ ...base, rpb: -0.1 }).map((f) => f.code)).toEqual(['negative-discrimination']);
    expect(itemFlags({ ...base, p: 0.95 }).map((f) => f.code)).toEqual(['very-easy']);
    expect(itemFlags({ ...base, p: 0.1 }).map((f) => f.code)).toEqual(['very-hard']);
    expect(itemFlags({ ...base, alphaIfDeleted: 0.81 }).map((f) => f.code)).toEqual([
      'raises-alpha-if-deleted',
    ]);
  });
  it('uses D when r is undefined', () =>
    expect(itemFlags({ ...base, rpb: Number.NaN, d: -0.2 }).map((f) => f.code)).toEqual([
      'negative-discrimination',
    ]));
  it('flags a distractor chosen more than the key', () => {
    const row = (option: string, isKey: boolean, share: number) => ({
      option,
      isKey,
      count: 0,
      share,
      upper: share,
      middle: share,
      lower: share,
      rpb: 0,
    });
    const distractors = { item: 0, rows: [row('A', true, 0.3), row('B', false, 0.5), row('C', false, 0.2)] };
    expect(itemFlags({ ...base, distractors }).map((f) => `${f.code}:${f.option}`)).toEqual([
      'distractor-beats-key:B',
    ]);
  });
  it('needs two strong students before a distractor "attracts the upper group"', () => {
    const rows = [
      { option: 'A', isKey: true, count: 0, share: 0.9, upper: 0.9, middle: 0.9, lower: 0.9, rpb: 0 },
      { option: 'B', isKey: false, count: 0, share: 0.05, upper: 1 / 30, middle: 0, lower: 0, rpb: 0 },
    ];
    expect(itemFlags({ ...base, distractors: { item: 0, rows } })).toEqual([]);
  });
});

describe('invariants on random partial-credit papers', () => {
  const paper = fc
    .record({
      persons: fc.integer({ min: 2, max: 40 }),
      max: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 8 }),
    })
    .chain(({ persons, max }) =>
      fc.record({
        max: fc.constant(max),
        rows: fc.array(fc.tuple(...max.map((m) => fc.integer({ min: 0, max: m }))), {
          minLength: persons,
          maxLength: persons,
        }),
      }),
    );

  it('keeps P in [0, 1], D and r in [−1, 1], and α-if-deleted defined from three items', () =>
    fc.assert(
      fc.property(paper, ({ max, rows }) => {
        const a = analyseItems(scoreMatrix(rows, max));
        for (const i of a.items) {
          expect(i.p).toBeGreaterThanOrEqual(0);
          expect(i.p).toBeLessThanOrEqual(1);
          if (!Number.isNaN(i.d)) expect(Math.abs(i.d)).toBeLessThanOrEqual(1 + 1e-12);
          if (!Number.isNaN(i.rpb)) expect(Math.abs(i.rpb)).toBeLessThanOrEqual(1 + 1e-12);
          if (max.length < 3) expect(i.alphaIfDeleted).toBeNaN();
        }
        expect(a.scores.bins.reduce((n, b) => n + b.count, 0)).toBe(rows.length);
      }),
      { numRuns: 200 },
    ));

  it('does not depend on the order of the persons, except through tied group edges', () =>
    fc.assert(
      fc.property(paper, ({ max, rows }) => {
        const a = analyseItems(scoreMatrix(rows, max));
        const b = analyseItems(scoreMatrix([...rows].reverse(), max));
        a.items.forEach((x, i) => {
          expect(b.items[i]!.p).toBeCloseTo(x.p, 10);
          if (!Number.isNaN(x.rpb)) expect(b.items[i]!.rpb).toBeCloseTo(x.rpb, 10);
        });
        if (!Number.isNaN(a.reliability.alpha))
          expect(b.reliability.alpha).toBeCloseTo(a.reliability.alpha, 10);
      }),
      { numRuns: 200 },
    ));

  it('gives each single-choice group shares summing to 1 with the blanks', () =>
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 4, maxLength: 60 }), (picks) => {
        const m = scoreMatrix(
          picks.map((k, p) => [k === 1 ? 1 : 0, p % 2]),
          [1, 1],
        );
        const chosen = Int32Array.from(picks, (k) => (k === 0 ? 0 : 1 << (k - 1)));
        const a = analyseItems(m, [{ item: 0, options: ['A', 'B', 'C', 'D'], key: ['A'], chosen }]);
        const rows = a.items[0]!.distractors!.rows;
        for (const g of ['upper', 'middle', 'lower', 'share'] as const) {
          const s = rows.reduce((n, r) => n + (Number.isNaN(r[g]) ? 0 : r[g]), 0);
          if (!rows.every((r) => Number.isNaN(r[g]))) expect(s).toBeCloseTo(1, 10);
        }
      }),
      { numRuns: 200 },
    ));

  it('rejects a score above the full mark', () => expect(() => scoreMatrix([[3]], [2])).toThrow(RangeError));
});

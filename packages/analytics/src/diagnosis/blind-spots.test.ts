import { describe, expect, it } from 'vitest';
import { type PointMastery, traceBlindSpots } from './blind-spots.ts';

// A piece of the grade 5 math graph: adding fractions rests on common denominators, which rest on
// least common multiples, which rest on multiples; and on the meaning of a fraction.
const GRAPH: Record<string, string[]> = {
  分数加减: ['通分', '分数的意义'],
  通分: ['最小公倍数', '分数的基本性质'],
  最小公倍数: ['倍数'],
  分数的基本性质: ['分数的意义'],
  分数的意义: [],
  倍数: [],
};
const prereqs = (k: string) => GRAPH[k] ?? [];
const m = (entries: [string, number, number][]) =>
  new Map<string, PointMastery>(entries.map(([k, p, answers]) => [k, { p, answers }]));

describe('tracing a weak point back through its prerequisites (知识盲点归因)', () => {
  it('names the weak prerequisite first, then its own weak prerequisite, not the mastered ones', () => {
    const causes = traceBlindSpots(
      '分数加减',
      m([
        ['分数加减', 0.35, 12],
        ['通分', 0.4, 8],
        ['分数的意义', 0.9, 20],
        ['最小公倍数', 0.5, 6],
        ['分数的基本性质', 0.85, 10],
        ['倍数', 0.95, 9],
      ]),
      prereqs,
    );
    expect(causes.map((c) => [c.point, c.kind, c.depth])).toEqual([
      ['通分', 'weak', 1],
      ['最小公倍数', 'weak', 2],
    ]);
    expect(causes[1]!.via).toEqual(['通分', '最小公倍数']);
  });

  it('ranks a much weaker deeper cause first, and offers untested prerequisites after the weak, nearest first', () => {
    const causes = traceBlindSpots(
      '分数加减',
      m([
        ['分数加减', 0.3, 10],
        ['通分', 0.55, 5],
        ['分数的意义', 0.7, 1],
        ['最小公倍数', 0.2, 4],
      ]),
      prereqs,
    );
    expect(causes.map((c) => [c.point, c.kind])).toEqual([
      ['最小公倍数', 'weak'],
      ['通分', 'weak'],
      ['分数的意义', 'untested'],
      ['分数的基本性质', 'untested'],
      // Beneath the weak 最小公倍数, three steps down.
      ['倍数', 'untested'],
    ]);
  });

  it('says nothing when the point is not weak or not yet known, and stops at the depth asked', () => {
    expect(traceBlindSpots('分数加减', m([['分数加减', 0.8, 10]]), prereqs)).toEqual([]);
    expect(traceBlindSpots('分数加减', m([['分数加减', 0.2, 1]]), prereqs)).toEqual([]);
    const shallow = traceBlindSpots(
      '分数加减',
      m([
        ['分数加减', 0.3, 10],
        ['通分', 0.3, 10],
        ['分数的意义', 0.9, 10],
        ['最小公倍数', 0.3, 10],
      ]),
      prereqs,
      { maxDepth: 1 },
    );
    expect(shallow.map((c) => c.point)).toEqual(['通分']);
  });

  it('names a point reached by two paths once, by the nearer, and survives a cycle', () => {
    const cyclic = (k: string) => (k === 'a' ? ['b', 'c'] : k === 'b' ? ['c', 'a'] : k === 'c' ? ['b'] : []);
    const causes = traceBlindSpots(
      'a',
      m([
        ['a', 0.2, 5],
        ['b', 0.3, 5],
        ['c', 0.4, 5],
      ]),
      cyclic,
    );
    expect(causes.map((c) => [c.point, c.depth])).toEqual([
      ['b', 1],
      ['c', 1],
    ]);
  });
});

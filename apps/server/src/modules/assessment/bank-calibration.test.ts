import { describe, expect, it } from 'vitest';
import { responsesOf } from './bank-calibration.ts';

const answer = (studentId: string, itemId: string, score: number, maxScore: number) => ({
  studentId,
  itemId,
  score,
  maxScore,
});

describe('the response matrix of the bank', () => {
  it('keeps items answered often enough, whole points as categories, other scores in quarters', () => {
    const rows = [
      ...['s1', 's2', 's3'].map((s, i) => answer(s, 'choice', i % 2, 1)),
      ...['s1', 's2', 's3'].map((s, i) => answer(s, 'steps', i, 2)),
      ...['s1', 's2', 's3'].map((s, i) => answer(s, 'essay', [10, 6.5, 2][i]!, 10)),
      answer('s4', 'rare', 1, 1),
      // A second meeting with an item counts with the first answer.
      answer('s1', 'choice', 1, 1),
    ];
    const { responses, itemIds } = responsesOf(rows, 3);
    expect(itemIds).toEqual(['choice', 'essay', 'steps']);
    expect(responses.persons).toBe(3);
    expect([...responses.maxScore]).toEqual([1, 4, 2]);
    const cell = (p: number, j: number) => responses.scores[p * responses.items + j];
    expect([0, 1, 2].map((p) => cell(p, 0))).toEqual([0, 1, 0]);
    expect([0, 1, 2].map((p) => cell(p, 1))).toEqual([4, 3, 1]);
    expect([0, 1, 2].map((p) => cell(p, 2))).toEqual([0, 1, 2]);
  });

  it('takes an item answered across a city (300,000 answers overflowed the stack before)', () => {
    const n = 300_000;
    const rows = Array.from({ length: n }, (_, i) => answer(`s${i}`, 'city', i % 3, 2));
    const { responses, itemIds } = responsesOf(rows);
    expect(itemIds).toEqual(['city']);
    expect(responses.persons).toBe(n);
    expect([...responses.maxScore]).toEqual([2]);
    expect(responses.scores[n - 1]).toBe((n - 1) % 3);
  });
});

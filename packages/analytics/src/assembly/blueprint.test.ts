import { describe, expect, it } from 'vitest';
import { assemble } from './assemble.ts';
import { AssemblyInputError, type Blueprint, type PoolItem, validateInput } from './blueprint.ts';
import { swapItem } from './swap.ts';
import { item, smallPool } from './test-pools.ts';

const pool = smallPool();

function problems(p: readonly PoolItem[], b: Blueprint) {
  try {
    validateInput(p, b);
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(AssemblyInputError);
    return (e as AssemblyInputError).problems;
  }
}

describe('invalid input is rejected with every bad field named', () => {
  it('rejects negative, fractional and inverted counts, and an unknown item type', () => {
    const b = {
      cells: [
        { knowledgePointId: 'kp-fraction', count: -1 },
        { knowledgePointId: 'kp-decimal', count: 1.5 },
      ],
      types: [
        { type: 'poem', count: 2 },
        { type: 'single_choice', count: { min: 5, max: 3 } },
      ],
    } as unknown as Blueprint;
    expect(problems(pool, b)).toEqual([
      { path: 'cells[0].count', message: 'must be a number ≥ 0' },
      { path: 'cells[1].count', message: 'must be a whole number' },
      { path: 'types[0].type', message: 'unknown item type poem' },
      { path: 'types[1].count', message: 'min is greater than max' },
    ]);
  });

  it('rejects contradictory or dangling item lists and bad objectives', () => {
    const b: Blueprint = {
      include: ['i00', 'ghost'],
      exclude: ['i00'],
      enemies: [['i01', 'i01']],
      objective: 'information',
      forms: 0,
      difficulty: { tolerance: 0.1 },
    };
    expect(problems(pool, b).map((p) => p.path)).toEqual([
      'forms',
      'difficulty.tolerance',
      'include[0]',
      'include[1]',
      'enemies[0]',
      'objective',
    ]);
  });

  it('rejects bad pool items: duplicate ids, difficulty outside 0 … 1, unknown level', () => {
    const bad = [
      item('a'),
      item('a'),
      item('b', { difficulty: 1.2 }),
      item('c', { cognitiveLevel: 'create' as never }),
    ];
    expect(problems(bad, {}).map((p) => p.path)).toEqual([
      'pool[1].id',
      'pool[2].difficulty',
      'pool[3].cognitiveLevel',
    ]);
  });

  it('assemble and swapItem throw the same error and change nothing', async () => {
    const b = { types: [{ type: 'single_choice', count: -2 }] } as Blueprint;
    await expect(assemble(pool, b)).rejects.toBeInstanceOf(AssemblyInputError);
    expect(() => swapItem(pool, ['i00'], 'i00', b)).toThrow(/types\[0\]\.count: must be a number ≥ 0/);
  });
});

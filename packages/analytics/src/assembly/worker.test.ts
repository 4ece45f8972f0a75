import { describe, expect, it } from 'vitest';
import { AssemblyInputError, type Blueprint } from './blueprint.ts';
import { checkForms } from './check.ts';
import { smallPool } from './test-pools.ts';
import { assembleInWorker, swapInWorker } from './worker.ts';

const pool = smallPool();
const blueprint: Blueprint = {
  types: [
    { type: 'single_choice', count: 4, score: 3 },
    { type: 'short_answer', count: 2, score: 8 },
  ],
  difficulty: { mean: 0.6, tolerance: 0.1 },
};

describe('assembly in a worker thread', () => {
  it('assembles and swaps off the main thread with the same results as in it', async () => {
    const r = await assembleInWorker(pool, blueprint);
    expect(r.status).toBe('optimal');
    const paper = r.forms[0]!.itemIds;
    expect(checkForms(pool, blueprint, [paper])).toEqual([]);
    const s = await swapInWorker(pool, paper, paper[0]!, blueprint);
    expect(s.ok).toBe(true);
    if (s.ok) expect(checkForms(pool, blueprint, [s.form.itemIds])).toEqual([]);
  });

  it('queues jobs sent together and answers each with its own result', async () => {
    const other: Blueprint = { ...blueprint, types: [{ type: 'single_choice', count: 3 }] };
    const [a, b] = await Promise.all([assembleInWorker(pool, blueprint), assembleInWorker(pool, other)]);
    expect(a.forms[0]!.itemIds).toHaveLength(6);
    expect(b.forms[0]!.itemIds).toHaveLength(3);
  });

  it('passes invalid input back as AssemblyInputError with the bad fields', async () => {
    const bad = { types: [{ type: 'poem', count: 1 }] } as unknown as Blueprint;
    const error = await assembleInWorker(pool, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AssemblyInputError);
    expect((error as AssemblyInputError).problems).toEqual([
      { path: 'types[0].type', message: 'unknown item type poem' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { calibrate } from './calibrate.ts';
import { calibrateParallel } from './parallel.ts';
import { seededRandom, simulateAbilities, simulateItems, simulateResponses } from './simulate.ts';

describe('calibrateParallel', () => {
  it('gives the same calibration as the single thread, graded items and missing responses included', async () => {
    const random = seededRandom(13);
    const items = simulateItems(8, random, { maxScore: (j) => (j % 4 === 0 ? 2 : 1) });
    const data = simulateResponses(items, simulateAbilities(1500, random), random, 0.3);
    const options = { model: 'grm', standardErrors: true } as const;
    const one = calibrate(data, options);
    const two = await calibrateParallel(data, { ...options, threads: 2 });
    expect(two.iterations).toBe(one.iterations);
    expect(two.logLik).toBeCloseTo(one.logLik, 6);
    two.items.forEach((item, j) => {
      expect(item.a).toBeCloseTo(one.items[j]!.a, 8);
      item.d.forEach((d, k) => {
        expect(d).toBeCloseTo(one.items[j]!.d[k]!, 8);
      });
      expect(item.se.a).toBeCloseTo(one.items[j]!.se.a, 5);
    });
  });
});

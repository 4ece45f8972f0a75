import { describe, expect, it } from 'vitest';
import { calibrate } from './calibrate.ts';
import { seededRandom, simulateAbilities, simulateItems, simulateResponses } from './simulate.ts';
import { rmse } from './test-helpers.ts';

// 5,000 examinees × 40 items, log a ~ N(0, 0.2²), b ~ N(0, 0.75²), θ ~ N(0, 1), fixed seed. The
// sampling error alone (the mean standard error) is about 0.04 for a and b here, 0.08 for b with 70 %
// of the responses missing: the bounds sit some 20 % above what any estimator can do.
describe('parameter recovery on simulated data', () => {
  const random = seededRandom(1);
  const items = simulateItems(40, random);
  const thetas = simulateAbilities(5000, random);
  const trueA = items.map((i) => i.a);
  const trueB = items.map((i) => -i.d[0]! / i.a);

  it('2PL, complete data: RMSE(b) ≤ 0.06, RMSE(a) ≤ 0.05', () => {
    const data = simulateResponses(items, thetas, random);
    const c = calibrate(data, { model: '2pl', standardErrors: false });
    expect(c.converged).toBe(true);
    expect(
      rmse(
        c.items.map((i) => i.b[0]!),
        trueB,
      ),
    ).toBeLessThanOrEqual(0.06);
    expect(
      rmse(
        c.items.map((i) => i.a),
        trueA,
      ),
    ).toBeLessThanOrEqual(0.05);
  });

  it('2PL, 70 % of responses missing at random: RMSE(b) ≤ 0.10', () => {
    const data = simulateResponses(items, thetas, random, 0.7);
    const c = calibrate(data, { model: '2pl', standardErrors: false });
    expect(c.converged).toBe(true);
    expect(
      rmse(
        c.items.map((i) => i.b[0]!),
        trueB,
      ),
    ).toBeLessThanOrEqual(0.1);
  });

  it('sparse bank: 100 items, each person answers about 10 of them', () => {
    const bank = simulateItems(100, random);
    const people = simulateAbilities(10000, random);
    const data = simulateResponses(bank, people, random, 0.9);
    const c = calibrate(data, { model: '2pl', standardErrors: false });
    expect(c.converged).toBe(true);
    const b = bank.map((i) => -i.d[0]! / i.a);
    // 1,000 answers per item: sampling error ≈ 0.1 in b.
    expect(
      rmse(
        c.items.map((i) => i.b[0]!),
        b,
      ),
    ).toBeLessThanOrEqual(0.15);
  });
});

describe('graded response model', () => {
  it('recovers slopes and intercepts of mixed dichotomous and 0..3 items, with plausible SEs', () => {
    const random = seededRandom(5);
    const items = simulateItems(12, random, { maxScore: (j) => (j % 2 ? 3 : 1) });
    const data = simulateResponses(items, simulateAbilities(3000, random), random, 0.2);
    const c = calibrate(data, { model: 'grm' });
    expect(c.converged).toBe(true);
    const zs: number[] = [];
    c.items.forEach((item, j) => {
      expect(item.d.length).toBe(items[j]!.d.length);
      zs.push((item.a - items[j]!.a) / item.se.a);
      item.d.forEach((d, k) => {
        zs.push((d - items[j]!.d[k]!) / item.se.d[k]!);
      });
    });
    const zero = (n: number) => new Array(n).fill(0);
    const seA = rmse(
      c.items.map((i) => i.se.a),
      zero(12),
    );
    const seD = c.items.flatMap((i) => i.se.d);
    expect(seA).toBeLessThan(0.1);
    expect(
      rmse(
        c.items.map((i) => i.a),
        items.map((i) => i.a),
      ),
    ).toBeLessThanOrEqual(1.5 * seA);
    const ds = c.items.flatMap((i) => i.d);
    expect(
      rmse(
        ds,
        items.flatMap((i) => i.d),
      ),
    ).toBeLessThanOrEqual(1.5 * rmse(seD, zero(seD.length)));
    // Estimation errors over standard errors: root mean square near 1.
    expect(rmse(zs, new Array(zs.length).fill(0))).toBeGreaterThan(0.7);
    expect(rmse(zs, new Array(zs.length).fill(0))).toBeLessThan(1.3);
  });
});

describe('degenerate items', () => {
  it('an item everyone got right, one no one did, one no one answered: the fit converges, the rest is fine', () => {
    const random = seededRandom(2);
    const items = simulateItems(10, random);
    const data = simulateResponses(items, simulateAbilities(400, random), random, 0.5);
    for (let i = 0; i < 400; i++) {
      if (data.scores[i * 10 + 3]! >= 0) data.scores[i * 10 + 3] = 1;
      if (data.scores[i * 10 + 4]! >= 0) data.scores[i * 10 + 4] = 0;
      data.scores[i * 10 + 5] = -1;
    }
    for (const model of ['2pl', 'rasch'] as const) {
      const c = calibrate(data, { model });
      expect(c.converged).toBe(true);
      expect(c.items[3]!.b[0]!).toBeLessThan(-10);
      expect(c.items[4]!.b[0]!).toBeGreaterThan(10);
      expect(c.items[3]!.se.d[0]).toBeNaN();
      expect(c.items[5]!.se.d[0]).toBeNaN();
      for (const j of [0, 1, 2, 6, 7, 8, 9]) {
        expect(c.items[j]!.se.d[0]).toBeGreaterThan(0);
        expect(c.items[j]!.se.d[0]).toBeLessThan(1);
      }
    }
  });
});

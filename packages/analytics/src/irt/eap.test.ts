import { describe, expect, it } from 'vitest';
import { calibrate } from './calibrate.ts';
import { eap } from './eap.ts';
import {
  categoryProbabilities,
  type ItemParameters,
  itemInformation,
  testInformation,
} from './item-model.ts';
import { responsesFromRows } from './responses.ts';
import { seededRandom, simulateAbilities, simulateItems, simulateResponses } from './simulate.ts';
import { correlation, mean, rmse } from './test-helpers.ts';

const items: ItemParameters[] = [
  { a: 1.2, d: [0.5] },
  { a: 0.8, d: [-0.3] },
  { a: 1.5, d: [1.2, 0.1, -1.0] },
  { a: 1.0, d: [-1.1] },
];

describe('EAP abilities', () => {
  it('equal the posterior mean and SD by brute-force integration; no answers give the prior', () => {
    const data = responsesFromRows([
      [1, 0, 2, null],
      [null, null, null, null],
      [0, 0, 0, 0],
      [1, 1, 3, 1],
    ]);
    const population = { mean: 0.3, sd: 1.4 };
    const { theta, se } = eap({ items, population }, data);
    expect(theta[1]).toBe(0.3);
    expect(se[1]).toBe(1.4);
    const p = new Float64Array(4);
    for (const i of [0, 2, 3]) {
      let m0 = 0;
      let m1 = 0;
      let m2 = 0;
      for (let t = -10; t <= 10; t += 0.001) {
        let l = Math.exp(-0.5 * ((t - population.mean) / population.sd) ** 2);
        items.forEach((item, j) => {
          const x = data.scores[i * 4 + j]!;
          if (x >= 0) l *= categoryProbabilities(item, t, p)[x]!;
        });
        m0 += l;
        m1 += l * t;
        m2 += l * t * t;
      }
      const m = m1 / m0;
      expect(theta[i]).toBeCloseTo(m, 3);
      expect(se[i]).toBeCloseTo(Math.sqrt(m2 / m0 - m * m), 3);
    }
  });

  it('track the true abilities with errors as large as their posterior SDs say', () => {
    const random = seededRandom(9);
    const sim = simulateItems(30, random, { maxScore: (j) => (j % 5 === 0 ? 2 : 1) });
    const thetas = simulateAbilities(2000, random);
    const data = simulateResponses(sim, thetas, random, 0.3);
    const c = calibrate(data, { model: '2pl', standardErrors: false });
    const { theta, se } = eap(c, data);
    // Expected correlation: √(reliability) = √(1 − mean posterior variance) ≈ 0.9 here.
    expect(correlation(theta, thetas)).toBeGreaterThan(
      Math.sqrt(1 - mean(Array.from(se, (s) => s * s))) - 0.02,
    );
    const ratio = rmse(theta, thetas) / Math.sqrt(mean(Array.from(se, (s) => s * s)));
    expect(ratio).toBeGreaterThan(0.9);
    expect(ratio).toBeLessThan(1.1);
  });
});

describe('information', () => {
  it('is a²·P·(1 − P) for a dichotomous item and Σ P′²/P for a graded one', () => {
    const p = categoryProbabilities(items[0]!, 0.4)[1]!;
    expect(itemInformation(items[0]!, 0.4)).toBeCloseTo(1.44 * p * (1 - p), 12);
    const h = 1e-5;
    for (const t of [-2, 0, 1.3]) {
      const lo = categoryProbabilities(items[2]!, t - h);
      const mid = categoryProbabilities(items[2]!, t);
      const hi = categoryProbabilities(items[2]!, t + h);
      let info = 0;
      for (let k = 0; k < 4; k++) info += ((hi[k]! - lo[k]!) / (2 * h)) ** 2 / mid[k]!;
      expect(itemInformation(items[2]!, t)).toBeCloseTo(info, 6);
    }
    const total = testInformation(items, [-1, 0, 1]);
    expect(total[1]).toBeCloseTo(
      items.reduce((s, i) => s + itemInformation(i, 0), 0),
      12,
    );
  });
});

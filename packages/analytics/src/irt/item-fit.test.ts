import { describe, expect, it } from 'vitest';
import { calibrate } from './calibrate.ts';
import { chiSquareUpper } from './chi-square.ts';
import { itemFit } from './item-fit.ts';
import { logistic } from './item-model.ts';
import { seededRandom, simulateAbilities, simulateItems, simulateResponses } from './simulate.ts';

describe('item fit', () => {
  it('chi-square tail matches known quantiles', () => {
    expect(chiSquareUpper(3.841459, 1)).toBeCloseTo(0.05, 6);
    expect(chiSquareUpper(18.307038, 10)).toBeCloseTo(0.05, 6);
    expect(chiSquareUpper(63.69074, 40)).toBeCloseTo(0.01, 6);
  });

  it('S-X² flags an item with a guessing floor among 2PL items, and not the others', () => {
    const random = seededRandom(3);
    const items = simulateItems(20, random);
    const thetas = simulateAbilities(3000, random);
    const data = simulateResponses(items, thetas, random);
    // Item 7 is answered under a 3PL with a guessing floor of 0.35 and a steep slope.
    for (let i = 0; i < thetas.length; i++) {
      const pr = 0.35 + 0.65 * logistic(2.2 * (thetas[i]! - 0.8));
      data.scores[i * 20 + 7] = random() < pr ? 1 : 0;
    }
    const c = calibrate(data, { model: '2pl', standardErrors: false });
    const fit = itemFit(c, data);
    expect(fit[7]!.p).toBeLessThan(0.001);
    const flagged = fit.filter((f, j) => j !== 7 && f.p < 0.01).length;
    expect(flagged).toBeLessThanOrEqual(1);
    for (const f of fit) {
      expect(f.df).toBeGreaterThan(5);
      expect(f.infit).toBeGreaterThan(0.8);
      expect(f.infit).toBeLessThan(1.2);
    }
  });
});

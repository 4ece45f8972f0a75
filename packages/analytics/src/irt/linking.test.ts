import { describe, expect, it } from 'vitest';
import { calibrate } from './calibrate.ts';
import { eap } from './eap.ts';
import type { ItemParameters } from './item-model.ts';
import {
  meanSigma,
  stockingLord,
  stockingLordCriterion,
  transformAbilities,
  transformItem,
  transformPopulation,
} from './linking.ts';
import { seededRandom, simulateAbilities, simulateItems, simulateResponses } from './simulate.ts';
import { mean, rmse } from './test-helpers.ts';

// Two forms sharing 15 items, 15 unique items each. The base group is N(0, 1); the new form's group
// is N(0.5, 1.2²) on the base scale, so the new calibration (which sets its own group to N(0, 1))
// relates to the base by θ_base = 1.2·θ_new + 0.5.
describe('linking two forms through common items', () => {
  const random = seededRandom(21);
  const common = simulateItems(15, random);
  const base = [...common, ...simulateItems(15, random)];
  const next = [...common, ...simulateItems(15, random)];
  const baseData = simulateResponses(base, simulateAbilities(3000, random), random);
  const newThetas = simulateAbilities(3000, random, 0.5, 1.2);
  const newData = simulateResponses(next, newThetas, random);
  const fit = { model: '2pl', standardErrors: false } as const;
  const baseCal = calibrate(baseData, fit);
  const newCal = calibrate(newData, fit);
  const commonOf = (items: readonly ItemParameters[]) => items.slice(0, 15);

  it('mean–sigma and Stocking–Lord recover A = 1.2, B = 0.5', () => {
    const ms = meanSigma(commonOf(newCal.items), commonOf(baseCal.items));
    expect(Math.abs(ms.A - 1.2)).toBeLessThan(0.08);
    expect(Math.abs(ms.B - 0.5)).toBeLessThan(0.08);
    const sl = stockingLord(commonOf(newCal.items), commonOf(baseCal.items));
    expect(Math.abs(sl.A - 1.2)).toBeLessThan(0.05);
    expect(Math.abs(sl.B - 0.5)).toBeLessThan(0.05);
    // Stocking–Lord is a minimum: nudging A or B makes its criterion worse.
    const criterion = (A: number, B: number) =>
      stockingLordCriterion(commonOf(newCal.items), commonOf(baseCal.items), { A, B });
    expect(criterion(sl.A, sl.B)).toBeCloseTo(sl.criterion, 9);
    for (const [dA, dB] of [
      [0.01, 0],
      [-0.01, 0],
      [0, 0.01],
      [0, -0.01],
    ] as const) {
      expect(criterion(sl.A + dA, sl.B + dB)).toBeGreaterThan(sl.criterion);
    }
    expect(criterion(ms.A, ms.B)).toBeGreaterThanOrEqual(sl.criterion);
    // The new form's items and abilities land on the base scale.
    const linked = newCal.items.map((i) => transformItem(i, sl));
    const bTrue = next.map((i) => -i.d[0]! / i.a);
    expect(
      rmse(
        linked.map((i) => -i.d[0]! / i.a),
        bTrue,
      ),
    ).toBeLessThan(0.1);
    const { theta } = transformAbilities(eap(newCal, newData).theta, sl);
    expect(Math.abs(mean(theta) - 0.5)).toBeLessThan(0.06);
    expect(transformPopulation(newCal.population, sl).sd).toBeCloseTo(sl.A, 12);
  });

  it('fixed-item calibration puts the new group at N(0.5, 1.2²) on the base scale', () => {
    const fixed = new Map(commonOf(baseCal.items).map((item, j) => [j, { a: item.a, d: item.d }] as const));
    const c = calibrate(newData, { ...fit, fixed });
    expect(c.converged).toBe(true);
    expect(Math.abs(c.population.mean - 0.5)).toBeLessThan(0.06);
    expect(Math.abs(c.population.sd - 1.2)).toBeLessThan(0.06);
    for (let j = 0; j < 15; j++) expect(c.items[j]!.a).toBe(baseCal.items[j]!.a);
    const bTrue = next.slice(15).map((i) => -i.d[0]! / i.a);
    expect(
      rmse(
        c.items.slice(15).map((i) => i.b[0]!),
        bTrue,
      ),
    ).toBeLessThan(0.1);
  });
});

import { describe, expect, it } from 'vitest';
import { calibrate, localEStep, setUp } from './calibrate.ts';
import { readCsv } from './reference-data.ts';
import { responsesFromRows } from './responses.ts';
import { seededRandom, simulateAbilities, simulateItems, simulateResponses } from './simulate.ts';
import { correlation, mean } from './test-helpers.ts';

// mirt 1.45 on LSAT7 (defaults: MML-EM, 61 points, N(0, 1)), from the reference README.
const MIRT_A = [0.988, 1.081, 1.706, 0.765, 0.736];
const MIRT_D = [1.856, 0.808, 1.804, 0.486, 1.855];
const MIRT_LOGLIK = -2658.805;

describe('2PL on LSAT7 against mirt', () => {
  const lsat7 = responsesFromRows(readCsv('irt', 'lsat7.csv').rows);

  it('stopped by mirt’s rule (no parameter moves 1e-4 in an EM cycle), matches its a and d to 1e-3', () => {
    const c = calibrate(lsat7, { model: '2pl', tol: 1e-4, accelerate: false, standardErrors: false });
    expect(c.converged).toBe(true);
    c.items.forEach((item, j) => {
      expect(Math.abs(item.a - MIRT_A[j]!)).toBeLessThanOrEqual(1e-3);
      expect(Math.abs(item.d[0]! - MIRT_D[j]!)).toBeLessThanOrEqual(1e-3);
    });
    expect(Math.abs(c.logLik - MIRT_LOGLIK)).toBeLessThanOrEqual(1e-3);
  });

  it('converged tightly, reaches mirt’s log-likelihood, and no less than at mirt’s printed estimates', () => {
    const c = calibrate(lsat7, { model: '2pl', tol: 1e-7 });
    expect(c.converged).toBe(true);
    expect(Math.abs(c.logLik - MIRT_LOGLIK)).toBeLessThanOrEqual(1e-3);
    // mirt stops at a max change of 1e-4 per (Ramsay-accelerated) cycle; the slow direction is item
    // 3's slope, which the exact maximum puts 0.0015 above mirt's printed 1.706.
    c.items.forEach((item, j) => {
      expect(Math.abs(item.a - MIRT_A[j]!)).toBeLessThanOrEqual(2e-3);
      expect(Math.abs(item.d[0]! - MIRT_D[j]!)).toBeLessThanOrEqual(2e-3);
      expect(item.b[0]).toBeCloseTo(-item.d[0]! / item.a, 12);
    });
    const p = setUp(lsat7, { model: '2pl' });
    const atMirt = Float64Array.from([...MIRT_A, ...MIRT_D, 0, 1]);
    expect(c.logLik).toBeGreaterThanOrEqual(localEStep(p, { x: atMirt }, new Map())[0]!);
    // Standard errors of the observed information: positive, larger for the steeper item 3.
    for (const item of c.items) expect(item.se.a).toBeGreaterThan(0.1);
    expect(c.items[2]!.se.a).toBeGreaterThan(c.items[0]!.se.a);
  });
});

describe('Rasch on raschdat1 against eRm (CML)', () => {
  it('agrees with eRm’s difficulties after centring (correlation ≥ 0.995)', () => {
    const data = responsesFromRows(readCsv('irt', 'raschdat1.csv').rows);
    const erm = readCsv('irt', 'raschdat1_erm_cml_difficulty.csv').rows.map((r) => r[1]!);
    const c = calibrate(data, { model: 'rasch', tol: 1e-6 });
    expect(c.converged).toBe(true);
    const b = c.items.map((i) => i.b[0]!);
    for (const item of c.items) expect(item.a).toBe(1);
    const centred = b.map((x) => x - mean(b));
    const ermCentred = erm.map((x) => x - mean(erm));
    expect(correlation(centred, ermCentred)).toBeGreaterThanOrEqual(0.995);
    // Differences small against the standard errors (MML and CML differ slightly by construction).
    const maxZ = Math.max(...centred.map((x, j) => Math.abs(x - ermCentred[j]!) / c.items[j]!.se.d[0]!));
    expect(maxZ).toBeLessThan(0.5);
    expect(c.population.sd).toBeGreaterThan(0.5);
  });
});

describe('standard errors', () => {
  it('of a large bank come from per-item blocks close to the full matrix’s', () => {
    const random = seededRandom(8);
    const items = simulateItems(10, random);
    const data = simulateResponses(items, simulateAbilities(1000, random), random, 0.5);
    const full = calibrate(data, { model: '2pl' });
    const blocks = calibrate(data, { model: '2pl', fullInformationLimit: 5 });
    full.items.forEach((item, j) => {
      // Ignoring the other items' uncertainty can only make a block's errors smaller, and a little.
      const b = blocks.items[j]!;
      expect(b.se.a).toBeLessThanOrEqual(item.se.a * 1.001);
      expect(b.se.a).toBeGreaterThan(item.se.a * 0.8);
      expect(b.se.d[0]).toBeLessThanOrEqual(item.se.d[0]! * 1.001);
      expect(b.se.d[0]).toBeGreaterThan(item.se.d[0]! * 0.8);
    });
  });

  it('are close to the spread of the estimates over simulation replicates', () => {
    const random = seededRandom(7);
    const items = simulateItems(8, random);
    const reps = 40;
    const estimates: number[][] = [];
    const ses: number[][] = [];
    for (let r = 0; r < reps; r++) {
      const data = simulateResponses(items, simulateAbilities(600, random), random);
      const c = calibrate(data, { model: '2pl' });
      estimates.push(c.items.flatMap((i) => [i.a, i.d[0]!]));
      ses.push(c.items.flatMap((i) => [i.se.a, i.se.d[0]!]));
    }
    const ratios: number[] = [];
    for (let p = 0; p < 16; p++) {
      const est = estimates.map((e) => e[p]!);
      const m = mean(est);
      const sd = Math.sqrt(est.reduce((s, x) => s + (x - m) ** 2, 0) / (reps - 1));
      ratios.push(mean(ses.map((s) => s[p]!)) / sd);
    }
    // With 40 replicates an SD is known to about ±11 %: the mean ratio should sit near 1.
    expect(mean(ratios)).toBeGreaterThan(0.85);
    expect(mean(ratios)).toBeLessThan(1.15);
    for (const r of ratios) expect(r).toBeGreaterThan(0.65);
    for (const r of ratios) expect(r).toBeLessThan(1.5);
  });
});

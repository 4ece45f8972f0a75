import { describe, expect, it } from 'vitest';
import { seededRandom } from '../assembly/synthetic.ts';
import { auc } from './auc.ts';
import { DesignBuilder, fitLogistic, type SparseDesign } from './logistic.ts';
import { fitLogisticNewton } from './newton.ts';

/** 3 global columns (bias, a normal, a count) + 4 groups × 2 columns (intercept, slope on the count). */
function synthetic(rows: number): { design: SparseDesign; truth: number[] } {
  const r = seededRandom(3);
  const truth = [0.3, 0.8, -0.15, 0.5, 0.1, -0.6, 0.05, 0.2, -0.1, -0.3, 0.2];
  const b = new DesignBuilder(11);
  for (let i = 0; i < rows; i++) {
    const x = Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r());
    const count = Math.floor(r() * 10);
    const group = Math.floor(r() * 4);
    const entries: [number, number][] = [
      [0, 1],
      [1, x],
      [2, count],
      [3 + 2 * group, 1],
      [4 + 2 * group, count],
    ];
    const z = entries.reduce((s, [j, v]) => s + truth[j]! * v, 0);
    for (const [j, v] of entries) b.add(j, v);
    b.endRow(r() < 1 / (1 + Math.exp(-z)) ? 1 : 0);
  }
  return { design: b.build(), truth };
}

describe('logistic regression', () => {
  const { design, truth } = synthetic(40_000);
  const l2 = Float64Array.from({ length: 11 }, (_, j) => (j === 0 ? 0 : 1));

  it('recovers the generating weights, and Newton, arrow-Newton and L-BFGS reach the same optimum', () => {
    const dense = fitLogisticNewton(design, { l2 });
    const arrow = fitLogisticNewton(design, { l2 }, { global: 3, block: 2 });
    const lbfgs = fitLogistic(design, { l2, tolerance: 1e-9, maxIterations: 2000 });
    expect(dense.converged).toBe(true);
    expect(dense.iterations).toBeLessThan(10);
    for (let j = 0; j < 11; j++) expect(arrow.weights[j]).toBeCloseTo(dense.weights[j]!, 6);
    // L-BFGS stops on a relative loss change: the same optimum up to the flat bias ↔ group direction.
    expect((lbfgs.loss - dense.loss) / dense.loss).toBeLessThan(1e-5);
    // The group columns are collinear with the bias (the penalty picks one split), so compare logits.
    const logit = (w: ArrayLike<number>, g: number, x: number, count: number) =>
      w[0]! + w[1]! * x + w[2]! * count + w[3 + 2 * g]! + w[4 + 2 * g]! * count;
    for (let g = 0; g < 4; g++) {
      for (const [x, count] of [
        [0, 0],
        [1, 5],
        [-1, 9],
      ] as const) {
        expect(Math.abs(logit(dense.weights, g, x, count) - logit(truth, g, x, count))).toBeLessThan(0.12);
        expect(Math.abs(logit(lbfgs.weights, g, x, count) - logit(dense.weights, g, x, count))).toBeLessThan(
          0.01,
        );
      }
    }
  });

  it('honours an offset: fitting the rest with the true global part fixed', () => {
    const offset = new Float64Array(design.rows);
    for (let r = 0; r < design.rows; r++) {
      for (let k = design.ptr[r]!; k < design.ptr[r + 1]!; k++) {
        if (design.idx[k]! === 1) offset[r] = truth[1]! * design.val[k]!;
      }
    }
    const fit = fitLogisticNewton(design, {
      l2: Float64Array.from(l2, (v, j) => (j === 1 ? 1e9 : v)),
      offset,
    });
    expect(Math.abs(fit.weights[1]!)).toBeLessThan(1e-4);
  });
});

describe('auc', () => {
  it('is the Mann–Whitney probability with ties counting half', () => {
    expect(auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo(0.75, 12);
    expect(auc([1, 0, 1, 0], [0.5, 0.5, 0.5, 0.5])).toBe(0.5);
    expect(auc([1, 1, 0], [3, 2, 1])).toBe(1);
    expect(auc([1, 1], [3, 2])).toBeNaN();
  });
});

/**
 * α, α if item deleted, item–rest r and the odd–even split-half against R (psych 2.2.9, R 4.2.2
 * Patched 2022-11-10 r83330, Debian r-cran-psych), on the shared reference data read in place:
 *
 *   library(psych)
 *   run <- function(x) {
 *     a <- psych::alpha(x, check.keys = FALSE, warnings = FALSE)
 *     print(sprintf("%.12f", c(a$total$raw_alpha, a$item.stats$r.drop, a$alpha.drop$raw_alpha, a$item.stats$mean)))
 *     odd <- rowSums(x[, seq(1, ncol(x), 2)]); even <- rowSums(x[, seq(2, ncol(x), 2)])
 *     r <- cor(odd, even); print(sprintf("%.12f", c(r, 2 * r / (1 + r))))
 *   }
 *   run(read.csv("irt/lsat7.csv"))
 *   bfi <- read.csv("factor/bfi.csv")
 *   run(na.omit(bfi[, c("A1","A2","A3","A4","A5","C1","C2","C3","C4","C5")]))
 *
 * psych has no odd–even split (its splitHalf reports the extremes and mean over all splits), so the
 * split is computed with base R's cor and the Spearman–Brown formula above. Printed to 12 decimals:
 * the tolerance is 1e-9.
 */
import { describe, expect, it } from 'vitest';
import { discrimination } from './discrimination.ts';
import { bfi10, lsat7 } from './items.fixtures.ts';
import { reliability } from './reliability.ts';

const TOL = 9;

const R = {
  lsat7: {
    n: 1000,
    alpha: 0.453408735387,
    rDrop: [0.245731649926, 0.246673576712, 0.31317925338, 0.222751254071, 0.174786300909],
    alphaDrop: [0.395974965077, 0.393831044858, 0.345391220018, 0.414600748981, 0.43846210166],
    mean: [0.828, 0.658, 0.772, 0.606, 0.843],
    oddEvenR: 0.299162446679,
    splitHalf: 0.460546635171,
  },
  bfi10: {
    n: 2632,
    alpha: 0.205030503562,
    rDrop: [
      -0.195852335911, 0.305032489077, 0.346973762284, 0.253031312684, 0.326705565263, 0.150328350149,
      0.192394598011, 0.125746010741, -0.240098953264, -0.277024476649,
    ],
    alphaDrop: [
      0.330470031238, 0.068275295013, 0.026989846097, 0.067626912519, 0.045288055389, 0.146486047065,
      0.11893417684, 0.157875075771, 0.347987021964, 0.397787159515,
    ],
    mean: [
      2.414513677812, 4.794072948328, 4.594984802432, 4.68009118541, 4.548252279635, 4.509878419453,
      4.362841945289, 4.29141337386, 2.559270516717, 3.31876899696,
    ],
    oddEvenR: 0.305067142009,
    splitHalf: 0.467511796427,
  },
};

describe.each([
  ['lsat7 (1,000 × 5, dichotomous)', lsat7, R.lsat7],
  ['bfi A1–C5 (2,632 complete cases × 10, scored 1–6)', bfi10, R.bfi10],
])('%s against psych', (_name, load, ref) => {
  const m = load();
  const rel = reliability(m);
  const disc = discrimination(m);

  it('reads the same cases', () => expect(m.persons).toBe(ref.n));
  it("gives psych's raw alpha", () => expect(rel.alpha).toBeCloseTo(ref.alpha, TOL));
  it("gives psych's alpha if item dropped", () =>
    ref.alphaDrop.forEach((v, i) => {
      expect(rel.alphaIfDeleted[i]).toBeCloseTo(v, TOL);
    }));
  it("gives psych's r.drop as the corrected point-biserial", () =>
    ref.rDrop.forEach((v, i) => {
      expect(disc.rpb[i]).toBeCloseTo(v, TOL);
    }));
  it('gives the item means, and P as mean ÷ full mark', () =>
    ref.mean.forEach((v, i) => {
      expect(disc.mean[i]).toBeCloseTo(v, TOL);
      expect(disc.p[i]).toBeCloseTo(v / m.maxScores[i]!, TOL);
    }));
  it('gives the odd–even split-half with Spearman–Brown', () => {
    expect(rel.splitHalfR).toBeCloseTo(ref.oddEvenR, TOL);
    expect(rel.splitHalf).toBeCloseTo(ref.splitHalf, TOL);
  });
});

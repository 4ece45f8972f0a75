/**
 * The quadrature the marginal likelihood is integrated with: equally spaced points on [−limit, limit]
 * with normalised standard-normal weights — mirt's default (61 points on [−6, 6] for one factor), so
 * the log-likelihoods agree with mirt's. The nodes of a N(μ, σ²) population are μ + σ·z.
 */
export interface Quadrature {
  /** Standard-normal nodes. */
  z: Float64Array;
  /** Weights, summing to 1. */
  weights: Float64Array;
}

export function normalQuadrature(points = 61, limit = 6): Quadrature {
  if (points < 2) throw new Error('quadrature needs at least 2 points');
  const z = new Float64Array(points);
  const weights = new Float64Array(points);
  let sum = 0;
  for (let q = 0; q < points; q++) {
    z[q] = -limit + (2 * limit * q) / (points - 1);
    weights[q] = Math.exp(-0.5 * z[q]! * z[q]!);
    sum += weights[q]!;
  }
  for (let q = 0; q < points; q++) weights[q] = weights[q]! / sum;
  return { z, weights };
}

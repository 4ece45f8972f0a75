/**
 * Item fit. S-X² (Orlando & Thissen 2000; Kang & Chen's generalisation for graded items): persons are
 * grouped by summed score, and each group's observed score distribution on the item is compared with
 * the model's, which Lord–Wingersky's recursion gives without any ability estimate — so the
 * statistic is close to chi-square with df = groups × K − free parameters. Groups are merged with
 * their neighbours until every expected count is at least `minExpected` (mirt's default 1). Only
 * persons who answered every item enter S-X² (a summed score needs the same items for everyone); on a
 * sparse design it is NaN and the infit / outfit mean squares (residuals at each person's EAP, all
 * responses) are the statistic to read.
 */
import type { IrtModel } from './calibrate.ts';
import { chiSquareUpper } from './chi-square.ts';
import { eap, type ScoringModel } from './eap.ts';
import { categoryProbabilities, type ItemParameters } from './item-model.ts';
import { normalQuadrature } from './quadrature.ts';
import type { Responses } from './responses.ts';

export interface ItemFit {
  /** S-X² statistic, its degrees of freedom and p-value (NaN without enough complete responses). */
  sx2: number;
  df: number;
  p: number;
  /** Information-weighted (infit) and unweighted (outfit) mean squares at the EAP; ≈ 1 when the item fits. */
  infit: number;
  outfit: number;
}

export interface FitModel extends ScoringModel {
  /** Rasch items have one parameter fewer (default: free slopes). */
  model?: IrtModel;
  items: readonly (ItemParameters & { fixed?: boolean })[];
}

/** Summed-score distribution over `items` (excluding `skip`) at θ: Lord–Wingersky. */
function lordWingersky(
  items: readonly ItemParameters[],
  theta: number,
  skip: number,
  p: Float64Array,
): Float64Array {
  let f = Float64Array.of(1);
  items.forEach((item, j) => {
    if (j === skip) return;
    const K = item.d.length;
    categoryProbabilities(item, theta, p);
    const g = new Float64Array(f.length + K);
    for (let s = 0; s < f.length; s++) for (let k = 0; k <= K; k++) g[s + k] = g[s + k]! + f[s]! * p[k]!;
    f = g;
  });
  return f;
}

export function itemFit(
  model: FitModel,
  responses: Responses,
  options: { minExpected?: number } = {},
): ItemFit[] {
  const minExpected = options.minExpected ?? 1;
  const J = responses.items;
  const items = model.items;
  const pop = model.population ?? { mean: 0, sd: 1 };
  const quad = model.quadrature ?? normalQuadrature();
  const thetas = Array.from(quad.z, (z) => pop.mean + pop.sd * z);
  const total = items.reduce((s, i) => s + i.d.length, 0);
  const complete: number[] = [];
  const sums: number[] = [];
  for (let i = 0; i < responses.persons; i++) {
    let s = 0;
    let ok = true;
    for (let j = 0; j < J && ok; j++) {
      const x = responses.scores[i * J + j]!;
      if (x < 0) ok = false;
      s += x;
    }
    if (ok) {
      complete.push(i);
      sums.push(s);
    }
  }
  const p = new Float64Array(Math.max(...items.map((i) => i.d.length)) + 1);
  // Full summed-score distribution, marginalised over the population.
  const marginal = new Float64Array(total + 1);
  thetas.forEach((t, q) => {
    lordWingersky(items, t, -1, p).forEach((v, s) => {
      marginal[s] = marginal[s]! + quad.weights[q]! * v;
    });
  });
  const { theta: eapTheta } = eap(model, responses);
  return items.map((item, j) => {
    const K = item.d.length;
    const params = item.fixed ? 0 : model.model === 'rasch' ? K : K + 1;
    // Expected P(score k on j, total s) over the population, and observed counts.
    const joint = new Float64Array((total + 1) * (K + 1));
    thetas.forEach((t, q) => {
      const rest = lordWingersky(items, t, j, p);
      const pj = categoryProbabilities(item, t);
      for (let s = 0; s < rest.length; s++) {
        for (let k = 0; k <= K; k++) joint[(s + k) * (K + 1) + k]! += quad.weights[q]! * pj[k]! * rest[s]!;
      }
    });
    const observed = new Float64Array((total + 1) * (K + 1));
    const groupN = new Float64Array(total + 1);
    complete.forEach((i, n) => {
      const s = sums[n]!;
      groupN[s]!++;
      observed[s * (K + 1) + responses.scores[i * J + j]!]!++;
    });
    // Groups of summed scores where more than one score on j is possible, merged until expected ≥ min.
    const groups: { o: Float64Array; e: Float64Array }[] = [];
    const fresh = () => ({ o: new Float64Array(K + 1), e: new Float64Array(K + 1) });
    let cur = fresh();
    const small = (g: typeof cur) => g.e.some((e) => e < minExpected);
    for (let s = 1; s < total; s++) {
      for (let k = 0; k <= K; k++) {
        cur.o[k]! += observed[s * (K + 1) + k]!;
        cur.e[k]! += marginal[s]! > 0 ? (groupN[s]! * joint[s * (K + 1) + k]!) / marginal[s]! : 0;
      }
      if (!small(cur)) {
        groups.push(cur);
        cur = fresh();
      }
    }
    const last = groups[groups.length - 1];
    if (last && cur.e.some((e) => e > 0)) {
      for (let k = 0; k <= K; k++) {
        last.o[k]! += cur.o[k]!;
        last.e[k]! += cur.e[k]!;
      }
    }
    let sx2 = 0;
    for (const g of groups) {
      for (let k = 0; k <= K; k++) if (g.e[k]! > 0) sx2 += (g.o[k]! - g.e[k]!) ** 2 / g.e[k]!;
    }
    const df = groups.length * K - params;
    const enough = complete.length >= 50 && df > 0;
    // Infit / outfit over every answer, at the EAP.
    let sq = 0;
    let zsq = 0;
    let w = 0;
    let n = 0;
    for (let i = 0; i < responses.persons; i++) {
      const x = responses.scores[i * J + j]!;
      if (x < 0) continue;
      const pk = categoryProbabilities(item, eapTheta[i]!, p);
      let e = 0;
      for (let k = 0; k <= K; k++) e += k * pk[k]!;
      let v = 0;
      for (let k = 0; k <= K; k++) v += (k - e) ** 2 * pk[k]!;
      sq += (x - e) ** 2;
      w += v;
      if (v > 1e-12) zsq += (x - e) ** 2 / v;
      n++;
    }
    return {
      sx2: enough ? sx2 : Number.NaN,
      df: enough ? df : Number.NaN,
      p: enough ? chiSquareUpper(sx2, df) : Number.NaN,
      infit: sq / w,
      outfit: zsq / n,
    };
  });
}

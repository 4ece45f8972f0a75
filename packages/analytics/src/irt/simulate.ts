/**
 * Seeded simulation for tests and benchmarks: abilities, item parameters and responses under the
 * 2PL / graded model, optionally with responses missing completely at random.
 */
import { seededRandom } from '../assembly/synthetic.ts';
import { categoryProbabilities, type ItemParameters } from './item-model.ts';
import type { Responses } from './responses.ts';

export { seededRandom };

/** A standard-normal deviate (Box–Muller). */
export function normalDeviate(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** n abilities from N(mean, sd²). */
export function simulateAbilities(n: number, random: () => number, mean = 0, sd = 1): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = mean + sd * normalDeviate(random);
  return out;
}

/**
 * Items of a usual simulation design: slopes log-normal (log a ~ N(0, 0.2²)), difficulties N(0, 0.75²);
 * an item with maxScore k > 1 gets k thresholds spread 1.6 logits around its difficulty.
 */
export function simulateItems(
  n: number,
  random: () => number,
  options: { maxScore?: (j: number) => number } = {},
): ItemParameters[] {
  const items: ItemParameters[] = [];
  for (let j = 0; j < n; j++) {
    const a = Math.exp(0.2 * normalDeviate(random));
    const b = 0.75 * normalDeviate(random);
    const K = options.maxScore?.(j) ?? 1;
    const d: number[] = [];
    for (let k = 1; k <= K; k++) d.push(-a * (K === 1 ? b : b + 1.6 * ((k - 1) / (K - 1) - 0.5)));
    items.push({ a, d });
  }
  return items;
}

/** Responses of persons with abilities `thetas` to `items`; a share `missing` left unanswered at random. */
export function simulateResponses(
  items: readonly ItemParameters[],
  thetas: ArrayLike<number>,
  random: () => number,
  missing = 0,
): Responses {
  const J = items.length;
  const scores = new Int8Array(thetas.length * J);
  const maxScore = Uint8Array.from(items, (it) => it.d.length);
  const p = new Float64Array(Math.max(...maxScore) + 1);
  for (let i = 0; i < thetas.length; i++) {
    for (let j = 0; j < J; j++) {
      if (missing > 0 && random() < missing) {
        scores[i * J + j] = -1;
        continue;
      }
      const item = items[j]!;
      categoryProbabilities(item, thetas[i]!, p);
      let u = random();
      let k = 0;
      while (k < item.d.length && u >= p[k]!) u -= p[k++]!;
      scores[i * J + j] = k;
    }
  }
  return { persons: thetas.length, items: J, scores, maxScore };
}

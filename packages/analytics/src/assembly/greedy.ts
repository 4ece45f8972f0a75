/**
 * A greedy assembler over the same ATA spec, as the baseline the benchmark compares the MIP with
 * (the heuristic many item banks ship). Two modes:
 * - every item must be placed (usage ≥ 1, booklet designs): items by decreasing objective weight
 *   (longest first, as in LPT scheduling), each to the form where it best fills what is missing
 *   and best improves the objective;
 * - selection (papers): repeatedly the (item, form) pair that best fills what is missing (lower
 *   bounds of count/score lines), then best improves the objective, never exceeding an upper bound.
 * It may fail to meet every constraint; `feasible` says whether it did.
 */
import { type AtaSpec, ataObjectiveValue } from './ata.ts';
import { AtaState } from './state.ts';

export interface GreedyResult {
  forms: number[][];
  feasible: boolean;
  objective: number;
  seconds: number;
}

/**
 * `seed`: (item, form) pairs placed first, in order, where they fit (e.g. an LP solution's
 * assignments, largest first); the greedy then completes the forms.
 */
export function greedyAssemble(
  spec: AtaSpec,
  seed: readonly (readonly [number, number])[] = [],
): GreedyResult {
  const started = performance.now();
  const st = new AtaState(spec);
  const { n, F, C, K } = st;
  // Lines with negative coefficients (e.g. a mean-difficulty band) can only be repaired, not filled.
  const mixed = new Uint8Array(C);
  const scale = new Float64Array(C).fill(1);
  spec.constraints.forEach((con, c) => {
    let maxAbs = 0;
    for (let k = 0; k < con.items.length; k++) {
      const v = typeof con.values === 'number' ? con.values : con.values[k]!;
      if (v < 0) mixed[c] = 1;
      maxAbs = Math.max(maxAbs, Math.abs(v));
    }
    scale[c] = mixed[c] ? maxAbs || 1 : Math.max(1, Number.isFinite(con.min) ? con.min : 1);
  });
  const o = spec.objective;

  /** How much placing i on f fills missing lower bounds (and repairs mixed lines); −1 if it breaks an upper bound. */
  const fillGain = (i: number, f: number): number => {
    let gain = 0;
    for (let k = st.lineStart[i]!; k < st.lineStart[i + 1]!; k++) {
      const c = st.lineOf[k]!;
      if (!st.applies[c * F + f]) continue;
      const v = st.lineValue[k]!;
      const con = spec.constraints[c]!;
      const a = st.act[c * F + f]!;
      if (mixed[c]) gain += (st.violation(c, f) - st.violation(c, f, v)) / scale[c]!;
      else if (a + v > con.max + 1e-9) return -1;
      else gain += Math.min(v, Math.max(0, con.min - a)) / scale[c]!;
    }
    return gain;
  };
  const objectiveGain = (i: number, f: number): number => {
    if (!o) return 0;
    const after = st.formScore(f, (k) => st.objValue(i, k));
    // Ties in a maximin (another point is the minimum) still prefer informative items.
    let sum = 0;
    if (o.kind === 'maximin') for (let k = 0; k < K; k++) sum += st.objValue(i, k) / (o.weights?.[k] ?? 1);
    return after - st.formScore(f) + 1e-3 * sum;
  };
  const deficit = (f: number): boolean =>
    spec.constraints.some((con, c) => st.applies[c * F + f] && st.act[c * F + f]! < con.min - 1e-9);

  for (const fx of spec.fixed ?? [])
    if (fx.value === 1)
      for (let k = 0; k < fx.items.length; k++)
        for (let f = 0; f < F; f++) if (!st.has(fx.items[k]!, f)) st.place(fx.items[k]!, f);

  for (const [i, f] of seed) if (st.canJoin(i, f) && fillGain(i, f) >= 0) st.place(i, f);

  if (st.usageMin >= 1) {
    const weightOf = (i: number) => (o && o.kind !== 'maximin' ? Math.abs(o.values[i]!) : 0);
    const degree = (i: number) => st.enemyStart[i + 1]! - st.enemyStart[i]!;
    const order = Array.from({ length: n }, (_, i) => i)
      .filter((i) => st.fixed[i] !== 1 && st.usage[i] === 0)
      .sort((a, b) => weightOf(b) - weightOf(a) || degree(b) - degree(a) || a - b);
    for (const i of order) {
      let best = -1;
      let bestKey = [-Infinity, -Infinity, -Infinity];
      for (let f = 0; f < F; f++) {
        if (!st.canJoin(i, f)) continue;
        const fill = fillGain(i, f);
        if (fill < 0) continue;
        const key = [fill, objectiveGain(i, f), -st.formScore(f)];
        if (better(key, bestKey)) [best, bestKey] = [f, key];
      }
      if (best >= 0) st.place(i, best);
    }
  } else {
    const growing = o?.kind === 'maximin' || (o?.kind === 'sum' && o.sense === 'max');
    for (;;) {
      let bi = -1;
      let bf = -1;
      let bestKey = [0, -Infinity, -Infinity];
      for (let f = 0; f < F; f++) {
        const needy = deficit(f);
        const weakness = -st.formScore(f);
        for (let i = 0; i < n; i++) {
          if (!st.canJoin(i, f)) continue;
          const fill = fillGain(i, f);
          if (fill < 0 || (needy && fill <= 0)) continue;
          const gain = objectiveGain(i, f);
          // Once nothing is missing, add only what improves a maximin or a maximised sum.
          if (!needy && !(growing && gain > 1e-12)) continue;
          const key = [needy ? fill : 0, gain, weakness];
          if (bi < 0 || better(key, bestKey)) [bi, bf, bestKey] = [i, f, key];
        }
      }
      if (bi < 0) break;
      st.place(bi, bf);
    }
  }
  const forms = st.forms();
  return {
    forms,
    feasible: st.feasible(),
    objective: ataObjectiveValue(spec, forms),
    seconds: (performance.now() - started) / 1000,
  };
}

function better(a: number[], b: number[]): boolean {
  for (let k = 0; k < a.length; k++) {
    if (a[k]! > b[k]! + 1e-12) return true;
    if (a[k]! < b[k]! - 1e-12) return false;
  }
  return false;
}

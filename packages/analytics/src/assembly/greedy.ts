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

export interface GreedyResult {
  forms: number[][];
  feasible: boolean;
  objective: number;
  seconds: number;
}

export function greedyAssemble(spec: AtaSpec): GreedyResult {
  const started = performance.now();
  const { itemCount: n, formCount: F } = spec;
  const C = spec.constraints.length;
  // Per item: the constraints it appears in, with its value.
  const itemCons: { c: number; v: number }[][] = Array.from({ length: n }, () => []);
  const mixed = new Uint8Array(C);
  const scale = new Float64Array(C).fill(1);
  spec.constraints.forEach((con, c) => {
    let maxAbs = 0;
    for (let k = 0; k < con.items.length; k++) {
      const v = typeof con.values === 'number' ? con.values : con.values[k]!;
      if (v === 0) continue;
      if (v < 0) mixed[c] = 1;
      maxAbs = Math.max(maxAbs, Math.abs(v));
      itemCons[con.items[k]!]!.push({ c, v });
    }
    scale[c] = mixed[c] ? maxAbs || 1 : Math.max(1, con.min === -Infinity ? 1 : con.min);
  });
  const appliesTo = spec.constraints.map((con) => {
    const set = new Uint8Array(F);
    for (const f of con.forms ?? Array.from({ length: F }, (_, g) => g)) set[f] = 1;
    return set;
  });
  const act = new Float64Array(C * F);
  const inForm = new Uint8Array(n * F);
  const usage = new Int32Array(n);
  const banned = new Uint8Array(n);
  const enemyOf: number[][] = Array.from({ length: n }, () => []);
  for (const e of spec.enemies ?? [])
    for (let k = 0; k + 1 < e.pairs.length; k += 2) {
      enemyOf[e.pairs[k]!]!.push(e.pairs[k + 1]!);
      enemyOf[e.pairs[k + 1]!]!.push(e.pairs[k]!);
    }
  const maxOverlap = spec.overlap?.max ?? n;
  const shared = new Int32Array(F * F);
  const usageMax = spec.usage?.max ?? F;
  const o = spec.objective;
  const K = o?.kind === 'maximin' ? o.values.length : 1;
  const objAct = new Float64Array(F * K);
  const weight = (k: number) => (o?.kind === 'maximin' ? (o.weights?.[k] ?? 1) : 1);

  const formObjective = (f: number): number => {
    if (!o) return 0;
    if (o.kind === 'minimax') return -Math.abs(objAct[f]! - o.target);
    if (o.kind === 'maximin') {
      let m = Infinity;
      for (let k = 0; k < K; k++) m = Math.min(m, objAct[f * K + k]! / weight(k));
      return m;
    }
    return o.sense === 'min' ? -objAct[f]! : objAct[f]!;
  };
  const objectiveGain = (i: number, f: number): number => {
    if (!o) return 0;
    if (o.kind === 'minimax') {
      const cur = objAct[f]!;
      return Math.abs(cur - o.target) - Math.abs(cur + o.values[i]! - o.target);
    }
    if (o.kind === 'maximin') {
      let before = Infinity;
      let after = Infinity;
      let sum = 0;
      for (let k = 0; k < K; k++) {
        const v = o.values[k]![i]! / weight(k);
        before = Math.min(before, objAct[f * K + k]! / weight(k));
        after = Math.min(after, objAct[f * K + k]! / weight(k) + v);
        sum += v;
      }
      return after - before + 1e-3 * sum;
    }
    return o.sense === 'min' ? -o.values[i]! : o.values[i]!;
  };
  const violation = (c: number, a: number) => {
    const con = spec.constraints[c]!;
    return Math.max(0, con.min - a) + Math.max(0, a - con.max);
  };
  /** How much placing i on f fills missing lower bounds (and repairs mixed-sign lines); −1 if it breaks an upper bound. */
  const fillGain = (i: number, f: number): number => {
    let gain = 0;
    for (const { c, v } of itemCons[i]!) {
      if (!appliesTo[c]![f]) continue;
      const con = spec.constraints[c]!;
      const a = act[c * F + f]!;
      if (mixed[c]) gain += (violation(c, a) - violation(c, a + v)) / scale[c]!;
      else if (a + v > con.max + 1e-9) return -1;
      else gain += Math.min(v, Math.max(0, con.min - a)) / scale[c]!;
    }
    return gain;
  };
  const allowed = (i: number, f: number): boolean => {
    if (banned[i] || inForm[i * F + f] || usage[i]! >= usageMax) return false;
    for (const j of enemyOf[i]!) if (inForm[j * F + f]) return false;
    if (usage[i]! > 0)
      for (let g = 0; g < F; g++)
        if (inForm[i * F + g] && shared[Math.min(f, g) * F + Math.max(f, g)]! >= maxOverlap) return false;
    return true;
  };
  const place = (i: number, f: number) => {
    for (let g = 0; g < F; g++) if (inForm[i * F + g]) shared[Math.min(f, g) * F + Math.max(f, g)]!++;
    inForm[i * F + f] = 1;
    usage[i]!++;
    for (const { c, v } of itemCons[i]!) if (appliesTo[c]![f]) act[c * F + f]! += v;
    if (o?.kind === 'maximin') for (let k = 0; k < K; k++) objAct[f * K + k]! += o.values[k]![i]!;
    else if (o) objAct[f]! += o.values[i]!;
  };

  for (const fx of spec.fixed ?? []) {
    for (let k = 0; k < fx.items.length; k++) {
      const i = fx.items[k]!;
      if (fx.value === 0) banned[i] = 1;
      else for (let f = 0; f < F; f++) if (!inForm[i * F + f]) place(i, f);
    }
  }

  const deficit = (f: number): boolean =>
    spec.constraints.some((con, c) => appliesTo[c]![f] && act[c * F + f]! < con.min - 1e-9);

  if ((spec.usage?.min ?? 0) >= 1) {
    const weightOf = (i: number) => (o && o.kind !== 'maximin' ? Math.abs(o.values[i]!) : 0);
    const order = Array.from({ length: n }, (_, i) => i)
      .filter((i) => !banned[i] && usage[i] === 0)
      .sort((a, b) => weightOf(b) - weightOf(a) || enemyOf[b]!.length - enemyOf[a]!.length || a - b);
    for (const i of order) {
      let best = -1;
      let bestKey = [-Infinity, -Infinity, -Infinity];
      for (let f = 0; f < F; f++) {
        if (!allowed(i, f)) continue;
        const fill = fillGain(i, f);
        if (fill < 0) continue;
        const key = [fill, objectiveGain(i, f), formObjective(f)];
        if (better(key, bestKey)) [best, bestKey] = [f, key];
      }
      if (best >= 0) place(i, best);
    }
  } else {
    for (;;) {
      let bi = -1;
      let bf = -1;
      let bestKey = [0, -Infinity, -Infinity];
      const needy = Array.from({ length: F }, (_, f) => deficit(f));
      for (let f = 0; f < F; f++) {
        const fo = -formObjective(f);
        for (let i = 0; i < n; i++) {
          if (!allowed(i, f)) continue;
          const fill = fillGain(i, f);
          if (fill < 0 || (needy[f] && fill <= 0)) continue;
          const gain = objectiveGain(i, f);
          // Once nothing is missing, add only what improves a maximin or a maximised sum.
          if (
            !needy[f] &&
            !(gain > 1e-12 && (o?.kind === 'maximin' || (o?.kind === 'sum' && o.sense === 'max')))
          )
            continue;
          const key = [needy[f] ? fill : 0, gain, fo];
          if (better(key, bestKey) || bi < 0) [bi, bf, bestKey] = [i, f, key];
        }
      }
      if (bi < 0) break;
      place(bi, bf);
    }
  }

  const forms = Array.from({ length: F }, (_, f) => {
    const items: number[] = [];
    for (let i = 0; i < n; i++) if (inForm[i * F + f]) items.push(i);
    return items;
  });
  let feasible = true;
  spec.constraints.forEach((_, c) => {
    for (let f = 0; f < F; f++)
      if (appliesTo[c]![f] && violation(c, act[c * F + f]!) > 1e-6) feasible = false;
  });
  const uMin = spec.usage?.min ?? 0;
  for (let i = 0; i < n; i++) if (usage[i]! < uMin) feasible = false;
  return {
    forms,
    feasible,
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

/**
 * Making large pools small before the solver sees them (HiGHS in WebAssembly slows down sharply
 * beyond a few thousand columns):
 * - `dominanceKeep` (exact): items that no solution can use (a count line allows none of them),
 *   and items dominated within a class of interchangeable items (same lines, values, objective
 *   coefficients; differing only in a pure upper-bound resource such as answering time) beyond
 *   the number the class can ever contribute;
 * - `coreKeep` (a restriction): a few representatives per class, spread over the objective's
 *   coefficient (for a minimax target) or the best ones (for maximin and sums). A solution on the
 *   core is feasible for the whole pool; its optimality is then checked against a bound of the
 *   whole pool (`solveAta`).
 */
import type { AtaSpec } from './ata.ts';

const valueAt = (values: ArrayLike<number> | number, k: number) =>
  typeof values === 'number' ? values : values[k]!;

/** The spec restricted to `keep` (item indices), items renumbered in `keep` order. */
export function subsetSpec(spec: AtaSpec, keep: ArrayLike<number>): AtaSpec {
  const local = new Int32Array(spec.itemCount).fill(-1);
  for (let k = 0; k < keep.length; k++) local[keep[k]!] = k;
  const pick = (values: ArrayLike<number>) => Float64Array.from(keep, (i) => values[i]!);
  return {
    ...spec,
    itemCount: keep.length,
    constraints: spec.constraints.map((c) => {
      const items: number[] = [];
      const values: number[] = [];
      for (let k = 0; k < c.items.length; k++) {
        const j = local[c.items[k]!]!;
        if (j < 0) continue;
        items.push(j);
        values.push(valueAt(c.values, k));
      }
      return { ...c, items, values: typeof c.values === 'number' ? c.values : values };
    }),
    enemies: spec.enemies?.map((e) => {
      const pairs: number[] = [];
      for (let k = 0; k + 1 < e.pairs.length; k += 2) {
        const a = local[e.pairs[k]!]!;
        const b = local[e.pairs[k + 1]!]!;
        if (a >= 0 && b >= 0) pairs.push(a, b);
      }
      return { ...e, pairs };
    }),
    fixed: spec.fixed?.map((fx) => ({
      ...fx,
      items: Array.from(fx.items, (i) => local[i]!).filter((j) => j >= 0),
    })),
    objective:
      spec.objective === undefined
        ? undefined
        : spec.objective.kind === 'maximin'
          ? { ...spec.objective, values: spec.objective.values.map(pick) }
          : { ...spec.objective, values: pick(spec.objective.values) },
  };
}

interface Classes {
  /** Class id of each item (−1: never usable). */
  classOf: Int32Array;
  /** Per-form capacity of each class. */
  capacity: number[];
  /** Items that must stay (enemies, includes). */
  pinned: Uint8Array;
  /** The resource row used to order a class (−1: none). */
  resource: number;
}

/**
 * Groups items by their signature. `fine`: every coefficient outside the resource row and every
 * objective coefficient is part of the signature (exact interchangeability); otherwise only the
 * count lines (all coefficients 1) are, which is what a core needs.
 */
function classify(spec: AtaSpec, fine: boolean): Classes {
  const n = spec.itemCount;
  const F = spec.formCount;
  const nonNegative = spec.constraints.map((c) => {
    for (let k = 0; k < c.items.length; k++) if (valueAt(c.values, k) < 0) return false;
    return true;
  });
  const allForms = (c: AtaSpec['constraints'][number]) => c.forms === undefined || c.forms.length === F;
  // A pure upper bound whose coefficients differ between items (answering time): the one
  // dimension in which items of a class may differ and still be ranked.
  const varies = (c: AtaSpec['constraints'][number]) => {
    if (typeof c.values === 'number') return false;
    for (let k = 1; k < c.items.length; k++) if (c.values[k] !== c.values[0]) return true;
    return false;
  };
  const resource = spec.constraints.findIndex(
    (c, k) => nonNegative[k] && allForms(c) && c.min <= 0 && Number.isFinite(c.max) && varies(c),
  );
  const isCount = spec.constraints.map((c, k) => {
    if (!nonNegative[k]) return false;
    for (let j = 0; j < c.items.length; j++) if (valueAt(c.values, j) !== 1) return false;
    return true;
  });
  const parts: string[][] = Array.from({ length: n }, () => []);
  const cap = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  spec.constraints.forEach((c, k) => {
    for (let j = 0; j < c.items.length; j++) {
      const i = c.items[j]!;
      const v = valueAt(c.values, j);
      if (k === resource) continue;
      if (nonNegative[k] && allForms(c) && v > 0 && Number.isFinite(c.max))
        cap[i] = Math.min(cap[i]!, Math.floor(c.max / v + 1e-9));
      if (fine) parts[i]!.push(`${k}:${v}`);
      else if (isCount[k]) parts[i]!.push(String(k));
    }
  });
  const pinned = new Uint8Array(n);
  for (const e of spec.enemies ?? []) for (let k = 0; k < e.pairs.length; k++) pinned[e.pairs[k]!] = 1;
  (spec.fixed ?? []).forEach((fx, g) => {
    for (let k = 0; k < fx.items.length; k++) {
      if (fx.value === 1) pinned[fx.items[k]!] = 1;
      else parts[fx.items[k]!]!.push(`fixed${g}`);
    }
  });
  const o = spec.objective;
  if (fine && o) {
    const vs = o.kind === 'maximin' ? o.values : [o.values];
    for (let i = 0; i < n; i++) parts[i]!.push(`o${vs.map((v) => v[i]).join(',')}`);
  }
  const ids = new Map<string, number>();
  const classOf = new Int32Array(n);
  const capacity: number[] = [];
  for (let i = 0; i < n; i++) {
    if (cap[i] === 0 && !pinned[i]) {
      classOf[i] = -1;
      continue;
    }
    const key = parts[i]!.join('|');
    let id = ids.get(key);
    if (id === undefined) {
      id = capacity.length;
      ids.set(key, id);
      capacity.push(Number.POSITIVE_INFINITY);
    }
    classOf[i] = id;
    capacity[id] = Math.min(capacity[id]!, cap[i]!);
  }
  return { classOf, capacity, pinned, resource };
}

/** Resource value (e.g. seconds) of each item in row `r`, 0 without one. */
function resourceValues(spec: AtaSpec, r: number): Float64Array {
  const out = new Float64Array(spec.itemCount);
  if (r < 0) return out;
  const c = spec.constraints[r]!;
  for (let k = 0; k < c.items.length; k++) out[c.items[k]!] = valueAt(c.values, k);
  return out;
}

/**
 * Items worth keeping, exactly: a solution using a dropped item can swap it for an unused kept item
 * of its class (same lines, objective and fixings, no more of the resource) in every form it is on.
 * Only valid while every constraint is enforced (not for the conflict search, which drops some).
 */
export function dominanceKeep(spec: AtaSpec): number[] {
  const F = spec.formCount;
  const { classOf, capacity, pinned, resource } = classify(spec, true);
  const res = resourceValues(spec, resource);
  const members: number[][] = capacity.map(() => []);
  const keep: number[] = [];
  for (let i = 0; i < spec.itemCount; i++) {
    if (pinned[i]) keep.push(i);
    else if (classOf[i]! >= 0) members[classOf[i]!]!.push(i);
  }
  members.forEach((items, c) => {
    const room = capacity[c]! * F;
    if (items.length <= room) keep.push(...items);
    else keep.push(...items.sort((a, b) => res[a]! - res[b]! || a - b).slice(0, room));
  });
  return keep.sort((a, b) => a - b);
}

/**
 * About `target` items that a good solution is likely to use (see the module comment), always with
 * the pinned items and enough members of every count line to meet its lower bound on every form.
 */
export function coreKeep(spec: AtaSpec, target: number): number[] {
  const F = spec.formCount;
  const n = spec.itemCount;
  const { classOf, capacity, pinned, resource } = classify(spec, false);
  const res = resourceValues(spec, resource);
  const o = spec.objective;
  const chosen = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (pinned[i]) chosen[i] = 1;
  const members: number[][] = capacity.map(() => []);
  for (let i = 0; i < n; i++) if (classOf[i]! >= 0 && !pinned[i]) members[classOf[i]!]!.push(i);
  const live = members.filter((m) => m.length > 0).length || 1;

  if (!o || o.kind === 'minimax') {
    // Spread over the objective coefficient: the solver combines them to hit the target.
    const value = o ? o.values : res;
    members.forEach((items, c) => {
      const m = Math.min(items.length, Math.max(capacity[c]! * F + 1, Math.ceil(target / live)));
      if (m === 0) return;
      items.sort((a, b) => value[a]! - value[b]! || res[a]! - res[b]!);
      for (let q = 0; q < m; q++) {
        // The item with the least resource in each of m equal slices.
        const from = Math.floor((q * items.length) / m);
        const to = Math.max(from + 1, Math.floor(((q + 1) * items.length) / m));
        let best = items[from]!;
        for (let k = from + 1; k < to; k++) if (res[items[k]!]! < res[best]!) best = items[k]!;
        chosen[best] = 1;
      }
    });
  } else {
    const score = new Float64Array(n);
    if (o.kind === 'maximin')
      o.values.forEach((v, k) => {
        for (let i = 0; i < n; i++) score[i]! += v[i]! / (o.weights?.[k] ?? 1);
      });
    else for (let i = 0; i < n; i++) score[i] = o.sense === 'max' ? o.values[i]! : -o.values[i]!;
    const order = Array.from({ length: n }, (_, i) => i)
      .filter((i) => classOf[i]! >= 0)
      .sort((a, b) => score[b]! - score[a]! || a - b);
    for (let k = 0; k < order.length && k < target; k++) chosen[order[k]!] = 1;
    coverLines(spec, chosen, score, classOf);
  }
  const keep: number[] = [];
  for (let i = 0; i < n; i++) if (chosen[i]) keep.push(i);
  return keep;
}

/**
 * Adds to `chosen` the best (by `score`) further members of every line with a lower bound until it
 * has half as many again as all forms together need, so a restriction stays feasible.
 */
function coverLines(spec: AtaSpec, chosen: Uint8Array, score: ArrayLike<number>, classOf?: Int32Array): void {
  const F = spec.formCount;
  for (const c of spec.constraints) {
    if (c.min <= 0) continue;
    let have = 0;
    for (let k = 0; k < c.items.length; k++) if (chosen[c.items[k]!]) have++;
    const need = Math.ceil(c.min * F * 1.5);
    if (have >= need) continue;
    const rest = Array.from(c.items)
      .filter((i) => !chosen[i] && (!classOf || classOf[i]! >= 0))
      .sort((a, b) => score[b]! - score[a]! || a - b);
    for (let k = 0; k < rest.length && have < need; k++, have++) chosen[rest[k]!] = 1;
  }
}

/**
 * The items an LP relaxation uses (Σ_f x[i,f] > 0 in `lpItems`), with every line's lower bound
 * covered as in `coreKeep`: the sub-MIP that relaxation-induced neighbourhood search solves.
 */
export function supportKeep(spec: AtaSpec, lpUse: ArrayLike<number>): number[] {
  const n = spec.itemCount;
  const chosen = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (lpUse[i]! > 1e-6) chosen[i] = 1;
  for (const e of spec.enemies ?? []) for (let k = 0; k < e.pairs.length; k++) chosen[e.pairs[k]!] = 1;
  for (const fx of spec.fixed ?? [])
    if (fx.value === 1) for (let k = 0; k < fx.items.length; k++) chosen[fx.items[k]!] = 1;
  coverLines(spec, chosen, lpUse);
  const keep: number[] = [];
  for (let i = 0; i < n; i++) if (chosen[i]) keep.push(i);
  return keep;
}

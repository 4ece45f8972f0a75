/**
 * The general automated-test-assembly (ATA) problem as data: items × forms, per-form linear
 * constraints over item values (counts, scores, time, difficulty balance …), item usage across
 * forms (at most once, exactly once …), enemy pairs, a bound on the overlap of any two forms, fixed
 * items, and one objective (minimax distance to a target, maximin, or a sum). A teacher's blueprint
 * compiles to this (`compile.ts`), and so does a booklet design such as eatATA's pilot study (every
 * item in exactly one of 14 booklets): both are solved by the same MIP built here.
 */
import { INF, MipModel } from './model.ts';

/** Σ_i values[i]·x[i,f] ∈ [min, max] for each form f of `forms` (default: every form). */
export interface AtaConstraint {
  /** Group name: the unit named by an infeasibility explanation and switched off by the filter. */
  group: string;
  /** Item indices with a non-zero value. */
  items: ArrayLike<number>;
  /** Value of each listed item (or one value for all). */
  values: ArrayLike<number> | number;
  min: number;
  max: number;
  forms?: readonly number[];
}

export type AtaObjective =
  /** Minimise the largest |Σ values·x_f − target| over the forms. */
  | { kind: 'minimax'; values: ArrayLike<number>; target: number }
  /** Maximise the smallest Σ values[k]·x_f / weights[k] over forms f and points k. */
  | { kind: 'maximin'; values: ArrayLike<number>[]; weights?: readonly number[] }
  /** Minimise or maximise Σ_f Σ_i values[i]·x[i,f]. */
  | { kind: 'sum'; values: ArrayLike<number>; sense: 'min' | 'max' };

export interface AtaSpec {
  itemCount: number;
  formCount: number;
  /** Times each item is used over all forms (default 0 … formCount). */
  usage?: { min: number; max: number; group?: string };
  constraints: AtaConstraint[];
  /** Pairs of items never on the same form, flattened [a0, b0, a1, b1 …]. */
  enemies?: { group: string; pairs: ArrayLike<number> }[];
  /** At most `max` items shared by any two forms. */
  overlap?: { group: string; max: number };
  /** Items fixed in every form (value 1) or in none (value 0). */
  fixed?: { group: string; items: ArrayLike<number>; value: 0 | 1 }[];
  objective?: AtaObjective;
}

export interface BuiltAta {
  model: MipModel;
  /** Column of x[item, form]. */
  col(item: number, form: number): number;
  /** Column of the auxiliary objective variable (minimax/maximin), or −1. */
  aux: number;
  /** Size of one step of the auxiliary variable when it was made integral (minimax on a grid). */
  auxStep: number;
  /** A complete column vector (auxiliaries included) for given forms, e.g. as a MIP start. */
  start(forms: number[][]): Float64Array;
  /** Item indices per form from a column vector. */
  decode(values: ArrayLike<number>): number[][];
}

/** Switches for measuring what the formulation choices buy (both on by default). */
export interface AtaFormulation {
  symmetryBreaking?: boolean;
  gridObjective?: boolean;
  /**
   * Off: only the aggregate overlap envelope (a relaxation of "any two forms share at most max"),
   * for a solve whose result is then checked pair by pair.
   */
  pairwiseOverlap?: boolean;
  /** A restriction: only these items may appear on more than one form (the rest at most once). */
  shareable?: ArrayLike<number>;
  /** A restriction: item i may go to form f only where allowed[i·F + f] is 1. */
  allowed?: ArrayLike<number>;
}

/**
 * The MIP of an ATA spec. Formulation choices that matter for proving optimality:
 * - forms that must be disjoint (usage ≤ 1) and are interchangeable get symmetry breaking: the
 *   k-th item (in a fixed order) may only go to forms 0 … k, which removes the F! relabellings;
 * - a minimax variable whose item values and target lie on a common grid (e.g. half minutes) is
 *   declared integral in grid steps, so the LP bound is rounded up to the next attainable value;
 * - an overlap bound uses continuous z ≥ x_f + x_g − 1 per item and pair of forms (z needs no
 *   integrality), or just usage ≤ 1 when no overlap is allowed.
 */
export function buildAtaModel(spec: AtaSpec, formulation: AtaFormulation = {}): BuiltAta {
  const { itemCount: n, formCount: F } = spec;
  const m = new MipModel();
  m.addBinaries(n * F);
  const col = (i: number, f: number) => i * F + f;
  const allForms = Array.from({ length: F }, (_, f) => f);

  for (const c of spec.constraints) {
    const g = m.group(c.group);
    const cols = new Int32Array(c.items.length);
    for (const f of c.forms ?? allForms) {
      for (let k = 0; k < c.items.length; k++) cols[k] = col(c.items[k]!, f);
      m.addRow(g, cols, c.values, c.min, c.max);
    }
  }

  const usageMin = spec.usage?.min ?? 0;
  let usageMax = Math.min(spec.usage?.max ?? F, F);
  const noOverlap = F > 1 && spec.overlap !== undefined && spec.overlap.max <= 0;
  const zPairs: [number, number, number][] = [];
  let wStart = -1;
  if (usageMin > 0 || usageMax < F) {
    const g = m.group(spec.usage?.group ?? 'usage');
    const cols = new Int32Array(F);
    for (let i = 0; i < n; i++) {
      for (let f = 0; f < F; f++) cols[f] = col(i, f);
      m.addRow(g, cols, 1, usageMin, usageMax);
    }
  }
  if (noOverlap) {
    const g = m.group(spec.overlap!.group);
    const cols = new Int32Array(F);
    for (let i = 0; i < n; i++) {
      for (let f = 0; f < F; f++) cols[f] = col(i, f);
      m.addRow(g, cols, 1, -INF, 1);
    }
    usageMax = Math.min(usageMax, 1);
  } else if (F > 1 && spec.overlap !== undefined && spec.overlap.max < n) {
    const g = m.group(spec.overlap.group);
    // A restriction for speed: only `shareable` items may sit on several forms.
    const shareable = formulation.shareable ? Uint8Array.from({ length: n }, () => 0) : null;
    if (shareable && formulation.shareable) {
      for (let k = 0; k < formulation.shareable.length; k++) shareable[formulation.shareable[k]!] = 1;
      const cols = new Int32Array(F);
      for (let i = 0; i < n; i++) {
        if (shareable[i]) continue;
        for (let f = 0; f < F; f++) cols[f] = col(i, f);
        m.addRow(0, cols, 1, -INF, 1);
      }
    }
    for (let f = 0; f < F && formulation.pairwiseOverlap !== false; f++) {
      for (let h = f + 1; h < F; h++) {
        const z = m.addCols(n, 0, 1, false);
        zPairs.push([f, h, z]);
        const zs: number[] = [];
        for (let i = 0; i < n; i++) {
          if (shareable && !shareable[i]) {
            m.colUpper[z + i] = 0;
            continue;
          }
          m.addRow(0, [col(i, f), col(i, h), z + i], [1, 1, -1], -INF, 1);
          zs.push(z + i);
        }
        m.addRow(g, zs, 1, -INF, spec.overlap.max);
      }
    }
    if (F >= 3 && !shareable) wStart = addOverlapEnvelope(m, g, n, F, spec.overlap.max, col);
  }

  for (const e of spec.enemies ?? []) {
    const g = m.group(e.group);
    for (let k = 0; k + 1 < e.pairs.length; k += 2) {
      for (let f = 0; f < F; f++) m.addRow(g, [col(e.pairs[k]!, f), col(e.pairs[k + 1]!, f)], 1, -INF, 1);
    }
  }

  for (const fx of spec.fixed ?? []) {
    const g = m.group(fx.group);
    if (fx.value === 1) {
      // One row per item: a teacher's "must include" is named item by item.
      const cols = new Int32Array(F);
      for (let k = 0; k < fx.items.length; k++) {
        for (let f = 0; f < F; f++) cols[f] = col(fx.items[k]!, f);
        m.addRow(g, cols, 1, F, F);
      }
    } else if (fx.items.length > 0) {
      const cols = new Int32Array(fx.items.length * F);
      for (let k = 0; k < fx.items.length; k++)
        for (let f = 0; f < F; f++) cols[k * F + f] = col(fx.items[k]!, f);
      m.addRow(g, cols, 1, -INF, 0);
    }
  }

  if (formulation.allowed) {
    for (let j = 0; j < n * F; j++) if (!formulation.allowed[j]) m.colUpper[j] = 0;
  } else if (usageMax <= 1 && F > 1 && formulation.symmetryBreaking !== false)
    breakFormSymmetry(m, spec, col);

  const { aux, auxStep } = addObjective(m, spec, col, allForms, formulation.gridObjective !== false);
  return {
    model: m,
    col,
    aux,
    auxStep,
    start(forms) {
      const x = new Float64Array(m.numCols);
      forms.forEach((items, f) => {
        for (const i of items) x[col(i, f)] = 1;
      });
      for (const [f, h, z] of zPairs)
        for (let i = 0; i < n; i++) x[z + i] = Math.max(0, x[col(i, f)]! + x[col(i, h)]! - 1);
      if (wStart >= 0)
        for (let i = 0; i < n; i++) {
          let u = 0;
          for (let f = 0; f < F; f++) u += x[col(i, f)]!;
          x[wStart + i] = Math.max(
            0,
            ...Array.from({ length: F - 1 }, (_, k) => (k + 1) * u - ((k + 1) * (k + 2)) / 2),
          );
        }
      if (aux >= 0) {
        const v = ataObjectiveValue(spec, forms);
        x[aux] = auxStep > 0 ? Math.ceil(v / auxStep - 1e-9) : v;
      }
      return x;
    },
    decode(values) {
      const forms: number[][] = allForms.map(() => []);
      for (let i = 0; i < n; i++) for (let f = 0; f < F; f++) if (values[col(i, f)]! > 0.5) forms[f]!.push(i);
      return forms;
    },
  };
}

/**
 * A cut that makes the LP see overlap: with u_i = Σ_f x[i,f] the forms using item i, the pairs
 * sharing it number C(u_i, 2) ≥ k·u_i − k(k+1)/2 for every k, and all pairs together share at most
 * C(F, 2)·max. Without it the LP spreads the best items at ½ over every form and shares nothing,
 * which leaves a bound far above any real set of forms.
 */
function addOverlapEnvelope(
  m: MipModel,
  g: number,
  n: number,
  F: number,
  max: number,
  col: (i: number, f: number) => number,
): number {
  const w = m.addCols(n, 0, INF, false);
  const cols = new Int32Array(F + 1);
  const vals = new Float64Array(F + 1);
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < F; f++) cols[f] = col(i, f);
    cols[F] = w + i;
    vals[F] = -1;
    for (let k = 1; k < F; k++) {
      vals.fill(k, 0, F);
      m.addRow(g, cols, vals, -INF, (k * (k + 1)) / 2);
    }
  }
  const ws = Int32Array.from({ length: n }, (_, i) => w + i);
  m.addRow(g, ws, 1, -INF, ((F * (F - 1)) / 2) * max);
  return w;
}

/**
 * Disjoint interchangeable forms: order the forms by their smallest item (in the order below); then
 * the k-th item can only sit in forms 0 … k. Items that are enemies of many others come first, so
 * the fixings bite where the search branches most.
 */
function breakFormSymmetry(m: MipModel, spec: AtaSpec, col: (i: number, f: number) => number): void {
  const F = spec.formCount;
  // Form-specific constraints make forms distinguishable: no symmetry to break then.
  if (spec.constraints.some((c) => c.forms !== undefined && c.forms.length !== F)) return;
  const degree = new Int32Array(spec.itemCount);
  for (const e of spec.enemies ?? []) for (let k = 0; k < e.pairs.length; k++) degree[e.pairs[k]!]!++;
  const order = Array.from({ length: spec.itemCount }, (_, i) => i).sort(
    (a, b) => degree[b]! - degree[a]! || a - b,
  );
  for (let k = 0; k < order.length && k < F - 1; k++) {
    for (let f = k + 1; f < F; f++) m.colUpper[col(order[k]!, f)] = 0;
  }
}

/** A common step of the values and the target (e.g. 0.5 for half minutes), or 0 when none is small. */
export function commonStep(values: ArrayLike<number>, target: number): number {
  for (const scale of [1, 2, 4, 5, 10, 20, 100, 1000]) {
    const onGrid = (v: number) => Math.abs(v * scale - Math.round(v * scale)) < 1e-9;
    let ok = onGrid(target);
    for (let i = 0; ok && i < values.length; i++) ok = onGrid(values[i]!);
    if (!ok) continue;
    let g = Math.round(Math.abs(target) * scale);
    for (let i = 0; i < values.length; i++) g = gcd(g, Math.round(Math.abs(values[i]!) * scale));
    return g === 0 ? 0 : g / scale;
  }
  return 0;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

function addObjective(
  m: MipModel,
  spec: AtaSpec,
  col: (i: number, f: number) => number,
  forms: number[],
  grid: boolean,
): { aux: number; auxStep: number } {
  const o = spec.objective;
  const n = spec.itemCount;
  if (!o) return { aux: -1, auxStep: 0 };
  if (o.kind === 'sum') {
    m.sense = o.sense;
    for (let i = 0; i < n; i++) for (const f of forms) m.setCost(col(i, f), o.values[i]!);
    return { aux: -1, auxStep: 0 };
  }
  const cols = new Int32Array(n + 1);
  const vals = new Float64Array(n + 1);
  if (o.kind === 'minimax') {
    const step = grid ? commonStep(o.values, o.target) : 0;
    // y counts grid steps when there is a grid: the deviation is then step·y with y integral.
    const aux = m.addCols(1, 0, INF, step > 0, 0);
    m.setCost(aux, step > 0 ? step : 1);
    m.sense = 'min';
    for (const f of forms) {
      for (let i = 0; i < n; i++) {
        cols[i] = col(i, f);
        vals[i] = o.values[i]!;
      }
      cols[n] = aux;
      vals[n] = -(step > 0 ? step : 1);
      m.addRow(0, cols, vals, -INF, o.target);
      vals[n] = step > 0 ? step : 1;
      m.addRow(0, cols, vals, o.target, INF);
    }
    return { aux, auxStep: step };
  }
  const aux = m.addCols(1, -INF, INF, false, 1);
  m.sense = 'max';
  o.values.forEach((values, k) => {
    const w = o.weights?.[k] ?? 1;
    for (const f of forms) {
      for (let i = 0; i < n; i++) {
        cols[i] = col(i, f);
        vals[i] = values[i]!;
      }
      cols[n] = aux;
      vals[n] = -w;
      m.addRow(0, cols, vals, 0, INF);
    }
  });
  return { aux, auxStep: 0 };
}

/** The objective's value for given forms, computed from the item values (not from the solver). */
export function ataObjectiveValue(spec: AtaSpec, forms: number[][]): number {
  const o = spec.objective;
  if (!o) return 0;
  const sum = (v: ArrayLike<number>, items: number[]) => items.reduce((s, i) => s + v[i]!, 0);
  if (o.kind === 'sum') return forms.reduce((s, items) => s + sum(o.values, items), 0);
  if (o.kind === 'minimax')
    return Math.max(...forms.map((items) => Math.abs(sum(o.values, items) - o.target)));
  let best = INF;
  o.values.forEach((v, k) => {
    for (const items of forms) best = Math.min(best, sum(v, items) / (o.weights?.[k] ?? 1));
  });
  return best;
}

/**
 * The parts of the ATA model where the formulation decides how fast HiGHS proves optimality: the
 * overlap envelope, symmetry breaking between interchangeable forms, and the objective's auxiliary
 * variable (integral on a grid for minimax).
 */
import type { AtaSpec } from './ata.ts';
import { INF, type MipModel } from './model.ts';

/**
 * A cut that makes the LP see overlap: with u_i = Σ_f x[i,f] the forms using item i, the pairs
 * sharing it number C(u_i, 2) ≥ k·u_i − k(k+1)/2 for every k, and all pairs together share at most
 * C(F, 2)·max. Without it the LP spreads the best items at ½ over every form and shares nothing,
 * which leaves a bound far above any real set of forms.
 */
export function addOverlapEnvelope(
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
export function breakFormSymmetry(m: MipModel, spec: AtaSpec, col: (i: number, f: number) => number): void {
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

export function addObjective(
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

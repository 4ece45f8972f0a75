/**
 * Forms under construction for an ATA spec, with every constraint line's activity kept up to date
 * in typed arrays, so heuristics (the greedy baseline, the swap local search) can test a change in
 * time proportional to the lines it touches.
 */
import type { AtaSpec } from './ata.ts';

export class AtaState {
  readonly n: number;
  readonly F: number;
  readonly C: number;
  /** Objective points per form: K for maximin, 1 otherwise. */
  readonly K: number;
  /** Per item, CSR over the lines it appears in: line index and coefficient. */
  readonly lineStart: Int32Array;
  readonly lineOf: Int32Array;
  readonly lineValue: Float64Array;
  readonly applies: Uint8Array;
  readonly act: Float64Array;
  readonly inForm: Uint8Array;
  readonly usage: Int32Array;
  /** 1: never on a form (excluded); 2: on every form (included). */
  readonly fixed: Uint8Array;
  readonly enemyStart: Int32Array;
  readonly enemyOf: Int32Array;
  /** Items shared by forms f < g at shared[f·F + g]. */
  readonly shared: Int32Array;
  readonly objAct: Float64Array;
  readonly usageMin: number;
  readonly usageMax: number;
  readonly maxOverlap: number;

  constructor(readonly spec: AtaSpec) {
    const n = spec.itemCount;
    const F = spec.formCount;
    const C = spec.constraints.length;
    const o = spec.objective;
    const K = o?.kind === 'maximin' ? o.values.length : 1;
    this.n = n;
    this.F = F;
    this.C = C;
    this.K = K;
    const count = new Int32Array(n + 1);
    for (const c of spec.constraints) for (let k = 0; k < c.items.length; k++) count[c.items[k]! + 1]!++;
    for (let i = 0; i < n; i++) count[i + 1]! += count[i]!;
    this.lineStart = count.slice();
    this.lineOf = new Int32Array(count[n]!);
    this.lineValue = new Float64Array(count[n]!);
    const fill = count.slice(0, n);
    spec.constraints.forEach((c, ci) => {
      for (let k = 0; k < c.items.length; k++) {
        const i = c.items[k]!;
        const at = fill[i]!++;
        this.lineOf[at] = ci;
        this.lineValue[at] = typeof c.values === 'number' ? c.values : c.values[k]!;
      }
    });
    this.applies = new Uint8Array(C * F);
    spec.constraints.forEach((c, ci) => {
      for (const f of c.forms ?? Array.from({ length: F }, (_, g) => g)) this.applies[ci * F + f] = 1;
    });
    this.act = new Float64Array(C * F);
    this.inForm = new Uint8Array(n * F);
    this.usage = new Int32Array(n);
    this.fixed = new Uint8Array(n);
    for (const fx of spec.fixed ?? [])
      for (let k = 0; k < fx.items.length; k++) this.fixed[fx.items[k]!] = fx.value === 1 ? 2 : 1;
    const deg = new Int32Array(n + 1);
    for (const e of spec.enemies ?? []) for (let k = 0; k < e.pairs.length; k++) deg[e.pairs[k]! + 1]!++;
    for (let i = 0; i < n; i++) deg[i + 1]! += deg[i]!;
    this.enemyStart = deg.slice();
    this.enemyOf = new Int32Array(deg[n]!);
    const at = deg.slice(0, n);
    for (const e of spec.enemies ?? [])
      for (let k = 0; k + 1 < e.pairs.length; k += 2) {
        const a = e.pairs[k]!;
        const b = e.pairs[k + 1]!;
        this.enemyOf[at[a]!++] = b;
        this.enemyOf[at[b]!++] = a;
      }
    this.shared = new Int32Array(F * F);
    this.objAct = new Float64Array(F * K);
    this.usageMin = spec.usage?.min ?? 0;
    this.usageMax = Math.min(spec.usage?.max ?? F, F);
    this.maxOverlap = spec.overlap?.max ?? n;
  }

  has(i: number, f: number): boolean {
    return this.inForm[i * this.F + f] === 1;
  }

  /** Objective coefficient of item i at point k. */
  objValue(i: number, k: number): number {
    const o = this.spec.objective;
    if (!o) return 0;
    return o.kind === 'maximin' ? o.values[k]![i]! : o.values[i]!;
  }

  private toggle(i: number, f: number, sign: 1 | -1): void {
    const F = this.F;
    if (sign < 0) this.inForm[i * F + f] = 0;
    for (let g = 0; g < F; g++)
      if (g !== f && this.inForm[i * F + g]) this.shared[Math.min(f, g) * F + Math.max(f, g)]! += sign;
    if (sign > 0) this.inForm[i * F + f] = 1;
    this.usage[i]! += sign;
    for (let k = this.lineStart[i]!; k < this.lineStart[i + 1]!; k++) {
      const c = this.lineOf[k]!;
      if (this.applies[c * F + f]) this.act[c * F + f]! += sign * this.lineValue[k]!;
    }
    for (let k = 0; k < this.K; k++) this.objAct[f * this.K + k]! += sign * this.objValue(i, k);
  }

  place(i: number, f: number): void {
    this.toggle(i, f, 1);
  }

  remove(i: number, f: number): void {
    this.toggle(i, f, -1);
  }

  violation(c: number, f: number, delta = 0): number {
    const con = this.spec.constraints[c]!;
    const a = this.act[c * this.F + f]! + delta;
    return Math.max(0, con.min - a) + Math.max(0, a - con.max);
  }

  /** Whether i may join form f as far as usage, fixings, enemies and overlap go (lines not checked). */
  canJoin(i: number, f: number, leaving = -1): boolean {
    const F = this.F;
    if (this.fixed[i] === 1 || this.inForm[i * F + f] || this.usage[i]! >= this.usageMax) return false;
    for (let k = this.enemyStart[i]!; k < this.enemyStart[i + 1]!; k++) {
      const j = this.enemyOf[k]!;
      if (j !== leaving && this.inForm[j * F + f]) return false;
    }
    if (this.usage[i]! > 0)
      for (let g = 0; g < F; g++) {
        if (g === f || !this.inForm[i * F + g]) continue;
        let s = this.shared[Math.min(f, g) * F + Math.max(f, g)]!;
        if (leaving >= 0 && this.inForm[leaving * F + g]) s--;
        if (s >= this.maxOverlap) return false;
      }
    return true;
  }

  /** Whether replacing `out` by `into` on form f keeps every line of f within its bounds. */
  swapKeepsLines(out: number, into: number, f: number): boolean {
    const F = this.F;
    // Lines of `into` (with `out`'s share removed where both appear), then lines only `out` is in.
    for (let k = this.lineStart[into]!; k < this.lineStart[into + 1]!; k++) {
      const c = this.lineOf[k]!;
      if (!this.applies[c * F + f]) continue;
      if (this.violation(c, f, this.lineValue[k]! - this.valueIn(out, c)) > 1e-9) return false;
    }
    for (let k = this.lineStart[out]!; k < this.lineStart[out + 1]!; k++) {
      const c = this.lineOf[k]!;
      if (!this.applies[c * F + f] || this.valueIn(into, c) !== 0) continue;
      if (this.violation(c, f, -this.lineValue[k]!) > 1e-9) return false;
    }
    return true;
  }

  /** Coefficient of item i in line c (0 when absent); lines per item are few. */
  valueIn(i: number, c: number): number {
    for (let k = this.lineStart[i]!; k < this.lineStart[i + 1]!; k++)
      if (this.lineOf[k] === c) return this.lineValue[k]!;
    return 0;
  }

  /** The form's objective contribution: maximin min over points, minimax −|deviation|, sum ±value. */
  formScore(f: number, delta?: (k: number) => number): number {
    const o = this.spec.objective;
    if (!o) return 0;
    if (o.kind === 'maximin') {
      let m = Number.POSITIVE_INFINITY;
      for (let k = 0; k < this.K; k++)
        m = Math.min(m, (this.objAct[f * this.K + k]! + (delta ? delta(k) : 0)) / (o.weights?.[k] ?? 1));
      return m;
    }
    const a = this.objAct[f]! + (delta ? delta(0) : 0);
    if (o.kind === 'minimax') return -Math.abs(a - o.target);
    return o.sense === 'min' ? -a : a;
  }

  /** Every constraint of the spec holds: lines, usage, fixings, enemies, overlap. */
  feasible(): boolean {
    const F = this.F;
    for (let c = 0; c < this.C; c++)
      for (let f = 0; f < F; f++) if (this.applies[c * F + f] && this.violation(c, f) > 1e-6) return false;
    for (let i = 0; i < this.n; i++) {
      if (this.usage[i]! < this.usageMin || this.usage[i]! > this.usageMax) return false;
      if (this.fixed[i] === 1 && this.usage[i]! > 0) return false;
      if (this.fixed[i] === 2 && this.usage[i]! < F) return false;
      for (let k = this.enemyStart[i]!; k < this.enemyStart[i + 1]!; k++)
        for (let f = 0; f < F; f++)
          if (this.inForm[i * F + f] && this.inForm[this.enemyOf[k]! * F + f]) return false;
    }
    for (let f = 0; f < F; f++)
      for (let g = f + 1; g < F; g++) if (this.shared[f * F + g]! > this.maxOverlap) return false;
    return true;
  }

  forms(): number[][] {
    return Array.from({ length: this.F }, (_, f) => {
      const items: number[] = [];
      for (let i = 0; i < this.n; i++) if (this.inForm[i * this.F + f]) items.push(i);
      return items;
    });
  }
}

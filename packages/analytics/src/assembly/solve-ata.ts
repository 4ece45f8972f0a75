/**
 * Solving an ATA spec within a time budget, for pools of any size. Every solution found on the way
 * is feasible for the whole pool; it is declared optimal only against a bound of the whole pool
 * (0 for a minimax distance, an LP relaxation rounded to the objective's grid, or the MIP's own
 * bound) within the gaps:
 * 1. minimax on a large pool: a sub-MIP over a core spread along the objective's coefficient,
 *    polished by swaps with every item (usually at the bound 0 already);
 * 2. exact reductions (`dominanceKeep`), done only when needed;
 * 3. small models: a greedy paper improved by swap search, against the LP bound;
 * 4. maximin and sums: the whole pool's LP relaxation gives the bound; its assignments, completed
 *    greedily and polished by swaps, or else the sub-MIP over the items it uses
 *    (relaxation-induced neighbourhood);
 * 5. whatever is not proved yet: the whole (reduced) model, starting from the best solution.
 * Synchronous: see `solver.ts` on keeping it off a server's event loop.
 */
import type { Highs } from 'highs';
import { type AtaFormulation, type AtaSpec, ataObjectiveValue, buildAtaModel } from './ata.ts';
import { greedyAssemble } from './greedy.ts';
import { improveBySwaps } from './improve.ts';
import { coreKeep, dominanceKeep, subsetSpec, supportKeep } from './reduce.ts';
import { type SolveStatus, solveModel } from './solver.ts';

export interface AtaSolveOptions {
  /** Seconds for everything; default 10. */
  timeLimit?: number;
  /** Relative gap; default 1e-4. */
  relGap?: number;
  /** Absolute gap in objective units; default 1e-6. */
  absGap?: number;
  formulation?: AtaFormulation;
  /** Above this many item × form columns, solve a core first; default 1,000. */
  coreColumns?: number;
  /** Extra HiGHS options for the MIP solves (native names). */
  highs?: Record<string, string | number | boolean>;
}

export interface AtaSolution {
  status: SolveStatus;
  /** Item indices (of the spec) per form, or null without a solution. */
  forms: number[][] | null;
  /** Objective of the forms, recomputed from the spec's values. */
  objective: number;
  /** Best proved bound on the objective over the whole pool. */
  bound: number;
  /** |objective − bound| / max(|objective|, 1e-9); 0 when equal. */
  gap: number;
  seconds: number;
  /** What was solved, for logs and the benchmark. */
  steps: string[];
}

/** For the LP bounds: HiGHS' presolve costs several times the LP itself on these models (measured). */
const LP_OPTIONS = { presolve: 'off' };

const isMax = (spec: AtaSpec) =>
  spec.objective?.kind === 'maximin' || (spec.objective?.kind === 'sum' && spec.objective.sense === 'max');

export function solveAta(highs: Highs, spec: AtaSpec, options: AtaSolveOptions = {}): AtaSolution {
  const started = performance.now();
  const deadline = started + (options.timeLimit ?? 10) * 1000;
  /** Seconds left (at least a sliver, so every stage still returns what it has). */
  const remaining = () => Math.max(0.05, (deadline - performance.now()) / 1000);
  const relGap = options.relGap ?? 1e-4;
  const absGap = options.absGap ?? 1e-6;
  const maximise = isMax(spec);
  const steps: string[] = [];
  const value = (forms: number[][]) => ataObjectiveValue(spec, forms);
  const closed = (obj: number, b: number) =>
    (maximise ? b - obj : obj - b) <= Math.max(absGap, relGap * Math.abs(obj)) + 1e-9;

  /** The best solution so far, in the spec's item indices. */
  let incumbent: number[][] | null = null;
  let bound = maximise ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  if (spec.objective?.kind === 'minimax') bound = 0;
  const tighten = (b: number) => {
    bound = maximise ? Math.min(bound, b) : Math.max(bound, b);
  };
  const offer = (forms: number[][]) => {
    if (!incumbent || (maximise ? value(forms) > value(incumbent) : value(forms) < value(incumbent)))
      incumbent = forms;
  };
  const best = () => (incumbent ? value(incumbent) : Number.NaN);
  const proved = () => incumbent !== null && closed(best(), bound);
  const polish = (label: string, ms: number) => {
    if (!incumbent) return;
    const before = best();
    offer(improveBySwaps(spec, incumbent, performance.now() + ms));
    steps.push(`${label}${before.toFixed(4)} → swaps ${best().toFixed(4)}`);
  };
  const done = (status: SolveStatus): AtaSolution => {
    const objective = best();
    if (!spec.objective && incumbent) bound = objective;
    return {
      status: incumbent ? status : status === 'optimal' ? 'timeout' : status,
      forms: incumbent,
      objective,
      bound: incumbent ? bound : Number.NaN,
      gap: !incumbent
        ? Number.NaN
        : objective === bound
          ? 0
          : Math.abs(objective - bound) / Math.max(Math.abs(objective), 1e-9),
      seconds: (performance.now() - started) / 1000,
      steps,
    };
  };
  const gapTarget = (): Record<string, number> =>
    Number.isFinite(bound)
      ? {
          objective_target: maximise ? bound - Math.max(absGap, relGap * Math.abs(bound)) : bound + absGap,
        }
      : {};

  /**
   * A sub-MIP over `keep` (indices of `base`, whose items map to the spec by `toSpec`): a first
   * solution, polished by swaps with every item of the pool, then the search goes on if needed.
   */
  const subSolve = (
    base: AtaSpec,
    toSpec: (i: number) => number,
    keep: number[],
    label: string,
    share: number,
    allowed?: Uint8Array,
  ) => {
    const sub = buildAtaModel(subsetSpec(base, keep), { ...options.formulation, allowed });
    const until = performance.now() + remaining() * share * 1000;
    const local = new Map(keep.map((i, k) => [toSpec(i), k]));
    const run = (first: boolean) => {
      const current = incumbent;
      const start =
        !first && current?.every((ks) => ks.every((i) => local.has(i)))
          ? sub.start(current.map((ks) => ks.map((i) => local.get(i)!)))
          : undefined;
      const r = solveModel(highs, sub.model, {
        timeLimit: Math.max(0.05, (until - performance.now()) / 1000),
        relGap,
        absGap,
        start,
        highs: { ...options.highs, ...gapTarget(), ...(first ? { mip_max_improving_sols: 1 } : {}) },
      });
      steps.push(
        `${label} of ${keep.length} items${first ? ', first' : ''}: ${r.status} in ${r.seconds.toFixed(2)} s`,
      );
      if (r.values) offer(sub.decode(r.values).map((ks) => ks.map((k) => toSpec(keep[k]!))));
      return r;
    };
    const first = run(true);
    if (!incumbent || proved()) return;
    polish('', remaining() * 100); // a tenth of the time left
    if (!proved() && first.status !== 'optimal') run(false);
  };

  const coreColumns = options.coreColumns ?? 1000;
  const o = spec.objective;
  if (
    o?.kind === 'minimax' &&
    (spec.usage?.min ?? 0) === 0 &&
    spec.itemCount * spec.formCount > coreColumns
  ) {
    subSolve(spec, (i) => i, coreKeep(spec, Math.ceil(coreColumns / spec.formCount)), 'core', 0.5);
    if (proved()) return done('optimal');
  }

  // Exact reductions, now that the whole pool's model may be needed.
  let work = spec;
  let keep: number[] | null = null;
  if ((spec.usage?.min ?? 0) === 0) {
    const kept = dominanceKeep(spec);
    if (kept.length < spec.itemCount) {
      keep = kept;
      work = subsetSpec(spec, kept);
      steps.push(`exact reduction ${spec.itemCount} → ${kept.length} items`);
    }
  }
  const toSpec = (k: number) => (keep ? keep[k]! : k);
  const fromSpec = keep ? new Map(keep.map((i, k) => [i, k])) : null;
  const toWork = (forms: number[][]) =>
    fromSpec
      ? forms.every((ks) => ks.every((i) => fromSpec.has(i)))
        ? forms.map((ks) => ks.map((i) => fromSpec.get(i)!))
        : null
      : forms;
  const columns = work.itemCount * work.formCount;
  let whole: ReturnType<typeof buildAtaModel> | undefined;
  const built = () => {
    whole ??= buildAtaModel(work, options.formulation);
    return whole;
  };
  let lpDone = false;
  /** The LP relaxation of the reduced pool bounds every solution; a minimax on a grid rounds it up. */
  const lpBound = () => {
    if (lpDone) return;
    lpDone = true;
    const lp = solveModel(highs, built().model, {
      relaxed: true,
      timeLimit: remaining() * 0.5,
      highs: LP_OPTIONS,
    });
    if (lp.status !== 'optimal') return;
    const step = built().auxStep;
    tighten(step > 0 ? Math.ceil(lp.objective / step - 1e-6) * step : lp.objective);
    steps.push(`LP bound of all ${work.itemCount} items in ${lp.seconds.toFixed(2)} s`);
  };

  // Small models: a greedy paper polished by swaps, against the LP bound, often proves itself
  // optimal (a booklet design whose minimax time lies on a half-minute grid, say).
  if (o && columns <= 5000) {
    const g = greedyAssemble(work);
    if (g.feasible) {
      offer(g.forms.map((ks) => ks.map(toSpec)));
      polish('greedy ', remaining() * 50);
      if (!proved()) lpBound();
    }
  }
  if (proved()) return done('optimal');

  if (o && o.kind !== 'minimax' && columns > 1000) {
    const relaxed = buildAtaModel(work, { ...options.formulation, pairwiseOverlap: false });
    // Everything below rests on this LP: it gets most of the time if it needs it.
    const lp = solveModel(highs, relaxed.model, {
      relaxed: true,
      timeLimit: remaining() * 0.7,
      highs: LP_OPTIONS,
    });
    if (lp.status === 'optimal' && lp.values) {
      const x = lp.values;
      tighten(lp.objective);
      steps.push(`LP bound of all ${work.itemCount} items in ${lp.seconds.toFixed(2)} s`);
      // The LP's own assignments, completed greedily and polished by swaps, are often enough.
      const seed: [number, number][] = [];
      for (let i = 0; i < work.itemCount; i++)
        for (let f = 0; f < work.formCount; f++) if (x[relaxed.col(i, f)]! >= 0.5) seed.push([i, f]);
      seed.sort((a, b) => x[relaxed.col(b[0], b[1])]! - x[relaxed.col(a[0], a[1])]!);
      const g = greedyAssemble(work, seed);
      if (g.feasible) {
        offer(g.forms.map((ks) => ks.map(toSpec)));
        polish('LP rounding ', remaining() * 100);
      }
      if (!proved()) {
        const use = new Float64Array(work.itemCount);
        for (let i = 0; i < work.itemCount; i++)
          for (let f = 0; f < work.formCount; f++) use[i]! += x[relaxed.col(i, f)]!;
        const support = supportKeep(work, use);
        // Items the LP uses go only where it puts them; items added to cover a line go anywhere.
        const F = work.formCount;
        const allowed = new Uint8Array(support.length * F);
        support.forEach((i, k) => {
          for (let f = 0; f < F; f++)
            allowed[k * F + f] = use[i]! <= 1e-6 || x[relaxed.col(i, f)]! > 1e-6 ? 1 : 0;
        });
        subSolve(work, toSpec, support, 'LP support', 0.6, allowed);
      }
    }
  } else if (incumbent) lpBound();
  if (proved()) return done('optimal');

  const current = incumbent ? toWork(incumbent) : null;
  const r = solveModel(highs, built().model, {
    timeLimit: remaining(),
    relGap,
    absGap,
    start: current ? built().start(current) : undefined,
    highs: options.highs,
  });
  steps.push(`${work.itemCount} items × ${work.formCount} forms: ${r.status} in ${r.seconds.toFixed(2)} s`);
  if (r.values)
    offer(
      built()
        .decode(r.values)
        .map((ks) => ks.map(toSpec)),
    );
  if (!incumbent) return done(r.status);
  if (Number.isFinite(r.bound) && (r.status === 'optimal' || r.status === 'feasible')) tighten(r.bound);
  return done(r.status === 'optimal' || proved() ? 'optimal' : 'feasible');
}

/**
 * Solving an ATA spec within a time budget, for pools of any size. Every solution found on the way
 * is feasible for the whole pool; it is declared optimal only against a bound of the whole pool
 * (0 for a minimax distance, the LP relaxation of the whole pool rounded to the objective's grid,
 * or the MIP's own bound) within the gaps:
 * 1. exact reductions (`dominanceKeep`);
 * 2. small models: a greedy paper improved by swap search, against the LP bound;
 * 3. maximin and sums: the sub-MIP over the items the whole pool's LP uses (relaxation-induced
 *    neighbourhood), polished by swaps with every item; minimax on a large pool: the same over a
 *    core spread along the objective's coefficient;
 * 4. whatever is not proved yet: the whole (reduced) model, starting from the best solution.
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
  const remaining = () => Math.max(0.05, (deadline - performance.now()) / 1000);
  const relGap = options.relGap ?? 1e-4;
  const absGap = options.absGap ?? 1e-6;
  const maximise = isMax(spec);
  const steps: string[] = [];
  const gapOf = (obj: number, bound: number) =>
    obj === bound ? 0 : Math.abs(obj - bound) / Math.max(Math.abs(obj), 1e-9);
  const closed = (obj: number, bound: number) =>
    (maximise ? bound - obj : obj - bound) <= Math.max(absGap, relGap * Math.abs(obj)) + 1e-9;
  const done = (
    status: SolveStatus,
    forms: number[][] | null,
    objective: number,
    bound: number,
  ): AtaSolution => ({
    status,
    forms,
    objective,
    bound,
    gap: forms ? gapOf(objective, bound) : Number.NaN,
    seconds: (performance.now() - started) / 1000,
    steps,
  });

  let keep: number[] | null = null;
  let work = spec;
  if ((spec.usage?.min ?? 0) === 0) {
    const kept = dominanceKeep(spec);
    if (kept.length < spec.itemCount) {
      keep = kept;
      work = subsetSpec(spec, kept);
      steps.push(`exact reduction ${spec.itemCount} → ${kept.length} items`);
    }
  }
  const toSpec = (forms: number[][]) => (keep ? forms.map((ks) => ks.map((k) => keep[k]!)) : forms);

  let incumbent: number[][] | null = null;
  let bound = maximise ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  if (spec.objective?.kind === 'minimax') bound = 0;
  const tighten = (b: number) => {
    bound = maximise ? Math.min(bound, b) : Math.max(bound, b);
  };
  const offer = (forms: number[][]) => {
    const obj = ataObjectiveValue(work, forms);
    if (
      !incumbent ||
      (maximise ? obj > ataObjectiveValue(work, incumbent) : obj < ataObjectiveValue(work, incumbent))
    )
      incumbent = forms;
  };
  const incumbentValue = () => (incumbent ? ataObjectiveValue(work, incumbent) : Number.NaN);
  const columns = work.itemCount * work.formCount;
  const coreColumns = options.coreColumns ?? 1000;
  let whole: ReturnType<typeof buildAtaModel> | undefined;
  const built = () => {
    whole ??= buildAtaModel(work, options.formulation);
    return whole;
  };
  const subSolve = (keep: number[], label: string, share: number, allowed?: Uint8Array) => {
    const sub = buildAtaModel(subsetSpec(work, keep), { ...options.formulation, allowed });
    const until = performance.now() + remaining() * share * 1000;
    const run = (first: boolean, start?: number[][]) => {
      const r = solveModel(highs, sub.model, {
        timeLimit: Math.max(0.05, (until - performance.now()) / 1000),
        relGap,
        absGap,
        start: start ? sub.start(start.map((ks) => ks.map((i) => local.get(i)!))) : undefined,
        highs: {
          ...options.highs,
          // Stop as soon as the paper is good enough against the whole pool's bound.
          ...(Number.isFinite(bound)
            ? { objective_target: maximise ? bound - gapFor(bound) : bound + absGap }
            : {}),
          ...(first ? { mip_max_improving_sols: 1 } : {}),
        },
      });
      steps.push(
        `${label} of ${keep.length} items${first ? ', first paper' : ''}: ${r.status} in ${r.seconds.toFixed(2)} s`,
      );
      if (r.values) offer(sub.decode(r.values).map((ks) => ks.map((k) => keep[k]!)));
      return r;
    };
    const local = new Map(keep.map((i, k) => [i, k]));
    // A first paper, polished by swaps with every item of the pool (cheap), before searching on.
    const first = run(true);
    if (!incumbent || closed(incumbentValue(), bound)) return;
    const before = incumbentValue();
    // A tenth of the time left (remaining() is in seconds).
    offer(improveBySwaps(work, incumbent, performance.now() + remaining() * 100));
    steps.push(`swap search ${before.toFixed(4)} → ${incumbentValue().toFixed(4)}`);
    if (closed(incumbentValue(), bound) || first.status === 'optimal') return;
    const current = incumbent as number[][];
    if (current.every((ks) => ks.every((i) => local.has(i)))) run(false, current);
    else run(false);
  };
  let lpDone = false;
  /** The whole pool's LP relaxation bounds every solution; a minimax on a grid rounds it up. */
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
  const gapFor = (v: number) => Math.max(absGap, relGap * Math.abs(v));

  // A greedy paper polished by swaps costs milliseconds and, against the LP bound, often proves
  // itself optimal (a booklet design whose minimax time lies on a half-minute grid, say).
  if (work.objective && columns <= 5000) {
    const g = greedyAssemble(work);
    if (g.feasible) {
      offer(improveBySwaps(work, g.forms, performance.now() + remaining() * 50)); // 5% of the time left
      steps.push(`greedy ${g.objective.toFixed(4)}, swaps → ${incumbentValue().toFixed(4)}`);
      if (!closed(incumbentValue(), bound)) lpBound();
    }
  }
  if (incumbent && closed(incumbentValue(), bound))
    return done('optimal', toSpec(incumbent), incumbentValue(), bound);

  if (work.objective && work.objective.kind !== 'minimax' && columns > 1000) {
    // Relaxation-induced neighbourhood: the whole pool's LP gives the bound and names the few items
    // worth a sub-MIP (for maximin information, about as many as the forms have places).
    const relaxed = buildAtaModel(work, { ...options.formulation, pairwiseOverlap: false });
    const lp = solveModel(highs, relaxed.model, {
      relaxed: true,
      timeLimit: remaining() * 0.3,
      highs: LP_OPTIONS,
    });
    if (lp.status === 'optimal' && lp.values) {
      tighten(lp.objective);
      steps.push(`LP bound of all ${work.itemCount} items in ${lp.seconds.toFixed(2)} s`);
      const use = new Float64Array(work.itemCount);
      for (let i = 0; i < work.itemCount; i++)
        for (let f = 0; f < work.formCount; f++) use[i]! += lp.values[relaxed.col(i, f)]!;
      // The LP's own assignments, completed greedily and polished by swaps, are often enough.
      const seed: [number, number][] = [];
      for (let i = 0; i < work.itemCount; i++)
        for (let f = 0; f < work.formCount; f++) {
          const v = lp.values[relaxed.col(i, f)]!;
          if (v >= 0.5) seed.push([i, f]);
        }
      seed.sort((a, b) => lp.values![relaxed.col(b[0], b[1])]! - lp.values![relaxed.col(a[0], a[1])]!);
      const g = greedyAssemble(work, seed);
      if (g.feasible) {
        offer(improveBySwaps(work, g.forms, performance.now() + remaining() * 100));
        steps.push(`LP rounding ${g.objective.toFixed(4)}, swaps → ${incumbentValue().toFixed(4)}`);
      }
      const keep = supportKeep(work, use);
      // Items the LP uses go only where it puts them; items added to cover a line go anywhere.
      const F = work.formCount;
      const allowed = new Uint8Array(keep.length * F);
      keep.forEach((i, k) => {
        for (let f = 0; f < F; f++)
          allowed[k * F + f] = use[i]! <= 1e-6 || lp.values![relaxed.col(i, f)]! > 1e-6 ? 1 : 0;
      });
      if (!incumbent || !closed(incumbentValue(), bound)) subSolve(keep, 'LP support', 0.6, allowed);
    }
  } else if (work.objective && columns > coreColumns) {
    subSolve(coreKeep(work, Math.ceil(coreColumns / work.formCount)), 'core', 0.5);
    if (incumbent && !closed(incumbentValue(), bound)) lpBound();
  }
  if (incumbent && closed(incumbentValue(), bound))
    return done('optimal', toSpec(incumbent), incumbentValue(), bound);

  const r = solveModel(highs, built().model, {
    timeLimit: remaining(),
    relGap,
    absGap,
    start: incumbent ? built().start(incumbent) : undefined,
    highs: options.highs,
  });
  steps.push(`${work.itemCount} items × ${work.formCount} forms: ${r.status} in ${r.seconds.toFixed(2)} s`);
  if (r.values) offer(built().decode(r.values));
  if (!incumbent) return done(r.status, null, Number.NaN, Number.NaN);
  if (Number.isFinite(r.bound) && (r.status === 'optimal' || r.status === 'feasible')) tighten(r.bound);
  const obj = incumbentValue();
  if (!work.objective) bound = obj;
  return done(
    r.status === 'optimal' || closed(obj, bound) ? 'optimal' : 'feasible',
    toSpec(incumbent),
    obj,
    bound,
  );
}

/**
 * Solving a `MipModel` with HiGHS (WebAssembly). HiGHS blocks the calling thread for the whole
 * solve: the server must call the assembly functions off its event loop, in a worker thread (see
 * `worker.ts`, `assembleInWorker`), never in a request handler directly.
 */
import loadHighs, { type Highs, type Model } from 'highs';
import { INF, type MipModel } from './model.ts';

let loading: Promise<Highs> | undefined;

/** The HiGHS runtime, loaded once per thread (about 0.2 s for the WebAssembly compile). */
export function highsRuntime(): Promise<Highs> {
  loading ??= loadHighs();
  return loading;
}

export type SolveStatus =
  /** Proved optimal within the requested gap. */
  | 'optimal'
  /** A feasible solution, stopped by the time limit before the gap closed. */
  | 'feasible'
  /** Proved infeasible. */
  | 'infeasible'
  /** Stopped by the time limit without any feasible solution. */
  | 'timeout'
  | 'error';

export interface SolveOptions {
  /** Seconds; default 30. */
  timeLimit?: number;
  /** Relative MIP gap at which the solve stops as optimal; default 1e-4. */
  relGap?: number;
  /** Absolute MIP gap; default 1e-6. */
  absGap?: number;
  /** Stop at the first feasible solution (feasibility checks). */
  firstFeasible?: boolean;
  /** Solve for feasibility only (the objective is ignored). */
  noObjective?: boolean;
  /** Groups whose rows are switched off (deletion filter). */
  disabled?: ReadonlySet<number>;
  /** A feasible column vector to start from (the MIP's first incumbent). */
  start?: Float64Array;
  /** Solve the LP relaxation (integrality dropped), e.g. for a bound. */
  relaxed?: boolean;
  /** Further HiGHS options by their native names. */
  highs?: Record<string, string | number | boolean>;
}

export interface SolveResult {
  status: SolveStatus;
  /** Objective of the incumbent (NaN without one). */
  objective: number;
  /** Best proved bound on the objective. */
  bound: number;
  /** Relative gap |objective − bound| / max(|objective|, 1e-9) as HiGHS reports it (0 when proved). */
  gap: number;
  seconds: number;
  /** Column values of the incumbent, or null. */
  values: Float64Array | null;
  /** HiGHS' own model status text, for logs. */
  detail: string;
}

const STATUS_TEXT: Record<number, string> = {
  7: 'optimal',
  8: 'infeasible',
  9: 'unbounded or infeasible',
  10: 'unbounded',
  13: 'time limit',
  14: 'iteration limit',
  15: 'unknown',
  16: 'solution limit',
  17: 'interrupted',
};

/** Builds the HiGHS model from the arrays; rows of disabled groups get free bounds. */
function passModel(
  highs: Highs,
  model: MipModel,
  disabled?: ReadonlySet<number>,
  as: { relaxed?: boolean; noObjective?: boolean } = {},
): Model {
  const rowLower = Float64Array.from(model.rowLower);
  const rowUpper = Float64Array.from(model.rowUpper);
  if (disabled && disabled.size > 0) {
    for (let r = 0; r < model.numRows; r++) {
      if (disabled.has(model.rowGroup[r]!)) {
        rowLower[r] = -INF;
        rowUpper[r] = INF;
      }
    }
  }
  return highs.createModel({
    numCols: model.numCols,
    numRows: model.numRows,
    sense:
      model.sense === 'min'
        ? highs.constants.objectiveSense.minimize
        : highs.constants.objectiveSense.maximize,
    offset: model.offset,
    colCost: as.noObjective ? new Float64Array(model.numCols) : Float64Array.from(model.colCost),
    colLower: Float64Array.from(model.colLower),
    colUpper: Float64Array.from(model.colUpper),
    rowLower,
    rowUpper,
    integrality: as.relaxed ? new Int32Array(model.numCols) : Int32Array.from(model.colInteger),
    matrix: {
      format: 'csr',
      numRows: model.numRows,
      numCols: model.numCols,
      starts: Int32Array.from(model.rowStart),
      indices: Int32Array.from(model.rowIndex),
      values: Float64Array.from(model.rowValue),
    },
  });
}

/** Solves synchronously (blocks the thread; see the module comment). */
export function solveModel(highs: Highs, model: MipModel, options: SolveOptions = {}): SolveResult {
  const started = performance.now();
  const hm = passModel(highs, model, options.disabled, {
    noObjective: options.noObjective,
    relaxed: options.relaxed,
  });
  try {
    hm.options.set({
      output_flag: false,
      time_limit: options.timeLimit ?? 30,
      mip_rel_gap: options.relGap ?? 1e-4,
      mip_abs_gap: options.absGap ?? 1e-6,
      ...(options.firstFeasible ? { mip_max_improving_sols: 1 } : {}),
      ...options.highs,
    });
    if (options.start) hm.setSolution({ colValue: options.start });
    const run = hm.run();
    const code = run.modelStatus;
    const hasSolution = Number(hm.info.get('primal_solution_status')) === 2;
    const values = hasSolution ? Float64Array.from(hm.getSolution().colValue) : null;
    const objective = hasSolution ? hm.getObjectiveValue() : Number.NaN;
    const isMip = !options.relaxed && model.colInteger.some((v) => v === 1);
    const bound = isMip ? Number(hm.info.get('mip_dual_bound')) : objective;
    let status: SolveStatus;
    if (code === 7) status = 'optimal';
    else if (code === 8) status = 'infeasible';
    else if (code === 9 || code === 10) status = 'error';
    else status = hasSolution ? 'feasible' : 'timeout';
    // A solution-limit stop (first feasible) is what the caller asked for.
    if (code === 16 && hasSolution) status = 'feasible';
    let gap = 0;
    if (hasSolution && status !== 'optimal' && isMip) gap = Number(hm.info.get('mip_gap'));
    else if (status === 'optimal' && isMip) gap = Math.max(0, Number(hm.info.get('mip_gap')) || 0);
    return {
      status,
      objective,
      bound,
      gap,
      seconds: (performance.now() - started) / 1000,
      values,
      detail: STATUS_TEXT[code] ?? `status ${code}`,
    };
  } finally {
    hm.dispose();
  }
}

/** Whether the model restricted to the enabled groups has any feasible solution. */
export function isFeasible(
  highs: Highs,
  model: MipModel,
  disabled: ReadonlySet<number>,
  timeLimit: number,
): boolean | 'unknown' {
  const r = solveModel(highs, model, { disabled, timeLimit, firstFeasible: true, noObjective: true });
  if (r.status === 'infeasible') return false;
  if (r.status === 'optimal' || r.status === 'feasible') return true;
  return 'unknown';
}

export interface IisResult {
  /** Group indices forming an irreducible infeasible subset (never 0, the structure). */
  groups: number[];
  /** False when a feasibility check ran out of time, so irreducibility is not proved. */
  proved: boolean;
  checks: number;
}

/**
 * An irreducible infeasible subset over the model's groups by a deletion filter: drop each group in
 * turn; if the rest stays infeasible the group is not needed, else it belongs to the subset. The
 * candidates are first narrowed with HiGHS' IIS of the LP relaxation when the relaxation is itself
 * infeasible (rows it names → their groups), which is usually a handful of groups.
 * `order` lists the groups to try dropping first (the least important ones). Each check gets
 * `timeLimit` seconds and the whole search `totalTimeLimit`; past either, `proved` is false.
 */
export function infeasibleGroups(
  highs: Highs,
  model: MipModel,
  order: number[],
  timeLimit = 5,
  totalTimeLimit = 60,
): IisResult {
  const deadline = performance.now() + totalTimeLimit * 1000;
  let checks = 0;
  let proved = true;
  const all = order.filter((g) => g !== 0);
  let candidates = new Set(all);
  const lpGroups = lpIisGroups(highs, model);
  if (lpGroups) candidates = new Set(all.filter((g) => lpGroups.has(g)));
  const disabled = new Set(all.filter((g) => !candidates.has(g)));
  if (lpGroups) {
    checks++;
    // The LP IIS may name groups through rows shared with structure; confirm before filtering.
    if (isFeasible(highs, model, disabled, timeLimit) !== false) {
      candidates = new Set(all);
      disabled.clear();
    }
  }
  const kept: number[] = [];
  for (const g of all) {
    if (!candidates.has(g)) continue;
    if (performance.now() > deadline) {
      // Out of time: keep the rest unchecked. The set stays infeasible, maybe not irreducible.
      proved = false;
      kept.push(g);
      continue;
    }
    disabled.add(g);
    checks++;
    const f = isFeasible(highs, model, disabled, timeLimit);
    if (f === 'unknown') proved = false;
    if (f === false) continue; // not needed: stays dropped
    disabled.delete(g);
    kept.push(g);
  }
  return { groups: kept, proved, checks };
}

/** Groups of the rows in HiGHS' IIS of the LP relaxation, or null when the relaxation is feasible. */
function lpIisGroups(highs: Highs, model: MipModel): Set<number> | null {
  const hm = passModel(highs, model, undefined, { relaxed: true, noObjective: true });
  try {
    hm.options.set({ output_flag: false, time_limit: 5 });
    const run = hm.run();
    if (run.modelStatus !== 8) return null;
    const iis = hm.getIis();
    if (iis.rowIndex.length === 0) return null;
    const groups = new Set<number>();
    for (const r of iis.rowIndex) groups.add(model.rowGroup[r]!);
    return groups;
  } catch {
    return null;
  } finally {
    hm.dispose();
  }
}

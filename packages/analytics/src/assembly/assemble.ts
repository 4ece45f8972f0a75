/**
 * Exact automatic test assembly for a teacher's blueprint: the paper (or parallel forms) meeting
 * every requirement with the best objective, or the smallest set of requirements that cannot hold
 * together, in the teacher's words.
 *
 * HiGHS runs synchronously and may take seconds: a server calls this in a worker thread
 * (`assembleInWorker`), never on its event loop.
 */
import type { Highs } from 'highs';
import { buildAtaModel } from './ata.ts';
import {
  type AssemblyLabels,
  type Blueprint,
  ITEM_TYPES,
  type ItemType,
  type PoolItem,
  validateInput,
} from './blueprint.ts';
import {
  type Compiled,
  compileBlueprint,
  groupName,
  itemInformation,
  type ObjectiveKind,
  type Requirement,
  scoreFor,
} from './compile.ts';
import { type Conflict, describe, explainConflicts } from './explain.ts';
import { solveAta } from './solve-ata.ts';
import { highsRuntime, infeasibleGroups, type SolveStatus } from './solver.ts';

export interface AssembleOptions {
  /** Seconds for the solve; default 10. */
  timeLimit?: number;
  /** Relative optimality gap at which to stop; default 0.5% for information, else 1e-4. */
  relGap?: number;
  /** Absolute gap in the solver's objective units; defaults in `DEFAULT_ABS_GAP`. */
  absGap?: number;
  labels?: AssemblyLabels;
  /**
   * Seconds per feasibility check while naming a conflict; default 5, and twelve times that for
   * the whole search (past it the explanation says the set may not be the smallest).
   */
  explainTimeLimit?: number;
}

export interface AssembledSection {
  type: ItemType;
  itemIds: string[];
  /** Points of each item on this paper, in the same order. */
  points: number[];
}

export interface AssembledForm {
  /** Paper order: sections in the blueprint's type order, easier items first within a section. */
  itemIds: string[];
  sections: AssembledSection[];
  totalScore: number;
  /** Score-weighted mean expected P. */
  meanDifficulty: number;
  minutes: number;
  /** Test information at the blueprint's ability points (when it has them). */
  information?: number[];
}

export interface AssemblyExplanation {
  message: string;
  conflicts: Conflict[];
  /** Whether the set was proved irreducible (every feasibility check finished in time). */
  proved: boolean;
}

export interface AssemblyResult {
  status: SolveStatus;
  forms: AssembledForm[];
  /**
   * The objective recomputed from the forms (difficulty: largest |mean P − target| over the forms;
   * information: smallest weighted test information; exposure: total recent uses), and the best
   * value any paper could reach as far as the solver proved (null when it cannot be expressed).
   */
  objective: { kind: ObjectiveKind; value: number | null; bound: number | null };
  /**
   * HiGHS' relative gap between the solution and its proved bound. For the difficulty objective,
   * whose best value is often 0, 'optimal' is decided by the absolute gap and this can stay large.
   */
  gap: number | null;
  seconds: number;
  explanation?: AssemblyExplanation;
  /** Items that could appear, and what the solver did (for logs). */
  model: { items: number; steps: string[] };
}

/** Lays out a form: sections in type order, within a section by expected P descending (易 → 难). */
export function paperOrder(items: PoolItem[], blueprint: Blueprint): AssembledForm {
  const order = blueprint.types?.map((t) => t.type) ?? [...ITEM_TYPES];
  for (const t of ITEM_TYPES) if (!order.includes(t)) order.push(t);
  const pts = scoreFor(blueprint);
  const sections: AssembledSection[] = [];
  for (const type of order) {
    const xs = items
      .filter((it) => it.type === type)
      .sort((a, b) => b.difficulty - a.difficulty || (a.id < b.id ? -1 : 1));
    if (xs.length > 0) sections.push({ type, itemIds: xs.map((it) => it.id), points: xs.map(pts) });
  }
  const totalScore = items.reduce((s, it) => s + pts(it), 0);
  const weighted = items.reduce((s, it) => s + pts(it) * it.difficulty, 0);
  const thetas = blueprint.information?.thetas;
  return {
    itemIds: sections.flatMap((s) => s.itemIds),
    sections,
    totalScore,
    meanDifficulty: totalScore > 0 ? weighted / totalScore : 0,
    minutes: items.reduce((s, it) => s + it.seconds, 0) / 60,
    information: thetas?.map((t) => items.reduce((s, it) => s + itemInformation(it, t), 0)),
  };
}

/** The objective's value for laid-out forms, recomputed from their items. */
export function objectiveValue(
  kind: ObjectiveKind,
  forms: AssembledForm[],
  byId: ReadonlyMap<string, PoolItem>,
  b: Blueprint,
): number | null {
  if (forms.length === 0 || kind === 'none') return null;
  if (kind === 'difficulty')
    return Math.max(...forms.map((f) => Math.abs(f.meanDifficulty - b.difficulty!.mean!)));
  if (kind === 'information') {
    const w = b.information!.weights;
    return Math.min(...forms.flatMap((f) => f.information!.map((v, k) => v / (w?.[k] ?? 1))));
  }
  return forms.reduce((s, f) => s + f.itemIds.reduce((t, id) => t + (byId.get(id)!.exposure ?? 0), 0), 0);
}

/** Order in which the deletion filter tries dropping requirements: the least specific first. */
const DROP_FIRST: Requirement['kind'][] = [
  'exposure',
  'exclude',
  'enemy',
  'overlap',
  'difficultyMean',
  'difficultyBand',
  'time',
  'totalScore',
  'length',
  'include',
  'type',
  'cell',
];

/**
 * Assembles the blueprint's forms from the pool. Throws `AssemblyInputError` on invalid input;
 * an impossible blueprint is not an error but a result with status `infeasible` and an explanation.
 */
export async function assemble(
  pool: readonly PoolItem[],
  blueprint: Blueprint,
  options: AssembleOptions = {},
): Promise<AssemblyResult> {
  const started = performance.now();
  validateInput(pool, blueprint);
  const highs = await highsRuntime();
  const compiled = compileBlueprint(pool, blueprint);
  const kind = compiled.objective;
  const solved = solveAta(highs, compiled.spec, {
    timeLimit: options.timeLimit ?? 10,
    relGap: options.relGap ?? (kind === 'information' ? 0.005 : 1e-4),
    absGap: options.absGap ?? DEFAULT_ABS_GAP[kind](blueprint, compiled),
  });
  const seconds = () => (performance.now() - started) / 1000;
  const base = { items: compiled.spec.itemCount, steps: solved.steps };

  if (solved.forms) {
    const forms = solved.forms.map((ks) =>
      paperOrder(
        ks.map((k) => pool[compiled.poolIndex[k]!]!),
        blueprint,
      ),
    );
    return {
      status: solved.status,
      forms,
      objective: {
        kind,
        value: objectiveValue(kind, forms, new Map(pool.map((it) => [it.id, it])), blueprint),
        bound: boundValue(kind, solved.bound, blueprint),
      },
      gap: solved.gap,
      seconds: seconds(),
      model: base,
    };
  }
  const empty = { forms: [], objective: { kind, value: null, bound: null }, gap: null, model: base };
  if (solved.status !== 'infeasible') {
    return {
      ...empty,
      status: solved.status,
      seconds: seconds(),
      explanation: {
        message: '在时限内没有找到满足全部要求的试卷，请放宽部分要求或延长时限',
        conflicts: [],
        proved: false,
      },
    };
  }
  const explanation = explainInfeasible(highs, compiled, options);
  return { ...empty, status: 'infeasible', seconds: seconds(), explanation };
}

/**
 * Differences no one could see, in the solver's units: 0.0005 of mean P (times the total score)
 * for the difficulty objective; less than one use for exposure (a sum of whole counts).
 */
const DEFAULT_ABS_GAP: Record<ObjectiveKind, (b: Blueprint, c: Compiled) => number> = {
  difficulty: (b, c) => 0.0005 * (b.totalScore ?? maxScore(c)),
  information: () => 1e-6,
  exposure: () => 0.999,
  none: () => 1e-6,
};

/** The solver's bound in the units of `objectiveValue`. */
function boundValue(kind: ObjectiveKind, bound: number, b: Blueprint): number | null {
  if (!Number.isFinite(bound) || kind === 'none') return null;
  // The model measures Σ s(P − t): a mean-P deviation only when the total score is fixed.
  if (kind === 'difficulty') return b.totalScore ? Math.max(0, bound) / b.totalScore : null;
  return bound;
}

/** Rough largest possible total score of one form, for the default absolute gap. */
function maxScore(c: Compiled): number {
  const sorted = Array.from(c.score).sort((a, b) => b - a);
  return sorted.slice(0, 60).reduce((s, v) => s + v, 0) || 100;
}

function explainInfeasible(highs: Highs, compiled: Compiled, options: AssembleOptions): AssemblyExplanation {
  const reqs = compiled.requirements;
  const conflicts = (ks: number[]): Conflict[] =>
    ks
      .sort((a, b) => a - b)
      .map((k) => ({ requirement: reqs[k]!, message: describe(reqs[k]!, options.labels) }));
  // A line asking for more items than the pool has is a conflict on its own: no solver needed.
  const short = reqs.findIndex(
    (r) => 'available' in r && 'count' in r && r.count !== undefined && r.available < r.count.min,
  );
  if (short >= 0) {
    const c = conflicts([short]);
    return { message: explainConflicts(c), conflicts: c, proved: true };
  }
  // The whole model: reductions assume every requirement holds, which the filter gives up.
  const model = buildAtaModel(compiled.spec).model;
  const order = reqs
    .map((r, k) => ({ k, rank: DROP_FIRST.indexOf(r.kind) }))
    .sort((a, b) => a.rank - b.rank || a.k - b.k)
    .map(({ k }) => model.group(groupName(k)));
  const iis = infeasibleGroups(
    highs,
    model,
    order,
    options.explainTimeLimit ?? 5,
    (options.explainTimeLimit ?? 5) * 12,
  );
  const c = conflicts(iis.groups.map((g) => Number(model.groups[g]!.slice('req:'.length))));
  return { message: explainConflicts(c, iis.proved), conflicts: c, proved: iis.proved };
}

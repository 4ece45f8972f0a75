/**
 * Calibration by marginal maximum likelihood (Bock–Aitkin EM over a fixed quadrature, mirt's
 * defaults: 61 points on [−6, 6], N(0, 1) population): Rasch, 2PL, and Samejima's graded response
 * model for partial-credit items, in one fit when a paper mixes them. Missing responses drop out of
 * the likelihood, so a sparse design works as it is.
 *
 * - `'rasch'`: every slope fixed at 1, the population SD estimated (mean 0): difficulties bⱼ = −dⱼ
 *   are in logits, abilities on the same logit scale with SD `population.sd`.
 * - `'2pl'` / `'grm'` (the same): free slopes; an item with maxScore 1 is 2PL, one with maxScore k > 1
 *   graded with k ordered intercepts; the population is N(0, 1), which sets the scale.
 * - `fixed`: anchor items held at given parameters (fixed-item linking onto the anchors' scale); the
 *   population mean and SD are then estimated, since the anchors set the scale.
 */
import { type EmOutcome, type EStepDriver, type EStepRequest, runEm } from './em.ts';
import { accumulatorLayout, type Design, eStep, makeDesign } from './estep.ts';
import type { ItemParameters } from './item-model.ts';
import type { FreeSet } from './mstep.ts';
import { buildTables, itemAt, type ParamLayout, paramLayout, setItem } from './parameters.ts';
import { normalQuadrature, type Quadrature } from './quadrature.ts';
import { checkResponses, type Responses } from './responses.ts';
import { standardErrors } from './standard-errors.ts';

export type IrtModel = 'rasch' | '2pl' | 'grm';

export interface CalibrateOptions {
  model: IrtModel;
  /** Quadrature points on [−6, 6] (default 61, mirt's), or a quadrature of your own. */
  quadrature?: number | Quadrature;
  /** Most E-steps (default 5000). */
  maxIter?: number;
  /** Converged when one EM step moves no parameter by more than this (default 1e-5). */
  tol?: number;
  /** Anchor items (index → parameters) held fixed; frees the population mean and SD. */
  fixed?: ReadonlyMap<number, ItemParameters>;
  /** SQUAREM acceleration (default true). */
  accelerate?: boolean;
  /** Compute standard errors (default true; costs one E-step per free parameter). */
  standardErrors?: boolean;
  /**
   * Most free parameters for which the whole information matrix is inverted (default 400); beyond,
   * each item's own block (see `standard-errors.ts`).
   */
  fullInformationLimit?: number;
  /** Called after every E-step (EM's and the standard errors') with the count so far and the log-likelihood. */
  onEStep?: (progress: { eSteps: number; logLik: number }) => void;
}

export interface CalibratedItem extends ItemParameters {
  /** Difficulty / thresholds bₖ = −dₖ/a. */
  b: number[];
  /**
   * Standard errors of a and of each dₖ: 0 for a parameter that was fixed (or SEs not requested), NaN
   * when not estimable — an item no one answered (its parameters stay at their start values) or one
   * everyone (or no one) got right, whose intercept stops at the bound ±30.
   */
  se: { a: number; d: number[] };
  /** Held at the given anchor values. */
  fixed: boolean;
}

export interface Calibration {
  model: IrtModel;
  items: CalibratedItem[];
  /** The latent distribution N(mean, sd²) on the items' scale. */
  population: { mean: number; sd: number };
  /** Marginal log-likelihood at the estimates (quadrature). */
  logLik: number;
  /** E-steps taken by EM (not counting those of the standard errors). */
  iterations: number;
  converged: boolean;
  /** Persons with at least one response (the others carry no information). */
  persons: number;
  quadrature: Quadrature;
}

export interface Problem {
  design: Design;
  lay: ParamLayout;
  start: Float64Array;
  free: FreeSet;
  quad: Quadrature;
  options: CalibrateOptions;
}

const logit = (p: number) => Math.log(p / (1 - p));

/** Validates the input and sets up start values: logits of the observed proportions, slopes 1. */
export function setUp(responses: Responses, options: CalibrateOptions): Problem {
  checkResponses(responses);
  const design = makeDesign(responses);
  const lay = paramLayout(design);
  const quad =
    typeof options.quadrature === 'object' ? options.quadrature : normalQuadrature(options.quadrature ?? 61);
  const x = new Float64Array(lay.size);
  const fixedItem = new Uint8Array(design.items);
  for (let j = 0; j < design.items; j++) {
    const K = design.maxScore[j]!;
    const base = design.catStart[j]!;
    let n = 0;
    for (let k = 0; k <= K; k++) n += design.counts[base + k]!;
    x[j] = 1;
    let atLeast = n;
    let prev = Number.POSITIVE_INFINITY;
    for (let k = 1; k <= K; k++) {
      atLeast -= design.counts[base + k - 1]!;
      const d = Math.min(1.7 * logit((atLeast + 0.5) / (n + 1)), prev - 0.1);
      x[lay.dStart[j]! + k - 1] = d;
      prev = d;
    }
  }
  for (const [j, item] of options.fixed ?? []) {
    if (!(j >= 0 && j < design.items)) throw new Error(`fixed item ${j} out of range`);
    setItem(lay, x, j, item);
    fixedItem[j] = 1;
  }
  const anchored = (options.fixed?.size ?? 0) > 0;
  x[lay.mean] = 0;
  x[lay.sd] = 1;
  const free: FreeSet = {
    slopes: options.model !== 'rasch',
    fixedItem,
    mean: anchored,
    sd: anchored || options.model === 'rasch',
  };
  return { design, lay, start: x, free, quad, options };
}

/** The whole calibration as a generator of E-step requests (see `em.ts`). */
export function* calibration(p: Problem): EStepDriver<Calibration> {
  const { design, lay, quad, options } = p;
  const em: EmOutcome = yield* runEm(design, lay, p.start, quad, p.free, {
    maxIter: options.maxIter ?? 5000,
    tol: options.tol ?? 1e-5,
    accelerate: options.accelerate ?? true,
  });
  const final = yield { x: em.x };
  const se =
    options.standardErrors === false
      ? new Float64Array(lay.size)
      : yield* standardErrors(design, lay, em.x, quad, p.free, options.fullInformationLimit);
  const items: CalibratedItem[] = [];
  for (let j = 0; j < design.items; j++) {
    const item = itemAt(lay, em.x, j);
    items.push({
      ...item,
      b: item.d.map((d) => -d / item.a),
      se: { a: se[j]!, d: Array.from(se.subarray(lay.dStart[j]!, lay.dStart[j + 1]!)) },
      fixed: p.free.fixedItem[j] === 1,
    });
  }
  return {
    model: options.model,
    items,
    population: { mean: em.x[lay.mean]!, sd: em.x[lay.sd]! },
    logLik: final[0]!,
    iterations: em.iterations,
    converged: em.converged,
    persons: final[1]!,
    quadrature: quad,
  };
}

/** Persons who answered item j (for E-steps restricted to them). */
export function answeredBy(design: Design, j: number): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < design.persons; i++) if (design.scores[i * design.items + j]! >= 0) out.push(i);
  return Int32Array.from(out);
}

/** Runs one E-step request in this thread. */
export function localEStep(p: Problem, req: EStepRequest, subsets: Map<number, Int32Array>): Float64Array {
  const tables = buildTables(p.design, p.lay, req.x, p.quad);
  const acc = new Float64Array(accumulatorLayout(p.design, p.quad.z.length).size);
  if (req.item === undefined) eStep(p.design, tables, acc, 0, p.design.persons);
  else {
    let subset = subsets.get(req.item);
    if (!subset) {
      subset = answeredBy(p.design, req.item);
      subsets.set(req.item, subset);
    }
    eStep(p.design, tables, acc, 0, subset.length, subset);
  }
  return acc;
}

/** Calibrates in this thread (tests, small data; `calibrateParallel` for large data). */
export function calibrate(responses: Responses, options: CalibrateOptions): Calibration {
  const p = setUp(responses, options);
  const run = calibration(p);
  const subsets = new Map<number, Int32Array>();
  let step = run.next();
  let eSteps = 0;
  while (!step.done) {
    const acc = localEStep(p, step.value, subsets);
    options.onEStep?.({ eSteps: ++eSteps, logLik: acc[0]! });
    step = run.next(acc);
  }
  return step.value;
}

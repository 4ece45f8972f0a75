/**
 * `calibrateParallel`: the same calibration as `calibrate`, with each E-step split over worker
 * threads by ranges of persons. The responses are copied once into shared memory; per E-step a
 * worker receives the small per-iteration tables and returns its accumulators, which add up
 * element-wise. Computation only (no file or network I/O); the workers end with the calibration.
 * For large data — a million examinees — where the E-step is all the time; small data is faster in
 * one thread (`calibrate`).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type CalibrateOptions, type Calibration, calibration, localEStep, setUp } from './calibrate.ts';
import { accumulatorLayout, type Tables } from './estep.ts';
import { buildTables } from './parameters.ts';
import type { Responses } from './responses.ts';

export interface ParallelOptions extends CalibrateOptions {
  /** Worker threads (default: the available parallelism, at least 1). */
  threads?: number;
}

/** What a worker is started with. */
export interface WorkerSetup {
  scores: Int8Array;
  maxScore: Uint8Array;
  catStart: Int32Array;
  correct: Float64Array;
  items: number;
  persons: number;
  from: number;
  to: number;
  quadraturePoints: number;
}

export interface WorkerRequest {
  id: number;
  tables: Tables;
}

export interface WorkerResult {
  id: number;
  acc?: Float64Array;
  error?: string;
}

function toShared(scores: Int8Array): Int8Array {
  if (scores.buffer instanceof SharedArrayBuffer) return scores;
  const shared = new Int8Array(new SharedArrayBuffer(scores.length));
  shared.set(scores);
  return shared;
}

export async function calibrateParallel(
  responses: Responses,
  options: ParallelOptions,
): Promise<Calibration> {
  const p = setUp(responses, options);
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), p.design.persons));
  const scores = toShared(p.design.scores);
  const Q = p.quad.z.length;
  const size = accumulatorLayout(p.design, Q).size;
  const workers: Worker[] = [];
  for (let w = 0; w < threads; w++) {
    const setup: WorkerSetup = {
      scores,
      maxScore: p.design.maxScore,
      catStart: p.design.catStart,
      correct: p.design.correct,
      items: p.design.items,
      persons: p.design.persons,
      from: Math.floor((w * p.design.persons) / threads),
      to: Math.floor(((w + 1) * p.design.persons) / threads),
      quadraturePoints: Q,
    };
    workers.push(new Worker(new URL('./parallel-boot.mjs', import.meta.url), { workerData: setup }));
  }
  let nextId = 0;
  const eStep = (tables: Tables): Promise<Float64Array> => {
    const id = nextId++;
    return Promise.all(
      workers.map(
        (w) =>
          new Promise<Float64Array>((resolve, reject) => {
            const onMessage = (r: WorkerResult) => {
              if (r.id !== id) return;
              w.off('message', onMessage);
              w.off('error', reject);
              if (r.acc) resolve(r.acc);
              else reject(new Error(r.error ?? 'calibration worker failed'));
            };
            w.on('message', onMessage);
            w.once('error', reject);
            w.postMessage({ id, tables } satisfies WorkerRequest);
          }),
      ),
    ).then((parts) => {
      const acc = new Float64Array(size);
      for (const part of parts) for (let k = 0; k < size; k++) acc[k] = acc[k]! + part[k]!;
      return acc;
    });
  };
  try {
    const run = calibration(p);
    const subsets = new Map<number, Int32Array>();
    let step = run.next();
    let eSteps = 0;
    while (!step.done) {
      const req = step.value;
      const acc =
        req.item === undefined
          ? await eStep(buildTables(p.design, p.lay, req.x, p.quad))
          : localEStep(p, req, subsets);
      options.onEStep?.({ eSteps: ++eSteps, logLik: acc[0]! });
      step = run.next(acc);
    }
    return step.value;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

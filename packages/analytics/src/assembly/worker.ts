/**
 * Assembly off the event loop. HiGHS (WebAssembly) blocks its thread for the whole solve, seconds
 * for a large bank, and a server thread that blocks stops answering everyone. Jobs go to one worker
 * thread, one after another (the machine has few cores, and a solve uses one fully); the worker
 * stays warm between jobs (compiling and warming up the WebAssembly costs about a second), does not
 * keep the process alive, and is terminated and replaced when a job overruns its own time limits
 * by far, so a pathological blueprint cannot pin it.
 */
import { Worker } from 'node:worker_threads';
import type { AssembleOptions, AssemblyResult } from './assemble.ts';
import { AssemblyInputError, type Blueprint, type InputProblem, type PoolItem } from './blueprint.ts';
import type { SwapOptions, SwapResult } from './swap.ts';

type Job =
  | { op: 'assemble'; pool: readonly PoolItem[]; blueprint: Blueprint; options: AssembleOptions }
  | {
      op: 'swap';
      pool: readonly PoolItem[];
      form: string[];
      itemId: string;
      blueprint: Blueprint;
      options: SwapOptions;
    };

export type WorkerJob = Job & { id: number };

export type WorkerReply =
  | { id: number; ok: true; result: AssemblyResult | SwapResult }
  | { id: number; ok: false; input: InputProblem[] }
  | { id: number; ok: false; message: string };

interface Pending {
  job: WorkerJob;
  deadlineMs: number;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

let worker: Worker | undefined;
let running: (Pending & { timer: NodeJS.Timeout }) | undefined;
const queue: Pending[] = [];
let nextId = 1;

function spawn(): Worker {
  const w = new Worker(new URL('./worker-boot.mjs', import.meta.url));
  w.unref();
  w.on('message', (reply: WorkerReply) => {
    const job = running;
    if (!job || reply.id !== job.job.id) return;
    settle();
    if (reply.ok) job.resolve(reply.result);
    else if ('input' in reply) job.reject(new AssemblyInputError(reply.input));
    else job.reject(new Error(reply.message));
  });
  const fail = (error: Error) => {
    if (worker === w) worker = undefined;
    const job = running;
    if (!job) return;
    settle();
    job.reject(error);
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`assembly worker exited with code ${code}`)));
  return w;
}

function settle(): void {
  if (running) clearTimeout(running.timer);
  running = undefined;
  setImmediate(next);
}

function next(): void {
  if (running) return;
  const job = queue.shift();
  if (!job) return;
  worker ??= spawn();
  const w = worker;
  const timer = setTimeout(() => {
    // Overran by far: kill the thread (its WebAssembly memory goes with it) and move on.
    worker = undefined;
    const current = running;
    settle();
    void w.terminate();
    current?.reject(new Error(`assembly worker overran ${Math.round(job.deadlineMs / 1000)} s`));
  }, job.deadlineMs);
  running = { ...job, timer };
  w.postMessage(job.job);
}

function submit<T>(job: Job, deadlineMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    queue.push({
      job: { ...job, id: nextId++ },
      deadlineMs,
      resolve: resolve as (v: unknown) => void,
      reject,
    });
    next();
  });
}

/** `assemble` in the worker thread; rejects with `AssemblyInputError` on invalid input. */
export function assembleInWorker(
  pool: readonly PoolItem[],
  blueprint: Blueprint,
  options: AssembleOptions = {},
): Promise<AssemblyResult> {
  // The solve's time limit, the conflict search's checks, and a margin for start-up and layout.
  const deadline = ((options.timeLimit ?? 10) + 14 * (options.explainTimeLimit ?? 5) + 30) * 1000;
  return submit<AssemblyResult>({ op: 'assemble', pool, blueprint, options }, deadline);
}

/** `swapItem` in the worker thread (a scan of a 100,000-item bank takes a while too). */
export function swapInWorker(
  pool: readonly PoolItem[],
  form: string[],
  itemId: string,
  blueprint: Blueprint,
  options: SwapOptions = {},
): Promise<SwapResult> {
  return submit<SwapResult>({ op: 'swap', pool, form, itemId, blueprint, options }, 120_000);
}

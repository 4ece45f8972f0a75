/**
 * Assembly off the event loop. HiGHS (WebAssembly) blocks its thread for the whole solve, seconds
 * for a large bank, and a server thread that blocks stops answering everyone. `assembleInWorker`
 * runs `assemble` in a fresh worker thread per call (the WebAssembly memory is freed with it) and
 * terminates it when it overruns the solve's own time limits, so a pathological blueprint cannot
 * pin a thread. The same for `swapInWorker`, whose scan of a 100,000-item bank takes a while too.
 */
import { Worker } from 'node:worker_threads';
import type { AssembleOptions, AssemblyResult } from './assemble.ts';
import { AssemblyInputError, type Blueprint, type InputProblem, type PoolItem } from './blueprint.ts';
import type { SwapOptions, SwapResult } from './swap.ts';

export type WorkerJob =
  | { op: 'assemble'; pool: readonly PoolItem[]; blueprint: Blueprint; options: AssembleOptions }
  | {
      op: 'swap';
      pool: readonly PoolItem[];
      form: string[];
      itemId: string;
      blueprint: Blueprint;
      options: SwapOptions;
    };

export type WorkerReply =
  | { ok: true; result: AssemblyResult | SwapResult }
  | { ok: false; input: InputProblem[] }
  | { ok: false; message: string };

function run<T>(job: WorkerJob, deadlineMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(new URL('./worker-boot.mjs', import.meta.url));
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(
      () => finish(() => reject(new Error(`assembly worker overran ${Math.round(deadlineMs / 1000)} s`))),
      deadlineMs,
    );
    worker.once('message', (reply: WorkerReply) =>
      finish(() => {
        if (reply.ok) resolve(reply.result as T);
        else if ('input' in reply) reject(new AssemblyInputError(reply.input));
        else reject(new Error(reply.message));
      }),
    );
    worker.once('error', (e) => finish(() => reject(e)));
    worker.once('exit', (code) =>
      finish(() => reject(new Error(`assembly worker exited with code ${code}`))),
    );
    worker.postMessage(job);
  });
}

/** `assemble` in a worker thread; rejects with `AssemblyInputError` on invalid input. */
export function assembleInWorker(
  pool: readonly PoolItem[],
  blueprint: Blueprint,
  options: AssembleOptions = {},
): Promise<AssemblyResult> {
  // The solve's time limit, the conflict search's checks, and a margin for start-up and layout.
  const deadline = ((options.timeLimit ?? 10) + 20 * (options.explainTimeLimit ?? 5) + 30) * 1000;
  return run<AssemblyResult>({ op: 'assemble', pool, blueprint, options }, deadline);
}

/** `swapItem` in a worker thread. */
export function swapInWorker(
  pool: readonly PoolItem[],
  form: string[],
  itemId: string,
  blueprint: Blueprint,
  options: SwapOptions = {},
): Promise<SwapResult> {
  return run<SwapResult>({ op: 'swap', pool, form, itemId, blueprint, options }, 120_000);
}

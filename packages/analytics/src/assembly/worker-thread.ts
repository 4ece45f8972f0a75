/** Runs the assembly jobs sent by `worker.ts`, one at a time, and posts each result back. */
import { parentPort } from 'node:worker_threads';
import { assemble } from './assemble.ts';
import { AssemblyInputError } from './blueprint.ts';
import { swapItem } from './swap.ts';
import type { WorkerJob, WorkerReply } from './worker.ts';

parentPort!.on('message', async (job: WorkerJob) => {
  let reply: WorkerReply;
  try {
    const result =
      job.op === 'assemble'
        ? await assemble(job.pool, job.blueprint, job.options)
        : swapItem(job.pool, job.form, job.itemId, job.blueprint, job.options);
    reply = { id: job.id, ok: true, result };
  } catch (e) {
    reply =
      e instanceof AssemblyInputError
        ? { id: job.id, ok: false, input: e.problems }
        : { id: job.id, ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  parentPort!.postMessage(reply);
});

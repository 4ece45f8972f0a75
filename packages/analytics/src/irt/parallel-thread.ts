/** A calibration worker: E-steps over its range of persons, on request (see `parallel.ts`). */
import { parentPort, workerData } from 'node:worker_threads';
import { accumulatorLayout, type Design, eStep } from './estep.ts';
import type { WorkerRequest, WorkerResult, WorkerSetup } from './parallel.ts';

const setup = workerData as WorkerSetup;
const design: Design = {
  persons: setup.persons,
  items: setup.items,
  scores: setup.scores,
  maxScore: setup.maxScore,
  catStart: setup.catStart,
  correct: setup.correct,
  counts: new Float64Array(0),
};
const size = accumulatorLayout(design, setup.quadraturePoints).size;

parentPort!.on('message', (req: WorkerRequest) => {
  let reply: WorkerResult;
  try {
    const acc = new Float64Array(size);
    eStep(design, req.tables, acc, setup.from, setup.to);
    reply = { id: req.id, acc };
  } catch (e) {
    reply = { id: req.id, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort!.postMessage(reply, reply.acc ? [reply.acc.buffer as ArrayBuffer] : []);
});

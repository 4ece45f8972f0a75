/**
 * The simulated students of `npm run bench:exam`: each one starts their attempt and saves answers
 * at the times of a schedule, as the answering page does: every save carries an idempotency key
 * and a sequence number; a save that gets no answer (a dropped connection, a killed server) is
 * retried with the same key until it is acknowledged, and some saves are sent twice on purpose (a
 * retry whose first answer was lost). What each student had acknowledged is kept for the check
 * against the database.
 */
import { type Reply, request, type SignedIn } from './api-load.ts';

export interface Ack {
  attemptId: string;
  key: string;
  number: number;
  seq: number;
  value: unknown;
}

export interface Run {
  /** Latencies of the starts and of the saves (ms), acknowledged or refused (never of failed tries). */
  starts: number[];
  saves: number[];
  acks: Ack[];
  /** Answers other than 200: a refusal is an error of the run. */
  errors: string[];
  /** Tries that failed on the connection (the server was down) and were sent again. */
  retried: number;
  /** Saves sent twice on purpose and acknowledged as repeats. */
  repeats: number;
  seconds: number;
}

/** Where requests go; `base` changes when the server is started again on another port. */
export interface Target {
  base: string;
}

export interface Plan {
  /** Start times (ms from the run's start) of each student. */
  startAt: (i: number) => number;
  /** Save times (ms from the student's start) of each of their saves. */
  saveAt: (i: number, n: number) => number;
  saves: number;
  /** The item a save answers and its value. */
  answer: (i: number, n: number) => { number: number; value: unknown };
  /** Every `duplicateEvery`-th save is sent twice (0: none). */
  duplicateEvery: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** One request, retried on connection failures (with the same body, hence the same key) until answered. */
async function persistent(
  target: Target,
  user: SignedIn,
  path: string,
  body: unknown,
  run: Run,
): Promise<Reply> {
  for (let wait = 50; ; wait = Math.min(wait * 2, 1000)) {
    try {
      return await request(target.base, 'POST', path, user.cookie, body, user.ip, {
        'x-csrf-token': user.csrf,
      });
    } catch {
      run.retried++;
      await sleep(wait);
    }
  }
}

/** Runs every student's plan against `target`; resolves when all have saved all their answers. */
export async function runStudents(
  target: Target,
  users: readonly SignedIn[],
  assignmentId: string,
  plan: Plan,
  run: Run = { starts: [], saves: [], acks: [], errors: [], retried: 0, repeats: 0, seconds: 0 },
): Promise<Run> {
  const t0 = Date.now();
  await Promise.all(
    users.map(async (user, i) => {
      await sleep(plan.startAt(i));
      const started = await persistent(target, user, `/api/assignments/${assignmentId}/start`, {}, run);
      run.starts.push(started.ms);
      if (started.status !== 200) {
        run.errors.push(`start ${started.status} ${started.body.slice(0, 120)}`);
        return;
      }
      const attemptId = (JSON.parse(started.body) as { id: string }).id;
      const begun = Date.now();
      for (let n = 0; n < plan.saves; n++) {
        await sleep(begun + plan.saveAt(i, n) - Date.now());
        const { number, value } = plan.answer(i, n);
        const body = { key: `${attemptId.slice(-12)}-${n + 1}`, seq: n + 1, number, part: 0, value };
        const path = `/api/attempts/${attemptId}/answers`;
        const times = plan.duplicateEvery > 0 && (i * plan.saves + n) % plan.duplicateEvery === 0 ? 2 : 1;
        for (let k = 0; k < times; k++) {
          const r = await persistent(target, user, path, body, run);
          run.saves.push(r.ms);
          if (r.status !== 200) {
            run.errors.push(`save ${r.status} ${r.body.slice(0, 120)}`);
            continue;
          }
          if (k === 0) run.acks.push({ attemptId, key: body.key, number, seq: body.seq, value });
          else if ((JSON.parse(r.body) as { repeated: boolean }).repeated) run.repeats++;
          else run.errors.push('a repeated key was saved again');
        }
      }
    }),
  );
  run.seconds = (Date.now() - t0) / 1000;
  return run;
}

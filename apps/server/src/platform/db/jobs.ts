/**
 * Scheduled and background work (DESIGN: the database's own queue, pg-boss). A job is declared once,
 * beside the code it runs, and listed in `JOBS` (app.ts); the owner's setup creates its queue
 * (platform/db/job-queue-install.ts) and every server process works it (platform/db/job-queue.ts):
 *
 *     // modules/diagnosis/diagnosis.jobs.ts
 *     export const masteryRecomputeJob = defineJob({
 *       name: 'mastery-recompute',
 *       cron: '30 2 * * *', // 02:30 Asia/Shanghai, nightly
 *       run: (tx, job) => recomputeMastery(tx, job.progress),
 *     });
 *     // app.ts: export const JOBS = [..., masteryRecomputeJob];
 *     // modules/operations/jobs.catalog.ts: { job: 'mastery-recompute', everyHours: 24 }
 *     // web locales, operations.job: "mastery-recompute": "掌握度重算"
 *
 * Without `cron` a job runs only when enqueued: by the system administrator (立即运行 on 系统运行,
 * offered for every job of the queue) or by a service, `await ctx.deps.jobs?.enqueue('name')` (false
 * when an attempt already waits: it runs once, not twice).
 *
 * Each attempt runs through `runJob`: one transaction under an audited system scope, recorded in
 * `job_run`; a failing attempt rolls back completely and the queue retries it (`retryLimit` times,
 * `retryDelaySeconds` doubling with `retryBackoff`). `job.progress(done, total)` shows on the
 * 系统运行 page while the work runs. One attempt of a job runs at a time across all processes, and
 * a cron tick enqueues it once however many processes there are.
 */
import { eq } from 'drizzle-orm';
import { writeAudit } from '../audit/audit.ts';
import type { Database, Tx } from './client.ts';
import { jobRuns } from './jobs.schema.ts';
import { systemScope, withScope } from './scoped.ts';

/** What a finished run may report: counts only (a number, numeric fields, or rows per table). */
export function summaryOf(out: unknown): Record<string, number> | null {
  if (typeof out === 'number' && Number.isFinite(out)) return { count: out };
  if (Array.isArray(out)) {
    const rows = out.filter(
      (r): r is { table: string; rows: number } =>
        typeof r?.table === 'string' && typeof r?.rows === 'number' && /^[a-z_ ()]+$/.test(r.table),
    );
    return rows.length > 0 ? Object.fromEntries(rows.map((r) => [r.table, r.rows])) : null;
  }
  if (out && typeof out === 'object') {
    const nums = Object.entries(out).filter(([, v]) => typeof v === 'number' && Number.isFinite(v));
    return nums.length > 0 ? Object.fromEntries(nums) : null;
  }
  return null;
}

/** Reports how far a job has come: `done` of `total` units (items calibrated, students updated …). */
export type Progress = (done: number, total: number) => Promise<void>;

/** A run's progress is written at most this often (the last unit always). */
const PROGRESS_EVERY_MS = 1000;

/**
 * Runs scheduled work in one transaction under an explicit system scope, recorded in the audit
 * trail with its purpose (COMPLIANCE §4: every user covered, the system included). The run itself
 * — start, end, outcome, what it counted, how far it has come — goes to `job_run` in transactions
 * of its own, so a job whose work rolled back still shows its failure on the 系统运行 page, and its
 * progress shows while its work is uncommitted. All or nothing: a failing run leaves none of its
 * work behind (the queue then retries it, platform/db/job-queue.ts).
 */
export async function runJob<T>(
  database: Database,
  purpose: string,
  fn: (tx: Tx, progress: Progress) => Promise<T>,
  opts: { attempt?: number } = {},
): Promise<T> {
  const scope = systemScope(`job-run:${purpose}`);
  const [run] = await withScope(database, scope, (tx) =>
    tx
      .insert(jobRuns)
      .values({ job: purpose, attempt: opts.attempt ?? 1 })
      .returning({ id: jobRuns.id }),
  );
  const record = (values: Partial<typeof jobRuns.$inferInsert>) =>
    withScope(database, scope, (tx) => tx.update(jobRuns).set(values).where(eq(jobRuns.id, run!.id)));
  let reportedAt = 0;
  const progress: Progress = async (done, total) => {
    const now = Date.now();
    if (done < total && now - reportedAt < PROGRESS_EVERY_MS) return;
    reportedAt = now;
    await record({ progress: { done, total } });
  };
  try {
    const out = await withScope(database, systemScope(purpose), async (tx) => {
      await writeAudit(
        tx,
        { actorName: 'system', actorRole: 'system' },
        { action: 'system.job', details: { job: purpose } },
      );
      return fn(tx, progress);
    });
    await record({ finishedAt: new Date(), status: 'succeeded', summary: summaryOf(out) });
    return out;
  } catch (err) {
    await record({
      finishedAt: new Date(),
      status: 'failed',
      error: String((err as Error)?.message ?? err).slice(0, 500),
    }).catch(() => undefined);
    throw err;
  }
}

/** What a job's handler is given besides its transaction. */
export interface JobContext {
  progress: Progress;
  /** 1 for the first attempt, 2 for the first retry … */
  attempt: number;
}

/** A named job: its handler, its schedule, and what happens when an attempt fails. */
export interface JobDefinition {
  /** The queue's name and the run's purpose in `job_run` and the audit trail (`bank-calibration`). */
  name: string;
  /** When to enqueue it: a cron expression in Asia/Shanghai (`0 2 * * *` 02:00 daily); none: on demand. */
  cron?: string;
  /** Retries after a failed attempt (default 3). */
  retryLimit: number;
  /** Seconds before the first retry (default 60); doubled for each further one with `retryBackoff`. */
  retryDelaySeconds: number;
  retryBackoff: boolean;
  /** An attempt still running after this long counts as failed (default 4 h). */
  expireInSeconds: number;
  /**
   * Asked (in a short read-only transaction) before each attempt: false skips the attempt without
   * recording a run, for jobs looked at often that rarely have work.
   */
  due?: (tx: Tx) => Promise<boolean>;
  /** The work, in the attempt's single transaction; what it returns is counted (`summaryOf`). */
  run: (tx: Tx, job: JobContext) => Promise<unknown>;
}

/** A job with the default retry policy (3 retries, 1 min, 2 min, 4 min apart) and a 4-hour limit. */
export function defineJob(
  def: Pick<JobDefinition, 'name' | 'run'> & Partial<Omit<JobDefinition, 'name' | 'run'>>,
): JobDefinition {
  if (!/^[a-z][a-z0-9-]*$/.test(def.name)) throw new Error(`job names are kebab-case: ${def.name}`);
  return { retryLimit: 3, retryDelaySeconds: 60, retryBackoff: true, expireInSeconds: 4 * 3600, ...def };
}

/** Runs one attempt of `def` through `runJob` (or skips it when it is not due); null when skipped. */
export async function runAttempt(database: Database, def: JobDefinition, attempt: number): Promise<unknown> {
  if (def.due && !(await withScope(database, systemScope(`${def.name}-check`), def.due))) return null;
  return runJob(database, def.name, (tx, progress) => def.run(tx, { progress, attempt }), { attempt });
}

/**
 * Runs `run` shortly after start and then every `everyMs` (a day by default) for as long as the
 * process lives; failures are logged, never thrown. Returns the stop function.
 */
export function scheduleEvery(
  name: string,
  run: () => Promise<unknown>,
  log: (m: string) => void,
  everyMs = 24 * 3_600_000,
  firstAfterMs = 30_000,
): () => void {
  const tick = () => run().catch((err: unknown) => log(`[hanlin] ${name} failed: ${(err as Error).message}`));
  const first = setTimeout(tick, firstAfterMs);
  const timer = setInterval(tick, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

/** The bureau's time zone: days and hours of scheduled work are counted in it. */
const BUREAU_TIME = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
});

/** The calendar day (YYYY-MM-DD) and hour (0–23) of `at` in Asia/Shanghai. */
export function bureauClock(at: Date): { day: string; hour: number } {
  const part = (type: string) => BUREAU_TIME.formatToParts(at).find((p) => p.type === type)!.value;
  return { day: `${part('year')}-${part('month')}-${part('day')}`, hour: Number(part('hour')) };
}

import pg from 'pg';
import PgBoss from 'pg-boss';
import type { Database } from './client.ts';
import { QUEUE_SCHEMA } from './job-queue-install.ts';
import { type JobDefinition, runAttempt, summaryOf } from './jobs.ts';

/** The time zone of every job's cron expression: the bureau's (02:00 is 02:00 in Shanghai). */
export const JOB_TIME_ZONE = 'Asia/Shanghai';

/** The jobs waiting and running in the queue, per job (shown on the 系统运行 page). */
export interface QueueState {
  job: string;
  /** Waiting to run: its first attempt, or a retry waiting for its delay. */
  waiting: number;
  /** Retries waiting among them. */
  retrying: number;
  active: number;
}

/** The running queue: what it knows, enqueueing on demand, and stopping it. */
export interface JobQueue {
  jobs: readonly JobDefinition[];
  /** Enqueues a job now; false when one is already waiting (it runs once, not twice). */
  enqueue: (name: string) => Promise<boolean>;
  state: () => Promise<QueueState[]>;
  stop: () => Promise<void>;
}

export interface JobQueueOptions {
  log: (line: string) => void;
  /** Work the jobs in this process (default true); without, it only enqueues. */
  work?: boolean;
  /** Register the jobs' cron schedules and turn their ticks into jobs (default true). */
  schedule?: boolean;
  /** How often an idle worker looks for a job (default 5 s; a job enqueued here is picked up at once). */
  pollingSeconds?: number;
}

/**
 * Starts pg-boss on the application's role for the jobs `installJobQueue` prepared: no migrations
 * (the owner did them), its own small pool (long polls never wait behind requests), each job's
 * schedule registered (an upsert: one schedule however many processes start) and each worked one
 * attempt at a time through `runAttempt`. Stop it before the pool it was made from.
 */
export async function startJobQueue(
  database: Database,
  jobs: readonly JobDefinition[],
  opts: JobQueueOptions,
): Promise<JobQueue> {
  const {
    pipeline: _pipeline,
    max: _max,
    ...connection
  } = database.pool.options as pg.PoolConfig & {
    pipeline?: boolean;
  };
  const pool = new pg.Pool({ ...connection, max: 3, application_name: 'hanlin-jobs' });
  pool.on('error', () => undefined);
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => pool.query(text, values) },
    schema: QUEUE_SCHEMA,
    migrate: false,
    schedule: opts.schedule ?? true,
    supervise: true,
  });
  boss.on('error', (err) => opts.log(`[hanlin] job queue: ${err.message}`));
  try {
    await boss.start();
    for (const def of jobs) {
      if (!(await boss.getQueue(def.name))) {
        throw new Error(
          `job queue "${def.name}" is not installed: the owner's setup (prepareDatabase) creates it`,
        );
      }
    }
    if (opts.schedule ?? true) await registerSchedules(boss, jobs);
  } catch (err) {
    await boss.stop({ graceful: false, close: false }).catch(() => undefined);
    await pool.end();
    throw err;
  }

  const workers = new Map<string, string>();
  if (opts.work ?? true) {
    for (const def of jobs) {
      const id = await boss.work(
        def.name,
        { batchSize: 1, pollingIntervalSeconds: opts.pollingSeconds ?? 5, includeMetadata: true },
        async ([job]) => {
          const out = await runAttempt(database, def, (job?.retryCount ?? 0) + 1);
          const counts = summaryOf(out);
          if (counts) opts.log(`[hanlin] ${def.name}: ${JSON.stringify(counts)}`);
        },
      );
      workers.set(def.name, id);
    }
  }

  let stopped: Promise<void> | undefined;
  return {
    jobs,
    enqueue: async (name) => {
      if (!jobs.some((j) => j.name === name)) throw new Error(`no such job: ${name}`);
      const id = await boss.send(name, {});
      const worker = workers.get(name);
      if (id && worker) boss.notifyWorker(worker);
      return id !== null;
    },
    state: () => queueState(pool, jobs),
    stop: () => {
      stopped ??= boss.stop({ graceful: true, close: false, timeout: 10_000 }).finally(() => pool.end());
      return stopped;
    },
  };
}

/** Each job's cron schedule, in the bureau's time zone; schedules of jobs no longer defined go. */
async function registerSchedules(boss: PgBoss, jobs: readonly JobDefinition[]) {
  const scheduled = new Set<string>();
  for (const def of jobs) {
    if (!def.cron) continue;
    await boss.schedule(def.name, def.cron, {}, { tz: JOB_TIME_ZONE });
    scheduled.add(def.name);
  }
  for (const s of await boss.getSchedules()) {
    if (!scheduled.has(s.name)) await boss.unschedule(s.name);
  }
}

async function queueState(pool: pg.Pool, jobs: readonly JobDefinition[]): Promise<QueueState[]> {
  const res = await pool.query<{ name: string; waiting: number; retrying: number; active: number }>(
    `select name,
            count(*) filter (where state in ('created', 'retry'))::int as waiting,
            count(*) filter (where state = 'retry')::int as retrying,
            count(*) filter (where state = 'active')::int as active
       from ${QUEUE_SCHEMA}.job where name = any($1) and state < 'completed' group by name`,
    [jobs.map((j) => j.name)],
  );
  return res.rows.map((r) => ({ job: r.name, waiting: r.waiting, retrying: r.retrying, active: r.active }));
}

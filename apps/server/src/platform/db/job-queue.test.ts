import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import type { Tx } from './client.ts';
import { type JobQueue, startJobQueue } from './job-queue.ts';
import { installJobQueue, QUEUE_SCHEMA } from './job-queue-install.ts';
import { defineJob } from './jobs.ts';

/** Issue 11 §7: jobs run from the database's queue, show their progress, and retry all-or-nothing. */
let t: TestApp;
let queue: JobQueue;
const queues: JobQueue[] = [];
/** What the slow job waits for: the test lets it finish once it has seen its progress. */
let release: () => void = () => undefined;
let gate = Promise.resolve();

/** Estimates written by the jobs below, three per attempt; the first attempt of `flaky` fails. */
const write = (tx: Tx, attempt: number) =>
  tx.execute(
    sql`insert into test_estimate (attempt, item) select ${attempt}, g from generate_series(1, 3) g`,
  );

const flaky = defineJob({
  name: 'test-flaky',
  retryDelaySeconds: 0,
  retryBackoff: false,
  run: async (tx, job) => {
    await write(tx, job.attempt);
    await job.progress(3, 3);
    if (job.attempt === 1) throw new Error('lost the connection half-way');
    return { written: 3 };
  },
});
const slow = defineJob({
  name: 'test-slow',
  run: async (tx, job) => {
    await write(tx, job.attempt);
    await job.progress(1, 4);
    await gate;
    return { written: 3 };
  },
});
const broken = defineJob({
  name: 'test-broken',
  retryLimit: 1,
  retryDelaySeconds: 0,
  retryBackoff: false,
  run: async (tx, job) => {
    await write(tx, job.attempt);
    throw new Error('estimates diverged');
  },
});
const nightly = defineJob({ name: 'test-nightly', cron: '0 2 * * *', run: async () => 0 });
const JOBS = [flaky, slow, broken, nightly];

const runs = (job: string) =>
  t.db.pool.query<{ attempt: number; status: string; error: string | null; progress: unknown }>(
    'select attempt, status, error, progress from job_run where job = $1 order by started_at',
    [job],
  );
const estimates = async () =>
  (
    await t.db.pool.query<{ attempt: number; n: number }>(
      'select attempt, count(*)::int as n from test_estimate group by attempt order by attempt',
    )
  ).rows;

beforeAll(async () => {
  t = await createTestApp();
  await t.db.pool.query('create table test_estimate (attempt int not null, item int not null)');
  await t.db.pool.query('grant select, insert, delete on test_estimate to hanlin_app');
  await installJobQueue(t.db, 'hanlin_app', JOBS);
  queue = await startJobQueue(t.deps.database, JOBS, { log: () => undefined, pollingSeconds: 0.5 });
  queues.push(queue);
});
afterAll(async () => {
  release();
  for (const q of queues) await q.stop();
  await t.close();
});

describe('the job queue', () => {
  it('retries a failed attempt, which left nothing written', async () => {
    expect(await queue.enqueue('test-flaky')).toBe(true);
    await vi.waitFor(async () => expect((await runs('test-flaky')).rows.at(-1)?.status).toBe('succeeded'), {
      timeout: 10_000,
      interval: 100,
    });
    expect((await runs('test-flaky')).rows).toEqual([
      {
        attempt: 1,
        status: 'failed',
        error: 'lost the connection half-way',
        progress: { done: 3, total: 3 },
      },
      { attempt: 2, status: 'succeeded', error: null, progress: { done: 3, total: 3 } },
    ]);
    // The failed attempt's three estimates rolled back with it; only the retry's remain.
    expect(await estimates()).toEqual([{ attempt: 2, n: 3 }]);
    await t.db.pool.query('delete from test_estimate');
  });

  it('gives up after its retries, every attempt recorded and none of their work left', async () => {
    expect(await queue.enqueue('test-broken')).toBe(true);
    await vi.waitFor(async () => expect((await runs('test-broken')).rows).toHaveLength(2), {
      timeout: 10_000,
      interval: 100,
    });
    await vi.waitFor(async () => expect((await runs('test-broken')).rows.at(-1)?.status).toBe('failed'), {
      timeout: 10_000,
      interval: 100,
    });
    expect((await runs('test-broken')).rows.map((r) => [r.attempt, r.status, r.error])).toEqual([
      [1, 'failed', 'estimates diverged'],
      [2, 'failed', 'estimates diverged'],
    ]);
    expect(await estimates()).toEqual([]);
    await vi.waitFor(async () => expect(await queue.state()).toEqual([]), { timeout: 5_000, interval: 100 });
  });

  it('shows a running job’s progress while its work is still uncommitted', async () => {
    gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    expect(await queue.enqueue('test-slow')).toBe(true);
    await vi.waitFor(
      async () =>
        expect((await runs('test-slow')).rows).toEqual([
          { attempt: 1, status: 'running', error: null, progress: { done: 1, total: 4 } },
        ]),
      { timeout: 10_000, interval: 100 },
    );
    expect(await estimates()).toEqual([]);
    // While it runs, a second "run now" waits behind it rather than running beside it.
    expect(await queue.state()).toEqual([{ job: 'test-slow', waiting: 0, retrying: 0, active: 1 }]);
    release();
    await vi.waitFor(async () => expect((await runs('test-slow')).rows.at(-1)?.status).toBe('succeeded'), {
      timeout: 10_000,
      interval: 100,
    });
    expect(await estimates()).toEqual([{ attempt: 1, n: 3 }]);
  });

  it('registers a schedule once, in Asia/Shanghai, however many processes start', async () => {
    queues.push(await startJobQueue(t.deps.database, JOBS, { log: () => undefined, work: false }));
    const s = await t.db.pool.query(`select name, cron, timezone from ${QUEUE_SCHEMA}.schedule`);
    expect(s.rows).toEqual([{ name: 'test-nightly', cron: '0 2 * * *', timezone: 'Asia/Shanghai' }]);
  });

  it('keeps one waiting attempt of a job however often it is asked for', async () => {
    const idle = queues.at(-1)!;
    await queue.stop();
    expect(await idle.enqueue('test-nightly')).toBe(true);
    expect(await idle.enqueue('test-nightly')).toBe(false);
    expect(await idle.state()).toEqual([{ job: 'test-nightly', waiting: 1, retrying: 0, active: 0 }]);
  });

  it('leaves the application role no way to change the queue’s structure', async () => {
    await expect(
      t.deps.database.pool.query(`create table ${QUEUE_SCHEMA}.intruder (id int)`),
    ).rejects.toThrow(/permission denied/);
    await expect(
      t.deps.database.pool.query(`select ${QUEUE_SCHEMA}.create_queue('intruder', '{}')`),
    ).rejects.toThrow(/permission denied/);
  });
});

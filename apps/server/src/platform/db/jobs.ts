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

/**
 * Runs scheduled work in one transaction under an explicit system scope, recorded in the audit
 * trail with its purpose (COMPLIANCE §4: every user covered, the system included). The run itself
 * — start, end, outcome, what it counted — goes to `job_run` in transactions of its own, so a job
 * whose work rolled back still shows its failure on the 系统运行 page.
 */
export async function runJob<T>(database: Database, purpose: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const scope = systemScope(`job-run:${purpose}`);
  const [run] = await withScope(database, scope, (tx) =>
    tx.insert(jobRuns).values({ job: purpose }).returning({ id: jobRuns.id }),
  );
  const finish = (values: Partial<typeof jobRuns.$inferInsert>) =>
    withScope(database, scope, (tx) =>
      tx
        .update(jobRuns)
        .set({ finishedAt: new Date(), ...values })
        .where(eq(jobRuns.id, run!.id)),
    );
  try {
    const out = await withScope(database, systemScope(purpose), async (tx) => {
      await writeAudit(
        tx,
        { actorName: 'system', actorRole: 'system' },
        { action: 'system.job', details: { job: purpose } },
      );
      return fn(tx);
    });
    await finish({ status: 'succeeded', summary: summaryOf(out) });
    return out;
  } catch (err) {
    await finish({ status: 'failed', error: String((err as Error)?.message ?? err).slice(0, 500) }).catch(
      () => undefined,
    );
    throw err;
  }
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

/**
 * Runs `run` once a day, at the first check at or after `hour` o'clock Asia/Shanghai (a check every
 * `checkMs`, ten minutes by default, and shortly after start), until it succeeds that day. Each
 * instance and each restart runs it again on its first day, so `run` must itself do its work once per
 * day (and at most once at a time across instances). Returns the stop function.
 */
export function scheduleDailyAt(
  name: string,
  hour: number,
  run: () => Promise<unknown>,
  log: (m: string) => void,
  checkMs = 600_000,
): () => void {
  let doneOn = '';
  return scheduleEvery(
    name,
    async () => {
      const now = bureauClock(new Date());
      if (now.hour < hour || doneOn === now.day) return;
      await run();
      doneOn = now.day;
    },
    log,
    checkMs,
  );
}

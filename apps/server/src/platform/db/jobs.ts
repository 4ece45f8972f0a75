import { writeAudit } from '../audit/audit.ts';
import type { Database, Tx } from './client.ts';
import { systemScope, withScope } from './scoped.ts';

/**
 * Runs scheduled work in one transaction under an explicit system scope, recorded in the audit
 * trail with its purpose (COMPLIANCE §4: every user covered, the system included).
 */
export async function runJob<T>(database: Database, purpose: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return withScope(database, systemScope(purpose), async (tx) => {
    await writeAudit(
      tx,
      { actorName: 'system', actorRole: 'system' },
      { action: 'system.job', details: { job: purpose } },
    );
    return fn(tx);
  });
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

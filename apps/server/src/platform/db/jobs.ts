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

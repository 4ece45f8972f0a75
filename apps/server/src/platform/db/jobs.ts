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

import { sql } from 'drizzle-orm';
import type { Tx } from './client.ts';

/**
 * Takes a transaction-scoped advisory lock; false when another transaction holds it. For work one
 * instance at a time does (a job's rebuild): the second one skips instead of waiting.
 */
export async function tryXactLock(tx: Tx, key: number): Promise<boolean> {
  const lock = await tx.execute<{ ok: boolean }>(sql`select pg_try_advisory_xact_lock(${key}) as ok`);
  return lock.rows[0]?.ok === true;
}

import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';

/** Tables of schema public under row-level security that even their owner cannot skip (FORCE). */
export async function findGuardedTables(tx: Tx): Promise<Set<string>> {
  const res = await tx.execute<{ name: string }>(sql`
    select relname::text as name from pg_class
     where relnamespace = 'public'::regnamespace and relkind = 'r' and relrowsecurity and relforcerowsecurity`);
  return new Set(res.rows.map((r) => r.name));
}

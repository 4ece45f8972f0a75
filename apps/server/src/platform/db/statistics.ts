import { sql } from 'drizzle-orm';
import type { Tx } from './client.ts';

/**
 * Gathers the planner's statistics of every table that has never had any, and returns their names.
 * A table filled in bulk (the demo's resources, reviews, homework) has none until autovacuum
 * comes round to it, a minute or more later; until then the planner guesses its size and its
 * values, and a district administrator's resource list, one statement under row-level security,
 * took 3.5–4.2 s on a fresh demo city instead of ~40 ms. Only tables never analysed, so that a
 * restart costs nothing; autovacuum keeps them current afterwards. Needs the owning role.
 */
export async function analyzeUnanalyzed(db: Tx): Promise<string[]> {
  const found = await db.execute<{ name: string }>(sql`
    select format('%I.%I', schemaname, relname) as name from pg_stat_user_tables
     where last_analyze is null and last_autoanalyze is null
     order by 1`);
  const names = found.rows.map((r) => r.name);
  if (names.length > 0) await db.execute(sql.raw(`analyze ${names.join(', ')}`));
  return names;
}

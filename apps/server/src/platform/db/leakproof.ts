import { sql } from 'drizzle-orm';
import type { Tx } from './client.ts';

/**
 * The ltree comparisons that scope is written in (`path <@ …`, `@>`, `=`). Under row-level security
 * PostgreSQL evaluates a query's own conditions after the policies' unless their functions are
 * LEAKPROOF, so it could not look a unit's rows up by the path index: a district administrator's
 * home counted the students of each school by reading all 200,000 students of the city, 24 times
 * (1.4 s; 13 ms with the index). They are leakproof in fact: they compare two values already
 * parsed and raise no error that could tell anything about a row.
 */
export const LEAKPROOF_FUNCTIONS = [
  'ltree_risparent(ltree, ltree)',
  'ltree_isparent(ltree, ltree)',
  'ltree_eq(ltree, ltree)',
] as const;

/**
 * Marks `LEAKPROOF_FUNCTIONS` leakproof, which only a superuser may do (the embedded cluster's
 * owner is one). Returns those still not leakproof, for the caller to warn about: an external
 * server's superuser runs the README's statement once.
 */
export async function markLeakproof(db: Tx): Promise<string[]> {
  const me = await db.execute<{ superuser: boolean }>(
    sql`select rolsuper as superuser from pg_roles where rolname = current_user`,
  );
  if (me.rows[0]?.superuser)
    for (const f of LEAKPROOF_FUNCTIONS) await db.execute(sql.raw(`alter function ${f} leakproof`));
  const found = await db.execute<{ name: string }>(sql`
    select f as name from unnest(${sql.param([...LEAKPROOF_FUNCTIONS])}::text[]) f
     where not (select proleakproof from pg_proc where oid = f::regprocedure)`);
  return found.rows.map((r) => r.name);
}

import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Tx } from './client.ts';
import { setLocal } from './scoped.ts';

const dialect = new PgDialect();
const names = new Map<string, string>();

/** A statement's name is derived from its text, so one text always maps to one name per connection. */
function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `h_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs a hot, fixed-shape read as a named prepared statement. PostgreSQL then plans it once per
 * connection and reuses the plan: the class roster query plans in ~3 ms and runs in ~0.5 ms, so
 * without this the planner, not the data, limits throughput. Only for statements whose text does
 * not vary with the input (values go in parameters), or each connection collects statements.
 */
export async function execPrepared<T>(tx: Tx, query: SQL): Promise<T[]> {
  const compiled = dialect.sqlToQuery(query);
  const prepared = tx._.session.prepareQuery(compiled, undefined, nameOf(compiled.sql), false);
  const result = (await prepared.execute()) as { rows: T[] };
  return result.rows;
}

/**
 * Makes the named prepared statements of the rest of this transaction run their generic plan at
 * once. By default PostgreSQL plans a statement's first five runs on each connection with their
 * values and keeps doing so whenever it estimates such a custom plan cheaper, which for a read
 * that touches many tables under row-level security costs more than running it (a parent's home:
 * 3–10 ms to plan every time, 0.4 ms to run with the generic plan). Only for transactions whose
 * prepared reads look rows up by a person or a handful of paths, where the generic plan is as good.
 */
export async function preferGenericPlans(tx: Tx): Promise<void> {
  await setLocal(tx, 'plan_cache_mode', 'force_generic_plan');
}

/**
 * Rows of raw SQL for the assessment repositories. Drizzle's driver hands timestamps of raw queries
 * back as text; the repositories name their timestamp columns and get Dates.
 */
import type { SQL } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';

type Row = Record<string, unknown>;

/** `row` with the named columns turned from timestamp text into Dates (nulls stay null). */
export function withDates<T>(row: T, keys: readonly string[]): T {
  const out = { ...(row as Row) };
  for (const k of keys) {
    const v = out[k];
    if (typeof v === 'string') out[k] = new Date(v);
  }
  return out as T;
}

/** Every row of `q`, with `dates` as Dates. */
export async function rowsOf<T>(tx: Tx, q: SQL, dates: readonly string[] = []): Promise<T[]> {
  const res = await tx.execute<T & Row>(q);
  return dates.length === 0 ? (res.rows as T[]) : res.rows.map((r) => withDates(r as T, dates));
}

/** The first row of `q`, with `dates` as Dates. */
export async function oneOf<T>(tx: Tx, q: SQL, dates: readonly string[] = []): Promise<T | undefined> {
  return (await rowsOf<T>(tx, q, dates))[0];
}

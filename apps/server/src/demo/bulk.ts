import type pg from 'pg';

/** Secondary indexes and foreign keys set aside during a bulk load, to be rebuilt in one pass each. */
export interface Deferred {
  indexes: { table: string; name: string; def: string }[];
  foreignKeys: { table: string; name: string; def: string }[];
}

/**
 * Drops the secondary indexes (not those behind primary keys or unique constraints) and the foreign
 * keys of the given tables, remembering their exact definitions from the catalog. Building an index
 * once over loaded data is several times faster than maintaining it row by row, and a foreign key is
 * then checked by one join instead of a trigger per row. Must run inside the loading transaction, so
 * a failure rolls everything back, definitions included.
 */
export async function deferConstraints(client: pg.PoolClient, tables: readonly string[]): Promise<Deferred> {
  const indexes = await client.query<{ table: string; name: string; def: string }>(
    `select t.relname::text as table, i.indexrelid::regclass::text as name,
            pg_get_indexdef(i.indexrelid) as def
       from pg_index i
       join pg_class t on t.oid = i.indrelid
      where t.relnamespace = current_schema()::regnamespace and t.relname = any($1)
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
      order by 1, 2`,
    [tables],
  );
  const foreignKeys = await client.query<{ table: string; name: string; def: string }>(
    `select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as def
       from pg_constraint
      where contype = 'f' and connamespace = current_schema()::regnamespace
        and conrelid::regclass::text = any($1)
      order by 1, 2`,
    [tables],
  );
  for (const fk of foreignKeys.rows) {
    await client.query(`alter table ${fk.table} drop constraint ${quoteIdent(fk.name)}`);
  }
  for (const ix of indexes.rows) await client.query(`drop index ${ix.name}`);
  return { indexes: indexes.rows, foreignKeys: foreignKeys.rows };
}

/** Rebuilds the deferred indexes of one table from their saved definitions; returns the slowest. */
export async function restoreIndexes(
  client: pg.PoolClient,
  deferred: Deferred,
  table: string,
): Promise<{ name: string; ms: number } | null> {
  let slowest: { name: string; ms: number } | null = null;
  for (const ix of deferred.indexes.filter((i) => i.table === table)) {
    const t0 = performance.now();
    await client.query(ix.def);
    const ms = performance.now() - t0;
    if (!slowest || ms > slowest.ms) slowest = { name: ix.name, ms };
  }
  return slowest;
}

/** Re-adds the deferred foreign keys; each is validated by one query over the loaded rows. */
export async function restoreForeignKeys(client: pg.PoolClient, deferred: Deferred): Promise<void> {
  for (const fk of deferred.foreignKeys) {
    await client.query(`alter table ${fk.table} add constraint ${quoteIdent(fk.name)} ${fk.def}`);
  }
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { columnsOf, type TableInventory, tableNameOf } from '../../platform/privacy/data-classes.ts';

/** One instance runs the retention job: true when this transaction holds its lock. */
export async function takeRetentionLock(tx: Tx): Promise<boolean> {
  const res = await tx.execute<{ ok: boolean }>(
    sql`select pg_try_advisory_xact_lock(hashtext('hanlin.retention')) as ok`,
  );
  return res.rows[0]?.ok ?? false;
}

/** Deletes a declared table's rows whose purge column is older than its period; returns how many. */
export async function purgeTable(
  tx: Tx,
  t: TableInventory & { purge: NonNullable<TableInventory['purge']> },
) {
  const column = columnsOf(t)[t.purge.column]!;
  const cutoff =
    column.getSQLType() === 'date'
      ? sql`(now() at time zone 'Asia/Shanghai')::date - ${t.purge.days}::int`
      : sql`now() - make_interval(days => ${t.purge.days}::int)`;
  const res = await tx.execute(
    sql`delete from ${sql.identifier(tableNameOf(t))} where ${sql.identifier(column.name)} < ${cutoff}`,
  );
  return res.rowCount ?? 0;
}

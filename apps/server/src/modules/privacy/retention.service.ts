import { getTableColumns, sql } from 'drizzle-orm';
import { getTableConfig, type PgColumn } from 'drizzle-orm/pg-core';
import { DATA_INVENTORY } from '../../data-inventory.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Tx } from '../../platform/db/client.ts';

/**
 * The daily retention job (COMPLIANCE §3, ASVS 8.3.8): deletes the rows each table's declaration
 * (`purge` in the data inventory) says have outlived their purpose: sessions a month after expiry,
 * failed-sign-in counters after a day, notifications after a year, daily use after two. One
 * instance does the work (advisory lock); the run is audited with what it removed.
 */
export async function purgeExpired(tx: Tx): Promise<{ table: string; rows: number }[] | null> {
  const lock = await tx.execute<{ ok: boolean }>(
    sql`select pg_try_advisory_xact_lock(hashtext('hanlin.retention')) as ok`,
  );
  if (!lock.rows[0]?.ok) return null;
  const removed: { table: string; rows: number }[] = [];
  for (const t of DATA_INVENTORY) {
    if (!t.purge) continue;
    const name = getTableConfig(t.table).name;
    const column = (getTableColumns(t.table) as Record<string, PgColumn>)[t.purge.column]!;
    const cutoff =
      column.getSQLType() === 'date'
        ? sql`(now() at time zone 'Asia/Shanghai')::date - ${t.purge.days}::int`
        : sql`now() - make_interval(days => ${t.purge.days}::int)`;
    const res = await tx.execute(
      sql`delete from ${sql.identifier(name)} where ${sql.identifier(column.name)} < ${cutoff}`,
    );
    if ((res.rowCount ?? 0) > 0) removed.push({ table: name, rows: res.rowCount ?? 0 });
  }
  await writeAudit(
    tx,
    { actorName: 'system', actorRole: 'system' },
    {
      action: 'privacy.retention',
      details: { removed },
    },
  );
  return removed;
}

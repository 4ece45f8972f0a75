import { DATA_INVENTORY } from '../../data-inventory.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Tx } from '../../platform/db/client.ts';
import { tableNameOf } from '../../platform/privacy/data-classes.ts';
import { purgeTable, takeRetentionLock } from './retention.repository.ts';

/**
 * The daily retention job (COMPLIANCE §3, ASVS 8.3.8): deletes the rows each table's declaration
 * (`purge` in the data inventory) says have outlived their purpose: sessions a month after expiry,
 * failed-sign-in counters after a day, notifications after a year, daily use after two. One
 * instance does the work (advisory lock); the run is audited with what it removed.
 */
export async function purgeExpired(tx: Tx): Promise<{ table: string; rows: number }[] | null> {
  if (!(await takeRetentionLock(tx))) return null;
  const removed: { table: string; rows: number }[] = [];
  for (const t of DATA_INVENTORY) {
    if (!t.purge) continue;
    const rows = await purgeTable(tx, { ...t, purge: t.purge });
    if (rows > 0) removed.push({ table: tableNameOf(t), rows });
  }
  await writeAudit(
    tx,
    { actorName: 'system', actorRole: 'system' },
    { action: 'privacy.retention', details: { removed } },
  );
  return removed;
}

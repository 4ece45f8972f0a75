import { INVENTORY_BY_OWNER } from '../../data-inventory.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { tableNameOf } from '../../platform/privacy/data-classes.ts';
import { type DiskSpace, diskSpace } from './host.ts';
import * as repo from './operations.repository.ts';

/** Which module (or part of the platform) owns each table, from the data inventory's declarations. */
const OWNER_OF = new Map(
  Object.entries(INVENTORY_BY_OWNER).flatMap(([owner, tables]) => tables.map((t) => [tableNameOf(t), owner])),
);

/** The disks the server writes to: the data directory, the file store (local), the backups. */
export async function disks(ctx: Ctx): Promise<(DiskSpace & { use: 'data' | 'files' | 'backup' })[]> {
  const { config } = ctx.deps;
  const wanted: [string, 'data' | 'files' | 'backup'][] = [[config.dataDir, 'data']];
  if (!config.s3) wanted.push([config.filesDir, 'files']);
  if (ctx.deps.backups) wanted.push([ctx.deps.backups.settings.dir, 'backup']);
  const out = [];
  for (const [path, use] of wanted) {
    const d = await diskSpace(path);
    if (d) out.push({ ...d, use });
  }
  return out;
}

/** Where the bytes are: the database by owning module, the file store by prefix, backups, disks. */
export async function getStorage(ctx: Ctx) {
  const checkedAt = new Date().toISOString();
  const tables = await repo.tableStats(ctx.db);
  const byOwner = new Map<string, { owner: string; tables: number; bytes: number; rows: number }>();
  for (const t of tables) {
    const owner = OWNER_OF.get(t.name) ?? 'other';
    const o = byOwner.get(owner) ?? { owner, tables: 0, bytes: 0, rows: 0 };
    o.tables += 1;
    o.bytes += t.bytes;
    o.rows += t.rows;
    byOwner.set(owner, o);
  }
  const files = (await ctx.deps.storage.usage()).sort((a, b) => b.bytes - a.bytes);
  const control = ctx.deps.backups;
  let backup = null;
  if (control) {
    const [list, wal] = await Promise.all([control.list(), control.walArchive()]);
    backup = {
      baseBackups: list.length,
      baseBytes: list.reduce((n, b) => n + b.archive.bytes, 0),
      walSegments: wal.segments,
      walBytes: wal.bytes,
    };
  }
  return {
    checkedAt,
    database: {
      bytes: tables.reduce((n, t) => n + t.bytes, 0),
      byOwner: [...byOwner.values()].sort((a, b) => b.bytes - a.bytes),
    },
    files: {
      location: ctx.deps.storage.location,
      kind: ctx.deps.config.s3 ? ('s3' as const) : ('local' as const),
      files: files.reduce((n, f) => n + f.files, 0),
      bytes: files.reduce((n, f) => n + f.bytes, 0),
      byPrefix: files,
    },
    backup,
    disks: await disks(ctx),
  };
}

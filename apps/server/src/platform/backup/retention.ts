import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { WAL_FILE, walBefore, walDir } from './archive.ts';
import { type BaseBackup, backupPath, listBaseBackups, listUnfinished } from './base-backup.ts';
import { type FileEntry, listFileStore } from './file-mirror.ts';

export interface RetentionPolicy {
  /** Base backups younger than this are kept. */
  keepDays: number;
  /** The newest this many base backups are kept whatever their age, so a long pause loses nothing. */
  keepCount: number;
}

export interface RetentionPlan {
  backups: BaseBackup[];
  wal: { systemId: string; name: string }[];
  files: string[];
}

/**
 * What may go: base backups beyond the policy; WAL from before the oldest kept base backup of its
 * cluster (all of a cluster's WAL once it has no base backup left); mirrored files that the store no
 * longer holds, that no kept backup lists, and that were mirrored before the oldest kept backup
 * began (so they were gone before any moment a restore can reach). Pure: the same plan serves the
 * local directory and the off-site bucket.
 */
export function planRetention(input: {
  backups: BaseBackup[];
  wal: { systemId: string; name: string }[];
  mirrored: Map<string, FileEntry>;
  /** Keys the store holds now; null when unknown, which keeps every mirrored file. */
  live: Set<string> | null;
  /** File keys listed by each kept backup (by backup id). */
  manifests: (b: BaseBackup) => string[];
  policy: RetentionPolicy;
  now: Date;
}): RetentionPlan {
  const newestFirst = [...input.backups].sort((a, b) => b.stopTime.localeCompare(a.stopTime));
  const since = input.now.getTime() - input.policy.keepDays * 86_400_000;
  const keep = newestFirst.filter(
    (b, i) => i < Math.max(1, input.policy.keepCount) || Date.parse(b.stopTime) >= since,
  );
  const kept = new Set(keep.map((b) => b.id));
  const firstNeeded = new Map<string, string>();
  for (const b of keep) {
    const seen = firstNeeded.get(b.systemId);
    if (!seen || b.startWal.slice(8) < seen.slice(8)) firstNeeded.set(b.systemId, b.startWal);
  }
  const wal = input.wal.filter((w) => {
    if (!WAL_FILE.test(w.name)) return false;
    const first = firstNeeded.get(w.systemId);
    return first ? walBefore(w.name, first) : !w.name.endsWith('.history');
  });
  let files: string[] = [];
  if (input.live && keep.length > 0) {
    const listed = new Set(keep.flatMap((b) => input.manifests(b)));
    const oldestStart = Math.min(...keep.map((b) => Date.parse(b.startTime)));
    files = [...input.mirrored]
      .filter(([k, f]) => !input.live!.has(k) && !listed.has(k) && f.mtimeMs < oldestStart)
      .map(([k]) => k);
  }
  return { backups: input.backups.filter((b) => !kept.has(b.id)), wal, files };
}

/** The keys a base backup's file manifest lists (empty when it has none). */
export async function readManifest(backupDir: string, b: BaseBackup): Promise<string[]> {
  if (!b.files) return [];
  return JSON.parse(await readFile(join(backupPath(backupDir, b), 'files.json'), 'utf8')) as string[];
}

/**
 * Applies the policy to the local backup directory. Call only while holding the backup lock, so no
 * base backup is being written meanwhile (an unfinished one is removed here).
 */
export async function pruneLocal(opts: {
  backupDir: string;
  filesDir?: string;
  policy: RetentionPolicy;
  now?: Date;
}): Promise<RetentionPlan> {
  const { backupDir } = opts;
  const backups = await listBaseBackups(backupDir);
  const wal: { systemId: string; name: string }[] = [];
  for (const c of await readdir(backupDir, { withFileTypes: true }).catch(() => [])) {
    if (!c.isDirectory() || !/^[0-9]+$/.test(c.name)) continue;
    for (const name of await readdir(walDir(backupDir, c.name)).catch(() => [])) {
      wal.push({ systemId: c.name, name });
    }
  }
  const manifests = new Map<string, string[]>();
  for (const b of backups) manifests.set(b.id, await readManifest(backupDir, b));
  const plan = planRetention({
    backups,
    wal,
    mirrored: await listFileStore(join(backupDir, 'files')),
    live: opts.filesDir ? new Set((await listFileStore(opts.filesDir)).keys()) : null,
    manifests: (b) => manifests.get(b.id) ?? [],
    policy: opts.policy,
    now: opts.now ?? new Date(),
  });
  for (const dir of await listUnfinished(backupDir)) await rm(dir, { recursive: true, force: true });
  for (const b of plan.backups) await rm(backupPath(backupDir, b), { recursive: true, force: true });
  for (const w of plan.wal) await rm(join(walDir(backupDir, w.systemId), w.name), { force: true });
  for (const k of plan.files) await rm(join(backupDir, 'files', k), { force: true });
  return plan;
}

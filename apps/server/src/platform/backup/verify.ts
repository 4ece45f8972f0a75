import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../db/embedded.ts';
import { mirrorDir, restoreCommand, WAL_SEGMENT, walDir } from './archive.ts';
import { type BaseBackup, backupPath, sha256File } from './base-backup.ts';
import { listFileStore } from './file-mirror.ts';
import { layOut, type RestorePlan } from './restore.ts';
import { fieldKeyAtHand, runningServer } from './restore-plan.ts';

export interface VerifyCheck {
  name: 'archive' | 'wal' | 'files' | 'field_key' | 'trial_restore';
  ok: boolean;
  detail: string;
}

export interface VerifyResult {
  ok: boolean;
  checks: VerifyCheck[];
  /** The last transaction the trial restore replayed. */
  replayedUntil: string | null;
}

const mib = (n: number) => `${(n / 1_048_576).toFixed(1)} MiB`;

/**
 * Checks that a base backup can be restored, without touching the live database (COMPLIANCE §4,
 * "backups with tested restore"): the archive's SHA-256, the WAL it needs and the archive after it
 * without a gap, the files its manifest lists, the field key; then a trial restore — the backup
 * laid into a scratch directory under `scratchRoot`, a PostgreSQL of its own started on it,
 * archived WAL replayed to its end, the databases counted — and the scratch directory removed.
 * The trial server archives nothing (`archive_mode=off`): its new timeline must never reach the
 * archive a real restore follows. Call it holding the backup lock, so pruning cannot remove what
 * it reads.
 */
export async function verifyBackup(opts: {
  backupDir: string;
  backup: BaseBackup;
  scratchRoot: string;
  fieldKey?: Buffer;
  log?: (line: string) => void;
}): Promise<VerifyResult> {
  const { backupDir, backup } = opts;
  const log = opts.log ?? (() => {});
  const dir = backupPath(backupDir, backup);
  const archive = join(dir, backup.archive.file);
  const checks: VerifyCheck[] = [];

  const sum = existsSync(archive) ? await sha256File(archive) : null;
  checks.push({
    name: 'archive',
    ok: sum === backup.archive.sha256,
    detail: sum === null ? 'missing' : `${mib(backup.archive.bytes)}, SHA-256 ${sum.slice(0, 12)}…`,
  });
  checks.push(await checkWal(backupDir, backup));
  checks.push(await checkFiles(backupDir, backup));
  const key = fieldKeyAtHand(backup, opts.fieldKey);
  checks.push({ name: 'field_key', ok: key === 'same' || key === 'unknown', detail: key });

  let replayedUntil: string | null = null;
  if (checks.every((c) => c.ok)) {
    try {
      const trial = await trialRestore(opts.scratchRoot, backupDir, backup, archive, log);
      replayedUntil = trial.replayedUntil;
      checks.push({ name: 'trial_restore', ok: true, detail: trial.detail });
    } catch (err) {
      checks.push({ name: 'trial_restore', ok: false, detail: String((err as Error).message).slice(0, 300) });
    }
  } else {
    checks.push({ name: 'trial_restore', ok: false, detail: 'skipped' });
  }
  return { ok: checks.every((c) => c.ok), checks, replayedUntil };
}

/** The segments from the backup's first on are all in the archive, whatever their timeline. */
async function checkWal(backupDir: string, backup: BaseBackup): Promise<VerifyCheck> {
  const names = (await readdir(walDir(backupDir, backup.systemId)).catch(() => [] as string[])).filter((n) =>
    WAL_SEGMENT.test(n),
  );
  // A segment's position is its last 16 hex digits (log id, segment), the first 8 its timeline.
  const positions = [...new Set(names.map((n) => n.slice(8)))].sort();
  const first = backup.startWal.slice(8);
  const from = positions.indexOf(first);
  if (from < 0) return { name: 'wal', ok: false, detail: `missing ${backup.startWal}` };
  const after = positions.slice(from);
  const next = (p: string) => {
    const logId = Number.parseInt(p.slice(0, 8), 16);
    const seg = Number.parseInt(p.slice(8), 16);
    // 16 MiB segments: 256 per log id.
    const [l, s] = seg >= 0xff ? [logId + 1, 0] : [logId, seg + 1];
    return l.toString(16).toUpperCase().padStart(8, '0') + s.toString(16).toUpperCase().padStart(8, '0');
  };
  for (let i = 1; i < after.length; i++) {
    if (after[i] !== next(after[i - 1]!))
      return { name: 'wal', ok: false, detail: `gap after ${after[i - 1]}` };
  }
  return { name: 'wal', ok: true, detail: `${after.length}` };
}

/** Every file the backup's manifest lists is in the mirror. */
async function checkFiles(backupDir: string, backup: BaseBackup): Promise<VerifyCheck> {
  if (!backup.files) return { name: 'files', ok: true, detail: '0' };
  const manifest = JSON.parse(
    await readFile(join(backupPath(backupDir, backup), 'files.json'), 'utf8').catch(() => '[]'),
  ) as string[];
  const mirrored = await listFileStore(mirrorDir(backupDir));
  const missing = manifest.filter((k) => !mirrored.has(k));
  return missing.length === 0
    ? { name: 'files', ok: true, detail: `${manifest.length}` }
    : { name: 'files', ok: false, detail: `missing ${missing.length} of ${manifest.length}` };
}

async function trialRestore(
  scratchRoot: string,
  backupDir: string,
  backup: BaseBackup,
  archive: string,
  log: (l: string) => void,
): Promise<{ replayedUntil: string | null; detail: string }> {
  // Traversable but not listable: the trial server runs as `postgres` when we are root.
  await mkdir(scratchRoot, { recursive: true, mode: 0o711 });
  // A trial cut off by a stopped process left a copy of the database: it goes now (the caller
  // holds the backup lock, so no other trial is using one).
  for (const left of await readdir(scratchRoot)) {
    const dir = join(scratchRoot, left);
    if (!(await runningServer(join(dir, 'pg')))) await rm(dir, { recursive: true, force: true });
  }
  const stamp = new Date().toISOString().replaceAll(/[-:.]/g, '');
  const dataDir = join(scratchRoot, `${backup.id}-${stamp}`);
  const plan: RestorePlan = {
    dataDir,
    pgDir: join(dataDir, 'pg'),
    backupDir,
    target: 'latest',
    backup,
    running: null,
    moveAside: [],
    files: null,
    fieldKey: 'unknown',
    archiveTimeout: 300,
    stamp,
  };
  const lines: string[] = [];
  try {
    await layOut(plan, archive, log);
    log(`trial restore of ${backup.id}: replaying archived WAL …`);
    const server = await startEmbeddedPostgres({
      dir: dataDir,
      database: 'postgres',
      log: (l) => lines.push(l),
      settings: {
        archive_mode: 'off',
        restore_command: restoreCommand(walDir(backupDir, backup.systemId)),
        recovery_target_timeline: 'latest',
        recovery_target_action: 'promote',
      },
    }).catch((err: unknown) => {
      throw new Error(`${(err as Error).message}\n${lines.slice(-5).join('\n')}`);
    });
    try {
      return await inspect(server.adminUrl);
    } finally {
      await server.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** What the restored cluster holds, in counts: databases, their tables and size. No row is read. */
async function inspect(adminUrl: (db: string) => string) {
  const c = new pg.Client({ connectionString: adminUrl('postgres') });
  await c.connect();
  let replayedUntil: string | null;
  let dbs: string[];
  try {
    const r = await c.query<{ recovering: boolean; at: Date | null }>(
      'select pg_is_in_recovery() as recovering, pg_last_xact_replay_timestamp() as at',
    );
    if (r.rows[0]!.recovering) throw new Error('the trial server is still in recovery');
    replayedUntil = r.rows[0]!.at?.toISOString() ?? null;
    dbs = (
      await c.query<{ name: string }>(
        `select datname as name from pg_database where datallowconn and not datistemplate and datname <> 'postgres'`,
      )
    ).rows.map((x) => x.name);
  } finally {
    await c.end();
  }
  const parts: string[] = [];
  for (const name of dbs) {
    const d = new pg.Client({ connectionString: adminUrl(name) });
    await d.connect();
    try {
      const r = await d.query<{ tables: number; bytes: string }>(
        `select (select count(*)::int from pg_tables where schemaname = 'public') as tables,
                pg_database_size(current_database())::text as bytes`,
      );
      parts.push(`${name}: ${r.rows[0]!.tables} tables, ${mib(Number(r.rows[0]!.bytes))}`);
    } finally {
      await d.end();
    }
  }
  return { replayedUntil, detail: parts.join('; ') || 'no database' };
}

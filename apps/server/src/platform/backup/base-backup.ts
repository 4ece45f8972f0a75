import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { baseDir, prepareClusterDirs, walFileName } from './archive.ts';
import { listFileStore, mirrorFileStore } from './file-mirror.ts';

/** What a finished base backup records beside its archive, in `backup.json` (written last). */
export interface BaseBackup {
  id: string;
  systemId: string;
  timeline: number;
  startLsn: string;
  stopLsn: string;
  /** The first WAL segment a restore from this backup replays. */
  startWal: string;
  /** Server clock; every commit stamped at or after `stopTime` lies after the backup's consistency point. */
  startTime: string;
  stopTime: string;
  serverVersion: string;
  archive: { file: string; bytes: number; sha256: string };
  /** The file store at the time of the backup (keys in `files.json`). */
  files: { count: number; bytes: number } | null;
  /** SHA-256 of the field-encryption key in use, to tell at restore whether the right key is at hand. */
  fieldKeySha256: string | null;
}

const ARCHIVE = 'base.tar.gz';
/** Session advisory lock: one base backup or pruning run at a time per cluster ('hbak'). */
export const BACKUP_LOCK = 0x6862616b;

function sqlString(s: string): string {
  if (/[\0\n\r]/.test(s)) throw new Error(`unsupported character in ${JSON.stringify(s)}`);
  return `'${s.replaceAll("'", "''")}'`;
}

/** Backup ids sort by time: `20261204T231516123Z`. */
export function backupId(at: Date): string {
  return at.toISOString().replaceAll(/[-:.]/g, '');
}

/**
 * Runs `fn` holding the backup lock (a session advisory lock, so base backups, pruning and a
 * manual `npm run backup` never overlap, whichever process runs them). Returns null when another
 * holder has it.
 */
export async function withBackupLock<T>(adminUrl: string, fn: () => Promise<T>): Promise<T | null> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const lock = await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [BACKUP_LOCK]);
    if (!lock.rows[0]?.ok) return null;
    return await fn();
  } finally {
    await client.end();
  }
}

/**
 * Takes a base backup with the server's own BASE_BACKUP command (the embedded PostgreSQL ships no
 * pg_basebackup or pg_dump). Why BASE_BACKUP with `TARGET 'server'` and not the low-level
 * pg_backup_start()/pg_backup_stop() API with our own copy of the data directory: the server then
 * decides which files belong in a backup (it leaves out pg_wal, postmaster.pid, temporary and
 * unlogged relation files, replication slots …), writes `backup_label` into the archive itself and
 * a manifest with checksums, compresses, and waits until the last WAL segment the backup needs is
 * archived — every rule the low-level API leaves to the copier to get right. Receiving the archive
 * over the connection instead (`TARGET 'client'`) would need a replication-protocol client that
 * parses the CopyData sub-messages; neither `pg` nor `pg-copy-streams` does, while with
 * `TARGET 'server'` the reply is plain result sets. The archive lands on the database's host, which
 * for the embedded server is this machine; an external server is backed up by its operator.
 *
 * Needs a superuser connection (`adminUrl`) and WAL archiving on. Call it inside withBackupLock.
 */
export async function takeBaseBackup(opts: {
  adminUrl: string;
  backupDir: string;
  pgDir: string;
  /** The embedded cluster's state file (its password), kept with the backup so a lost data dir can reconnect. */
  clusterState?: string;
  filesDir?: string;
  fieldKey?: Buffer;
  now?: () => Date;
}): Promise<BaseBackup> {
  const client = new pg.Client({ connectionString: opts.adminUrl });
  await client.connect();
  try {
    const info = await client.query<{
      mode: string;
      seg: string;
      version: string;
      sysid: string;
      failing: boolean;
      start: Date;
    }>(`select current_setting('archive_mode') as mode, (select setting from pg_settings where name = 'wal_segment_size') as seg,
              current_setting('server_version') as version, (select system_identifier::text from pg_control_system()) as sysid,
              coalesce(a.last_failed_time > coalesce(a.last_archived_time, '-infinity'), false) as failing,
              clock_timestamp() as start
         from pg_stat_archiver a`);
    const s = info.rows[0]!;
    if (s.mode !== 'on')
      throw new Error('WAL archiving is off: a base backup alone cannot be restored to a moment');
    if (s.failing)
      throw new Error('WAL archiving is failing (see pg_stat_archiver); fix it before a base backup');
    await prepareClusterDirs(opts.pgDir, opts.backupDir, s.sysid);
    const id = backupId((opts.now ?? (() => new Date()))());
    const dir = join(baseDir(opts.backupDir, s.sysid), id);
    const replication = new pg.Client({
      connectionString: opts.adminUrl,
      replication: 'database',
    } as pg.ClientConfig);
    await replication.connect();
    let results: pg.QueryResult[];
    try {
      const reply = await replication.query(
        `BASE_BACKUP (LABEL ${sqlString(`hanlin ${id}`)}, CHECKPOINT 'fast', TARGET 'server',
           TARGET_DETAIL ${sqlString(dir)}, WAIT true, MANIFEST 'yes', COMPRESSION 'gzip', COMPRESSION_DETAIL 'level=1')`,
      );
      results = Array.isArray(reply) ? reply : [reply];
    } finally {
      await replication.end();
    }
    const [begin, spaces, end] = results;
    if (spaces?.rows.some((r) => r.spcoid !== null)) {
      await rm(dir, { recursive: true, force: true });
      throw new Error('tablespaces other than the default are not supported by this backup');
    }
    const stop = await client.query<{ at: Date }>(`select clock_timestamp() as at`);
    const timeline = Number(begin!.rows[0].tli);
    const backup: BaseBackup = {
      id,
      systemId: s.sysid,
      timeline,
      startLsn: begin!.rows[0].recptr,
      stopLsn: end!.rows[0].recptr,
      startWal: walFileName(timeline, begin!.rows[0].recptr, Number(s.seg)),
      startTime: s.start.toISOString(),
      // Rounded up: JavaScript keeps milliseconds, the server microseconds.
      stopTime: new Date(stop.rows[0]!.at.getTime() + 1).toISOString(),
      serverVersion: s.version,
      archive: {
        file: ARCHIVE,
        bytes: (await stat(join(dir, ARCHIVE))).size,
        sha256: await sha256File(join(dir, ARCHIVE)),
      },
      files: null,
      fieldKeySha256: opts.fieldKey ? createHash('sha256').update(opts.fieldKey).digest('hex') : null,
    };
    if (opts.filesDir) {
      // Mirror first, so every key the manifest lists is in the backup.
      await mirrorFileStore(opts.filesDir, opts.backupDir);
      const store = await listFileStore(opts.filesDir);
      await writeDurably(join(dir, 'files.json'), JSON.stringify([...store.keys()]));
      backup.files = { count: store.size, bytes: [...store.values()].reduce((a, f) => a + f.size, 0) };
    }
    if (opts.clusterState && existsSync(opts.clusterState)) {
      await writeDurably(join(dir, 'cluster.json'), await readFile(opts.clusterState, 'utf8'));
    }
    await writeDurably(join(dir, 'backup.json'), JSON.stringify(backup, null, 2));
    return backup;
  } finally {
    await client.end();
  }
}

/** Writes a small file under a temporary name, fsyncs it, and renames it into place. */
export async function writeDurably(path: string, data: string): Promise<void> {
  const tmp = `${path}.tmp`;
  const fh = await open(tmp, 'w', 0o600);
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/** Finished base backups of every cluster in the backup directory, oldest first. */
export async function listBaseBackups(backupDir: string): Promise<BaseBackup[]> {
  const found: BaseBackup[] = [];
  const clusters = await readdir(backupDir, { withFileTypes: true }).catch(() => []);
  for (const c of clusters) {
    if (!c.isDirectory() || !/^[0-9]+$/.test(c.name)) continue;
    for (const id of await readdir(baseDir(backupDir, c.name)).catch(() => [])) {
      const meta = join(baseDir(backupDir, c.name), id, 'backup.json');
      if (existsSync(meta)) found.push(JSON.parse(await readFile(meta, 'utf8')) as BaseBackup);
    }
  }
  return found.sort((a, b) => a.stopTime.localeCompare(b.stopTime));
}

/** Base-backup directories without `backup.json`: runs that were cut off (removed when pruning). */
export async function listUnfinished(backupDir: string): Promise<string[]> {
  const out: string[] = [];
  for (const c of await readdir(backupDir, { withFileTypes: true }).catch(() => [])) {
    if (!c.isDirectory() || !/^[0-9]+$/.test(c.name)) continue;
    for (const id of await readdir(baseDir(backupDir, c.name)).catch(() => [])) {
      if (!existsSync(join(baseDir(backupDir, c.name), id, 'backup.json')))
        out.push(join(baseDir(backupDir, c.name), id));
    }
  }
  return out;
}

/** The directory of one base backup. */
export function backupPath(backupDir: string, b: Pick<BaseBackup, 'systemId' | 'id'>): string {
  return join(baseDir(backupDir, b.systemId), b.id);
}

export async function ensureDir(path: string): Promise<void> {
  await mkdir(path, { recursive: true, mode: 0o700 });
}

import { join } from 'node:path';
import pg from 'pg';
import type { Config } from '../config/config.ts';
import { archivingSettings, readSystemId } from './archive.ts';
import { type BaseBackup, listBaseBackups, takeBaseBackup, withBackupLock } from './base-backup.ts';
import { listFileStore, mirrorFileStore } from './file-mirror.ts';
import { type BackupEvent, errorLine, recordBackupEvent } from './history.ts';
import { Offsite, shipToOffsite } from './offsite.ts';
import { pruneLocal } from './retention.ts';

/** How often the scheduler looks: mirrors new files, checks the archiver, and is the file-restore slack. */
export const TICK_MS = 60_000;
/** How often the off-site bucket is brought up to date (each time also after a base backup). */
const SHIP_MS = 5 * 60_000;

type BackupConfig = Config['backup'];

/** Server settings for the embedded PostgreSQL: WAL archiving when backups are on, else none. */
export function embeddedBackupSettings(config: Pick<Config, 'backup'>) {
  const b = config.backup;
  return b.enabled
    ? (pgDir: string) => archivingSettings(pgDir, { backupDir: b.dir, archiveTimeout: b.archiveTimeout })
    : undefined;
}

export interface BackupRoundOptions {
  config: Pick<Config, 'backup' | 'dataDir' | 'filesDir' | 's3'>;
  adminUrl: string;
  fieldKey?: Buffer;
  log: (line: string) => void;
}

/** A round's options: `force` takes a base backup whatever the age of the newest (an operator's). */
export interface RoundRequest {
  force?: boolean;
  trigger?: BackupEvent['trigger'];
}

/**
 * One round of the schedule, as a function to call repeatedly (it keeps what it reported and when
 * it last shipped). Resolves to the base backup it took, if any; a round never throws (it logs),
 * and a round called while the previous one runs does nothing. Each base backup taken or failed
 * is recorded in the backup directory's history (history.ts).
 */
export function backupRound(opts: BackupRoundOptions): (req?: RoundRequest) => Promise<BaseBackup | null> {
  const b: BackupConfig = opts.config.backup;
  const pgDir = join(opts.config.dataDir, 'pg');
  // Files in a bucket are that bucket's to keep (versioning, replication); we mirror a local store.
  const filesDir = opts.config.s3 ? undefined : opts.config.filesDir;
  const offsite = b.s3 ? new Offsite(b.s3) : undefined;
  const policy = { keepDays: b.keepDays, keepCount: b.keepCount };
  let busy = false;
  let lastShip = 0;
  let reportedFailure = '';

  /** Reports a failing archiver (once per segment); returns the server's current timeline. */
  const checkArchiver = async () => {
    const c = new pg.Client({ connectionString: opts.adminUrl });
    await c.connect();
    try {
      const r = await c.query<{ wal: string | null; failing: boolean; tli: number }>(
        `select last_failed_wal as wal,
                coalesce(last_failed_time > coalesce(last_archived_time, '-infinity'), false) as failing,
                (select timeline_id from pg_control_checkpoint()) as tli
           from pg_stat_archiver`,
      );
      const { wal, failing, tli } = r.rows[0]!;
      if (failing && wal !== reportedFailure) {
        opts.log(`[hanlin] backup: WAL archiving is failing at ${wal}; WAL accumulates until it works again`);
      }
      reportedFailure = failing ? (wal ?? '') : '';
      return tli;
    } finally {
      await c.end();
    }
  };

  /** Takes a base backup under the lock and records it, or its failure, in the history. */
  const takeRecorded = async (trigger: BackupEvent['trigger']) => {
    const startedAt = new Date().toISOString();
    try {
      const backup = await withBackupLock(opts.adminUrl, takeAndPrune);
      // The schedule simply tries again next round; an operator is told.
      if (!backup && trigger !== 'schedule') throw new Error('another backup or verification holds the lock');
      if (backup) {
        await recordBackupEvent(b.dir, {
          kind: 'backup',
          ok: true,
          trigger,
          startedAt,
          finishedAt: new Date().toISOString(),
          backupId: backup.id,
          bytes: backup.archive.bytes,
        });
      }
      return backup;
    } catch (err) {
      await recordBackupEvent(b.dir, {
        kind: 'backup',
        ok: false,
        trigger,
        startedAt,
        finishedAt: new Date().toISOString(),
        error: errorLine(err),
      }).catch(() => undefined);
      throw err;
    }
  };

  const takeAndPrune = async () => {
    const started = Date.now();
    const backup = await takeBaseBackup({
      adminUrl: opts.adminUrl,
      backupDir: b.dir,
      pgDir,
      clusterState: join(opts.config.dataDir, 'cluster.json'),
      filesDir,
      fieldKey: opts.fieldKey,
    });
    const mib = (backup.archive.bytes / 1_048_576).toFixed(1);
    opts.log(
      `[hanlin] backup: base backup ${backup.id} (${mib} MiB) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    const pruned = await pruneLocal({ backupDir: b.dir, filesDir, policy });
    if (pruned.backups.length || pruned.wal.length || pruned.files.length) {
      opts.log(
        `[hanlin] backup: pruned ${pruned.backups.length} base backups, ${pruned.wal.length} WAL files, ${pruned.files.length} files`,
      );
    }
    return backup;
  };

  return async (req: RoundRequest = {}) => {
    if (busy) return null;
    busy = true;
    let made: BaseBackup | null = null;
    let attempted = false;
    try {
      const timeline = await checkArchiver();
      if (filesDir) await mirrorFileStore(filesDir, b.dir);
      const systemId = await readSystemId(pgDir);
      const newest = (await listBaseBackups(b.dir)).filter((x) => x.systemId === systemId).at(-1);
      if (
        req.force ||
        !newest ||
        newest.timeline !== timeline ||
        Date.now() - Date.parse(newest.stopTime) >= b.everyMs
      ) {
        attempted = true;
        made = await takeRecorded(req.trigger ?? 'schedule');
      }
      if (offsite && (made || Date.now() - lastShip >= SHIP_MS)) {
        const live = filesDir ? new Set((await listFileStore(filesDir)).keys()) : null;
        await shipToOffsite({ backupDir: b.dir, offsite, policy, live });
        lastShip = Date.now();
      }
    } catch (err) {
      opts.log(`[hanlin] backup failed: ${(err as Error).message}`);
      // An operator's request that failed before the base backup began still gets its answer.
      if (req.force && !made && !attempted) {
        const at = new Date().toISOString();
        await recordBackupEvent(b.dir, {
          kind: 'backup',
          ok: false,
          trigger: req.trigger ?? 'operator',
          startedAt: at,
          finishedAt: at,
          error: errorLine(err),
        }).catch(() => undefined);
      }
    } finally {
      busy = false;
    }
    return made;
  };
}

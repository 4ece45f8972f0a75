import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import type { Config } from '../config/config.ts';
import { readSystemId, WAL_SEGMENT, walDir } from './archive.ts';
import { type BaseBackup, listBaseBackups, withBackupLock } from './base-backup.ts';
import { type BackupEvent, errorLine, readBackupEvents, recordBackupEvent } from './history.ts';
import { type BackupRoundOptions, backupRound, TICK_MS } from './schedule.ts';
import { verifyBackup } from './verify.ts';

/** What the WAL archiver reports (pg_stat_archiver) and what the archive directory holds. */
export interface ArchiverState {
  archivedCount: number;
  lastArchivedWal: string | null;
  lastArchivedAt: string | null;
  failedCount: number;
  lastFailedWal: string | null;
  lastFailedAt: string | null;
  /** The last failure is newer than the last success: WAL accumulates until it works again. */
  failing: boolean;
  /** Segments and bytes in this cluster's archive directory. */
  segments: number;
  bytes: number;
}

/** The work in progress, at most one at a time (base backups and verifications share the lock). */
export interface BackupActivity {
  kind: 'backup' | 'verify';
  startedAt: string;
  backupId?: string;
}

/**
 * The embedded server's backups, as the running server controls them: the schedule, a base
 * backup or a verification started by the system administrator (in the background, one at a
 * time, queued behind the schedule's round), and what the backup directory and the archiver
 * report. Absent when the server does not run its database (DATABASE_URL) or backups are off.
 */
export interface BackupControl {
  settings: Config['backup'] & { filesMirrored: boolean };
  activity: () => BackupActivity | null;
  /** Starts a base backup now; false when one is already running or waiting. */
  startBackup: () => boolean;
  /** Starts a verification of a base backup; false when busy; throws when there is no such backup. */
  startVerify: (backupId: string) => Promise<boolean>;
  list: () => Promise<BaseBackup[]>;
  history: (limit?: number) => Promise<BackupEvent[]>;
  archiver: () => Promise<ArchiverState>;
  /**
   * Runs the schedule: every minute new files are mirrored and the archiver checked; a base backup
   * is taken when the newest of this cluster is older than the interval or from an earlier
   * timeline (so also soon after the first start and after a restore, whose WAL then no longer has
   * to be followed across timelines), then pruned by the retention policy; the off-site bucket is
   * brought up to date every five minutes. Every instance may schedule it; the backup lock lets
   * one of them take and prune backups. Returns the stop function.
   */
  schedule: () => () => void;
  /** Resolves when the work started last has ended (tests). */
  idle: () => Promise<void>;
}

export function createBackupControl(
  opts: BackupRoundOptions & { dataDir: string; pgDir: string },
): BackupControl {
  const b = opts.config.backup;
  const round = backupRound(opts);
  let queue: Promise<unknown> = Promise.resolve();
  let current: BackupActivity | null = null;
  let waiting = false;
  const enqueue = (work: () => Promise<unknown>) => {
    queue = queue.then(work).catch((err: unknown) => opts.log(`[hanlin] backup: ${errorLine(err)}`));
    return queue;
  };

  const startOperatorWork = (activity: Omit<BackupActivity, 'startedAt'>, work: () => Promise<unknown>) => {
    if (current || waiting) return false;
    waiting = true;
    void enqueue(async () => {
      waiting = false;
      current = { ...activity, startedAt: new Date().toISOString() };
      try {
        await work();
      } finally {
        current = null;
      }
    });
    return true;
  };

  const verify = async (backup: BaseBackup) => {
    const startedAt = new Date().toISOString();
    const event = (fields: Partial<BackupEvent>): BackupEvent => ({
      kind: 'verify',
      ok: false,
      trigger: 'operator',
      startedAt,
      finishedAt: new Date().toISOString(),
      backupId: backup.id,
      ...fields,
    });
    try {
      const result = await withBackupLock(opts.adminUrl, () =>
        verifyBackup({
          backupDir: b.dir,
          backup,
          scratchRoot: join(opts.dataDir, 'restore-check'),
          fieldKey: opts.fieldKey,
          log: opts.log,
        }),
      );
      if (!result) throw new Error('another backup holds the lock');
      await recordBackupEvent(
        b.dir,
        event({ ok: result.ok, checks: result.checks, replayedUntil: result.replayedUntil }),
      );
    } catch (err) {
      await recordBackupEvent(b.dir, event({ error: errorLine(err) }));
    }
  };

  return {
    settings: { ...b, filesMirrored: !opts.config.s3 },
    activity: () => current,
    startBackup: () =>
      startOperatorWork({ kind: 'backup' }, () => round({ force: true, trigger: 'operator' })),
    startVerify: async (backupId) => {
      const backup = (await listBaseBackups(b.dir)).find((x) => x.id === backupId);
      if (!backup) throw new Error(`no base backup ${backupId}`);
      return startOperatorWork({ kind: 'verify', backupId }, () => verify(backup));
    },
    list: () => listBaseBackups(b.dir),
    history: (limit) => readBackupEvents(b.dir, limit),
    archiver: async () => {
      const c = new pg.Client({ connectionString: opts.adminUrl });
      await c.connect();
      let row: {
        archived_count: string;
        last_archived_wal: string | null;
        last_archived_time: Date | null;
        failed_count: string;
        last_failed_wal: string | null;
        last_failed_time: Date | null;
      };
      try {
        row = (await c.query('select * from pg_stat_archiver')).rows[0];
      } finally {
        await c.end();
      }
      const dir = walDir(b.dir, await readSystemId(opts.pgDir));
      const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => WAL_SEGMENT.test(n));
      let bytes = 0;
      for (const n of names) bytes += (await stat(join(dir, n)).catch(() => ({ size: 0 }))).size;
      const at = (d: Date | null) => d?.toISOString() ?? null;
      return {
        archivedCount: Number(row.archived_count),
        lastArchivedWal: row.last_archived_wal,
        lastArchivedAt: at(row.last_archived_time),
        failedCount: Number(row.failed_count),
        lastFailedWal: row.last_failed_wal,
        lastFailedAt: at(row.last_failed_time),
        failing:
          !!row.last_failed_time &&
          row.last_failed_time.getTime() > (row.last_archived_time?.getTime() ?? Number.NEGATIVE_INFINITY),
        segments: names.length,
        bytes,
      };
    },
    schedule: () => {
      let pending = false;
      const tick = () => {
        // The schedule's rounds wait behind an operator's work, never beside it, one at a time.
        if (pending || current || waiting) return;
        pending = true;
        void enqueue(() => round().finally(() => (pending = false)));
      };
      const first = setTimeout(tick, 30_000);
      const timer = setInterval(tick, TICK_MS);
      first.unref();
      timer.unref();
      return () => {
        clearTimeout(first);
        clearInterval(timer);
      };
    },
    idle: async () => {
      await queue;
    },
  };
}

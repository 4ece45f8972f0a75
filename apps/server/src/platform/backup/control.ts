import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config/config.ts';
import { scheduleEvery } from '../db/jobs.ts';
import { readSystemId, WAL_SEGMENT, walDir } from './archive.ts';
import { type BaseBackup, listBaseBackups, withBackupLock } from './base-backup.ts';
import { type BackupEvent, errorLine, readBackupEvents, recordBackupEvent } from './history.ts';
import { type BackupRoundOptions, backupRound, TICK_MS } from './schedule.ts';
import { verifyBackup } from './verify.ts';

/** This cluster's WAL archive: what a restore can replay. */
export interface WalArchive {
  segments: number;
  bytes: number;
  /** The newest segment's name and when it was archived. */
  newest: { name: string; at: string } | null;
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
  walArchive: () => Promise<WalArchive>;
  /** The running cluster's system identifier: its backups are the ones a restore of it can use. */
  systemId: () => Promise<string>;
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
  /** Operator's work queued behind a round of the schedule: shown as under way already. */
  let waiting: BackupActivity | null = null;
  const enqueue = (work: () => Promise<unknown>) => {
    queue = queue.then(work).catch((err: unknown) => opts.log(`[hanlin] backup: ${errorLine(err)}`));
    return queue;
  };

  const startOperatorWork = (activity: Omit<BackupActivity, 'startedAt'>, work: () => Promise<unknown>) => {
    if (current || waiting) return false;
    waiting = { ...activity, startedAt: new Date().toISOString() };
    void enqueue(async () => {
      current = waiting;
      waiting = null;
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
    activity: () => current ?? waiting,
    startBackup: () =>
      startOperatorWork({ kind: 'backup' }, () => round({ force: true, trigger: 'operator' })),
    startVerify: async (backupId) => {
      const backup = (await listBaseBackups(b.dir)).find((x) => x.id === backupId);
      if (!backup) throw new Error(`no base backup ${backupId}`);
      return startOperatorWork({ kind: 'verify', backupId }, () => verify(backup));
    },
    list: () => listBaseBackups(b.dir),
    history: (limit) => readBackupEvents(b.dir, limit),
    systemId: () => readSystemId(opts.pgDir),
    walArchive: async () => {
      const dir = walDir(b.dir, await readSystemId(opts.pgDir));
      const names = (await readdir(dir).catch(() => [] as string[]))
        .filter((n) => WAL_SEGMENT.test(n))
        .sort();
      let bytes = 0;
      let newest: WalArchive['newest'] = null;
      for (const n of names) {
        const st = await stat(join(dir, n)).catch(() => null);
        if (!st) continue;
        bytes += st.size;
        // Positions, not timelines, order segments (the last 16 hex digits).
        if (!newest || n.slice(8) >= newest.name.slice(8)) newest = { name: n, at: st.mtime.toISOString() };
      }
      return { segments: names.length, bytes, newest };
    },
    schedule: () => {
      let pending = false;
      // The schedule's rounds wait behind an operator's work, never beside it, one at a time.
      const tick = async () => {
        if (pending || current || waiting) return;
        pending = true;
        await enqueue(() => round().finally(() => (pending = false)));
      };
      return scheduleEvery('backup', tick, opts.log, TICK_MS, 30_000);
    },
    idle: async () => {
      await queue;
    },
  };
}

import type { BaseBackup } from '../../platform/backup/base-backup.ts';
import type { BackupEvent } from '../../platform/backup/history.ts';
import { conflict, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import type { JobHistory } from './job-state.ts';
import * as repo from './operations.repository.ts';

/** Who backs the database up: this server (embedded), the operator of an external one, or nobody. */
export type TBackupMode = 'embedded' | 'external' | 'off';

const modeOf = (ctx: Ctx): TBackupMode =>
  ctx.deps.backups ? 'embedded' : ctx.deps.config.databaseUrl ? 'external' : 'off';

const WEEK_MS = 7 * 86_400_000;

/** The backup schedule's runs, from the backup history, as a job's. */
export function backupJobHistory(events: readonly BackupEvent[], now: Date): JobHistory {
  const backups = events.filter((e) => e.kind === 'backup');
  const last = backups[0];
  const success = backups.find((e) => e.ok);
  const week = backups.filter((e) => now.getTime() - Date.parse(e.startedAt) < WEEK_MS);
  return {
    last: last
      ? {
          startedAt: new Date(last.startedAt),
          finishedAt: new Date(last.finishedAt),
          status: last.ok ? 'succeeded' : 'failed',
          error: last.error ?? null,
          summary: last.bytes === undefined ? null : { bytes: last.bytes },
        }
      : null,
    lastSuccessAt: success ? new Date(success.finishedAt) : null,
    runs7d: week.length,
    failures7d: week.filter((e) => !e.ok).length,
  };
}

const presentBackup = (b: BaseBackup, systemId: string, events: readonly BackupEvent[]) => {
  const verify = events.find((e) => e.kind === 'verify' && e.backupId === b.id);
  return {
    id: b.id,
    startedAt: b.startTime,
    finishedAt: b.stopTime,
    bytes: b.archive.bytes,
    files: b.files,
    timeline: b.timeline,
    serverVersion: b.serverVersion,
    /** Of the running cluster: a restore of it can start here (older clusters' are kept until pruned). */
    current: b.systemId === systemId,
    lastVerify: verify ? { at: verify.finishedAt, ok: verify.ok } : null,
  };
};

/** Everything the backup section shows: settings, backups, the archive, what a restore can reach, history. */
export async function getBackups(ctx: Ctx) {
  const control = ctx.deps.backups;
  const checkedAt = new Date().toISOString();
  const mode = modeOf(ctx);
  if (!control) {
    return {
      mode,
      checkedAt,
      settings: null,
      activity: null,
      backups: [],
      wal: null,
      archiver: null,
      restoreWindow: null,
      history: [],
    };
  }
  const archiver = await repo.archiverStats(ctx.db);
  const [backups, history, wal, systemId] = await Promise.all([
    control.list(),
    control.history(100),
    control.walArchive(),
    control.systemId(),
  ]);
  const current = backups.filter((b) => b.systemId === systemId);
  const s = control.settings;
  return {
    mode,
    checkedAt,
    settings: {
      dir: s.dir,
      everyHours: s.everyMs / 3_600_000,
      keepDays: s.keepDays,
      keepCount: s.keepCount,
      archiveTimeoutSeconds: s.archiveTimeout,
      offsiteBucket: s.s3?.bucket ?? null,
      filesMirrored: s.filesMirrored,
    },
    activity: control.activity(),
    backups: backups.map((b) => presentBackup(b, systemId, history)).reverse(),
    wal,
    archiver: {
      archivedCount: archiver.archivedCount,
      lastArchivedWal: archiver.lastArchivedWal,
      lastArchivedAt: archiver.lastArchivedAt?.toISOString() ?? null,
      failedCount: archiver.failedCount,
      lastFailedWal: archiver.lastFailedWal,
      lastFailedAt: archiver.lastFailedAt?.toISOString() ?? null,
      failing:
        !!archiver.lastFailedAt &&
        archiver.lastFailedAt.getTime() > (archiver.lastArchivedAt?.getTime() ?? Number.NEGATIVE_INFINITY),
    },
    // A restore reaches from the oldest base backup's end to the last archived change (at
    // least the newest backup's end, which is archived before the backup counts as finished).
    restoreWindow: current[0]
      ? {
          from: current[0].stopTime,
          to: new Date(
            Math.max(
              Date.parse(current.at(-1)!.stopTime),
              archiver.lastArchivedAt?.getTime() ?? 0,
              wal.newest ? Date.parse(wal.newest.at) : 0,
            ),
          ).toISOString(),
        }
      : null,
    history: history.slice(0, 50),
  };
}

const control = (ctx: Ctx) => {
  const c = ctx.deps.backups;
  if (!c) throw conflict('本服务不负责数据库备份（外部数据库由其运维方备份，或备份已关闭）');
  return c;
};

/** Starts a base backup now, in the background; its outcome goes to the backup history. */
export async function startBackup(ctx: Ctx): Promise<{ started: true }> {
  if (!control(ctx).startBackup()) throw conflict('已有备份或校验正在进行，请稍后再试');
  await ctx.audit({ action: 'operations.backup.start', targetType: 'backup' });
  return { started: true };
}

/**
 * Starts the verification of a base backup by a trial restore into a scratch directory (never the
 * live database: restoring that stays a console action, README "Backups and restore").
 */
export async function startVerify(ctx: Ctx, backupId: string): Promise<{ started: true }> {
  let started: boolean;
  try {
    started = await control(ctx).startVerify(backupId);
  } catch {
    throw notFound('备份');
  }
  if (!started) throw conflict('已有备份或校验正在进行，请稍后再试');
  await ctx.audit({ action: 'operations.backup.verify', targetType: 'backup', targetId: backupId });
  return { started: true };
}

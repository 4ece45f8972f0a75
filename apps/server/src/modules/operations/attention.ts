import type { BackupEvent } from '../../platform/backup/history.ts';
import type { TBackupMode } from './backups.service.ts';
import type { TCodeTableStatus } from './code-tables.service.ts';
import type { DiskSpace } from './host.ts';
import type { JobView } from './job-state.ts';

/**
 * One thing the system administrator should look at, most urgent first: `code` names it (the web
 * app words it), `params` fill the words, `at` is when it happened or since when it holds.
 */
export interface AttentionItem {
  severity: 'error' | 'warning' | 'info';
  code:
    | 'job_failed'
    | 'job_overdue'
    | 'backup_none'
    | 'backup_stale'
    | 'archiver_failing'
    | 'verify_failed'
    | 'verify_due'
    | 'backups_off'
    | 'backups_external'
    | 'disk_low'
    | 'code_table';
  at: string | null;
  params: Record<string, string | number>;
}

export interface AttentionInput {
  now: Date;
  jobs: readonly JobView[];
  backup: {
    mode: TBackupMode;
    everyHours: number;
    /** When the newest base backup of the running cluster finished. */
    newestAt: string | null;
    archiverFailingSince: string | null;
    failingWal: string | null;
    /** Newest first. */
    history: readonly BackupEvent[];
  };
  disks: readonly (DiskSpace & { use: string })[];
  codeTables: readonly { category: string; status: TCodeTableStatus }[];
}

/** A base backup older than a day (or than the interval, when longer) is one too old. */
export const BACKUP_STALE_AFTER_MS = 24 * 3_600_000;
/** A careful administrator verifies a backup by trial restore at least this often. */
export const VERIFY_EVERY_MS = 30 * 86_400_000;
const HOUR = 3_600_000;
const RANK = { error: 0, warning: 1, info: 2 } as const;

/** What needs the system administrator, most urgent first (the home page shows these first). */
export function attentionItems(input: AttentionInput): AttentionItem[] {
  const { now, backup } = input;
  const items: AttentionItem[] = [];
  for (const j of input.jobs) {
    if (j.status === 'failed')
      items.push({
        severity: 'error',
        code: 'job_failed',
        at: j.last?.finishedAt ?? j.last?.startedAt ?? null,
        params: { job: j.job, error: j.last?.error ?? j.last?.status ?? '' },
      });
    else if (j.status === 'overdue')
      items.push({ severity: 'warning', code: 'job_overdue', at: j.lastSuccessAt, params: { job: j.job } });
  }
  if (backup.mode === 'off') items.push({ severity: 'warning', code: 'backups_off', at: null, params: {} });
  if (backup.mode === 'external')
    items.push({ severity: 'info', code: 'backups_external', at: null, params: {} });
  if (backup.mode === 'embedded') {
    const staleMs = Math.max(BACKUP_STALE_AFTER_MS, backup.everyHours * HOUR) + HOUR;
    if (!backup.newestAt) items.push({ severity: 'error', code: 'backup_none', at: null, params: {} });
    else if (now.getTime() - Date.parse(backup.newestAt) > staleMs)
      items.push({
        severity: 'error',
        code: 'backup_stale',
        at: backup.newestAt,
        params: { hours: Math.floor((now.getTime() - Date.parse(backup.newestAt)) / HOUR) },
      });
    if (backup.archiverFailingSince)
      items.push({
        severity: 'error',
        code: 'archiver_failing',
        at: backup.archiverFailingSince,
        params: { wal: backup.failingWal ?? '' },
      });
    const verifies = backup.history.filter((e) => e.kind === 'verify');
    const lastOk = verifies.find((e) => e.ok);
    if (verifies[0] && !verifies[0].ok)
      items.push({
        severity: 'warning',
        code: 'verify_failed',
        at: verifies[0].finishedAt,
        params: { backup: verifies[0].backupId ?? '' },
      });
    else if (backup.newestAt && (!lastOk || now.getTime() - Date.parse(lastOk.finishedAt) > VERIFY_EVERY_MS))
      items.push({ severity: 'info', code: 'verify_due', at: lastOk?.finishedAt ?? null, params: {} });
  }
  for (const d of input.disks) {
    const free = d.totalBytes > 0 ? d.freeBytes / d.totalBytes : 1;
    if (free < 0.1)
      items.push({
        severity: free < 0.05 ? 'error' : 'warning',
        code: 'disk_low',
        at: null,
        params: { use: d.use, path: d.path, freePercent: Math.round(free * 1000) / 10 },
      });
  }
  for (const c of input.codeTables) {
    if (c.status !== 'current')
      items.push({
        severity: 'warning',
        code: 'code_table',
        at: null,
        params: { category: c.category, status: c.status },
      });
  }
  return items.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

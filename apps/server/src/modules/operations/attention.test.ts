import { describe, expect, it } from 'vitest';
import { JOBS } from '../../app.ts';
import type { BackupEvent } from '../../platform/backup/history.ts';
import { type AttentionInput, attentionItems } from './attention.ts';
import { type JobHistory, jobView } from './job-state.ts';
import { SCHEDULED_JOBS } from './jobs.catalog.ts';

const now = new Date('2026-12-07T01:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
const ran = (
  startedHoursAgo: number,
  status: 'running' | 'succeeded' | 'failed',
  error: string | null = null,
): JobHistory => ({
  last: {
    startedAt: hoursAgo(startedHoursAgo),
    finishedAt: status === 'running' ? null : hoursAgo(startedHoursAgo - 0.01),
    status,
    error,
    summary: status === 'succeeded' ? { session: 3 } : null,
  },
  lastSuccessAt: status === 'succeeded' ? hoursAgo(startedHoursAgo - 0.01) : hoursAgo(30),
  runs7d: 7,
  failures7d: status === 'failed' ? 1 : 0,
});

describe('a job’s state', () => {
  it('is fine within its interval, and says when it runs next', () => {
    const v = jobView('retention', 24, ran(3, 'succeeded'), now);
    expect(v.status).toBe('ok');
    expect(v.last?.durationMs).toBe(36_000);
    expect(Date.parse(v.nextRunAt!)).toBe(hoursAgo(3 - 0.01).getTime() + 24 * 3_600_000);
  });

  it('failed when its last run failed, or was cut off while running', () => {
    expect(jobView('retention', 24, ran(1, 'failed', 'boom'), now).status).toBe('failed');
    expect(jobView('retention', 24, ran(1, 'running'), now).status).toBe('running');
    const cut = jobView('retention', 24, ran(7, 'running'), now);
    expect([cut.status, cut.last?.status]).toEqual(['failed', 'interrupted']);
  });

  it('overdue when it has not succeeded within its interval and two hours', () => {
    expect(jobView('retention', 24, ran(25, 'succeeded'), now).status).toBe('ok');
    expect(jobView('retention', 24, ran(27, 'succeeded'), now).status).toBe('overdue');
    // Unscheduled work (an import's clean-up) is never overdue.
    expect(jobView('import-file-retention', null, ran(900, 'succeeded'), now).status).toBe('ok');
    const never = jobView(
      'retention',
      24,
      { last: null, lastSuccessAt: null, runs7d: 0, failures7d: 0 },
      now,
    );
    expect([never.status, never.nextRunAt]).toEqual(['never', null]);
  });

  it('shows a queued job’s retry with its progress, the failure before it, and its waiting attempts', () => {
    const retrying: JobHistory = {
      ...ran(0.1, 'running'),
      lastFailure: { at: hoursAgo(0.2), error: 'connection reset', attempt: 1 },
    };
    retrying.last = { ...retrying.last!, progress: { done: 40, total: 120 }, attempt: 2 };
    const v = jobView('bank-calibration', 24, retrying, now, { waiting: 0, retrying: 0, active: 1 });
    expect(v).toMatchObject({
      status: 'running',
      last: { status: 'running', attempt: 2, progress: { done: 40, total: 120 } },
      lastFailure: { at: hoursAgo(0.2).toISOString(), error: 'connection reset', attempt: 1 },
      queue: { waiting: 0, retrying: 0, active: 1 },
      runnable: true,
    });
    // Work recorded outside the queue (an import's clean-up) cannot be started from the page.
    expect(jobView('import-file-retention', null, ran(1, 'succeeded'), now).runnable).toBe(false);
  });
});

const backupEvent = (kind: BackupEvent['kind'], hours: number, ok = true): BackupEvent => ({
  kind,
  ok,
  trigger: 'schedule',
  startedAt: hoursAgo(hours).toISOString(),
  finishedAt: hoursAgo(hours).toISOString(),
  backupId: '20261206T000000000Z',
});

const calm: AttentionInput = {
  now,
  jobs: [jobView('retention', 24, ran(3, 'succeeded'), now)],
  backup: {
    mode: 'embedded',
    everyHours: 24,
    newestAt: hoursAgo(5).toISOString(),
    archiverFailingSince: null,
    failingWal: null,
    history: [backupEvent('backup', 5), backupEvent('verify', 48)],
  },
  disks: [{ use: 'data', path: '/data', totalBytes: 100, freeBytes: 50 }],
  codeTables: [{ category: 'gender', status: 'current' }],
};

describe('what needs the system administrator', () => {
  it('is nothing on a calm Monday', () => {
    expect(attentionItems(calm)).toEqual([]);
  });

  it('puts a failed job and a backup older than a day first, then warnings, then reminders', () => {
    const items = attentionItems({
      ...calm,
      jobs: [
        jobView('retirement-check', 24, ran(30, 'succeeded'), now),
        jobView('retention', 24, ran(2, 'failed', 'disk full'), now),
      ],
      backup: { ...calm.backup, newestAt: hoursAgo(26).toISOString(), history: [backupEvent('backup', 26)] },
      disks: [{ use: 'backup', path: '/backup', totalBytes: 1000, freeBytes: 80 }],
      codeTables: [{ category: 'ethnicity', status: 'differs' }],
    });
    expect(items.map((i) => [i.severity, i.code])).toEqual([
      ['error', 'job_failed'],
      ['error', 'backup_stale'],
      ['warning', 'job_overdue'],
      ['warning', 'disk_low'],
      ['warning', 'code_table'],
      ['info', 'verify_due'],
    ]);
    expect(items[0]!.params).toEqual({ job: 'retention', error: 'disk full' });
    expect(items[1]!.params).toEqual({ hours: 26 });
    expect(items[3]!.params).toMatchObject({ use: 'backup', freePercent: 8 });
  });

  it('names no backup, a failing archiver, a failed verification, and a full disk as errors', () => {
    const items = attentionItems({
      ...calm,
      backup: {
        ...calm.backup,
        newestAt: null,
        archiverFailingSince: hoursAgo(1).toISOString(),
        failingWal: '000000010000000000000007',
        history: [backupEvent('verify', 1, false)],
      },
      disks: [{ use: 'data', path: '/data', totalBytes: 100, freeBytes: 4 }],
    });
    expect(items.map((i) => [i.severity, i.code])).toEqual([
      ['error', 'backup_none'],
      ['error', 'archiver_failing'],
      ['error', 'disk_low'],
      ['warning', 'verify_failed'],
    ]);
  });

  it('says when the server takes no backups, or leaves them to an external database’s operator', () => {
    expect(attentionItems({ ...calm, backup: { ...calm.backup, mode: 'off' } }).map((i) => i.code)).toEqual([
      'backups_off',
    ]);
    expect(
      attentionItems({ ...calm, backup: { ...calm.backup, mode: 'external' } }).map((i) => i.code),
    ).toEqual(['backups_external']);
  });
});

describe('the job catalog', () => {
  it('lists every job the queue runs on a schedule', () => {
    const scheduled = JOBS.filter((j) => j.cron).map((j) => j.name);
    expect(scheduled.length).toBeGreaterThan(0);
    expect(scheduled.sort()).toEqual(SCHEDULED_JOBS.map((j) => j.job).sort());
  });
});

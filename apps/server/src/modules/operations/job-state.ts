import { INTERRUPTED_AFTER_MS, OVERDUE_GRACE_MS } from './jobs.catalog.ts';

/** What is known of a job's runs, whichever record it comes from (job_run, the backup history). */
export interface JobHistory {
  last: {
    startedAt: Date;
    finishedAt: Date | null;
    status: 'running' | 'succeeded' | 'failed';
    error: string | null;
    summary: Record<string, number> | null;
  } | null;
  lastSuccessAt: Date | null;
  runs7d: number;
  failures7d: number;
}

export type TJobStatus = 'ok' | 'running' | 'failed' | 'overdue' | 'never';

export interface JobView {
  job: string;
  everyHours: number | null;
  status: TJobStatus;
  last: {
    startedAt: string;
    finishedAt: string | null;
    status: 'running' | 'succeeded' | 'failed' | 'interrupted';
    error: string | null;
    summary: Record<string, number> | null;
    durationMs: number | null;
  } | null;
  lastSuccessAt: string | null;
  runs7d: number;
  failures7d: number;
  nextRunAt: string | null;
}

/**
 * A job's state as the system administrator reads it: its last run failed (or was cut off: still
 * `running` long after any run ends), it is overdue (a scheduled job that has not succeeded within
 * its interval and a grace period), running, never run, or fine; and when it runs next.
 */
export function jobView(job: string, everyHours: number | null, h: JobHistory, now: Date): JobView {
  const every = everyHours === null ? null : everyHours * 3_600_000;
  const last = h.last;
  const interrupted =
    last?.status === 'running' && now.getTime() - last.startedAt.getTime() > INTERRUPTED_AFTER_MS;
  let status: TJobStatus;
  if (!last) status = 'never';
  else if (last.status === 'failed' || interrupted) status = 'failed';
  else if (last.status === 'running') status = 'running';
  else if (
    every !== null &&
    now.getTime() - (h.lastSuccessAt ?? last.startedAt).getTime() > every + OVERDUE_GRACE_MS
  )
    status = 'overdue';
  else status = 'ok';
  return {
    job,
    everyHours,
    status,
    last: last && {
      startedAt: last.startedAt.toISOString(),
      finishedAt: last.finishedAt?.toISOString() ?? null,
      status: interrupted ? 'interrupted' : last.status,
      error: last.error,
      summary: last.summary,
      durationMs: last.finishedAt ? last.finishedAt.getTime() - last.startedAt.getTime() : null,
    },
    lastSuccessAt: h.lastSuccessAt?.toISOString() ?? null,
    runs7d: h.runs7d,
    failures7d: h.failures7d,
    nextRunAt:
      every !== null && last
        ? new Date((h.lastSuccessAt ?? last.startedAt).getTime() + every).toISOString()
        : null,
  };
}

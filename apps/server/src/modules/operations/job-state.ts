import { INTERRUPTED_AFTER_MS, OVERDUE_GRACE_MS } from './jobs.catalog.ts';

/** What is known of a job's runs, whichever record it comes from (job_run, the backup history). */
export interface JobHistory {
  last: {
    startedAt: Date;
    finishedAt: Date | null;
    status: 'running' | 'succeeded' | 'failed';
    error: string | null;
    summary: Record<string, number> | null;
    /** How far it has come, as it last reported (a queued job's run). */
    progress?: { done: number; total: number } | null;
    /** Which attempt of its queued job it was (retries count up from 2). */
    attempt?: number;
  } | null;
  lastSuccessAt: Date | null;
  /** The latest failed run, which a later success does not hide from the administrator. */
  lastFailure?: { at: Date; error: string | null; attempt: number } | null;
  runs7d: number;
  failures7d: number;
}

/** A queued job's attempts waiting and running (pg-boss), for the jobs this server runs. */
export interface JobQueueView {
  waiting: number;
  retrying: number;
  active: number;
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
    progress: { done: number; total: number } | null;
    attempt: number;
  } | null;
  lastSuccessAt: string | null;
  lastFailure: { at: string; error: string | null; attempt: number } | null;
  runs7d: number;
  failures7d: number;
  nextRunAt: string | null;
  /** Attempts waiting and running in the queue (null: not a queued job of this server). */
  queue: JobQueueView | null;
  /** Whether the system administrator may start it now (a queued job). */
  runnable: boolean;
}

/**
 * A job's state as the system administrator reads it: its last run failed (or was cut off: still
 * `running` long after any run ends), it is overdue (a scheduled job that has not succeeded within
 * its interval and a grace period), running, never run, or fine; and when it runs next.
 */
export function jobView(
  job: string,
  everyHours: number | null,
  h: JobHistory,
  now: Date,
  queue: JobQueueView | null = null,
): JobView {
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
      progress: last.progress ?? null,
      attempt: last.attempt ?? 1,
    },
    lastSuccessAt: h.lastSuccessAt?.toISOString() ?? null,
    lastFailure: h.lastFailure
      ? { at: h.lastFailure.at.toISOString(), error: h.lastFailure.error, attempt: h.lastFailure.attempt }
      : null,
    runs7d: h.runs7d,
    failures7d: h.failures7d,
    nextRunAt:
      every !== null && last
        ? new Date((h.lastSuccessAt ?? last.startedAt).getTime() + every).toISOString()
        : null,
    queue,
    runnable: queue !== null,
  };
}

import { conflict, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { backupJobHistory } from './backups.service.ts';
import { type JobHistory, type JobQueueView, type JobView, jobView } from './job-state.ts';
import { SCHEDULED_JOBS } from './jobs.catalog.ts';
import * as repo from './operations.repository.ts';

const RECENT = 30;

const historyOf = (s: Awaited<ReturnType<typeof repo.jobSummaries>>[number] | undefined): JobHistory => ({
  last: s
    ? {
        startedAt: s.last.startedAt,
        finishedAt: s.last.finishedAt,
        status: s.last.status as 'running' | 'succeeded' | 'failed',
        error: s.last.error,
        summary: s.last.summary as Record<string, number> | null,
        progress: s.last.progress ?? null,
        attempt: s.last.attempt,
      }
    : null,
  lastSuccessAt: s?.lastSuccessAt ?? null,
  lastFailure: s?.lastFailure
    ? { at: s.lastFailure.startedAt, error: s.lastFailure.error, attempt: s.lastFailure.attempt }
    : null,
  runs7d: s?.runs7d ?? 0,
  failures7d: s?.failures7d ?? 0,
});

/** Every scheduled job (and any other recorded one) with its state, and the backup schedule's. */
export async function listJobViews(ctx: Ctx, now = new Date()): Promise<JobView[]> {
  const summaries = await repo.jobSummaries(ctx.db);
  const byJob = new Map(summaries.map((s) => [s.job, s]));
  const queue = await queueViews(ctx);
  const views = SCHEDULED_JOBS.map((j) =>
    jobView(j.job, j.everyHours, historyOf(byJob.get(j.job)), now, queue.get(j.job) ?? null),
  );
  for (const s of summaries) {
    if (!SCHEDULED_JOBS.some((j) => j.job === s.job))
      views.push(jobView(s.job, null, historyOf(s), now, queue.get(s.job) ?? null));
  }
  for (const [job, q] of queue) {
    if (!views.some((v) => v.job === job)) views.push(jobView(job, null, historyOf(undefined), now, q));
  }
  const control = ctx.deps.backups;
  if (control) {
    const h = backupJobHistory(await control.history(500), now);
    const activity = control.activity();
    if (activity?.kind === 'backup') {
      h.last = {
        startedAt: new Date(activity.startedAt),
        finishedAt: null,
        status: 'running',
        error: null,
        summary: null,
      };
    }
    views.push(jobView('backup', control.settings.everyMs / 3_600_000, h, now));
  }
  return views;
}

/** Attempts waiting and running per queued job of this server (none when it runs no queue). */
async function queueViews(ctx: Ctx): Promise<Map<string, JobQueueView>> {
  const jobs = ctx.deps.jobs;
  if (!jobs) return new Map();
  const state = new Map((await jobs.state()).map((s) => [s.job, s]));
  return new Map(
    jobs.jobs.map((j) => {
      const s = state.get(j.name);
      return [j.name, { waiting: s?.waiting ?? 0, retrying: s?.retrying ?? 0, active: s?.active ?? 0 }];
    }),
  );
}

/**
 * Enqueues a job now, for the system administrator ("立即运行"): it runs like its scheduled runs
 * (one attempt at a time, retried when it fails); asking while one waits adds nothing.
 */
export async function runJobNow(ctx: Ctx, job: string): Promise<{ started: true }> {
  const jobs = ctx.deps.jobs;
  if (!jobs?.jobs.some((j) => j.name === job)) throw notFound('任务');
  if (!(await jobs.enqueue(job))) throw conflict('该任务已在等待运行');
  await ctx.audit({ action: 'operations.job.run', targetType: 'job', details: { job } });
  return { started: true };
}

export async function listJobs(ctx: Ctx) {
  const now = new Date();
  const jobs = await listJobViews(ctx, now);
  const recent = await repo.recentRuns(ctx.db, RECENT);
  return {
    checkedAt: now.toISOString(),
    jobs,
    recent: recent.map((r) => ({
      id: r.id,
      job: r.job,
      startedAt: r.startedAt.toISOString(),
      finishedAt: r.finishedAt?.toISOString() ?? null,
      status: r.status,
      error: r.error,
      summary: r.summary as Record<string, number> | null,
      attempt: r.attempt,
    })),
  };
}

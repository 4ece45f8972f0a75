import type { Ctx } from '../../platform/http/context.ts';
import { backupJobHistory } from './backups.service.ts';
import { type JobHistory, type JobView, jobView } from './job-state.ts';
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
      }
    : null,
  lastSuccessAt: s?.lastSuccessAt ?? null,
  runs7d: s?.runs7d ?? 0,
  failures7d: s?.failures7d ?? 0,
});

/** Every scheduled job (and any other recorded one) with its state, and the backup schedule's. */
export async function listJobViews(ctx: Ctx, now = new Date()): Promise<JobView[]> {
  const summaries = await repo.jobSummaries(ctx.db);
  const byJob = new Map(summaries.map((s) => [s.job, s]));
  const views = SCHEDULED_JOBS.map((j) => jobView(j.job, j.everyHours, historyOf(byJob.get(j.job)), now));
  for (const s of summaries) {
    if (!SCHEDULED_JOBS.some((j) => j.job === s.job)) views.push(jobView(s.job, null, historyOf(s), now));
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
    })),
  };
}

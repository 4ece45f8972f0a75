import { defineJob } from '../../platform/db/jobs.ts';
import { recomputeAllMastery } from './mastery.service.ts';

/**
 * A7: every student's knowledge mastery rebuilt from all their answers, nightly (02:30, after the
 * bank's calibration), so the estimates kept current answer by answer never drift. All students or
 * none: a failed attempt leaves the previous estimates whole and is retried.
 */
export const masteryRecomputeJob = defineJob({
  name: 'mastery-recompute',
  cron: '30 2 * * *',
  run: (tx, job) => recomputeAllMastery(tx, job.progress),
});

import { defineJob } from '../../platform/db/jobs.ts';
import { recomputeAllMastery } from './mastery.service.ts';
import { levelScoresDue, refreshLevelScores } from './rollup.service.ts';

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

/**
 * 学情分析: the classes' sums the roll-ups add up (rollup.schema.ts: cognitive levels and knowledge
 * points), rebuilt hourly when an attempt or a student's estimates changed since the last rebuild,
 * and at least daily. A run is recorded only when there is work.
 */
export const levelScoreRollupJob = defineJob({
  name: 'level-score-rollup',
  cron: '20 * * * *',
  due: levelScoresDue,
  run: (tx) => refreshLevelScores(tx),
});

/**
 * The scheduled jobs of the queue (`JOBS` in app.ts, each with its cron) and how often each runs:
 * the jobs view expects each to have run within its interval (a test keeps this list and JOBS
 * together). Work recorded under another name (an import's file clean-up) is shown too, without a
 * schedule.
 */
export const SCHEDULED_JOBS: readonly { job: string; everyHours: number }[] = [
  { job: 'retirement-check', everyHours: 24 },
  { job: 'search-popularity', everyHours: 24 },
  { job: 'retention', everyHours: 24 },
  { job: 'review-digest', everyHours: 24 },
  { job: 'space-usage-rollup', everyHours: 24 },
  { job: 'bank-calibration', everyHours: 24 },
  { job: 'mastery-recompute', everyHours: 24 },
  { job: 'level-score-rollup', everyHours: 24 },
];

/** A run still marked running after this long was cut off (its process stopped). */
export const INTERRUPTED_AFTER_MS = 6 * 3_600_000;

/** A scheduled job counts as overdue this long after its interval has passed. */
export const OVERDUE_GRACE_MS = 2 * 3_600_000;

import { defineJob } from '../../platform/db/jobs.ts';
import { CALIBRATION_HOUR, calibrateBank, MIN_ANSWERS } from './bank-calibration.ts';

/**
 * A7: the item bank is calibrated from every graded answer, nightly (02:00), so tomorrow's papers
 * are assembled with fresh parameters. All items or none: a failed attempt writes nothing and is
 * retried.
 */
export const bankCalibrationJob = defineJob({
  name: 'bank-calibration',
  cron: `0 ${CALIBRATION_HOUR} * * *`,
  run: (tx, job) => calibrateBank(tx, MIN_ANSWERS, job.progress),
});

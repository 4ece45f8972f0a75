import { defineJob } from '../../platform/db/jobs.ts';
import { flagForRetirement } from './retirement.service.ts';
import { refreshSearchPopularity } from './search.service.ts';

/** R4: low-rated and unused resources are flagged for the administrators, nightly (03:10). */
export const retirementCheckJob = defineJob({
  name: 'retirement-check',
  cron: '10 3 * * *',
  run: (tx) => flagForRetirement(tx),
});

/** R5: the popularity levels that rank large result sets follow the day's use and ratings (03:20). */
export const searchPopularityJob = defineJob({
  name: 'search-popularity',
  cron: '20 3 * * *',
  run: (tx) => refreshSearchPopularity(tx),
});

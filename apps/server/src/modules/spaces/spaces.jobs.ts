import { defineJob } from '../../platform/db/jobs.ts';
import { refreshSpaceUsage, spaceUsageDue } from './usage.service.ts';

/**
 * S3: the space-use dashboard's rollup of the 30 days to yesterday, rebuilt once after midnight;
 * looked at hourly, and a run is recorded only when there is work.
 */
export const spaceUsageJob = defineJob({
  name: 'space-usage-rollup',
  cron: '5 * * * *',
  due: spaceUsageDue,
  run: (tx) => refreshSpaceUsage(tx),
});

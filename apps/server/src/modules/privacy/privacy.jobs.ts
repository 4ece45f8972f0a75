import { defineJob } from '../../platform/db/jobs.ts';
import { expireApprovedExports } from '../roster-import/export-request.service.ts';
import { purgeExpired } from './retention.service.ts';

/** P5: personal data past its retention period goes, nightly (04:00), exported files with it. */
export const retentionJob = defineJob({
  name: 'retention',
  cron: '0 4 * * *',
  run: async (tx) => {
    const rows = await purgeExpired(tx);
    const files = await expireApprovedExports(tx);
    return rows && files > 0 ? [...rows, { table: 'export_request (files)', rows: files }] : rows;
  },
});

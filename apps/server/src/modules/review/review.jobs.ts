import { defineJob } from '../../platform/db/jobs.ts';
import { DIGEST_HOUR, sendOverdueDigests } from './review-digest.service.ts';

/** R3: each reviewer hears once a day, before work, of the items overdue at their steps. */
export const reviewDigestJob = defineJob({
  name: 'review-digest',
  cron: `0 ${DIGEST_HOUR} * * *`,
  run: (tx) => sendOverdueDigests(tx),
});

import { RLS } from '../../platform/db/row-security.ts';
import { NO_SUCH_ID } from '../../platform/scope/matrix.ts';
import type { ScopeRules } from '../../platform/scope/registry.ts';

/** A notification is its recipient's only; the service reads it by id and recipient together. */
export const notificationScope: ScopeRules = {
  module: 'notifications',
  // One's own notifications; anyone's use case may notify another person (the service decides whom).
  rowSecurity: [{ table: 'notification', read: `person_id = ${RLS.actor}`, write: 'true' }],
  matrix: {
    writes: {
      'POST /api/notifications/:id/read': () => [{ url: `/api/notifications/${NO_SUCH_ID}/read` }],
    },
  },
};

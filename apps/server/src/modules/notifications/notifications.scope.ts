import { NO_SUCH_ID } from '../../platform/scope/matrix.ts';
import type { ScopeRules } from '../../platform/scope/registry.ts';

/** A notification is its recipient's only; the service reads it by id and recipient together. */
export const notificationScope: ScopeRules = {
  module: 'notifications',
  matrix: {
    writes: {
      'POST /api/notifications/:id/read': () => [{ url: `/api/notifications/${NO_SUCH_ID}/read` }],
    },
  },
};

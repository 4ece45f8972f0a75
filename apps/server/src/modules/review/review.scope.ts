import { NO_SUCH_ID } from '../../platform/scope/matrix.ts';
import type { ScopeRules } from '../../platform/scope/registry.ts';

/** Review acts on resources (their kind is the resources module's); its part of the matrix. */
export const reviewScope: ScopeRules = {
  module: 'review',
  matrix: {
    writes: {
      'POST /api/resources/:id/submit': (t) => [{ url: `/api/resources/${t.resource}/submit`, body: {} }],
      'POST /api/resources/:id/review': (t) => [
        { url: `/api/resources/${t.resource}/review`, body: { action: 'approve' } },
      ],
      'POST /api/review-chains/:id/deactivate': () => [
        { url: `/api/review-chains/${NO_SUCH_ID}/deactivate` },
      ],
    },
    // Defines a chain for the actor's own unit only.
    selfOnly: ['POST /api/review-chains'],
  },
};

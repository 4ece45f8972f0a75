import { RLS } from '../../platform/db/row-security.ts';
import { NO_SUCH_ID } from '../../platform/scope/matrix.ts';
import type { ScopeRules } from '../../platform/scope/registry.ts';

/** Review acts on resources (their kind is the resources module's); its part of the matrix. */
export const reviewScope: ScopeRules = {
  module: 'review',
  // Review records are staff's professional decisions, shown with the resource: seen by everyone
  // signed in (not via the resource, whose own policy reads them), written by their reviewer.
  rowSecurity: [{ table: 'review_event', read: RLS.signedIn, write: `actor_id = ${RLS.actor}` }],
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

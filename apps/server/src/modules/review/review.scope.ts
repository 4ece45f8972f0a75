import { or, ownerFunction, RLS, roleIn, underPaths } from '../../platform/db/row-security.ts';
import { NO_SUCH_ID } from '../../platform/scope/matrix.ts';
import type { ScopeRules } from '../../platform/scope/registry.ts';

/** Review acts on resources (their kind is the resources module's); its part of the matrix. */
export const reviewScope: ScopeRules = {
  module: 'review',
  // Review records are staff's professional decisions, for the resource's author, its reviewers
  // and the administrators above it (review.service `mayReadRecord`, which is stricter about which
  // reviewers); learners and other staff read none. Written by their reviewer.
  rowSecurity: [
    {
      table: 'review_event',
      read: or(`actor_id = ${RLS.actor}`, 'hanlin_review_record_visible(review_id)'),
      write: `actor_id = ${RLS.actor}`,
      // Owner's rights: the resource's own policy reads review_event, so reading resource here
      // under its policy would recurse.
      functions: ownerFunction(
        'hanlin_review_record_visible',
        'p_review uuid',
        `exists (select 1 from public.review rv join public.resource r on r.id = rv.resource_id
                  where rv.id = p_review
                    and ${or(
                      `r.author_id = ${RLS.actor}`,
                      `(${roleIn('city_admin', 'district_admin', 'school_admin')} and ${underPaths('rv.path')})`,
                      `(${roleIn('expert', 'researcher')} and rv.path <@ ${RLS.orgPath})`,
                    )})`,
      ),
    },
  ],
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

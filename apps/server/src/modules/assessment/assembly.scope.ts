import { NO_SUCH_ID } from '../../platform/scope/matrix.ts';
import type { ScopeRules } from '../../platform/scope/registry.ts';

/**
 * Test assembly adds no entity kinds of its own: it addresses the bank's blueprints and papers
 * (`bank.scope.ts`). Here are its samples for the route × role matrix.
 */
export const assemblyScope: ScopeRules = {
  module: 'assessment (assembly)',
  matrix: {
    writes: {
      'POST /api/assessment/blueprints/:id/assemble': (t) => [
        { url: `/api/assessment/blueprints/${t.blueprint}/assemble`, body: {} },
      ],
      'POST /api/assessment/papers/:id/swap': (t) => [
        { url: `/api/assessment/papers/${t.paper}/swap`, body: { itemId: NO_SUCH_ID } },
      ],
    },
    selfOnly: [
      // Drafts of the actor's own, from the items the actor sees; the knowledge points it names are
      // the city's backbone.
      'POST /api/assessment/assembly',
    ],
  },
};

import type { ScopeRules } from '../../platform/scope/registry.ts';

/** Roster import names no scoped entity kind; its part of the route × role matrix. */
export const rosterImportScope: ScopeRules = {
  module: 'roster-import',
  matrix: {
    // The upload names no one's data in its request; each row's scope is checked inside the import
    // job (an out-of-scope row fails the job and nothing is written: roster-import.test.ts "refuses
    // a row for a school outside the scope").
    selfOnly: ['POST /api/roster/imports'],
  },
};

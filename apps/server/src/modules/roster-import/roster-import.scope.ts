import { or, RLS, roleIn, underPaths } from '../../platform/db/row-security.ts';
import { NO_SUCH_ID } from '../../platform/scope/matrix.ts';
import type { ScopeRules } from '../../platform/scope/registry.ts';

/** Roster import names no scoped entity kind; its part of the route × role matrix. */
export const rosterImportScope: ScopeRules = {
  module: 'roster-import',
  rowSecurity: [
    {
      table: 'import_job',
      read: or(
        `created_by = ${RLS.actor}`,
        `(${roleIn('city_admin', 'district_admin', 'school_admin')} and ${underPaths('org_path')})`,
      ),
    },
    { table: 'export_request', read: or(`requested_by = ${RLS.actor}`, underPaths('path')) },
  ],
  matrix: {
    // The upload names no one's data in its request; each row's scope is checked inside the import
    // job (an out-of-scope row fails the job and nothing is written: roster-import.test.ts "refuses
    // a row for a school outside the scope").
    selfOnly: ['POST /api/roster/imports'],
    writes: {
      'POST /api/roster/export-requests': (t) => [
        {
          url: '/api/roster/export-requests',
          body: { kind: 'students', orgUnitId: t.school, reason: '核对' },
        },
        {
          url: '/api/roster/export-requests',
          body: { kind: 'students', orgUnitId: t.class, reason: '核对' },
        },
      ],
      'POST /api/roster/export-requests/:id/decide': () => [
        { url: `/api/roster/export-requests/${NO_SUCH_ID}/decide`, body: { approve: true, note: '同意' } },
      ],
    },
  },
};

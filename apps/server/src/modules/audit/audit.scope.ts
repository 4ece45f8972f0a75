import { RLS } from '../../platform/db/row-security.ts';
import type { ScopeRules } from '../../platform/scope/registry.ts';

/**
 * The audit trail itself is the platform's (`PLATFORM_POLICIES`: auditors read it whole); the
 * module's own table holds each auditor's saved searches, theirs alone.
 */
export const auditScope: ScopeRules = {
  module: 'audit',
  rowSecurity: [{ table: 'audit_saved_search', read: `owner_id = ${RLS.actor}` }],
  matrix: {
    // An auditor's own saved searches: the service creates them for, and deletes them of, the actor only.
    selfOnly: ['POST /api/audit/saved-searches', 'DELETE /api/audit/saved-searches/:id'],
  },
};

import type { ScopeRules } from '../../platform/scope/registry.ts';

/**
 * 系统运行 holds no one's data and no scoped entity: only the system administrator reaches it (the
 * routes' allow list, checked by the guard for every role in operations.test.ts).
 */
export const operationsScope: ScopeRules = {
  module: 'operations',
  matrix: {
    // A base backup, a backup's verification and a job run now name no one's data and no unit:
    // nothing of another scope to aim at.
    selfOnly: [
      'POST /api/operations/backups',
      'POST /api/operations/backups/:id/verify',
      'POST /api/operations/jobs/:job/run',
    ],
  },
};

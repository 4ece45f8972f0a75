import { sql } from 'drizzle-orm';
import { firstId, notOwn } from '../../platform/scope/matrix.ts';
import type { ScopeRules } from '../../platform/scope/registry.ts';

declare module '../../platform/scope/matrix.ts' {
  interface MatrixTargets {
    /** someone else's role assignment (for the role switcher) */
    roleAssignment: string;
  }
}

/** Identity names no scoped entity kind; its part of the route × role matrix. */
export const identityScope: ScopeRules = {
  module: 'identity',
  matrix: {
    targets: async (tx, places) => ({
      roleAssignment: await firstId(
        tx,
        sql`select ra.id from role_assignment ra where ra.org_unit_id = ${places.memberClassId}
              and ra.role = 'student' and ${notOwn(sql`ra.person_id`, places)} limit 1`,
      ),
    }),
    writes: {
      'POST /api/auth/switch-role': (t) => [
        { url: '/api/auth/switch-role', body: { roleAssignmentId: t.roleAssignment } },
      ],
      'POST /api/accounts/:personId/totp-enrolment': (t) => [
        { url: `/api/accounts/${t.teacher}/totp-enrolment` },
        { url: `/api/accounts/${t.student}/totp-enrolment` },
      ],
      'POST /api/accounts/:personId/reset-password': (t) => [
        { url: `/api/accounts/${t.student}/reset-password` },
        { url: `/api/accounts/${t.teacher}/reset-password` },
      ],
    },
    // The actor's own session and account only.
    selfOnly: [
      'POST /api/auth/logout',
      'POST /api/auth/password',
      'POST /api/auth/totp/setup',
      'POST /api/auth/totp/verify',
    ],
  },
};

import { sql } from 'drizzle-orm';
import { NO_SUCH_ID } from '../../platform/scope/matrix.ts';
import type { ScopeRules } from '../../platform/scope/registry.ts';
import { textArray } from '../../platform/scope/scope.ts';

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
    targets: async (tx, places) => {
      const except = places.ownPersons.length > 0 ? places.ownPersons : [NO_SUCH_ID];
      const r = await tx.execute<{ id: string }>(
        sql`select ra.id from role_assignment ra where ra.org_unit_id = ${places.memberClassId}
              and ra.role = 'student' and ra.person_id <> all(${textArray(except, 'uuid')}) limit 1`,
      );
      return { roleAssignment: r.rows[0]?.id };
    },
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

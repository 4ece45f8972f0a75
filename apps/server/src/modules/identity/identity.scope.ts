import { sql } from 'drizzle-orm';
import { or, ownerFunction, RLS, roleIn, underMembers, underPaths } from '../../platform/db/row-security.ts';
import { firstId, NO_SUCH_ID, notOwn } from '../../platform/scope/matrix.ts';
import type { ScopeRules } from '../../platform/scope/registry.ts';
import { GRANTABLE_ROLES, STAFF_ROLES } from './authority.ts';

declare module '../../platform/scope/matrix.ts' {
  interface MatrixTargets {
    /** someone else's role assignment (for the role switcher) */
    roleAssignment: string;
  }
}

/** The staff roles whose holders the system and security administrators administer (SQL list). */
const STAFF_SQL = STAFF_ROLES.map((r) => `'${r}'`).join(', ');
const GRANTABLE_SQL = GRANTABLE_ROLES.map((r) => `'${r}'`).join(', ');

/** Identity names no scoped entity kind; its part of the route × role matrix. */
export const identityScope: ScopeRules = {
  module: 'identity',
  // Row-level security: a person's own records; those of people in the actor's subtrees or classes;
  // the system and security administrators see the staff accounts they look after (account
  // lifecycle, role grants, second factors, sessions), never learners' or guardians'.
  rowSecurity: [
    {
      table: 'person',
      // A student the actor sees is asked first, inline: the student table's own policy decides, as
      // a subquery the planner keeps in the statement (a roster's 45 rows in ~0.3 ms), where the
      // owner-rights function below costs a call of its own per row (~2.7 ms for the same roster).
      read: or(
        `id = ${RLS.actor}`,
        `id = any(${RLS.persons})`,
        'exists (select 1 from student s where s.person_id = person.id)',
        'hanlin_person_related(person.id)',
      ),
      // A person the scope reaches through the roster, other than a student it sees (the policy asked
      // that first): a guardian of one, staff of its units or classes; the system and security
      // administrators see staff. With the owner's rights, so the rules of guardian, teacher,
      // role_assignment and teaching_assignment are stated here as those tables' policies state
      // them (hanlin_student_visible: roster.scope.ts).
      functions: ownerFunction(
        'hanlin_person_related',
        'p_person uuid',
        or(
          // First, so the staff lists of the system and security administrators (all of whose
          // persons pass here) skip the roster lookups below, which their empty scope fails anyway.
          `(${roleIn('system_admin', 'security_admin')} and exists (select 1 from public.role_assignment ra
              where ra.person_id = p_person and ra.active and ra.role in (${STAFF_SQL})))`,
          `exists (select 1 from public.guardian g where g.parent_id = p_person
                    and (g.student_id = any(${RLS.persons}) or hanlin_student_visible(g.student_id)))`,
          `(${RLS.signedIn} and exists (select 1 from public.teacher t where t.person_id = p_person and ${underPaths('t.path')}))`,
          `exists (select 1 from public.role_assignment ra where ra.person_id = p_person and ra.active and ${underPaths('ra.path')})`,
          `exists (select 1 from public.teaching_assignment ta where ta.teacher_id = p_person
                    and (${underPaths('ta.path')} or ${underMembers('ta.path')}))`,
        ),
      ),
      // Administrators enrol people before their roles exist.
      write: or(`id = ${RLS.actor}`, roleIn('city_admin', 'district_admin', 'school_admin')),
    },
    {
      table: 'account',
      read: or(
        `person_id = ${RLS.actor}`,
        // The system and security administrators' staff accounts, straight from the role rows (as
        // `hanlin_person_related` decides their persons): through the person's policy, a city's
        // staff list ran that function twice per account (13,000 accounts: 0.8 s).
        `(${roleIn('system_admin', 'security_admin')} and exists (select 1 from role_assignment ra
           where ra.person_id = account.person_id and ra.active and ra.role in (${STAFF_SQL})))`,
        `(${roleIn('city_admin', 'district_admin', 'school_admin', 'system_admin', 'security_admin')}
           and exists (select 1 from person p where p.id = account.person_id))`,
      ),
    },
    {
      table: 'role_assignment',
      read: or(
        `person_id = ${RLS.actor}`,
        underPaths('path'),
        underMembers('path'),
        `(${roleIn('system_admin', 'security_admin')} and role in (${STAFF_SQL}))`,
      ),
      // The security administrator grants and withdraws the granted staff roles (role-grants.service).
      write: or(underPaths('path'), `(${roleIn('security_admin')} and role in (${GRANTABLE_SQL}))`),
    },
    {
      table: 'session',
      read: or(
        `person_id = ${RLS.actor}`,
        'exists (select 1 from account a where a.id = session.account_id)',
      ),
    },
    {
      table: 'password_history',
      read: `exists (select 1 from account a where a.id = password_history.account_id and a.person_id = ${RLS.actor})`,
    },
    // Keyed hashes only; administrators clear a person's locks when they reset the password.
    { table: 'login_throttle', read: RLS.signedIn },
  ],
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
      // The system and security administrators look after staff accounts city-wide by design; a
      // learner's account is no one's to disable, unlock or grant roles to here.
      'POST /api/accounts/:personId/disable': (t) => [
        { url: `/api/accounts/${t.student}/disable`, body: { reason: '矩阵测试' } },
      ],
      'POST /api/accounts/:personId/enable': (t) => [{ url: `/api/accounts/${t.student}/enable` }],
      'POST /api/accounts/:personId/unlock': (t) => [{ url: `/api/accounts/${t.student}/unlock` }],
      'POST /api/accounts/:personId/roles': (t) => [
        { url: `/api/accounts/${t.student}/roles`, body: { role: 'school_admin', orgUnitId: t.school } },
      ],
      'POST /api/accounts/:personId/roles/:roleAssignmentId/revoke': (t) => [
        { url: `/api/accounts/${t.student}/roles/${t.roleAssignment}/revoke` },
      ],
      // No session of anyone outside the matrix exists when its targets are chosen.
      'POST /api/security/sessions/:sessionId/end': () => [
        { url: `/api/security/sessions/${NO_SUCH_ID}/end` },
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

import type { ScopeRules } from '../../platform/scope/registry.ts';

/**
 * The security policy names no scoped entity and holds no personal data (its table is the
 * platform's, platform/auth/security-policy.schema.ts); its part of the route × role matrix.
 */
export const securityPolicyScope: ScopeRules = {
  module: 'security-policy',
  matrix: {
    // The policy is no one's data, out of scope for no one: the route admits only the security
    // administrator, and a policy below the 等保 floor is refused (security-policy.test.ts).
    selfOnly: ['PUT /api/security/policy'],
  },
};

import { securityPolicyOf } from '../../platform/auth/security-policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { countLocks, listStaffAccounts } from './account-lifecycle.repository.ts';
import { DORMANT_DAYS } from './account-lifecycle.service.ts';
import { STAFF_ROLES, THREE_ADMINS } from './authority.ts';
import { listSecondFactors } from './identity.repository.ts';

/**
 * What needs the security administrator's attention first: people who must use a second factor and
 * have not enrolled (by name, the first few), lockouts that look like more than a forgotten
 * password (locked again within the day, locked from several addresses, unknown names being
 * tried), and dormant staff accounts.
 */
export async function accountAttention(ctx: Ctx) {
  const { mfaRoles } = await securityPolicyOf(ctx.deps);
  const factors = await listSecondFactors(ctx.db, {
    roles: mfaRoles.filter((r) => !THREE_ADMINS.includes(r)),
    paths: null,
    exceptPersonId: ctx.actor.personId,
  });
  const missing = factors.filter((f) => !f.totpEnabled);
  const locks = await countLocks(ctx.db);
  const dormant = await listStaffAccounts(ctx.db, {
    staff: STAFF_ROLES,
    filter: 'dormant',
    dormantDays: DORMANT_DAYS,
    limit: 1,
    offset: 0,
  });
  await ctx.audit({ action: 'security.overview.read' });
  return {
    secondFactorsMissing: missing.length,
    secondFactorsMissingFirst: missing.slice(0, 5).map((f) => ({
      personId: f.personId,
      name: f.name,
      roles: f.roles,
      orgName: f.orgName,
      enrolmentPending: f.enrolmentPendingUntil !== null,
    })),
    locks,
    dormantAccounts: dormant.total,
    dormantDays: DORMANT_DAYS,
  };
}

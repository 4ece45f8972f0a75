import { securityPolicyOf, type TPasswordRules } from '../../platform/auth/security-policy.ts';
import { needsSecondFactor } from '../../platform/auth/session.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { findAccountById, listActiveRoles, type RoleRow, updateSession } from './identity.repository.ts';
import type { TRole } from './identity.schema.ts';
import { type LoginNext, nextStep } from './login.service.ts';

export { changePassword, resetPassword } from './account.service.ts';
export { STAFF_ROLES, THREE_ADMINS } from './authority.ts';
export { type LoginResult, login } from './login.service.ts';
export { issueEnrolmentCode, listSecondFactors, setupTotp, verifyTotpCode } from './totp.service.ts';

export async function logout(ctx: Ctx): Promise<void> {
  await updateSession(ctx.db, ctx.actor.sessionId, { revokedAt: new Date() });
  await ctx.audit({ action: 'auth.logout', targetType: 'session', targetId: ctx.actor.sessionId });
}

export interface Me {
  personId: string;
  name: string;
  username: string;
  role: TRole;
  roleAssignmentId: string;
  orgUnitId: string;
  orgName: string;
  roles: RoleRow[];
  csrfToken: string;
  mfaEnabled: boolean;
  next: LoginNext;
  passwordProfile: string;
  /** The password rules in force, for the change-password form's hint. */
  passwordRules: TPasswordRules;
}

export async function getMe(ctx: Ctx, opts: { csrfToken: string; mfaPassed: boolean }): Promise<Me> {
  const account = await findAccountById(ctx.db, ctx.actor.accountId);
  if (!account) throw new AppError('unauthenticated', '请先登录');
  const roles = await listActiveRoles(ctx.db, ctx.actor.personId);
  const active = roles.find((r) => r.id === ctx.actor.roleAssignmentId);
  const policy = await securityPolicyOf(ctx.deps);
  const needsMfa = needsSecondFactor(
    { totpEnabled: account.totpEnabled, roles: roles.map((r) => r.role) },
    policy.mfaRoles,
  );
  return {
    personId: ctx.actor.personId,
    name: account.name,
    username: account.username,
    role: ctx.actor.role,
    roleAssignmentId: ctx.actor.roleAssignmentId,
    orgUnitId: ctx.actor.orgUnitId,
    orgName: active?.orgName ?? '',
    roles,
    csrfToken: opts.csrfToken,
    mfaEnabled: account.totpEnabled,
    next: nextStep(needsMfa, opts.mfaPassed, account.totpEnabled, account.mustChangePassword),
    passwordProfile: policy.password.profile,
    passwordRules: policy.password,
  };
}

/** Role switcher: the session moves to another of the person's own role assignments. */
export async function switchRole(ctx: Ctx, opts: { roleAssignmentId: string }): Promise<void> {
  const roles = await listActiveRoles(ctx.db, ctx.actor.personId);
  const target = roles.find((r) => r.id === opts.roleAssignmentId);
  if (!target) throw new AppError('not_found', '角色不存在');
  await updateSession(ctx.db, ctx.actor.sessionId, { roleAssignmentId: target.id });
  await ctx.audit({
    action: 'auth.switch_role',
    targetType: 'role_assignment',
    targetId: target.id,
    orgPath: target.path,
    details: { from: ctx.actor.role, to: target.role },
  });
}

export { disableAccount, enableAccount, listAccounts, unlockAccount } from './account-lifecycle.service.ts';
export { grantRole, listGrantUnits, listStaffRoles, revokeRole } from './role-grants.service.ts';
export { accountAttention } from './security-overview.service.ts';
export { endSession, listSessions } from './sessions.service.ts';

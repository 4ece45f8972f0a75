import { randomBytes } from 'node:crypto';
import { securityPolicyOf } from '../../platform/auth/security-policy.ts';
import { AppError, badRequest, forbidden } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { scopeCovers } from '../../platform/scope/scope.ts';
import { allActiveRoles, rank, THREE_ADMINS } from './authority.ts';
import {
  findAccountById,
  findAccountByPerson,
  listPasswordHistory,
  pushPasswordHistory,
  revokeSessions,
  updateAccount,
} from './identity.repository.ts';
import type { TRole } from './identity.schema.ts';
import { checkPassword, hashPassword, verifyPassword } from './password.ts';
import { clearSubject } from './throttle.repository.ts';

/** The business administrators whose accounts the system administrator (系统管理员) looks after. */
const BUSINESS_ADMINS: TRole[] = ['city_admin', 'district_admin', 'school_admin'];

/**
 * Changes the actor's own password, under the password rules of the security policy in force: the
 * new password may not be the current one nor, with a history, one of the last ones (COMPLIANCE §4).
 */
export async function changePassword(ctx: Ctx, opts: { current: string; next: string }): Promise<void> {
  const account = await findAccountById(ctx.db, ctx.actor.accountId);
  if (!account) throw new AppError('unauthenticated', '请先登录');
  if (!(await verifyPassword(account.passwordHash, opts.current))) {
    await ctx.audit({
      action: 'auth.change_password',
      outcome: 'failure',
      targetType: 'account',
      targetId: account.id,
    });
    throw badRequest('当前密码不正确');
  }
  const policy = (await securityPolicyOf(ctx.deps)).password;
  const problems = checkPassword(policy, opts.next, account.username);
  if (opts.next === opts.current) problems.push('新密码不能与当前密码相同');
  else if (policy.historyDepth > 0) {
    const earlier = await listPasswordHistory(ctx.db, account.id, policy.historyDepth);
    for (const hash of earlier) {
      if (await verifyPassword(hash, opts.next)) {
        problems.push(`新密码不能与最近 ${policy.historyDepth} 次使用过的密码相同`);
        break;
      }
    }
  }
  if (problems.length > 0) throw new AppError('validation_failed', problems.join('；'), { problems });
  await pushPasswordHistory(ctx.db, account.id, account.passwordHash, Math.max(policy.historyDepth, 1));
  await updateAccount(ctx.db, account.id, {
    passwordHash: await hashPassword(opts.next),
    passwordChangedAt: new Date(),
    mustChangePassword: false,
  });
  await revokeSessions(ctx.db, account.id, ctx.actor.sessionId);
  await ctx.audit({ action: 'auth.change_password', targetType: 'account', targetId: account.id });
}

/**
 * Whether the actor may reset this person's password. A city, district or school admin resets a
 * person only when every active role of that person lies inside the admin's scope and below the
 * admin's own rank. The system administrator resets the business administrators only, never
 * students', teachers' or parents', so no single operator can take over every account. Nobody
 * resets one of the 三员 (system, security, audit administrators) here: that takes the server
 * console (`npm run admin -- reset-password`), audited.
 */
function mayReset(ctx: Ctx, roles: { role: TRole; path: string }[]): boolean {
  if (roles.length === 0 || roles.some((r) => THREE_ADMINS.includes(r.role))) return false;
  if (ctx.actor.role === 'system_admin') return roles.every((r) => BUSINESS_ADMINS.includes(r.role));
  return roles.every((r) => rank(r.role) < rank(ctx.actor.role) && scopeCovers(ctx.scope, r.path));
}

/** Admin password reset: a temporary password shown once, which must be changed at next login. */
export async function resetPassword(
  ctx: Ctx,
  opts: { personId: string },
): Promise<{ temporaryPassword: string }> {
  const account = await findAccountByPerson(ctx.db, opts.personId);
  const roles = account ? await allActiveRoles(ctx, opts.personId) : [];
  if (!account || !mayReset(ctx, roles)) throw new AppError('not_found', '用户不存在或无权访问');
  if (account.personId === ctx.actor.personId) throw forbidden('不能重置自己的密码，请使用修改密码');
  const temporaryPassword = newTemporaryPassword();
  await applyReset(ctx.db, account.id, temporaryPassword);
  await ctx.audit({
    action: 'account.reset_password',
    targetType: 'account',
    targetId: account.id,
    subjectPersonId: account.personId,
  });
  return { temporaryPassword };
}

export const newTemporaryPassword = () => `Hl${randomBytes(9).toString('base64url')}#7`;

/** Sets a temporary password that must be changed, ends the account's sessions and locks. */
export async function applyReset(db: Ctx['db'], accountId: string, temporaryPassword: string): Promise<void> {
  await updateAccount(db, accountId, {
    passwordHash: await hashPassword(temporaryPassword),
    mustChangePassword: true,
  });
  await revokeSessions(db, accountId);
  await clearSubject(db, `a:${accountId}`);
}

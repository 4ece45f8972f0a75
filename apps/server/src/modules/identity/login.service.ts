import { securityPolicyOf, type TSecurityPolicy } from '../../platform/auth/security-policy.ts';
import { needsSecondFactor } from '../../platform/auth/session.ts';
import { hashToken, newToken } from '../../platform/auth/session-token.ts';
import { newId } from '../../platform/db/types.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { PublicCtx } from '../../platform/http/context.ts';
import {
  type AccountRow,
  findAccountForLogin,
  insertSession,
  listActiveRoles,
  recordLoginSuccess,
} from './identity.repository.ts';
import type { TRole } from './identity.schema.ts';
import { dummyHash, verifyPassword } from './password.ts';
import { clearSource, findLock, recordFailure } from './throttle.repository.ts';

/** Which role a session starts in when a person holds several. */
const ROLE_PRIORITY: TRole[] = [
  'city_admin',
  'district_admin',
  'school_admin',
  'system_admin',
  'security_admin',
  'auditor',
  'head_teacher',
  'teacher',
  'parent',
  'student',
];

export type LoginNext = 'done' | 'totp' | 'totp_setup' | 'change_password';

export interface LoginResult {
  token: string;
  csrfToken: string;
  next: LoginNext;
}

export const nextStep = (
  needsMfa: boolean,
  mfaPassed: boolean,
  totpEnabled: boolean,
  mustChange: boolean,
): LoginNext => {
  if (needsMfa && !mfaPassed) return totpEnabled ? 'totp' : 'totp_setup';
  return mustChange ? 'change_password' : 'done';
};

/** A mainland mobile number: parents sign in with it. */
const MOBILE = /^1[3-9][0-9]{9}$/;

/**
 * Locks last the policy's time; with doubling, each repeat within a day twice as long as the one
 * before, at most a day.
 */
export const lockPolicy = ({ lockout }: TSecurityPolicy) => ({
  attempts: lockout.attempts,
  baseMs: lockout.minutes * 60_000,
  maxMs: lockout.doubling ? Math.max(24 * 3_600_000, lockout.minutes * 60_000) : lockout.minutes * 60_000,
});

/**
 * Throttle keys: the account when one is named, else the name typed (so unknown names lock exactly
 * as known ones do), and the source address; keyed hashes, so the table holds neither.
 */
export const throttleKeys = (
  ctx: Pick<PublicCtx, 'deps' | 'origin'>,
  account: Pick<AccountRow, 'id'> | undefined,
  typed: string,
) => ({
  subject: account ? `a:${account.id}` : `n:${ctx.deps.crypto.lookupHash(typed.toLowerCase())}`,
  source: ctx.deps.crypto.lookupHash(`ip:${ctx.origin.ip ?? ''}`),
});

export const lockedError = (until: Date) => {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return new AppError('locked', `登录失败次数过多，请 ${minutes} 分钟后再试`, { retryAfterMinutes: minutes });
};

/**
 * Password login (P2, COMPLIANCE §4, ASVS 2.2.1). Failures lock the account for the address they
 * come from (等保: per account and source, each lock twice as long as the last), so an attacker
 * elsewhere cannot lock the owner out. Known and unknown names get the same answers, after the same
 * work: one account query, one argon2 verification, the same throttle and audit writes.
 */
export async function login(
  ctx: PublicCtx,
  opts: { username: string; password: string },
): Promise<LoginResult> {
  const { crypto } = ctx.deps;
  const policy = await securityPolicyOf(ctx.deps);
  const typed = opts.username.trim();
  const phoneHash = MOBILE.test(typed) ? crypto.lookupHash(typed) : null;
  const account = await findAccountForLogin(ctx.db, typed, phoneHash);
  const keys = throttleKeys(ctx, account, typed);
  const fail = async (reason: string) =>
    ctx.audit(
      {
        action: 'auth.login',
        outcome: 'failure',
        targetType: 'account',
        targetId: account?.id,
        details: { reason },
      },
      // An unknown username is not recorded: it is often a password typed into the wrong box.
      { actorPersonId: account?.personId ?? null, actorName: account?.name ?? null },
    );
  const usable = account?.status === 'active' ? account : undefined;
  const lock = await findLock(ctx.db, 'password', keys.subject, keys.source);
  const verified = await verifyPassword(
    usable && !lock ? usable.passwordHash : await dummyHash(),
    opts.password,
  );
  if (lock) {
    await fail('locked');
    throw lockedError(lock);
  }
  if (!usable || !verified) {
    const until = await recordFailure(ctx.db, 'password', keys, lockPolicy(policy));
    await fail(
      !account ? 'unknown_user' : !usable ? 'disabled' : until ? 'bad_password_locked' : 'bad_password',
    );
    if (until) throw lockedError(until);
    throw new AppError('unauthenticated', '用户名或密码错误');
  }
  const roles = await listActiveRoles(ctx.db, usable.personId);
  const first = [...roles].sort((a, b) => ROLE_PRIORITY.indexOf(a.role) - ROLE_PRIORITY.indexOf(b.role))[0];
  if (!first) {
    await fail('no_role');
    throw new AppError('forbidden', '账号尚未分配角色，请联系管理员');
  }
  await clearSource(ctx.db, 'password', keys.subject, keys.source);
  const needsMfa = needsSecondFactor(
    { totpEnabled: usable.totpEnabled, roles: roles.map((r) => r.role) },
    policy.mfaRoles,
  );
  const maxAge = policy.password.maxAgeDays;
  const expired = maxAge !== null && Date.now() - usable.passwordChangedAt.getTime() > maxAge * 86_400_000;
  const mustChange = usable.mustChangePassword || expired;
  await recordLoginSuccess(ctx.db, usable.id, expired);
  const token = newToken();
  const csrfToken = newToken();
  const sessionId = newId();
  await insertSession(ctx.db, {
    id: sessionId,
    tokenHash: hashToken(token),
    accountId: usable.id,
    personId: usable.personId,
    roleAssignmentId: first.id,
    csrfToken,
    mfaPassed: !needsMfa,
    expiresAt: new Date(Date.now() + policy.session.absoluteHours * 3_600_000),
    ip: ctx.origin.ip ?? null,
    userAgent: ctx.origin.userAgent?.slice(0, 300) ?? null,
  });
  await ctx.audit(
    { action: 'auth.login', targetType: 'session', targetId: sessionId, orgPath: first.path },
    { actorPersonId: usable.personId, actorName: usable.name, actorRole: first.role },
  );
  return { token, csrfToken, next: nextStep(needsMfa, false, usable.totpEnabled, mustChange) };
}

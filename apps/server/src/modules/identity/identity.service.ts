import { randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify as verifyTotp } from 'otplib';
import { MFA_ROLES } from '../../platform/auth/session.ts';
import { hashToken, newToken } from '../../platform/auth/session-token.ts';
import { newId } from '../../platform/db/types.ts';
import { AppError, badRequest, forbidden } from '../../platform/errors/app-error.ts';
import type { Ctx, PublicCtx } from '../../platform/http/context.ts';
import { scopeCovers } from '../../platform/scope/scope.ts';
import {
  type AccountRow,
  findAccountById,
  findAccountByPerson,
  findAccountByUsername,
  insertSession,
  listActiveRoles,
  type RoleRow,
  recordLoginFailure,
  recordLoginSuccess,
  revokeSessions,
  updateAccount,
  updateSession,
} from './identity.repository.ts';
import type { TRole } from './identity.schema.ts';
import { checkPassword, dummyHash, hashPassword, POLICIES, verifyPassword } from './password.ts';

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

/** Roles whose accounts the system administrator looks after. */
const ADMIN_ROLES: TRole[] = ['city_admin', 'district_admin', 'school_admin', 'auditor', 'security_admin'];

export type LoginNext = 'done' | 'totp' | 'totp_setup' | 'change_password';

export interface LoginResult {
  token: string;
  csrfToken: string;
  next: LoginNext;
}

const nextStep = (needsMfa: boolean, mfaPassed: boolean, totpEnabled: boolean, mustChange: boolean) => {
  if (needsMfa && !mfaPassed) return totpEnabled ? 'totp' : 'totp_setup';
  return mustChange ? 'change_password' : 'done';
};

/** Password login: lockout after repeated failures, generic errors, every attempt audited. */
export async function login(
  ctx: PublicCtx,
  opts: { username: string; password: string },
): Promise<LoginResult> {
  const { config } = ctx.deps;
  const account = await findAccountByUsername(ctx.db, opts.username);
  const fail = async (reason: string, acct?: AccountRow) =>
    ctx.audit(
      {
        action: 'auth.login',
        outcome: 'failure',
        targetType: 'account',
        targetId: acct?.id,
        details: { reason },
      },
      // An unknown username is not recorded: it is often a password typed into the wrong box.
      { actorPersonId: acct?.personId ?? null, actorName: acct?.name ?? null },
    );
  if (account?.status !== 'active') {
    await verifyPassword(await dummyHash(), opts.password);
    await fail(account ? 'disabled' : 'unknown_user', account);
    throw new AppError('unauthenticated', '用户名或密码错误');
  }
  if (account.lockedUntil && account.lockedUntil > new Date()) {
    await verifyPassword(await dummyHash(), opts.password);
    await fail('locked', account);
    const minutes = Math.ceil((account.lockedUntil.getTime() - Date.now()) / 60_000);
    throw new AppError('locked', `账号已锁定，请 ${minutes} 分钟后再试`, {
      lockedUntil: account.lockedUntil,
    });
  }
  if (!(await verifyPassword(account.passwordHash, opts.password))) {
    const attempts = account.failedAttempts + 1;
    const lock = attempts >= config.lockoutAttempts ? new Date(Date.now() + config.lockoutMs) : null;
    await recordLoginFailure(ctx.db, account.id, lock);
    await fail(lock ? 'bad_password_locked' : 'bad_password', account);
    if (lock) throw new AppError('locked', `密码错误次数过多，账号已锁定 ${config.lockoutMs / 60_000} 分钟`);
    throw new AppError('unauthenticated', '用户名或密码错误');
  }
  const roles = await listActiveRoles(ctx.db, account.personId);
  const first = [...roles].sort((a, b) => ROLE_PRIORITY.indexOf(a.role) - ROLE_PRIORITY.indexOf(b.role))[0];
  if (!first) {
    await fail('no_role', account);
    throw new AppError('forbidden', '账号尚未分配角色，请联系管理员');
  }
  const needsMfa = account.totpEnabled || roles.some((r) => MFA_ROLES.includes(r.role));
  const maxAge = POLICIES[config.passwordProfile].maxAgeDays;
  const expired = maxAge !== null && Date.now() - account.passwordChangedAt.getTime() > maxAge * 86_400_000;
  const mustChange = account.mustChangePassword || expired;
  await recordLoginSuccess(ctx.db, account.id, expired);
  const token = newToken();
  const csrfToken = newToken();
  const sessionId = newId();
  await insertSession(ctx.db, {
    id: sessionId,
    tokenHash: hashToken(token),
    accountId: account.id,
    personId: account.personId,
    roleAssignmentId: first.id,
    csrfToken,
    mfaPassed: !needsMfa,
    expiresAt: new Date(Date.now() + config.sessionAbsoluteMs),
    ip: ctx.origin.ip ?? null,
    userAgent: ctx.origin.userAgent?.slice(0, 300) ?? null,
  });
  await ctx.audit(
    { action: 'auth.login', targetType: 'session', targetId: sessionId, orgPath: first.path },
    { actorPersonId: account.personId, actorName: account.name, actorRole: first.role },
  );
  return { token, csrfToken, next: nextStep(needsMfa, false, account.totpEnabled, mustChange) };
}

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
}

export async function getMe(ctx: Ctx, opts: { csrfToken: string; mfaPassed: boolean }): Promise<Me> {
  const account = await findAccountById(ctx.db, ctx.actor.accountId);
  if (!account) throw new AppError('unauthenticated', '请先登录');
  const roles = await listActiveRoles(ctx.db, ctx.actor.personId);
  const active = roles.find((r) => r.id === ctx.actor.roleAssignmentId);
  const needsMfa = account.totpEnabled || roles.some((r) => MFA_ROLES.includes(r.role));
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
    passwordProfile: ctx.deps.config.passwordProfile,
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
  const problems = checkPassword(POLICIES[ctx.deps.config.passwordProfile], opts.next, account.username);
  if (opts.next === opts.current) problems.push('新密码不能与当前密码相同');
  if (problems.length > 0) throw new AppError('validation_failed', problems.join('；'), { problems });
  await updateAccount(ctx.db, account.id, {
    passwordHash: await hashPassword(opts.next),
    passwordChangedAt: new Date(),
    mustChangePassword: false,
  });
  await revokeSessions(ctx.db, account.id, ctx.actor.sessionId);
  await ctx.audit({ action: 'auth.change_password', targetType: 'account', targetId: account.id });
}

/** Seniority of the business roles: an admin resets only people below them. */
const RANK: Partial<Record<TRole, number>> = { city_admin: 4, district_admin: 3, school_admin: 2 };
const rank = (role: TRole) => RANK[role] ?? 1;
const THREE_ADMINS: TRole[] = ['auditor', 'system_admin', 'security_admin'];

/**
 * Admin password reset: a temporary password shown once, which must be changed at next login.
 * A city, district or school admin resets a person only when every active role of that person lies
 * inside the admin's scope and below the admin's own rank, and never one of the 三员 accounts.
 * The system administrator (系统管理员) resets administrators' accounts only, never students',
 * teachers' or parents', so no single operator can take over every account.
 */
export async function resetPassword(
  ctx: Ctx,
  opts: { personId: string },
): Promise<{ temporaryPassword: string }> {
  const account = await findAccountByPerson(ctx.db, opts.personId);
  const roles = account ? await listActiveRoles(ctx.db, opts.personId) : [];
  const allowed =
    roles.length > 0 &&
    (ctx.actor.role === 'system_admin'
      ? roles.every((r) => ADMIN_ROLES.includes(r.role))
      : roles.every(
          (r) =>
            !THREE_ADMINS.includes(r.role) &&
            rank(r.role) < rank(ctx.actor.role) &&
            scopeCovers(ctx.scope, r.path),
        ));
  if (!account || !allowed) throw new AppError('not_found', '用户不存在或无权访问');
  if (account.personId === ctx.actor.personId) throw forbidden('不能重置自己的密码，请使用修改密码');
  const temporaryPassword = `Hl${randomBytes(9).toString('base64url')}#7`;
  await updateAccount(ctx.db, account.id, {
    passwordHash: await hashPassword(temporaryPassword),
    mustChangePassword: true,
    failedAttempts: 0,
    lockedUntil: null,
  });
  await revokeSessions(ctx.db, account.id);
  await ctx.audit({
    action: 'account.reset_password',
    targetType: 'account',
    targetId: account.id,
    subjectPersonId: account.personId,
  });
  return { temporaryPassword };
}

/** Starts TOTP enrolment: a new secret, stored encrypted and not yet enabled. */
export async function setupTotp(ctx: Ctx): Promise<{ secret: string; uri: string }> {
  const account = await findAccountById(ctx.db, ctx.actor.accountId);
  if (!account) throw new AppError('unauthenticated', '请先登录');
  if (account.totpEnabled) throw badRequest('已启用动态口令');
  const secret = generateSecret();
  await updateAccount(ctx.db, account.id, { totpSecretEnc: ctx.deps.crypto.encrypt(secret) });
  await ctx.audit({ action: 'auth.totp_setup', targetType: 'account', targetId: account.id });
  return { secret, uri: generateURI({ issuer: 'Hanlin 翰林', label: account.username, secret }) };
}

/** Verifies a TOTP code; enables TOTP on first success and marks the session as two-factor. */
export async function verifyTotpCode(ctx: Ctx, opts: { code: string }): Promise<void> {
  const account = await findAccountById(ctx.db, ctx.actor.accountId);
  if (!account?.totpSecretEnc) throw badRequest('尚未设置动态口令');
  const secret = ctx.deps.crypto.decrypt(account.totpSecretEnc);
  const result = await verifyTotp({
    secret,
    token: opts.code,
    epochTolerance: 30,
    ...(account.totpLastStep !== null ? { afterTimeStep: account.totpLastStep } : {}),
  });
  if (!result.valid) {
    // Wrong codes count towards the same lockout as wrong passwords, and a lock ends this session.
    const attempts = account.failedAttempts + 1;
    const lock =
      attempts >= ctx.deps.config.lockoutAttempts ? new Date(Date.now() + ctx.deps.config.lockoutMs) : null;
    await recordLoginFailure(ctx.db, account.id, lock);
    if (lock) await updateSession(ctx.db, ctx.actor.sessionId, { revokedAt: new Date() });
    await ctx.audit({
      action: 'auth.totp',
      outcome: 'failure',
      targetType: 'account',
      targetId: account.id,
      details: { locked: !!lock },
    });
    if (lock)
      throw new AppError(
        'locked',
        `动态口令错误次数过多，账号已锁定 ${ctx.deps.config.lockoutMs / 60_000} 分钟`,
      );
    throw new AppError('totp_invalid', '动态口令不正确');
  }
  await updateAccount(ctx.db, account.id, {
    totpEnabled: true,
    totpLastStep: Math.floor(Date.now() / 30_000) + result.delta,
  });
  await updateSession(ctx.db, ctx.actor.sessionId, { mfaPassed: true });
  await ctx.audit({ action: 'auth.totp', targetType: 'account', targetId: account.id });
}

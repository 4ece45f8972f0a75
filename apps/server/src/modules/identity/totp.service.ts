import { randomInt, timingSafeEqual } from 'node:crypto';
import { generateSecret, generateURI, verify as verifyTotp } from 'otplib';
import { securityPolicyOf } from '../../platform/auth/security-policy.ts';
import { AppError, badRequest, forbidden } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { scopeCovers } from '../../platform/scope/scope.ts';
import { allActiveRoles, rank, THREE_ADMINS } from './authority.ts';
import {
  findAccountById,
  findAccountByPerson,
  listSecondFactors as listSecondFactorRows,
  revokeSessions,
  updateAccount,
  updateSession,
} from './identity.repository.ts';
import type { TRole } from './identity.schema.ts';
import { lockedError, lockPolicy, throttleKeys } from './login.service.ts';
import { clearSource, findLock, recordFailure } from './throttle.repository.ts';

/** How long an enrolment code stays valid. */
export const ENROL_CODE_HOURS = 72;

/**
 * A one-time enrolment code: 12 digits in groups of four, easy to read out over the phone. Stored
 * only as a keyed hash.
 */
export const newEnrolmentCode = () =>
  Array.from({ length: 3 }, () => String(randomInt(0, 10_000)).padStart(4, '0')).join('-');

const normaliseCode = (code: string) => code.replace(/[^0-9]/g, '');

/**
 * Issues a one-time code with which a person enrols (or re-enrols) their second factor: the
 * security administrator for the bureau administrators who must use one (never the 三员, whose
 * codes come from the server console), a city, district or school administrator for the people
 * below them in their scope. An existing second factor stops working at once and the person's
 * sessions end, so a lost phone is handled by the same step.
 */
export async function issueEnrolmentCode(ctx: Ctx, opts: { personId: string }) {
  const account = await findAccountByPerson(ctx.db, opts.personId);
  const roles = account ? await allActiveRoles(ctx, opts.personId) : [];
  const { role } = ctx.actor;
  const { mfaRoles } = await securityPolicyOf(ctx.deps);
  const allowed =
    roles.length > 0 &&
    roles.every((r) => !THREE_ADMINS.includes(r.role)) &&
    (role === 'security_admin'
      ? roles.some((r) => mfaRoles.includes(r.role))
      : roles.every((r) => rank(r.role) < rank(role) && scopeCovers(ctx.scope, r.path)));
  if (!account || !allowed) throw new AppError('not_found', '用户不存在或无权访问');
  if (account.personId === ctx.actor.personId) throw forbidden('不能为自己签发绑定码');
  const code = newEnrolmentCode();
  const expiresAt = new Date(Date.now() + ENROL_CODE_HOURS * 3_600_000);
  await updateAccount(ctx.db, account.id, {
    totpEnrolHash: ctx.deps.crypto.lookupHash(`enrol:${normaliseCode(code)}`),
    totpEnrolExpiresAt: expiresAt,
    totpEnabled: false,
    totpSecretEnc: null,
    totpLastStep: null,
  });
  await revokeSessions(ctx.db, account.id);
  await ctx.audit({
    action: 'account.totp_enrolment_code',
    targetType: 'account',
    targetId: account.id,
    subjectPersonId: account.personId,
    details: { expiresAt: expiresAt.toISOString(), hadSecondFactor: account.totpEnabled },
  });
  return { code, expiresAt: expiresAt.toISOString() };
}

/**
 * Starts TOTP enrolment: a new secret, stored encrypted and not yet enabled. Needs the one-time
 * enrolment code, so the password alone cannot bind an attacker's authenticator (ASVS 2.8.x). A
 * wrong code counts towards the same lock as a wrong second-factor code.
 */
export async function setupTotp(
  ctx: Ctx,
  opts: { enrolmentCode: string },
): Promise<{ secret: string; uri: string }> {
  const account = await findAccountById(ctx.db, ctx.actor.accountId);
  if (!account) throw new AppError('unauthenticated', '请先登录');
  if (account.totpEnabled) throw badRequest('已启用动态口令');
  const keys = throttleKeys(ctx, account, '');
  const lock = await findLock(ctx.db, 'totp', keys.subject, keys.source);
  if (lock) throw lockedError(lock);
  const given = Buffer.from(ctx.deps.crypto.lookupHash(`enrol:${normaliseCode(opts.enrolmentCode)}`));
  const stored = Buffer.from(account.totpEnrolHash ?? '');
  const valid =
    stored.length === given.length &&
    timingSafeEqual(stored, given) &&
    !!account.totpEnrolExpiresAt &&
    account.totpEnrolExpiresAt > new Date();
  if (!valid) {
    const until = await recordFailure(ctx.db, 'totp', keys, lockPolicy(await securityPolicyOf(ctx.deps)));
    if (until) await updateSession(ctx.db, ctx.actor.sessionId, { revokedAt: new Date() });
    await ctx.audit({
      action: 'auth.totp_setup',
      outcome: 'failure',
      targetType: 'account',
      targetId: account.id,
      details: { reason: account.totpEnrolHash ? 'bad_or_expired_code' : 'no_code_issued', locked: !!until },
    });
    if (until) throw lockedError(until);
    throw badRequest('绑定码不正确或已过期，请联系安全管理员或上级管理员重新签发');
  }
  const secret = generateSecret();
  await updateAccount(ctx.db, account.id, { totpSecretEnc: ctx.deps.crypto.encrypt(secret) });
  await ctx.audit({ action: 'auth.totp_setup', targetType: 'account', targetId: account.id });
  return { secret, uri: generateURI({ issuer: 'Hanlin 翰林', label: account.username, secret }) };
}

/**
 * Verifies a TOTP code; on the first success enables TOTP (using up the enrolment code) and marks
 * the session as two-factor. Wrong codes lock the account for this source, and a lock ends the
 * session.
 */
export async function verifyTotpCode(ctx: Ctx, opts: { code: string }): Promise<void> {
  const account = await findAccountById(ctx.db, ctx.actor.accountId);
  if (!account?.totpSecretEnc) throw badRequest('尚未设置动态口令');
  const keys = throttleKeys(ctx, account, '');
  const lock = await findLock(ctx.db, 'totp', keys.subject, keys.source);
  if (lock) throw lockedError(lock);
  const secret = ctx.deps.crypto.decrypt(account.totpSecretEnc);
  const result = await verifyTotp({
    secret,
    token: opts.code,
    epochTolerance: 30,
    ...(account.totpLastStep !== null ? { afterTimeStep: account.totpLastStep } : {}),
  });
  if (!result.valid) {
    // A right code used a second time (a double submit, a second tab) is refused like a wrong one,
    // and counts as one, but the person is told to wait for the next code rather than to retype it.
    const reused =
      account.totpLastStep !== null &&
      (await verifyTotp({ secret, token: opts.code, epochTolerance: 30 })).valid;
    const until = await recordFailure(ctx.db, 'totp', keys, lockPolicy(await securityPolicyOf(ctx.deps)));
    if (until) await updateSession(ctx.db, ctx.actor.sessionId, { revokedAt: new Date() });
    await ctx.audit({
      action: 'auth.totp',
      outcome: 'failure',
      targetType: 'account',
      targetId: account.id,
      details: { locked: !!until, ...(reused ? { reason: 'reused_code' } : {}) },
    });
    if (until) throw lockedError(until);
    if (reused) throw new AppError('totp_invalid', '该动态口令已使用过，请等待验证器显示下一个口令后再输入');
    throw new AppError('totp_invalid', '动态口令不正确');
  }
  await clearSource(ctx.db, 'totp', keys.subject, keys.source);
  await updateAccount(ctx.db, account.id, {
    totpEnabled: true,
    totpLastStep: Math.floor(Date.now() / 30_000) + result.delta,
    totpEnrolHash: null,
    totpEnrolExpiresAt: null,
  });
  await updateSession(ctx.db, ctx.actor.sessionId, { mfaPassed: true });
  await ctx.audit({ action: 'auth.totp', targetType: 'account', targetId: account.id });
}

/** The roles whose second factor a city or district administrator manages, below them. */
const OVERSEEN: Partial<Record<TRole, readonly TRole[]>> = {
  city_admin: ['district_admin', 'school_admin'],
  district_admin: ['school_admin'],
};

/**
 * 二次验证管理: the accounts whose second factor the actor looks after, not enrolled first, with any
 * enrolment code waiting. The security administrator sees, city-wide, every holder of a role the
 * security policy requires a second factor of (never the 三员: their codes come from the server
 * console); city and district administrators the administrators below them in their scope.
 * `missing` keeps only those who must use one and have not enrolled.
 */
export async function listSecondFactors(ctx: Ctx, opts: { missing?: boolean } = {}) {
  const { mfaRoles } = await securityPolicyOf(ctx.deps);
  const roles =
    ctx.actor.role === 'security_admin'
      ? mfaRoles.filter((r) => !THREE_ADMINS.includes(r))
      : (OVERSEEN[ctx.actor.role] ?? []);
  const rows = await listSecondFactorRows(ctx.db, {
    roles,
    paths: ctx.actor.role === 'security_admin' || ctx.scope.all ? null : ctx.scope.paths,
    exceptPersonId: ctx.actor.personId,
  });
  await ctx.audit({ action: 'account.second_factors.read', details: { accounts: rows.length } });
  return rows
    .map((r) => ({ ...r, mustUse: r.roles.some((x) => mfaRoles.includes(x as TRole)) }))
    .filter((r) => !opts.missing || (r.mustUse && !r.totpEnabled));
}

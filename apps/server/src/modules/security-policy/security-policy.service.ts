import { loadStoredPolicy, saveStoredPolicy } from '../../platform/auth/security-policy.repository.ts';
import {
  defaultSecurityPolicy,
  PASSWORD_PROFILES,
  policyFrom,
  type TSecurityPolicy,
} from '../../platform/auth/security-policy.ts';
import { AppError, conflict } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { accountAttention } from '../identity/identity.service.ts';
import { belowFloor, FLOORS, MFA_ELIGIBLE } from './policy-floors.ts';

/** The policy in force, its defaults and floors, and anything in force below a floor. */
export async function getSecurityPolicy(ctx: Ctx) {
  // Read in this request's transaction, not from the cache: the page edits this version.
  const inForce = policyFrom(ctx.deps.config, await loadStoredPolicy(ctx.db));
  return {
    ...inForce,
    defaults: defaultSecurityPolicy(ctx.deps.config),
    profiles: PASSWORD_PROFILES,
    floors: { ...FLOORS, mfaRoles: [...FLOORS.mfaRoles] },
    mfaEligible: [...MFA_ELIGIBLE],
    problems: belowFloor(inForce.policy),
  };
}

/** The fields that differ, as dotted paths (`lockout.minutes`), for the audit trail. */
function changedFields(before: TSecurityPolicy, after: TSecurityPolicy): string[] {
  const out: string[] = [];
  for (const section of Object.keys(after) as (keyof TSecurityPolicy)[]) {
    const a = before[section] as unknown;
    const b = after[section] as unknown;
    if (Array.isArray(b)) {
      if (JSON.stringify([...(a as string[])].sort()) !== JSON.stringify([...b].sort())) out.push(section);
      continue;
    }
    for (const [k, v] of Object.entries(b as Record<string, unknown>)) {
      if ((a as Record<string, unknown>)[k] !== v) out.push(`${section}.${k}`);
    }
  }
  return out;
}

/**
 * 安全策略: the security administrator puts a new policy in force. A policy weaker than the 等保
 * floor is refused with every reason at once; a change made from a stale page (another change came
 * first) is refused too. Audited with the policy before and after. Sign-in, password changes and
 * the guard of every instance obey it from the next request on (the table announces its changes).
 */
export async function updateSecurityPolicy(ctx: Ctx, opts: { policy: TSecurityPolicy; version: number }) {
  const policy: TSecurityPolicy = { ...opts.policy, mfaRoles: [...new Set(opts.policy.mfaRoles)].sort() };
  const problems = belowFloor(policy);
  if (problems.length > 0) {
    await ctx.audit({
      action: 'security.policy.update',
      outcome: 'failure',
      targetType: 'security_policy',
      details: { reason: 'below_floor', problems, proposed: policy },
    });
    throw new AppError('validation_failed', `安全策略低于等保 2.0 基线：${problems.join('；')}`, {
      problems,
    });
  }
  const before = policyFrom(ctx.deps.config, await loadStoredPolicy(ctx.db));
  // The save is conditional on the version too, so two changes at the same moment cannot both win.
  const version =
    before.version === opts.version ? await saveStoredPolicy(ctx.db, policy, opts.version) : undefined;
  if (version === undefined) {
    throw conflict('安全策略已被他人修改，请刷新页面后重新修改', { version: before.version });
  }
  const changed = changedFields(before.policy, policy);
  await ctx.audit({
    action: 'security.policy.update',
    targetType: 'security_policy',
    details: { changed, before: before.policy, after: policy, version },
  });
  return { policy, version, changed };
}

/**
 * The security administrator's home: the accounts that need attention (identity) and whether the
 * policy in force is below a floor (possible when the configuration's defaults are weaker).
 */
export async function securityOverview(ctx: Ctx) {
  const attention = await accountAttention(ctx);
  const inForce = policyFrom(ctx.deps.config, await loadStoredPolicy(ctx.db));
  return { ...attention, policyProblems: belowFloor(inForce.policy) };
}

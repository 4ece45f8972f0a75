import { securityPolicyOf, type TSecurityPolicy } from '../../platform/auth/security-policy.ts';
import { needsSecondFactor, type SessionLimits } from '../../platform/auth/session.ts';
import { asSystem } from '../../platform/db/scoped.ts';
import { AppError, forbidden } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { allActiveRoles, isStaffRole, STAFF_ROLES, THREE_ADMINS } from './authority.ts';
import type { TRole } from './identity.schema.ts';
import { describeAgent, maskAddress } from './session-display.ts';
import {
  countOtherLiveSessions,
  findSession,
  listLiveSessions,
  revokeSession,
} from './sessions.repository.ts';

export const limitsOf = (p: TSecurityPolicy): SessionLimits => ({
  idleMs: p.session.idleMinutes * 60_000,
  absoluteMs: p.session.absoluteHours * 3_600_000,
});

/** At most this many sessions are listed at once; filters narrow the rest. */
const LIST_LIMIT = 500;

/**
 * 在线会话: the staff sessions in force, most recently used first, with the source network (never
 * the full address), the device, and whether the second factor was passed where the policy asks
 * for one. Learners' and guardians' sessions are only counted: they are their schools' business,
 * and the security administrator holds no scope over their personal data.
 */
export async function listSessions(ctx: Ctx, opts: { role?: TRole; q?: string }) {
  const policy = await securityPolicyOf(ctx.deps);
  const limits = limitsOf(policy);
  const rows = await listLiveSessions(ctx.db, { limits, roles: STAFF_ROLES, ...opts, limit: LIST_LIMIT + 1 });
  const others = await asSystem(ctx.db, 'session-count', () =>
    countOtherLiveSessions(ctx.db, { limits, roles: STAFF_ROLES }),
  );
  await ctx.audit({ action: 'security.sessions.read', details: { sessions: rows.length, ...opts } });
  return {
    sessions: rows.slice(0, LIST_LIMIT).map((r) => ({
      id: r.id,
      personId: r.personId,
      name: r.name,
      username: r.username,
      role: r.role,
      orgName: r.orgName,
      source: maskAddress(r.ip),
      device: describeAgent(r.userAgent),
      startedAt: r.startedAt,
      lastSeenAt: r.lastSeenAt,
      mfaRequired: needsSecondFactor(r, policy.mfaRoles),
      mfaPassed: r.mfaPassed,
    })),
    truncated: rows.length > LIST_LIMIT,
    /** The roles whose sessions are listed (the rest are counted), for the filter. */
    roles: [...STAFF_ROLES],
    otherSessions: others,
    idleMinutes: policy.session.idleMinutes,
  };
}

/**
 * Ends a staff session in force: the person's next request is refused as signed out. Never one of
 * the 三员's (三员分立: none of them acts on another's account), nor the actor's own (that is
 * 退出登录). Audited with the person whose session it was.
 */
export async function endSession(ctx: Ctx, opts: { sessionId: string }): Promise<void> {
  const limits = limitsOf(await securityPolicyOf(ctx.deps));
  const session = await findSession(ctx.db, opts.sessionId, limits);
  if (!session?.live || !session.role || !isStaffRole(session.role)) {
    throw new AppError('not_found', '会话不存在或已结束');
  }
  if (session.personId === ctx.actor.personId) throw forbidden('不能在这里结束自己的会话，请使用退出登录');
  const roles = await allActiveRoles(ctx, session.personId);
  if (roles.some((r) => THREE_ADMINS.includes(r.role))) throw new AppError('not_found', '会话不存在或已结束');
  await revokeSession(ctx.db, session.id);
  await ctx.audit({
    action: 'security.session.end',
    targetType: 'session',
    targetId: session.id,
    subjectPersonId: session.personId,
    details: { role: session.role },
  });
}

import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { execPrepared } from '../db/prepared.ts';
import type { Actor } from '../scope/scope.ts';
import type { TRole } from './roles.ts';

/** The tables `loadSession` reads: a cached session (and the role it carries) derives from them. */
export const SESSION_TABLES = ['session', 'account', 'person', 'role_assignment', 'org_unit'] as const;

export interface SessionRow {
  actor: Actor;
  csrfToken: string;
  mfaPassed: boolean;
  /** Whether the account has a second factor: then it is asked for whatever the roles. */
  totpEnabled: boolean;
  /**
   * Every active role of the person, not only the session's: whether a second factor is needed
   * depends on them and on the security policy in force (`needsSecondFactor`).
   */
  roles: TRole[];
  mustChangePassword: boolean;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

/** The session's timeouts, from the security policy in force. */
export interface SessionLimits {
  idleMs: number;
  absoluteMs: number;
}

/** True when a person with these roles must pass a second factor under the policy's `mfaRoles`. */
export const needsSecondFactor = (
  s: { totpEnabled: boolean; roles: readonly TRole[] },
  mfaRoles: readonly TRole[],
): boolean => s.totpEnabled || s.roles.some((r) => mfaRoles.includes(r));

/** True while the session is within both timeouts at `now` (also checked on a cached row). */
export const withinLimits = (s: SessionRow, limits: SessionLimits, now: number): boolean =>
  now - s.lastSeenAt.getTime() < limits.idleMs &&
  now - s.createdAt.getTime() < limits.absoluteMs &&
  s.expiresAt.getTime() > now;

/**
 * Loads a live session by the hash of its cookie token: not revoked, not past its expiry nor the
 * policy's absolute timeout since it began, not idle longer than the idle timeout, account active.
 * One round trip; the guard caches the result.
 */
export async function loadSession(
  tx: Tx,
  tokenHash: string,
  limits: SessionLimits,
): Promise<SessionRow | null> {
  const rows = await execPrepared<{
    session_id: string;
    account_id: string;
    person_id: string;
    name: string;
    csrf_token: string;
    mfa_passed: boolean;
    must_change_password: boolean;
    created_at: Date;
    last_seen_at: Date;
    expires_at: Date;
    role_assignment_id: string | null;
    role: TRole | null;
    org_unit_id: string | null;
    path: string | null;
    district_id: string | null;
    school_id: string | null;
    totp_enabled: boolean;
    roles: TRole[];
  }>(
    tx,
    sql`
    select s.id as session_id, s.account_id, s.person_id, p.name, s.csrf_token, s.mfa_passed,
           a.must_change_password, s.created_at, s.last_seen_at, s.expires_at, ra.id as role_assignment_id, ra.role,
           ra.org_unit_id, ra.path::text as path, ra.district_id, ra.school_id, a.totp_enabled,
           array(select r2.role from role_assignment r2 where r2.person_id = s.person_id and r2.active) as roles
      from session s
      join account a on a.id = s.account_id and a.status = 'active'
      join person p on p.id = s.person_id
      left join role_assignment ra on ra.id = s.role_assignment_id and ra.active
     where s.token_hash = ${tokenHash} and s.revoked_at is null and s.expires_at > now()
       and s.last_seen_at > now() - make_interval(secs => ${limits.idleMs / 1000})
       and s.created_at > now() - make_interval(secs => ${limits.absoluteMs / 1000})`,
  );
  const r = rows[0];
  // A role that was withdrawn (e.g. a replaced head teacher) ends the session rather than
  // leaving it in some other role.
  if (!r?.role || !r.role_assignment_id) return null;
  return {
    actor: {
      sessionId: r.session_id,
      accountId: r.account_id,
      personId: r.person_id,
      name: r.name,
      role: r.role,
      roleAssignmentId: r.role_assignment_id,
      orgUnitId: r.org_unit_id ?? '',
      orgPath: r.path ?? '',
      districtId: r.district_id,
      schoolId: r.school_id,
    },
    csrfToken: r.csrf_token,
    mfaPassed: r.mfa_passed,
    totpEnabled: r.totp_enabled,
    roles: r.roles,
    mustChangePassword: r.must_change_password,
    createdAt: new Date(r.created_at),
    lastSeenAt: new Date(r.last_seen_at),
    expiresAt: new Date(r.expires_at),
  };
}

/**
 * Slides the idle window; written at most once a minute per session to keep reads cheap. Prepared:
 * the session's row policy looks into accounts, whose own policy the planner expands too (15 ms to
 * plan each time, 0.3 ms to run).
 */
export async function touchSession(tx: Tx, sessionId: string): Promise<void> {
  await execPrepared(tx, sql`update session set last_seen_at = now() where id = ${sessionId}`);
}

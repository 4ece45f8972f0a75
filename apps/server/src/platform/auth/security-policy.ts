import { z } from 'zod';
import type { ChangeFeed } from '../cache/change-feed.ts';
import { DerivedCache } from '../cache/derived-cache.ts';
import { type Config, type TPasswordProfile, ZPasswordProfile } from '../config/config.ts';
import type { Database } from '../db/client.ts';
import { systemScope, withScope } from '../db/scoped.ts';
import { ROLES, type TRole } from './roles.ts';
import { loadStoredPolicy } from './security-policy.repository.ts';

/**
 * The security policy (COMPLIANCE §4): the password rules, the lockout after failed sign-ins, the
 * session timeouts and the roles that must pass a second factor. The security administrator sets
 * it (modules/security); sign-in, password change and the guard obey it. Until it is first set,
 * the configuration's values apply (`defaultSecurityPolicy`), which are today's behaviour.
 */
export const ZPasswordRules = z.strictObject({
  /** Which floor applies: 等保 2.0 (complexity, periodic change) or ASVS (length, breached check). */
  profile: ZPasswordProfile,
  minLength: z.int().min(1).max(64),
  /** Character classes (lower, upper, digit, symbol) required, 等保 complexity. */
  minClasses: z.int().min(0).max(4),
  /** Earlier passwords a new one may not repeat; 0 = no history. */
  historyDepth: z.int().min(0).max(24),
  /** Days before a change is forced; null = never (ASVS 2.1.10). */
  maxAgeDays: z.int().min(1).max(3650).nullable(),
  /** Refuse passwords from the list of common and breached ones. */
  checkBreached: z.boolean(),
});
export type TPasswordRules = z.infer<typeof ZPasswordRules>;

export const ZSecurityPolicy = z.strictObject({
  password: ZPasswordRules,
  lockout: z.strictObject({
    /** Failed sign-ins per account and source address before a lock. */
    attempts: z.int().min(1).max(100),
    /** The first lock's length. */
    minutes: z.int().min(1).max(1440),
    /** Each further lock within a day lasts twice as long as the one before (at most a day). */
    doubling: z.boolean(),
  }),
  session: z.strictObject({
    idleMinutes: z.int().min(1).max(1440),
    absoluteHours: z.int().min(1).max(72),
  }),
  /** Roles whose holders must pass a second factor (TOTP) before they act. */
  mfaRoles: z.array(z.enum(ROLES)).max(ROLES.length),
});
export type TSecurityPolicy = z.infer<typeof ZSecurityPolicy>;

/** The two password profiles as they were before the policy became editable. */
export const PASSWORD_PROFILES: Record<TPasswordProfile, TPasswordRules> = {
  djbh: {
    profile: 'djbh',
    minLength: 8,
    minClasses: 3,
    historyDepth: 5,
    maxAgeDays: 90,
    checkBreached: true,
  },
  asvs: {
    profile: 'asvs',
    minLength: 12,
    minClasses: 0,
    historyDepth: 0,
    maxAgeDays: null,
    checkBreached: true,
  },
};

/** Roles that pass a second factor unless the policy adds more: the administrators (COMPLIANCE §4). */
export const DEFAULT_MFA_ROLES: readonly TRole[] = [
  'city_admin',
  'district_admin',
  'system_admin',
  'security_admin',
  'auditor',
];

/** The policy before the security administrator first sets one: the configuration's values. */
export const defaultSecurityPolicy = (config: Config): TSecurityPolicy => ({
  password: { ...PASSWORD_PROFILES[config.passwordProfile] },
  lockout: {
    attempts: config.lockoutAttempts,
    minutes: Math.round(config.lockoutMs / 60_000),
    doubling: true,
  },
  session: {
    idleMinutes: Math.round(config.sessionIdleMs / 60_000),
    absoluteHours: Math.round(config.sessionAbsoluteMs / 3_600_000),
  },
  mfaRoles: [...DEFAULT_MFA_ROLES],
});

/** The policy in force, with its version (0 while the defaults apply). */
export interface PolicyInForce {
  policy: TSecurityPolicy;
  version: number;
  updatedAt: string | null;
}

/**
 * The stored policy, or the defaults. A section of the stored document that no longer parses (a
 * shape from another version) gives way to the defaults' section instead of failing every request.
 */
export function policyFrom(
  config: Config,
  stored: Awaited<ReturnType<typeof loadStoredPolicy>>,
): PolicyInForce {
  const defaults = defaultSecurityPolicy(config);
  if (!stored) return { policy: defaults, version: 0, updatedAt: null };
  const doc = (stored.policy ?? {}) as Record<string, unknown>;
  const part = <K extends keyof TSecurityPolicy>(key: K): TSecurityPolicy[K] => {
    const parsed = ZSecurityPolicy.shape[key].safeParse(doc[key]);
    return (parsed.success ? parsed.data : defaults[key]) as TSecurityPolicy[K];
  };
  return {
    policy: {
      password: part('password'),
      lockout: part('lockout'),
      session: part('session'),
      mfaRoles: part('mfaRoles'),
    },
    version: stored.version,
    updatedAt: stored.updatedAt,
  };
}

/** Reads the policy in force straight from the database (under its own system scope). */
export const loadPolicyInForce = (database: Database, config: Config): Promise<PolicyInForce> =>
  withScope(database, systemScope('security-policy'), async (tx) =>
    policyFrom(config, await loadStoredPolicy(tx)),
  );

/**
 * The policy in force, kept in memory until the `security_policy` table announces a change (see
 * ChangeFeed): every request's guard reads it, so a change holds from the next request on, on
 * every instance.
 */
export class SecurityPolicySource {
  private readonly cache: DerivedCache<PolicyInForce>;

  constructor(
    private readonly database: Database,
    private readonly config: Config,
    feed: ChangeFeed,
  ) {
    this.cache = new DerivedCache(feed, SECURITY_POLICY_TABLES, { max: 1, ttlMs: 5 * 60_000 });
  }

  current(): Promise<PolicyInForce> {
    return this.cache.get('current', () => loadPolicyInForce(this.database, this.config));
  }
}

/** The tables the policy is read from; each announces its changes (migration of security_policy). */
export const SECURITY_POLICY_TABLES = ['security_policy'] as const;

/** The sources of the apps built on these dependencies (buildApp registers one per app). */
const sources = new WeakMap<object, SecurityPolicySource>();

export const registerSecurityPolicySource = (deps: object, source: SecurityPolicySource): void => {
  sources.set(deps, source);
};

/**
 * The security policy in force, for sign-in, password changes and the guard: from the app's
 * cache, or (outside an app, e.g. a console command) straight from the database.
 */
export async function securityPolicyOf(deps: {
  database: Database;
  config: Config;
}): Promise<TSecurityPolicy> {
  const source = sources.get(deps);
  return (source ? await source.current() : await loadPolicyInForce(deps.database, deps.config)).policy;
}

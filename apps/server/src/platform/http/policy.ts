import type { TRole } from '../auth/roles.ts';
import type { ScopedEntity } from '../scope/registry.ts';

/**
 * What a route allows, declared on the route and enforced centrally in `platform/http/guard.ts`.
 * A route under /api without a policy refuses to register, so nothing is open by accident.
 */
export interface RoutePolicy {
  /** 'public': no session (login, health); 'session': any signed-in role; otherwise the roles listed. */
  allow: 'public' | 'session' | readonly TRole[];
  /** Route params naming scoped entities, checked against the actor's scope before the handler runs. */
  params?: Record<string, ScopedEntity>;
  /** Route params that name no data of anyone (e.g. a code-table name); the scope test skips them. */
  unscopedParams?: readonly string[];
  /**
   * Login steps: 'mfa' routes work before the second factor is given (and during a pending
   * password change); 'password' routes only during a pending password change.
   */
  preAuth?: 'mfa' | 'password';
}

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
}

export const ADMINS = ['city_admin', 'district_admin', 'school_admin'] as const;
export const STAFF = ['city_admin', 'district_admin', 'school_admin', 'teacher', 'head_teacher'] as const;
export const TEACHERS = ['teacher', 'head_teacher'] as const;

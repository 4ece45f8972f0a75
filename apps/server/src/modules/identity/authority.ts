import { asSystem } from '../../platform/db/scoped.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { listActiveRoles } from './identity.repository.ts';
import type { TRole } from './identity.schema.ts';

/** 三员: the system, security and audit administrators. None of them manages another's account. */
export const THREE_ADMINS: readonly TRole[] = ['auditor', 'system_admin', 'security_admin'];

/** Seniority of the business roles: an admin manages only people below them. */
const RANK: Partial<Record<TRole, number>> = { city_admin: 4, district_admin: 3, school_admin: 2 };
export const rank = (role: TRole) => RANK[role] ?? 1;

/**
 * Every active role of a person, also those outside the actor's scope: whether someone holds a role
 * the actor does not administer is exactly what decides, so row-level security must not hide it.
 */
export const allActiveRoles = (ctx: Ctx, personId: string) =>
  asSystem(ctx.db, 'account-authorisation', () => listActiveRoles(ctx.db, personId));

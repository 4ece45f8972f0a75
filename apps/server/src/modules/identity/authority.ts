import { asSystem } from '../../platform/db/scoped.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { listActiveRoles } from './identity.repository.ts';
import type { TRole } from './identity.schema.ts';
import { STAFF_ROLES } from './staff-roles.ts';

/** 三员: the system, security and audit administrators. None of them manages another's account. */
export const THREE_ADMINS: readonly TRole[] = ['auditor', 'system_admin', 'security_admin'];

export { STAFF_ROLES } from './staff-roles.ts';

export type TStaffRole = (typeof STAFF_ROLES)[number];
export const isStaffRole = (role: TRole): role is TStaffRole =>
  (STAFF_ROLES as readonly TRole[]).includes(role);

/**
 * The staff roles the security administrator grants and withdraws (安全管理员: 授权), with the kinds
 * of unit each is held in. Teachers and head teachers come from the roster (the school's staff
 * import and class appointments); the 三员 are never granted through the web, by any of them
 * (三员分立); learners and guardians hold no granted roles.
 */
export const GRANTABLE_ROLES = [
  'city_admin',
  'district_admin',
  'school_admin',
  'researcher',
  'expert',
] as const satisfies readonly TStaffRole[];
export type TGrantableRole = (typeof GRANTABLE_ROLES)[number];
export const GRANTABLE: Record<TGrantableRole, readonly string[]> = {
  city_admin: ['city'],
  district_admin: ['district'],
  school_admin: ['school'],
  researcher: ['city', 'district'],
  expert: ['city', 'district', 'school'],
};
export const isGrantable = (role: TRole): role is TGrantableRole =>
  (GRANTABLE_ROLES as readonly TRole[]).includes(role);

/** Seniority of the business roles: an admin manages only people below them. */
const RANK: Partial<Record<TRole, number>> = { city_admin: 4, district_admin: 3, school_admin: 2 };
export const rank = (role: TRole) => RANK[role] ?? 1;

/**
 * Every active role of a person, also those outside the actor's scope: whether someone holds a role
 * the actor does not administer is exactly what decides, so row-level security must not hide it.
 */
export const allActiveRoles = (ctx: Ctx, personId: string) =>
  asSystem(ctx.db, 'account-authorisation', () => listActiveRoles(ctx.db, personId));

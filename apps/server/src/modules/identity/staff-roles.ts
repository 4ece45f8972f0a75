import type { TRole } from '../../platform/auth/roles.ts';

/**
 * Staff roles other than the 三员: the accounts whose lifecycle the system administrator, and whose
 * role grants and sessions the security administrator, look after. Learners and guardians are
 * their schools' business.
 */
export const STAFF_ROLES = [
  'city_admin',
  'district_admin',
  'school_admin',
  'teacher',
  'head_teacher',
  'researcher',
  'expert',
] as const satisfies readonly TRole[];

/**
 * The roles an account can act in. A platform concept: sessions, the guard and route policies
 * speak of roles; modules decide what each role may see and do (their scope and policy files).
 */
export const ROLES = [
  'city_admin',
  'district_admin',
  'school_admin',
  'teacher',
  'head_teacher',
  'student',
  'parent',
  'auditor',
  'system_admin',
  'security_admin',
  /** 教研员: edits the curriculum backbone and reviews resources (city or district level). */
  'researcher',
  /** 专家: a member of a school's, district's or city's expert group reviewing resources. */
  'expert',
] as const;
export type TRole = (typeof ROLES)[number];

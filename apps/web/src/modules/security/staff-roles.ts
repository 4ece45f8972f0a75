/** Staff roles, in the server's order (identity authority.ts STAFF_ROLES): the sessions filter. */
export const STAFF_ROLE_OPTIONS = [
  'city_admin',
  'district_admin',
  'school_admin',
  'teacher',
  'head_teacher',
  'researcher',
  'expert',
] as const;

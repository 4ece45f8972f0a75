/** Who may contribute resources, submit them for review and answer questions on them. */
export const RESOURCE_AUTHORS = [
  'teacher',
  'head_teacher',
  'researcher',
  'school_admin',
  'district_admin',
  'city_admin',
] as const;

/** Who may decide a step of a review chain (六审), depending on the step. */
export const RESOURCE_REVIEWERS = [
  'expert',
  'school_admin',
  'researcher',
  'district_admin',
  'city_admin',
] as const;

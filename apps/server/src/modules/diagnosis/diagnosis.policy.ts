import type { TRole } from '../../platform/auth/roles.ts';

/**
 * Who reads a class's knowledge-mastery heatmap (学情热力图): the teachers and head teachers whose
 * scope holds the class, and the administrators of the school (their unit's classes).
 */
export const HEATMAP_READERS: readonly TRole[] = ['teacher', 'head_teacher', 'school_admin'];

/**
 * Who reads one student's mastery (a cell's explanation, the 学情报告): the student, their
 * guardians, and staff whose scope holds the student.
 */
export const REPORT_READERS: readonly TRole[] = [
  'student',
  'parent',
  'teacher',
  'head_teacher',
  'school_admin',
  'district_admin',
  'city_admin',
];

/** Roles that read one student's report as the learner or a guardian: no ranking, no classmates. */
export const LEARNER_ROLES: readonly TRole[] = ['student', 'parent'];

/** Who reads the roll-ups of a unit (学情分析): administrators and researchers (教研员), aggregates only. */
export const ROLLUP_READERS: readonly TRole[] = [
  'school_admin',
  'district_admin',
  'city_admin',
  'researcher',
];

/** An aggregate over fewer students than this is withheld (an aggregate of one is a person's data). */
export const MIN_CELL_STUDENTS = 5;

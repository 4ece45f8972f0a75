import type { TRole } from '../../platform/auth/roles.ts';

/**
 * Who reads the item analysis of an assignment: its teachers and head teachers (their classes),
 * administrators (their unit's classes) and researchers (教研员, a 统考 of their unit, as
 * aggregates). Never students or parents: the analysis is about the paper, for those who teach.
 */
export const ANALYSTS: readonly TRole[] = [
  'teacher',
  'head_teacher',
  'school_admin',
  'district_admin',
  'city_admin',
  'researcher',
];

/** Roles whose scope holds no persons: they see a 统考's aggregates across their unit. */
export const ANALYSIS_STRUCTURE_ROLES: readonly TRole[] = ['researcher'];

/** Fewer graded attempts than this and a structure role sees the counts only (an aggregate of one is a score). */
export const MIN_STRUCTURE_PERSONS = 5;

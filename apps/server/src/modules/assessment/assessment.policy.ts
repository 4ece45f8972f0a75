import type { TRole } from '../../platform/auth/roles.ts';
import type { TShareLevel } from './bank.schema.ts';

/**
 * Who works in the item bank, blueprints and papers: those who write or set papers. Items carry
 * their answer key, so learners (students, parents) never reach these routes, and the 三员 and
 * experts (resource reviewers) have no part in them.
 */
export const BANK_ROLES = [
  'teacher',
  'head_teacher',
  'researcher',
  'school_admin',
  'district_admin',
  'city_admin',
] as const satisfies readonly TRole[];

/**
 * Who decides a request to share an item at each level (one decision, a light review): a school
 * administrator for the school, a researcher (教研员) or administrator of the district for the
 * district, of the city for the city. The reviewer's unit is the level's unit of the item's path.
 */
export const SHARE_REVIEWERS: Record<Exclude<TShareLevel, 'private'>, readonly TRole[]> = {
  school: ['school_admin'],
  district: ['researcher', 'district_admin'],
  city: ['researcher', 'city_admin'],
};

/** Every role that reviews some level (the queue's route). */
export const SHARE_REVIEWER_ROLES = ['school_admin', 'researcher', 'district_admin', 'city_admin'] as const;

/** Labels of `ltree` levels: the city is level 1, a district 2, a school 3. */
export const LEVEL_DEPTH: Record<Exclude<TShareLevel, 'private'>, number> = {
  city: 1,
  district: 2,
  school: 3,
};

/** The unit path of a level above `path` (the item's unit), or undefined when the path is above it. */
export function levelUnit(path: string, level: Exclude<TShareLevel, 'private'>): string | undefined {
  const labels = path.split('.');
  const depth = LEVEL_DEPTH[level];
  return labels.length >= depth ? labels.slice(0, depth).join('.') : undefined;
}

/** Whether an actor (role at `orgPath`) decides shares at `level` for an item at `itemPath`. */
export function decidesShare(
  role: TRole,
  orgPath: string,
  level: Exclude<TShareLevel, 'private'>,
  itemPath: string,
): boolean {
  if (!SHARE_REVIEWERS[level].includes(role)) return false;
  const unit = levelUnit(itemPath, level);
  return unit !== undefined && unit === orgPath;
}

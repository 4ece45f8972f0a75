import type { Ctx } from '../../platform/http/context.ts';

/** Roles whose holders speak as staff in a resource's questions and comments. */
export const STAFF_ROLES = new Set([
  'teacher',
  'head_teacher',
  'researcher',
  'expert',
  'school_admin',
  'district_admin',
  'city_admin',
]);

/**
 * A name as the viewer may see it under a resource: staff see everyone's, everyone sees staff and
 * themselves, and other learners see a child only as 「张同学」 (minors' data, COMPLIANCE §3).
 */
export function shownName(ctx: Ctx, name: string, writerIsStaff: boolean, self: boolean): string {
  return self || writerIsStaff || STAFF_ROLES.has(ctx.actor.role) ? name : `${name.slice(0, 1)}同学`;
}

import type { TRole } from '../../platform/auth/roles.ts';
import { forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { findManagement } from './assignments.repository.ts';

/** Who sets homework and exams: teachers for their classes, administrators for their unit's (统考). */
export const ASSIGNERS: readonly TRole[] = [
  'teacher',
  'head_teacher',
  'school_admin',
  'district_admin',
  'city_admin',
];

/** Who may set a 统考 (unified exam): the bureaus and schools, not a single teacher. */
export const UNIFIED_EXAM_SETTERS: readonly TRole[] = ['school_admin', 'district_admin', 'city_admin'];

const ADMINS: readonly TRole[] = ['school_admin', 'district_admin', 'city_admin'];

/**
 * Releasing scores and changing the key are for whoever set the assignment and the administrators
 * above the unit that set it; a colleague who teaches one of its classes follows it but does not
 * decide for it.
 */
export async function assertManages(ctx: Ctx, assignmentId: string): Promise<void> {
  const r = await findManagement(ctx.db, ctx.scope, ctx.actor.personId, assignmentId);
  if (!r) throw notFound('作业');
  if (!r.mine && !(ADMINS.includes(ctx.actor.role) && r.above))
    throw forbidden('只有布置人或其上级管理员可以发布成绩或改判');
}

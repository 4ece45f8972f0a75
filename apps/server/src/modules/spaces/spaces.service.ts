import { conflict, forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { ADMINS, TEACHERS } from '../../platform/http/policy.ts';
import type { TRole } from '../identity/identity.schema.ts';
import { loadSpace } from './space-access.ts';
import * as repo from './spaces.repository.ts';

export type { SpaceRelation } from './spaces.repository.ts';

/**
 * The spaces a person works in under their active role: their own, their classes (headed, taught,
 * attended, or their children's), their school, their teachers' (for students and parents), and
 * the studios they lead or belong to.
 */
export async function mySpaces(ctx: Ctx): Promise<repo.ListedSpace[]> {
  const { role, personId: me, orgPath } = ctx.actor;
  let parts: repo.SpacePart[] = [];
  if ((TEACHERS as readonly TRole[]).includes(role)) {
    parts = ['own_teacher', 'head_classes', 'taught_classes', 'teacher_school', 'studios'];
  } else if (role === 'student') {
    parts = ['own_student', 'my_classes', 'student_school', 'my_teachers'];
  } else if (role === 'parent') {
    parts = ['children', 'children_classes', 'children_teachers'];
  } else if ((ADMINS as readonly TRole[]).includes(role)) {
    parts = ['admin_school', 'admin_studios'];
  }
  const rows = await repo.listSpaces(ctx.db, me, orgPath, parts);
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.id) && seen.add(r.id));
}

/** A space's header: what it is, its people, counts, and what the viewer may do. Counts a visit. */
export async function getSpace(ctx: Ctx, id: string) {
  const space = await loadSpace(ctx, id);
  const c = await repo.findSpaceCounts(ctx.db, space);
  if (ctx.actor.role !== 'parent') await repo.recordUse(ctx.db, ctx.actor.personId);
  // A child's space is personal data: reads by anyone but the child and their parents are audited.
  if (space.kind === 'student' && !space.mine && ctx.actor.role !== 'parent')
    await ctx.audit({ action: 'space.read', targetType: 'student', targetId: id, orgPath: space.path });
  const { headTeacherIds: _h, ...shown } = space;
  return {
    ...shown,
    posts: c.posts,
    works: c.works,
    notices: c.notices,
    collections: c.collections,
    members: c.members,
    headTeachers: c.headTeachers,
    lead: c.lead,
    studioMembers: space.kind === 'studio' ? c.studioMembers : [],
  };
}

/** Resources collected into a personal space (published ones; retired ones drop out). */
export async function listCollections(ctx: Ctx, id: string) {
  const space = await loadSpace(ctx, id);
  if (space.kind !== 'teacher' && space.kind !== 'student') return { items: [] };
  return { items: await repo.listCollections(ctx.db, id) };
}

/** Collects a published resource into one's own space (收藏), or takes it out. */
export async function setCollected(ctx: Ctx, resourceId: string, collected: boolean) {
  const { role, personId: me } = ctx.actor;
  if (!(TEACHERS as readonly TRole[]).includes(role) && role !== 'student')
    throw forbidden('只有教师和学生有个人空间可以收藏');
  const res = await repo.findResourceToCollect(ctx.db, resourceId);
  if (!res) throw notFound('资源');
  if (collected && res.status !== 'published') throw conflict('只能收藏已发布的资源');
  if (await repo.setCollected(ctx.db, me, resourceId, collected)) {
    if (collected) await repo.recordUse(ctx.db, me);
    await ctx.audit({
      action: collected ? 'space.collect' : 'space.uncollect',
      targetType: 'resource',
      targetId: resourceId,
      orgPath: res.path,
    });
  }
  return { collected };
}

/** Whether the viewer has collected a resource (for the button on the resource page). */
export async function isCollected(ctx: Ctx, resourceId: string) {
  return { collected: await repo.isCollected(ctx.db, ctx.actor.personId, resourceId) };
}

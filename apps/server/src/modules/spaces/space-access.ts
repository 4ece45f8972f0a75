import { notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { ADMINS, TEACHERS } from '../../platform/http/policy.ts';
import { scopeCovers } from '../../platform/scope/scope.ts';
import type { TRole } from '../identity/identity.schema.ts';
import { findSpace, type SpaceRow } from './spaces.repository.ts';
import type { TSpaceKind } from './spaces.schema.ts';

/** A space as its viewer may use it: what it is, and what the viewer may do in it. */
export interface Space {
  id: string;
  kind: TSpaceKind;
  name: string;
  /** The school (and class) it belongs to, for display. */
  unitName: string;
  /** Where the space lives in the org tree: a teacher's school, a student's class, the unit itself. */
  path: string;
  /** The person whose space it is (teacher, student), or a studio's lead. */
  ownerId: string | null;
  /** Head teachers of a class. */
  headTeacherIds: string[];
  mine: boolean;
  canPost: boolean;
  /** Notices: the head teacher of a class, a school's administrator, a studio's lead. */
  canNotice: boolean;
  /** Works for the portfolio (作品集): the owner of a personal space. */
  canAddWork: boolean;
  canComment: boolean;
  canLike: boolean;
  /** Delete others' posts and comments: the owner, head teacher, studio lead, administrators above. */
  canModerate: boolean;
}

/** Roles that take no part in spaces (they hold no personal data and do not teach or learn). */
const BYSTANDERS: readonly TRole[] = ['auditor', 'system_admin', 'security_admin'];

const isTeacher = (role: TRole) => (TEACHERS as readonly TRole[]).includes(role);

/**
 * Resolves a space by the id of what it belongs to and works out the viewer's rights. The guard has
 * already checked that the viewer may see it (spaces.scope.ts spaceVisible).
 */
export async function loadSpace(ctx: Ctx, id: string): Promise<Space> {
  const row = await findSpace(ctx.db, id, ctx.actor.personId);
  if (!row) throw notFound('空间');
  return { id, ...rights(ctx, row) };
}

function rights(ctx: Ctx, row: SpaceRow): Omit<Space, 'id'> {
  const { role, personId } = ctx.actor;
  const owner = row.ownerId === personId;
  const adminAbove = (ADMINS as readonly TRole[]).includes(role) && scopeCovers(ctx.scope, row.path);
  const head = row.headTeacherIds.includes(personId);
  let canPost = false;
  let canNotice = false;
  let canModerate = adminAbove;
  if (row.kind === 'teacher' || row.kind === 'student') {
    canPost = owner;
    canModerate ||= owner;
  } else if (row.kind === 'class') {
    canPost = row.member && (isTeacher(role) || role === 'student');
    canNotice = head && isTeacher(role);
    canModerate ||= canNotice;
  } else if (row.kind === 'school') {
    canPost = adminAbove || (row.member && isTeacher(role));
    canNotice = adminAbove;
  } else {
    canPost = (owner || row.member) && isTeacher(role);
    canNotice = owner && isTeacher(role);
    canModerate ||= canNotice;
  }
  const participant = !BYSTANDERS.includes(role);
  // Parents read their children's classes; they may only comment in their own child's space.
  const parentOfOwner =
    role === 'parent' && row.ownerId !== null && ctx.scope.personIds.includes(row.ownerId);
  return {
    kind: row.kind,
    name: row.name,
    unitName: row.unitName,
    path: row.path,
    ownerId: row.ownerId,
    headTeacherIds: row.headTeacherIds,
    mine: owner,
    canPost,
    canNotice,
    canAddWork: owner && (row.kind === 'teacher' || row.kind === 'student'),
    canComment: participant && (role !== 'parent' || (row.kind === 'student' && parentOfOwner)),
    canLike: participant,
    canModerate,
  };
}

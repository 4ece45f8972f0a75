import { sql } from 'drizzle-orm';
import { notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { ADMINS, TEACHERS } from '../../platform/http/policy.ts';
import { scopeCovers } from '../../platform/scope/scope.ts';
import type { TRole } from '../identity/identity.schema.ts';
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

interface Row {
  kind: TSpaceKind;
  name: string;
  unitName: string;
  path: string;
  ownerId: string | null;
  headTeacherIds: string[];
  /** The viewer heads, teaches or learns in the class; is a member of the studio; works at the school. */
  member: boolean;
  [key: string]: unknown;
}

/**
 * Resolves a space by the id of what it belongs to and works out the viewer's rights. The guard has
 * already checked that the viewer may see it (platform/scope spaceVisible).
 */
export async function loadSpace(ctx: Ctx, id: string): Promise<Space> {
  const me = ctx.actor.personId;
  const res = await ctx.db.execute<Row>(sql`
    select 'teacher' as kind, p.name, coalesce(sc.name, '') as "unitName", t.path::text as path,
           t.person_id as "ownerId", '{}'::uuid[] as "headTeacherIds", false as member
      from teacher t join person p on p.id = t.person_id left join org_unit sc on sc.id = t.school_id
     where t.person_id = ${id}
    union all
    select 'student', p.name, concat_ws(' ', sc.name, cl.name), s.path::text, s.person_id, '{}', false
      from student s join person p on p.id = s.person_id
      left join org_unit sc on sc.id = s.school_id left join org_unit cl on cl.id = s.class_id
     where s.person_id = ${id}
    union all
    select case when o.kind = 'school' then 'school' else 'class' end, o.name,
           coalesce(sc.name, ''), o.path::text, null,
           coalesce((select array_agg(ra.person_id) from role_assignment ra
                      where ra.role = 'head_teacher' and ra.active and ra.path = o.path), '{}'),
           case when o.kind = 'school' then exists (select 1 from teacher t where t.person_id = ${me} and t.school_id = o.id)
             else exists (select 1 from role_assignment ra where ra.person_id = ${me} and ra.role = 'head_teacher'
                            and ra.active and ra.path = o.path)
               or exists (select 1 from teaching_assignment ta join term tm on tm.id = ta.term_id and tm.current
                           where ta.teacher_id = ${me} and ta.class_id = o.id)
               or exists (select 1 from student s where s.person_id = ${me} and s.class_id = o.id)
               or exists (select 1 from teaching_class_member m where m.student_id = ${me} and m.teaching_class_id = o.id)
           end
      from org_unit o left join org_unit sc on sc.id = o.school_id
     where o.id = ${id} and o.kind in ('school', 'class', 'teaching_class')
    union all
    select 'studio', st.name, u.name, st.path::text, st.lead_id, '{}',
           exists (select 1 from studio_member m where m.studio_id = st.id and m.person_id = ${me})
      from studio st join org_unit u on u.id = st.org_unit_id
     where st.id = ${id} and st.active`);
  const row = res.rows[0];
  if (!row) throw notFound('空间');
  return { id, ...rights(ctx, row) };
}

function rights(ctx: Ctx, row: Row): Omit<Space, 'id'> {
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

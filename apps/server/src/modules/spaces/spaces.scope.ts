import { type SQL, sql } from 'drizzle-orm';
import { or, RLS, underMembers, underPaths } from '../../platform/db/row-security.ts';
import { firstId, NO_SUCH_ID } from '../../platform/scope/matrix.ts';
import type { ScopeRules } from '../../platform/scope/registry.ts';
import { pathWithin, type Scope } from '../../platform/scope/scope.ts';
import { studentVisible } from '../roster/roster.scope.ts';

declare module '../../platform/scope/registry.ts' {
  interface ScopedEntityKinds {
    /** A learning space, addressed by the id of what it belongs to (teacher, class, student, studio, school). */
    space: true;
    /** A post in a learning space. */
    space_post: true;
  }
}
declare module '../../platform/scope/matrix.ts' {
  interface MatrixTargets {
    /** a post in the class's space */
    classPost: string;
    /** the studio (名师工作室) of the class's district */
    studio: string;
  }
}

/**
 * Learning spaces (S1–S3), addressed by the id of what they belong to. Teachers', schools' and
 * studios' spaces are open to everyone signed in; a class space to the class's teachers, students and
 * their parents and the administrators above it; a student's space to the student, their parents,
 * their teachers and administrators (as the student's record is).
 */
export function spaceVisible(scope: Scope, id: SQL): SQL {
  const classInScope = scope.all
    ? sql`true`
    : sql`(${pathWithin(sql`o.path`, scope.paths)} or ${pathWithin(sql`o.path`, scope.memberPaths)})`;
  return sql`(exists (select 1 from teacher t where t.person_id = ${id})
    or exists (select 1 from studio st where st.id = ${id} and st.active)
    or exists (select 1 from org_unit o where o.id = ${id}
               and (o.kind = 'school' or (o.kind in ('class', 'teaching_class') and ${classInScope})))
    or exists (select 1 from student s where s.person_id = ${id}
               and ${studentVisible(scope, sql`s.person_id`, sql`s.path`)}))`;
}

/**
 * `space_post` is not among the tables: a post's space never changes, and a deleted post is "not
 * found" in the handler whatever the guard's cache says.
 */
const SPACE_TABLES = ['teacher', 'studio', 'org_unit', 'student', 'teaching_class_member'];

export const spaceScope: ScopeRules = {
  module: 'spaces',
  // Row-level security: posts as the guard's `space` kind sees their space; comments, likes, files
  // and read receipts with their post.
  rowSecurity: [
    { table: 'studio', read: RLS.signedIn, write: or(underPaths('path'), `lead_id = ${RLS.actor}`) },
    {
      table: 'studio_member',
      read: RLS.signedIn,
      write: `exists (select 1 from studio s where s.id = studio_member.studio_id and (${underPaths('s.path')} or s.lead_id = ${RLS.actor}))`,
    },
    {
      table: 'space_post',
      read: or(
        "space_kind in ('teacher', 'school', 'studio')",
        `(space_kind = 'class' and (${underPaths('space_path')} or ${underMembers('space_path')}))`,
        "(space_kind = 'student' and exists (select 1 from student s where s.person_id = space_post.space_id))",
      ),
      write: `author_id = ${RLS.actor}`,
    },
    {
      table: 'space_post_file',
      read: 'exists (select 1 from space_post p where p.id = space_post_file.post_id)',
    },
    {
      table: 'space_comment',
      read: 'exists (select 1 from space_post p where p.id = space_comment.post_id)',
      write: `author_id = ${RLS.actor}`,
    },
    {
      table: 'space_like',
      read: 'exists (select 1 from space_post p where p.id = space_like.post_id)',
      write: `person_id = ${RLS.actor}`,
    },
    {
      table: 'space_notice_read',
      read: 'exists (select 1 from space_post p where p.id = space_notice_read.post_id)',
      write: `person_id = ${RLS.actor}`,
    },
    {
      table: 'space_collection',
      read: or(
        `person_id = ${RLS.actor}`,
        'exists (select 1 from teacher t where t.person_id = space_collection.person_id)',
        'exists (select 1 from student s where s.person_id = space_collection.person_id)',
      ),
      write: `person_id = ${RLS.actor}`,
    },
    // The dashboard's rollups, written by the daily job (a system scope) only, read under the actor's subtrees.
    { table: 'space_use_rollup', read: underPaths('path'), write: 'false' },
    {
      table: 'space_activity_rollup',
      // Cheaper than the posts' rule (no look into students): it is checked on every row a dashboard
      // reads, and only administrators, whose subtrees hold the children's spaces they see, read it.
      read: or(
        "space_kind in ('teacher', 'school', 'studio')",
        underPaths('space_path'),
        underMembers('space_path'),
      ),
      write: 'false',
    },
    {
      table: 'space_use_day',
      read: or(
        `person_id = ${RLS.actor}`,
        `exists (select 1 from student s where s.person_id = space_use_day.person_id and ${underPaths('s.path')})`,
        `exists (select 1 from teacher t where t.person_id = space_use_day.person_id and ${underPaths('t.path')})`,
      ),
      write: `person_id = ${RLS.actor}`,
    },
  ],
  kinds: [
    {
      kind: 'space',
      visible: ({ scope }, id) => spaceVisible(scope, sql`${id}::uuid`),
      tables: SPACE_TABLES,
      // Teachers', schools' and studios' spaces are open to all; a class's and a child's are not.
      matrix: { outOfScope: (t) => [t.class, t.student] },
    },
    {
      kind: 'space_post',
      visible: ({ scope }, id) =>
        sql`exists (select 1 from space_post p where p.id = ${id} and ${spaceVisible(scope, sql`p.space_id`)})`,
      tables: SPACE_TABLES,
      matrix: { outOfScope: (t) => [t.classPost] },
    },
  ],
  matrix: {
    targets: async (tx, places) => ({
      classPost: await firstId(
        tx,
        sql`select p.id from space_post p where p.space_id = ${places.classId}
             order by p.created_at, p.id limit 1`,
      ),
      studio: await firstId(
        tx,
        sql`select st.id from studio st join org_unit c on c.id = ${places.classId}
             where c.path <@ st.path order by nlevel(st.path) desc, st.id limit 1`,
      ),
    }),
    writes: {
      // Another class's space, another student's space, and posts there.
      'POST /api/spaces/:id/posts': (t) => [
        { url: `/api/spaces/${t.class}/posts`, body: { body: '越界发帖' } },
        { url: `/api/spaces/${t.class}/posts`, body: { kind: 'notice', title: '越界通知', body: '越界' } },
        { url: `/api/spaces/${t.student}/posts`, body: { body: '越界发帖' } },
      ],
      'POST /api/space-posts/:id/files': (t) => [{ url: `/api/space-posts/${t.classPost}/files` }],
      'POST /api/space-posts/:id/delete': (t) => [{ url: `/api/space-posts/${t.classPost}/delete` }],
      'POST /api/space-posts/:id/comments': (t) => [
        { url: `/api/space-posts/${t.classPost}/comments`, body: { body: '越界评论' } },
      ],
      'POST /api/space-posts/:id/comments/:commentId/delete': (t) => [
        { url: `/api/space-posts/${t.classPost}/comments/${NO_SUCH_ID}/delete` },
      ],
      'POST /api/space-posts/:id/like': (t) => [
        { url: `/api/space-posts/${t.classPost}/like`, body: { liked: true } },
      ],
      'POST /api/space-posts/:id/read': (t) => [{ url: `/api/space-posts/${t.classPost}/read` }],
      'POST /api/resources/:id/collected': (t) => [
        { url: `/api/resources/${t.resource}/collected`, body: { collected: true } },
      ],
      // Studios: only the unit that set one up manages it, and only with its own teachers.
      'POST /api/studios': (t) => [{ url: '/api/studios', body: { name: '越界工作室', leadId: t.teacher } }],
      'POST /api/studios/:id/members': (t, own) => [
        { url: `/api/studios/${t.studio}/members`, body: { personId: t.teacher } },
        ...(own ? [{ url: `/api/studios/${own.studio}/members`, body: { personId: t.teacher } }] : []),
      ],
      'POST /api/studios/:id/members/:personId/delete': (t) => [
        { url: `/api/studios/${t.studio}/members/${t.teacher}/delete` },
      ],
      'POST /api/studios/:id/retire': (t) => [{ url: `/api/studios/${t.studio}/retire` }],
    },
  },
};

import { type SQL, sql } from 'drizzle-orm';
import { textArray } from '../../platform/scope/scope.ts';

/**
 * What learning spaces hold for a person's home page today, as SQL fragments the portal composes
 * into one statement (every visit reads a home): each is a scalar subquery giving one json value,
 * with fixed text and values bound, so the statement can be prepared once per connection.
 */

/** How far back a home looks for notices and class news. */
const NOTICE_DAYS = 30;
const NEWS_DAYS = 7;

export type NoticeItem = {
  id: string;
  spaceId: string;
  spaceName: string;
  title: string;
  body: string;
  at: string;
};
/** Unread notices: how many, how many per space (a parent's home counts each child's class), the latest. */
export type UnreadNotices = { count: number; perSpace: Record<string, number>; items: NoticeItem[] };

/**
 * Notices of the last 30 days in the spaces `spaces` names (a query with a column `id`) that
 * `viewerId` has not confirmed reading, as `{ count, perSpace, items }` (the latest `shown`).
 */
function unreadNoticesIn(viewerId: string, spaces: SQL, shown: number): SQL {
  return sql`(with x as (
      select p.id, p.space_id, p.title, p.body, p.created_at, coalesce(o.name, st.name, '') as space_name,
             row_number() over (order by p.created_at desc) as rn
        from space_post p left join org_unit o on o.id = p.space_id left join studio st on st.id = p.space_id
       where p.space_id in (${spaces}) and p.kind = 'notice' and p.author_id <> ${viewerId}
         and p.created_at > now() - make_interval(days => ${NOTICE_DAYS})
         and not exists (select 1 from space_notice_read r where r.post_id = p.id and r.person_id = ${viewerId}))
    select json_build_object(
      'count', (select count(*)::int from x),
      'perSpace', (select coalesce(json_object_agg(g.space_id, g.n), '{}') from
                     (select space_id, count(*)::int as n from x group by space_id) g),
      'items', (select coalesce(json_agg(json_build_object('id', x.id, 'spaceId', x.space_id, 'spaceName', x.space_name,
                                                            'title', x.title, 'body', left(x.body, 120), 'at', x.created_at)
                                          order by x.created_at desc), '[]') from x where x.rn <= ${shown})))`;
}

/** Unread notices of the classes at `classPaths` (a pupil's classes, a parent's children's). */
export const unreadClassNotices = (viewerId: string, classPaths: readonly string[], shown: number): SQL =>
  unreadNoticesIn(
    viewerId,
    sql`select o.id from org_unit o where o.path = any(${textArray(classPaths, 'ltree')})`,
    shown,
  );

/** Unread notices a teacher receives: their school's, and those of the studios they lead or belong to. */
export const unreadStaffNotices = (viewerId: string, schoolId: string | null, shown: number): SQL =>
  unreadNoticesIn(
    viewerId,
    sql`select ${schoolId}::uuid union all select m.studio_id from studio_member m where m.person_id = ${viewerId}
        union all select st.id from studio st where st.lead_id = ${viewerId} and st.active`,
    shown,
  );

export type NewsItem = {
  id: string;
  spaceId: string;
  spaceName: string;
  body: string;
  authorId: string;
  authorName: string;
  /** The author is a learner: other learners see them as 「X同学」 (resources/learner-names). */
  authorLearner: boolean;
  at: string;
};

/**
 * Posts of the last seven days by others in the class spaces at `classPaths`, the latest
 * `perClass` of each class, newest first, as a json array.
 */
export function classNews(viewerId: string, classPaths: readonly string[], perClass: number): SQL {
  return sql`(select coalesce(json_agg(json_build_object('id', x.id, 'spaceId', x.space_id, 'spaceName', x.space_name,
                                   'body', left(x.body, 120), 'authorId', x.author_id, 'authorName', a.name,
                                   'authorLearner', a.learner, 'at', x.created_at) order by x.created_at desc), '[]')
      from (select p.id, p.space_id, o.name as space_name, p.body, p.author_id, p.created_at,
                   row_number() over (partition by p.space_id order by p.created_at desc) as rn
              from org_unit o join space_post p on p.space_id = o.id
             where o.path = any(${textArray(classPaths, 'ltree')}) and p.kind = 'post' and p.author_id <> ${viewerId}
               and p.created_at > now() - make_interval(days => ${NEWS_DAYS})) x
      join person_directory a on a.id = x.author_id
     where x.rn <= ${perClass})`;
}

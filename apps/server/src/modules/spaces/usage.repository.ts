import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { TODAY } from '../../platform/db/types.ts';
import { consentGranted } from '../privacy/consent.repository.ts';

export type UnitUseRow = {
  id: string;
  name: string;
  /** The unit's path; null for the people above the units' level (counted in the totals only). */
  unitPath: string | null;
  teachers: number;
  activeTeachers: number;
  students: number;
  activeStudents: number;
};

/**
 * Active teachers and enrolled students under `root`, and how many of them used their spaces on at
 * least `activeDays` of the last `windowDays` days, grouped by the units at depth `unitDepth`.
 */
export async function countActiveByUnit(
  tx: Tx,
  root: string,
  unitDepth: number,
  w: { activeDays: number; windowDays: number },
): Promise<UnitUseRow[]> {
  const rows = await tx.execute<UnitUseRow>(sql`
    with active as (
      select person_id from space_use_day where day > ${TODAY} - ${w.windowDays}::int
       group by person_id having count(*) >= ${w.activeDays}::int
    ), people as (
      select 'teacher' as who, t.path, a.person_id is not null as active from teacher t
        left join active a on a.person_id = t.person_id where t.status = 'active' and t.path <@ ${root}::ltree
      union all
      select 'student', s.path, a.person_id is not null from student s
        left join active a on a.person_id = s.person_id where s.status = 'enrolled' and s.path <@ ${root}::ltree
    ), grouped as (
      select case when nlevel(path) >= ${unitDepth}::int then subpath(path, 0, ${unitDepth}::int) end as unit_path,
             count(*) filter (where who = 'teacher')::int as teachers,
             count(*) filter (where who = 'teacher' and active)::int as "activeTeachers",
             count(*) filter (where who = 'student')::int as students,
             count(*) filter (where who = 'student' and active)::int as "activeStudents"
        from people group by 1
    )
    select o.id, coalesce(o.name, '') as name, g.unit_path::text as "unitPath", g.teachers, g."activeTeachers",
           g.students, g."activeStudents"
      from grouped g left join org_unit o on o.path = g.unit_path
     order by g.unit_path nulls first`);
  return rows.rows;
}

export type LivelySpace = {
  id: string;
  kind: string;
  name: string;
  unitName: string;
  posts: number;
  comments: number;
  likes: number;
};

/** The ten liveliest spaces under `root` in the last `windowDays` days: posts weigh 3, comments 2, likes 1. */
export async function listLivelySpaces(tx: Tx, root: string, windowDays: number): Promise<LivelySpace[]> {
  const res = await tx.execute<LivelySpace>(sql`
    with recent as (
      select p.id, p.space_id, p.space_kind, p.created_at > now() - make_interval(days => ${windowDays}::int) as fresh
        from space_post p where p.space_path <@ ${root}::ltree
    ), scored as (
      select r.space_id, r.space_kind,
             count(*) filter (where r.fresh)::int as posts,
             (select count(*)::int from space_comment c join recent r2 on r2.id = c.post_id
               where r2.space_id = r.space_id and c.created_at > now() - make_interval(days => ${windowDays}::int)) as comments,
             (select count(*)::int from space_like l join recent r2 on r2.id = l.post_id
               where r2.space_id = r.space_id and l.created_at > now() - make_interval(days => ${windowDays}::int)) as likes
        from recent r group by r.space_id, r.space_kind
    )
    select s.space_id as id, s.space_kind as kind,
           coalesce((select name from person_directory where id = s.space_id), (select name from org_unit where id = s.space_id),
                    (select name from studio where id = s.space_id), '') as name,
           coalesce((select sc.name from teacher t join org_unit sc on sc.id = t.school_id where t.person_id = s.space_id),
                    (select concat_ws(' ', sc.name, cl.name) from student st join org_unit sc on sc.id = st.school_id
                       join org_unit cl on cl.id = st.class_id where st.person_id = s.space_id),
                    (select sc.name from org_unit o join org_unit sc on sc.id = o.school_id where o.id = s.space_id),
                    (select u.name from studio st join org_unit u on u.id = st.org_unit_id where st.id = s.space_id),
                    '') as "unitName",
           s.posts, s.comments, s.likes
      from scored s where s.posts + s.comments + s.likes > 0
       -- A child's space is shown beyond the class only with consent (a guardian's under 14).
       and (s.space_kind <> 'student' or ${consentGranted(sql`s.space_id`, 'showcase')})
     order by s.posts * 3 + s.comments * 2 + s.likes desc, s.space_id limit 10`);
  return res.rows;
}

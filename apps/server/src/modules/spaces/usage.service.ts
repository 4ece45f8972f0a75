import { sql } from 'drizzle-orm';
import { TODAY } from '../../platform/db/types.ts';
import type { Ctx } from '../../platform/http/context.ts';

/** S3: the share of teachers and students who used their spaces on at least 4 of the last 30 days. */
export const ACTIVE_DAYS = 4;
export const WINDOW_DAYS = 30;
export const TARGET_SHARE = 0.8;

type UnitRow = {
  id: string;
  name: string;
  teachers: number;
  activeTeachers: number;
  students: number;
  activeStudents: number;
};

/**
 * The space-use dashboard of an administrator's unit: for the city by district, for a district by
 * school, for a school by class (teachers then count for the school as a whole), with the totals
 * against the 80% target and the most active spaces of the last 30 days.
 */
export async function spaceUsage(ctx: Ctx) {
  const root = ctx.actor.orgPath;
  const depth = root.split('.').length;
  // Teachers belong to a school (depth 3); below that level they count only in the totals.
  const level: 'district' | 'school' | 'class' = depth === 1 ? 'district' : depth === 2 ? 'school' : 'class';
  const unitDepth = depth + (level === 'class' ? 2 : 1);
  const rows = await ctx.db.execute<UnitRow & { unitPath: string | null }>(sql`
    with active as (
      select person_id from space_use_day where day > ${TODAY} - ${WINDOW_DAYS}::int
       group by person_id having count(*) >= ${ACTIVE_DAYS}::int
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
  const total = { teachers: 0, activeTeachers: 0, students: 0, activeStudents: 0 };
  for (const r of rows.rows) {
    total.teachers += r.teachers;
    total.activeTeachers += r.activeTeachers;
    total.students += r.students;
    total.activeStudents += r.activeStudents;
  }
  const share = (n: number, of: number) => (of === 0 ? null : Math.round((n / of) * 1000) / 1000);
  return {
    level,
    target: TARGET_SHARE,
    activeDays: ACTIVE_DAYS,
    windowDays: WINDOW_DAYS,
    total: {
      ...total,
      teacherShare: share(total.activeTeachers, total.teachers),
      studentShare: share(total.activeStudents, total.students),
    },
    rows: rows.rows
      .filter((r) => r.unitPath !== null && r.id)
      .map(({ unitPath: _p, ...r }) => ({
        ...r,
        teacherShare: level === 'class' ? null : share(r.activeTeachers, r.teachers),
        studentShare: share(r.activeStudents, r.students),
      })),
    outstanding: await outstandingSpaces(ctx, root),
  };
}

/** The ten liveliest spaces under a unit in the last 30 days: posts weigh 3, comments 2, likes 1. */
async function outstandingSpaces(ctx: Ctx, root: string) {
  const res = await ctx.db.execute<{
    id: string;
    kind: string;
    name: string;
    unitName: string;
    posts: number;
    comments: number;
    likes: number;
  }>(sql`
    with recent as (
      select p.id, p.space_id, p.space_kind, p.created_at > now() - make_interval(days => ${WINDOW_DAYS}::int) as fresh
        from space_post p where p.space_path <@ ${root}::ltree
    ), scored as (
      select r.space_id, r.space_kind,
             count(*) filter (where r.fresh)::int as posts,
             (select count(*)::int from space_comment c join recent r2 on r2.id = c.post_id
               where r2.space_id = r.space_id and c.created_at > now() - make_interval(days => ${WINDOW_DAYS}::int)) as comments,
             (select count(*)::int from space_like l join recent r2 on r2.id = l.post_id
               where r2.space_id = r.space_id and l.created_at > now() - make_interval(days => ${WINDOW_DAYS}::int)) as likes
        from recent r group by r.space_id, r.space_kind
    )
    select s.space_id as id, s.space_kind as kind,
           coalesce((select name from person where id = s.space_id), (select name from org_unit where id = s.space_id),
                    (select name from studio where id = s.space_id), '') as name,
           coalesce((select sc.name from teacher t join org_unit sc on sc.id = t.school_id where t.person_id = s.space_id),
                    (select concat_ws(' ', sc.name, cl.name) from student st join org_unit sc on sc.id = st.school_id
                       join org_unit cl on cl.id = st.class_id where st.person_id = s.space_id),
                    (select sc.name from org_unit o join org_unit sc on sc.id = o.school_id where o.id = s.space_id),
                    (select u.name from studio st join org_unit u on u.id = st.org_unit_id where st.id = s.space_id),
                    '') as "unitName",
           s.posts, s.comments, s.likes
      from scored s where s.posts + s.comments + s.likes > 0
     order by s.posts * 3 + s.comments * 2 + s.likes desc, s.space_id limit 10`);
  return res.rows;
}

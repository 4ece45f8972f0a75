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

/** The last day of the window the rollups were built for, or null before the first build. */
export async function latestRollupDay(tx: Tx): Promise<string | null> {
  const res = await tx.execute<{ day: string | null }>(
    sql`select max(day)::text as day from space_use_rollup`,
  );
  return res.rows[0]?.day ?? null;
}

/** True when the rollups do not yet cover the last closed day (yesterday in Beijing). */
export async function rollupDue(tx: Tx): Promise<boolean> {
  const res = await tx.execute<{ due: boolean }>(
    sql`select coalesce(max(day) < ${TODAY} - 1, true) as due from space_use_rollup`,
  );
  return res.rows[0]?.due ?? true;
}

/**
 * Replaces the rollups with those of the `windowDays` closed days ending yesterday: people and
 * active people per org path (a person is active with use on at least `activeDays` of them), and
 * each space's posts, comments and likes. One pass over the window's use days, posts, comments
 * and likes; the old rows go in the same transaction, so readers see the old or the new, whole.
 */
export async function rebuildRollups(
  tx: Tx,
  w: { activeDays: number; windowDays: number },
): Promise<{ day: string; paths: number; spaces: number }> {
  const day = sql`(${TODAY} - 1)`;
  const since = sql`((${day} - ${w.windowDays - 1}::int)::timestamp at time zone 'Asia/Shanghai')`;
  const until = sql`((${day} + 1)::timestamp at time zone 'Asia/Shanghai')`;
  // Sorting and hashing a city's use days (19 million rows at 2,000,000 students) in memory, not on disk.
  await tx.execute(sql`set local work_mem = '128MB'`);
  await tx.execute(sql`delete from space_use_rollup`);
  await tx.execute(sql`delete from space_activity_rollup`);
  const people = await tx.execute(sql`
    insert into space_use_rollup (day, path, teachers, active_teachers, students, active_students)
    with active as materialized (
      select person_id from space_use_day where day > ${day} - ${w.windowDays}::int and day <= ${day}
       group by person_id having count(*) >= ${w.activeDays}::int
    ), people as (
      select t.path, 1 as teacher, (a.person_id is not null)::int as active from teacher t
        left join active a on a.person_id = t.person_id where t.status = 'active'
      union all
      select s.path, 0, (a.person_id is not null)::int from student s
        left join active a on a.person_id = s.person_id where s.status = 'enrolled'
    )
    select ${day}, path, sum(teacher), sum(teacher * active), sum(1 - teacher), sum((1 - teacher) * active)
      from people group by path`);
  const spaces = await tx.execute(sql`
    insert into space_activity_rollup (day, space_id, space_kind, space_path, posts, comments, likes, score, showable)
    with acts as (
      select p.space_id, p.space_kind, p.space_path, p.created_at, 1 as posts, 0 as comments, 0 as likes
        from space_post p where p.created_at >= ${since} and p.created_at < ${until}
      union all
      select p.space_id, p.space_kind, p.space_path, p.created_at, 0, 1, 0
        from space_comment c join space_post p on p.id = c.post_id
       where c.created_at >= ${since} and c.created_at < ${until}
      union all
      select p.space_id, p.space_kind, p.space_path, p.created_at, 0, 0, 1
        from space_like l join space_post p on p.id = l.post_id
       where l.created_at >= ${since} and l.created_at < ${until}
    )
    select ${day}, space_id, space_kind, (array_agg(space_path order by created_at desc))[1],
           sum(posts), sum(comments), sum(likes), sum(posts * 3 + comments * 2 + likes),
           space_kind <> 'student' or ${consentGranted(sql`space_id`, 'showcase')}
      from acts group by space_id, space_kind`);
  const d = await tx.execute<{ day: string }>(sql`select ${day}::text as day`);
  return { day: d.rows[0]!.day, paths: people.rowCount ?? 0, spaces: spaces.rowCount ?? 0 };
}

/**
 * Teachers and students under `root` and the active ones among them, grouped by the units at depth
 * `unitDepth`, from the rollup of `day`: a sum over the unit's classes and schools, not its people.
 */
export async function countActiveByUnit(
  tx: Tx,
  day: string,
  root: string,
  unitDepth: number,
): Promise<UnitUseRow[]> {
  const rows = await tx.execute<UnitUseRow>(sql`
    with grouped as (
      select case when nlevel(path) >= ${unitDepth}::int then subpath(path, 0, ${unitDepth}::int) end as unit_path,
             sum(teachers)::int as teachers, sum(active_teachers)::int as "activeTeachers",
             sum(students)::int as students, sum(active_students)::int as "activeStudents"
        from space_use_rollup where day = ${day}::date and path <@ ${root}::ltree group by 1
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

/** Candidates are read in pages of this many, best first, until ten may be shown. */
const CANDIDATES = 30;

/**
 * The ten liveliest spaces under `root` in the rollup of `day` (posts weigh 3, comments 2, likes 1)
 * that may be shown: a child's space only while a guardian's consent holds, checked now on the few
 * best candidates rather than on every space of the city.
 */
export async function listLivelySpaces(tx: Tx, day: string, root: string): Promise<LivelySpace[]> {
  type Candidate = { id: string; kind: string; posts: number; comments: number; likes: number };
  const chosen: Candidate[] = [];
  for (let offset = 0; chosen.length < 10; offset += CANDIDATES) {
    const page = await tx.execute<Candidate & { shown: boolean }>(sql`
      with cand as materialized (
        select a.space_id, a.space_kind, a.posts, a.comments, a.likes, a.score from space_activity_rollup a
         where a.day = ${day}::date and a.showable and a.space_path <@ ${root}::ltree
         order by a.score desc, a.space_id limit ${CANDIDATES} offset ${offset}
      )
      select cand.space_id as id, cand.space_kind as kind, cand.posts, cand.comments, cand.likes,
             cand.space_kind <> 'student' or ${consentGranted(sql`cand.space_id`, 'showcase')} as shown
        from cand order by cand.score desc, cand.space_id`);
    chosen.push(...page.rows.filter((r) => r.shown).slice(0, 10 - chosen.length));
    if (page.rows.length < CANDIDATES) break;
  }
  if (chosen.length === 0) return [];
  const res = await tx.execute<LivelySpace>(sql`
    select s.id, s.kind,
           coalesce((select name from person_directory where id = s.id), (select name from org_unit where id = s.id),
                    (select name from studio where id = s.id), '') as name,
           coalesce((select sc.name from teacher t join org_unit sc on sc.id = t.school_id where t.person_id = s.id),
                    (select concat_ws(' ', sc.name, cl.name) from student st join org_unit sc on sc.id = st.school_id
                       join org_unit cl on cl.id = st.class_id where st.person_id = s.id),
                    (select sc.name from org_unit o join org_unit sc on sc.id = o.school_id where o.id = s.id),
                    (select u.name from studio st join org_unit u on u.id = st.org_unit_id where st.id = s.id),
                    '') as "unitName",
           s.posts, s.comments, s.likes
      from jsonb_to_recordset(${JSON.stringify(chosen.map((c, n) => ({ ...c, n })))}::jsonb)
           as s(id uuid, kind text, posts int, comments int, likes int, n int)
     order by s.n`);
  return res.rows;
}

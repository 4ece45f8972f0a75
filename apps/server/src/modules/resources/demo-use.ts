import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { TODAY } from '../../platform/db/types.ts';

const LOW_RATINGS: [number, string][] = [
  [2, '画面太暗，板书看不清'],
  [1, '声音很小，听不清老师讲什么'],
  [2, '讲得太快了，例题没有讲透'],
  [3, '内容还可以，但是录音有杂音'],
  [2, '和课本的例题对不上'],
  [1, '视频只有一半'],
];

/** What learners write under a rating, by kind of resource; an empty one is a rating without words. */
const COMMENTS: Record<string, string[]> = {
  micro_lesson: [
    '讲得很清楚，我听懂了',
    '例题很典型，谢谢老师',
    '预习的时候看了，上课轻松多了',
    '希望多出几节这样的微课',
    '',
    '',
  ],
  video: ['朗读很好听，我跟着读了三遍', '停顿标得很清楚', '听了几遍就会背了', '', ''],
  courseware: ['课件很清楚，复习的时候很有用', '图画得很好看', '', ''],
  exercise_set: ['题目有难有易，正好练一练', '答案解析很详细', '拓展题有点难', '', ''],
};

/**
 * The demo library in use, as if the city had used it for a while: each published resource seen by
 * a few schools (more the more appealing it is, `appeal` 0–1) about once a week in the last 60 days
 * since it was published; ratings from learners of its grade, mostly good; and one lesson that learners rated
 * low, so statistics, ranking and the retirement check have something to show. Bounded by the size
 * of the library, not of the city. Resources not listed (the 2019 channel) stay unused on purpose.
 */
export async function seedDemoUse(tx: Tx, library: { id: string; appeal: number }[]) {
  const json = JSON.stringify(library);
  await tx.execute(sql`
    with s as (select path, (row_number() over (order by id) - 1)::int as n from org_unit where kind = 'school'),
         c as (select count(*)::int as total from s),
         x as (select x.id, x.appeal, (r.published_at at time zone 'Asia/Shanghai')::date as published
                 from jsonb_to_recordset(${json}::jsonb) as x(id uuid, appeal float8) join resource r on r.id = x.id)
    insert into resource_use (resource_id, viewer_path, day, views, completions, downloads)
    select x.id, s.path, ${TODAY} - d, 1 + floor(x.appeal * 30)::int + abs(hashtext(x.id::text || s.path::text || d)) % 5,
           floor(x.appeal * 12)::int + abs(hashtext(x.id::text || s.path::text || d || 'c')) % 3,
           abs(hashtext(x.id::text || s.path::text || d || 'd')) % 3
      from x cross join c cross join lateral generate_series(1, 1 + floor(x.appeal * 4)::int) k
      join s on s.n = (abs(hashtext(x.id::text))::bigint + k * 7919) % c.total
      cross join lateral generate_series(1 + abs(hashtext(x.id::text || k)) % 7, 59, 7) d
     where ${TODAY} - d >= x.published
    on conflict do nothing`);
  const low = await tx.execute<{ id: string; district: string }>(sql`
    select r.id, r.district_id as district from resource r join account a on a.person_id = r.author_id
     where r.status = 'published' and r.kind = 'micro_lesson' and a.username <> 'teacher_demo'
     order by r.id desc limit 1`);
  const lesson = low.rows[0];
  if (lesson) {
    await tx.execute(sql`
      with raters as (
        select s.person_id, row_number() over (order by md5(s.person_id::text)) as n
          from student s where s.district_id = ${lesson.district} and s.status = 'enrolled'
         order by n limit ${LOW_RATINGS.length})
      insert into resource_rating (resource_id, person_id, stars, comment)
      select ${lesson.id}, r.person_id, (x.value ->> 0)::smallint, x.value ->> 1
        from raters r join jsonb_array_elements(${JSON.stringify(LOW_RATINGS)}::jsonb) with ordinality as x(value, n) on x.n = r.n`);
  }
  // Up to a dozen ratings each (none for the least appealing), from students of the resource's grade,
  // in the evenings after it was published.
  await tx.execute(sql`
    with st as materialized (
      select s.person_id, c.grade_code, (row_number() over (partition by c.grade_code order by md5(s.person_id::text)) - 1)::int as n
        from student s join org_unit c on c.id = s.class_id where s.status = 'enrolled'
    ), grades as (select grade_code, count(*)::int as total from st group by grade_code
    ), wanted as materialized (
      select x.id, r.kind, r.grade_code, k, ((abs(hashtext(x.id::text))::bigint + k * 104729) % g.total)::int as n,
             ((r.published_at at time zone 'Asia/Shanghai')::date + 1 + k % 20 + interval '18 hours'
               + make_interval(mins => abs(hashtext(x.id::text || k)) % 210)) at time zone 'Asia/Shanghai' as at
        from jsonb_to_recordset(${json}::jsonb) as x(id uuid, appeal float8) join resource r on r.id = x.id
        join grades g on g.grade_code = r.grade_code
        cross join lateral generate_series(1, floor(x.appeal * 12)::int) k
       where not exists (select 1 from resource_rating rr where rr.resource_id = r.id)
    ), rated as (
      select w.id, st.person_id, w.kind, w.at, abs(hashtext(w.id::text || st.person_id::text)) as h
        from wanted w join st on st.grade_code = w.grade_code and st.n = w.n
    )
    insert into resource_rating (resource_id, person_id, stars, comment, created_at, updated_at)
    select id, person_id, case when h % 20 = 0 then 3 when h % 20 < 7 then 4 else 5 end,
           coalesce((${sql.raw(commentsCase())})[1 + (h / 20) % 6], ''), at, at
      from rated where at < now()
    on conflict do nothing`);
  await tx.execute(sql`
    insert into resource_stat (resource_id, views, completions, downloads, rating_count, rating_sum)
    select r.id, coalesce(u.views, 0), coalesce(u.completions, 0), coalesce(u.downloads, 0),
           coalesce(g.n, 0), coalesce(g.stars, 0)
      from resource r
      left join (select resource_id, sum(views)::int as views, sum(completions)::int as completions,
                        sum(downloads)::int as downloads from resource_use group by resource_id) u on u.resource_id = r.id
      left join (select resource_id, count(*)::int as n, sum(stars)::int as stars from resource_rating group by resource_id) g
             on g.resource_id = r.id
     where u.resource_id is not null or g.resource_id is not null
    on conflict (resource_id) do update set views = excluded.views, completions = excluded.completions,
      downloads = excluded.downloads, rating_count = excluded.rating_count, rating_sum = excluded.rating_sum`);
}

/** `case kind when … then array[…] end`: the comments of a kind (fixed texts, written out as literals). */
function commentsCase(): string {
  const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;
  const arms = Object.entries(COMMENTS).map(
    ([kind, list]) => `when ${lit(kind)} then array[${list.map(lit).join(', ')}]::text[]`,
  );
  return `case kind ${arms.join(' ')} end`;
}

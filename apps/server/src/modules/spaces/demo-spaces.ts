import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../../platform/db/client.ts';
import { TODAY } from '../../platform/db/types.ts';
import {
  CLASS_NOTICES,
  CLASS_POSTS,
  COMMENTS,
  NOTICE_REPLIES,
  STUDENT_POSTS,
  STUDENT_WORKS,
  TEACHER_POSTS,
} from './demo-space-texts.ts';
import { refreshSpaceUsage } from './usage.service.ts';

/** A stable number 0 … n-1 from SQL text (demo data must be the same on every seed). */
const h = (text: ReturnType<typeof sql>, n: number) => sql`(abs(hashtext(${text})) % ${n}::int)`;

/** A text[] built in SQL from one JSON parameter (drizzle would spread a JS array into a list). */
const texts = (list: string[]) =>
  sql`(select array_agg(x order by i) from jsonb_array_elements_text(${JSON.stringify(list)}::jsonb) with ordinality as j(x, i))`;

/**
 * A moment `days` days before today (Beijing time; at least yesterday, so never in the future)
 * between `from` and `to` o'clock, to the second, drawn from `key`: people write when they are
 * awake and at school or at home, not at the time of day the seed happened to run.
 */
const at = (days: ReturnType<typeof sql>, key: ReturnType<typeof sql>, from: number, to: number) =>
  sql`(((${TODAY} - greatest(1, ${days})::int)::timestamp + make_interval(secs => ${from * 3600}::int + ${h(key, (to - from) * 3600)}))
       at time zone 'Asia/Shanghai')`;

/** A moment `from`–`to` minutes (to the second) after `t`: a reply, a like, a read receipt. */
const after = (t: ReturnType<typeof sql>, key: ReturnType<typeof sql>, from: number, to: number) =>
  sql`(${t} + make_interval(secs => ${from * 60}::int + ${h(key, (to - from) * 60)}))`;

/** The title of a lesson of this term in `subject` and `grade`, drawn from `key` (null when none). */
const lessonOf = (
  subject: ReturnType<typeof sql>,
  grade: ReturnType<typeof sql>,
  key: ReturnType<typeof sql>,
) =>
  sql`(select l.title from curriculum_node l join textbook_edition e on e.id = l.edition_id
        where l.kind = 'lesson' and e.subject_code = ${subject} and l.grade_code = ${grade}
          and l.term = coalesce((select seq from term where current limit 1), 1)
        order by md5(l.id::text || ${key}) limit 1)`;

const SUBJECTS: [string, string][] = [
  ['13', '语文'],
  ['14', '数学'],
  ['41', '英语'],
];

/**
 * Demo learning spaces (S1–S3): notices and posts in every class, with likes, comments and read
 * receipts; teachers' reflections and students' works; a notice per school; a studio per district
 * and subject; collected resources; and 30 days of space use, so the dashboard shows schools near
 * and below the 80% target. Everything is derived from ids, so it is the same on every seed.
 */
export async function seedDemoSpaces(database: Database, log: (m: string) => void) {
  const t0 = Date.now();
  await database.db.transaction(async (tx) => {
    await classSpaces(tx);
    await personalSpaces(tx);
    await schoolsAndStudios(tx);
    await distinctSeconds(tx);
    await spaceUse(tx);
    await refreshSpaceUsage(tx, { force: true });
  });
  const n = await database.db.execute<{ posts: number; days: number }>(sql`
    select (select count(*)::int from space_post) as posts, (select count(*)::int from space_use_day) as days`);
  log(
    `[hanlin] demo learning spaces: ${n.rows[0]!.posts} posts, ${n.rows[0]!.days} person-days of use in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
}

async function classSpaces(tx: Tx) {
  const titles = CLASS_NOTICES.map((n) => n[0]);
  const bodies = CLASS_NOTICES.map((n) => n[1]);
  // One or two notices from each head teacher, within the last three weeks, in school hours.
  await tx.execute(sql`
    insert into space_post (id, space_id, space_kind, space_path, author_id, kind, title, body, created_at, updated_at)
    select gen_random_uuid(), o.id, 'class', o.path, ra.person_id, 'notice', n.title, n.body, t.at, t.at
      from org_unit o join role_assignment ra on ra.path = o.path and ra.role = 'head_teacher' and ra.active
      cross join lateral unnest(${texts(titles)}, ${texts(bodies)}) with ordinality as n(title, body, k)
      cross join lateral (select ${at(sql`n.k * 2 + ${h(sql`o.id::text`, 2)}`, sql`o.id::text || n.k`, 7.5, 17.5)} as at) t
     where o.kind = 'class' and n.k in (1 + ${h(sql`o.id::text`, 8)}, 1 + ${h(sql`o.id::text || 'n'`, 8)})`);
  // Teachers share what happened in their lessons, after class; two students of each class post
  // after school.
  await tx.execute(sql`
    insert into space_post (id, space_id, space_kind, space_path, author_id, kind, body, created_at, updated_at)
    select gen_random_uuid(), o.id, 'class', o.path, ta.teacher_id, 'post',
           replace((${texts(CLASS_POSTS)})[1 + ${h(sql`ta.id::text`, CLASS_POSTS.length)}], '{lesson}',
                   coalesce(${lessonOf(sql`ta.subject_code`, sql`o.grade_code`, sql`ta.id::text`)}, '今天的课')),
           t.at, t.at
      from teaching_assignment ta join term tm on tm.id = ta.term_id and tm.current
      join org_unit o on o.id = ta.class_id and o.kind = 'class'
      cross join lateral (select ${at(h(sql`ta.id::text || 'd'`, 25), sql`ta.id::text`, 12, 19)} as at) t
     where ${h(sql`ta.id::text`, 3)} = 0`);
  await tx.execute(sql`
    insert into space_post (id, space_id, space_kind, space_path, author_id, kind, body, created_at, updated_at)
    select gen_random_uuid(), s.class_id, 'class', s.path, s.person_id, 'post',
           (${texts(STUDENT_POSTS)})[1 + ${h(sql`s.person_id::text`, STUDENT_POSTS.length)}], t.at, t.at
      from (select s.*, row_number() over (partition by s.class_id order by md5(s.person_id::text)) as rn
              from student s where s.status = 'enrolled') s
      cross join lateral (select ${at(h(sql`s.person_id::text || 'd'`, 20), sql`s.person_id::text || 't'`, 16.5, 19.5)} as at) t
     where s.rn <= 2`);
  // Classmates like and comment within hours; parents confirm most notices the same evening.
  await tx.execute(sql`
    insert into space_like (post_id, person_id, created_at)
    select p.id, s.person_id, ${after(sql`p.created_at`, sql`p.id::text || s.person_id::text || 'l'`, 5, 150)}
      from space_post p join student s on s.class_id = p.space_id and s.status = 'enrolled'
     where p.space_kind = 'class' and p.kind = 'post' and s.person_id <> p.author_id
       and ${h(sql`p.id::text || s.person_id::text`, 4)} = 0`);
  await tx.execute(sql`
    insert into space_comment (id, post_id, author_id, body, created_at)
    select gen_random_uuid(), p.id, s.person_id,
           case when p.kind = 'notice'
                then (${texts(NOTICE_REPLIES)})[1 + ${h(sql`s.person_id::text || p.id::text || 'c'`, NOTICE_REPLIES.length)}]
                else (${texts(COMMENTS)})[1 + ${h(sql`s.person_id::text || p.id::text || 'c'`, COMMENTS.length)}] end,
           ${after(sql`p.created_at`, sql`p.id::text || s.person_id::text || 'ct'`, 10, 180)}
      from space_post p join student s on s.class_id = p.space_id and s.status = 'enrolled'
     where p.space_kind = 'class' and s.person_id <> p.author_id
       and ${h(sql`p.id::text || s.person_id::text || 'c'`, 18)} = 0`);
  await tx.execute(sql`
    insert into space_notice_read (post_id, person_id, read_at)
    select p.id, g.parent_id, ${after(sql`p.created_at`, sql`p.id::text || g.parent_id::text || 'r'`, 20, 240)}
      from space_post p join student s on s.class_id = p.space_id and s.status = 'enrolled'
      join guardian g on g.student_id = s.person_id
     where p.kind = 'notice' and p.space_kind = 'class' and ${h(sql`p.id::text || g.parent_id::text`, 10)} < 8
    on conflict do nothing`);
}

async function personalSpaces(tx: Tx) {
  const titles = texts(TEACHER_POSTS.map((p) => p[0]));
  const bodies = texts(TEACHER_POSTS.map((p) => p[1]));
  // A third of the teachers write a reflection on a lesson they teach, after school or in the evening.
  await tx.execute(sql`
    insert into space_post (id, space_id, space_kind, space_path, author_id, kind, title, body, created_at, updated_at)
    select gen_random_uuid(), t.person_id, 'teacher', t.path, t.person_id, 'post',
           replace(p.title, '{lesson}', p.lesson), replace(p.body, '{lesson}', p.lesson), a.at, a.at
      from teacher t
      left join lateral (select ta.subject_code, c.grade_code from teaching_assignment ta join org_unit c on c.id = ta.class_id
                          where ta.teacher_id = t.person_id order by ta.subject_code in ('13', '14', '41') desc, ta.id
                          limit 1) ta on true
      cross join lateral (select (${titles})[1 + ${h(sql`t.person_id::text`, TEACHER_POSTS.length)}] as title,
                                 (${bodies})[1 + ${h(sql`t.person_id::text`, TEACHER_POSTS.length)}] as body,
                                 coalesce('《' || ${lessonOf(sql`ta.subject_code`, sql`ta.grade_code`, sql`t.person_id::text`)} || '》',
                                          (select label_zh || '课' from code_entry where category = 'subject' and code = coalesce(ta.subject_code, t.subjects[1])
                                            order by version desc limit 1), '这节课') as lesson) p
      cross join lateral (select ${at(h(sql`t.person_id::text || 'd'`, 28), sql`t.person_id::text || 't'`, 12.5, 22)} as at) a
     where t.status = 'active' and ${h(sql`t.person_id::text`, 3)} = 0`);
  await tx.execute(sql`
    insert into space_post (id, space_id, space_kind, space_path, author_id, kind, title, body, created_at, updated_at)
    select gen_random_uuid(), s.person_id, 'student', s.path, s.person_id, 'work', w.title, w.body, a.at, a.at
      from student s
      cross join lateral (select (${texts(STUDENT_WORKS.map((p) => p[0]))})[1 + ${h(sql`s.person_id::text || 'w'`, STUDENT_WORKS.length)}] as title,
                                 (${texts(STUDENT_WORKS.map((p) => p[1]))})[1 + ${h(sql`s.person_id::text || 'w'`, STUDENT_WORKS.length)}] as body) w
      cross join lateral (select ${at(h(sql`s.person_id::text || 'wd'`, 28), sql`s.person_id::text || 'wt'`, 16.5, 21)} as at) a
     where s.status = 'enrolled' and ${h(sql`s.person_id::text`, 6)} = 0`);
  // Every eighth teacher and student keeps a published resource of their subject or grade.
  await tx.execute(sql`
    with pub as (select id, subject_code, grade_code, row_number() over (order by id) as n from resource where status = 'published'),
         total as (select count(*) as n from pub)
    insert into space_collection (person_id, resource_id, created_at)
    select x.person_id, pub.id, ${at(h(sql`x.person_id::text || 'kd'`, 28), sql`x.person_id::text || 'kt'`, 12, 21.5)}
      from (
      select person_id from teacher where status = 'active' and ${h(sql`person_id::text || 'k'`, 8)} = 0
      union all select person_id from student where status = 'enrolled' and ${h(sql`person_id::text || 'k'`, 8)} = 0) x
      cross join total join pub on pub.n = 1 + ${h(sql`x.person_id::text || 'r'`, 1_000_000)} % greatest(total.n, 1)
    on conflict do nothing`);
}

async function schoolsAndStudios(tx: Tx) {
  await tx.execute(sql`
    insert into space_post (id, space_id, space_kind, space_path, author_id, kind, title, body, created_at, updated_at)
    select gen_random_uuid(), o.id, 'school', o.path, ra.person_id, 'notice', '关于开展校园读书节活动的通知',
           '本学期读书节以“阅读点亮童年”为主题，开展好书推荐、亲子共读和读书小报评比，请各班主任组织学生参加。',
           t.at, t.at
      from org_unit o join role_assignment ra on ra.path = o.path and ra.role = 'school_admin' and ra.active
      cross join lateral (select ${at(sql`9`, sql`o.id::text`, 8.5, 11.5)} as at) t
     where o.kind = 'school'`);
  // A studio per district and subject, led by an experienced teacher of the district, with five members;
  // the demo teacher belongs to her district's mathematics studio.
  for (const [code, name] of SUBJECTS) {
    await tx.execute(sql`
      with lead as (
        select distinct on (t.district_id) t.district_id, t.person_id from teacher t
         where t.status = 'active' and ${code} = any(t.subjects)
           and t.person_id not in (select person_id from account where username = 'teacher_demo')
         order by t.district_id, md5(t.person_id::text || ${code}))
      insert into studio (id, name, description, lead_id, subject_code, org_unit_id, path)
      select gen_random_uuid(), replace(d.name, '教育局', '') || ${`${name}名师工作室`},
             ${`以课堂教学研究为中心，带领成员开展${name}课例研究、同课异构和青年教师培养。`},
             lead.person_id, ${code}, d.id, d.path
        from lead join org_unit d on d.id = lead.district_id`);
    await tx.execute(sql`
      insert into studio_member (studio_id, person_id)
      select st.id, m.person_id from studio st
        cross join lateral (select t.person_id from teacher t
                             where t.district_id = st.org_unit_id and t.status = 'active' and ${code} = any(t.subjects)
                               and t.person_id <> st.lead_id order by md5(t.person_id::text || 'm') limit 5) m
       where st.subject_code = ${code}
      union
      select st.id, a.person_id from studio st join account a on a.username = 'teacher_demo'
        join teacher t on t.person_id = a.person_id and t.district_id = st.org_unit_id
       where st.subject_code = ${code} and ${code} = any(t.subjects)
      on conflict do nothing`);
  }
  await tx.execute(sql`
    insert into space_post (id, space_id, space_kind, space_path, author_id, kind, title, body, created_at, updated_at)
    select gen_random_uuid(), st.id, 'studio', st.path, st.lead_id, 'notice', '本月教研活动安排',
           '第三周周三下午 2:30 开展同课异构研讨，请成员提前准备教学设计，活动后提交一份反思。',
           ${at(sql`6`, sql`st.id::text`, 9, 11.5)}, ${at(sql`6`, sql`st.id::text`, 9, 11.5)}
      from studio st
    union all
    select gen_random_uuid(), st.id, 'studio', st.path, m.person_id, 'post', '',
           '分享一份单元整体教学设计，欢迎各位老师提出修改意见。',
           ${at(sql`3`, sql`st.id::text || 'p'`, 13, 21)}, ${at(sql`3`, sql`st.id::text || 'p'`, 13, 21)}
      from studio st join lateral (select person_id from studio_member where studio_id = st.id
                                    order by md5(person_id::text) limit 1) m on true`);
}

/**
 * Posts drawn to the same second move a second apart, so that no two people, with the same text or
 * not, are seen posting at the very same moment. Times are whole seconds.
 */
async function distinctSeconds(tx: Tx) {
  await tx.execute(sql`
    update space_post p set created_at = p.created_at + make_interval(secs => x.rn - 1), updated_at = p.updated_at + make_interval(secs => x.rn - 1)
      from (select id, row_number() over (partition by created_at order by id) as rn from space_post) x
     where x.id = p.id and x.rn > 1`);
}

/**
 * 30 days of use. Each school has its own share of regular users (68–98%); a regular user used the
 * spaces on about a third of the days, others on a day or two, so some schools and classes fall
 * below the 80% target. Inactive teachers and students stay out.
 */
async function spaceUse(tx: Tx) {
  await tx.execute(sql`
    with people as (
      select person_id, school_id from teacher where status = 'active'
      union all select person_id, school_id from student where status = 'enrolled'
    )
    insert into space_use_day (person_id, day, uses)
    select p.person_id, ${TODAY} - d, 1 + ${h(sql`p.person_id::text || d`, 6)}
      from people p cross join generate_series(0, 29) d
     where ${h(sql`p.person_id::text || d || 'u'`, 100)} <
           case when ${h(sql`p.person_id::text || 'a'`, 1000)} < 680 + ${h(sql`p.school_id::text`, 31)} * 10 then 35 else 5 end
    on conflict do nothing`);
}

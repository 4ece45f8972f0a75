import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../../platform/db/client.ts';
import { TODAY } from '../../platform/db/types.ts';
import { refreshSpaceUsage } from './usage.service.ts';

/** A stable number 0 … n-1 from SQL text (demo data must be the same on every seed). */
const h = (text: ReturnType<typeof sql>, n: number) => sql`(abs(hashtext(${text})) % ${n}::int)`;

/** A text[] built in SQL from one JSON parameter (drizzle would spread a JS array into a list). */
const texts = (list: string[]) =>
  sql`(select array_agg(x order by i) from jsonb_array_elements_text(${JSON.stringify(list)}::jsonb) with ordinality as j(x, i))`;

const CLASS_NOTICES: [string, string][] = [
  ['家长会通知', '定于本周五下午 4:00 在本班教室召开家长会，请家长准时参加；如不能到场，请提前告知班主任。'],
  [
    '秋季运动会报名',
    '学校秋季运动会将于下月初举行，项目有跳绳、50 米跑、立定跳远和接力，请同学们本周内向体育委员报名。',
  ],
  [
    '防溺水安全提醒',
    '请家长提醒孩子做到“六不”：不私自下水游泳，不擅自与他人结伴游泳，不在无家长带领下游泳……',
  ],
  [
    '期中测验安排',
    '期中测验安排在下周二、周三进行，语文、数学、英语各一场，请同学们合理安排复习，保证睡眠。',
  ],
  [
    '流感季节健康提示',
    '近期流感多发，请家长每天早上为孩子测量体温；孩子如有发热、咳嗽，请在家休息并及时告知班主任。',
  ],
  [
    '综合实践活动：参观广东省博物馆',
    '本周四上午开展研学活动，8:00 在校门口集合乘车，请穿校服、带水壶和笔记本，午餐由学校统一安排。',
  ],
  ['校服征订通知', '冬季校服开始征订，请家长在本周内通过班级群提交尺码，已有校服的同学可以不订。'],
  [
    '寒假安全告家长书',
    '寒假将至，请家长做好孩子的假期安全教育，注意交通、用火、用电和网络安全，合理安排作息。',
  ],
];

const CLASS_POSTS = [
  '今天的课堂上，同学们分组讨论、上台讲解，思路越来越清楚了，为大家点赞！',
  '本周的优秀作业已经贴在教室后墙，欢迎同学们课间去看一看、学一学。',
  '我们班的图书角新添了 30 本书，借阅登记表放在讲台上，看完记得按时归还。',
  '大课间跳绳比赛，我们班拿到了年级第二名，大家下周继续加油！',
  '今天的实验课上，我们观察到了种子发芽的过程，回家可以和爸爸妈妈一起再试一次。',
  '课后服务的书法小组作品展示，一笔一画都很认真。',
];

const STUDENT_POSTS = [
  '我们小组的植物观察日记更新了：绿萝又长出了两片新叶子！',
  '今天我当值日班长，教室打扫得干干净净。',
  '推荐一本好书：《夏洛的网》，我读了两遍，很感动。',
  '数学课学的方法我回家教会了弟弟，好开心。',
  '运动会我报名了 50 米跑，每天放学都在练习。',
  '今天的英语小短剧我们组演得很成功！',
];

const COMMENTS = ['太棒了！', '学习了，谢谢分享', '我也想试试', '为你点赞', '下次我们一起', '写得真好'];
const NOTICE_REPLIES = ['收到', '收到，谢谢老师', '好的，已经准备好了'];

const TEACHER_POSTS: [string, string][] = [
  [
    '教学反思：让学生先说',
    '这节课我把讲解的时间留给了学生，先让他们说出自己的想法，再一起比较方法，课堂上的错误反而成了最好的素材。',
  ],
  ['作业设计的一点尝试', '本周尝试分层作业：基础题人人做，拓展题自主选，完成率和正确率都比以前高。'],
  [
    '读《给教师的建议》',
    '苏霍姆林斯基说，教师的时间从哪里来？来自每天的读书。这学期我给自己定了每月读一本书的目标。',
  ],
  ['公开课磨课记录', '三次试教，三次修改导入环节，最后用生活情境引入，学生的兴趣明显提高。'],
];

const STUDENT_WORKS: [string, string][] = [
  ['手抄报：垃圾分类我先行', '用四种颜色画出了可回收物、有害垃圾、厨余垃圾和其他垃圾。'],
  ['作文：我的妈妈', '妈妈每天早上六点起床给我做早餐，她的手有些粗糙，却是世界上最温暖的手。'],
  ['科学小实验：彩虹牛奶', '在牛奶里滴上色素，再用蘸了洗洁精的棉签一点，颜色像烟花一样散开。'],
  ['书法作品：静夜思', '用毛笔写了李白的《静夜思》，老师说“思”字的心字底写得很稳。'],
  ['英语小报：My Family', 'I drew my family and wrote about what we like to do on weekends.'],
];

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
  // One or two notices from each head teacher, within the last three weeks.
  await tx.execute(sql`
    insert into space_post (id, space_id, space_kind, space_path, author_id, kind, title, body, created_at, updated_at)
    select gen_random_uuid(), o.id, 'class', o.path, ra.person_id, 'notice', n.title, n.body, at, at
      from org_unit o join role_assignment ra on ra.path = o.path and ra.role = 'head_teacher' and ra.active
      cross join lateral unnest(${texts(titles)}, ${texts(bodies)}) with ordinality as n(title, body, k)
      cross join lateral (select now() - make_interval(days => (n.k * 2 + ${h(sql`o.id::text`, 2)})::int,
                                                        hours => ${h(sql`o.id::text || n.k`, 9)}::int) as at) t
     where o.kind = 'class' and n.k in (1 + ${h(sql`o.id::text`, 8)}, 1 + ${h(sql`o.id::text || 'n'`, 8)})`);
  // Teachers share what happened in class; two students of each class post too.
  await tx.execute(sql`
    insert into space_post (id, space_id, space_kind, space_path, author_id, kind, body, created_at, updated_at)
    select gen_random_uuid(), o.id, 'class', o.path, ta.teacher_id, 'post',
           (${texts(CLASS_POSTS)})[1 + ${h(sql`ta.id::text`, CLASS_POSTS.length)}], at, at
      from teaching_assignment ta join term tm on tm.id = ta.term_id and tm.current
      join org_unit o on o.id = ta.class_id and o.kind = 'class'
      cross join lateral (select now() - make_interval(days => ${h(sql`ta.id::text || 'd'`, 25)}::int, hours => 3) as at) t
     where ${h(sql`ta.id::text`, 3)} = 0`);
  await tx.execute(sql`
    insert into space_post (id, space_id, space_kind, space_path, author_id, kind, body, created_at, updated_at)
    select gen_random_uuid(), s.class_id, 'class', s.path, s.person_id, 'post',
           (${texts(STUDENT_POSTS)})[1 + ${h(sql`s.person_id::text`, STUDENT_POSTS.length)}], at, at
      from (select s.*, row_number() over (partition by s.class_id order by md5(s.person_id::text)) as rn
              from student s where s.status = 'enrolled') s
      cross join lateral (select now() - make_interval(days => ${h(sql`s.person_id::text || 'd'`, 20)}::int, hours => 5) as at) t
     where s.rn <= 2`);
  // Classmates like and comment; parents confirm most notices.
  await tx.execute(sql`
    insert into space_like (post_id, person_id, created_at)
    select p.id, s.person_id, p.created_at + interval '2 hours'
      from space_post p join student s on s.class_id = p.space_id and s.status = 'enrolled'
     where p.space_kind = 'class' and p.kind = 'post' and s.person_id <> p.author_id
       and ${h(sql`p.id::text || s.person_id::text`, 4)} = 0`);
  await tx.execute(sql`
    insert into space_comment (id, post_id, author_id, body, created_at)
    select gen_random_uuid(), p.id, s.person_id,
           case when p.kind = 'notice'
                then (${texts(NOTICE_REPLIES)})[1 + ${h(sql`s.person_id::text || p.id::text || 'c'`, NOTICE_REPLIES.length)}]
                else (${texts(COMMENTS)})[1 + ${h(sql`s.person_id::text || p.id::text || 'c'`, COMMENTS.length)}] end,
           p.created_at + interval '3 hours'
      from space_post p join student s on s.class_id = p.space_id and s.status = 'enrolled'
     where p.space_kind = 'class' and s.person_id <> p.author_id
       and ${h(sql`p.id::text || s.person_id::text || 'c'`, 18)} = 0`);
  await tx.execute(sql`
    insert into space_notice_read (post_id, person_id, read_at)
    select p.id, g.parent_id, p.created_at + interval '5 hours'
      from space_post p join student s on s.class_id = p.space_id and s.status = 'enrolled'
      join guardian g on g.student_id = s.person_id
     where p.kind = 'notice' and p.space_kind = 'class' and ${h(sql`p.id::text || g.parent_id::text`, 10)} < 8
    on conflict do nothing`);
}

async function personalSpaces(tx: Tx) {
  await tx.execute(sql`
    insert into space_post (id, space_id, space_kind, space_path, author_id, kind, title, body, created_at, updated_at)
    select gen_random_uuid(), t.person_id, 'teacher', t.path, t.person_id, 'post', p.title, p.body, at, at
      from teacher t
      cross join lateral (select (${texts(TEACHER_POSTS.map((p) => p[0]))})[1 + ${h(sql`t.person_id::text`, TEACHER_POSTS.length)}] as title,
                                 (${texts(TEACHER_POSTS.map((p) => p[1]))})[1 + ${h(sql`t.person_id::text`, TEACHER_POSTS.length)}] as body) p
      cross join lateral (select now() - make_interval(days => ${h(sql`t.person_id::text || 'd'`, 28)}::int) as at) a
     where t.status = 'active' and ${h(sql`t.person_id::text`, 3)} = 0`);
  await tx.execute(sql`
    insert into space_post (id, space_id, space_kind, space_path, author_id, kind, title, body, created_at, updated_at)
    select gen_random_uuid(), s.person_id, 'student', s.path, s.person_id, 'work', w.title, w.body, at, at
      from student s
      cross join lateral (select (${texts(STUDENT_WORKS.map((p) => p[0]))})[1 + ${h(sql`s.person_id::text || 'w'`, STUDENT_WORKS.length)}] as title,
                                 (${texts(STUDENT_WORKS.map((p) => p[1]))})[1 + ${h(sql`s.person_id::text || 'w'`, STUDENT_WORKS.length)}] as body) w
      cross join lateral (select now() - make_interval(days => ${h(sql`s.person_id::text || 'wd'`, 28)}::int) as at) a
     where s.status = 'enrolled' and ${h(sql`s.person_id::text`, 6)} = 0`);
  // Every eighth teacher and student keeps a published resource of their subject or grade.
  await tx.execute(sql`
    with pub as (select id, subject_code, grade_code, row_number() over (order by id) as n from resource where status = 'published'),
         total as (select count(*) as n from pub)
    insert into space_collection (person_id, resource_id)
    select x.person_id, pub.id from (
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
           now() - interval '9 days', now() - interval '9 days'
      from org_unit o join role_assignment ra on ra.path = o.path and ra.role = 'school_admin' and ra.active
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
           now() - interval '6 days', now() - interval '6 days'
      from studio st
    union all
    select gen_random_uuid(), st.id, 'studio', st.path, m.person_id, 'post', '',
           '分享一份单元整体教学设计，欢迎各位老师提出修改意见。', now() - interval '3 days', now() - interval '3 days'
      from studio st join lateral (select person_id from studio_member where studio_id = st.id
                                    order by md5(person_id::text) limit 1) m on true`);
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

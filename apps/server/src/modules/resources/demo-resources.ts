import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../../platform/db/client.ts';
import { newId, TODAY } from '../../platform/db/types.ts';
import type { Storage, StoredObject } from '../../platform/storage/index.ts';
import { demoPdf, demoVideo } from './demo-media.ts';
import type { TTheme } from './resources.schema.ts';
import { refreshSearchPopularity, reindexResources } from './search.service.ts';

const THEME_RESOURCES: [TTheme, string, string][] = [
  ['patriotism', '国旗的故事', '从五星红旗的设计讲起，认识国旗、国徽和国歌，懂得尊重国家象征。'],
  ['law', '宪法宣传周：宪法就在我们身边', '用身边的例子认识宪法规定的公民权利和义务。'],
  ['mental_health', '认识情绪，做情绪的小主人', '识别常见情绪，学习三种平复情绪的方法。'],
  ['labor', '劳动教育：我会整理书包', '分步骤示范整理书包和书桌，养成自理习惯。'],
  ['safety', '防溺水安全教育', '“六不”防溺水守则与遇险时的正确做法。'],
  ['tradition', '传统节日：中秋', '中秋节的来历、习俗与诗词。'],
  ['ecology', '垃圾分类我先行', '广州生活垃圾四分类：可回收物、有害垃圾、厨余垃圾、其他垃圾。'],
  ['family', '家庭教育：陪孩子读好一本书', '给家长的亲子共读方法与书目建议。'],
];

const SUBJECT_NAMES: Record<string, string> = { '13': '语文', '14': '数学', '41': '英语' };

type Lesson = { id: string; title: string; subject: string; grade: string; kps: string[] };
type Author = {
  teacherId: string;
  schoolId: string;
  districtId: string;
  schoolPath: string;
  subject: string;
  grade: string;
  rank: number;
};

/** A stable pick from a list, driven by an id (demo data must be deterministic). */
const pick = <T>(list: T[], key: string) => {
  let h = 0;
  for (const ch of key) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return list[h % list.length]!;
};

/**
 * Demo resources: for each primary and junior school, a published micro-lesson (video) by a teacher
 * of 语文, 数学 or 英语 on a lesson of the grade they teach, and a draft courseware (PDF) by a
 * colleague; plus the city's theme resources (专题) and a third-party channel. The media are
 * generated here (ffmpeg, a small PDF writer) and shared by reference: no binaries in the repo.
 */
export async function seedDemoResources(database: Database, storage: Storage, log: (m: string) => void) {
  const t0 = Date.now();
  const mathVideo = await demoVideo('翰林共享课堂 · 数学', 'testsrc2');
  const chineseVideo = await demoVideo('翰林共享课堂 · 语文', 'smptehdbars');
  const stored = async (buf: Buffer | undefined) =>
    buf ? storage.putBuffer(buf, { prefix: 'demo' }) : undefined;
  const videos = { math: await stored(mathVideo), other: await stored(chineseVideo) };
  const pdf = await storage.putBuffer(
    demoPdf('Hanlin Shared Classroom', [
      [
        'Lesson goals',
        '1. Key points of the lesson',
        '2. Difficult points and how to teach them',
        '3. Practice',
      ],
      ['Worked example', 'Read the question carefully', 'Draw a diagram', 'Check the answer'],
      ['After class', 'Exercises 1-5 on the worksheet', 'Questions go to the Q&A column'],
    ]),
    { prefix: 'demo' },
  );
  if (!videos.math) log('[hanlin]   no ffmpeg found: demo resources get no video files');

  await database.db.transaction(async (tx) => {
    const lessons = await loadLessons(tx);
    const authors = await tx.execute<Author>(sql`
      with ranked as (
        select ta.teacher_id as "teacherId", c.school_id as "schoolId", c.district_id as "districtId",
               s.path::text as "schoolPath", ta.subject_code as subject, c.grade_code as grade,
               (row_number() over (partition by c.school_id order by ta.subject_code, c.grade_code, ta.teacher_id))::int as rank
          from teaching_assignment ta join org_unit c on c.id = ta.class_id join org_unit s on s.id = c.school_id
          join term t on t.id = ta.term_id and t.current
         where ta.subject_code in ('13', '14', '41') and c.grade_code between '11' and '23'
           and ta.teacher_id not in (select person_id from account where username = 'teacher_demo')
      )
      select * from ranked where rank in (1, 7) order by "schoolId", rank`);
    const demoTeacher = await tx.execute<Author>(sql`
      select ta.teacher_id as "teacherId", c.school_id as "schoolId", c.district_id as "districtId",
             s.path::text as "schoolPath", ta.subject_code as subject, c.grade_code as grade, 1 as rank
        from teaching_assignment ta join org_unit c on c.id = ta.class_id join org_unit s on s.id = c.school_id
        join account a on a.person_id = ta.teacher_id and a.username = 'teacher_demo'
       where ta.subject_code in ('13', '14', '41') limit 1`);
    const rows: ResourceRow[] = [];
    const files: FileRowIn[] = [];
    const kps: { resource: string; kp: string }[] = [];
    const day = 86_400_000;
    for (const a of [...authors.rows, ...demoTeacher.rows]) {
      const pool = lessons.filter((l) => l.subject === a.subject && l.grade === a.grade);
      if (pool.length === 0) continue;
      const lesson = pick(pool, `${a.teacherId}${a.rank}`);
      const published = a.rank === 1;
      const id = newId();
      rows.push({
        id,
        kind: published ? 'micro_lesson' : 'courseware',
        title: published ? `《${lesson.title}》微课` : `《${lesson.title}》教学课件`,
        description: published
          ? `${SUBJECT_NAMES[a.subject]}微课：讲清《${lesson.title}》的重点和难点，约 10 分钟，适合课前预习和课后复习。`
          : `《${lesson.title}》配套课件，含教学目标、例题和课后练习。`,
        tags: [SUBJECT_NAMES[a.subject]!, published ? '微课' : '课件'],
        subject: a.subject,
        grade: a.grade,
        lesson: lesson.id,
        theme: null,
        provider: null,
        license: null,
        author: a.teacherId,
        path: a.schoolPath,
        district: a.districtId,
        school: a.schoolId,
        status: published ? 'published' : 'draft',
        publishedAt: published
          ? new Date(Date.UTC(2026, 8, 1) + (rows.length % 80) * day).toISOString()
          : null,
      });
      const video = a.subject === '14' ? videos.math : videos.other;
      if (published && video) files.push(fileRow(id, 'main', video, `${lesson.title}.mp4`, 'video/mp4'));
      if (!published) files.push(fileRow(id, 'main', pdf, `${lesson.title}.pdf`, 'application/pdf'));
      for (const kp of lesson.kps) kps.push({ resource: id, kp });
    }
    const city = await tx.execute<{ id: string; path: string; researcher: string }>(sql`
      select o.id, o.path::text as path, a.person_id as researcher from org_unit o, account a
       where o.kind = 'city' and a.username = 'researcher_demo'`);
    const c = city.rows[0];
    if (c) {
      THEME_RESOURCES.forEach(([theme, title, description], i) => {
        const id = newId();
        rows.push({
          id,
          kind: 'theme',
          title,
          description,
          tags: ['专题教育'],
          subject: null,
          grade: null,
          lesson: null,
          theme,
          provider: null,
          license: null,
          author: c.researcher,
          path: c.path,
          district: null,
          school: null,
          status: 'published',
          publishedAt: new Date(Date.UTC(2026, 9, 1) + i * 3 * day).toISOString(),
        });
        const video = i % 2 === 0 ? videos.other : videos.math;
        if (video) files.push(fileRow(id, 'main', video, `${title}.mp4`, 'video/mp4'));
      });
      const id = newId();
      rows.push({
        id,
        kind: 'third_party',
        title: '广州电视课堂 · 初中数学复习专辑',
        description: '经市教育局准入的第三方资源：中考数学专题复习，共 12 讲。',
        tags: ['第三方', '复习'],
        subject: '14',
        grade: '23',
        lesson: null,
        theme: null,
        provider: '广州电视课堂',
        license: '教育用途免费使用',
        author: c.researcher,
        path: c.path,
        district: null,
        school: null,
        status: 'published',
        publishedAt: new Date(Date.UTC(2026, 9, 20)).toISOString(),
      });
      files.push(fileRow(id, 'main', pdf, '复习专辑目录.pdf', 'application/pdf'));
      // An older channel nobody has opened since: the retirement check flags it as unused.
      const old = newId();
      rows.push({
        id: old,
        kind: 'third_party',
        title: '小学英语自然拼读动画（2019 版）',
        description: '第三方出版社提供的自然拼读动画，共 26 集，配套练习册已停印。',
        tags: ['第三方', '英语'],
        subject: '41',
        grade: '13',
        lesson: null,
        theme: null,
        provider: '某教育出版社',
        license: '试用授权，2025 年到期',
        author: c.researcher,
        path: c.path,
        district: null,
        school: null,
        status: 'published',
        publishedAt: new Date(Date.UTC(2025, 2, 1)).toISOString(),
      });
      files.push(fileRow(old, 'main', pdf, '自然拼读目录.pdf', 'application/pdf'));
    }
    await tx.execute(sql`
      insert into resource (id, kind, title, description, tags, subject_code, grade_code, term, edition_id, lesson_id,
                            theme_code, provider, license, author_id, path, district_id, school_id, status, published_at,
                            created_at, updated_at)
      select x.id, x.kind, x.title, x.description, x.tags, x.subject, x.grade, l.term, l.edition_id, x.lesson, x.theme,
             x.provider, x.license, x.author, x.path::ltree, x.district, x.school, x.status, x."publishedAt",
             coalesce(x."publishedAt", now()) - interval '3 days', coalesce(x."publishedAt", now())
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id uuid, kind text, title text, description text,
             tags text[], subject text, grade text, lesson uuid, theme text, provider text, license text, author uuid,
             path text, district uuid, school uuid, status text, "publishedAt" timestamptz)
        left join curriculum_node l on l.id = x.lesson`);
    await tx.execute(sql`
      insert into resource_file (id, resource_id, role, storage_key, file_name, mime, size, sha256)
      select x.id, x.resource, x.role, x.key, x.name, x.mime, x.size, x.sha256
        from jsonb_to_recordset(${JSON.stringify(files)}::jsonb) as x(id uuid, resource uuid, role text, key text,
             name text, mime text, size bigint, sha256 text)`);
    await tx.execute(sql`
      insert into resource_knowledge_point (resource_id, knowledge_point_id)
      select x.resource, x.kp from jsonb_to_recordset(${JSON.stringify(kps)}::jsonb) as x(resource uuid, kp uuid)
      on conflict do nothing`);
    await reindexResources(tx, 'missing');
    await demoUse(tx);
    await refreshSearchPopularity(tx);
    log(
      `[hanlin] demo resources: ${rows.length} (${rows.filter((r) => r.status === 'published').length} published), media generated in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
  });
}

type ResourceRow = {
  id: string;
  kind: string;
  title: string;
  description: string;
  tags: string[];
  subject: string | null;
  grade: string | null;
  lesson: string | null;
  theme: TTheme | null;
  provider: string | null;
  license: string | null;
  author: string;
  path: string;
  district: string | null;
  school: string | null;
  status: string;
  publishedAt: string | null;
};

type FileRowIn = ReturnType<typeof fileRow>;
const fileRow = (resource: string, role: string, o: StoredObject, name: string, mime: string) => ({
  id: newId(),
  resource,
  role,
  key: o.key,
  name,
  mime,
  size: o.size,
  sha256: o.sha256,
});

async function loadLessons(tx: Tx): Promise<Lesson[]> {
  const res = await tx.execute<Lesson>(sql`
    select l.id, l.title, e.subject_code as subject, l.grade_code as grade,
           coalesce(array_agg(lk.knowledge_point_id::text) filter (where lk.knowledge_point_id is not null), '{}') as kps
      from curriculum_node l join textbook_edition e on e.id = l.edition_id
      left join lesson_knowledge_point lk on lk.lesson_id = l.id
     where l.kind = 'lesson' and l.term = 1
     group by l.id, e.subject_code order by l.grade_code, l.id`);
  return res.rows;
}

const LOW_RATINGS: [number, string][] = [
  [2, '画面太暗，板书看不清'],
  [1, '声音很小，听不清老师讲什么'],
  [2, '讲得太快了，例题没有讲透'],
  [3, '内容还可以，但是录音有杂音'],
  [2, '和课本的例题对不上'],
  [1, '视频只有一半'],
];

/**
 * 60 days of use of the published resources by the schools of the city (views, completions and
 * downloads counted by the viewer's school), and one lesson that learners rated low, so statistics
 * and the retirement check have something to show. The 2019 channel stays unused on purpose.
 */
async function demoUse(tx: Tx) {
  await tx.execute(sql`
    insert into resource_use (resource_id, viewer_path, day, views, completions, downloads)
    select r.id, s.path, ${TODAY} - d,
           1 + abs(hashtext(r.id::text || s.id::text || d)) % 12,
           abs(hashtext(r.id::text || s.id::text || d || 'c')) % 6,
           abs(hashtext(r.id::text || s.id::text || d || 'd')) % 3
      from resource r cross join org_unit s cross join generate_series(0, 59, 3) d
     where r.status = 'published' and r.published_at > now() - interval '1 year' and s.kind = 'school'
       and abs(hashtext(r.id::text || s.id::text)) % 6 = 0
       and d < extract(day from now() - r.published_at)`);
  await tx.execute(sql`
    insert into resource_stat (resource_id, views, completions, downloads)
    select resource_id, sum(views), sum(completions), sum(downloads) from resource_use group by resource_id
    on conflict (resource_id) do update set views = excluded.views, completions = excluded.completions,
                                            downloads = excluded.downloads`);
  const low = await tx.execute<{ id: string; district: string }>(sql`
    select r.id, r.district_id as district from resource r join account a on a.person_id = r.author_id
     where r.status = 'published' and r.kind = 'micro_lesson' and a.username <> 'teacher_demo'
     order by r.id desc limit 1`);
  const lesson = low.rows[0];
  if (!lesson) return;
  await tx.execute(sql`
    with raters as (
      select s.person_id, row_number() over (order by md5(s.person_id::text)) as n
        from student s where s.district_id = ${lesson.district} and s.status = 'enrolled'
       order by n limit ${LOW_RATINGS.length})
    insert into resource_rating (resource_id, person_id, stars, comment)
    select ${lesson.id}, r.person_id, (x.value ->> 0)::smallint, x.value ->> 1
      from raters r join jsonb_array_elements(${JSON.stringify(LOW_RATINGS)}::jsonb) with ordinality as x(value, n) on x.n = r.n`);
  await tx.execute(sql`
    insert into resource_stat (resource_id, rating_count, rating_sum)
    select resource_id, count(*), sum(stars) from resource_rating where resource_id = ${lesson.id} group by resource_id
    on conflict (resource_id) do update set rating_count = excluded.rating_count, rating_sum = excluded.rating_sum`);
}

import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
import { newId } from '../../platform/db/types.ts';
import type { Storage } from '../../platform/storage/index.ts';
import {
  type Author,
  demoTeacher,
  type FileRowIn,
  fileRow,
  insertResources,
  loadAuthors,
  loadDrafters,
  loadLessons,
  type ResourceRow,
  type Unit,
} from './demo-library.repository.ts';
import { frac, hash, libraryEntries, placeKey } from './demo-library.ts';
import { demoPdf, demoVideo } from './demo-media.ts';
import { seedDemoUse } from './demo-use.ts';
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

const DAY = 86_400_000;
const BEIJING = 8 * 3_600_000;
/** Midnight of today in Beijing, as a UTC instant. */
const today = () => Math.floor((Date.now() + BEIJING) / DAY) * DAY - BEIJING;

/**
 * A moment `daysAgo` days before today (Beijing time), between `from` and `to` o'clock, on a
 * weekday unless `anyDay`: when people at a school or a bureau do such things.
 */
function moment(key: string, daysAgo: number, from: number, to: number, anyDay = false): string {
  let day = today() - Math.max(1, daysAgo) * DAY;
  const weekday = new Date(day + BEIJING).getUTCDay();
  if (!anyDay && weekday === 0) day -= 2 * DAY;
  if (!anyDay && weekday === 6) day -= DAY;
  return new Date(day + from * 3_600_000 + Math.floor(frac(key) * (to - from) * 3600) * 1000).toISOString();
}

/**
 * The demo library (R1, R5): published resources for every lesson of the curriculum backbone (语文,
 * 数学, 英语, grades 1–9, both terms), by the city's teachers of that subject and grade, published
 * on weekdays after review — this term's lessons in the last months, next term's in the spring —
 * and used and rated by the city's learners; a draft courseware in each school; the city's theme
 * resources (专题) and two third-party channels. The media are generated here (ffmpeg, a small PDF
 * writer) and shared by reference: no binaries in the repo.
 */
export async function seedDemoResources(database: Database, storage: Storage, log: (m: string) => void) {
  const t0 = Date.now();
  // One video for the micro-lessons (and theme resources), one for the readings, whatever the subject.
  const lessonVideo = await demoVideo('翰林共享课堂 · 微课', 'testsrc2');
  const readingVideo = await demoVideo('翰林共享课堂 · 朗读', 'smptehdbars');
  const stored = async (buf: Buffer | undefined) =>
    buf ? storage.putBuffer(buf, { prefix: 'demo' }) : undefined;
  const videos = { lesson: await stored(lessonVideo), reading: await stored(readingVideo) };
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
  if (!videos.lesson) log('[hanlin]   no ffmpeg found: demo resources get no video files');
  const mediaMs = Date.now() - t0;

  await database.db.transaction(async (tx) => {
    const lessons = await loadLessons(tx);
    const pools = await loadAuthors(tx);
    const demo = await demoTeacher(tx);
    const rows: ResourceRow[] = [];
    const files: FileRowIn[] = [];
    const kps: { resource: string; kp: string }[] = [];
    const library: { id: string; appeal: number }[] = [];
    const add = (
      row: ResourceRow,
      file: ReturnType<typeof fileRow> | undefined,
      lessonKps: string[] = [],
    ) => {
      rows.push(row);
      if (file) files.push(file);
      for (const kp of lessonKps) kps.push({ resource: row.id, kp });
    };
    const unitOf = (a: Author): Unit => ({
      id: a.teacherId,
      path: a.schoolPath,
      district: a.districtId,
      school: a.schoolId,
    });
    let demoOwns = 0;
    for (const l of lessons) {
      // A small city may have no class of a grade: then its subject's teachers of other grades write.
      const pool = pools.get(`${l.subject}:${l.grade}`) ?? pools.get(l.subject);
      if (!pool?.length) continue;
      for (const e of libraryEntries(l)) {
        const key = `${placeKey(l)}${e.title}`;
        // A few prolific teachers, many who published once or twice.
        let author = pool[Math.floor(pool.length * frac(`${key}a`) ** 1.6)]!;
        const mine = demo && demo.subject === l.subject && demo.grade === l.grade && l.term === 1;
        if (mine && demoOwns < 3 && e.kind === 'micro_lesson') {
          author = demo;
          demoOwns++;
        }
        const daysAgo = l.term === 1 ? 2 + (hash(key) % 110) : 150 + (hash(key) % 140);
        const published = moment(`${key}p`, daysAgo, 9, 17.5);
        const created = moment(`${key}c`, daysAgo + 4 + (hash(`${key}c`) % 10), 19.5, 22.5, true);
        const id = newId();
        add(
          {
            ...unitOf(author),
            id,
            kind: e.kind,
            title: e.title,
            description: e.description,
            tags: e.tags,
            subject: l.subject,
            grade: l.grade,
            lesson: l.id,
            author: author.teacherId,
            status: 'published',
            publishedAt: published,
            createdAt: created,
          },
          mediaFile(id, e.kind, `${l.title}${e.media === 'video' ? '.mp4' : '.pdf'}`),
          l.kps.map((k) => k.id),
        );
        library.push({ id, appeal: e.appeal });
      }
    }
    // A draft courseware in each school, by one of its teachers, on a lesson of a grade they teach.
    const drafters = await loadDrafters(tx);
    for (const a of drafters) {
      const pool = lessons.filter((l) => l.subject === a.subject && l.grade === a.grade && l.term === 1);
      if (pool.length === 0) continue;
      const l = pool[hash(a.teacherId) % pool.length]!;
      const id = newId();
      add(
        {
          ...unitOf(a),
          id,
          kind: 'courseware',
          title: `《${l.title}》教学课件`,
          description: `《${l.title}》配套课件，含教学目标、例题和课后练习。`,
          tags: ['课件'],
          subject: l.subject,
          grade: l.grade,
          lesson: l.id,
          author: a.teacherId,
          status: 'draft',
          publishedAt: null,
          createdAt: moment(`${a.teacherId}d`, 1 + (hash(a.teacherId) % 6), 19.5, 22.5, true),
        },
        mediaFile(id, 'courseware', `${l.title}.pdf`),
        l.kps.map((k) => k.id),
      );
    }
    const city = await tx.execute<{ id: string; path: string; researcher: string }>(sql`
      select o.id, o.path::text as path, a.person_id as researcher from org_unit o, account a
       where o.kind = 'city' and a.username = 'researcher_demo'`);
    const c = city.rows[0];
    if (c) {
      const bureau: Unit = { id: null, path: c.path, district: null, school: null };
      const base = { ...bureau, subject: null, grade: null, lesson: null, author: c.researcher };
      THEME_RESOURCES.forEach(([theme, title, description], i) => {
        const id = newId();
        const publishedAt = moment(`${title}p`, 20 + i * 6, 9, 17.5);
        add(
          {
            ...base,
            id,
            kind: 'theme',
            title,
            description,
            tags: ['专题教育'],
            theme,
            status: 'published',
            publishedAt,
            createdAt: moment(`${title}c`, 26 + i * 6, 9, 17.5),
          },
          mediaFile(id, 'theme', `${title}.mp4`),
        );
        library.push({ id, appeal: 0.3 + 0.05 * i });
      });
      const channel = newId();
      add(
        {
          ...base,
          id: channel,
          kind: 'third_party',
          title: '广州电视课堂 · 初中数学复习专辑',
          description: '经市教育局准入的第三方资源：中考数学专题复习，共 12 讲。',
          tags: ['第三方', '复习'],
          subject: '14',
          grade: '23',
          provider: '广州电视课堂',
          license: '教育用途免费使用',
          status: 'published',
          publishedAt: moment('channel p', 45, 9, 17.5),
          createdAt: moment('channel c', 60, 9, 17.5),
        },
        fileRow(channel, 'main', pdf, '复习专辑目录.pdf', 'application/pdf'),
      );
      library.push({ id: channel, appeal: 0.5 });
      // An older channel nobody has opened since: the retirement check flags it as unused.
      const old = newId();
      add(
        {
          ...base,
          id: old,
          kind: 'third_party',
          title: '小学英语自然拼读动画（2019 版）',
          description: '第三方出版社提供的自然拼读动画，共 26 集，配套练习册已停印。',
          tags: ['第三方', '英语'],
          subject: '41',
          grade: '13',
          provider: '某教育出版社',
          license: '试用授权，2025 年到期',
          status: 'published',
          publishedAt: moment('old p', 640, 9, 17.5),
          createdAt: moment('old c', 650, 9, 17.5),
        },
        fileRow(old, 'main', pdf, '自然拼读目录.pdf', 'application/pdf'),
      );
    }
    await insertResources(tx, rows, files, kps);
    await reindexResources(tx, 'missing');
    await seedDemoUse(tx, library);
    await refreshSearchPopularity(tx);
    const published = rows.filter((r) => r.status === 'published').length;
    log(
      `[hanlin] demo resources: ${rows.length} (${published} published, for ${lessons.length} lessons) in ${((Date.now() - t0) / 1000).toFixed(1)} s, media ${(mediaMs / 1000).toFixed(1)} s`,
    );
  });

  function mediaFile(id: string, kind: string, name: string) {
    const video = kind === 'video' ? videos.reading : videos.lesson;
    if (kind !== 'video' && kind !== 'micro_lesson' && kind !== 'theme')
      return fileRow(id, 'main', pdf, name, 'application/pdf');
    return video ? fileRow(id, 'main', video, name, 'video/mp4') : undefined;
  }
}

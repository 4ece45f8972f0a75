/**
 * The synthetic catalogue of `npm run bench:search`: `target` resources catalogued on the demo
 * curriculum's lessons, by the demo city's teachers, 90% published, used and rated unevenly. Titles
 * and texts repeat per lesson and kind, so each distinct text is segmented once and the vectors are
 * written with the rows (a million rows in a few minutes). A sample is then re-indexed the way the
 * app does it, and the build fails if any vector differs.
 */
import { sql } from 'drizzle-orm';
import { searchVectorOf } from '../../apps/server/src/modules/resources/search.repository.ts';
import {
  refreshSearchPopularity,
  reindexResources,
} from '../../apps/server/src/modules/resources/search.service.ts';
import type { Database } from '../../apps/server/src/platform/db/client.ts';
import { newId } from '../../apps/server/src/platform/db/types.ts';
import { indexTokens } from '../../apps/server/src/platform/search/chinese.ts';
import { seeded } from './stats.ts';

const SUFFIXES = [
  '微课',
  '教学课件',
  '课堂实录',
  '习题精选',
  '同步练习',
  '复习课',
  '拓展阅读',
  '教学设计',
  '说课稿',
];
const KINDS = [
  'micro_lesson',
  'courseware',
  'video',
  'exercise_set',
  'exercise_set',
  'micro_lesson',
  'courseware',
  'courseware',
  'courseware',
];
const BATCH = 5000;

type Lesson = { id: string; title: string; subject: string; grade: string; unit: string; kps: string };
type Author = { id: string; school: string; district: string; path: string };

/**
 * Use as a catalogue has it: views long-tailed (half the resources under a dozen, a few up to
 * 20,000), and three in ten rated, by 1–40 people, 2.5–5 stars on average.
 */
function use(random: () => number) {
  const u = random();
  const views = Math.floor(Math.exp(u * u * Math.log(20_001))) - 1;
  if (random() >= 0.3) return { views, ratings: 0, stars: 0 };
  const ratings = 1 + Math.floor(random() * 40);
  return { views, ratings, stars: Math.round(ratings * (2.5 + 2.5 * random())) };
}

/** Adds resources until the catalogue holds `target`; returns the seconds spent (0 when none). */
export async function buildCatalogue(owner: Database, target: number): Promise<number> {
  const { db } = owner;
  const count = async () =>
    (await db.execute<{ n: number }>(sql`select count(*)::int as n from resource`)).rows[0]!.n;
  const have = await count();
  if (have >= target) return 0;
  const t0 = Date.now();
  const lessons = (
    await db.execute<Lesson>(sql`
      select l.id, l.title, e.subject_code as subject, l.grade_code as grade, u.title as unit,
             coalesce((select string_agg(k.name, '、') from lesson_knowledge_point lk join knowledge_point k on k.id = lk.knowledge_point_id
                        where lk.lesson_id = l.id), '') as kps
        from curriculum_node l join curriculum_node u on u.id = l.parent_id join textbook_edition e on e.id = l.edition_id
       where l.kind = 'lesson' order by l.id`)
  ).rows;
  const authors = (
    await db.execute<Author>(sql`
      select t.person_id as id, t.school_id as school, s.district_id as district, s.path::text as path
        from teacher t join org_unit s on s.id = t.school_id order by t.person_id`)
  ).rows;
  const random = seeded(20260901);
  const rnd = (n: number) => Math.floor(random() * n);
  // The text the app indexes (search.repository listIndexSources): title; tags; description,
  // lesson and unit (these resources have no knowledge points of their own).
  const docs = new Map<string, { a: string; b: string; c: string }>();
  const docOf = (l: Lesson, k: number, title: string, description: string) => {
    const key = `${l.id}|${k}`;
    let d = docs.get(key);
    if (!d) {
      d = {
        a: indexTokens(title),
        b: indexTokens(SUFFIXES[k]!),
        c: indexTokens([description, l.title, l.unit].join(' ')),
      };
      docs.set(key, d);
    }
    return d;
  };

  // A large build loads faster without the secondary indexes, which are rebuilt as declared after.
  const bulk = target - have > 50_000;
  const indexes = bulk
    ? (
        await db.execute<{ name: string; def: string }>(sql`
          select i.indexname as name, i.indexdef as def from pg_indexes i
           where i.tablename in ('resource', 'resource_search', 'resource_stat') and i.indexname not like '%_pkey'`)
      ).rows
    : [];
  for (const i of indexes) await db.execute(sql.raw(`drop index ${i.name}`));

  for (let done = have; done < target; ) {
    const rows: Record<string, unknown>[] = [];
    for (let i = 0; i < BATCH && done < target; i++, done++) {
      const l = lessons[rnd(lessons.length)]!;
      const a = authors[rnd(authors.length)]!;
      const k = rnd(SUFFIXES.length);
      const title = `《${l.title}》${SUFFIXES[k]}`;
      const description = `${l.unit}：${l.kps}。适合课前预习、课堂教学和课后复习。`;
      rows.push({
        id: newId(),
        kind: KINDS[k],
        title,
        description,
        tags: [SUFFIXES[k]],
        subject: l.subject,
        grade: l.grade,
        lesson: l.id,
        author: a.id,
        path: a.path,
        district: a.district,
        school: a.school,
        status: rnd(10) === 0 ? 'draft' : 'published',
        ...use(random),
        ...docOf(l, k, title, description),
      });
    }
    const json = JSON.stringify(rows);
    await db.transaction(async (tx) => {
      await tx.execute(sql`
        insert into resource (id, kind, title, description, tags, subject_code, grade_code, lesson_id, author_id, path,
                              district_id, school_id, status, published_at)
        select x.id, x.kind, x.title, x.description, x.tags, x.subject, x.grade, x.lesson, x.author, x.path::ltree,
               x.district, x.school, x.status, case when x.status = 'published' then now() end
          from jsonb_to_recordset(${json}::jsonb) as x(id uuid, kind text, title text, description text,
               tags text[], subject text, grade text, lesson uuid, author uuid, path text, district uuid, school uuid,
               status text)`);
      await tx.execute(sql`
        insert into resource_search (id, kind, subject_code, grade_code, search_vector)
        select x.id, x.kind, x.subject, x.grade, ${searchVectorOf(sql`x.a`, sql`x.b`, sql`x.c`)}
          from jsonb_to_recordset(${json}::jsonb) as x(id uuid, kind text, subject text, grade text, a text, b text, c text)`);
      await tx.execute(sql`
        insert into resource_stat (resource_id, views, rating_count, rating_sum)
        select x.id, x.views, x.ratings, x.stars from jsonb_to_recordset(${json}::jsonb)
            as x(id uuid, views int, ratings int, stars int)`);
    });
    process.stdout.write(`\r  resources: ${done.toLocaleString()} / ${target.toLocaleString()}`);
  }
  process.stdout.write('; popularity levels');
  await db.transaction((tx) => refreshSearchPopularity(tx));
  if (bulk) {
    await db.execute(sql`vacuum full resource`);
    await db.execute(sql`vacuum full resource_search`);
  }
  if (indexes.length > 0) process.stdout.write('; indexing');
  for (const i of indexes) await db.execute(sql.raw(i.def));
  await db.execute(sql`vacuum analyze resource`);
  await db.execute(sql`vacuum analyze resource_search`);
  await db.execute(sql`vacuum analyze resource_stat`);
  await assertIndexedAsTheAppDoes(owner);
  console.log(`\ncatalogue built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return (Date.now() - t0) / 1000;
}

/** Re-indexes 200 random resources as the app does (rolled back) and compares the vectors. */
async function assertIndexedAsTheAppDoes(owner: Database): Promise<void> {
  let differ = 0;
  await owner.db
    .transaction(async (tx) => {
      const sample = await tx.execute<{ id: string; v: string }>(
        sql`select id, search_vector::text as v from resource_search tablesample bernoulli (1) repeatable (7) limit 200`,
      );
      const ids = sample.rows.map((r) => r.id);
      await reindexResources(tx, ids);
      const after = await tx.execute<{ id: string; v: string }>(
        sql`select id, search_vector::text as v from resource_search
             where id = any(string_to_array(${ids.join(',')}, ',')::uuid[])`,
      );
      const before = new Map(sample.rows.map((r) => [r.id, r.v]));
      differ = after.rows.filter((r) => before.get(r.id) !== r.v).length;
      tx.rollback();
    })
    .catch((err: unknown) => {
      if (!(err instanceof Error && err.message === 'Rollback')) throw err;
    });
  if (differ > 0) throw new Error(`${differ} of 200 generated search vectors differ from the app's indexing`);
}

/**
 * `npm run bench:search` — not a test. Builds (once, kept in .hanlin-bench/search-<n>) a city with
 * <n> resources (default 100,000) catalogued on the demo curriculum, starts the real app and measures
 * GET /api/resources/search for typical two-word Chinese queries as a student (full auth, scope,
 * segmentation, ranking and facets), against `select 1` through the same pool in the same run.
 * Prints p50/p95/p99 sequentially and with 8 concurrent clients. Target (issue #3): p95 < 100 ms.
 */
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../apps/server/src/app.ts';
import { bootstrap, DEMO_PASSWORD } from '../../apps/server/src/bootstrap.ts';
import { reindexResources } from '../../apps/server/src/modules/resources/search.service.ts';
import { loadConfig } from '../../apps/server/src/platform/config/config.ts';
import { createFieldCrypto, loadFieldKey } from '../../apps/server/src/platform/crypto/field-crypto.ts';
import { connectDatabase, migrateDatabase } from '../../apps/server/src/platform/db/client.ts';
import { startEmbeddedPostgres } from '../../apps/server/src/platform/db/embedded.ts';
import { newId } from '../../apps/server/src/platform/db/types.ts';
import { createStorage } from '../../apps/server/src/platform/storage/index.ts';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const RESOURCES = arg('resources', 100_000);
const ROUNDS = arg('rounds', 25);

const QUERIES = [
  '分数 加法',
  '古诗 朗读',
  '一元一次方程 应用',
  '三角形 面积',
  '阅读 理解',
  '小数 乘法',
  '现在进行时 用法',
  '垃圾 分类',
  '勾股定理 证明',
  '汉语拼音 声母',
  '平行四边形 面积',
  '比例 应用',
  '习作 写作',
  '乘法 口诀',
  '圆 周长',
  '一般过去时 练习',
  '统计 图',
  '文言文 翻译',
  '二次函数 图像',
  '课堂 实录',
];

const dir = join(process.cwd(), '.hanlin-bench', `search-${RESOURCES}`);
const pg = await startEmbeddedPostgres({ dir, database: 'hanlin' });
const database = connectDatabase(pg.url, 20);
await migrateDatabase(database.db);
const config = loadConfig({
  ...process.env,
  HANLIN_DATA_DIR: dir,
  HANLIN_DEMO_STUDENTS: '4000',
  LOG_LEVEL: 'silent',
});
const deps = {
  config,
  database,
  crypto: createFieldCrypto(loadFieldKey(undefined, dir)),
  storage: createStorage(config),
};
await bootstrap(deps, () => {});

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
const have = (await database.db.execute<{ n: number }>(sql`select count(*)::int as n from resource`)).rows[0]!
  .n;
if (have < RESOURCES) {
  const t0 = Date.now();
  const lessons = (
    await database.db.execute<{
      id: string;
      title: string;
      subject: string;
      grade: string;
      unit: string;
      kps: string;
    }>(sql`
      select l.id, l.title, e.subject_code as subject, l.grade_code as grade, u.title as unit,
             coalesce((select string_agg(k.name, '、') from lesson_knowledge_point lk join knowledge_point k on k.id = lk.knowledge_point_id
                        where lk.lesson_id = l.id), '') as kps
        from curriculum_node l join curriculum_node u on u.id = l.parent_id join textbook_edition e on e.id = l.edition_id
       where l.kind = 'lesson' order by l.id`)
  ).rows;
  const authors = (
    await database.db.execute<{ id: string; school: string; district: string; path: string }>(sql`
      select t.person_id as id, t.school_id as school, s.district_id as district, s.path::text as path
        from teacher t join org_unit s on s.id = t.school_id order by t.person_id`)
  ).rows;
  let seed = 20260901;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let done = have; done < RESOURCES; ) {
    const rows: Record<string, unknown>[] = [];
    for (let i = 0; i < 5000 && done < RESOURCES; i++, done++) {
      const l = lessons[rnd(lessons.length)]!;
      const a = authors[rnd(authors.length)]!;
      const k = rnd(SUFFIXES.length);
      rows.push({
        id: newId(),
        kind: KINDS[k],
        title: `《${l.title}》${SUFFIXES[k]}`,
        description: `${l.unit}：${l.kps}。适合课前预习、课堂教学和课后复习。`,
        tags: [SUFFIXES[k]],
        subject: l.subject,
        grade: l.grade,
        lesson: l.id,
        author: a.id,
        path: a.path,
        district: a.district,
        school: a.school,
        status: rnd(10) === 0 ? 'draft' : 'published',
        views: rnd(500),
      });
    }
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`
        insert into resource (id, kind, title, description, tags, subject_code, grade_code, lesson_id, author_id, path,
                              district_id, school_id, status, published_at)
        select x.id, x.kind, x.title, x.description, x.tags, x.subject, x.grade, x.lesson, x.author, x.path::ltree,
               x.district, x.school, x.status, case when x.status = 'published' then now() end
          from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id uuid, kind text, title text, description text,
               tags text[], subject text, grade text, lesson uuid, author uuid, path text, district uuid, school uuid, status text)`);
      await tx.execute(sql`
        insert into resource_stat (resource_id, views)
        select x.id, x.views from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id uuid, views int)`);
      await reindexResources(tx, 'missing');
    });
    process.stdout.write(`\r  resources: ${done.toLocaleString()} / ${RESOURCES.toLocaleString()}`);
  }
  await database.db.execute(sql`analyze resource`);
  console.log(`\ncatalogue built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

const app = await buildApp(deps, { logger: false, serveWeb: false });
app.get('/api/bench/baseline', { config: { policy: { allow: 'public' } } }, async () => {
  await database.pool.query('select 1');
  return { ok: true };
});
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const login = await fetch(`${base}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'student_demo', password: DEMO_PASSWORD }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
const total = (await database.db.execute<{ n: number }>(sql`select count(*)::int as n from resource`))
  .rows[0]!.n;

async function timed(url: string, headers: Record<string, string>) {
  const t = process.hrtime.bigint();
  const res = await fetch(url, { headers });
  const body = (await res.json()) as { total?: number };
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, hits: body.total ?? 0 };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

async function measure(title: string, urls: string[], headers: Record<string, string>, concurrency: number) {
  const times: number[] = [];
  let hits = 0;
  for (const u of urls.slice(0, 20)) await timed(u, headers); // warm-up
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < urls.length) {
        const u = urls[next++]!;
        const r = await timed(u, headers);
        times.push(r.ms);
        hits += r.hits;
      }
    }),
  );
  return {
    title,
    concurrency,
    n: times.length,
    p50: pct(times, 50),
    p95: pct(times, 95),
    p99: pct(times, 99),
    hits: hits / times.length,
  };
}

const searchUrls = Array.from({ length: ROUNDS }, () =>
  QUERIES.map((q) => `${base}/api/resources/search?q=${encodeURIComponent(q)}`),
).flat();
const baseUrls = searchUrls.map(() => `${base}/api/bench/baseline`);
const results = [
  await measure('baseline select 1', baseUrls, {}, 1),
  await measure('search, 1 client', searchUrls, { cookie }, 1),
  await measure('baseline select 1', baseUrls, {}, 8),
  await measure('search, 8 clients', searchUrls, { cookie }, 8),
];
console.log(
  `\n${total.toLocaleString()} resources; ${QUERIES.length} two-word Chinese queries × ${ROUNDS}, as a student over loopback`,
);
console.log(
  'route'.padEnd(22),
  'n'.padStart(5),
  'p50 ms'.padStart(8),
  'p95 ms'.padStart(8),
  'p99 ms'.padStart(8),
  'hits'.padStart(8),
  ' target',
);
for (const r of results) {
  const target = r.title.startsWith('search')
    ? r.p95 < 100
      ? ' ✓ (p95 < 100 ms)'
      : ' ✗ (p95 < 100 ms)'
    : '';
  console.log(
    r.title.padEnd(22),
    String(r.n).padStart(5),
    r.p50.toFixed(1).padStart(8),
    r.p95.toFixed(1).padStart(8),
    r.p99.toFixed(1).padStart(8),
    r.hits.toFixed(0).padStart(8),
    target,
  );
}
// The slowest queries, sequentially: what to look at when p95 moves.
const perQuery = [];
for (const q of QUERIES) {
  const url = `${base}/api/resources/search?q=${encodeURIComponent(q)}`;
  const times = [];
  let hits = 0;
  for (let i = 0; i < 5; i++) {
    const r = await timed(url, { cookie });
    times.push(r.ms);
    hits = r.hits;
  }
  perQuery.push({ q, ms: pct(times, 50), hits });
}
perQuery.sort((a, b) => b.ms - a.ms);
console.log(
  `slowest: ${perQuery
    .slice(0, 5)
    .map((p) => `「${p.q}」 ${p.ms.toFixed(0)} ms (${p.hits} hits)`)
    .join('; ')}`,
);
await app.close();
await database.close();
await pg.stop();

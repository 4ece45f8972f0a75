import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../../platform/db/client.ts';
import { withScope } from '../../platform/db/scoped.ts';
import { newId } from '../../platform/db/types.ts';
import { actorDbScope } from '../../platform/http/context.ts';
import type { Viewer } from '../../platform/scope/registry.ts';
import { queryTokens } from '../../platform/search/chinese.ts';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';
import { readWordStats, type SearchFilter } from './search.repository.ts';
import {
  refreshSearchPopularity,
  reindexResources,
  type SearchTuning,
  searchMatches,
  searchMatchesExactly,
} from './search.service.ts';

let t: TestApp;
let student: Client;

type Result = {
  total: number;
  words: string[];
  items: { id: string; title: string; status: string; subjectCode: string | null }[];
  facets: { kind: { value: string; count: number }[]; subject: { value: string; count: number }[] };
};

beforeAll(async () => {
  t = await createTestApp();
  student = await t.login('student_demo');
});
afterAll(() => t.close());

const search = async (q: string, extra = '') =>
  (await student.get(`/api/resources/search?q=${encodeURIComponent(q)}${extra}`)).json() as Result;

describe('Chinese full-text search', () => {
  it('finds theme resources by two-word Chinese queries, best match first', async () => {
    const r = await search('垃圾 分类');
    expect(r.words).toEqual(['垃圾', '分类']);
    expect(r.items[0]!.title).toBe('垃圾分类我先行');
    const water = await search('防溺水安全');
    expect(water.items[0]!.title).toBe('防溺水安全教育');
  });

  it('finds a lesson resource by words of its lesson and knowledge points, with facets', async () => {
    const [r] = (
      await t.db.db.execute<{ id: string; lesson: string }>(sql`
        select r.id, l.title as lesson from resource r join curriculum_node l on l.id = r.lesson_id
         where r.status = 'published' and char_length(l.title) >= 4 order by r.id limit 1`)
    ).rows;
    const res = await search(r!.lesson);
    expect(res.items.map((i) => i.id)).toContain(r!.id);
    expect(res.facets.kind.reduce((s, f) => s + f.count, 0)).toBe(res.total);
    const filtered = await search(r!.lesson, '&kind=theme');
    expect(filtered.items.every((i) => i.id !== r!.id)).toBe(true);
  });

  it('never returns someone else’s draft, and treats SQL and markup as plain words', async () => {
    const [d] = (
      await t.db.db.execute<{ title: string }>(sql`select title from resource where status = 'draft' limit 1`)
    ).rows;
    const res = await search(d!.title);
    expect(res.items.every((i) => i.status === 'published')).toBe(true);
    const inj = await student.get(
      `/api/resources/search?q=${encodeURIComponent("'); drop table resource; --")}`,
    );
    expect(inj.statusCode).toBe(200);
    const mark = await search('<script>alert(1)</script>');
    expect(mark.total).toBe(0);
    expect((await student.get('/api/resources/search?q=%20')).statusCode).toBe(400);
    expect((await search('，。！')).total).toBe(0);
  });
});

describe('large result sets', () => {
  /** Small enough thresholds that a few hundred matches count as large. */
  const tuning: SearchTuning = { exactMax: 5, candidates: 3, sampleMatches: 4, commonWord: 0.3 };
  const word = '实录';
  let viewer: Viewer;

  /** `n` published lesson recordings (课堂实录), used and rated unevenly, indexed as the app does. */
  async function addRecordings(n: number) {
    const [a] = (
      await t.db.db.execute<{ author_id: string; path: string; district_id: string; school_id: string }>(sql`
        select author_id, path::text as path, district_id, school_id from resource where status = 'published' limit 1`)
    ).rows;
    const rows = Array.from({ length: n }, (_, i) => ({
      ...a,
      id: newId(),
      kind: i % 3 === 0 ? 'video' : 'courseware',
      title: `《第${i + 1}课》课堂实录`,
      description: `示范课堂教学，第${i + 1}课。`,
      views: (i * 7919) % 5000,
      ratings: i % 4 === 0 ? 1 + (i % 9) : 0,
    }));
    const json = JSON.stringify(rows);
    await t.db.db.transaction(async (tx) => {
      await tx.execute(sql`
        insert into resource (id, kind, title, description, author_id, path, district_id, school_id, status, published_at)
        select x.id, x.kind, x.title, x.description, x.author_id, x.path::ltree, x.district_id, x.school_id, 'published', now()
          from jsonb_to_recordset(${json}::jsonb) as x(id uuid, kind text, title text, description text, author_id uuid,
               path text, district_id uuid, school_id uuid)`);
      await tx.execute(sql`
        insert into resource_stat (resource_id, views, rating_count, rating_sum)
        select x.id, x.views, x.ratings, x.ratings * 4 from jsonb_to_recordset(${json}::jsonb) as x(id uuid, views int, ratings int)`);
      await reindexResources(
        tx,
        rows.map((r) => r.id),
      );
    });
  }

  beforeAll(async () => {
    const [s] = (
      await t.db.db.execute<{ person_id: string; path: string }>(sql`
        select a.person_id, ra.path::text as path from account a join role_assignment ra on ra.person_id = a.person_id
         where a.username = 'student_demo' and ra.active`)
    ).rows;
    viewer = {
      actor: { personId: s!.person_id, role: 'student', orgPath: s!.path },
      scope: { all: false, paths: [], personIds: [s!.person_id], memberPaths: [] },
    } as unknown as Viewer;
    await addRecordings(300);
    await t.db.db.execute(sql`analyze resource_search`);
    await t.db.db.transaction((tx) => refreshSearchPopularity(tx));
  });

  /** As the app runs it: the application role, under the student's scope (row-level security on). */
  const asStudent = <T>(fn: (tx: Tx) => Promise<T>): Promise<T> =>
    withScope(t.deps.database, actorDbScope(viewer.actor, viewer.scope), fn);
  const exactly = (words: string[], q: Partial<SearchFilter> = {}) =>
    asStudent((tx) => searchMatchesExactly(tx, viewer, words, { limit: 1000, offset: 0, ...q }));
  const fast = (words: string[], q: Partial<SearchFilter> = {}, opts = tuning, stats?: null) =>
    asStudent((tx) =>
      searchMatches(tx, viewer, words, { limit: 10, offset: 0, ...q }, { statsKey: {}, tuning: opts, stats }),
    );

  it('reads the word statistics as the application role, row-level security on', async () => {
    // pg_stats hides the statistics of a table under RLS; the search index (resource_search) holds
    // no personal data and has none, so the planning of a search knows which words are common.
    const stats = await asStudent((tx) => readWordStats(tx));
    expect(stats?.rows).toBeGreaterThan(300);
  });

  it('keeps popularity levels of exactly 1/2ʲ of the published resources', async () => {
    const [r] = (
      await t.db.db.execute<{ n: number; levels: number[] }>(sql`
        select (select count(*)::int from resource where status = 'published') as n,
               array(select (select count(*)::int from resource r join resource_search x on x.id = r.id
                                where r.status = 'published' and x.search_popularity @> array[j::smallint])
                       from generate_series(1, 12) j order by j) as levels`)
    ).rows;
    expect(r!.levels).toEqual(Array.from({ length: 12 }, (_, i) => Math.floor(r!.n / 2 ** (i + 1))));
  });

  it('scores the candidates exactly, estimates the counts, and finds what became popular', async () => {
    const all = await exactly([word]);
    expect(all.total).toBe(300);
    const got = await fast([word]);
    expect(got.estimated).toBe(true);
    expect(got.total).toBeGreaterThan(100);
    expect(got.total).toBeLessThan(900);
    const exactScore = new Map((all.items ?? []).map((i) => [i.id, i.score]));
    const items = got.items ?? [];
    expect(items.length).toBe(10);
    for (const i of items) expect(i.score).toBeCloseTo(exactScore.get(i.id)!, 9);
    expect(items.map((i) => i.score)).toEqual([...items.map((i) => i.score)].sort((a, b) => b - a));
    // A match nobody used becomes the most used: once the levels are refreshed it leads both rankings.
    const last = all.items!.at(-1)!;
    await t.db.db.execute(sql`
      insert into resource_stat (resource_id, views, rating_count, rating_sum) values (${last.id}, 1000000, 50, 250)
      on conflict (resource_id) do update set views = 1000000, rating_count = 50, rating_sum = 250`);
    await t.db.db.transaction((tx) => refreshSearchPopularity(tx));
    expect((await exactly([word])).items![0]!.id).toBe(last.id);
    expect((await fast([word])).items![0]!.id).toBe(last.id);
  });

  it('applies catalogue filters in the index, and pages past the first candidates', async () => {
    const videos = await fast([word], { kind: 'video' });
    expect(videos.items!.length).toBe(10);
    expect(videos.items!.every((i) => i.kind === 'video')).toBe(true);
    const deep = await fast([word], { offset: 15, limit: 5 });
    const exact = await exactly([word], { limit: 20 });
    expect(deep.items!.length).toBe(5);
    expect(deep.items!.every((i) => i.score <= exact.items![14]!.score)).toBe(true);
  });

  it('checks words found in most resources on the rows instead of the index, with the same answer', async () => {
    // commonWord 0: every word but the rarest is checked on the rows; exactMax high: ranked whole.
    const words = queryTokens('示范 实录');
    expect(words).toEqual(['示范', '实录']);
    const split = await fast(words, { limit: 50 }, { ...tuning, commonWord: 0, exactMax: 1e9 });
    const whole = await exactly(words, { limit: 50 });
    expect(whole.total).toBe(300);
    expect(split.estimated).toBe(false);
    expect(split.total).toBe(whole.total);
    expect(split.items!.map((i) => i.id)).toEqual(whole.items!.map((i) => i.id));
  });

  it('estimates a large result set without word statistics too, drawing larger samples', async () => {
    // Without statistics (before the first ANALYZE) the first sample is the smallest, 1/4096:
    // finding nothing there must not pass for a small result set.
    const got = await fast([word], {}, { ...tuning, exactMax: 50 }, null);
    expect(got.estimated).toBe(true);
    expect(got.total).toBeGreaterThan(100);
    expect(got.items!.length).toBe(10);
  });
});

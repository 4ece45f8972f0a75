import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';

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

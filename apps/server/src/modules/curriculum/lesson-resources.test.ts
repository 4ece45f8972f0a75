import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';

/** Issue 9 §9: a lesson's panel lists its published resources; the workbook is for staff. */
let t: TestApp;
let teacher: Client;
let student: Client;
/** A lesson with a published demo resource, and that resource. */
let lesson: string;
let published: string;

const rows = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) =>
  (await t.db.db.execute<T>(q)).rows;

beforeAll(async () => {
  t = await createTestApp();
  teacher = await t.login('teacher_demo');
  student = await t.login('student_demo');
  const [r] = await rows<{ id: string; lessonId: string }>(sql`
    select id, lesson_id as "lessonId" from resource
     where status = 'published' and lesson_id is not null order by id limit 1`);
  published = r!.id;
  lesson = r!.lessonId;
});
afterAll(() => t.close());

type Listed = { total: number; items: { id: string; title: string; publishedAt: string | null }[] };

describe("a lesson's resources", () => {
  it('lists the published ones only: not drafts or resources in review, not even to their author', async () => {
    const ids: string[] = [];
    for (const title of ['《本课》草稿', '《本课》审核中']) {
      const res = await teacher.post('/api/resources', { kind: 'micro_lesson', title, lessonId: lesson });
      expect(res.statusCode, res.body).toBe(200);
      ids.push((res.json() as { id: string }).id);
    }
    await t.db.db.execute(sql`update resource set status = 'in_review' where id = ${ids[1]}`);
    const expected = await rows<{ id: string }>(sql`
      select id from resource where lesson_id = ${lesson} and status = 'published'`);
    for (const c of [teacher, student]) {
      const res = await c.get(`/api/curriculum/lessons/${lesson}/resources`);
      expect(res.statusCode, res.body).toBe(200);
      const list = res.json() as Listed;
      expect(list.items.map((i) => i.id).sort()).toEqual(expected.map((e) => e.id).sort());
      expect(list.items.map((i) => i.id)).toContain(published);
      expect(list.total).toBe(expected.length);
      expect(list.items.every((i) => i.publishedAt !== null)).toBe(true);
    }
    // The author still finds the drafts among their own resources.
    const mine = (await teacher.get(`/api/resources?mine=true&lessonId=${lesson}`)).json() as Listed;
    expect(mine.items.map((i) => i.id)).toEqual(expect.arrayContaining(ids));
  });

  it('answers 404 for a unit or an unknown id', async () => {
    const [unit] = await rows<{ id: string }>(
      sql`select id from curriculum_node where kind = 'unit' limit 1`,
    );
    expect((await student.get(`/api/curriculum/lessons/${unit!.id}/resources`)).statusCode).toBe(404);
    const unknown = '01900000-0000-7000-8000-000000000000';
    expect((await student.get(`/api/curriculum/lessons/${unknown}/resources`)).statusCode).toBe(404);
  });
});

describe('the backbone workbook', () => {
  it('exports to staff and is refused to students and parents', async () => {
    expect((await teacher.get('/api/curriculum/export?subjectCode=14')).statusCode).toBe(200);
    expect((await student.get('/api/curriculum/export?subjectCode=14')).statusCode).toBe(403);
    const parent = await t.login('parent_demo');
    expect((await parent.get('/api/curriculum/export?subjectCode=14')).statusCode).toBe(403);
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let student: Client;
let id: string;
let authorName: string;

type Ratings = {
  count: number;
  average: number | null;
  mine: number | null;
  comments: { name: string; stars: number; comment: string }[];
};

beforeAll(async () => {
  t = await createTestApp();
  student = await t.login('student_demo');
  const [r] = (
    await t.db.db.execute<{ id: string; username: string }>(sql`
      select r.id, a.username from resource r join account a on a.person_id = r.author_id
       where r.status = 'published' and r.kind = 'micro_lesson' and a.username <> 'teacher_demo'
         -- The demo library's learners rated many lessons: one nobody has rated yet.
         and not exists (select 1 from resource_rating x where x.resource_id = r.id) order by r.id limit 1`)
  ).rows;
  id = r!.id;
  authorName = r!.username;
});
afterAll(() => t.close());

describe('ratings and comments (R4)', () => {
  it('keeps one rating per person, moves the average by the difference, and audits it', async () => {
    const first = await student.post(`/api/resources/${id}/ratings`, {
      stars: 3,
      comment: '讲得清楚，例题可以再多一些',
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ count: 1, average: 3, mine: 3 });
    const again = (
      await student.post(`/api/resources/${id}/ratings`, { stars: 5, comment: '补充后很好' })
    ).json() as Ratings;
    expect(again).toMatchObject({ count: 1, average: 5, mine: 5 });
    const teacher = await t.login('teacher_demo');
    const t4 = (await teacher.post(`/api/resources/${id}/ratings`, { stars: 4 })).json() as Ratings;
    expect(t4).toMatchObject({ count: 2, average: 4.5 });
    expect(t4.comments.map((c) => c.comment)).toEqual(['补充后很好']);
    const audit = await t.db.db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'resource.rate' and target_id = ${id}`,
    );
    expect(audit.rows[0]!.n).toBe(3);
  });

  it('refuses rating one’s own resource, drafts and out-of-range stars', async () => {
    const author = await t.login(authorName);
    expect((await author.post(`/api/resources/${id}/ratings`, { stars: 5 })).statusCode).toBe(403);
    expect((await student.post(`/api/resources/${id}/ratings`, { stars: 6 })).statusCode).toBe(400);
    expect((await student.post(`/api/resources/${id}/ratings`, { stars: 0 })).statusCode).toBe(400);
    const [d] = (
      await t.db.db.execute<{ id: string; username: string }>(sql`
      select r.id, a.username from resource r join account a on a.person_id = r.author_id where r.status = 'draft' limit 1`)
    ).rows;
    const owner = await t.login(d!.username);
    expect((await owner.post(`/api/resources/${d!.id}/ratings`, { stars: 5 })).statusCode).toBe(409);
  });
});

describe('usage statistics (R4)', () => {
  it('counts contributions and views by district for the city and by school for a district, within scope', async () => {
    const city = await t.login('city_admin');
    const byDistrict = (await city.get('/api/resources/stats')).json() as {
      level: string;
      rows: { name: string; published: number; views: number }[];
    };
    expect(byDistrict.level).toBe('district');
    expect(byDistrict.rows.length).toBeGreaterThan(1);
    expect(byDistrict.rows.reduce((s, r) => s + r.published, 0)).toBeGreaterThan(0);
    const district = await t.login('district_yuexiu');
    const bySchool = (await district.get('/api/resources/stats')).json() as {
      level: string;
      rows: { name: string }[];
    };
    expect(bySchool.level).toBe('school');
    const names = (
      await t.db.db.execute<{ name: string }>(sql`
      select s.name from org_unit s join org_unit d on d.id = s.district_id where s.kind = 'school' and d.name like '越秀%'`)
    ).rows.map((r) => r.name);
    expect(bySchool.rows.every((r) => names.includes(r.name))).toBe(true);
    expect((await student.get('/api/resources/stats')).statusCode).toBe(403);
  });
});

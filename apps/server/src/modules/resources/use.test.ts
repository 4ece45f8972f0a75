import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let student: Client;
let city: Client;

const rows = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) =>
  (await t.db.db.execute<T>(q)).rows;
const stat = async (id: string) =>
  (
    await rows<{ views: number; completions: number; downloads: number }>(sql`
      select coalesce(views, 0) as views, coalesce(completions, 0) as completions, coalesce(downloads, 0) as downloads
        from resource r left join resource_stat s on s.resource_id = r.id where r.id = ${id}`)
  )[0]!;

type Pending = {
  items: { resourceId: string; title: string; reason: string; details: Record<string, unknown> }[];
};

beforeAll(async () => {
  t = await createTestApp();
  student = await t.login('student_demo');
  city = await t.login('city_admin');
});
afterAll(() => t.close());

describe('completions and downloads (R4)', () => {
  it('counts a completion once per learner, by the learner’s school', async () => {
    const [r] = await rows<{ id: string }>(
      sql`select id from resource where status = 'published' and kind = 'theme' order by id limit 1`,
    );
    const id = r!.id;
    const before = await stat(id);
    expect((await student.get(`/api/resources/${id}`)).json()).toMatchObject({ completed: false });
    expect((await student.post(`/api/resources/${id}/complete`)).statusCode).toBe(200);
    expect((await student.post(`/api/resources/${id}/complete`)).statusCode).toBe(200);
    expect((await stat(id)).completions).toBe(before.completions + 1);
    // The completion is a write: audited once, with who and which resource (a repeat changes nothing).
    const audits = await rows<{ actor: string; role: string; path: string }>(sql`
      select l.actor_name as actor, l.actor_role as role, l.org_path::text as path from audit_log l
       where l.action = 'resource.complete' and l.target_type = 'resource' and l.target_id = ${id}`);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ role: 'student' });
    expect(audits[0]!.path).toBeTruthy();
    expect((await student.get(`/api/resources/${id}`)).json()).toMatchObject({ completed: true });
    const [school] = await rows<{ path: string }>(sql`
      select o.path::text as path from student s join org_unit o on o.id = s.school_id
        join account a on a.person_id = s.person_id where a.username = 'student_demo'`);
    const used = await rows<{ n: number }>(sql`
      select coalesce(sum(completions), 0)::int as n from resource_use
       where resource_id = ${id} and viewer_path = ${school!.path}::ltree`);
    expect(used[0]!.n).toBeGreaterThanOrEqual(1);
    const [draft] = await rows<{ id: string; author: string }>(sql`
      select r.id, a.username as author from resource r join account a on a.person_id = r.author_id
       where r.status = 'draft' order by r.id limit 1`);
    expect((await student.post(`/api/resources/${draft!.id}/complete`)).statusCode).toBe(404);
    const author = await t.login(draft!.author);
    expect((await author.post(`/api/resources/${draft!.id}/complete`)).statusCode).toBe(409);
  });

  it('serves a download as an attachment and counts it, but not a resumed range', async () => {
    const [f] = await rows<{ id: string; file: string }>(sql`
      select r.id, f.id as file from resource r join resource_file f on f.resource_id = r.id and f.role = 'main'
       where r.status = 'published' order by r.id limit 1`);
    const before = await stat(f!.id);
    const res = await student.get(`/api/resources/${f!.id}/files/${f!.file}/download`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    const resumed = await student.request(
      'GET',
      `/api/resources/${f!.id}/files/${f!.file}/download`,
      undefined,
      {
        range: 'bytes=100-',
      },
    );
    expect(resumed.statusCode).toBe(206);
    const after = await stat(f!.id);
    expect(after.downloads).toBe(before.downloads + 1);
    expect(after.views).toBe(before.views);
  });

  it('shows a district how much each of its schools uses resources', async () => {
    const district = await t.login('district_yuexiu');
    const [school] = await rows<{ name: string }>(sql`
      select o.name from student s join org_unit o on o.id = s.school_id
        join account a on a.person_id = s.person_id where a.username = 'student_demo'`);
    const res = (await district.get('/api/resources/stats')).json() as {
      rows: { name: string; usedViews: number; usedCompletions: number; usedDownloads: number }[];
    };
    // The demo student's completion and download above count for the student's school.
    const mine = res.rows.find((r) => r.name === school!.name)!;
    expect(mine.usedCompletions).toBeGreaterThanOrEqual(1);
    expect(mine.usedDownloads).toBeGreaterThanOrEqual(1);
  });
});

describe('retirement of low-rated and unused resources (R4)', () => {
  it('flags the unused channel and the low-rated lesson for the administrators who own them', async () => {
    const list = (await city.get('/api/resources/retirements')).json() as Pending;
    const reasons = Object.fromEntries(list.items.map((i) => [i.title, i.reason]));
    expect(reasons['小学英语自然拼读动画（2019 版）']).toBe('unused');
    const low = list.items.find((i) => i.reason === 'low_rating')!;
    expect(low.details).toMatchObject({ ratings: 6 });
    expect(Number(low.details.average)).toBeLessThan(2.5);
    const notified = await rows<{ n: number }>(sql`
      select count(*)::int as n from notification n join account a on a.person_id = n.person_id
       where a.username = 'city_admin' and n.kind = 'resource.retirement'`);
    expect(notified[0]!.n).toBeGreaterThan(0);
    // A school administrator sees only flags of resources in the school.
    const school = (
      await (await t.login('school_admin')).get('/api/resources/retirements')
    ).json() as Pending;
    expect(school.items.map((i) => i.title)).not.toContain('小学英语自然拼读动画（2019 版）');
    // Running the check again adds nothing while the flags wait.
    expect((await city.post('/api/resources/retirements/run')).json()).toEqual({ flagged: 0 });
  });

  it('retires on confirmation, keeps on request, and does not flag a kept resource again', async () => {
    const list = (await city.get('/api/resources/retirements')).json() as Pending;
    const unused = list.items.find((i) => i.reason === 'unused')!;
    const low = list.items.find((i) => i.reason === 'low_rating')!;
    const school = await t.login('school_admin');
    expect(
      (await school.post(`/api/resources/${unused.resourceId}/retirement`, { action: 'retire' })).statusCode,
    ).toBe(403);
    expect(
      (
        await city.post(`/api/resources/${unused.resourceId}/retirement`, {
          action: 'keep',
          note: '下学期续约',
        })
      ).statusCode,
    ).toBe(200);
    expect((await city.post('/api/resources/retirements/run')).json()).toEqual({ flagged: 0 });
    const retired = await city.post(`/api/resources/${low.resourceId}/retirement`, { action: 'retire' });
    expect(retired.statusCode).toBe(200);
    expect((await student.get(`/api/resources/${low.resourceId}`)).statusCode).toBe(404);
    const [author] = await rows<{ n: number }>(sql`
      select count(*)::int as n from notification n join resource r on r.author_id = n.person_id
       where r.id = ${low.resourceId} and n.kind = 'resource.retired'`);
    expect(author!.n).toBe(1);
    expect(
      (await city.post(`/api/resources/${low.resourceId}/retirement`, { action: 'keep' })).statusCode,
    ).toBe(404);
    const audit = await rows<{ n: number }>(sql`
      select count(*)::int as n from audit_log where action = 'resource.retire' and target_id = ${low.resourceId}`);
    expect(audit[0]!.n).toBe(1);
    expect(
      (await student.post(`/api/resources/${unused.resourceId}/retirement`, { action: 'retire' })).statusCode,
    ).toBe(403);
  });

  it('flags a resource once learners rate it low', async () => {
    const [r] = await rows<{ id: string }>(sql`
      select r.id from resource r where r.status = 'published' and r.kind = 'theme'
         and not exists (select 1 from resource_retirement x where x.resource_id = r.id) order by r.id desc limit 1`);
    const raters = await rows<{ username: string }>(sql`
      select a.username from student s join account a on a.person_id = s.person_id
       where s.status = 'enrolled' order by s.student_no limit 5`);
    for (const { username } of raters) {
      const c = await t.login(username);
      expect(
        (await c.post(`/api/resources/${r!.id}/ratings`, { stars: 1, comment: '打不开' })).statusCode,
      ).toBe(200);
    }
    expect((await city.post('/api/resources/retirements/run')).json()).toEqual({ flagged: 1 });
    const list = (await city.get('/api/resources/retirements')).json() as Pending;
    expect(list.items.find((i) => i.resourceId === r!.id)).toMatchObject({ reason: 'low_rating' });
  });
});

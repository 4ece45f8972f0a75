import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let teacher: Client;
let colleague: Client;
let sameDistrict: Client;
let otherDistrict: Client;
let schoolAdmin: Client;
let districtAdmin: Client;
let researcher: Client;
let school: { id: string; district: string } | undefined;

const rows = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) =>
  (await t.db.db.execute<T>(q)).rows;

async function teacherLogin(where: ReturnType<typeof sql>) {
  const [r] = await rows<{ username: string }>(sql`
    select a.username from account a join teacher tt on tt.person_id = a.person_id join org_unit s on s.id = tt.school_id
     where a.username like 't%' and ${where} order by a.username limit 1`);
  return t.login(r!.username);
}

async function newItem(stem: string) {
  const [kp] = await rows<{ id: string }>(
    sql`select id from knowledge_point where subject_code = '14' and grade_code = '14' order by code limit 1`,
  );
  const res = await teacher.post('/api/assessment/items', {
    content: { type: 'true_false', stem: `<p>${stem}</p>`, correct: true },
    tags: {
      subjectCode: '14',
      gradeCode: '14',
      knowledgePointIds: [kp!.id],
      cognitiveLevel: 'understand',
      difficulty: 0.8,
      score: 2,
      seconds: 30,
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().item.id as string;
}

const sees = async (c: Client, id: string) => (await c.get(`/api/assessment/items/${id}`)).statusCode === 200;

beforeAll(async () => {
  t = await createTestApp();
  teacher = await t.login('teacher_demo');
  schoolAdmin = await t.login('school_admin');
  districtAdmin = await t.login('district_yuexiu');
  researcher = await t.login('researcher_demo');
  [school] = await rows<{
    id: string;
    district: string;
  }>(sql`select tt.school_id as id, s.district_id as district
      from teacher tt join org_unit s on s.id = tt.school_id join account a on a.person_id = tt.person_id
     where a.username = 'teacher_demo'`);
  colleague = await teacherLogin(sql`tt.school_id = ${school!.id}`);
  sameDistrict = await teacherLogin(
    sql`s.district_id = ${school!.district} and tt.school_id <> ${school!.id}`,
  );
  otherDistrict = await teacherLogin(sql`s.district_id <> ${school!.district}`);
});
afterAll(() => t.close());

describe('sharing items after a light review', () => {
  it('shares with the school after the school administrator approves, telling reviewer and author', async () => {
    const id = await newItem('0 乘任何数都得 0。');
    const ask = await teacher.post(`/api/assessment/items/${id}/share`, { level: 'school' });
    expect(ask.statusCode, ask.body).toBe(200);
    expect(ask.json()).toMatchObject({ share: 'private', shareStatus: 'pending', shareRequested: 'school' });
    // Pending: still the author's alone.
    expect(await sees(colleague, id)).toBe(false);
    const [told] = await rows<{ n: number }>(sql`select count(*)::int as n from notification n
        join account a on a.person_id = n.person_id where a.username = 'school_admin' and n.kind = 'bank.share.arrival'`);
    expect(told!.n).toBeGreaterThanOrEqual(1);
    const queue = (await schoolAdmin.get('/api/assessment/item-shares')).json();
    expect(queue.levels).toEqual(['school']);
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(id);
    // The district does not decide a school share; the author cannot decide their own.
    expect(
      (await districtAdmin.post(`/api/assessment/items/${id}/share-decision`, { decision: 'approve' }))
        .statusCode,
    ).toBe(403);
    const ok = await schoolAdmin.post(`/api/assessment/items/${id}/share-decision`, { decision: 'approve' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ share: 'school', shareStatus: 'approved' });
    expect(await sees(colleague, id)).toBe(true);
    expect(await sees(sameDistrict, id)).toBe(false);
    const [author] = await rows<{ n: number }>(sql`select count(*)::int as n from notification n
        join account a on a.person_id = n.person_id where a.username = 'teacher_demo' and n.kind = 'bank.share.approve'`);
    expect(author!.n).toBe(1);
    const [audit] = await rows<{ n: number }>(sql`select count(*)::int as n from audit_log
        where target_id = ${id} and action in ('item.share.request', 'item.share.approve')`);
    expect(audit!.n).toBe(2);
  });

  it('widens to the district on a district decision, keeping the school share meanwhile', async () => {
    const id = await newItem('两个奇数的和是偶数。');
    await teacher.post(`/api/assessment/items/${id}/share`, { level: 'school' });
    await schoolAdmin.post(`/api/assessment/items/${id}/share-decision`, { decision: 'approve' });
    const ask = await teacher.post(`/api/assessment/items/${id}/share`, { level: 'district' });
    expect(ask.json()).toMatchObject({ share: 'school', shareStatus: 'pending' });
    expect(await sees(colleague, id)).toBe(true);
    expect(
      (await schoolAdmin.post(`/api/assessment/items/${id}/share-decision`, { decision: 'approve' }))
        .statusCode,
    ).toBe(403);
    const queue = (await districtAdmin.get('/api/assessment/item-shares')).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(id);
    const ok = await districtAdmin.post(`/api/assessment/items/${id}/share-decision`, {
      decision: 'approve',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await sees(sameDistrict, id)).toBe(true);
    expect(await sees(otherDistrict, id)).toBe(false);
  });

  it('returns a city request with a reason; the item stays private and the author reads why', async () => {
    const id = await newItem('三角形的内角和是 180 度。');
    await teacher.post(`/api/assessment/items/${id}/share`, { level: 'city' });
    expect((await researcher.get('/api/assessment/item-shares')).json().levels).toEqual(['city']);
    const noReason = await researcher.post(`/api/assessment/items/${id}/share-decision`, {
      decision: 'return',
    });
    expect(noReason.statusCode).toBe(400);
    const back = await researcher.post(`/api/assessment/items/${id}/share-decision`, {
      decision: 'return',
      reason: '请补充解析',
    });
    expect(back.statusCode, back.body).toBe(200);
    const item = (await teacher.get(`/api/assessment/items/${id}`)).json();
    expect(item).toMatchObject({ share: 'private', shareStatus: 'returned', shareNote: '请补充解析' });
    expect(await sees(otherDistrict, id)).toBe(false);
    const [note] = await rows<{
      body: string;
    }>(sql`select n.body from notification n join account a on a.person_id = n.person_id
        where a.username = 'teacher_demo' and n.kind = 'bank.share.return'`);
    expect(note!.body).toContain('请补充解析');
  });

  it('approves a city share for everyone and withdraws it again', async () => {
    const id = await newItem('1 千克铁和 1 千克棉花一样重。');
    await teacher.post(`/api/assessment/items/${id}/share`, { level: 'city' });
    expect(
      (await researcher.post(`/api/assessment/items/${id}/share-decision`, { decision: 'approve' }))
        .statusCode,
    ).toBe(200);
    expect(await sees(otherDistrict, id)).toBe(true);
    expect((await colleague.post(`/api/assessment/items/${id}/unshare`)).statusCode).toBe(403);
    const back = await teacher.post(`/api/assessment/items/${id}/unshare`);
    expect(back.json()).toMatchObject({ share: 'private', shareStatus: 'none' });
    expect(await sees(otherDistrict, id)).toBe(false);
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let teacher: Client;
let colleague: Client;
let otherSchool: Client;
let student: Client;
let parent: Client;
let kp: { id: string; name: string } = { id: '', name: '' };

const rows = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) =>
  (await t.db.db.execute<T>(q)).rows;

/** A teacher of the given school (or not of it) other than the demo teacher. */
async function teacherLogin(where: ReturnType<typeof sql>) {
  const [r] = await rows<{ username: string }>(sql`
    select a.username from account a join teacher tt on tt.person_id = a.person_id
     where a.username like 't%' and ${where} order by a.username limit 1`);
  return t.login(r!.username);
}

const draft = (stem: string, over: Record<string, unknown> = {}) => ({
  content: {
    type: 'single_choice',
    stem: `<p>${stem}</p>`,
    options: ['12', '15', '18', '21'].map((b, i) => ({ id: 'ABCD'[i], body: `<p>${b}</p>` })),
    correct: 'C',
  },
  tags: {
    subjectCode: '14',
    gradeCode: '14',
    knowledgePointIds: [kp.id],
    cognitiveLevel: 'apply',
    difficulty: 0.65,
    score: 3,
    seconds: 90,
    source: '2026 年越秀区四年级单元测验',
    year: 2026,
  },
  ...over,
});

type Item = {
  id: string;
  share: string;
  shareStatus: string;
  mine: boolean;
  canEdit: boolean;
  retired: boolean;
};

async function create(c: Client, stem: string) {
  const res = await c.post('/api/assessment/items', draft(stem));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { item: Item; similar: { id: string; similarity: number }[] };
}

beforeAll(async () => {
  t = await createTestApp();
  teacher = await t.login('teacher_demo');
  student = await t.login('student_demo');
  parent = await t.login('parent_demo');
  const [school] = await rows<{ school: string }>(sql`select tt.school_id as school from teacher tt
      join account a on a.person_id = tt.person_id where a.username = 'teacher_demo'`);
  colleague = await teacherLogin(sql`tt.school_id = ${school!.school}`);
  otherSchool = await teacherLogin(sql`tt.school_id <> ${school!.school}`);
  kp = (
    await rows<{ id: string; name: string }>(
      sql`select id, name from knowledge_point where subject_code = '14' and grade_code = '14' order by code limit 1`,
    )
  )[0]!;
});
afterAll(() => t.close());

describe('item bank', () => {
  it('writes an item with its tags, its search row and an audit entry', async () => {
    const { item } = await create(teacher, '学校买来 6 箱苹果，每箱 3 千克，一共多少千克？');
    expect(item).toMatchObject({ share: 'private', mine: true, canEdit: true });
    const [search] = await rows<{ n: number }>(
      sql`select count(*)::int as n from item_search where id = ${item.id}`,
    );
    expect(search!.n).toBe(1);
    const [audit] = await rows<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'item.create' and target_id = ${item.id}`,
    );
    expect(audit!.n).toBe(1);
  });

  it('refuses an item whose answer is not among its options, and writes nothing', async () => {
    const [before] = await rows<{ n: number }>(sql`select count(*)::int as n from item`);
    const bad = draft('错题', {});
    (bad.content as { correct: string }).correct = 'E';
    const res = await teacher.post('/api/assessment/items', bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(JSON.stringify(res.json().error.details)).toContain('content.correct');
    const blanks = await teacher.post('/api/assessment/items', {
      content: {
        type: 'fill_in',
        stem: '<p>3 + 4 = <span data-blank="x"></span></p>',
        blanks: [{ id: 'y', accepted: ['7'] }],
      },
      tags: draft('').tags,
    });
    expect(blanks.statusCode).toBe(400);
    const foreignKp = await teacher.post('/api/assessment/items', {
      ...draft('知识点不属于数学'),
      tags: { ...draft('').tags, knowledgePointIds: ['0193f3c0-0000-7000-8000-000000000009'] },
    });
    expect(foreignKp.statusCode).toBe(400);
    const [after] = await rows<{ n: number }>(sql`select count(*)::int as n from item`);
    expect(after!.n).toBe(before!.n);
  });

  it('finds items by Chinese words with facets counted under the other filters', async () => {
    await create(teacher, '甲乙两地相距 360 千米，一辆汽车每小时行 60 千米，几小时到达？');
    const res = await teacher.get(
      `/api/assessment/items?q=${encodeURIComponent('汽车 千米')}&subjectCode=14`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.total).toBeGreaterThanOrEqual(1);
    expect(body.items[0].content.stem).toContain('汽车');
    expect(body.facets.subject.find((f: { value: string }) => f.value === '14').count).toBeGreaterThanOrEqual(
      1,
    );
    expect(body.facets.point.some((f: { label: string }) => f.label === kp.name)).toBe(true);
    // Browsing without words, a filter narrows the items but not its own facet.
    const browse = (await teacher.get('/api/assessment/items?type=single_choice&mine=true')).json();
    expect(browse.items.every((i: { type: string }) => i.type === 'single_choice')).toBe(true);
    const typeFacet = browse.facets.type as { value: string; count: number }[];
    expect(typeFacet.length).toBeGreaterThan(1);
    const band = (await teacher.get('/api/assessment/items?band=medium&mine=true')).json();
    expect(band.items.every((i: { difficulty: number }) => i.difficulty >= 0.4 && i.difficulty < 0.7)).toBe(
      true,
    );
  });

  it('shows near-identical stems before saving and with the new item', async () => {
    const stem = '一本故事书有 120 页，小红每天看 15 页，几天能看完？';
    const first = await create(teacher, stem);
    const check = await teacher.post('/api/assessment/items/similar', {
      content: draft(`${stem.replace('120', '125')}`).content,
      subjectCode: '14',
    });
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json().similar.map((s: { id: string }) => s.id)).toContain(first.item.id);
    const second = await create(teacher, stem.replace('小红', '小兰'));
    expect(second.similar.map((s) => s.id)).toContain(first.item.id);
    const unrelated = await teacher.post('/api/assessment/items/similar', {
      content: draft('把一根绳子对折再对折，每段是全长的几分之几？').content,
    });
    expect(unrelated.json().similar.map((s: { id: string }) => s.id)).not.toContain(first.item.id);
  });

  it('keeps a private item from colleagues and other schools, and learners from the bank', async () => {
    const { item } = await create(teacher, '一个正方形的边长是 7 厘米，它的周长是多少厘米？');
    expect((await colleague.get(`/api/assessment/items/${item.id}`)).statusCode).toBe(404);
    expect((await otherSchool.get(`/api/assessment/items/${item.id}`)).statusCode).toBe(404);
    for (const learner of [student, parent]) {
      expect((await learner.get(`/api/assessment/items/${item.id}`)).statusCode).toBe(403);
      expect((await learner.get('/api/assessment/items')).statusCode).toBe(403);
      expect((await learner.post('/api/assessment/items', draft('学生出题'))).statusCode).toBe(403);
    }
    const found = (await colleague.get('/api/assessment/items?q=正方形 周长')).json();
    expect(found.items.map((i: { id: string }) => i.id)).not.toContain(item.id);
  });

  it('copies a shared item into the copier’s own bank, and only the author edits the original', async () => {
    const { item } = await create(teacher, '把 48 个苹果平均分给 6 个小朋友，每人分几个？');
    await t.db.db.execute(
      sql`update item set share = 'school', share_status = 'approved' where id = ${item.id}`,
    );
    expect((await colleague.get(`/api/assessment/items/${item.id}`)).statusCode).toBe(200);
    const edit = await colleague.request('PATCH', `/api/assessment/items/${item.id}`, {
      tags: { difficulty: 0.5 },
    });
    expect(edit.statusCode).toBe(403);
    const copy = await colleague.post(`/api/assessment/items/${item.id}/copy`);
    expect(copy.statusCode, copy.body).toBe(200);
    expect(copy.json()).toMatchObject({ mine: true, share: 'private', copiedFrom: item.id, canEdit: true });
    const changed = await colleague.request('PATCH', `/api/assessment/items/${copy.json().id}`, {
      tags: { difficulty: 0.5 },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().difficulty).toBe(0.5);
    expect(changed.json().knowledgePoints.map((k: { id: string }) => k.id)).toEqual([kp.id]);
    // A shared item is locked, even for its author.
    const locked = await teacher.request('PATCH', `/api/assessment/items/${item.id}`, { tags: { score: 4 } });
    expect(locked.statusCode).toBe(409);
  });

  it('retires an item out of search and restores it', async () => {
    const { item } = await create(teacher, '小华从家到学校要走 850 米，走了 370 米，还剩多少米？');
    const retire = await teacher.post(`/api/assessment/items/${item.id}/retire`);
    expect(retire.statusCode, retire.body).toBe(200);
    expect(retire.json().retired).toBe(true);
    const search = (await teacher.get('/api/assessment/items?q=小华 学校 米&mine=true')).json();
    expect(search.items.map((i: { id: string }) => i.id)).not.toContain(item.id);
    const retired = (await teacher.get('/api/assessment/items?retired=true&mine=true')).json();
    expect(retired.items.map((i: { id: string }) => i.id)).toContain(item.id);
    expect((await colleague.post(`/api/assessment/items/${item.id}/restore`)).statusCode).toBe(404);
    expect((await teacher.post(`/api/assessment/items/${item.id}/restore`)).json().retired).toBe(false);
  });
});

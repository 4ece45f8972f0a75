import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../../platform/db/client.ts';
import type { Viewer } from '../../platform/scope/registry.ts';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';
import { loadPool } from './assembly-pool.repository.ts';

let t: TestApp;
let teacher: Client;
let otherSchool: Client;
let student: Client;
let kps: { id: string }[];

const rows = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) =>
  (await t.db.db.execute<T>(q)).rows;

async function item(stem: string, type: 'true_false' | 'essay' = 'true_false') {
  const content =
    type === 'true_false'
      ? { type, stem: `<p>${stem}</p>`, correct: false }
      : { type, stem: `<p>${stem}</p>`, rubric: [{ points: 10, description: '内容完整' }] };
  const res = await teacher.post('/api/assessment/items', {
    content,
    tags: {
      subjectCode: '14',
      gradeCode: '14',
      knowledgePointIds: [kps[0]!.id],
      cognitiveLevel: 'apply',
      difficulty: 0.6,
      score: type === 'essay' ? 10 : 2,
      seconds: 60,
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().item.id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  teacher = await t.login('teacher_demo');
  student = await t.login('student_demo');
  const [other] = await rows<{ username: string }>(sql`
    select a.username from account a join teacher tt on tt.person_id = a.person_id
     where a.username like 't%' and tt.school_id <> (select tt2.school_id from teacher tt2 join account a2
       on a2.person_id = tt2.person_id where a2.username = 'teacher_demo') order by a.username limit 1`);
  otherSchool = await t.login(other!.username);
  kps = await rows<{ id: string }>(
    sql`select id from knowledge_point where subject_code = '14' and grade_code = '14' order by code limit 3`,
  );
});
afterAll(() => t.close());

describe('papers', () => {
  it('builds a paper by hand and finalises a snapshot the bank no longer changes', async () => {
    const a = await item('周长相等的两个长方形面积一定相等。');
    const b = await item('用自己的话说说怎样估算教室的面积。', 'essay');
    const created = await teacher.post('/api/assessment/papers', {
      title: '四年级数学第三单元检测',
      subjectCode: '14',
      gradeCode: '14',
      minutes: 40,
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id as string;
    const layout = await teacher.request('PATCH', `/api/assessment/papers/${id}`, {
      sections: [
        { title: '一、判断题', items: [{ itemId: a, score: 2 }] },
        { title: '二、解答题', instructions: '写出过程', items: [{ itemId: b, score: 10 }] },
      ],
    });
    expect(layout.statusCode, layout.body).toBe(200);
    expect(layout.json().figures).toMatchObject({ items: 2, totalScore: 12 });
    expect(layout.json().sections[1].items[0]).toMatchObject({ number: 2, itemId: b, score: 10 });

    const [before] = await rows<{ exposure: number }>(sql`select exposure from item where id = ${a}`);
    const final = await teacher.post(`/api/assessment/papers/${id}/finalise`);
    expect(final.statusCode, final.body).toBe(200);
    const doc = final.json().document;
    expect(final.json().status).toBe('final');
    expect(doc).toMatchObject({ title: '四年级数学第三单元检测', totalScore: 12, minutes: 40 });
    expect(doc.sections[0].items[0]).toMatchObject({ itemId: a, number: 1, score: 2 });
    const [after] = await rows<{ exposure: number }>(sql`select exposure from item where id = ${a}`);
    expect(after!.exposure).toBe(before!.exposure + 1);

    // The bank's item changes; the paper's document does not.
    const edit = await teacher.request('PATCH', `/api/assessment/items/${a}`, {
      content: { type: 'true_false', stem: '<p>改过的题干</p>', correct: true },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const again = (await teacher.get(`/api/assessment/papers/${id}`)).json();
    expect(again.document.sections[0].items[0].content.stem).toContain('周长相等');
    // A final paper no longer changes.
    expect(
      (await teacher.request('PATCH', `/api/assessment/papers/${id}`, { title: '改名' })).statusCode,
    ).toBe(409);
    expect((await teacher.post(`/api/assessment/papers/${id}/delete`)).statusCode).toBe(409);
    const copy = await teacher.post(`/api/assessment/papers/${id}/copy`);
    expect(copy.json()).toMatchObject({ status: 'draft', figures: { items: 2 } });
  });

  it('refuses an item the teacher does not see, twice the same item, and an empty paper', async () => {
    const [foreign] = await rows<{ id: string }>(sql`select i.id from item i
        where i.share = 'private' and i.school_id <> (select tt.school_id from teacher tt join account a
          on a.person_id = tt.person_id where a.username = 'teacher_demo') limit 1`);
    const id = (
      await teacher.post('/api/assessment/papers', {
        title: '练习',
        subjectCode: '14',
        gradeCode: '14',
        minutes: 20,
      })
    ).json().id;
    const refused = await teacher.request('PATCH', `/api/assessment/papers/${id}`, {
      sections: [{ title: '一', items: [{ itemId: foreign!.id, score: 2 }] }],
    });
    expect(refused.statusCode).toBe(400);
    const a = await item('平行四边形的对边相等。');
    const twice = await teacher.request('PATCH', `/api/assessment/papers/${id}`, {
      sections: [
        {
          title: '一',
          items: [
            { itemId: a, score: 2 },
            { itemId: a, score: 2 },
          ],
        },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect((await teacher.post(`/api/assessment/papers/${id}/finalise`)).statusCode).toBe(400);
    const [slots] = await rows<{ n: number }>(
      sql`select count(*)::int as n from paper_item where paper_id = ${id}`,
    );
    expect(slots!.n).toBe(0);
  });

  it('keeps papers and blueprints from another school and from learners', async () => {
    const paper = (
      await teacher.post('/api/assessment/papers', {
        title: '私卷',
        subjectCode: '14',
        gradeCode: '14',
        minutes: 20,
      })
    ).json().id;
    expect((await otherSchool.get(`/api/assessment/papers/${paper}`)).statusCode).toBe(404);
    expect((await student.get(`/api/assessment/papers/${paper}`)).statusCode).toBe(403);
    const list = (await otherSchool.get('/api/assessment/papers')).json();
    expect(list.items.map((p: { id: string }) => p.id)).not.toContain(paper);
  });

  it('saves a blueprint whose numbers agree, shared with the school, and refuses one whose do not', async () => {
    const spec = {
      title: '单元检测',
      cells: [
        { knowledgePointId: kps[0]!.id, cognitiveLevel: 'understand', count: 2 },
        { knowledgePointId: kps[1]!.id, cognitiveLevel: 'apply', count: 1 },
      ],
      types: [
        { type: 'single_choice', count: 2, score: 3 },
        { type: 'short_answer', count: 1, score: 4 },
      ],
      totalScore: 10,
      difficulty: { mean: 0.7 },
      minutes: 30,
    };
    const ok = await teacher.post('/api/assessment/blueprints', {
      name: '第三单元',
      subjectCode: '14',
      gradeCode: '14',
      spec,
      shared: true,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const bad = await teacher.post('/api/assessment/blueprints', {
      name: '错的',
      subjectCode: '14',
      gradeCode: '14',
      spec: { ...spec, totalScore: 12 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('总分');
    expect((await otherSchool.get(`/api/assessment/blueprints/${ok.json().id}`)).statusCode).toBe(404);
  });

  it('gives assembly the pool of items the teacher sees, less the excluded and over-exposed', async () => {
    const [me] = await rows<{ id: string; path: string }>(sql`select a.person_id as id, s.path::text as path
        from account a join teacher tt on tt.person_id = a.person_id join org_unit s on s.id = tt.school_id
       where a.username = 'teacher_demo'`);
    const viewer = {
      actor: { personId: me!.id, role: 'teacher', orgPath: me!.path },
      scope: { all: false, paths: [], personIds: [], memberPaths: [] },
    } as unknown as Viewer;
    const a = await item('等底等高的三角形面积相等。');
    const tx = t.db.db as unknown as Tx;
    const pool = await loadPool(tx, viewer, { subjectCode: '14', gradeCode: '14', exclude: [] });
    const mine = pool.find((p) => p.id === a);
    expect(mine).toMatchObject({ type: 'true_false', score: 2, knowledgePointIds: [kps[0]!.id] });
    const [other] = await rows<{ id: string; subject: string; grade: string }>(sql`select id,
        subject_code as subject, grade_code as grade from item where share = 'private' and author_id <> ${me!.id} limit 1`);
    const theirs = await loadPool(tx, viewer, {
      subjectCode: other!.subject,
      gradeCode: other!.grade,
      exclude: [],
    });
    expect(theirs.map((p) => p.id)).not.toContain(other!.id);
    const less = await loadPool(tx, viewer, {
      subjectCode: '14',
      gradeCode: '14',
      exclude: [a],
      maxExposure: 0,
    });
    expect(less.map((p) => p.id)).not.toContain(a);
    expect(less.every((p) => p.exposure === 0)).toBe(true);
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/db/types.ts';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';
import type { ItemContent } from '../assessment/item-model.ts';
import { insertItem } from '../assessment/marking-flow.fixtures.ts';
import { recordPracticeMastery } from './mastery.service.ts';

let t: TestApp;
let teacher: Client;
let student: Client;
let parent: Client;
let classId: string;
let otherClassId: string;
let studentId: string;
let path: string;
/** A math point the student is weak on, and one of its prerequisites they are weak on too. */
let kp: { weak: string; weakName: string; pre: string; preName: string };
let practiceItems: string[];
let resourceId: string;
/** The item the student practised on their own before any push. */
let answered: string;

const choice = (stem: string): ItemContent => ({
  type: 'single_choice',
  stem: `<p>${stem}</p>`,
  options: ['A', 'B', 'C', 'D'].map((id) => ({ id, body: `<p>选项${id}</p>` })),
  correct: 'B',
  explanation: '<p>选 B 的理由</p>',
});

/** `n` school-shared items on the point by teacher_demo. */
async function items(point: string, n: number, difficulty = 0.7): Promise<string[]> {
  const r = await t.db.db.execute<{ id: string; path: string }>(
    sql`select t.person_id as id, t.path::text as path from teacher t join account a on a.person_id = t.person_id
         where a.username = 'teacher_demo'`,
  );
  const author = r.rows[0]!;
  const out: string[] = [];
  for (let i = 0; i < n; i++)
    out.push(
      await insertItem(t.db, {
        content: choice(`练习题 ${point.slice(-4)}-${i}`),
        score: 1,
        authorId: author.id,
        path: author.path,
        kps: [point],
        difficulty,
        share: 'school',
      }),
    );
  return out;
}

/** Wrong answers on these items folded into the student's mastery, as graded practice would. */
async function wrongAnswers(itemIds: readonly string[]) {
  for (const itemId of itemIds)
    await t.db.db.transaction((tx) => recordPracticeMastery(tx, { studentId, path, itemId, correct: false }));
}

beforeAll(async () => {
  t = await createTestApp();
  [teacher, student, parent] = await Promise.all([
    t.login('teacher_demo'),
    t.login('student_demo'),
    t.login('parent_demo'),
  ]);
  const r = await t.db.db.execute<{ classId: string; studentId: string; path: string; otherClassId: string }>(
    sql`select s.class_id as "classId", s.person_id as "studentId", s.path::text as path,
               (select c.id from org_unit c where c.school_id = s.school_id and c.kind = 'class' and c.id <> s.class_id
                  and not exists (select 1 from teaching_assignment ta join account ac on ac.person_id = ta.teacher_id
                                   where ta.class_id = c.id and ac.username = 'teacher_demo')
                  and exists (select 1 from student x where x.class_id = c.id) order by c.path limit 1) as "otherClassId"
          from student s join account a on a.person_id = s.person_id where a.username = 'student_demo'`,
  );
  ({ classId, studentId, path, otherClassId } = r.rows[0]!);
  const e = await t.db.db.execute<{ weak: string; weakName: string; pre: string; preName: string }>(
    sql`select e.knowledge_point_id as weak, k.name as "weakName", e.prerequisite_id as pre, p.name as "preName"
          from knowledge_edge e join knowledge_point k on k.id = e.knowledge_point_id
          join knowledge_point p on p.id = e.prerequisite_id
         where k.subject_code = '14' and k.active and p.active order by k.code, p.code limit 1`,
  );
  kp = e.rows[0]!;
  await wrongAnswers(await items(kp.pre, 3));
  await wrongAnswers(await items(kp.weak, 3));
  practiceItems = await items(kp.weak, 4);
  resourceId = newId();
  await t.db.db.execute(
    sql`insert into resource (id, kind, title, author_id, path, status, published_at)
        select ${resourceId}, 'micro_lesson', ${`${kp.weakName}微课`}, t.person_id, t.path, 'published', now()
          from teacher t join account a on a.person_id = t.person_id where a.username = 'teacher_demo'`,
  );
  await t.db.db.execute(
    sql`insert into resource_knowledge_point (resource_id, knowledge_point_id) values (${resourceId}, ${kp.weak})`,
  );
}, 120_000);
afterAll(() => t.close());

type Advice = {
  pushes: { id: string; reason: string; done: boolean; answered: number; pBefore: number | null }[];
  recommendations: {
    knowledgePoint: { id: string };
    p: number;
    reason: string;
    cause: { id: string; reason: string } | null;
    items: number;
    resources: { id: string }[];
  }[];
};
const advice = async (c: Client): Promise<Advice> => {
  const r = await c.get(`/api/diagnosis/practice/students/${studentId}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};

describe('personalised practice', () => {
  it('recommends items and a resource on a weak point, with its reason and its weak prerequisite', async () => {
    const a = await advice(student);
    const rec = a.recommendations.find((x) => x.knowledgePoint.id === kp.weak);
    expect(rec).toBeDefined();
    expect(rec!.p).toBeLessThan(0.5);
    expect(rec!.reason).toBe(
      `因为『${kp.weakName}』掌握度 ${Math.round(rec!.p * 100)}%（最近 3 次答错 3 次）`,
    );
    expect(rec!.cause).toMatchObject({
      id: kp.pre,
      reason: `可能源于先修知识『${kp.preName}』未掌握，先练它`,
    });
    expect(rec!.items).toBeGreaterThan(0);
    expect(rec!.resources.map((x) => x.id)).toContain(resourceId);
    // The items come without their key.
    const set = await student.get(`/api/diagnosis/practice/set?kp=${kp.weak}`);
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().items.length).toBeGreaterThan(0);
    expect(set.body).not.toContain('选 B 的理由');
    expect(set.json().reason.text).toBe(rec!.reason);
  });

  it('grades an answer at once, moves the point’s mastery, and a retry changes nothing', async () => {
    const set = (await student.get(`/api/diagnosis/practice/set?kp=${kp.weak}`)).json();
    const itemId = set.items[0].id as string;
    answered = itemId;
    const before = set.mastery.p as number;
    const body = { itemId, knowledgePointId: kp.weak, value: { choice: 'B' } };
    const r = await student.post('/api/diagnosis/practice/answers', body);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ correct: true, repeated: false });
    expect(r.json().solution.explanation).toContain('选 B 的理由');
    expect(r.json().mastery.p).toBeGreaterThan(before);
    const count = async () =>
      (
        await t.db.db.execute<{ n: number; answers: number }>(
          sql`select (select count(*)::int from practice_answer where student_id = ${studentId} and mistake_id is null) as n,
                     (select answers from mastery_state where student_id = ${studentId}) as answers`,
        )
      ).rows[0]!;
    const once = await count();
    const again = await student.post('/api/diagnosis/practice/answers', { ...body, value: { choice: 'A' } });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ correct: true, repeated: true });
    expect(again.json().mastery.p).toBeCloseTo(r.json().mastery.p, 6);
    expect(await count()).toEqual(once);
    // An item not meant for the student on the point: refused in the one error shape.
    const bad = await student.post('/api/diagnosis/practice/answers', {
      itemId: kp.pre,
      knowledgePointId: kp.weak,
      value: { choice: 'B' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBeDefined();
  });

  it('lets a teacher push to the weak students, who see it first; another class is out of reach', async () => {
    const cls = (await teacher.get(`/api/diagnosis/practice/classes/${classId}`)).json();
    expect(cls.points.find((p: { kp: string }) => p.kp === kp.weak)?.students).toBeGreaterThanOrEqual(1);
    const point = (await teacher.get(`/api/diagnosis/practice/classes/${classId}/points/${kp.weak}`)).json();
    const weak = point.students.filter((s: { weak: boolean }) => s.weak).map((s: { id: string }) => s.id);
    expect(weak).toContain(studentId);
    expect(point.items.length).toBeGreaterThan(0);
    const pushed = await teacher.post(`/api/diagnosis/practice/classes/${classId}/pushes`, {
      key: 'first-push-0001',
      knowledgePointId: kp.weak,
      itemIds: practiceItems.filter((id) => id !== answered).slice(0, 2),
      studentIds: weak,
      note: '今晚练两道',
    });
    expect(pushed.statusCode, pushed.body).toBe(200);
    const pushId = pushed.json().id as string;

    const a = await advice(student);
    expect(a.pushes[0]).toMatchObject({ id: pushId, done: false, answered: 0 });
    expect(a.pushes[0]!.reason).toMatch(/^.老师推送：今晚练两道$/);
    const note = await t.db.db.execute(
      sql`select 1 from notification where person_id = ${studentId} and kind = 'practice_push'`,
    );
    expect(note.rows.length).toBe(1);

    const set = (await student.get(`/api/diagnosis/practice/set?push=${pushId}`)).json();
    for (const item of set.items) {
      const r = await student.post('/api/diagnosis/practice/answers', {
        itemId: item.id,
        knowledgePointId: kp.weak,
        pushId,
        value: { choice: 'B' },
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    const detail = (await teacher.get(`/api/diagnosis/practice/pushes/${pushId}`)).json();
    const mine = detail.students.find((s: { id: string }) => s.id === studentId);
    expect(mine).toMatchObject({ answered: 2, correct: 2 });
    expect(mine.pNow).toBeGreaterThan(mine.pBefore);

    // Another class's data: 404, and nothing stored.
    expect((await teacher.get(`/api/diagnosis/practice/classes/${otherClassId}`)).statusCode).toBe(404);
    const foreign = await teacher.post(`/api/diagnosis/practice/classes/${otherClassId}/pushes`, {
      key: 'foreign-push-01',
      knowledgePointId: kp.weak,
      itemIds: practiceItems.slice(0, 1),
      studentIds: [studentId],
      note: '',
    });
    expect(foreign.statusCode).toBe(404);
    expect((await student.get(`/api/diagnosis/practice/pushes/${pushId}`)).statusCode).toBe(403);
  });

  it('shows a guardian what the child was advised, and a turned-off point leaves the recommendations', async () => {
    const a = await advice(parent);
    expect(a.pushes[0]).toMatchObject({ done: true, answered: 2 });
    expect(
      a.recommendations.some((r) => r.knowledgePoint.id === kp.weak || r.knowledgePoint.id === kp.pre),
    ).toBe(true);
    const audit = await t.db.db.execute(
      sql`select 1 from audit_log where action = 'practice.advice.read' and target_id = ${studentId}`,
    );
    expect(audit.rows.length).toBeGreaterThanOrEqual(1);

    const off = await teacher.post(`/api/diagnosis/practice/classes/${classId}/mutes`, {
      knowledgePointId: kp.pre,
      muted: true,
    });
    expect(off.statusCode, off.body).toBe(200);
    const after = await advice(student);
    expect(after.recommendations.map((r) => r.knowledgePoint.id)).not.toContain(kp.pre);
  });

  it('pushes once when the same submission arrives twice, one after the other or together', async () => {
    const stored = async () =>
      (
        await t.db.db.execute<{ pushes: number; notes: number }>(
          sql`select (select count(*)::int from practice_push where class_id = ${classId}) as pushes,
                     (select count(*)::int from notification where person_id = ${studentId} and kind = 'practice_push') as notes`,
        )
      ).rows[0]!;
    const submission = (key: string) => ({
      key,
      knowledgePointId: kp.weak,
      itemIds: practiceItems.slice(0, 1),
      studentIds: [studentId],
      note: '',
    });
    const url = `/api/diagnosis/practice/classes/${classId}/pushes`;
    const before = await stored();
    // A retry after a dropped answer: the first push comes back, nothing more is stored or sent.
    const first = await teacher.post(url, submission('retried-push-01'));
    const retry = await teacher.post(url, submission('retried-push-01'));
    expect(first.statusCode, first.body).toBe(200);
    expect(retry.statusCode, retry.body).toBe(200);
    expect(first.json()).toMatchObject({ repeated: false });
    expect(retry.json()).toEqual({ id: first.json().id, repeated: true });
    expect(await stored()).toEqual({ pushes: before.pushes + 1, notes: before.notes + 1 });
    // A double click: both requests in flight at once, one push and one notification.
    const both = await Promise.all([
      teacher.post(url, submission('double-click-01')),
      teacher.post(url, submission('double-click-01')),
    ]);
    expect(both.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(both[0]!.json().id).toBe(both[1]!.json().id);
    expect(await stored()).toEqual({ pushes: before.pushes + 2, notes: before.notes + 2 });
    // The key of one submission reused for another point is refused, not answered with the wrong push.
    const reused = await teacher.post(url, { ...submission('retried-push-01'), knowledgePointId: kp.pre });
    expect(reused.statusCode).toBe(409);
  });
});

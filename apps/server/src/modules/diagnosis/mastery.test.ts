import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';
import { insertFinalPaper } from '../assessment/attempts.fixtures.ts';
import type { ItemContent } from '../assessment/item-model.ts';
import { mathPoints } from '../assessment/marking-flow.fixtures.ts';
import { rebuildAttemptsMastery, recomputeAllMastery } from './mastery.service.ts';

let t: TestApp;
let teacher: Client;
let student: Client;
let classId: string;
let studentId: string;
let kp: { a: string; b: string };

const choice = (stem: string): ItemContent => ({
  type: 'single_choice',
  stem: `<p>${stem}</p>`,
  options: ['A', 'B', 'C', 'D'].map((id) => ({ id, body: `<p>${id}</p>` })),
  correct: 'B',
});

type Row = { kp: string; p: number; correct: number; wrong: number };
const masteryRows = async () =>
  (
    await t.db.db.execute<Row>(
      sql`select knowledge_point_id as kp, p, correct, wrong from knowledge_mastery
           where student_id = ${studentId} and knowledge_point_id in (${kp.a}, ${kp.b})
           order by (knowledge_point_id = ${kp.a}) desc`,
    )
  ).rows;

/** A homework of three choice items (two on point a, one on b) answered A/B as given, then submitted. */
async function homework(answers: string[]): Promise<string> {
  const { paperId, document } = await insertFinalPaper(t.db, {
    ownerUsername: 'teacher_demo',
    items: ['甲', '乙', '丙'].map((s) => ({ content: choice(`题${s}`), score: 2 })),
  });
  const itemIds = document.sections[0]!.items.map((i) => i.itemId);
  for (const [i, id] of itemIds.entries())
    await t.db.db.execute(
      sql`insert into item_knowledge_point (item_id, knowledge_point_id) values (${id}, ${i < 2 ? kp.a : kp.b})`,
    );
  const now = Date.now();
  const a = await teacher.post('/api/assignments', {
    paperId,
    kind: 'homework',
    classIds: [classId],
    opensAt: new Date(now - 300_000).toISOString(),
    closesAt: new Date(now + 3_600_000).toISOString(),
  });
  expect(a.statusCode, a.body).toBe(200);
  const started = await student.post(`/api/assignments/${a.json().id}/start`);
  expect(started.statusCode, started.body).toBe(200);
  const attemptId = started.json().id as string;
  for (const [i, choice] of answers.entries()) {
    const r = await student.post(`/api/attempts/${attemptId}/answers`, {
      key: `m-${attemptId}-${i}`,
      seq: i + 1,
      number: i + 1,
      part: 0,
      value: { choice },
    });
    expect(r.statusCode, r.body).toBe(200);
  }
  const submit = await student.post(`/api/attempts/${attemptId}/submit`);
  expect(submit.statusCode, submit.body).toBe(200);
  return attemptId;
}

/** The answers the student's estimates rest on. */
const answersCounted = async () =>
  (
    await t.db.db.execute<{ answers: number }>(
      sql`select answers from mastery_state where student_id = ${studentId}`,
    )
  ).rows[0]?.answers ?? 0;
let seeded: number;

beforeAll(async () => {
  t = await createTestApp();
  teacher = await t.login('teacher_demo');
  student = await t.login('student_demo');
  const r = await t.db.db.execute<{ classId: string; studentId: string }>(
    sql`select s.class_id as "classId", s.person_id as "studentId" from student s
          join account a on a.person_id = s.person_id where a.username = 'student_demo'`,
  );
  ({ classId, studentId } = r.rows[0]!);
  kp = await mathPoints(t.db);
  // The demo's practice homework has tagged answers of the student already: estimate them first, as
  // the seed and the nightly job do, so that the updates below start from them.
  await t.db.db.transaction((tx) => recomputeAllMastery(tx));
  seeded = await answersCounted();
}, 120_000);

afterAll(() => t.close());

describe('knowledge mastery', () => {
  let first: string;

  it('moves with every graded answer: a submitted homework updates its points in the same transaction', async () => {
    first = await homework(['B', 'B', 'A']);
    const rows = await masteryRows();
    expect(rows.map(({ correct, wrong }) => ({ correct, wrong }))).toEqual([
      { correct: 2, wrong: 0 },
      { correct: 0, wrong: 1 },
    ]);
    expect(rows[0]!.p).toBeGreaterThan(rows[1]!.p);
    expect(await answersCounted()).toBe(seeded + 3);

    // Point b practised right twice more: its estimate rises.
    const before = rows[1]!.p;
    await homework(['B', 'B', 'B']);
    const after = await masteryRows();
    expect(after[1]).toMatchObject({ correct: 1, wrong: 1 });
    expect(after[1]!.p).toBeGreaterThan(before);
  });

  it('rebuilds a student from all their answers after a grade changed, counting nothing twice', async () => {
    const before = await masteryRows();
    await t.db.db.transaction((tx) => rebuildAttemptsMastery(tx, [first]));
    expect(await masteryRows()).toEqual(before);
  });

  it('the nightly recompute gives what the updates gave', async () => {
    const before = await masteryRows();
    const out = await t.db.db.transaction((tx) => recomputeAllMastery(tx));
    expect(out.students).toBeGreaterThanOrEqual(1);
    const after = await masteryRows();
    expect(after.map((r) => [r.correct, r.wrong])).toEqual(before.map((r) => [r.correct, r.wrong]));
    for (const [i, r] of after.entries()) expect(r.p).toBeCloseTo(before[i]!.p, 6);
  });

  it('the nightly recompute reads a few students at a time and drops the estimates of those whose answers are gone', async () => {
    const all = async () =>
      (
        await t.db.db.execute<{ s: string; kp: string; p: number; c: number; w: number }>(sql`
          select student_id as s, knowledge_point_id as kp, p, correct as c, wrong as w
            from knowledge_mastery order by 1, 2`)
      ).rows;
    // The demo's practice homework, tagged with its grade's points: every class's homework enters it.
    const whole = await t.db.db.transaction((tx) => recomputeAllMastery(tx));
    const before = await all();
    const students = [...new Set(before.map((r) => r.s))];
    expect(students.length).toBeGreaterThan(100);
    // A third of the students at a time: the same estimates, and every batch reported.
    const seen: number[] = [];
    const batched = await t.db.db.transaction((tx) =>
      recomputeAllMastery(tx, (done) => void seen.push(done), Math.ceil(students.length / 3)),
    );
    expect(batched).toEqual(whole);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.at(-1)).toBeGreaterThanOrEqual(students.length);
    const after = await all();
    expect(after.map(({ s, kp, c, w }) => [s, kp, c, w])).toEqual(
      before.map(({ s, kp, c, w }) => [s, kp, c, w]),
    );
    for (const [i, r] of after.entries()) expect(r.p).toBeCloseTo(before[i]!.p, 6);
    // A student's attempts are erased: the next recompute leaves them no estimates, and no state.
    const gone = students[0]!;
    await t.db.db.execute(sql`delete from attempt where student_id = ${gone}`);
    await t.db.db.execute(sql`delete from practice_answer where student_id = ${gone}`);
    await t.db.db.transaction((tx) => recomputeAllMastery(tx, undefined, 50));
    const left = await t.db.db.execute(sql`
      select 1 from knowledge_mastery where student_id = ${gone}
      union all select 1 from mastery_state where student_id = ${gone}`);
    expect(left.rows).toHaveLength(0);
    const others = (rows: typeof before) =>
      rows.filter((r) => r.s !== gone).map(({ s, kp, c, w }) => [s, kp, c, w]);
    expect(others(await all())).toEqual(others(before));
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope, withScope } from '../../platform/db/scoped.ts';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';
import type { ItemContent } from './item-model.ts';
import {
  answersOf,
  type Fixture,
  insertItem,
  KEY_WORDS,
  markingFixture,
  release,
} from './marking-flow.fixtures.ts';
import { monthStart, recordMistakes } from './notebook.service.ts';
import { inspectPdf } from './print/pdf-inspect.ts';
import { closePrinter } from './print/print-pdf.ts';

let t: TestApp;
let teacher: Client;
let student: Client;
let parent: Client;
let f: Fixture;
let studentId: string;
let classmateId: string;
let classId: string;
/** Similar items by name. */
const bank: Record<string, string> = {};

const q = async <T>(query: ReturnType<typeof sql>) => (await t.db.db.execute(query)).rows as T[];
const q1 = async <T>(query: ReturnType<typeof sql>) => (await q<T>(query))[0]!;

type Entry = {
  id: string;
  number: number;
  part: number;
  subjectCode: string;
  knowledgePoints: { id: string; name: string }[];
  item: Record<string, unknown> | null;
  answer: unknown;
  score: number | null;
  maxScore: number | null;
  correctSimilar: number;
  closedAt: string | null;
};

const single = (stem: string, correct: string): ItemContent => ({
  type: 'single_choice',
  stem: `<p>${stem}</p>`,
  options: ['A', 'B', 'C', 'D'].map((id) => ({ id, body: `<p>${id}</p>` })),
  correct,
  explanation: '<p>同类题解析</p>',
});

/** Marks every subjective answer of the fixture: the short answers below full marks for the first student. */
async function markAll() {
  for (const [number, part] of [
    [3, 0],
    [4, 0],
    [5, 2],
  ] as const) {
    const list = (
      await teacher.get(`/api/marking/assignments/${f.assignmentId}/scripts?number=${number}&part=${part}`)
    ).json() as { scripts: { id: string }[] };
    for (const s of list.scripts) {
      const score = number === 3 ? 2 : number === 4 ? 5 : 4;
      const res = await teacher.post(`/api/marking/assignments/${f.assignmentId}/marks`, {
        scriptId: s.id,
        score,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
  }
}

beforeAll(async () => {
  t = await createTestApp();
  teacher = await t.login('teacher_demo');
  student = await t.login('student_demo');
  parent = await t.login('parent_demo');
  ({ studentId, classId } = await q1<{ studentId: string; classId: string }>(
    sql`select s.person_id as "studentId", s.class_id as "classId" from student s
          join account a on a.person_id = s.person_id where a.username = 'student_demo'`,
  ));
  ({ id: classmateId } = await q1<{ id: string }>(
    sql`select person_id as id from student where class_id = ${classId} and person_id <> ${studentId}
         and status = 'enrolled' order by student_no limit 1`,
  ));
  // This file counts the two students' entries from its own paper: the demo's practice homework
  // may have left them some already.
  await t.db.db.execute(sql`delete from mistake where student_id in (${studentId}, ${classmateId})`);
  f = await markingFixture(t.db, {
    teacherUsername: 'teacher_demo',
    classId,
    studentIds: [studentId, classmateId],
    answers: [answersOf({ right: false }), answersOf({ right: true })],
  });
  // The bank the student may practise from: knowledge point a of the paper's items 1, 2 and 5.
  const me = await q1<{ id: string; school: string }>(
    sql`select t.person_id as id, subpath(t.path, 0, 3)::text as school from teacher t
          join account a on a.person_id = t.person_id where a.username = 'teacher_demo'`,
  );
  const stranger = await q1<{ id: string; school: string; district: string }>(
    sql`select t.person_id as id, subpath(t.path, 0, 3)::text as school, subpath(t.path, 0, 2)::text as district
          from teacher t where t.district_id <> (select district_id from org_unit where id = ${classId})
         order by t.staff_no limit 1`,
  );
  const kp = [f.knowledgePoints.a];
  const add = async (name: string, o: Parameters<typeof insertItem>[1]) => {
    bank[name] = await insertItem(t.db, o);
  };
  await add('city', {
    content: single('同类一', 'A'),
    score: 2,
    authorId: stranger.id,
    path: stranger.school,
    kps: kp,
    share: 'city',
  });
  await add('school', {
    content: single('同类二', 'B'),
    score: 2,
    authorId: stranger.id,
    path: me.school,
    kps: kp,
    share: 'school',
    difficulty: 0.7,
  });
  await add('teacher', {
    content: { type: 'true_false', stem: '<p>同类三</p>', correct: true },
    score: 2,
    authorId: me.id,
    path: me.school,
    kps: kp,
    difficulty: 0.5,
  });
  await add('far', {
    content: single('太难', 'A'),
    score: 2,
    authorId: stranger.id,
    path: stranger.school,
    kps: kp,
    share: 'city',
    difficulty: 0.95,
  });
  await add('essay', {
    content: { type: 'essay', stem: '<p>写一写</p>', rubric: [] },
    score: 2,
    authorId: me.id,
    path: me.school,
    kps: kp,
  });
  await add('private', {
    content: single('别人的私有题', 'A'),
    score: 2,
    authorId: stranger.id,
    path: stranger.school,
    kps: kp,
  });
  await add('otherDistrict', {
    content: single('外区共享', 'A'),
    score: 2,
    authorId: stranger.id,
    path: stranger.district,
    kps: kp,
    share: 'district',
  });
});
afterAll(async () => {
  await closePrinter();
  await t.close();
});

describe('mistakes recorded when an attempt is fully graded', () => {
  it('records each wrong leaf or part once marking completes, essays and full marks excepted', async () => {
    expect(
      (
        await q<{ n: number }>(
          sql`select count(*)::int as n from mistake where attempt_id = ${f.attempts[0]!.id}`,
        )
      )[0]!.n,
    ).toBe(0);
    await markAll();
    const rows = await q<{ number: number; part: number; kps: string[]; subject: string }>(
      sql`select number, part, knowledge_point_ids as kps, subject_code as subject from mistake
           where student_id = ${studentId} and attempt_id = ${f.attempts[0]!.id} order by number, part`,
    );
    // Wrong: 1 (choice), 2 (fill-in), 3 (2 of 6), 5.1 (choice); 4 is an essay, 5.2 got full marks.
    expect(rows.map((r) => `${r.number}.${r.part}`)).toEqual(['1.0', '2.0', '3.0', '5.1']);
    expect(rows.every((r) => r.subject === '14' && r.kps.length === 1)).toBe(true);
    // The classmate answered every objective item right; their short answer lost points.
    const mate = await q<{ number: number }>(
      sql`select number from mistake where student_id = ${classmateId} and attempt_id = ${f.attempts[1]!.id}`,
    );
    expect(mate.map((r) => r.number)).toEqual([3]);
  });

  it('is safe to call again, and drops an entry a regrade made right', async () => {
    const again = await withScope(t.deps.database, systemScope('test'), (tx) =>
      recordMistakes(tx, f.attempts[0]!.id),
    );
    expect(again).toEqual({ added: 0, removed: 0 });
    const three = f.responses.get(f.attempts[1]!.id)!.get('3.0')!;
    const res = await teacher.post(`/api/marking/assignments/${f.assignmentId}/marks`, {
      scriptId: three,
      score: 6,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(
      (
        await q(
          sql`select 1 from mistake where student_id = ${classmateId} and attempt_id = ${f.attempts[1]!.id}`,
        )
      ).length,
    ).toBe(0);
    // Marked down again, it is a mistake again.
    const back = await teacher.post(`/api/marking/assignments/${f.assignmentId}/marks`, {
      scriptId: three,
      score: 2,
    });
    expect(back.statusCode, back.body).toBe(200);
    const again2 = await q(
      sql`select 1 from mistake where student_id = ${classmateId} and attempt_id = ${f.attempts[1]!.id}`,
    );
    expect(again2.length).toBe(1);
  });

  it('shows nothing to the student or a guardian before the scores are released, the key included', async () => {
    const mine = await student.get('/api/notebook');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items).toEqual([]);
    const summary = (await parent.get(`/api/notebook/students/${studentId}/summary`)).json();
    expect(summary.open).toBe(0);
    const [m] = await q<{ id: string }>(sql`select id from mistake where student_id = ${studentId} limit 1`);
    expect((await student.get(`/api/notebook/mistakes/${m!.id}/practice`)).statusCode).toBe(404);
    const child = await parent.get(`/api/notebook/students/${studentId}`);
    for (const body of [mine.body, child.body, JSON.stringify(summary)])
      for (const w of KEY_WORDS) expect(body).not.toContain(w);
  });

  it('after release shows each entry with the wrong answer, the correct answer and explanation, by knowledge point', async () => {
    await release(t.db, f.assignmentId);
    const { items } = (await student.get('/api/notebook')).json() as { items: Entry[] };
    expect(items.map((e) => `${e.number}.${e.part}`).sort()).toEqual(['1.0', '2.0', '3.0', '5.1']);
    const choice = items.find((e) => e.number === 1)!;
    expect(choice.item).toMatchObject({ type: 'single_choice', correct: 'B' });
    expect(JSON.stringify(choice.item)).toContain(KEY_WORDS[0]);
    expect(choice.answer).toEqual({ choice: 'A' });
    expect(choice).toMatchObject({
      score: 0,
      maxScore: 3,
      subjectCode: '14',
      correctSimilar: 0,
      closedAt: null,
    });
    expect(choice.knowledgePoints[0]!.name).not.toBe('');
    const part = items.find((e) => e.number === 5)!;
    expect(part.item).toMatchObject({ type: 'single_choice', correct: 'C' });
    // Another student's notebook is not theirs to read, by any route.
    const [other] = await q<{ id: string }>(
      sql`select id from mistake where student_id <> ${studentId} limit 1`,
    );
    expect((await student.get(`/api/notebook/mistakes/${other!.id}/practice`)).statusCode).toBe(404);
    expect((await student.get(`/api/notebook/students/${classmateId}/summary`)).statusCode).toBe(404);
  });

  it('shows an entry whose attempt is gone with the bank’s item', async () => {
    const before = ((await student.get('/api/notebook')).json() as { items: Entry[] }).items;
    const kept = before.find((e) => e.number === 3)!;
    await t.db.db.execute(sql`update mistake set attempt_id = null where id = ${kept.id}`);
    const after = ((await student.get('/api/notebook')).json() as { items: Entry[] }).items;
    const entry = after.find((e) => e.id === kept.id)!;
    expect(entry.item).toEqual(kept.item);
    expect(entry.score).toBeNull();
  });
});

describe('练一练 (practise similar)', () => {
  let entry: Entry;
  beforeAll(async () => {
    const { items } = (await student.get('/api/notebook')).json() as { items: Entry[] };
    entry = items.find((e) => e.number === 1)!;
  });
  const draw = async () => {
    const res = await student.get(`/api/notebook/mistakes/${entry.id}/practice`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      correctSimilar: number;
      item: { id: string; type: string; options: unknown[] } | null;
    };
  };
  const answer = (itemId: string, value: unknown) =>
    student.post(`/api/notebook/mistakes/${entry.id}/practice`, { itemId, value });

  it('draws an item of the same knowledge point at nearby difficulty that the student may be given, without its key', async () => {
    const d = await draw();
    const allowed = [bank.city, bank.school, bank.teacher];
    expect(allowed).toContain(d.item!.id);
    expect(f.itemIds).not.toContain(d.item!.id);
    const body = JSON.stringify(d);
    expect(body).not.toContain('"correct"');
    expect(body).not.toContain('同类题解析');
  });

  it('grades at once, counts only correct answers, never serves an item twice, and closes after two', async () => {
    const seen = new Set<string>();
    // A wrong answer first: the city item if drawn, else whatever comes.
    const first = await draw();
    seen.add(first.item!.id);
    const wrongValue = first.item!.type === 'true_false' ? { judgement: false } : { choice: 'D' };
    const w = await answer(first.item!.id, wrongValue);
    expect(w.statusCode, w.body).toBe(200);
    expect(w.json()).toMatchObject({ correct: false, correctSimilar: 0, closed: false });
    expect(w.json().solution.type).toBe(first.item!.type);
    // A retry of the same request changes nothing.
    expect((await answer(first.item!.id, wrongValue)).json()).toMatchObject({
      correct: false,
      correctSimilar: 0,
    });
    const rightOf = (id: string) =>
      id === bank.city ? { choice: 'A' } : id === bank.school ? { choice: 'B' } : { judgement: true };
    let last: Record<string, unknown> = {};
    for (let i = 0; i < 2; i++) {
      const d = await draw();
      expect(seen.has(d.item!.id)).toBe(false);
      seen.add(d.item!.id);
      const res = await answer(d.item!.id, rightOf(d.item!.id));
      expect(res.statusCode, res.body).toBe(200);
      last = res.json();
      expect(last).toMatchObject({ correct: true, correctSimilar: i + 1, closed: i === 1 });
      // The same answer sent again counts once.
      expect((await answer(d.item!.id, rightOf(d.item!.id))).json()).toMatchObject({ correctSimilar: i + 1 });
    }
    const [row] = await q<{ closedAt: string | null; correct: number }>(
      sql`select closed_at as "closedAt", correct_similar as correct from mistake where id = ${entry.id}`,
    );
    expect(row!.closedAt).not.toBeNull();
    expect(row!.correct).toBe(2);
    expect((await student.get(`/api/notebook/mistakes/${entry.id}/practice`)).statusCode).toBe(409);
    const audits = await q<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'notebook.practice' and target_id = ${entry.id}`,
    );
    expect(audits[0]!.n).toBe(3);
  });

  it('refuses an item the rule would not draw', async () => {
    const { items } = (await student.get('/api/notebook')).json() as { items: Entry[] };
    const open = items.find((e) => e.number === 2)!;
    for (const id of [bank.far, bank.essay, bank.private, bank.otherDistrict, f.itemIds[1], f.itemIds[0]]) {
      const res = await student.post(`/api/notebook/mistakes/${open.id}/practice`, {
        itemId: id,
        value: { choice: 'A' },
      });
      expect(res.statusCode, `${id}`).toBe(400);
    }
  });
});

describe('the printable notebook', () => {
  it('prints the open entries with the student’s answer, the correct answer and the explanation', async () => {
    const res = await student.get('/api/notebook/print.pdf');
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = inspectPdf(res.rawPayload)
      .map((p) => p.text)
      .join('\n')
      .replace(/\s+/g, '')
      // Chromium writes some ideographs as their Kangxi radical forms (⼦ for 子).
      .normalize('NFKC');
    for (const words of ['错题本', '我的答案', '正确答案', '解析', '说说分数的意义', KEY_WORDS[0]!])
      expect(text).toContain(words);
    // A choice: its options, then the student's answer and the key.
    expect(text).toMatch(/A\.A项B\.B项C\.C项D\.D项.*我的答案:D正确答案:C/);
    // Not an exam paper: no time, no full marks, no score table.
    expect(text).not.toContain('考试时间');
    expect(text).not.toContain('总分');
    // A guardian or teacher prints nothing of the child's this way.
    expect((await parent.get('/api/notebook/print.pdf')).statusCode).toBe(403);
  });
});

describe('the guardian’s summary', () => {
  it('counts entries by subject and knowledge point, this month, with no ranking or classmates', async () => {
    const res = await parent.get(`/api/notebook/students/${studentId}/summary`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s).toMatchObject({ open: 3, openedThisMonth: 4, closedThisMonth: 1 });
    expect(s.subjects).toEqual([{ subjectCode: '14', open: 3, openedThisMonth: 4, closedThisMonth: 1 }]);
    expect(s.knowledgePoints.length).toBeGreaterThan(0);
    expect(s.entriesVisible).toBe(true);
    expect(Object.keys(s).sort()).toEqual([
      'closedThisMonth',
      'entriesVisible',
      'knowledgePoints',
      'month',
      'open',
      'openedThisMonth',
      'subjects',
    ]);
    expect(res.body).not.toMatch(/rank|percentile|average|名次|排名/i);
    expect(res.body).not.toContain(classmateId);
    // The items themselves: the child is under 14, so the guardian may open them.
    const child = await parent.get(`/api/notebook/students/${studentId}`);
    expect(child.statusCode, child.body).toBe(200);
    expect(child.json().items.length).toBe(4);
    const [audit] = await q<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'notebook.child.read' and target_id = ${studentId}`,
    );
    expect(audit!.n).toBeGreaterThan(0);
    // Another family's child: not theirs.
    expect((await parent.get(`/api/notebook/students/${classmateId}/summary`)).statusCode).toBe(404);
    expect((await parent.get(`/api/notebook/students/${classmateId}`)).statusCode).toBe(404);
  });

  it('gives a guardian of a child of 14 or more the summary only', async () => {
    // Age the child on paper: a birth date 15 years back (the field is encrypted by the app).
    const born = new Date(Date.now() - 15 * 366 * 86400_000).toISOString().slice(0, 10);
    await t.db.db.execute(
      sql`update person set birth_date_enc = ${t.deps.crypto.encrypt(born)} where id = ${studentId}`,
    );
    const child = await parent.get(`/api/notebook/students/${studentId}`);
    expect(child.statusCode).toBe(403);
    expect(child.json().error.details).toEqual({ reason: 'over_14' });
    const summary = await parent.get(`/api/notebook/students/${studentId}/summary`);
    expect(summary.statusCode).toBe(200);
    expect(summary.json().entriesVisible).toBe(false);
  });

  it('starts the month at midnight Beijing time', () => {
    expect(monthStart(new Date('2026-03-31T17:00:00Z')).toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(monthStart(new Date('2026-03-31T15:59:00Z')).toISOString()).toBe('2026-02-28T16:00:00.000Z');
  });
});

describe('row-level security of notebook items', () => {
  it('lets a student read an item of their notebook only once its scores are released', async () => {
    const g = await markingFixture(t.db, {
      teacherUsername: 'teacher_demo',
      classId,
      studentIds: [studentId],
      answers: [answersOf({ right: false })],
    });
    await withScope(t.deps.database, systemScope('test'), (tx) => recordMistakes(tx, g.attempts[0]!.id));
    const { path } = await q1<{ path: string }>(sql`select path::text from org_unit where id = ${classId}`);
    // The student's own row-level-security scope, as the guard sets it.
    const asStudent = {
      kind: 'actor' as const,
      personId: studentId,
      role: 'student',
      orgPath: path,
      all: false,
      paths: [],
      personIds: [studentId],
      memberPaths: [path],
    };
    const visible = async () =>
      (
        await withScope(t.deps.database, asStudent, (tx) =>
          tx.execute(sql`select id from item where id = ${g.itemIds[0]!}`),
        )
      ).rows.length;
    expect(await visible()).toBe(0);
    await release(t.db, g.assignmentId);
    expect(await visible()).toBe(1);
  });
});

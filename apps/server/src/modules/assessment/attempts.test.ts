import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';
import { insertFinalPaper, SECRET_KEY_WORDS } from './attempts.fixtures.ts';
import { closeDueAttempts } from './marking.service.ts';

let t: TestApp;
let teacher: Client;
let student: Client;
let classId: string;
let studentId: string;

const minutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

async function assign(paperId: string, extra: Record<string, unknown> = {}) {
  const res = await teacher.post('/api/assignments', {
    paperId,
    kind: 'homework',
    classIds: [classId],
    opensAt: minutes(-5),
    closesAt: minutes(60),
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().id as string;
}

async function start(assignmentId: string, who = student) {
  const res = await who.post(`/api/assignments/${assignmentId}/start`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string; deadlineAt: string; answers: unknown[]; paper: unknown };
}

let keyNo = 0;
const save = (attemptId: string, body: Record<string, unknown>, who = student) =>
  who.post(`/api/attempts/${attemptId}/answers`, { key: `k-${++keyNo}-${Date.now()}`, ...body });

const counts = async (attemptId: string) =>
  (
    await t.db.db.execute<{ saves: number; responses: number }>(
      sql`select (select count(*)::int from response_save where attempt_id = ${attemptId}) as saves,
                 (select count(*)::int from response where attempt_id = ${attemptId}) as responses`,
    )
  ).rows[0]!;

beforeAll(async () => {
  t = await createTestApp();
  teacher = await t.login('teacher_demo');
  student = await t.login('student_demo');
  const r = await t.db.db.execute<{ classId: string; studentId: string }>(
    sql`select s.class_id as "classId", s.person_id as "studentId" from student s
          join account a on a.person_id = s.person_id where a.username = 'student_demo'`,
  );
  ({ classId, studentId } = r.rows[0]!);
});
afterAll(() => t.close());

describe('answering homework', () => {
  it('sends the paper without any key before release, and the key after', async () => {
    const { paperId } = await insertFinalPaper(t.db, { ownerUsername: 'teacher_demo' });
    const assignmentId = await assign(paperId);
    const started = await student.post(`/api/assignments/${assignmentId}/start`);
    const again = await student.get(`/api/attempts/${started.json().id}`);
    for (const body of [started.body, again.body]) {
      for (const word of SECRET_KEY_WORDS) expect(body).not.toContain(word);
      expect(body).not.toMatch(/"(correct|accepted|explanation|reference|rubric|key)"/);
    }
    const paper = again.json().paper;
    expect(paper.sections[0].items).toHaveLength(7);
    expect(paper.sections[0].items[0].content.options).toHaveLength(4);
  });

  it('saves each answer once per idempotency key and repeats the acknowledgement', async () => {
    const { paperId } = await insertFinalPaper(t.db, { ownerUsername: 'teacher_demo' });
    const attempt = await start(await assign(paperId));
    const body = { key: 'retry-key-0001', seq: 1, number: 1, part: 0, value: { choice: 'B' } };
    const first = await student.post(`/api/attempts/${attempt.id}/answers`, body);
    const second = await student.post(`/api/attempts/${attempt.id}/answers`, body);
    expect(first.statusCode, first.body).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual({ ...first.json(), repeated: true });
    expect(first.json().repeated).toBe(false);
    expect(await counts(attempt.id)).toEqual({ saves: 1, responses: 1 });
    // The same key for another answer is a client fault, not a second save.
    const reused = await student.post(`/api/attempts/${attempt.id}/answers`, {
      ...body,
      seq: 2,
      value: { choice: 'C' },
    });
    expect(reused.statusCode).toBe(409);
    expect(await counts(attempt.id)).toEqual({ saves: 1, responses: 1 });
  });

  it('keeps the answer of the highest sequence number when saves arrive out of order', async () => {
    const { paperId } = await insertFinalPaper(t.db, { ownerUsername: 'teacher_demo' });
    const attempt = await start(await assign(paperId));
    const late = await save(attempt.id, { seq: 5, number: 1, part: 0, value: { choice: 'D' } });
    const early = await save(attempt.id, { seq: 3, number: 1, part: 0, value: { choice: 'A' } });
    expect(late.json().current).toBe(true);
    expect(early.statusCode).toBe(200);
    expect(early.json().current).toBe(false);
    const view = (await student.get(`/api/attempts/${attempt.id}`)).json();
    expect(view.answers).toEqual([
      expect.objectContaining({ number: 1, part: 0, seq: 5, value: { choice: 'D' } }),
    ]);
    expect(await counts(attempt.id)).toEqual({ saves: 2, responses: 1 });
  });

  it('refuses an answer to an item not in the paper, or of the wrong shape, and changes nothing', async () => {
    const { paperId } = await insertFinalPaper(t.db, { ownerUsername: 'teacher_demo' });
    const attempt = await start(await assign(paperId));
    const missing = await save(attempt.id, { seq: 1, number: 99, part: 0, value: { choice: 'A' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.reason).toBe('not_in_paper');
    const noPart = await save(attempt.id, { seq: 2, number: 1, part: 1, value: { choice: 'A' } });
    expect(noPart.statusCode).toBe(400);
    const noOption = await save(attempt.id, { seq: 3, number: 1, part: 0, value: { choice: 'F' } });
    expect(noOption.statusCode).toBe(400);
    const wrongKind = await save(attempt.id, { seq: 4, number: 4, part: 0, value: { choice: 'A' } });
    expect(wrongKind.statusCode).toBe(400);
    expect(await counts(attempt.id)).toEqual({ saves: 0, responses: 0 });
  });

  it('refuses saves and submission after the deadline; the job grades and expires the attempt', async () => {
    const { paperId } = await insertFinalPaper(t.db, { ownerUsername: 'teacher_demo' });
    const attempt = await start(await assign(paperId));
    expect((await save(attempt.id, { seq: 1, number: 1, part: 0, value: { choice: 'C' } })).statusCode).toBe(
      200,
    );
    await t.db.db.execute(
      sql`update attempt set deadline_at = now() - interval '1 second' where id = ${attempt.id}`,
    );
    const late = await save(attempt.id, { seq: 2, number: 3, part: 0, value: { judgement: true } });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details.reason).toBe('deadline_passed');
    const submit = await student.post(`/api/attempts/${attempt.id}/submit`);
    expect(submit.statusCode).toBe(409);
    expect(await counts(attempt.id)).toEqual({ saves: 1, responses: 1 });
    const run = await closeDueAttempts(t.deps);
    expect(run.expired).toBeGreaterThanOrEqual(1);
    const row = (
      await t.db.db.execute<{ status: string; objective_score: number; submitted_at: Date | null }>(
        sql`select status, objective_score, submitted_at from attempt where id = ${attempt.id}`,
      )
    ).rows[0]!;
    expect(row).toEqual({ status: 'expired', objective_score: 3, submitted_at: null });
    const job = await t.db.db.execute(
      sql`select 1 from job_run where job = 'attempt-deadline' and status = 'succeeded'`,
    );
    expect(job.rows.length).toBeGreaterThan(0);
  });

  it('grades objective items at submission and refuses answers after it', async () => {
    const { paperId } = await insertFinalPaper(t.db, { ownerUsername: 'teacher_demo' });
    const attempt = await start(await assign(paperId));
    const answers = [
      { number: 1, part: 0, value: { choice: 'C' } }, // 3
      { number: 2, part: 0, value: { choices: ['A'] } }, // half of 4
      { number: 3, part: 0, value: { judgement: false } }, // 0
      { number: 4, part: 0, value: { blanks: { b1: '７', b2: '3.50' } } }, // 4: full width and equal numbers
      { number: 5, part: 0, value: { blanks: { b1: '直角三角形', b2: '四十二点五' } } }, // half of 4
      { number: 6, part: 0, value: { text: '因为三个角拼成一个平角。' } }, // waits for marking
      { number: 7, part: 1, value: { choice: 'B' } }, // 3
      { number: 7, part: 2, value: { blanks: { b1: '鲁迅' } } }, // 2
    ];
    let seq = 0;
    for (const a of answers) expect((await save(attempt.id, { seq: ++seq, ...a })).statusCode).toBe(200);
    const submit = await student.post(`/api/attempts/${attempt.id}/submit`);
    expect(submit.statusCode, submit.body).toBe(200);
    const row = (
      await t.db.db.execute<{ status: string; objective_score: number; score: number | null }>(
        sql`select status, objective_score, score from attempt where id = ${attempt.id}`,
      )
    ).rows[0]!;
    expect(row).toEqual({ status: 'submitted', objective_score: 16, score: null });
    const waiting = await t.db.db.execute(
      sql`select number from response where attempt_id = ${attempt.id} and needs_marking`,
    );
    expect(waiting.rows).toEqual([{ number: 6 }]);
    const after = await save(attempt.id, { seq: ++seq, number: 1, part: 0, value: { choice: 'A' } });
    expect(after.statusCode).toBe(409);
    expect(after.json().error.details.reason).toBe('submitted');
    // Scores stay hidden from the student until release.
    const view = (await student.get(`/api/attempts/${attempt.id}`)).json();
    expect(view.released).toBe(false);
    expect(view).not.toHaveProperty('score');
    expect(view).not.toHaveProperty('results');
  });

  it('enforces forward-only navigation of a paper-free exam and counts focus losses', async () => {
    const { paperId } = await insertFinalPaper(t.db, {
      ownerUsername: 'teacher_demo',
      navigation: 'forward_only',
    });
    const attempt = await start(await assign(paperId, { kind: 'exam', paperFree: true, minutes: 30 }));
    const view = (await student.get(`/api/attempts/${attempt.id}`)).json();
    expect(view).toMatchObject({ paperFree: true, forwardOnly: true, furthest: 0 });
    expect((await student.post(`/api/attempts/${attempt.id}/position`, { index: 2 })).statusCode).toBe(200);
    const back = await student.post(`/api/attempts/${attempt.id}/position`, { index: 1 });
    expect(back.statusCode).toBe(409);
    expect(back.json().error.details.reason).toBe('locked');
    const behind = await save(attempt.id, { seq: 1, number: 1, part: 0, value: { choice: 'A' } });
    expect(behind.statusCode).toBe(409);
    expect(behind.json().error.details.reason).toBe('locked');
    // Answering an item further on moves there.
    expect(
      (await save(attempt.id, { seq: 2, number: 5, part: 0, value: { blanks: { b1: 'x' } } })).statusCode,
    ).toBe(200);
    expect((await student.post(`/api/attempts/${attempt.id}/position`, { index: 3 })).statusCode).toBe(409);
    for (const count of [1, 2, 2]) await student.post(`/api/attempts/${attempt.id}/focus`, { count });
    const after = (await student.get(`/api/attempts/${attempt.id}`)).json();
    expect(after).toMatchObject({ furthest: 4, focusLosses: 2 });
    expect(await counts(attempt.id)).toEqual({ saves: 1, responses: 1 });
  });

  it('resumes an attempt exactly on a new app instance (a restart)', async () => {
    const { paperId } = await insertFinalPaper(t.db, { ownerUsername: 'teacher_demo' });
    const attempt = await start(await assign(paperId, { minutes: 20 }));
    await save(attempt.id, { seq: 1, number: 1, part: 0, value: { choice: 'C' } });
    await save(attempt.id, { seq: 2, number: 4, part: 0, value: { blanks: { b1: '7' } } });
    const before = (await student.get(`/api/attempts/${attempt.id}`)).json();
    const second = await buildApp(t.deps, { logger: false, serveWeb: false });
    await second.ready();
    try {
      const res = await second.inject({
        method: 'GET',
        url: `/api/attempts/${attempt.id}`,
        headers: await sessionHeaders(),
      });
      expect(res.statusCode, res.body).toBe(200);
      const after = res.json();
      expect(after.answers).toEqual(before.answers);
      expect(after.deadlineAt).toBe(before.deadlineAt);
      expect(after.lastSeq).toBe(2);
      // Started again: the same attempt, not a new one.
      const again = await second.inject({
        method: 'POST',
        url: `/api/assignments/${after.assignmentId}/start`,
        headers: await sessionHeaders(true),
      });
      expect(again.json().id).toBe(attempt.id);
    } finally {
      await second.close();
    }
  });

  it('starts one attempt per student and assignment, and none outside the window', async () => {
    const { paperId } = await insertFinalPaper(t.db, { ownerUsername: 'teacher_demo' });
    const assignmentId = await assign(paperId);
    const [a, b] = await Promise.all([
      student.post(`/api/assignments/${assignmentId}/start`),
      student.post(`/api/assignments/${assignmentId}/start`),
    ]);
    expect(a.json().id).toBe(b.json().id);
    const n = await t.db.db.execute(sql`select 1 from attempt where assignment_id = ${assignmentId}`);
    expect(n.rows).toHaveLength(1);
    const later = await assign(paperId, { opensAt: minutes(30) });
    const early = await student.post(`/api/assignments/${later}/start`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details.reason).toBe('not_open');
  });

  it("refuses another student's attempt as not found", async () => {
    const { paperId } = await insertFinalPaper(t.db, { ownerUsername: 'teacher_demo' });
    const attempt = await start(await assign(paperId));
    const other = await t.db.db.execute<{ username: string }>(
      sql`select a.username from account a join student s on s.person_id = a.person_id
           where s.class_id = ${classId} and s.person_id <> ${studentId} order by a.username limit 1`,
    );
    const classmate = await t.login(other.rows[0]!.username);
    expect((await classmate.get(`/api/attempts/${attempt.id}`)).statusCode).toBe(404);
    const res = await save(attempt.id, { seq: 1, number: 1, part: 0, value: { choice: 'A' } }, classmate);
    expect(res.statusCode).toBe(404);
    expect((await classmate.post(`/api/attempts/${attempt.id}/submit`)).statusCode).toBe(404);
    expect(await counts(attempt.id)).toEqual({ saves: 0, responses: 0 });
  });
});

/** The student's session cookie and CSRF token, for requests to a second app instance. */
async function sessionHeaders(write = false): Promise<Record<string, string>> {
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'student_demo', password: 'Hanlin@2026' },
  });
  const sid = login.cookies.find((c) => c.name === 'hanlin_sid')!.value;
  return { cookie: `hanlin_sid=${sid}`, ...(write ? { 'x-csrf-token': login.json().csrfToken } : {}) };
}

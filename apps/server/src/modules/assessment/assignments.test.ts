import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';
import { insertFinalPaper } from './attempts.fixtures.ts';

let t: TestApp;
let teacher: Client;
let student: Client;
let classId: string;
let studentId: string;
let otherClassId: string;

type ListedItem = {
  id: string;
  classes: { id: string }[];
  students: number;
  started: number;
  submitted: number;
};

const minutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

async function assign(who: Client, classIds: string[], extra: Record<string, unknown> = {}) {
  const { paperId } = await insertFinalPaper(t.db, { ownerUsername: 'teacher_demo' });
  const res = await who.post('/api/assignments', {
    paperId,
    kind: 'homework',
    classIds,
    opensAt: minutes(-5),
    closesAt: minutes(60),
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().id as string;
}

/** Moves an assignment's due time into the past (the window, and late submission if any, stay as asked). */
const closeNow = (id: string, lateOpen = false) =>
  t.db.db.execute(sql`update assignment set opens_at = now() - interval '2 hours',
      closes_at = now() - interval '1 minute',
      late_until = case when ${lateOpen} then now() + interval '1 hour' end where id = ${id}`);

async function answerAndSubmit(
  assignmentId: string,
  answers: { number: number; part: number; value: unknown }[],
) {
  const attempt = (await student.post(`/api/assignments/${assignmentId}/start`)).json();
  let seq = 0;
  for (const a of answers) {
    const r = await student.post(`/api/attempts/${attempt.id}/answers`, {
      key: `a-${attempt.id.slice(-8)}-${++seq}`,
      seq,
      ...a,
    });
    expect(r.statusCode, r.body).toBe(200);
  }
  expect((await student.post(`/api/attempts/${attempt.id}/submit`)).statusCode).toBe(200);
  return attempt.id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  teacher = await t.login('teacher_demo');
  student = await t.login('student_demo');
  const r = await t.db.db.execute<{ classId: string; studentId: string; otherClassId: string }>(
    sql`select s.class_id as "classId", s.person_id as "studentId",
               (select c.id from org_unit c where c.school_id = s.school_id and c.kind = 'class' and c.id <> s.class_id
                  and not exists (select 1 from teaching_assignment ta join account ac on ac.person_id = ta.teacher_id
                                   where ta.class_id = c.id and ac.username = 'teacher_demo')
                  and exists (select 1 from student x where x.class_id = c.id) order by c.path limit 1) as "otherClassId"
          from student s join account a on a.person_id = s.person_id where a.username = 'student_demo'`,
  );
  ({ classId, studentId, otherClassId } = r.rows[0]!);
});
afterAll(() => t.close());

describe('setting and following homework', () => {
  it('lists the classes a teacher may assign to and refuses any other class', async () => {
    const classes = (await teacher.get('/api/assignments/classes')).json().items as { id: string }[];
    expect(classes.map((c) => c.id)).toContain(classId);
    expect(classes.map((c) => c.id)).not.toContain(otherClassId);
    const { paperId } = await insertFinalPaper(t.db, { ownerUsername: 'teacher_demo' });
    const res = await teacher.post('/api/assignments', {
      paperId,
      kind: 'homework',
      classIds: [classId, otherClassId],
      opensAt: minutes(-5),
      closesAt: minutes(60),
    });
    expect(res.statusCode).toBe(404);
    expect(
      (await t.db.db.execute(sql`select 1 from assignment where paper_id = ${paperId}`)).rows,
    ).toHaveLength(0);
    const exam = await teacher.post('/api/assignments', {
      paperId,
      kind: 'unified_exam',
      classIds: [classId],
      opensAt: minutes(-5),
      closesAt: minutes(60),
    });
    expect(exam.statusCode).toBe(400);
  });

  it('refuses a teacher another class’s assignment', async () => {
    const admin = await t.login('school_admin');
    const id = await assign(admin, [otherClassId], { kind: 'exam', doubleMarking: true, markGap: 3 });
    expect((await teacher.get(`/api/assignments/${id}`)).statusCode).toBe(404);
    const list = (await teacher.get('/api/assignments')).json().items as { id: string }[];
    expect(list.map((a) => a.id)).not.toContain(id);
    expect((await teacher.post(`/api/assignments/${id}/release`)).statusCode).toBe(404);
    expect((await student.post(`/api/assignments/${id}/start`)).statusCode).toBe(404);
    expect((await admin.get(`/api/assignments/${id}`)).statusCode).toBe(200);
  });

  it('shows per class who started, submitted, is late or missing, and parents their child’s', async () => {
    const missing = await assign(teacher, [classId]);
    const late = await assign(teacher, [classId], { lateUntil: minutes(120) });
    const onTime = await assign(teacher, [classId]);
    await answerAndSubmit(onTime, [{ number: 1, part: 0, value: { choice: 'C' } }]);
    await closeNow(missing);
    await closeNow(late, true);
    await answerAndSubmit(late, [{ number: 3, part: 0, value: { judgement: true } }]);

    const progress = (await teacher.get(`/api/assignments/${late}`)).json();
    const mine = progress.students.find((s: { studentId: string }) => s.studentId === studentId);
    expect(mine.standing).toBe('late');
    expect(progress.classes[0].counts.late).toBe(1);
    expect(progress.classes[0].counts.missing).toBe(progress.classes[0].students - 1);
    const missed = (await teacher.get(`/api/assignments/${missing}`)).json();
    expect(missed.classes[0].counts.missing).toBe(missed.classes[0].students);
    const open = (await teacher.get(`/api/assignments/${onTime}`)).json();
    expect(open.classes[0].counts).toMatchObject({ submitted: 1, not_started: open.classes[0].students - 1 });

    const parent = await t.login('parent_demo');
    const child = await parent.get(`/api/students/${studentId}/homework`);
    expect(child.statusCode, child.body).toBe(200);
    const byId = new Map(child.json().items.map((i: { id: string }) => [i.id, i]));
    expect(byId.get(missing)).toMatchObject({ standing: 'missing' });
    expect(byId.get(late)).toMatchObject({ standing: 'late' });
    expect(byId.get(onTime)).toMatchObject({ standing: 'submitted', score: null });
    expect(child.json().summary.missing).toBeGreaterThanOrEqual(1);
    expect(child.json().summary.late).toBeGreaterThanOrEqual(1);
    // Only their own children: a classmate is out of the parent's scope.
    const classmate = await t.db.db.execute<{ id: string }>(
      sql`select person_id as id from student where class_id = ${classId} and person_id <> ${studentId}
           and person_id not in (select student_id from guardian g join account a on a.person_id = g.parent_id
                                  where a.username = 'parent_demo') limit 1`,
    );
    expect((await parent.get(`/api/students/${classmate.rows[0]!.id}/homework`)).statusCode).toBe(404);
    // The parent sees no other student's names or scores in their child's list.
    expect(child.body).not.toContain(classmate.rows[0]!.id);
    const mineList = (await student.get('/api/homework')).json().items as { id: string; standing: string }[];
    expect(mineList.find((i) => i.id === missing)?.standing).toBe('missing');
  });

  it('counts the students, starts and submissions of an administrative and a teaching class in the list', async () => {
    // A senior school's 走班: a teaching class with members, and one of its members' own class.
    const found = await t.db.db.execute<{ tc: string; cls: string; username: string; expected: number }>(sql`
      select m.teaching_class_id as tc, s.class_id as cls, a.username,
             ((select count(*) from student x where x.class_id = s.class_id and x.status = 'enrolled')
              + (select count(*) from teaching_class_member y join student x on x.person_id = y.student_id
                  where y.teaching_class_id = m.teaching_class_id and x.status = 'enrolled'))::int as expected
        from teaching_class_member m join student s on s.person_id = m.student_id and s.status = 'enrolled'
        join account a on a.person_id = s.person_id
       order by m.teaching_class_id, s.person_id limit 1`);
    const { tc, cls, username, expected } = found.rows[0]!;
    const admin = await t.login('city_admin');
    const id = await assign(admin, [cls, tc]);
    const pupil = await t.login(username);
    const attempt = (await pupil.post(`/api/assignments/${id}/start`)).json();
    expect((await pupil.post(`/api/attempts/${attempt.id}/submit`)).statusCode).toBe(200);

    const listed = ((await admin.get('/api/assignments')).json().items as ListedItem[]).find(
      (a) => a.id === id,
    );
    expect(listed?.classes.map((c) => c.id).sort()).toEqual([cls, tc].sort());
    expect(listed).toMatchObject({ students: expected, started: 1, submitted: 1 });
    const progress = (await admin.get(`/api/assignments/${id}`)).json();
    expect(progress.students).toHaveLength(expected);
    expect(
      progress.classes.map((c: { students: number }) => c.students).reduce((x: number, y: number) => x + y),
    ).toBe(expected);
  });

  it('counts only enrolled students of a teaching class among the classes to assign to', async () => {
    const found = await t.db.db.execute<{ tc: string; grade: string; left: string }>(sql`
      select m.teaching_class_id as tc, o.grade_code as grade, m.student_id as left
        from teaching_class_member m join org_unit o on o.id = m.teaching_class_id
        join student s on s.person_id = m.student_id and s.status = 'enrolled'
       order by m.teaching_class_id, m.student_id limit 1`);
    const { tc, grade, left } = found.rows[0]!;
    const admin = await t.login('city_admin');
    const listed = async () =>
      (
        (await admin.get(`/api/assignments/classes?gradeCode=${grade}`)).json().items as {
          id: string;
          students: number;
        }[]
      ).find((c) => c.id === tc)?.students;
    const before = await listed();
    // A member transfers out: they stay in the teaching class's history but are no longer taught.
    await t.db.db.execute(sql`update student set status = 'transferred' where person_id = ${left}`);
    try {
      expect(await listed()).toBe(before! - 1);
      const id = await assign(admin, [tc]);
      expect((await admin.get(`/api/assignments/${id}`)).json().students).toHaveLength(before! - 1);
    } finally {
      await t.db.db.execute(sql`update student set status = 'enrolled' where person_id = ${left}`);
    }
  });

  it('regrades a blank across every submitted attempt, audited with old and new scores; after release with a reason', async () => {
    const id = await assign(teacher, [classId]);
    const attemptId = await answerAndSubmit(id, [
      { number: 5, part: 0, value: { blanks: { b1: '直角等腰三角形', b2: '四十二点五' } } },
    ]);
    const score = async () =>
      (
        await t.db.db.execute<{ objective_score: number; r: number }>(
          sql`select t.objective_score, r.score as r from attempt t join response r on r.attempt_id = t.id
               where t.id = ${attemptId} and r.number = 5`,
        )
      ).rows[0]!;
    expect(await score()).toEqual({ objective_score: 2, r: 2 });
    const res = await teacher.post(`/api/assignments/${id}/regrade`, {
      number: 5,
      part: 0,
      blankId: 'b1',
      accepted: ['直角等腰三角形'],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ examined: 1, changed: 1 });
    expect(await score()).toEqual({ objective_score: 4, r: 4 });
    const audit = await t.db.db.execute<{ details: { changes: { oldScore: number; newScore: number }[] } }>(
      sql`select details from audit_log where action = 'assignment.regrade' and target_id = ${id}`,
    );
    expect(audit.rows[0]!.details.changes).toEqual([expect.objectContaining({ oldScore: 2, newScore: 4 })]);
    const marks =
      await t.db.db.execute(sql`select m.round, m.score from mark m join response r on r.id = m.response_id
      where r.attempt_id = ${attemptId}`);
    expect(marks.rows).toEqual([{ round: 'regrade', score: 4 }]);

    // Release waits for the window to close; then students see scores and the key.
    expect((await teacher.post(`/api/assignments/${id}/release`)).statusCode).toBe(409);
    await closeNow(id);
    expect((await teacher.post(`/api/assignments/${id}/release`)).statusCode).toBe(200);
    const view = (await student.get(`/api/attempts/${attemptId}`)).json();
    expect(view).toMatchObject({ released: true, score: 4 });
    expect(JSON.stringify(view.key)).toContain('等腰直角三角形');
    const noReason = await teacher.post(`/api/assignments/${id}/regrade`, {
      number: 5,
      part: 0,
      blankId: 'b2',
      accepted: ['42.5'],
    });
    expect(noReason.statusCode).toBe(400);
    const withReason = await teacher.post(`/api/assignments/${id}/regrade`, {
      number: 5,
      part: 0,
      blankId: 'b2',
      accepted: ['42.5'],
      reason: '教研组认可小数写法',
    });
    expect(withReason.statusCode, withReason.body).toBe(200);
    expect(withReason.json().changed).toBe(0);
  });
});

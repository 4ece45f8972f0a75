import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';
import { demoClassmates, insertFinalPaper } from './attempts.fixtures.ts';

let t: TestApp;
let teacher: Client;
let classId: string;
let students: { client: Client; id: string }[];

const minutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

beforeAll(async () => {
  t = await createTestApp();
  teacher = await t.login('teacher_demo');
  const classmates = await demoClassmates(t.db, 4);
  classId = classmates[0]!.classId;
  students = await Promise.all(
    classmates.map(async (r) => ({ client: await t.login(r.username), id: r.id })),
  );
});
afterAll(() => t.close());

async function assign(extra: Record<string, unknown> = {}) {
  const { paperId } = await insertFinalPaper(t.db, { ownerUsername: 'teacher_demo' });
  const res = await teacher.post('/api/assignments', {
    paperId,
    kind: 'exam',
    classIds: [classId],
    opensAt: minutes(-1),
    closesAt: minutes(60),
    minutes: 30,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().id as string;
}

describe('a class starting together (group commit of starts)', () => {
  it('starts one attempt per student, audits each start once, and sends every student the paper', async () => {
    const assignmentId = await assign();
    // Every student taps 开始 twice at the same moment (a double tap, a second device).
    const replies = await Promise.all(
      students.flatMap((s) => [1, 2].map(() => s.client.post(`/api/assignments/${assignmentId}/start`))),
    );
    for (const r of replies) expect(r.statusCode, r.body).toBe(200);
    students.forEach((_, k) => {
      const [a, b] = [replies[2 * k]!.json(), replies[2 * k + 1]!.json()];
      expect(a.id).toBe(b.id);
      expect(a.paper.sections.length).toBeGreaterThan(0);
      expect(a.status).toBe('in_progress');
      // The time limit, from the database's clock.
      const limit = new Date(a.deadlineAt).getTime() - new Date(a.startedAt).getTime();
      expect(limit).toBe(30 * 60_000);
    });
    const rows = await t.db.db.execute<{ student: string; attempts: number; audits: number }>(
      sql`select t.student_id as student, count(distinct t.id)::int as attempts,
                 (select count(*)::int from audit_log l where l.action = 'attempt.start'
                    and l.target_id = min(t.id::text) and l.actor_person_id = t.student_id) as audits
            from attempt t where t.assignment_id = ${assignmentId} group by t.student_id`,
    );
    expect(rows.rows).toHaveLength(students.length);
    for (const r of rows.rows) expect(r).toMatchObject({ attempts: 1, audits: 1 });
  });

  it('refuses a start before the window opens and changes nothing', async () => {
    const assignmentId = await assign({ opensAt: minutes(30), closesAt: minutes(90) });
    const replies = await Promise.all(
      students.map((s) => s.client.post(`/api/assignments/${assignmentId}/start`)),
    );
    for (const r of replies) {
      expect(r.statusCode).toBe(409);
      expect(r.json().error.details.reason).toBe('not_open');
    }
    const n = await t.db.db.execute(sql`select 1 from attempt where assignment_id = ${assignmentId}`);
    expect(n.rows).toHaveLength(0);
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { newId } from '../../platform/db/types.ts';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';
import { saveResponses } from './answer-saves.repository.ts';
import { demoClassmates, insertFinalPaper } from './attempts.fixtures.ts';

let t: TestApp;
let students: { client: Client; id: string; username: string }[];
let attempts: string[];

const minutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

beforeAll(async () => {
  t = await createTestApp();
  const teacher = await t.login('teacher_demo');
  const classmates = await demoClassmates(t.db, 3);
  const { paperId } = await insertFinalPaper(t.db, { ownerUsername: 'teacher_demo' });
  const assigned = await teacher.post('/api/assignments', {
    paperId,
    kind: 'homework',
    classIds: [classmates[0]!.classId],
    opensAt: minutes(-5),
    closesAt: minutes(60),
  });
  expect(assigned.statusCode, assigned.body).toBe(200);
  students = await Promise.all(
    classmates.map(async (r) => ({ client: await t.login(r.username), id: r.id, username: r.username })),
  );
  attempts = await Promise.all(
    students.map(async (s) => {
      const res = await s.client.post(`/api/assignments/${assigned.json().id}/start`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().id as string;
    }),
  );
});
afterAll(() => t.close());

const saved = async (attemptId: string) =>
  (
    await t.db.db.execute<{ number: number; seq: number; choice: string }>(
      sql`select number, seq, value->>'choice' as choice from response where attempt_id = ${attemptId} order by number`,
    )
  ).rows;

describe('answers saved together (group commit)', () => {
  it('keeps each student’s answers apart, logs a repeated key once and lets the highest seq stand', async () => {
    // Three students answer at once: item 1, then item 1 again under a key sent twice (a retry sent
    // while its first try is in flight), and two answers to item 3 overtaking each other.
    const sends = students.flatMap((s, k) => {
      const post = (body: object) => s.client.post(`/api/attempts/${attempts[k]}/answers`, body);
      const retry = { key: `retry-${k}-000001`, seq: 3, number: 1, part: 0, value: { choice: 'C' } };
      return [
        post({ key: `first-${k}-00001`, seq: 1, number: 1, part: 0, value: { choice: 'ABCD'[k] } }),
        post(retry),
        post(retry),
        post({ key: `late-${k}-000001`, seq: 9, number: 3, part: 0, value: { judgement: true } }),
        post({ key: `early-${k}-00001`, seq: 4, number: 3, part: 0, value: { judgement: false } }),
      ];
    });
    const replies = await Promise.all(sends);
    for (const r of replies) expect(r.statusCode, r.body).toBe(200);
    for (const [k] of students.entries()) {
      const mine = replies.slice(5 * k, 5 * k + 5).map((r) => r.json());
      // The retry: acknowledged twice, as the same save, one of them as a repeat.
      expect(mine[1].savedAt).toBe(mine[2].savedAt);
      expect([mine[1].repeated, mine[2].repeated].sort()).toEqual([false, true]);
      expect(mine[3].current).toBe(true);
      const rows = await t.db.db.execute<{ saves: number; item3: boolean }>(
        sql`select (select count(*)::int from response_save where attempt_id = ${attempts[k]}) as saves,
                   (select (value->>'judgement')::boolean from response where attempt_id = ${attempts[k]} and number = 3) as item3`,
      );
      expect(rows.rows[0]).toEqual({ saves: 4, item3: true });
      expect((await saved(attempts[k]!))[0]).toEqual({ number: 1, seq: 3, choice: 'C' });
    }
  });

  it('checks the owner of each save itself: a save naming another student’s attempt writes nothing', async () => {
    const [mine, theirs] = [attempts[0]!, attempts[1]!];
    const save = (attemptId: string, studentId: string, key: string) => ({
      attemptId,
      studentId,
      key,
      number: 1,
      part: 0,
      seq: 50,
      value: { choice: 'A' },
      responseId: newId(),
      maxScore: 3,
    });
    const out = await t.db.db.transaction((tx) =>
      saveResponses(tx, [
        save(mine, students[0]!.id, 'owner-check-01'),
        save(theirs, students[0]!.id, 'owner-check-02'),
      ]),
    );
    expect(out[0]).toMatchObject({ open: true, applied: true });
    expect(out[0]!.receivedAt).toBeInstanceOf(Date);
    expect(out[1]).toEqual({ open: false, receivedAt: null, applied: false });
    const logged = await t.db.db.execute(
      sql`select 1 from response_save where client_key like 'owner-check-%' and attempt_id = ${theirs}`,
    );
    expect(logged.rows).toHaveLength(0);
  });

  it('acknowledges a crowd of saves on an instance with nothing in memory yet (just restarted)', async () => {
    // A new instance on the same database (its own caches, empty), and more saves at once than its
    // pool has connections: each looks its attempt and paper up before it is written.
    const second = await buildApp({ ...t.deps }, { logger: false, serveWeb: false });
    await second.ready();
    try {
      const sessions = await Promise.all(
        students.map(async (s) => {
          const login = await second.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { username: s.username, password: 'Hanlin@2026' },
          });
          expect(login.statusCode, login.body).toBe(200);
          const sid = login.cookies.find((c) => c.name === 'hanlin_sid')!.value;
          return { cookie: `hanlin_sid=${sid}`, 'x-csrf-token': login.json().csrfToken as string };
        }),
      );
      const replies = await Promise.all(
        students.flatMap((_, k) =>
          Array.from({ length: 10 }, (_, n) =>
            second.inject({
              method: 'POST',
              url: `/api/attempts/${attempts[k]}/answers`,
              headers: sessions[k],
              payload: {
                key: `cold-${k}-${n}-0001`,
                seq: 100 + n,
                number: 1,
                part: 0,
                value: { choice: 'D' },
              },
            }),
          ),
        ),
      );
      for (const r of replies) expect(r.statusCode, r.body).toBe(200);
      for (const a of attempts) expect((await saved(a))[0]).toEqual({ number: 1, seq: 109, choice: 'D' });
    } finally {
      await second.close();
    }
  });
});

import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../bootstrap.ts';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let teacher: Client;
let admin: Client;
let classId: string;

beforeAll(async () => {
  t = await createTestApp();
  teacher = await t.login('teacher_demo');
  admin = await t.login('school_admin');
  const home = (await teacher.get('/api/portal/home')).json() as { classes: { id: string }[] };
  classId = home.classes[0]!.id;
});
afterAll(() => t.close());

const rows = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  (await t.db.db.execute<T>(query)).rows;

type Roster = { students: { personId: string; name: string }[] };

/** Signs in with a bare inject, so requests do not wait for the change feed the way Client does. */
async function rawSession(username: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: DEMO_PASSWORD },
  });
  const sid = res.cookies.find((c) => c.name === 'hanlin_sid')!.value;
  return {
    me: () => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `hanlin_sid=${sid}` } }),
  };
}

/** Another instance of the platform, or an operator: a separate connection to the same database. */
async function elsewhere(query: string, params: unknown[] = []) {
  const c = new pg.Client(t.db.pool.options);
  await c.connect();
  await c.query(query, params);
  await c.end();
}

describe('caches derived from the database', () => {
  it('caches only what is backed by tables that announce their changes', () => {
    expect(t.app.authz.tables).toEqual(expect.arrayContaining(['session', 'resource', 'studio', 'guardian']));
    for (const table of t.app.authz.tables) expect(t.app.changes.announcing, table).toContain(table);
  });

  it('shows a transfer at once: the student leaves the roster and the teacher loses the record', async () => {
    const before = (await teacher.get(`/api/classes/${classId}/roster`)).json() as Roster;
    const student = before.students[0]!;
    expect((await teacher.get(`/api/students/${student.personId}`)).statusCode).toBe(200);
    const [away] = await rows<{ id: string }>(sql`
      select o.id from org_unit o join org_unit c on c.id = ${classId}
       where o.school_id = c.school_id and o.kind = 'class' and o.active and o.id <> c.id
         and not exists (select 1 from teaching_assignment ta join account a on a.person_id = ta.teacher_id
                          where a.username = 'teacher_demo' and ta.class_id = o.id)
         and not exists (select 1 from role_assignment ra join account a on a.person_id = ra.person_id
                          where a.username = 'teacher_demo' and ra.org_unit_id = o.id)
       limit 1`);
    const moved = await admin.post(`/api/students/${student.personId}/transfer`, { classId: away!.id });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = (await teacher.get(`/api/classes/${classId}/roster`)).json() as Roster;
    expect(after.students.map((s) => s.personId)).not.toContain(student.personId);
    expect(after.students).toHaveLength(before.students.length - 1);
    expect((await teacher.get(`/api/students/${student.personId}`)).statusCode).toBe(404);
  });

  it('shows a change made through another connection on the next request', async () => {
    const roster = (await teacher.get(`/api/classes/${classId}/roster`)).json() as Roster;
    const who = roster.students[0]!;
    await elsewhere('update person set name = $1 where id = $2', ['司马改名', who.personId]);
    const again = (await teacher.get(`/api/classes/${classId}/roster`)).json() as Roster;
    expect(again.students.find((s) => s.personId === who.personId)?.name).toBe('司马改名');
  });

  it('ends a session revoked by another instance without waiting for any timer', async () => {
    const s = await rawSession('student_demo');
    expect((await s.me()).statusCode).toBe(200);
    expect((await s.me()).statusCode).toBe(200);
    await elsewhere(`update session set revoked_at = now()
      where person_id = (select person_id from account where username = 'student_demo') and revoked_at is null`);
    // The notification travels asynchronously; no sync here, as on a second server. Wait for the
    // state (however busy the machine), not for a fixed time.
    await expect.poll(async () => (await s.me()).statusCode, { timeout: 60_000, interval: 20 }).toBe(401);
  });

  it('serves nothing from memory while the change feed is down', async () => {
    const s = await rawSession('student_demo');
    expect((await s.me()).statusCode).toBe(200);
    await t.app.changes.stop();
    try {
      await elsewhere(`update session set revoked_at = now()
        where person_id = (select person_id from account where username = 'student_demo') and revoked_at is null`);
      expect((await s.me()).statusCode).toBe(401);
    } finally {
      await t.app.changes.start();
    }
    expect(t.app.changes.live).toBe(true);
  });
});

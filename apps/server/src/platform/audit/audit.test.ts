import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('audit log', () => {
  it('refuses UPDATE, DELETE and TRUNCATE at the database', async () => {
    await t.login('teacher_demo');
    const n = (await t.db.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log`)).rows[0]!
      .n;
    expect(n).toBeGreaterThan(0);
    for (const q of [
      sql`update audit_log set action = 'x'`,
      sql`delete from audit_log`,
      sql`truncate audit_log`,
    ]) {
      const err = await t.db.db.execute(q).then(
        () => null,
        (e: Error & { cause?: Error }) => e,
      );
      expect(String(err?.cause?.message ?? err?.message)).toMatch(/append-only/);
    }
    const after = (await t.db.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log`))
      .rows[0]!.n;
    expect(after).toBe(n);
  });

  it('is searchable by the auditor by person, action and time, and by nobody else', async () => {
    const teacher = await t.login('teacher_demo');
    const me = (await teacher.get('/api/auth/me')).json();
    expect((await teacher.get('/api/audit')).statusCode).toBe(403);
    const auditor = await t.login('auditor');
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const res = await auditor.get(
      `/api/audit?personId=${me.personId}&action=auth.login&from=${encodeURIComponent(from)}`,
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBeGreaterThan(0);
    expect(body.items.every((i: { action: string }) => i.action.startsWith('auth.login'))).toBe(true);
  });

  it('records reads of a student record by staff with the subject', async () => {
    const teacher = await t.login('teacher_demo');
    const roster = (await teacher.get(await firstClassUrl(teacher))).json();
    const student = roster.students[0];
    expect((await teacher.get(`/api/students/${student.personId}`)).statusCode).toBe(200);
    const r = await t.db.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log
      where action = 'student.read' and subject_person_id = ${student.personId}`);
    expect(r.rows[0]!.n).toBe(1);
  });
});

async function firstClassUrl(c: Awaited<ReturnType<TestApp['login']>>) {
  const home = (await c.get('/api/portal/home')).json();
  return `/api/classes/${home.classes[0].id}/roster`;
}

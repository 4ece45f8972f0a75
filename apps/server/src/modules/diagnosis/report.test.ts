import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkbook } from '../../platform/xlsx/xlsx-file.ts';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';
import { type MasteryPlaces, masteryPlaces, seedClassMastery } from './heatmap.fixtures.ts';

let t: TestApp;
let m: MasteryPlaces;
let parent: Client;
let child: string;
let classmate: string;
let names: string[];

const one = async <T>(q: ReturnType<typeof sql>) => (await t.db.db.execute(q)).rows[0] as T;

beforeAll(async () => {
  t = await createTestApp();
  m = await masteryPlaces(t.db);
  const { path } = await one<{ path: string }>(
    sql`select path::text as path from org_unit where id = ${m.classId}`,
  );
  await seedClassMastery(t.db, m, path, m.others[2]!);
  parent = await t.login('parent_demo');
  ({ child } = await one<{ child: string }>(sql`select g.student_id as child from guardian g
      join account a on a.person_id = g.parent_id where a.username = 'parent_demo'
     order by (g.student_id = ${m.studentId}) desc limit 1`));
  classmate = m.students.find((s) => s !== child)!;
  names = (
    await t.db.db.execute<{ name: string }>(
      sql`select p.name from person p where p.id = any(${sql.param(m.students.filter((s) => s !== child))}::uuid[])`,
    )
  ).rows.map((r) => r.name);
});
afterAll(() => t.close());

describe('student mastery report', () => {
  it("gives a parent the child's report by strand, with causes and no ranking nor classmates", async () => {
    const res = await parent.get(`/api/students/${child}/mastery-report?subject=14`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.student.id).toBe(child);
    expect(r.summary.points).toBeGreaterThan(0);
    expect(r.strands.length).toBeGreaterThan(0);
    if (child === m.studentId) {
      const post = r.strands
        .flatMap((s: { points: { id: string }[] }) => s.points)
        .find((p: { id: string }) => p.id === m.post);
      expect(post.level).toBe('weak');
      expect(post.causes[0]).toMatch(/可能源于先修知识/);
      expect(r.weakest.map((p: { id: string }) => p.id)).toContain(m.post);
    }
    expect(res.body).not.toMatch(/rank|percentile|classMean|average|排名/i);
    for (const n of names) expect(res.body).not.toContain(n);
    // The guardian's read is not a staff read: not audited as one.
    const audit = await one<{ n: number }>(sql`select count(*)::int as n from audit_log
      where action = 'mastery.student.read' and target_id = ${child}`);
    expect(audit.n).toBe(0);
  });

  it("refuses a parent another student's report (404) and exports the child's as a real workbook", async () => {
    expect((await parent.get(`/api/students/${classmate}/mastery-report`)).statusCode).toBe(404);
    expect((await parent.get(`/api/students/${classmate}/mastery/${m.post}`)).statusCode).toBe(404);
    const res = await parent.get(`/api/students/${child}/mastery-report/export?subject=14`);
    expect(res.statusCode).toBe(200);
    const wb = await loadWorkbook(res.rawPayload);
    const sheet = wb.getWorksheet('学情报告')!;
    expect(sheet.getRow(1).getCell(3).value).toBe('掌握度');
    expect(sheet.rowCount).toBeGreaterThan(1);
  });

  it('lets the student read their own report, and staff read it audited', async () => {
    const student = await t.login('student_demo');
    expect((await student.get(`/api/students/${m.studentId}/mastery-report`)).statusCode).toBe(200);
    expect((await student.get(`/api/students/${classmate}/mastery-report`)).statusCode).toBe(404);
    const teacher = await t.login('teacher_demo');
    expect((await teacher.get(`/api/students/${m.studentId}/mastery-report`)).statusCode).toBe(200);
    const audit = await one<{ n: number }>(sql`select count(*)::int as n from audit_log
      where action = 'mastery.student.read' and target_id = ${m.studentId}`);
    expect(audit.n).toBe(1);
  });
});

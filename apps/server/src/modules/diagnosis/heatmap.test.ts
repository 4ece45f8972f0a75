import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkbook } from '../../platform/xlsx/xlsx-file.ts';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';
import { type MasteryPlaces, masteryPlaces, seedClassMastery } from './heatmap.fixtures.ts';

let t: TestApp;
let teacher: Client;
let m: MasteryPlaces;
let sparse: string;

const one = async <T>(q: ReturnType<typeof sql>) => (await t.db.db.execute(q)).rows[0] as T;

beforeAll(async () => {
  t = await createTestApp();
  teacher = await t.login('teacher_demo');
  m = await masteryPlaces(t.db);
  const { path } = await one<{ path: string }>(
    sql`select path::text as path from org_unit where id = ${m.classId}`,
  );
  sparse = m.others[2]!;
  await seedClassMastery(t.db, m, path, sparse);
});
afterAll(() => t.close());

type Heatmap = {
  students: { id: string; name: string }[];
  subject: string;
  points: {
    id: string;
    mean: number;
    weak: number;
    students: number;
    p: (number | null)[];
  }[];
};

describe('class heatmap', () => {
  it('gives the class students × points, the weakest points first, each cell with its level', async () => {
    const res = await teacher.get(`/api/classes/${m.classId}/mastery?subject=14`);
    expect(res.statusCode, res.body).toBe(200);
    const h = res.json() as Heatmap;
    expect(h.students.length).toBe(m.students.length);
    expect(h.points.map((p) => p.id)).toEqual(expect.arrayContaining([m.post, m.pre, sparse]));
    const means = h.points.map((p) => p.mean);
    expect(means).toEqual([...means].sort((a, b) => a - b));
    const post = h.points.find((p) => p.id === m.post)!;
    expect(post.students).toBe(m.students.length);
    const mine = post.p[h.students.findIndex((s) => s.id === m.studentId)]!;
    expect(mine).toBeLessThan(0.5);
    expect(post.weak).toBe(post.p.filter((p) => p !== null && p < 0.5).length);
    // Every cell is the stored estimate of the student of its column, to the thousandth.
    const stored = await t.db.db.execute<{ s: string; kp: string; p: number }>(sql`
      select km.student_id::text as s, km.knowledge_point_id::text as kp, km.p from knowledge_mastery km
       join knowledge_point k on k.id = km.knowledge_point_id
       join student st on st.person_id = km.student_id
      where st.class_id = ${m.classId} and st.status = 'enrolled' and k.subject_code = '14'`);
    const cells = h.points.flatMap((pt) =>
      pt.p.flatMap((p, i) => (p === null ? [] : [[h.students[i]!.id, pt.id, p] as const])),
    );
    expect(cells.length).toBe(stored.rows.length);
    const want = new Map(stored.rows.map((r) => [`${r.s}/${r.kp}`, r.p]));
    for (const [s, kp, p] of cells)
      expect(Math.abs(p - want.get(`${s}/${kp}`)!)).toBeLessThanOrEqual(0.0005 + 1e-9);
    const audit = await one<{ n: number }>(sql`select count(*)::int as n from audit_log
      where action = 'mastery.class.read' and target_id = ${m.classId}`);
    expect(audit.n).toBeGreaterThan(0);
  });

  it('explains a cell: the facts, the contributions, the weak prerequisite as the likelier cause', async () => {
    const res = await teacher.get(`/api/students/${m.studentId}/mastery/${m.post}`);
    expect(res.statusCode, res.body).toBe(200);
    const e = res.json();
    expect(e.level).toBe('weak');
    expect(e.sentence).toBe('答对 0 次、答错 3 次，最近三次都错');
    expect(e.contributions.some((c: { feature: string }) => c.feature.startsWith('all.last'))).toBe(false);
    expect(e.groups.length).toBeGreaterThan(0);
    expect(e.causes[0].point.id).toBe(m.pre);
    expect(e.causes[0].sentence).toMatch(/^『.+』薄弱，可能源于先修知识『.+』未掌握$/);
    expect(e.prerequisites.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([m.pre, m.pre2]));
  });

  it('opens a point for the class: weak students and the class on its prerequisites', async () => {
    const res = await teacher.get(`/api/classes/${m.classId}/mastery/${m.post}`);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p.weakStudents.map((s: { id: string }) => s.id)).toContain(m.studentId);
    const pre = p.prerequisites.find((x: { id: string }) => x.id === m.pre);
    expect(pre.depth).toBe(1);
    expect(pre.students).toBe(m.students.length);
    expect(p.prerequisites.find((x: { id: string }) => x.id === m.pre2).students).toBe(0);
  });

  it('exports a real workbook of the class', async () => {
    const res = await teacher.get(`/api/classes/${m.classId}/mastery/export?subject=14`);
    expect(res.statusCode).toBe(200);
    const wb = await loadWorkbook(res.rawPayload);
    const sheet = wb.getWorksheet('学情热力图')!;
    expect(sheet.rowCount).toBe(3 + m.students.length + 2);
    expect(
      typeof sheet.getRow(4).getCell(3).value === 'number' || sheet.getRow(4).getCell(3).value === null,
    ).toBe(true);
  });

  it('refuses students, parents (403), a teacher of another school (404) and bad input (400)', async () => {
    for (const u of ['student_demo', 'parent_demo'])
      expect((await (await t.login(u)).get(`/api/classes/${m.classId}/mastery`)).statusCode).toBe(403);
    const other = await one<{ username: string }>(sql`
      select u.username from account u join role_assignment ra on ra.person_id = u.person_id and ra.role = 'teacher'
       where ra.school_id <> (select school_id from org_unit where id = ${m.classId}) order by u.username limit 1`);
    const stranger = await t.login(other.username);
    expect((await stranger.get(`/api/classes/${m.classId}/mastery`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/students/${m.studentId}/mastery/${m.post}`)).statusCode).toBe(404);
    const bad = await teacher.get(`/api/classes/${m.classId}/mastery?subject=math`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBeTruthy();
    expect((await teacher.get(`/api/students/${m.studentId}/mastery/not-a-uuid`)).statusCode).toBe(400);
  });
});

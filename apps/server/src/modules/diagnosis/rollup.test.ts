import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkbook } from '../../platform/xlsx/xlsx-file.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { type MasteryPlaces, masteryPlaces, seedClassMastery } from './heatmap.fixtures.ts';

let t: TestApp;
let m: MasteryPlaces;
let sparse: string;
let unit: { school: string; grade: string; district: string };

const one = async <T>(q: ReturnType<typeof sql>) => (await t.db.db.execute(q)).rows[0] as T;

type Cell = { students: number; withheld: boolean; mean: number | null; weakShare: number | null };
type Rollup = {
  unit: { id: string };
  units: { id: string; name: string }[];
  points: { id: string; overall: Cell; cells: Cell[] }[];
};

beforeAll(async () => {
  t = await createTestApp();
  m = await masteryPlaces(t.db);
  const c = await one<{ path: string; grade: string; school: string; district: string }>(sql`
    select c.path::text as path, c.parent_id as grade, c.school_id as school, c.district_id as district
      from org_unit c where c.id = ${m.classId}`);
  unit = c;
  sparse = m.others[2]!;
  await seedClassMastery(t.db, m, c.path, sparse);
});
afterAll(() => t.close());

describe('mastery roll-ups', () => {
  it('gives a school admin the classes × points and withholds cells of fewer than 5 students', async () => {
    const admin = await t.login('school_admin');
    const res = await admin.get(`/api/mastery/rollup?subject=14&orgUnitId=${unit.grade}`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as Rollup;
    const col = r.units.findIndex((u) => u.id === m.classId);
    expect(col).toBeGreaterThanOrEqual(0);
    const post = r.points.find((p) => p.id === m.post)!;
    expect(post.cells[col]).toMatchObject({ students: m.students.length, withheld: false });
    expect(post.cells[col]!.mean).toBeGreaterThan(0);
    const few = r.points.find((p) => p.id === sparse)!;
    expect(few.cells[col]).toEqual({
      students: 3,
      withheld: true,
      mean: null,
      level: null,
      weakShare: null,
      masteredShare: null,
    });
    expect(few.overall.withheld).toBe(true);
  });

  it('lets the city researcher drill down district → school with aggregates only, and exports them', async () => {
    const researcher = await t.login('researcher_demo');
    const res = await researcher.get(`/api/mastery/rollup?subject=14&orgUnitId=${unit.district}`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as Rollup;
    expect(r.units.map((u) => u.id)).toContain(unit.school);
    const names = (
      await t.db.db.execute<{ name: string }>(
        sql`select name from person where id = any(${sql.param(m.students)}::uuid[])`,
      )
    ).rows.map((x) => x.name);
    for (const n of names) expect(res.body).not.toContain(n);
    // Each student counts in the one school that holds their class: a unit's cells add up to the
    // whole district's, for every point and every cognitive level.
    const cog = (
      r as Rollup & { cognitive: { overall: { students: number }; cells: { students: number }[] }[] }
    ).cognitive;
    expect(cog.length).toBeGreaterThan(0);
    for (const row of [...r.points, ...cog]) {
      const sum = row.cells.reduce((a, c) => a + c.students, 0);
      expect(sum).toBe(row.overall.students);
    }
    expect(r.points.some((p) => p.cells.some((c) => c.students > 0))).toBe(true);
    const x = await researcher.get(`/api/mastery/rollup/export?subject=14&orgUnitId=${unit.school}`);
    expect(x.statusCode).toBe(200);
    const wb = await loadWorkbook(x.rawPayload);
    expect(wb.getWorksheet('平均掌握度')!.rowCount).toBeGreaterThan(1);
    expect(wb.getWorksheet('认知层次')).toBeTruthy();
  });

  it("refuses another district's school (404), teachers (403) and a bad unit id (400)", async () => {
    const district = await t.login('district_yuexiu');
    const foreign = await one<{ id: string }>(sql`select s.id from org_unit s where s.kind = 'school'
        and s.district_id <> (select district_id from org_unit where id = ${m.classId}) limit 1`);
    expect((await district.get(`/api/mastery/rollup?orgUnitId=${foreign.id}`)).statusCode).toBe(404);
    expect((await (await t.login('teacher_demo')).get('/api/mastery/rollup')).statusCode).toBe(403);
    expect((await district.get('/api/mastery/rollup?orgUnitId=x')).statusCode).toBe(400);
  });
});

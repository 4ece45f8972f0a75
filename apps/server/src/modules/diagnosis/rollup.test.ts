import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkbook } from '../../platform/xlsx/xlsx-file.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { type MasteryPlaces, masteryPlaces, seedClassMastery } from './heatmap.fixtures.ts';
import { MASTERED_FROM, WEAK_BELOW } from './mastery-levels.ts';
import { refreshLevelScores } from './rollup.service.ts';

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
  // The hourly job's work: the roll-ups read the classes' sums.
  await t.db.db.transaction((tx) => refreshLevelScores(tx, { force: true }));
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

  it('sums the classes’ answers by cognitive level as a live count does, and rebuilds them when an answer is regraded', async () => {
    type Sum = { path: string; level: string; students: number; score: number; max: number };
    const district = (
      await one<{ path: string }>(sql`select path::text as path from org_unit where id = ${unit.district}`)
    ).path;
    // What the roll-up read live before the sums: every graded answer of finished attempts.
    const live = async () =>
      (
        await t.db.db.execute<Sum>(sql`
          select t.path::text as path, i.cognitive_level as level, count(distinct t.student_id)::int as students,
                 sum(coalesce(r.score, 0))::float8 as score, sum(r.max_score)::float8 as max
            from attempt t join assignment a on a.id = t.assignment_id join paper p on p.id = a.paper_id
            cross join lateral jsonb_to_recordset(jsonb_path_query_array(p.document, '$.sections[*].items[*]'))
                 as x("itemId" uuid, number int)
            join item i on i.id = x."itemId" and i.subject_code = '14' and i.cognitive_level is not null
            join response r on r.attempt_id = t.id and r.number = x.number
           where t.path <@ ${district}::ltree and t.status <> 'in_progress' and t.score is not null
           group by 1, 2 order by 1, 2`)
      ).rows;
    const stored = async () =>
      (
        await t.db.db.execute<Sum>(sql`
          select path::text as path, level, students, score, max from level_score_rollup
           where path <@ ${district}::ltree and subject_code = '14' order by 1, 2`)
      ).rows;
    const close = (a: Sum[], b: Sum[]) => {
      expect(a.map(({ path, level, students }) => [path, level, students])).toEqual(
        b.map(({ path, level, students }) => [path, level, students]),
      );
      a.forEach((x, i) => {
        expect(x.score).toBeCloseTo(b[i]!.score, 6);
        expect(x.max).toBeCloseTo(b[i]!.max, 6);
      });
    };
    const before = await live();
    expect(before.length).toBeGreaterThan(0);
    close(await stored(), before);
    const admin = await t.login('district_yuexiu');
    const read = async () => {
      const res = await admin.get(`/api/mastery/rollup?subject=14&orgUnitId=${unit.district}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as {
        asOf: string | null;
        cognitive: { level: string; overall: { students: number } }[];
      };
    };
    const first = await read();
    expect(first.asOf).not.toBeNull();
    for (const l of first.cognitive)
      expect(l.overall.students).toBe(
        before.filter((b) => b.level === l.level).reduce((n, b) => n + b.students, 0),
      );
    // Nothing changed since the rebuild: the hourly job finds no work.
    expect(await t.db.db.transaction((tx) => refreshLevelScores(tx))).toBeNull();
    // A marker regrades one answer to 0: the attempt changes, the next run rebuilds.
    const answer = await one<{ id: string; attempt: string; path: string; score: number }>(sql`
      select r.id, r.attempt_id as attempt, t.path::text as path, r.score from response r join attempt t on t.id = r.attempt_id
       where t.path <@ ${district}::ltree and t.status <> 'in_progress' and t.score is not null and r.score > 0
         and exists (select 1 from level_score_rollup s where s.path = t.path and s.subject_code = '14')
       limit 1`);
    await t.db.db.execute(sql`update response set score = 0 where id = ${answer.id}`);
    await t.db.db.execute(sql`update attempt set updated_at = now() where id = ${answer.attempt}`);
    const after = await live();
    expect(after).not.toEqual(before);
    const rebuilt = await t.db.db.transaction((tx) => refreshLevelScores(tx));
    expect(rebuilt?.rows).toBeGreaterThan(0);
    close(await stored(), after);
    const second = await read();
    expect(Date.parse(second.asOf!)).toBeGreaterThan(Date.parse(first.asOf!));
  });

  it('sums the classes’ estimates per point as a live count does, and rebuilds them when an estimate changes', async () => {
    type Sum = { path: string; kp: string; students: number; p: number; weak: number; mastered: number };
    const district = (
      await one<{ path: string }>(sql`select path::text as path from org_unit where id = ${unit.district}`)
    ).path;
    // What the roll-up read live before the sums: every student's estimates.
    const live = async () =>
      (
        await t.db.db.execute<Sum>(sql`
          select km.path::text as path, km.knowledge_point_id::text as kp, count(*)::int as students,
                 sum(km.p::float8) as p, count(*) filter (where km.p < ${WEAK_BELOW})::int as weak,
                 count(*) filter (where km.p >= ${MASTERED_FROM})::int as mastered
            from knowledge_mastery km join knowledge_point k on k.id = km.knowledge_point_id and k.subject_code = '14'
           where km.path <@ ${district}::ltree group by 1, 2 order by 1, 2`)
      ).rows;
    const stored = async () =>
      (
        await t.db.db.execute<Sum>(sql`
          select path::text as path, knowledge_point_id::text as kp, students, p_sum as p, weak, mastered
            from point_mastery_rollup where path <@ ${district}::ltree and subject_code = '14' order by 1, 2`)
      ).rows;
    const same = (a: Sum[], b: Sum[]) => {
      expect(a.map(({ p: _, ...x }) => x)).toEqual(b.map(({ p: _, ...x }) => x));
      for (const [i, x] of a.entries()) expect(x.p).toBeCloseTo(b[i]!.p, 6);
    };
    const before = await live();
    expect(before.length).toBeGreaterThan(0);
    same(await stored(), before);
    const admin = await t.login('district_yuexiu');
    const read = async () => {
      const res = await admin.get(`/api/mastery/rollup?subject=14&orgUnitId=${unit.district}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Rollup & { points: { overall: { masteredShare: number | null } }[] };
    };
    const whole = (rows: Sum[], kp: string) => {
      const of = rows.filter((r) => r.kp === kp);
      const n = of.reduce((a, r) => a + r.students, 0);
      return { n, mean: of.reduce((a, r) => a + r.p, 0) / n, weak: of.reduce((a, r) => a + r.weak, 0) };
    };
    const first = await read();
    for (const point of first.points) {
      const w = whole(before, point.id);
      expect(point.overall.students).toBe(w.n);
      if (!point.overall.withheld) {
        expect(point.overall.mean).toBeCloseTo(w.mean, 3);
        expect(point.overall.weakShare).toBeCloseTo(w.weak / w.n, 3);
      }
    }
    // One student's estimate of the class's main point falls: the next hourly run rebuilds.
    await t.db.db.execute(sql`update knowledge_mastery set p = 0.01
       where student_id = ${m.students[1]} and knowledge_point_id = ${m.post}`);
    await t.db.db.execute(
      sql`update mastery_state set updated_at = now() where student_id = ${m.students[1]}`,
    );
    const after = await live();
    expect(whole(after, m.post).weak).toBe(whole(before, m.post).weak + 1);
    expect(await t.db.db.transaction((tx) => refreshLevelScores(tx))).not.toBeNull();
    same(await stored(), after);
    const second = (await read()).points.find((p) => p.id === m.post)!;
    expect(second.overall.weakShare).toBeCloseTo(whole(after, m.post).weak / whole(after, m.post).n, 3);
    // Nothing changed since: the job finds no work.
    expect(await t.db.db.transaction((tx) => refreshLevelScores(tx))).toBeNull();
  });
});

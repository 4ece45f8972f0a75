/**
 * The item analysis route on the demo city's assessment data (its 统考 and a term of homework,
 * seeded as `npm start` does): the figures equal the pure functions on the same answers, each role
 * counts what its scope holds, and learners and strangers are refused.
 */
import { analyseItems, scoreMatrix } from '@hanlin/analytics/items';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';
import { seedDemoAssessment } from './demo-assessment.ts';
import { analysisLeaves } from './item-analysis.matrix.ts';
import type { TItemAnalysis } from './item-analysis.service.ts';
import type { PaperDocument } from './paper-model.ts';

let t: TestApp;
let examId: string;
let homeworkId: string;
let researcher: Client;
let teacher: Client;

const rows = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) =>
  (await t.db.db.execute<T>(q)).rows;
const one = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) => (await rows<T>(q))[0]!;
const analysis = async (c: Client, id: string, query = '') => {
  const res = await c.get(`/api/assignments/${id}/item-analysis${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TItemAnalysis;
};

/** Where the demo places people: logins of a grade-4 teacher of another school and of another district. */
async function otherTeacher(sameDistrict: boolean) {
  return (
    await one<{ username: string }>(sql`
      select u.username from account u join role_assignment ra on ra.person_id = u.person_id and ra.role = 'teacher'
        join org_unit s on s.id = ra.school_id
        join org_unit d on d.id = (select district_id from assignment where id = ${examId})
       where ra.school_id <> (select school_id from role_assignment r2 join account a2 on a2.person_id = r2.person_id
                               where a2.username = 'teacher_demo' and r2.role = 'teacher' limit 1)
         and (s.path <@ d.path) = ${sameDistrict}
         and exists (select 1 from teaching_assignment ta join assignment_class ac on ac.class_id = ta.class_id
                      where ta.teacher_id = u.person_id and ac.assignment_id = ${examId}) = ${sameDistrict}
       order by u.username limit 1`)
  ).username;
}

// The test template leaves the demo's assessment data out (other tests count notebooks and banks):
// this file seeds it into its own copy, as `npm start` does.
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoAssessment(t.db, () => {});
  examId = (await one<{ id: string }>(sql`select id from assignment where kind = 'unified_exam'`)).id;
  homeworkId = (
    await one<{ id: string }>(sql`
      select a.id from assignment a join account u on u.person_id = a.created_by and u.username = 'teacher_demo'
       where a.kind = 'homework' and a.released_at is not null
         and (select count(*) from attempt t where t.assignment_id = a.id and t.score is not null) >= 20
       order by a.opens_at desc limit 1`)
  ).id;
  researcher = await t.login('researcher_demo');
  teacher = await t.login('teacher_demo');
}, 600_000);
afterAll(() => t.close());

/** The analysis computed straight from the tables, with the owner's connection. */
async function expected(id: string, classPaths: string[] | null) {
  const { document } = await one<{ document: PaperDocument }>(
    sql`select p.document from assignment a join paper p on p.id = a.paper_id where a.id = ${id}`,
  );
  const leaves = analysisLeaves(document);
  const answers = await rows<{ attempt: string; number: number; part: number; score: number | null }>(sql`
    select t.id as attempt, r.number, r.part, r.score from attempt t left join response r on r.attempt_id = t.id
     where t.assignment_id = ${id} and t.status in ('submitted', 'expired') and t.score is not null
       and (${classPaths === null} or t.path::text = any(${sql.param(classPaths ?? [])}::text[]))`);
  const byAttempt = new Map<string, number[]>();
  for (const a of answers) {
    const row = byAttempt.get(a.attempt) ?? leaves.map(() => 0);
    const i = leaves.findIndex((l) => l.number === a.number && l.part === a.part);
    if (i >= 0) row[i] = a.score ?? 0;
    byAttempt.set(a.attempt, row);
  }
  return analyseItems(
    scoreMatrix(
      [...byAttempt.values()],
      leaves.map((l) => l.maxScore),
    ),
  );
}

describe('the 统考 as a researcher sees it', () => {
  it('covers every graded attempt of the district, with figures equal to the pure functions', async () => {
    const a = await analysis(researcher, examId);
    const want = await expected(examId, null);
    expect(a.persons).toBe(want.scores.persons);
    expect(a.persons).toBeGreaterThan(30);
    expect(a.reliability!.alpha).toBeCloseTo(want.reliability.alpha, 9);
    expect(a.reliability!.splitHalf).toBeCloseTo(want.reliability.splitHalf, 9);
    a.items.forEach((item, i) => {
      const w = want.items[i]!;
      expect(item.p).toBeCloseTo(w.p, 9);
      expect(item.rpb).toBeCloseTo(w.rpb, 9);
      expect(item.d).toBeCloseTo(w.d, 9);
      expect(item.alphaIfDeleted).toBeCloseTo(w.alphaIfDeleted, 9);
    });
    expect(a.scores!.bins.reduce((n, b) => n + b.count, 0)).toBe(a.persons);
  });

  it('lists the 统考 for the researcher to open', async () => {
    const res = await researcher.get('/api/item-analysis/exams');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((e: { id: string }) => e.id)).toContain(examId);
  });

  it('flags at least one item, and analyses the choices by ability group', async () => {
    const a = await analysis(researcher, examId);
    expect(a.items.filter((i) => i.flags.length > 0).length).toBeGreaterThan(0);
    const choice = a.items.find((i) => i.type === 'single_choice')!;
    expect(choice.distractors!.map((d) => d.option)).toEqual(['A', 'B', 'C', 'D', null]);
    expect(choice.distractors!.find((d) => d.isKey)!.option).toBe(choice.key[0]);
    expect(choice.distractors!.reduce((n, d) => n + d.count, 0)).toBe(a.persons);
  });

  it('names no student, and is audited', async () => {
    const res = await researcher.get(`/api/assignments/${examId}/item-analysis`);
    const someone = await one<{ id: string; name: string }>(sql`
      select p.id, p.name from attempt t join person p on p.id = t.student_id where t.assignment_id = ${examId} limit 1`);
    expect(res.body).not.toContain(someone.id);
    expect(res.body).not.toContain(someone.name);
    const audit = await one<{ n: number }>(sql`
      select count(*)::int as n from audit_log where action = 'assignment.item_analysis.read' and target_id = ${examId}`);
    expect(audit.n).toBeGreaterThan(0);
  });

  it('lets a district researcher see their district and refuses another district', async () => {
    const secadmin = await t.login('secadmin');
    const district = await one<{ id: string; other: string }>(sql`
      select a.district_id as id, (select id from org_unit where kind = 'district' and id <> a.district_id order by path limit 1) as other
        from assignment a where a.id = ${examId}`);
    for (const [username, unit] of [
      ['school_admin', district.id],
      ['expert_school', district.other],
    ] as const) {
      const person = (
        await one<{ id: string }>(sql`select person_id as id from account where username = ${username}`)
      ).id;
      const grant = await secadmin.post(`/api/accounts/${person}/roles`, {
        role: 'researcher',
        orgUnitId: unit,
      });
      expect(grant.statusCode, grant.body).toBe(200);
      const c = await t.login(username);
      const me = (await c.get('/api/auth/me')).json() as { roles: { id: string; role: string }[] };
      await c.post('/api/auth/switch-role', {
        roleAssignmentId: me.roles.find((r) => r.role === 'researcher')!.id,
      });
      const res = await c.get(`/api/assignments/${examId}/item-analysis`);
      const listed = (await c.get('/api/item-analysis/exams')).json().items.map((e: { id: string }) => e.id);
      expect(listed.includes(examId)).toBe(unit === district.id);
      if (unit === district.id) {
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json().persons).toBe((await expected(examId, null)).scores.persons);
        // A teacher's homework is theirs, not the researcher's.
        expect((await c.get(`/api/assignments/${homeworkId}/item-analysis`)).statusCode).toBe(404);
      } else expect(res.statusCode).toBe(404);
    }
  });
});

describe("the teacher's view", () => {
  it('counts only the classes the teacher teaches in the 统考', async () => {
    const a = await analysis(teacher, examId);
    const taught = await rows<{ id: string; path: string }>(sql`
      select c.id, c.path::text as path from assignment_class ac join org_unit c on c.id = ac.class_id
       where ac.assignment_id = ${examId} and exists (select 1 from teaching_assignment ta join account u on u.person_id = ta.teacher_id
                     where u.username = 'teacher_demo' and ta.class_id = c.id)`);
    expect(a.classes.length).toBeGreaterThan(0);
    expect(a.classes.map((c) => c.id).sort()).toEqual(taught.map((c) => c.id).sort());
    expect(a.persons).toBe(
      (
        await expected(
          examId,
          taught.map((r) => r.path),
        )
      ).scores.persons,
    );
    // The test city is small: the demo teacher may teach every class of the grade.
    expect(a.persons).toBeLessThanOrEqual((await expected(examId, null)).scores.persons);
  });

  it("opens their homework's analysis, one class at a time, and exports it", async () => {
    const all = await analysis(teacher, homeworkId);
    expect(all.persons).toBeGreaterThanOrEqual(20);
    const klass = all.classes[0]!;
    const single = await analysis(teacher, homeworkId, `?classId=${klass.id}`);
    expect(single.persons).toBe(klass.graded);
    const res = await teacher.get(`/api/assignments/${homeworkId}/item-analysis/export`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['概览', '试题', '选项']);
    expect(wb.getWorksheet('试题')!.rowCount).toBe(all.items.length + 1);
    const audit = await one<{ n: number }>(sql`
      select count(*)::int as n from audit_log where action = 'assignment.item_analysis.export' and target_id = ${homeworkId}`);
    expect(audit.n).toBe(1);
  });
});

describe('who is refused', () => {
  it('refuses students and parents (403), and a teacher of another school (404)', async () => {
    for (const username of ['student_demo', 'parent_demo']) {
      const c = await t.login(username);
      expect((await c.get(`/api/assignments/${examId}/item-analysis`)).statusCode).toBe(403);
      expect((await c.get(`/api/assignments/${homeworkId}/item-analysis/export`)).statusCode).toBe(403);
    }
    const stranger = await t.login(await otherTeacher(false));
    expect((await stranger.get(`/api/assignments/${homeworkId}/item-analysis`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/assignments/${examId}/item-analysis`)).statusCode).toBe(404);
  });

  it('refuses a class the assignment was not given to', async () => {
    const other = await one<{ id: string }>(sql`
      select c.id from org_unit c where c.kind = 'class'
         and c.id not in (select class_id from assignment_class where assignment_id = ${examId})
       order by c.path limit 1`);
    expect(
      (await teacher.get(`/api/assignments/${examId}/item-analysis?classId=${other.id}`)).statusCode,
    ).toBe(404);
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let admin: Client;
let schoolId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('school_admin');
  schoolId = (await admin.get('/api/auth/me')).json().orgUnitId;
});
afterAll(() => t.close());

const q = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  (await t.db.db.execute<T>(query)).rows;

describe('org management', () => {
  it('creates a grade and a class with derived path codes, audited', async () => {
    const grade = await admin.post('/api/org/units', {
      parentId: schoolId,
      kind: 'grade',
      name: '测试年级',
      gradeCode: '24',
    });
    expect(grade.statusCode).toBe(200);
    expect(grade.json().code).toBe('g24');
    const cls = await admin.post('/api/org/units', {
      parentId: grade.json().id,
      kind: 'class',
      name: '测试(1)班',
      entryYear: 2026,
    });
    expect(cls.statusCode).toBe(200);
    expect(cls.json().path).toBe(`${grade.json().path}.k01`);
    const audit = await q<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'org.create' and target_id = ${cls.json().id}`,
    );
    expect(audit[0]!.n).toBe(1);
  });

  it('refuses a school admin creating a school, and a class directly under a school', async () => {
    const district = (
      await q<{ id: string }>(sql`select district_id as id from org_unit where id = ${schoolId}`)
    )[0]!.id;
    const school = await admin.post('/api/org/units', {
      parentId: district,
      kind: 'school',
      name: 'x',
      schoolCode: '1234567890',
    });
    expect(school.statusCode).toBe(403);
    const cls = await admin.post('/api/org/units', { parentId: schoolId, kind: 'class', name: 'x' });
    expect(cls.statusCode).toBe(400);
    expect(cls.json().error.message).toContain('不能在');
  });

  it('renames a class and keeps the name literally, even when it looks like markup', async () => {
    const [cls] = await q<{ id: string }>(
      sql`select id from org_unit where school_id = ${schoolId} and kind = 'class' order by path limit 1`,
    );
    const res = await admin.request('PATCH', `/api/org/units/${cls!.id}`, {
      name: '<script>alert(1)</script>',
    });
    expect(res.statusCode).toBe(200);
    expect((await admin.get(`/api/org/units/${cls!.id}`)).json().name).toBe('<script>alert(1)</script>');
  });

  it('moves a class to another grade, carrying its students’ paths', async () => {
    const grades = await q<{ id: string; path: string }>(
      sql`select id, path::text from org_unit where school_id = ${schoolId} and kind = 'grade' order by path`,
    );
    const [cls] = await q<{
      id: string;
      path: string;
    }>(sql`select c.id, c.path::text from org_unit c where c.parent_id = ${grades[0]!.id} and c.kind = 'class'
      and exists (select 1 from student s where s.class_id = c.id) order by c.path limit 1`);
    const res = await admin.post(`/api/org/units/${cls!.id}/move`, { parentId: grades[1]!.id });
    expect(res.statusCode).toBe(200);
    const newPath = res.json().path as string;
    expect(newPath.startsWith(`${grades[1]!.path}.k`)).toBe(true);
    const stale = await q<{ n: number }>(
      sql`select count(*)::int as n from student where class_id = ${cls!.id} and path <> ${newPath}::ltree`,
    );
    expect(stale[0]!.n).toBe(0);
    // The students' (and head teacher's) roles in the class follow, so their scopes do too.
    const roles = await q<{ n: number; stale: number }>(sql`
      select count(*)::int as n, count(*) filter (where path <> ${newPath}::ltree)::int as stale
        from role_assignment where org_unit_id = ${cls!.id}`);
    expect(roles[0]!.n).toBeGreaterThan(0);
    expect(roles[0]!.stale).toBe(0);
  });

  it('refuses to deactivate a class with enrolled students, then deactivates an empty one', async () => {
    const [full] = await q<{ id: string }>(
      sql`select class_id as id from student where school_id = ${schoolId} limit 1`,
    );
    const refused = await admin.post(`/api/org/units/${full!.id}/deactivate`);
    expect(refused.statusCode).toBe(409);
    const grade = (
      await admin.post('/api/org/units', {
        parentId: schoolId,
        kind: 'grade',
        name: '空年级',
        gradeCode: '23',
      })
    ).json();
    const res = await admin.post(`/api/org/units/${grade.id}/deactivate`);
    expect([200, 409]).toContain(res.statusCode);
  });
});

describe('students and teachers', () => {
  it('enrols a student with a valid resident ID, refuses a bad check digit, and transfers within the school', async () => {
    const [cls] = await q<{ id: string }>(
      sql`select id from org_unit where school_id = ${schoolId} and kind = 'class' and active order by path limit 1`,
    );
    const body = {
      classId: cls!.id,
      name: '欧阳晓彤',
      gender: '2',
      birthDate: '2019-05-04',
      idType: '1',
      idNumber: '440104201905040028',
      nationalNo: 'G440104201905040028',
      studentNo: 'T2026001',
      entryYear: 2026,
    };
    const bad = await admin.post('/api/students', { ...body, idNumber: '440104201905040025' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('校验位');
    const ok = await admin.post('/api/students', body);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().idNumberMasked).toBe('440104********0028');
    expect(ok.json().under14).toBe(true);
    const again = await admin.post('/api/students', body);
    expect(again.statusCode).toBe(409);
    const [other] = await q<{ id: string }>(
      sql`select id from org_unit where school_id = ${schoolId} and kind = 'class' and active and id <> ${cls!.id} order by path limit 1`,
    );
    const moved = await admin.post(`/api/students/${ok.json().personId}/transfer`, { classId: other!.id });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().classId).toBe(other!.id);
  });

  it('assigns a teacher to a class × subject and appoints a head teacher', async () => {
    const [cls] = await q<{ id: string }>(
      sql`select id from org_unit where school_id = ${schoolId} and kind = 'class' and active order by path desc limit 1`,
    );
    const teachers = (await admin.get(`/api/schools/${schoolId}/teachers`)).json();
    const teacher = teachers[0];
    const res = await admin.post(`/api/classes/${cls!.id}/teachers`, {
      teacherId: teacher.personId,
      subjectCode: '61',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(
      (
        await admin.post(`/api/classes/${cls!.id}/teachers`, {
          teacherId: teacher.personId,
          subjectCode: '61',
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await admin.post(`/api/classes/${cls!.id}/teachers`, {
          teacherId: teacher.personId,
          subjectCode: 'ZZ',
        })
      ).statusCode,
    ).toBe(400);
    const head = await admin.post(`/api/classes/${cls!.id}/head-teacher`, { teacherId: teacher.personId });
    expect(head.statusCode).toBe(200);
    const roster = (await admin.get(`/api/classes/${cls!.id}/roster`)).json();
    expect(
      roster.teachers.find(
        (x: { personId: string; isHeadTeacher: boolean }) => x.personId === teacher.personId,
      )?.isHeadTeacher,
    ).toBe(true);
  });

  it('shows sensitive fields to the head teacher and audits it, but not to a subject teacher', async () => {
    const head = await t.login('teacher_demo');
    const home = (await head.get('/api/portal/home')).json();
    const roster = (await head.get(`/api/classes/${home.headClass.id}/roster`)).json();
    const sid = roster.students[0].personId;
    const res = await head.get(`/api/students/${sid}/sensitive`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toHaveProperty('health');
    const audits = await q<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'student.sensitive.read' and subject_person_id = ${sid}`,
    );
    expect(audits[0]!.n).toBe(1);
  });
});

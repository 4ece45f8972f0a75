/**
 * The org tree for the roles that browse it without personal data (issue 9 §1): the 三员 and the
 * reviewers see their unit's units, codes and head counts, and not one pupil or teacher.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withScope } from '../../platform/db/scoped.ts';
import { actorDbScope } from '../../platform/http/context.ts';
import type { Actor } from '../../platform/scope/scope.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

interface Unit {
  id: string;
  kind: string;
  name: string;
  path: string;
  counts: { students: number; teachers: number; children: number };
}

let t: TestApp;
const one = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  (await t.db.db.execute<T>(query)).rows[0]!;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const CITY_ROLES = ['auditor', 'sysadmin', 'secadmin', 'researcher_demo', 'expert_city'];

describe('the org tree for roles without personal data', () => {
  it('starts every city-level 三员 and reviewer at the city, with the true head counts', async () => {
    const city = await one<{ id: string; students: number; teachers: number; children: number }>(sql`
      select u.id,
        (select count(*)::int from student s where s.status = 'enrolled') as students,
        (select count(*)::int from teacher t where t.status = 'active') as teachers,
        (select count(*)::int from org_unit c where c.parent_id = u.id) as children
      from org_unit u where u.kind = 'city'`);
    for (const username of CITY_ROLES) {
      const c = await t.login(username);
      const roots = (await c.get('/api/org/roots')).json() as Unit[];
      expect(
        roots.map((r) => [r.id, r.counts]),
        username,
      ).toEqual([[city.id, { students: city.students, teachers: city.teachers, children: city.children }]]);
    }
  });

  it('lets the auditor drill city → district → school → class, with counts and no persons', async () => {
    const auditor = await t.login('auditor');
    const [city] = (await auditor.get('/api/org/roots')).json() as Unit[];
    const districts = (await auditor.get(`/api/org/units/${city!.id}/children`)).json() as Unit[];
    expect(districts.length).toBe(city!.counts.children);
    expect(districts.reduce((n, d) => n + d.counts.students, 0)).toBe(city!.counts.students);
    const district = districts.find((d) => d.counts.students > 0)!;
    const schools = (await auditor.get(`/api/org/units/${district.id}/children`)).json() as Unit[];
    expect(schools.length).toBeGreaterThan(0);
    const school = schools.find((s) => s.counts.students > 0)!;
    const grades = (await auditor.get(`/api/org/units/${school.id}/children`)).json() as Unit[];
    const grade = grades.find((g) => g.kind === 'grade' && g.counts.students > 0)!;
    const classes = (await auditor.get(`/api/org/units/${grade.id}/children`)).json() as Unit[];
    const cls = classes[0]!;
    expect(cls.kind).toBe('class');
    const unit = await auditor.get(`/api/org/units/${cls.id}`);
    expect(unit.statusCode).toBe(200);
    expect(unit.json().counts.students).toBeGreaterThan(0);
    const ancestors = (await auditor.get(`/api/org/units/${cls.id}/ancestors`)).json() as Unit[];
    expect(ancestors.map((a) => a.id)).toEqual([city!.id, district.id, school.id, grade.id]);

    // The class's people stay out of reach, by the role check and by the scope alike.
    const student = await one<{ id: string; name: string }>(
      sql`select p.id, p.name from student s join person p on p.id = s.person_id where s.class_id = ${cls.id} limit 1`,
    );
    for (const url of [
      `/api/classes/${cls.id}/roster`,
      `/api/students/${student.id}`,
      `/api/org/units?kind=class`,
    ]) {
      const res = await auditor.get(url);
      expect(res.body.includes(student.id) || res.body.includes(student.name), url).toBe(false);
    }
    expect((await auditor.get(`/api/classes/${cls.id}/roster`)).statusCode).toBe(403);
  });

  it('keeps a school’s expert inside that school', async () => {
    const expert = await t.login('expert_school');
    const me = (await expert.get('/api/auth/me')).json() as { orgUnitId: string };
    const roots = (await expert.get('/api/org/roots')).json() as Unit[];
    expect(roots.map((r) => r.id)).toEqual([me.orgUnitId]);
    expect(roots[0]!.counts.students).toBeGreaterThan(0);
    const other = await one<{ id: string }>(
      sql`select id from org_unit where kind = 'school' and id <> ${me.orgUnitId} order by path limit 1`,
    );
    expect((await expert.get(`/api/org/units/${other.id}`)).statusCode).toBe(404);
    expect((await expert.get(`/api/org/units/${other.id}/children`)).statusCode).toBe(404);
  });

  it('gives these roles no row of any personal table under row-level security', async () => {
    const account = await one<{ personId: string; path: string; unitId: string }>(sql`
      select a.person_id as "personId", ra.path::text as path, ra.org_unit_id as "unitId"
        from account a join role_assignment ra on ra.person_id = a.person_id and ra.role = 'auditor'
       where a.username = 'auditor'`);
    const actor = {
      personId: account.personId,
      role: 'auditor',
      orgPath: account.path,
      orgUnitId: account.unitId,
    } as Actor;
    const scope = await withScope(t.deps.database, { kind: 'system', purpose: 'test' }, (tx) =>
      t.app.scopes.resolveScope(tx, actor),
    );
    expect(scope).toMatchObject({ all: false, paths: [], personIds: [], structurePaths: [account.path] });
    const seen = await withScope(t.deps.database, actorDbScope(actor, scope), async (tx) => {
      const res = await tx.execute<{ students: number; sensitive: number; guardians: number }>(sql`
        select (select count(*)::int from student) as students,
               (select count(*)::int from student_sensitive) as sensitive,
               (select count(*)::int from guardian) as guardians`);
      return res.rows[0]!;
    });
    expect(seen).toEqual({ students: 0, sensitive: 0, guardians: 0 });
  });
});

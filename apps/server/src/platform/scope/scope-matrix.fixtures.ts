import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import type { MatrixPlaces, MatrixTargets } from './matrix.ts';
import type { ScopeRules } from './registry.ts';

/** What one role of the demo city may not address (`foreign`), and what it owns (`own`, staff only). */
export interface RoleFixture {
  username: string;
  role: string;
  own: MatrixTargets | null;
  foreign: MatrixTargets;
  /**
   * A role that browses the org structure of its unit (the 三员, reviewers) and whose unit holds the
   * `foreign` places (a city-level role): reads of structure kinds there succeed, naming no person.
   */
  browsesForeign?: boolean;
}

const one = async <T extends Record<string, unknown>>(db: Database, q: ReturnType<typeof sql>) => {
  const r = await db.db.execute<T>(q);
  if (!r.rows[0]) throw new Error(`fixture query returned nothing: ${JSON.stringify(q)}`);
  return r.rows[0];
};

/** Every module's named ids near `places`; a module that names an id and finds none fails here. */
async function targetsNear(db: Database, rules: readonly ScopeRules[], places: MatrixPlaces) {
  const merged: Record<string, string | undefined> = {};
  for (const r of rules) Object.assign(merged, await r.matrix?.targets?.(db.db, places));
  const missing = Object.entries(merged).filter(([, id]) => !id);
  if (missing.length > 0)
    throw new Error(`no demo ${missing.map(([name]) => name).join(', ')} near ${JSON.stringify(places)}`);
  return merged as unknown as MatrixTargets;
}

const personOf = async (db: Database, username: string) =>
  (await one<{ id: string }>(db, sql`select person_id as id from account where username = ${username}`)).id;

/**
 * Derives, from the seeded demo city, where each demo role's scope ends: another district for the
 * district admin, another school for the school admin, another class of the same school for the
 * teacher, a classmate for the student and the parent. The modules pick their ids there.
 */
export async function loadRoleFixtures(db: Database, rules: readonly ScopeRules[]): Promise<RoleFixture[]> {
  const teacher = await personOf(db, 'teacher_demo');
  const student = await personOf(db, 'student_demo');
  const parent = await personOf(db, 'parent_demo');
  const studentClass = (
    await one<{ id: string }>(db, sql`select class_id as id from student where person_id = ${student}`)
  ).id;
  const school = (
    await one<{ id: string }>(db, sql`select school_id as id from student where person_id = ${student}`)
  ).id;
  const district = (
    await one<{ id: string }>(db, sql`select district_id as id from org_unit where id = ${school}`)
  ).id;
  const children = (
    await db.db.execute<{ id: string }>(
      sql`select student_id as id from guardian where parent_id = ${parent}`,
    )
  ).rows.map((r) => r.id);

  const classIn = async (where: ReturnType<typeof sql>) =>
    (
      await one<{ id: string }>(
        db,
        sql`select c.id from org_unit c where c.kind = 'class' and c.active and ${where}
      and exists (select 1 from student s where s.class_id = c.id) order by c.path limit 1`,
      )
    ).id;
  const otherDistrictClass = await classIn(sql`c.district_id <> ${district}`);
  const otherSchoolClass = await classIn(sql`c.district_id = ${district} and c.school_id <> ${school}`);
  const untaughtClass = await classIn(sql`c.school_id = ${school} and not exists (
      select 1 from teaching_assignment ta where ta.class_id = c.id and ta.teacher_id = ${teacher})
      and not exists (select 1 from role_assignment ra where ra.org_unit_id = c.id and ra.person_id = ${teacher})`);

  const near = (
    classId: string,
    staffClassId = classId,
    memberClassId = classId,
    ownPersons: string[] = [],
  ) => targetsNear(db, rules, { classId, staffClassId, memberClassId, ownPersons });
  const own = await near(studentClass);
  const foreignDistrict = await near(otherDistrictClass);
  const foreignSchool = await near(otherSchoolClass);
  // A colleague of the same school may teach one of the teacher's classes: take another school's.
  const foreignClass = await near(untaughtClass, otherSchoolClass);
  const classmate = await near(untaughtClass, otherSchoolClass, studentClass, [student, ...children]);

  return [
    { username: 'district_yuexiu', role: 'district_admin', own, foreign: foreignDistrict },
    { username: 'school_admin', role: 'school_admin', own, foreign: foreignSchool },
    { username: 'teacher_demo', role: 'head_teacher', own, foreign: foreignClass },
    { username: 'teacher_demo', role: 'teacher', own, foreign: foreignClass },
    { username: 'student_demo', role: 'student', own: null, foreign: classmate },
    { username: 'parent_demo', role: 'parent', own: null, foreign: classmate },
    { username: 'auditor', role: 'auditor', own: null, foreign: foreignDistrict, browsesForeign: true },
    { username: 'sysadmin', role: 'system_admin', own: null, foreign: foreignDistrict, browsesForeign: true },
    {
      username: 'secadmin',
      role: 'security_admin',
      own: null,
      foreign: foreignDistrict,
      browsesForeign: true,
    },
    // The researcher is left out: the curriculum backbone it edits is the city's, in no one's scope.
    { username: 'expert_city', role: 'expert', own: null, foreign: foreignDistrict, browsesForeign: true },
    // A school's expert browses that school's structure only: another school's units stay out of reach.
    { username: 'expert_school', role: 'expert', own: null, foreign: foreignSchool },
  ];
}

/** A stable digest of every table except the append-only and session bookkeeping. */
export async function fingerprint(db: Database): Promise<Record<string, string>> {
  const tables = await db.db.execute<{ name: string }>(sql`
    select table_name as name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE'
       and table_name not in ('audit_log', 'session', 'account') order by 1`);
  const out: Record<string, string> = {};
  for (const { name } of tables.rows) {
    const r = await db.db.execute<{ h: string }>(
      sql`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${sql.identifier(name)} t`,
    );
    out[name] = r.rows[0]!.h;
  }
  // Accounts change on login (counters); compare what matters: passwords, status, second factor.
  const acc = await db.db.execute<{ h: string }>(sql`select md5(string_agg(
      id::text || password_hash || status || totp_enabled::text || must_change_password::text, '|' order by id)) as h from account`);
  out.account = acc.rows[0]!.h;
  return out;
}

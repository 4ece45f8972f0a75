import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';

/** Ids an actor owns or may address, and ids that lie outside their scope. */
export interface EntitySet {
  /** an administrative class */
  class: string;
  school: string;
  student: string;
  teacher: string;
  /** someone's role assignment (for the role switcher) */
  roleAssignment: string;
  /** an unpublished resource of the school, by someone else */
  resource: string;
  /** a post in the class's space */
  classPost: string;
  /** the studio (名师工作室) of the class's district */
  studio: string;
}

export interface RoleFixture {
  username: string;
  role: string;
  own: EntitySet | null;
  foreign: EntitySet;
}

const one = async <T extends Record<string, unknown>>(db: Database, q: ReturnType<typeof sql>) => {
  const r = await db.db.execute<T>(q);
  if (!r.rows[0]) throw new Error(`fixture query returned nothing: ${JSON.stringify(q)}`);
  return r.rows[0];
};

/** Everything of a class: the class, its school, a student, a teacher of the class, a role assignment. */
async function entitiesOfClass(
  db: Database,
  classId: string,
  exceptPersons: string[] = [],
): Promise<EntitySet> {
  const except = exceptPersons.length > 0 ? exceptPersons.join(',') : '00000000-0000-0000-0000-000000000000';
  const r = await one<{
    class: string;
    school: string;
    student: string;
    teacher: string;
    ra: string;
    resource: string;
    classPost: string;
    studio: string;
  }>(
    db,
    sql`select c.id as class, c.school_id as school,
        (select s.person_id from student s where s.class_id = c.id and s.status = 'enrolled'
           and s.person_id <> all(string_to_array(${except}, ',')::uuid[]) order by s.student_no limit 1) as student,
        (select t.person_id from teacher t where t.school_id = c.school_id
           and t.person_id <> all(string_to_array(${except}, ',')::uuid[]) order by t.staff_no limit 1) as teacher,
        (select ra.id from role_assignment ra where ra.org_unit_id = c.id and ra.role = 'student'
           and ra.person_id <> all(string_to_array(${except}, ',')::uuid[]) limit 1) as ra,
        (select r.id from resource r where r.school_id = c.school_id and r.status <> 'published'
           and r.author_id <> all(string_to_array(${except}, ',')::uuid[]) order by r.id limit 1) as resource,
        (select p.id from space_post p where p.space_id = c.id order by p.created_at, p.id limit 1) as "classPost",
        (select st.id from studio st where c.path <@ st.path order by nlevel(st.path) desc, st.id limit 1) as studio
      from org_unit c where c.id = ${classId}`,
  );
  if (!r.resource) throw new Error(`no unpublished demo resource in the school of class ${classId}`);
  if (!r.classPost || !r.studio) throw new Error(`no demo space post or studio for class ${classId}`);
  return {
    class: r.class,
    school: r.school,
    student: r.student,
    teacher: r.teacher,
    roleAssignment: r.ra,
    resource: r.resource,
    classPost: r.classPost,
    studio: r.studio,
  };
}

const personOf = async (db: Database, username: string) =>
  (await one<{ id: string }>(db, sql`select person_id as id from account where username = ${username}`)).id;

/**
 * Derives, from the seeded demo city, what each demo role owns and a neighbour it must not touch:
 * another district for the district admin, another school for the school admin, another class of
 * the same school for the teacher, a classmate for the student and the parent.
 */
export async function loadRoleFixtures(db: Database): Promise<RoleFixture[]> {
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

  const own = await entitiesOfClass(db, studentClass);
  const foreignDistrict = await entitiesOfClass(db, otherDistrictClass);
  const foreignSchool = await entitiesOfClass(db, otherSchoolClass);
  const foreignClass = { ...(await entitiesOfClass(db, untaughtClass)), teacher: foreignSchool.teacher };
  const classmate = await entitiesOfClass(db, studentClass, [student, ...children]);
  const classmateSet = {
    ...foreignClass,
    student: classmate.student,
    roleAssignment: classmate.roleAssignment,
  };

  return [
    { username: 'district_yuexiu', role: 'district_admin', own, foreign: foreignDistrict },
    { username: 'school_admin', role: 'school_admin', own, foreign: foreignSchool },
    { username: 'teacher_demo', role: 'head_teacher', own, foreign: foreignClass },
    { username: 'teacher_demo', role: 'teacher', own, foreign: foreignClass },
    { username: 'student_demo', role: 'student', own: null, foreign: classmateSet },
    { username: 'parent_demo', role: 'parent', own: null, foreign: classmateSet },
    { username: 'auditor', role: 'auditor', own: null, foreign: foreignDistrict },
    { username: 'sysadmin', role: 'system_admin', own: null, foreign: foreignDistrict },
    { username: 'secadmin', role: 'security_admin', own: null, foreign: foreignDistrict },
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

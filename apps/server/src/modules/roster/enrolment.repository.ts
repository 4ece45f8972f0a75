import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { newId } from '../../platform/db/types.ts';
import { accounts, persons, roleAssignments } from '../identity/identity.schema.ts';
import { studentSensitive, students } from './roster.schema.ts';

type Unit = { id: string; path: string; schoolId: string | null; districtId: string | null };

/** True when a person holds this ID number or a student this 全国学籍号 (both by keyed hash). */
export async function identityTaken(tx: Tx, idHash: string, nationalNoHash: string): Promise<boolean> {
  const res = await tx.execute(sql`select 1 from person where id_number_hash = ${idHash}
      union all select 1 from student where national_no_hash = ${nationalNoHash}`);
  return (res.rowCount ?? 0) > 0;
}

export interface NewStudentRecord {
  person: typeof persons.$inferInsert & { id: string };
  username: string;
  passwordHash: string;
  student: Omit<typeof students.$inferInsert, 'personId'>;
  sensitiveEnc: Buffer;
  unit: Unit;
}

/** A new student: person, account (forced change), 学籍 row, sensitive record and student role. */
export async function insertStudentRecord(tx: Tx, r: NewStudentRecord): Promise<void> {
  const personId = r.person.id;
  // 学籍 row first: row-level security lets the administrator see (and so write) the person's
  // account only once the person is their student.
  await tx.insert(persons).values(r.person);
  await tx.insert(students).values({ ...r.student, personId });
  await tx.insert(studentSensitive).values({ personId, path: r.unit.path, dataEnc: r.sensitiveEnc });
  await tx.insert(roleAssignments).values({
    personId,
    role: 'student',
    orgUnitId: r.unit.id,
    path: r.unit.path,
    districtId: r.unit.districtId,
    schoolId: r.unit.schoolId,
  });
  await tx.insert(accounts).values({
    personId,
    username: r.username,
    passwordHash: r.passwordHash,
    mustChangePassword: true,
  });
}

/**
 * Moves a student to another class: the 学籍 row, the sensitive record, guardian links and the
 * student role follow; guardians' parent roles follow unless a sibling keeps them at the old class;
 * leaving the school ends teaching-class membership.
 */
export async function moveStudent(
  tx: Tx,
  personId: string,
  from: { classId: string; schoolId: string },
  target: Unit,
): Promise<void> {
  await tx.execute(sql`update student set class_id = ${target.id}, school_id = ${target.schoolId},
      district_id = ${target.districtId}, path = ${target.path}::ltree, updated_at = now() where person_id = ${personId}`);
  await tx.execute(
    sql`update student_sensitive set path = ${target.path}::ltree where person_id = ${personId}`,
  );
  await tx.execute(sql`update guardian set path = ${target.path}::ltree where student_id = ${personId}`);
  await tx.execute(sql`
    update role_assignment ra set org_unit_id = ${target.id}, path = ${target.path}::ltree,
           school_id = ${target.schoolId}, district_id = ${target.districtId}
      from guardian g
     where g.student_id = ${personId} and ra.person_id = g.parent_id and ra.role = 'parent'
       and ra.org_unit_id = ${from.classId}
       and not exists (select 1 from guardian g2 join student s2 on s2.person_id = g2.student_id
                        where g2.parent_id = g.parent_id and s2.class_id = ${from.classId} and s2.person_id <> ${personId})
       and not exists (select 1 from role_assignment r3 where r3.person_id = g.parent_id and r3.role = 'parent'
                        and r3.org_unit_id = ${target.id})`);
  const parents = await tx.execute<{ id: string }>(
    sql`select parent_id as id from guardian where student_id = ${personId}`,
  );
  for (const p of parents.rows) {
    await tx.execute(sql`
      insert into role_assignment (id, person_id, role, org_unit_id, path, district_id, school_id)
      values (${newId()}, ${p.id}, 'parent', ${target.id}, ${target.path}::ltree, ${target.districtId}, ${target.schoolId})
      on conflict (person_id, role, org_unit_id) do nothing`);
  }
  await tx.execute(sql`update role_assignment set org_unit_id = ${target.id}, path = ${target.path}::ltree,
      school_id = ${target.schoolId}, district_id = ${target.districtId}
    where person_id = ${personId} and role = 'student'`);
  if (target.schoolId !== from.schoolId) {
    await tx.execute(sql`delete from teaching_class_member where student_id = ${personId}`);
  }
}

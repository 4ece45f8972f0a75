import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { updateMany } from './write.repository.ts';

/** 学籍 rows: optional columns arrive as null when the sheet left them blank, and then stay as they are. */
export const updateStudentRows = (tx: Tx, rows: Record<string, unknown>[]) =>
  updateMany(
    tx,
    rows,
    (j) => sql`update student s set student_no = v.student_no, entry_year = v.entry_year,
        study_mode = coalesce(v.study_mode, s.study_mode), household_type = coalesce(v.household_type, s.household_type),
        migrant = coalesce(v.migrant, s.migrant), class_id = v.class_id, school_id = v.school_id,
        district_id = v.district_id, path = v.path::ltree, updated_at = now()
      from jsonb_to_recordset(${j}) as v(id uuid, student_no text, entry_year int, study_mode text,
        household_type text, migrant boolean, class_id uuid, school_id uuid, district_id uuid, path text)
      where s.person_id = v.id`,
  );

export interface MovedStudent {
  id: string;
  class_id: string;
  school_id: string;
  district_id: string;
  path: string;
}

/**
 * A student who changed class takes the paths of their sensitive record, guardian links and student
 * role along; leaving the school ends teaching-class membership (as a transfer does).
 */
export async function moveStudentDependents(
  tx: Tx,
  rows: MovedStudent[],
  leftSchool: string[],
): Promise<void> {
  if (rows.length === 0) return;
  const cols = sql`v(id uuid, class_id uuid, school_id uuid, district_id uuid, path text)`;
  const asRows = rows as unknown as Record<string, unknown>[];
  await updateMany(
    tx,
    asRows,
    (j) => sql`update student_sensitive t set path = v.path::ltree
      from jsonb_to_recordset(${j}) as ${cols} where t.person_id = v.id`,
  );
  await updateMany(
    tx,
    asRows,
    (j) => sql`update guardian t set path = v.path::ltree
      from jsonb_to_recordset(${j}) as ${cols} where t.student_id = v.id`,
  );
  await updateMany(
    tx,
    asRows,
    (j) => sql`update role_assignment t set org_unit_id = v.class_id, path = v.path::ltree,
        school_id = v.school_id, district_id = v.district_id
      from jsonb_to_recordset(${j}) as ${cols} where t.person_id = v.id and t.role = 'student'`,
  );
  if (leftSchool.length > 0) {
    await tx.execute(
      sql`delete from teaching_class_member where student_id = any(${sql.param(leftSchool)}::uuid[])`,
    );
  }
}

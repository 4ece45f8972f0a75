import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { updateMany } from './write.repository.ts';

/** Teacher records: subjects and title, where the sheet gave them (null keeps the stored value). */
export const updateTeacherRows = (
  tx: Tx,
  rows: { id: string; subjects: string[] | null; title: string | null }[],
) =>
  updateMany(
    tx,
    rows,
    (j) => sql`update teacher t set
        subjects = case when v.subjects is null then t.subjects
                        else array(select jsonb_array_elements_text(v.subjects)) end,
        title = coalesce(v.title, t.title), updated_at = now()
      from jsonb_to_recordset(${j}) as v(id uuid, subjects jsonb, title text)
      where t.person_id = v.id`,
  );

/** Guardian links whose relation changed. */
export const updateGuardianRelations = (
  tx: Tx,
  rows: { parent_id: string; student_id: string; relation: string }[],
) =>
  updateMany(
    tx,
    rows,
    (j) => sql`update guardian g set relation = v.relation
      from jsonb_to_recordset(${j}) as v(parent_id uuid, student_id uuid, relation text)
      where g.parent_id = v.parent_id and g.student_id = v.student_id`,
  );

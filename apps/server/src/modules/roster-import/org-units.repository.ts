import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { updateMany } from './write.repository.ts';

/** School attributes from an import; a null address keeps the stored one. */
export const updateSchoolRows = (
  tx: Tx,
  rows: { id: string; name: string; stage: string; school_type: string; address: string | null }[],
) =>
  updateMany(
    tx,
    rows,
    (j) => sql`update org_unit u set name = v.name, stage = v.stage, school_type = v.school_type,
        address = coalesce(v.address, u.address), updated_at = now()
      from jsonb_to_recordset(${j}) as v(id uuid, name text, stage text, school_type text, address text)
      where u.id = v.id and u.kind = 'school'`,
  );

/** Class attributes from an import: entry year and, for teaching classes, the subject. */
export const updateClassRows = (
  tx: Tx,
  rows: { id: string; entry_year: number; subject_code: string | null }[],
) =>
  updateMany(
    tx,
    rows,
    (j) => sql`update org_unit u set entry_year = v.entry_year,
        subject_code = coalesce(v.subject_code, u.subject_code), updated_at = now()
      from jsonb_to_recordset(${j}) as v(id uuid, entry_year int, subject_code text)
      where u.id = v.id and u.kind in ('class','teaching_class')`,
  );

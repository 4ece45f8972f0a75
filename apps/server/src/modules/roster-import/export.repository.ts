import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import type { TImportKind } from './roster-import.schema.ts';

/**
 * One row per record under an org path, with the stored values the template columns show. Keys
 * are the column keys of `columns.ts`; encrypted fields arrive as ciphertext under the column key +
 * `Enc` for the service to open.
 * Rows about persons also carry `subjectId` (not a column) for the audit trail.
 */
export type ExportRow = Record<string, unknown>;

const QUERIES: Record<TImportKind, (path: string) => SQL> = {
  schools: (path) => sql`
    select u.name, u.school_code as "schoolCode", d.division_code as "divisionCode", u.stage,
           u.school_type as "schoolType", u.address
      from org_unit u left join org_unit d on d.id = u.parent_id
     where u.kind = 'school' and u.active and u.path <@ ${path}::ltree
     order by u.path`,
  classes: (path) => sql`
    select s.school_code as "schoolCode", u.grade_code as "gradeCode", u.name, u.entry_year as "entryYear",
           case when u.kind = 'teaching_class' then '教学班' else '行政班' end as "classType",
           u.subject_code as "subjectCode"
      from org_unit u join org_unit s on s.id = u.school_id
     where u.kind in ('class','teaching_class') and u.active and u.path <@ ${path}::ltree
     order by u.path`,
  teachers: (path) => sql`
    select p.name, p.gender, p.id_type as "idType", p.id_number_enc as "idNumberEnc", t.staff_no as "staffNo",
           s.school_code as "schoolCode", t.subjects, t.title, p.phone_enc as "phoneEnc",
           p.id as "subjectId"
      from teacher t join person p on p.id = t.person_id join org_unit s on s.id = t.school_id
     where t.status = 'active' and t.path <@ ${path}::ltree
     order by s.path, t.staff_no`,
  students: (path) => sql`
    select p.name, p.gender, p.birth_date_enc as "birthDateEnc", p.ethnicity, p.id_type as "idType",
           p.id_number_enc as "idNumberEnc", s.national_no_enc as "nationalNoEnc", s.student_no as "studentNo",
           sc.school_code as "schoolCode", c.name as "className", s.entry_year as "entryYear",
           s.study_mode as "studyMode", s.household_type as "householdType", s.migrant,
           ss.data_enc as "sensitiveEnc", p.id as "subjectId"
      from student s join person p on p.id = s.person_id
      join org_unit sc on sc.id = s.school_id join org_unit c on c.id = s.class_id
      left join student_sensitive ss on ss.person_id = s.person_id
     where s.status = 'enrolled' and s.path <@ ${path}::ltree
     order by s.path, s.student_no`,
  parents: (path) => sql`
    select pp.name, pp.phone_enc as "phoneEnc", g.relation, s.national_no_enc as "studentNationalNoEnc",
           pp.id_type as "idType",
           pp.id_number_enc as "idNumberEnc", pp.id as "subjectId"
      from guardian g join student s on s.person_id = g.student_id join person pp on pp.id = g.parent_id
     where s.status = 'enrolled' and s.path <@ ${path}::ltree
     order by s.path, s.student_no, g.is_primary desc, g.relation`,
};

const FROM: Record<TImportKind, string> = {
  schools: `org_unit u where u.kind = 'school' and u.active and u.path`,
  classes: `org_unit u where u.kind in ('class','teaching_class') and u.active and u.path`,
  teachers: `teacher t where t.status = 'active' and t.path`,
  students: `student s where s.status = 'enrolled' and s.path`,
  parents: `guardian g join student s on s.person_id = g.student_id where s.status = 'enrolled' and s.path`,
};

/** How many rows an export would hold, checked before reading them. */
export async function countExportRows(tx: Tx, kind: TImportKind, path: string): Promise<number> {
  const res = await tx.execute<{ n: number }>(
    sql`select count(*)::int as n from ${sql.raw(FROM[kind])} <@ ${path}::ltree`,
  );
  return res.rows[0]?.n ?? 0;
}

export async function readExportRows(tx: Tx, kind: TImportKind, path: string): Promise<ExportRow[]> {
  const res = await tx.execute<ExportRow>(QUERIES[kind](path));
  return res.rows;
}

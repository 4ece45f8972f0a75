import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import type { OrgUnitRow } from '../org/org.repository.ts';

/** Keys per lookup query: one round trip per 1,000 keys, never one per row. */
export const LOOKUP_CHUNK = 1000;

/** Runs `query` once per chunk of distinct keys and concatenates the rows. */
async function chunked<T>(tx: Tx, keys: Iterable<string>, query: (keys: SQL) => SQL): Promise<T[]> {
  const all = [...new Set(keys)];
  const out: T[] = [];
  for (let i = 0; i < all.length; i += LOOKUP_CHUNK) {
    const res = await tx.execute<T & Record<string, unknown>>(
      query(sql`${sql.param(all.slice(i, i + LOOKUP_CHUNK))}::text[]`),
    );
    out.push(...(res.rows as T[]));
  }
  return out;
}

/** An org unit as the importers read it: the table's row without its timestamps. */
export type UnitRow = Omit<OrgUnitRow, 'createdAt' | 'updatedAt'>;

const UNIT_COLS = sql`u.id, u.kind, u.name, u.code, u.path::text as path, u.parent_id as "parentId",
  u.district_id as "districtId", u.school_id as "schoolId", u.stage, u.school_type as "schoolType",
  u.school_code as "schoolCode", u.division_code as "divisionCode", u.grade_code as "gradeCode",
  u.entry_year as "entryYear", u.subject_code as "subjectCode", u.address, u.active`;

/** Any unit carrying one of these 学校标识码 (the code is unique across the tree). */
export const findUnitsBySchoolCode = (tx: Tx, codes: Iterable<string>) =>
  chunked<UnitRow>(
    tx,
    codes,
    (k) => sql`select ${UNIT_COLS} from org_unit u where u.school_code = any(${k})`,
  );

export async function findDistricts(tx: Tx): Promise<UnitRow[]> {
  const res = await tx.execute<UnitRow>(sql`select ${UNIT_COLS} from org_unit u where u.kind = 'district'`);
  return res.rows;
}

/** Grades, classes and teaching classes of the given schools. */
export const findUnitsInSchools = (tx: Tx, schoolIds: Iterable<string>) =>
  chunked<UnitRow>(
    tx,
    schoolIds,
    (k) => sql`select ${UNIT_COLS} from org_unit u
      where u.school_id = any(${k}::uuid[]) and u.kind in ('grade','class','teaching_class')`,
  );

/** A person as stored: encrypted fields arrive sealed; `openPerson` (sealed-fields.ts) opens them. */
export type SealedPersonRow = {
  id: string;
  name: string;
  gender: string;
  birthDateEnc: Buffer | null;
  ethnicity: string | null;
  idType: string | null;
  idHash: string | null;
  phoneEnc: Buffer | null;
  /** Whether the person has a 学籍 record (the number itself is not needed here). */
  isStudent: boolean;
  staffNo: string | null;
  username: string | null;
};

const PERSON_COLS = sql`p.id, p.name, p.gender, p.birth_date_enc as "birthDateEnc", p.ethnicity,
  p.id_type as "idType", p.id_number_hash as "idHash", p.phone_enc as "phoneEnc",
  s.person_id is not null as "isStudent", t.staff_no as "staffNo", a.username`;
const PERSON_FROM = sql`person p left join student s on s.person_id = p.id
  left join teacher t on t.person_id = p.id left join account a on a.person_id = p.id`;

export const findPersonsByIdHash = (tx: Tx, hashes: Iterable<string>) =>
  chunked<SealedPersonRow>(
    tx,
    hashes,
    (k) => sql`select ${PERSON_COLS} from ${PERSON_FROM} where p.id_number_hash = any(${k})`,
  );

/**
 * Parents known by a mobile number: a guardian whose recorded phone it is (by keyed hash), or an
 * account whose username is the number (accounts created before usernames stopped carrying phones).
 * `keys` holds both the numbers and their hashes; `matchedKey` says which one matched.
 */
export const findParentsByPhone = (tx: Tx, keys: Iterable<string>) =>
  chunked<SealedPersonRow & { matchedKey: string }>(
    tx,
    keys,
    (
      k,
    ) => sql`select ${PERSON_COLS}, a.username_key as "matchedKey" from ${PERSON_FROM} where a.username_key = any(${k})
      union
      select ${PERSON_COLS}, p.phone_hash from ${PERSON_FROM} where p.phone_hash = any(${k})
        and exists (select 1 from guardian g where g.parent_id = p.id)`,
  );

/** Usernames already taken (lower case). */
export const findTakenUsernames = async (tx: Tx, usernames: Iterable<string>) =>
  new Map(
    (
      await chunked<{ username: string; personId: string }>(
        tx,
        usernames,
        (k) =>
          sql`select username_key as username, person_id as "personId" from account where username_key = any(${k})`,
      )
    ).map((r) => [r.username, r.personId]),
  );

export type StudentRow = {
  personId: string;
  nationalNoHash: string;
  studentNo: string;
  classId: string;
  schoolId: string;
  districtId: string;
  path: string;
  entryYear: number;
  studyMode: string | null;
  householdType: string | null;
  migrant: boolean;
  status: string;
  name: string;
  gender: string;
  birthDateEnc: Buffer | null;
  ethnicity: string | null;
  idType: string | null;
  idHash: string | null;
  sensitive: Buffer | null;
};

/** Students by the keyed hash of their 全国学籍号. */
export const findStudentsByNationalNoHash = (tx: Tx, hashes: Iterable<string>) =>
  chunked<StudentRow>(
    tx,
    hashes,
    (
      k,
    ) => sql`select s.person_id as "personId", s.national_no_hash as "nationalNoHash", s.student_no as "studentNo",
        s.class_id as "classId", s.school_id as "schoolId", s.district_id as "districtId", s.path::text as path,
        s.entry_year as "entryYear", s.study_mode as "studyMode", s.household_type as "householdType",
        s.migrant, s.status, p.name, p.gender, p.birth_date_enc as "birthDateEnc", p.ethnicity, p.id_type as "idType",
        p.id_number_hash as "idHash", ss.data_enc as sensitive
      from student s join person p on p.id = s.person_id
      left join student_sensitive ss on ss.person_id = s.person_id
      where s.national_no_hash = any(${k})`,
  );

/** Students holding any of these 学号 in any of these schools (学号 is unique within a school). */
export async function findStudentNos(tx: Tx, schoolIds: string[], studentNos: Iterable<string>) {
  if (schoolIds.length === 0) return [];
  return chunked<{ personId: string; schoolId: string; studentNo: string }>(
    tx,
    studentNos,
    (k) => sql`select person_id as "personId", school_id as "schoolId", student_no as "studentNo" from student
      where school_id = any(${sql.param(schoolIds)}::uuid[]) and student_no = any(${k})`,
  );
}

export type TeacherRow = {
  personId: string;
  staffNo: string;
  schoolId: string;
  path: string;
  subjects: string[];
  title: string | null;
  status: string;
  name: string;
  gender: string;
  idType: string | null;
  idHash: string | null;
  phoneEnc: Buffer | null;
};

export const findTeachersByStaffNo = (tx: Tx, nos: Iterable<string>) =>
  chunked<TeacherRow>(
    tx,
    nos,
    (k) => sql`select t.person_id as "personId", t.staff_no as "staffNo", t.school_id as "schoolId",
        t.path::text as path, t.subjects, t.title, t.status, p.name, p.gender, p.id_type as "idType",
        p.id_number_hash as "idHash", p.phone_enc as "phoneEnc"
      from teacher t join person p on p.id = t.person_id where t.staff_no = any(${k})`,
  );

export type GuardianRow = { parentId: string; studentId: string; relation: string; primary: boolean };

export const findGuardiansOf = (tx: Tx, studentIds: Iterable<string>) =>
  chunked<GuardianRow>(
    tx,
    studentIds,
    (k) => sql`select parent_id as "parentId", student_id as "studentId", relation, is_primary as primary
      from guardian where student_id = any(${k}::uuid[])`,
  );

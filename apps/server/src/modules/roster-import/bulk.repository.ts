import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { newId } from '../../platform/db/types.ts';

/** Rows per INSERT … SELECT FROM unnest(…): one bound array per column, whatever the row count. */
const UNNEST_CHUNK = 5000;

type PgType = 'uuid' | 'text' | 'date' | 'int' | 'bool' | 'bytea' | 'ltree' | 'jsonb';
type Column<R> = readonly [name: string, type: PgType, get: (row: R) => unknown];

/** ltree, jsonb and dates travel as text arrays and are cast per element. */
const arrayType = (t: PgType) => (t === 'ltree' || t === 'jsonb' || t === 'date' ? 'text[]' : `${t}[]`);

/**
 * Bulk INSERT with one array parameter per column (`unnest`): the statement stays small and the
 * server parses it once per 5,000 rows, far cheaper than 5,000 VALUES tuples.
 */
async function unnestInsert<R>(
  tx: Tx,
  table: string,
  columns: readonly Column<R>[],
  rows: R[],
  opts: { onConflict?: SQL; onChunk?: (n: number) => Promise<void> } = {},
): Promise<void> {
  const names = sql.raw(columns.map(([n]) => n).join(', '));
  const select = sql.raw(columns.map(([n, t]) => `u.${n}::${t}`).join(', '));
  for (let i = 0; i < rows.length; i += UNNEST_CHUNK) {
    const chunk = rows.slice(i, i + UNNEST_CHUNK);
    const arrays = columns.map(([, type, get]) => {
      const values = chunk.map((r) => {
        const v = get(r);
        if (v === undefined || v === null) return null;
        return type === 'jsonb' ? JSON.stringify(v) : v;
      });
      return sql`${sql.param(values)}::${sql.raw(arrayType(type))}`;
    });
    await tx.execute(sql`insert into ${sql.identifier(table)} (${names})
      select ${select} from unnest(${sql.join(arrays, sql`, `)}) as u(${names}) ${opts.onConflict ?? sql``}`);
    await opts.onChunk?.(chunk.length);
  }
}

/** A new person; encrypted fields arrive sealed, with their keyed hashes where they are looked up. */
export interface NewPerson {
  id: string;
  name: string;
  gender: string;
  birthDateEnc?: Buffer | null;
  ethnicity?: string | null;
  idType?: string | null;
  idNumberEnc?: Buffer | null;
  idNumberHash?: string | null;
  phoneEnc?: Buffer | null;
  phoneHash?: string | null;
}

export const insertPersons = (tx: Tx, rows: NewPerson[]) =>
  unnestInsert(
    tx,
    'person',
    [
      ['id', 'uuid', (r) => r.id],
      ['name', 'text', (r) => r.name],
      ['gender', 'text', (r) => r.gender],
      ['birth_date_enc', 'bytea', (r) => r.birthDateEnc],
      ['ethnicity', 'text', (r) => r.ethnicity],
      ['nationality', 'text', () => 'CHN'],
      ['id_type', 'text', (r) => r.idType],
      ['id_number_enc', 'bytea', (r) => r.idNumberEnc],
      ['id_number_hash', 'text', (r) => r.idNumberHash],
      ['phone_enc', 'bytea', (r) => r.phoneEnc],
      ['phone_hash', 'text', (r) => r.phoneHash],
    ],
    rows,
  );

/** New accounts: a password nobody knows and a forced change, until an admin resets it. */
export const insertAccounts = (
  tx: Tx,
  rows: { personId: string; username: string }[],
  passwordHash: string,
) =>
  unnestInsert(
    tx,
    'account',
    [
      ['id', 'uuid', () => newId()],
      ['person_id', 'uuid', (r) => r.personId],
      ['username', 'text', (r) => r.username],
      ['password_hash', 'text', () => passwordHash],
      ['must_change_password', 'bool', () => true],
    ],
    rows,
  );

export interface NewRole {
  personId: string;
  role: 'student' | 'teacher' | 'parent';
  orgUnitId: string;
  path: string;
  districtId: string | null;
  schoolId: string | null;
}

/** Role assignments; one a person already holds is kept as it is. */
export const insertRoles = (tx: Tx, rows: NewRole[]) =>
  unnestInsert(
    tx,
    'role_assignment',
    [
      ['id', 'uuid', () => newId()],
      ['person_id', 'uuid', (r) => r.personId],
      ['role', 'text', (r) => r.role],
      ['org_unit_id', 'uuid', (r) => r.orgUnitId],
      ['path', 'ltree', (r) => r.path],
      ['district_id', 'uuid', (r) => r.districtId],
      ['school_id', 'uuid', (r) => r.schoolId],
    ],
    rows,
    { onConflict: sql`on conflict do nothing` },
  );

export interface NewStudent {
  personId: string;
  nationalNoEnc: Buffer;
  nationalNoHash: string;
  studentNo: string;
  districtId: string;
  schoolId: string;
  classId: string;
  path: string;
  entryYear: number;
  studyMode?: string | null;
  householdType?: string | null;
  migrant: boolean;
}

export const insertStudents = (tx: Tx, rows: NewStudent[], onChunk?: (n: number) => Promise<void>) =>
  unnestInsert(
    tx,
    'student',
    [
      ['person_id', 'uuid', (r) => r.personId],
      ['national_no_enc', 'bytea', (r) => r.nationalNoEnc],
      ['national_no_hash', 'text', (r) => r.nationalNoHash],
      ['student_no', 'text', (r) => r.studentNo],
      ['district_id', 'uuid', (r) => r.districtId],
      ['school_id', 'uuid', (r) => r.schoolId],
      ['class_id', 'uuid', (r) => r.classId],
      ['path', 'ltree', (r) => r.path],
      ['entry_year', 'int', (r) => r.entryYear],
      ['study_mode', 'text', (r) => r.studyMode],
      ['household_type', 'text', (r) => r.householdType],
      ['migrant', 'bool', (r) => r.migrant],
    ],
    rows,
    { onChunk },
  );

/** Sensitive 学籍 fields (encrypted); an existing record is replaced. */
export const upsertSensitive = (tx: Tx, rows: { personId: string; path: string; dataEnc: Buffer }[]) =>
  unnestInsert(
    tx,
    'student_sensitive',
    [
      ['person_id', 'uuid', (r) => r.personId],
      ['path', 'ltree', (r) => r.path],
      ['data_enc', 'bytea', (r) => r.dataEnc],
    ],
    rows,
    {
      onConflict: sql`on conflict (person_id) do update set data_enc = excluded.data_enc,
        path = excluded.path, updated_at = now()`,
    },
  );

export interface NewGuardian {
  parentId: string;
  studentId: string;
  relation: string;
  primary: boolean;
  path: string;
}

export const insertGuardians = (tx: Tx, rows: NewGuardian[], onChunk?: (n: number) => Promise<void>) =>
  unnestInsert(
    tx,
    'guardian',
    [
      ['id', 'uuid', () => newId()],
      ['parent_id', 'uuid', (r) => r.parentId],
      ['student_id', 'uuid', (r) => r.studentId],
      ['relation', 'text', (r) => r.relation],
      ['is_primary', 'bool', (r) => r.primary],
      ['path', 'ltree', (r) => r.path],
    ],
    rows,
    { onChunk },
  );

export interface AuditRow {
  actorPersonId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  outcome: string;
  targetType: string | null;
  targetId: string | null;
  subjectPersonId: string | null;
  orgPath: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  details: Record<string, unknown> | null;
}

export const insertAuditRows = (tx: Tx, rows: AuditRow[]) =>
  unnestInsert(
    tx,
    'audit_log',
    [
      ['id', 'uuid', () => newId()],
      ['actor_person_id', 'uuid', (r) => r.actorPersonId],
      ['actor_name', 'text', (r) => r.actorName],
      ['actor_role', 'text', (r) => r.actorRole],
      ['action', 'text', (r) => r.action],
      ['outcome', 'text', (r) => r.outcome],
      ['target_type', 'text', (r) => r.targetType],
      ['target_id', 'text', (r) => r.targetId],
      ['subject_person_id', 'uuid', (r) => r.subjectPersonId],
      ['org_path', 'ltree', (r) => r.orgPath],
      ['ip', 'text', (r) => r.ip],
      ['user_agent', 'text', (r) => r.userAgent],
      ['request_id', 'text', (r) => r.requestId],
      ['details', 'jsonb', (r) => r.details],
    ],
    rows,
  );

import type { Ctx } from '../../platform/http/context.ts';
import type { ImportRun } from './import-context.ts';
import type { TRowError } from './roster-import.schema.ts';
import { type IdValue, RowCheck } from './row-check.ts';
import type { RawRow } from './sheet-io.ts';

export interface Sensitive {
  health: string | null;
  disability: string | null;
  leftBehind: string | null;
  orphan: boolean;
}

/** One student row, read and checked cell by cell (no database involved yet). */
export interface ParsedStudent {
  check: RowCheck;
  name: string;
  gender: string;
  birthDate: string;
  ethnicity: string;
  id: IdValue;
  idHash: string;
  nationalNo: string;
  /** Keyed hash of the 全国学籍号: how stored students are found. */
  nationalNoHash: string;
  studentNo: string;
  schoolCode: string;
  className: string;
  entryYear: number;
  studyMode?: string;
  householdType?: string;
  migrant?: boolean;
  sensitive: Partial<Sensitive>;
}

/**
 * A row as far as its cells could be read: a field is undefined where its cell is empty or wrong
 * (`check` holds the reasons). Checks against stored data run on whatever fields are known, so a
 * file's errors are all reported in one round, not one layer at a time.
 */
export type StudentDraft = Partial<Omit<ParsedStudent, 'check' | 'sensitive'>> &
  Pick<ParsedStudent, 'check' | 'sensitive'>;

/** A draft whose every cell was valid is a complete row: a required cell left empty is an error. */
export const isComplete = (d: StudentDraft): d is ParsedStudent => d.check.ok;

export function parseStudentRow(ctx: Ctx, run: ImportRun, raw: RawRow, errors: TRowError[]): StudentDraft {
  const c = new RowCheck('students', raw, errors, run.book);
  const name = c.name('name');
  const gender = c.code('gender');
  const birthDate = c.date('birthDate');
  const ethnicity = c.code('ethnicity');
  const id = c.idNumber('idType', 'idNumber');
  const nationalNo = c.text('nationalNo', {
    upper: true,
    pattern: /^[A-Z0-9]{10,20}$/,
    message: '全国学籍号应为 10–20 位字母或数字',
  });
  const studentNo = c.text('studentNo', {
    pattern: /^[A-Za-z0-9-]{1,20}$/,
    message: '学号只能包含字母、数字和「-」，不超过 20 位',
  });
  const schoolCode = c.text('schoolCode', { pattern: /^[0-9]{10}$/, message: '学校标识码应为 10 位数字' });
  const className = c.text('className', { max: 30 });
  const entryYear = c.year('entryYear');
  const studyMode = c.code('studyMode');
  const householdType = c.code('householdType');
  const migrant = c.bool('migrant');
  const sensitive: Partial<Sensitive> = {
    health: c.code('health'),
    disability: c.code('disability'),
    leftBehind: c.code('leftBehind'),
    orphan: c.bool('orphan'),
  };
  c.agreeWithId(id, gender, birthDate);
  const hash = (v: string | undefined) => (v === undefined ? undefined : ctx.deps.crypto.lookupHash(v));
  return {
    check: c,
    name,
    gender,
    birthDate,
    ethnicity,
    id,
    idHash: hash(id?.idNumber),
    nationalNo,
    nationalNoHash: hash(nationalNo),
    studentNo,
    schoolCode,
    className,
    entryYear,
    studyMode,
    householdType,
    migrant,
    sensitive,
  };
}

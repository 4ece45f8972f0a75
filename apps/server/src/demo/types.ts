import type { TOrgKind } from '../modules/org/org.schema.ts';
import type { DistrictSpec } from './geo.ts';
import type { GradeSpec, SchoolKind } from './stages.ts';

/** One org_unit row, as written; `*Key` are the 16 bytes of the corresponding ids. */
export interface OrgUnitRow {
  id: string;
  key: Buffer;
  parentKey: Buffer | null;
  districtKey: Buffer | null;
  schoolKey: Buffer | null;
  kind: TOrgKind;
  parentId: string | null;
  code: string;
  name: string;
  path: string;
  districtId: string | null;
  schoolId: string | null;
  stage: string | null;
  schoolType: string | null;
  schoolCode: string | null;
  divisionCode: string | null;
  gradeCode: string | null;
  entryYear: number | null;
  subjectCode: string | null;
  address: string | null;
}

export interface DistrictNode {
  idx: number;
  spec: DistrictSpec;
  unit: OrgUnitRow;
  schools: SchoolNode[];
  /** Students of the district's schools are the contiguous range [studentStart, studentEnd). */
  studentStart: number;
  studentEnd: number;
}

export interface SchoolNode {
  idx: number;
  kind: SchoolKind;
  district: DistrictNode;
  unit: OrgUnitRow;
  /** Last five digits of the school code: unique in the city, used in staff and student logins. */
  serial: string;
  grades: GradeNode[];
  classes: ClassNode[];
  teachingClasses: TeachingClassNode[];
  studentStart: number;
  studentEnd: number;
  teacherStart: number;
  teacherEnd: number;
  majors: string[];
}

export interface GradeNode {
  spec: GradeSpec;
  unit: OrgUnitRow;
  entryYear: number;
  classes: ClassNode[];
}

export interface ClassNode {
  idx: number;
  unit: OrgUnitRow;
  school: SchoolNode;
  grade: GradeNode;
  no: number;
  size: number;
  studentStart: number;
  /** Teacher index of the head teacher (班主任), -1 while unassigned. */
  headTeacher: number;
}

/** 教学班: an elective class of students drawn from several administrative classes. */
export interface TeachingClassNode {
  unit: OrgUnitRow;
  school: SchoolNode;
  grade: GradeNode;
  subject: string;
  members: number[];
}

/** Per-person columns shared by students, teachers and parents (typed arrays, one slot per person). */
export interface PersonColumns {
  count: number;
  gender: Uint8Array;
  /** Days since 1970-01-01. */
  birth: Int32Array;
  /** Index into AREA_CODES of the ID card's area code. */
  area: Uint16Array;
  /** ID card sequence (3 digits, odd for men). */
  seq: Uint16Array;
  surname: Uint16Array;
  given1: Uint16Array;
  given2: Uint16Array;
  /** GB/T 3304 ethnicity code as a number (1 = 汉族). */
  ethnicity: Uint8Array;
}

/** Student flags. */
export const F_MIGRANT = 1;
export const F_BOARDING = 2;
export const F_AGRICULTURAL = 4;
export const F_TRANSFER = 8;
export const F_BORN_HERE = 16;

export interface StudentTable extends PersonColumns {
  cls: Int32Array;
  seat: Uint16Array;
  family: Int32Array;
  flags: Uint8Array;
  health: Uint8Array;
  disability: Uint8Array;
  /** Elective subjects (index into the elective list) as a bit mask, for 高二/高三 students. */
  electives: Uint8Array;
}

export interface TeacherTable extends PersonColumns {
  school: Int32Array;
  /** 1–5 = teacher_title code, 0 = not yet graded. */
  title: Uint8Array;
  staffSeq: Uint16Array;
  /** Second school (same district) or -1. */
  second: Int32Array;
  subjects: string[][];
}

/** Care situation of a family: decides guardians and the left-behind / orphan fields. */
export const CARE_NORMAL = 0;
export const CARE_ONE_AWAY = 1;
export const CARE_BOTH_AWAY = 2;
export const CARE_ORPHAN = 3;

export interface FamilyTable {
  count: number;
  child1: Int32Array;
  child2: Int32Array;
  /** Parent indices; g1 is the primary guardian, g2 may be -1. */
  g1: Int32Array;
  g2: Int32Array;
  surname: Uint16Array;
  care: Uint8Array;
  migrant: Uint8Array;
  /** Home area (index into AREA_CODES): the migrant family's origin, else the district. */
  origin: Uint16Array;
  ethnicity: Uint8Array;
}

export interface ParentTable extends PersonColumns {
  /** Person ordinal: a parent who is also a teacher uses the teacher's person. */
  person: Int32Array;
  /** GB/T 4761 relation code as a number (51 father, 52 mother, 61–64 grandparents). */
  relation: Uint8Array;
}

export interface TeachingAssignmentRow {
  teacher: number;
  unit: OrgUnitRow;
  school: SchoolNode;
  subject: string;
}

import {
  createStaff,
  type DemoPersons,
  demoClassOf,
  otherDistrictStudentOf,
  type StaffTable,
} from './accounts.ts';
import { createTeachingClasses } from './electives.ts';
import { formFamilies } from './families.ts';
import { IdFactory, IdSequenceAllocator, isoDay, NS, residentId, uuidText } from './ids.ts';
import { buildOrgTree, type OrgTree } from './layout.ts';
import { createParents, createTeachers } from './people.ts';
import { Rng } from './prng.ts';
import { SCHOOL_YEAR } from './stages.ts';
import { areaCode, createStudents, settleStudents } from './students.ts';
import { assignmentRows, planStaff } from './teachers.ts';
import type {
  FamilyTable,
  ParentTable,
  PersonColumns,
  StudentTable,
  TeacherTable,
  TeachingAssignmentRow,
} from './types.ts';

export const DEFAULT_SEED = 20_260_901;

/** The whole demo city in memory: org tree, people in typed arrays, and the links between them. */
export interface DemoCity {
  seed: number;
  ids: IdFactory;
  tree: OrgTree;
  students: StudentTable;
  teachers: TeacherTable;
  families: FamilyTable;
  parents: ParentTable;
  staff: StaffTable;
  assignments: TeachingAssignmentRow[];
  demo: DemoPersons;
  /** Person ordinals: students from 0, then teachers, parents with a person of their own, staff. */
  base: { teachers: number; parents: number; staff: number; end: number };
  /** Fixed usernames of the demo persons, by person ordinal. */
  usernames: Map<number, string>;
  /** Person ids by ordinal (16 bytes each), computed once: every table refers to persons. */
  personKeys: Buffer;
}

/**
 * Generates the city without touching a database. Pure and deterministic: the same `students` and
 * `seed` give the same city, ids included. Each step draws from its own sub-stream.
 */
export function buildDemoCity(opts: { students: number; seed?: number }): DemoCity {
  const seed = opts.seed ?? DEFAULT_SEED;
  const rng = new Rng(seed);
  const ids = new IdFactory(seed);
  const idSeq = new IdSequenceAllocator(seed);
  const tree = buildOrgTree(rng.fork(1), ids, opts.students);
  const students = createStudents(rng.fork(2), tree, opts.students);
  const demoClass = demoClassOf(tree);
  const fam = formFamilies(rng.fork(3), tree, students, demoClass.studentStart);
  settleStudents(rng.fork(4), tree, students, fam.table, idSeq);
  createTeachingClasses(rng.fork(5), tree, students);
  const plan = planStaff(rng.fork(6), tree, demoClass);
  const teachers = createTeachers(rng.fork(7), tree, plan, idSeq);
  const parentBase = students.count + teachers.count;
  const parents = createParents(
    rng.fork(8),
    tree,
    students,
    fam.table,
    teachers,
    idSeq,
    parentBase,
    new Set([demoClass.headTeacher]),
  );
  let staffBase = parentBase;
  for (let i = 0; i < parents.count; i++) staffBase = Math.max(staffBase, parents.person[i]! + 1);
  const staff = createStaff(rng.fork(9), tree, idSeq);
  const demo: DemoPersons = {
    classIdx: demoClass.idx,
    teacher: demoClass.headTeacher,
    student: demoClass.studentStart,
    sibling: fam.demoSibling,
    parent: fam.table.g1[0]!,
  };
  const usernames = new Map<number, string>([
    [students.count + demo.teacher, 'teacher_demo'],
    [demo.student, 'student_demo'],
    [parents.person[demo.parent]!, 'parent_demo'],
  ]);
  const other = otherDistrictStudentOf(tree);
  if (other !== undefined) usernames.set(other, 'student_haizhu');
  const end = staffBase + staff.cols.count;
  return {
    ...{ seed, ids, tree, students, teachers, families: fam.table, parents, staff, demo, usernames },
    assignments: assignmentRows(plan),
    base: { teachers: students.count, parents: parentBase, staff: staffBase, end },
    personKeys: personKeys(ids, end),
  };
}

function personKeys(ids: IdFactory, count: number): Buffer {
  const keys = Buffer.allocUnsafe(16 * count);
  for (let ordinal = 0; ordinal < count; ordinal++) ids.write(NS.person, ordinal, keys, 16 * ordinal);
  return keys;
}

/** The id of the person with this ordinal, as text. */
export const personId = (city: DemoCity, ordinal: number): string => uuidText(city.personKeys, 16 * ordinal);

/** The resident ID number of person i of a column set. */
export function idNumberOf(cols: PersonColumns, i: number): string {
  return residentId(areaCode(cols, i), isoDay(cols.birth[i]!).replaceAll('-', ''), cols.seq[i]!);
}

/** 学号: entry year, stage, class number and seat, unique within the school. */
export function studentNo(city: DemoCity, i: number): string {
  const c = city.tree.classes[city.students.cls[i]!]!;
  const seat = String(city.students.seat[i]).padStart(2, '0');
  return `${c.grade.entryYear}${c.grade.spec.stage}${String(c.no).padStart(2, '0')}${seat}`;
}

/** 教职工号: the school's serial and a four-digit number, unique in the city. */
export function staffNo(city: DemoCity, t: number): string {
  const school = city.tree.schools[city.teachers.school[t]!]!;
  return `${school.serial}${String(city.teachers.staffSeq[t]).padStart(4, '0')}`;
}

/** Current school year label, e.g. 2026-2027学年. */
export const yearName = (start: number) => `${start}-${start + 1}学年`;
export const CURRENT_YEAR = SCHOOL_YEAR;

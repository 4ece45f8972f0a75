import type { OrgTree } from './layout.ts';
import { type Rng, Weighted } from './prng.ts';
import { ELECTIVE_LOAD, HEAD_SUBJECTS, TIMETABLE } from './stages.ts';
import type { ClassNode, OrgUnitRow, SchoolNode, TeachingAssignmentRow } from './types.ts';

/** A teacher's share of the timetable: one subject in a few classes (or teaching classes). */
export interface TeachingGroup {
  teacher: number;
  subject: string;
  stage: string;
  school: SchoolNode;
  units: OrgUnitRow[];
}

/** Who teaches what, before the teachers themselves are drawn. */
export interface StaffPlan {
  school: number[];
  stage: string[];
  subjects: string[][];
  groups: TeachingGroup[];
  /** Second school of teachers who also teach elsewhere in their district, by teacher index. */
  second: Map<number, number>;
}

const STUDENTS_PER_TEACHER = 13;
const CROSS_SCHOOL_SHARE = 0.02;

/** Splits classes into teachers' loads: parallel classes of one grade first, small grades pooled. */
export function groupClasses(perGrade: ClassNode[][], load: number): ClassNode[][] {
  const out: ClassNode[][] = [];
  let pending: ClassNode[] = [];
  for (const list of perGrade) {
    if (list.length >= load) {
      if (pending.length > 0) out.push(pending);
      pending = [];
      const k = Math.ceil(list.length / load);
      for (let g = 0; g < k; g++)
        out.push(list.slice(Math.ceil((g * list.length) / k), Math.ceil(((g + 1) * list.length) / k)));
    } else {
      pending.push(...list);
      if (pending.length >= load) {
        out.push(pending);
        pending = [];
      }
    }
  }
  if (pending.length > 0) out.push(pending);
  return out;
}

/**
 * Staffs every school: a teacher per timetable share (语文 one class, 数学 two, 英语 up to four …),
 * teachers for the elective teaching classes, two per kindergarten class, then more teachers until the
 * school has one per 13 students. Picks a head teacher for each class and lets about 2 % of teachers
 * take a share in another school of their district.
 */
export function planStaff(rng: Rng, tree: OrgTree, demoClass: ClassNode): StaffPlan {
  const plan: StaffPlan = { school: [], stage: [], subjects: [], groups: [], second: new Map() };
  const add = (school: SchoolNode, stage: string, subjects: string[]) => {
    plan.school.push(school.idx);
    plan.stage.push(stage);
    plan.subjects.push(subjects);
    return plan.school.length - 1;
  };
  for (const school of tree.schools) {
    school.teacherStart = plan.school.length;
    const bySubject = new Map<number, Map<string, number>>();
    if (school.kind === 'kindergarten') {
      for (const c of school.classes) {
        c.headTeacher = add(school, '1', []);
        add(school, '1', []);
      }
    }
    const stages = [...new Set(school.grades.map((g) => g.spec.stage))].filter((s) => s !== '1');
    for (const stage of stages) {
      const grades = school.grades.filter((g) => g.spec.stage === stage);
      for (const subject of TIMETABLE[stage]!) {
        const perGrade = grades
          .filter((g) => !subject.grades || subject.grades.includes(g.spec.code))
          .map((g) => g.classes);
        for (const classes of groupClasses(perGrade, subject.load)) {
          const teacher = add(school, stage, [subject.code]);
          plan.groups.push({
            teacher,
            subject: subject.code,
            stage,
            school,
            units: classes.map((c) => c.unit),
          });
          for (const c of classes) {
            if (!bySubject.has(c.idx)) bySubject.set(c.idx, new Map());
            bySubject.get(c.idx)!.set(subject.code, teacher);
          }
        }
      }
    }
    for (const grade of school.grades) {
      for (const subject of new Set(
        school.teachingClasses.filter((t) => t.grade === grade).map((t) => t.subject),
      )) {
        const units = school.teachingClasses
          .filter((t) => t.grade === grade && t.subject === subject)
          .map((t) => t.unit);
        for (let k = 0; k < units.length; k += ELECTIVE_LOAD) {
          const teacher = add(school, '4', [subject]);
          plan.groups.push({
            teacher,
            subject,
            stage: '4',
            school,
            units: units.slice(k, k + ELECTIVE_LOAD),
          });
        }
      }
    }
    chooseHeadTeachers(school, bySubject, demoClass);
    const students = school.studentEnd - school.studentStart;
    const main = stages[0] ?? '1';
    const subjects = new Weighted((TIMETABLE[main] ?? []).map((s) => [s.code, 1 / s.load] as const));
    while (plan.school.length - school.teacherStart < Math.round(students / STUDENTS_PER_TEACHER)) {
      add(school, main, subjects.items.length > 0 ? [subjects.pick(rng)] : []);
    }
    school.teacherEnd = plan.school.length;
  }
  // Some teachers have a second subject they are qualified for.
  plan.subjects.forEach((list, t) => {
    const table = TIMETABLE[plan.stage[t]!] ?? [];
    if (list.length === 1 && table.length > 1 && rng.chance(0.15)) {
      const other = rng.pick(table).code;
      if (other !== list[0]) list.push(other);
    }
  });
  crossSchool(rng, tree, plan);
  return plan;
}

function chooseHeadTeachers(
  school: SchoolNode,
  bySubject: Map<number, Map<string, number>>,
  demo: ClassNode,
) {
  if (school.kind === 'kindergarten') return;
  const heads = new Set<number>();
  const order = school.classes.includes(demo)
    ? [demo, ...school.classes.filter((c) => c !== demo)]
    : school.classes;
  for (const c of order) {
    const own = bySubject.get(c.idx) ?? new Map<string, number>();
    const candidates = (HEAD_SUBJECTS[c.grade.spec.stage] ?? [])
      .map((s) => own.get(s))
      .filter((t) => t !== undefined);
    const free = [...own.values()].find((t) => !heads.has(t));
    const head = candidates.find((t) => !heads.has(t)) ?? free ?? candidates[0] ?? -1;
    c.headTeacher = head;
    heads.add(head);
  }
}

/** About 2 % of teachers take over one teaching share in another school of the same district. */
function crossSchool(rng: Rng, tree: OrgTree, plan: StaffPlan) {
  const heads = new Set(tree.classes.map((c) => c.headTeacher));
  const key = (district: number, subject: string, stage: string) => `${district}|${subject}|${stage}`;
  const pools = new Map<string, TeachingGroup[]>();
  for (const g of plan.groups) {
    if (heads.has(g.teacher)) continue;
    const k = key(g.school.district.idx, g.subject, g.stage);
    if (!pools.has(k)) pools.set(k, []);
    pools.get(k)!.push(g);
  }
  const candidates = rng.shuffle(
    [...new Set(plan.groups.map((g) => g.teacher))].filter((t) => !heads.has(t)),
  );
  const busy = new Set<number>();
  let wanted = Math.round(plan.school.length * CROSS_SCHOOL_SHARE);
  for (const t of candidates) {
    if (wanted === 0) break;
    if (busy.has(t)) continue;
    const home = tree.schools[plan.school[t]!]!;
    const pool = pools.get(key(home.district.idx, plan.subjects[t]![0]!, plan.stage[t]!)) ?? [];
    const options = pool.filter((g) => g.school !== home && !busy.has(g.teacher));
    if (options.length === 0) continue;
    const g = rng.pick(options);
    busy.add(t);
    busy.add(g.teacher);
    g.teacher = t;
    plan.second.set(t, g.school.idx);
    wanted--;
  }
}

/** The teaching_assignment rows of the current term. */
export function assignmentRows(plan: StaffPlan): TeachingAssignmentRow[] {
  return plan.groups.flatMap((g) =>
    g.units.map((unit) => ({ teacher: g.teacher, unit, school: g.school, subject: g.subject })),
  );
}

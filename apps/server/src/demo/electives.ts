import type { OrgTree } from './layout.ts';
import { type Rng, Weighted } from './prng.ts';
import {
  ELECTIVE_CLASS_SIZE,
  ELECTIVE_GRADES,
  FIRST_CHOICE,
  SECOND_CHOICE,
  SUBJECT_NAMES,
} from './stages.ts';
import type { StudentTable } from './types.ts';

/** Elective subjects in a fixed order; a student's choices are a bit mask over this list. */
export const ELECTIVES = ['16', '21', '17', '18', '12', '20'] as const;

const SECOND = Object.fromEntries(
  Object.entries(SECOND_CHOICE).map(([first, list]) => [first, new Weighted(list)]),
) as Record<string, Weighted<string>>;

/** Draws a student's 3+1+2 choice: physics or history, then two different further subjects. */
export function chooseElectives(rng: Rng): string[] {
  const first = rng.chance(FIRST_CHOICE[0][1]) ? FIRST_CHOICE[0][0] : FIRST_CHOICE[1][0];
  const second = SECOND[first]!;
  const a = second.pick(rng);
  let b = second.pick(rng);
  while (b === a) b = second.pick(rng);
  return [first, a, b];
}

/**
 * 走班: for 高二 and 高三 of every school with a senior section, each student picks three electives and
 * is placed in teaching classes of at most 45 (物理选考1班 …), which sit under the school (`s….t01`).
 */
export function createTeachingClasses(rng: Rng, tree: OrgTree, st: StudentTable): void {
  for (const school of tree.schools) {
    for (const grade of school.grades) {
      if (grade.spec.stage !== '4' || !ELECTIVE_GRADES.includes(grade.spec.code)) continue;
      const bySubject = new Map<string, number[]>(ELECTIVES.map((s) => [s, []]));
      for (const c of grade.classes) {
        for (let i = c.studentStart; i < c.studentStart + c.size; i++) {
          let mask = 0;
          for (const subject of chooseElectives(rng)) {
            mask |= 1 << ELECTIVES.indexOf(subject as (typeof ELECTIVES)[number]);
            bySubject.get(subject)!.push(i);
          }
          st.electives[i] = mask;
        }
      }
      const gradeShort = grade.spec.name.replace('年级', '');
      for (const subject of ELECTIVES) {
        const members = bySubject.get(subject)!;
        const k = Math.ceil(members.length / ELECTIVE_CLASS_SIZE);
        for (let g = 0; g < k; g++) {
          const no = school.teachingClasses.length + 1;
          const unit = tree.addUnit(school.unit, {
            kind: 'teaching_class',
            code: `t${String(no).padStart(2, '0')}`,
            name: `${gradeShort}${SUBJECT_NAMES[subject]}选考${g + 1}班`,
            stage: '4',
            gradeCode: grade.spec.code,
            entryYear: grade.entryYear,
            subjectCode: subject,
          });
          const part = members.slice(
            Math.ceil((g * members.length) / k),
            Math.ceil(((g + 1) * members.length) / k),
          );
          school.teachingClasses.push({ unit, school, grade, subject, members: part });
        }
      }
    }
  }
}

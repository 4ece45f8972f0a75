/**
 * Mastery rows for the view tests: the estimates of the demo teacher's class on a chain of math
 * points (a prerequisite edge of the curriculum seed), written as the grading would (state and
 * per-point rows) so that the explanation has the model's memory to read.
 */
import { emptyState, type MasteryState, steadyMastery, update } from '@hanlin/analytics/tracing';
import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
import type { StudentMastery } from './mastery.repository.ts';
import { saveMastery } from './mastery.repository.ts';
import { MASTERY_PARAMS } from './mastery.service.ts';

export interface MasteryPlaces {
  classId: string;
  studentId: string;
  students: string[];
  /** A math point with a prerequisite (`pre`) that itself has one (`pre2`). */
  post: string;
  pre: string;
  pre2: string;
  /** Other math points of the class. */
  others: string[];
}

export async function masteryPlaces(db: Database): Promise<MasteryPlaces> {
  const one = async <T>(q: ReturnType<typeof sql>) => (await db.db.execute(q)).rows[0] as T;
  const me = await one<{ classId: string; studentId: string }>(sql`
    select s.class_id as "classId", s.person_id as "studentId" from student s
      join account a on a.person_id = s.person_id where a.username = 'student_demo'`);
  const students = (
    await db.db.execute<{ id: string }>(sql`select person_id as id from student
      where class_id = ${me.classId} and status = 'enrolled' order by student_no`)
  ).rows.map((r) => r.id);
  const chain = await one<{ post: string; pre: string; pre2: string }>(sql`
    select e1.knowledge_point_id as post, e1.prerequisite_id as pre, e2.prerequisite_id as pre2
      from knowledge_edge e1 join knowledge_edge e2 on e2.knowledge_point_id = e1.prerequisite_id
      join knowledge_point k on k.id = e1.knowledge_point_id
     where k.subject_code = '14' order by k.code limit 1`);
  const others = (
    await db.db.execute<{ id: string }>(sql`select id from knowledge_point
      where subject_code = '14' and id not in (${chain.post}, ${chain.pre}, ${chain.pre2}) order by code limit 3`)
  ).rows.map((r) => r.id);
  return { ...me, students, ...chain, others };
}

/** A state from right/wrong answers per point, in order. */
export function stateOf(answers: [string, boolean][]): MasteryState {
  let s = emptyState();
  for (const [kp, correct] of answers) s = update(MASTERY_PARAMS, s, { skill: kp, correct });
  return s;
}

/**
 * Writes every student's mastery: the student_demo weak on the chain (post and pre wrong, pre2
 * untouched), the others alternating; `sparse` (a point) is answered by three students only.
 */
export async function seedClassMastery(db: Database, m: MasteryPlaces, path: string, sparse: string) {
  const list: StudentMastery[] = m.students.map((id, i) => {
    const good = id !== m.studentId && i % 3 !== 0;
    const answers: [string, boolean][] = [];
    for (const kp of [m.pre, m.post, ...m.others.slice(0, 2)])
      for (let k = 0; k < 3; k++) answers.push([kp, good || (kp !== m.post && kp !== m.pre && k > 0)]);
    if (i < 3) answers.push([sparse, true], [sparse, true]);
    const state = stateOf(answers);
    return {
      studentId: id,
      path,
      state,
      points: Object.entries(state.skills).map(([kp, c]) => ({
        kp,
        p: steadyMastery(MASTERY_PARAMS, state, kp),
        correct: c.s,
        wrong: c.f,
        lastAt: new Date(),
      })),
    };
  });
  await saveMastery(db.db, list, true);
}

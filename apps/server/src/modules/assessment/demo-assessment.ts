import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { deferConstraints, restoreForeignKeys, restoreIndexes } from '../../demo/bulk.ts';
import { DEFAULT_SEED } from '../../demo/city.ts';
import type { Database, Tx } from '../../platform/db/client.ts';
import { recomputeAllMastery } from '../diagnosis/mastery.service.ts';
import { abilityOf } from './demo-answers.ts';
import {
  copyRows,
  insertAssignments,
  insertMarkers,
  loadExamSetting,
  loadGradeClasses,
  loadHomeworkClasses,
  loadMarkers,
  loadTeaching,
  updateItemStatistics,
} from './demo-attempts.repository.ts';
import {
  ATTEMPT_ROWS,
  emptyRows,
  type MistakeNote,
  type RowTable,
  type Student,
  simulateAssignment,
} from './demo-attempts.ts';
import type { BankLesson } from './demo-bank-lesson.ts';
import {
  insertBankItems,
  loadBankAuthors,
  loadBankLessons,
  loadDemoTeacher,
} from './demo-bank-plan.repository.ts';
import { type BankItem, planBank } from './demo-bank-plan.ts';
import { type DemoExam, planExam } from './demo-exam.ts';
import { type DemoAssignment, type DemoClass, planHomework } from './demo-homework.ts';
import { markersOf } from './demo-marking.ts';
import { PRACTICE_COLUMNS, planPractice } from './demo-practice.ts';
import { hashText } from './demo-time.ts';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export interface DemoAssessmentOptions {
  seed?: number;
  /** The moment the demo is seeded at (default: now); everything generated lies before it. */
  now?: number;
}

/** Everything the demo's assessment data is made of, before it is written. */
export interface DemoAssessmentPlan {
  items: BankItem[];
  homework: DemoAssignment[];
  exam: DemoExam | undefined;
  rows: ReturnType<typeof emptyRows>;
  practice: unknown[][];
  /** The 统考's markers and arbiters by written answer. */
  markers: { number: number; part: number; person: string; role: 'marker' | 'arbiter' }[];
}

/** The inputs the plan is made from, read from the database. */
export interface DemoAssessmentInputs {
  lessons: BankLesson[];
  authors: Awaited<ReturnType<typeof loadBankAuthors>>;
  demoTeacher: Awaited<ReturnType<typeof loadDemoTeacher>>;
  homeworkClasses: DemoClass[];
  teaching: Awaited<ReturnType<typeof loadTeaching>>;
  exam: Awaited<ReturnType<typeof loadExamSetting>>;
  examClasses: DemoClass[];
  markers: string[];
  demoStudent: string | undefined;
}

export async function loadDemoAssessmentInputs(tx: Tx): Promise<DemoAssessmentInputs> {
  const homeworkClasses = await loadHomeworkClasses(tx);
  const exam = await loadExamSetting(tx);
  const demo = await tx.execute<{ id: string }>(
    sql`select person_id::text as id from account where username = 'student_demo'`,
  );
  return {
    lessons: await loadBankLessons(tx),
    authors: await loadBankAuthors(tx),
    demoTeacher: await loadDemoTeacher(tx),
    homeworkClasses,
    teaching: await loadTeaching(
      tx,
      homeworkClasses.map((c) => c.id),
    ),
    exam,
    examClasses: exam ? await loadGradeClasses(tx, exam.districtId, exam.grade) : [],
    markers: exam ? await loadMarkers(tx, exam.districtId, exam.grade, exam.subject) : [],
    demoStudent: demo.rows[0]?.id,
  };
}

/**
 * The demo's assessment data, planned in memory from its inputs: deterministic for a seed, the
 * inputs and the moment (ids included).
 */
export function planDemoAssessment(
  inputs: DemoAssessmentInputs,
  seed: number,
  now: number,
): DemoAssessmentPlan {
  const items = planBank({
    seed,
    now,
    lessons: inputs.lessons,
    authors: inputs.authors,
    demoTeacher: inputs.demoTeacher,
  });
  const homework = planHomework({
    seed,
    now,
    classes: inputs.homeworkClasses,
    teaching: inputs.teaching,
    items,
    lessons: inputs.lessons,
    demoTeacherId: inputs.demoTeacher?.id,
  });
  const setting = inputs.exam;
  const exam =
    setting?.officeId && inputs.markers.length >= 3
      ? planExam({
          seed,
          now,
          subject: setting.subject,
          grade: setting.grade,
          district: {
            id: setting.districtId,
            path: setting.path,
            name: setting.name,
            officeId: setting.officeId,
          },
          classes: inputs.examClasses,
          items,
          seenBefore: (day) => {
            const classIds = new Set(inputs.examClasses.map((c) => c.id));
            return new Set(
              homework
                .filter((a) => a.opensAt < day && a.classes.some((c) => classIds.has(c.id)))
                .flatMap((a) => a.paper.entries.map((e) => e.item.id)),
            );
          },
        })
      : undefined;
  const rows = emptyRows();
  const open = new Set<string>();
  const notes: MistakeNote[] = [];
  const visibleAt = new Map<string, number>();
  const students = studentsOf(seed, [...inputs.homeworkClasses, ...inputs.examClasses]);
  const notStarted = new Set(inputs.demoStudent ? [inputs.demoStudent] : []);
  // Oldest first, so a student's first mistake on an item is the one the notebook keeps.
  for (const a of [...homework, ...(exam ? [exam] : [])].sort((x, y) => x.opensAt - y.opensAt)) {
    const before = notes.length;
    simulateAssignment({
      seed,
      now,
      assignment: a,
      students: a.classes.flatMap((c) => c.students.map((id) => students.get(`${c.id}:${id}`)!)),
      markers: a.kind === 'unified_exam' ? inputs.markers : undefined,
      notStarted,
      rows,
      open,
      notes,
    });
    for (const n of notes.slice(before)) visibleAt.set(n.id, a.releasedAt ?? n.createdAt);
  }
  const practice = planPractice({ seed, now, notes, items, visibleAt, rows });
  const markers = (exam?.paper.leaves ?? [])
    .filter((l) => l.content.type === 'short_answer' || l.content.type === 'essay')
    .flatMap((l) => {
      const [m1, m2, m3] = markersOf(inputs.markers, l);
      return [
        { number: l.number, part: l.part, person: m1, role: 'marker' as const },
        { number: l.number, part: l.part, person: m2, role: 'marker' as const },
        { number: l.number, part: l.part, person: m3, role: 'arbiter' as const },
      ];
    });
  return { items, homework, exam, rows, practice, markers };
}

/** Students with their ability (`abilityOf`). */
function studentsOf(seed: number, classes: DemoClass[]): Map<string, Student> {
  const out = new Map<string, Student>();
  for (const c of classes)
    for (const id of c.students)
      out.set(`${c.id}:${id}`, {
        id,
        hash: hashText(id),
        classId: c.id,
        path: c.path,
        theta: abilityOf(seed, c.schoolId, c.id, id),
      });
  return out;
}

/**
 * The demo's assessment data (A2–A6): an item bank over the curriculum backbone, a term of
 * homework in the demo schools and a district 统考, answered, graded, marked and released, with
 * the mistakes they left in the students' notebooks. One transaction: all or nothing.
 */
export async function seedDemoAssessment(
  database: Database,
  log: (m: string) => void,
  opts: DemoAssessmentOptions = {},
) {
  const t0 = Date.now();
  const seed = opts.seed ?? DEFAULT_SEED;
  const now = opts.now ?? Date.now();
  const client = await database.pool.connect();
  try {
    await client.query('begin');
    const tx = drizzle(client);
    const plan = planDemoAssessment(await loadDemoAssessmentInputs(tx), seed, now);
    const t1 = Date.now();
    await insertBankItems(tx, plan.items);
    const t2 = Date.now();
    await insertAssignments(tx, [...plan.homework, ...(plan.exam ? [plan.exam] : [])]);
    if (plan.exam) await insertMarkers(tx, plan.exam, plan.markers);
    // Indexes and foreign keys of the answer tables are rebuilt once after the load, not row by row.
    const deferred = await deferConstraints(client, [...Object.keys(ATTEMPT_ROWS), 'practice_answer']);
    for (const [table, columns] of Object.entries(ATTEMPT_ROWS) as [RowTable, readonly string[]][])
      await copyRows(client, table, columns, plan.rows[table]);
    await copyRows(client, 'practice_answer', PRACTICE_COLUMNS, plan.practice);
    for (const table of new Set(deferred.indexes.map((i) => i.table)))
      await restoreIndexes(client, deferred, table);
    await restoreForeignKeys(client, deferred);
    const t3 = Date.now();
    await updateItemStatistics(tx);
    await client.query('analyze item, assignment, attempt');
    // What the term's answers say about each student's knowledge points (the nightly job's work).
    const t4 = Date.now();
    const mastery = await recomputeAllMastery(tx);
    const t5 = Date.now();
    await client.query('commit');
    const r = plan.rows;
    log(
      `[hanlin] demo assessment: ${plan.items.length} items, ${plan.homework.length} homework and ${plan.exam ? 1 : 0} 统考, ${r.attempt.length} attempts, ${r.response.length} answers, ${r.mark.length} marks, ${r.mistake.length} mistakes, ${mastery.points} mastery estimates of ${mastery.students} students in ${seconds(Date.now() - t0)} (planned ${seconds(t1 - t0)}, bank ${seconds(t2 - t1)}, answers ${seconds(t3 - t2)}, mastery ${seconds(t5 - t4)})`,
    );
  } catch (err) {
    await client.query('rollback').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

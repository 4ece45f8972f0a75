/**
 * What the mastery views read (issue 11 §5), each in one statement inside the caller's transaction
 * (row-level security holds: staff read their scope's students, a learner their own rows).
 */
import type { MasteryState } from '@hanlin/analytics/tracing';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';

export type ClassRow = {
  id: string;
  name: string;
  path: string;
  schoolId: string | null;
};

/** An administrative class by id (null when it is not one). */
export async function findClass(tx: Tx, classId: string): Promise<ClassRow | null> {
  const r = await tx.execute<ClassRow>(sql`
    select id, name, path::text as path, school_id as "schoolId" from org_unit
     where id = ${classId} and kind = 'class'`);
  return r.rows[0] ?? null;
}

/** The subjects the class's enrolled students have estimates on, with how many points each. */
export async function classSubjects(tx: Tx, classId: string): Promise<{ code: string; points: number }[]> {
  const r = await tx.execute<{ code: string; points: number }>(sql`
    select k.subject_code as code, count(distinct km.knowledge_point_id)::int as points
      from student s
      join knowledge_mastery km on km.student_id = s.person_id
      join knowledge_point k on k.id = km.knowledge_point_id
     where s.class_id = ${classId} and s.status = 'enrolled'
     group by k.subject_code order by count(distinct km.knowledge_point_id) desc, k.subject_code`);
  return r.rows;
}

export type StudentRow = {
  id: string;
  name: string;
  studentNo: string;
};

/** The class's enrolled students by student number. */
export async function classStudents(tx: Tx, classId: string): Promise<StudentRow[]> {
  const r = await tx.execute<StudentRow>(sql`
    select s.person_id as id, p.name, s.student_no as "studentNo"
      from student s join person p on p.id = s.person_id
     where s.class_id = ${classId} and s.status = 'enrolled'
     order by s.student_no, p.name`);
  return r.rows;
}

/** One knowledge point of the class's heatmap: its cells as parallel arrays (one per student with an estimate). */
export type PointCells = {
  id: string;
  code: string;
  name: string;
  strand: string;
  students: string[];
  p: number[];
  correct: number[];
  wrong: number[];
};

/**
 * Every point of `subject` some enrolled student of the class has answered on, with the cells of
 * the whole class: one statement, a row per point (45 students × 100 points is 100 rows).
 */
export async function classCells(tx: Tx, classId: string, subject: string): Promise<PointCells[]> {
  const r = await tx.execute<PointCells>(sql`
    select k.id, k.code, k.name, k.strand,
           array_agg(km.student_id::text) as students, array_agg(km.p) as p,
           array_agg(km.correct) as correct, array_agg(km.wrong) as wrong
      from student s
      join knowledge_mastery km on km.student_id = s.person_id
      join knowledge_point k on k.id = km.knowledge_point_id
     where s.class_id = ${classId} and s.status = 'enrolled' and k.subject_code = ${subject}
     group by k.id order by k.code`);
  return r.rows;
}

export type PointInfo = {
  id: string;
  code: string;
  name: string;
  strand: string;
  subjectCode: string;
  gradeCode: string;
};

export async function findPoint(tx: Tx, kpId: string): Promise<PointInfo | null> {
  const r = await tx.execute<PointInfo>(sql`
    select id, code, name, strand, subject_code as "subjectCode", grade_code as "gradeCode"
      from knowledge_point where id = ${kpId}`);
  return r.rows[0] ?? null;
}

/**
 * The prerequisites of `kpId` up to `depth` levels (knowledge_edge walked upwards): each edge
 * found, and the names of every point reached.
 */
export async function prerequisiteGraph(
  tx: Tx,
  kpIds: readonly string[],
  depth: number,
): Promise<{ edges: { pre: string; post: string; depth: number }[]; names: Map<string, string> }> {
  if (kpIds.length === 0) return { edges: [], names: new Map() };
  const r = await tx.execute<{ pre: string; post: string; depth: number; name: string }>(sql`
    with recursive up(pre, post, depth) as (
      select e.prerequisite_id, e.knowledge_point_id, 1 from knowledge_edge e
       where e.knowledge_point_id = any(${sql.param([...kpIds])}::uuid[])
      union
      select e.prerequisite_id, e.knowledge_point_id, up.depth + 1 from knowledge_edge e
        join up on e.knowledge_point_id = up.pre where up.depth < ${depth}
    )
    select distinct on (up.pre, up.post) up.pre::text, up.post::text, up.depth, k.name
      from up join knowledge_point k on k.id = up.pre order by up.pre, up.post, up.depth`);
  const names = new Map(r.rows.map((x) => [x.pre, x.name]));
  return { edges: r.rows.map(({ pre, post, depth }) => ({ pre, post, depth })), names };
}

export type EstimateRow = {
  kp: string;
  p: number;
  correct: number;
  wrong: number;
  lastAt: string;
};

/** One student's estimates on these points (all their points when `kpIds` is null). */
export async function studentEstimates(
  tx: Tx,
  studentId: string,
  kpIds: readonly string[] | null,
): Promise<EstimateRow[]> {
  const only = kpIds ? sql`and km.knowledge_point_id = any(${sql.param([...kpIds])}::uuid[])` : sql``;
  const r = await tx.execute<EstimateRow>(sql`
    select km.knowledge_point_id::text as kp, km.p, km.correct, km.wrong, km.last_at::text as "lastAt"
      from knowledge_mastery km where km.student_id = ${studentId} ${only}`);
  return r.rows;
}

/** The model's stored memory of the student (null before their first graded answer). */
export async function studentState(tx: Tx, studentId: string): Promise<MasteryState | null> {
  const r = await tx.execute<{ state: MasteryState }>(
    sql`select state from mastery_state where student_id = ${studentId}`,
  );
  return r.rows[0]?.state ?? null;
}

/** The student's name, number and class (null when the viewer's scope does not show them). */
export async function findStudent(
  tx: Tx,
  studentId: string,
): Promise<{ id: string; name: string; studentNo: string; className: string; path: string } | null> {
  const r = await tx.execute<{
    id: string;
    name: string;
    studentNo: string;
    className: string;
    path: string;
  }>(sql`
    select s.person_id as id, p.name, s.student_no as "studentNo", o.name as "className", s.path::text as path
      from student s join person p on p.id = s.person_id join org_unit o on o.id = s.class_id
     where s.person_id = ${studentId}`);
  return r.rows[0] ?? null;
}

/** The estimates of the class's enrolled students on these points. */
export async function classPointEstimates(
  tx: Tx,
  classId: string,
  kpIds: readonly string[],
): Promise<{ student: string; kp: string; p: number; correct: number; wrong: number }[]> {
  const r = await tx.execute<{ student: string; kp: string; p: number; correct: number; wrong: number }>(sql`
    select km.student_id::text as student, km.knowledge_point_id::text as kp, km.p, km.correct, km.wrong
      from student s join knowledge_mastery km on km.student_id = s.person_id
     where s.class_id = ${classId} and s.status = 'enrolled'
       and km.knowledge_point_id = any(${sql.param([...kpIds])}::uuid[])`);
  return r.rows;
}

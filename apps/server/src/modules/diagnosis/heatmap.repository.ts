/**
 * What the mastery views read (issue 11 §5), each in one statement inside the caller's transaction
 * (row-level security holds: staff read their scope's students, a learner their own rows).
 */
import type { MasteryState } from '@hanlin/analytics/tracing';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';

/**
 * The class's enrolled students as an array: `km.student_id = any(…)` reads each student's rows
 * through the primary key (45 index probes), whatever the statistics say about the points.
 */
const enrolled = (classId: string) =>
  sql`array(select person_id from student where class_id = ${classId} and status = 'enrolled')`;

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

/** A subject with estimates in the class; `taught`: the viewer teaches it there. */
export type ClassSubject = { code: string; taught: boolean };

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

/** One knowledge point of the class's heatmap: its cells as `[student id, p, correct, wrong]`. */
export type PointCells = {
  id: string;
  code: string;
  name: string;
  strand: string;
  cells: [string, number, number, number][];
};

/**
 * Every point of `subject` some enrolled student of the class has answered on, with the cells of
 * the whole class: one statement, a row per point (45 students × 100 points is 100 rows). The cells
 * travel as one text per point (`id,p,correct,wrong;…`): cheaper to build than JSON and to parse
 * than Postgres arrays.
 */
export async function classCells(tx: Tx, classId: string, subject: string): Promise<PointCells[]> {
  const r = await tx.execute<Omit<PointCells, 'cells'> & { cells: string }>(sql`
    select k.id, k.code, k.name, k.strand,
           string_agg(concat_ws(',', km.student_id, km.p, km.correct, km.wrong), ';') as cells
      from knowledge_mastery km
      join knowledge_point k on k.id = km.knowledge_point_id
     where km.student_id = any(${enrolled(classId)}) and k.subject_code = ${subject}
     group by k.id order by k.code`);
  return r.rows.map((row) => ({
    ...row,
    cells: row.cells.split(';').map((c) => {
      const [id, p, correct, wrong] = c.split(',');
      return [id!, Number(p), Number(correct), Number(wrong)];
    }),
  }));
}

/**
 * The class, its enrolled students by student number and the subjects they have estimates on
 * (those the viewer teaches in the class first), in one statement; null when the id is no class.
 */
export async function classHeader(
  tx: Tx,
  classId: string,
  actorId: string,
): Promise<{ class: ClassRow; students: StudentRow[]; subjects: ClassSubject[] } | null> {
  const r = await tx.execute<{
    class: ClassRow;
    students: StudentRow[] | null;
    subjects: ClassSubject[] | null;
  }>(sql`
    select json_build_object('id', o.id, 'name', o.name, 'path', o.path::text, 'schoolId', o.school_id) as class,
           (select json_agg(json_build_object('id', s.person_id, 'name', p.name, 'studentNo', s.student_no)
                            order by s.student_no, p.name)
              from student s join person p on p.id = s.person_id
             where s.class_id = o.id and s.status = 'enrolled') as students,
           (select json_agg(json_build_object('code', x.code, 'taught', x.taught) order by not x.taught, x.code)
              from (select sc.code, exists (select 1 from teaching_assignment ta where ta.class_id = o.id
                                               and ta.teacher_id = ${actorId} and ta.subject_code = sc.code) as taught
                      from (select distinct subject_code as code from knowledge_point) sc
                     -- A subject counts once one enrolled student has an estimate on one of its points.
                     where exists (select 1 from knowledge_mastery km join knowledge_point k on k.id = km.knowledge_point_id
                                    where km.student_id = any(${enrolled(classId)}) and k.subject_code = sc.code)) x) as subjects
      from org_unit o where o.id = ${classId} and o.kind = 'class'`);
  const row = r.rows[0];
  return row ? { class: row.class, students: row.students ?? [], subjects: row.subjects ?? [] } : null;
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
      from knowledge_mastery km
     where km.student_id = any(${enrolled(classId)})
       and km.knowledge_point_id = any(${sql.param([...kpIds])}::uuid[])`);
  return r.rows;
}

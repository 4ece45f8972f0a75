/**
 * What the mastery views read (issue 11 §5), each in one statement inside the caller's transaction
 * (row-level security holds: staff read their scope's students, a learner their own rows).
 */
import type { MasteryState } from '@hanlin/analytics/tracing';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { execPrepared, preferGenericPlans } from '../../platform/db/prepared.ts';

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

/** The class's enrolled students by student number (the heatmap's column order). */
export async function classStudents(tx: Tx, classId: string): Promise<StudentRow[]> {
  const r = await tx.execute<StudentRow>(sql`
    select s.person_id as id, p.name, s.student_no as "studentNo"
      from student s join person p on p.id = s.person_id
     where s.class_id = ${classId} and s.status = 'enrolled'
     order by s.student_no, s.person_id`);
  return r.rows;
}

/**
 * The class, its enrolled students in the heatmap's column order (student number) and the subjects
 * the viewer teaches there, in one statement; null when the id is no class. The heatmap's reads
 * (this and `classCells`) look rows up by class and viewer under row-level security: they run
 * their generic plans, since planning them each time costs more than running them.
 */
export async function classHeader(
  tx: Tx,
  classId: string,
  actorId: string,
): Promise<{ class: ClassRow; students: StudentRow[]; taught: string[] } | null> {
  await preferGenericPlans(tx);
  const rows = await execPrepared<{
    class: ClassRow;
    students: StudentRow[] | null;
    taught: string[] | null;
  }>(
    tx,
    sql`
    select json_build_object('id', o.id, 'name', o.name, 'path', o.path::text, 'schoolId', o.school_id) as class,
           (select json_agg(json_build_object('id', s.person_id, 'name', p.name, 'studentNo', s.student_no)
                            order by s.student_no, s.person_id)
              from student s join person p on p.id = s.person_id
             where s.class_id = o.id and s.status = 'enrolled') as students,
           (select json_agg(distinct ta.subject_code) from teaching_assignment ta
             where ta.class_id = o.id and ta.teacher_id = ${actorId}) as taught
      from org_unit o where o.id = ${classId} and o.kind = 'class'`,
  );
  const row = rows[0];
  return row ? { class: row.class, students: row.students ?? [], taught: row.taught ?? [] } : null;
}

/** A cell of the heatmap: the student's place in `columns`, mastery in thousandths, answers counted. */
export type Cell = { column: number; permille: number; correct: number; wrong: number };

/** One knowledge point of the class's heatmap with its cells, packed (`unpackCell` reads one). */
export type PointCells = {
  id: string;
  code: string;
  name: string;
  strand: string;
  subject: string;
  cells: Float64Array;
};

/** Most answers on one point a cell counts; more are shown as this many. */
export const COUNT_CAP = 9999;

/**
 * A cell packed into one integer (below 2^53, exact in a double), as `classCells` builds it in SQL:
 * column + 1000 × (permille + 1001 × (correct + 10000 × wrong)). One number per cell is the
 * cheapest form to build in PostgreSQL and to read back (a fifth of the cost of four).
 */
export function unpackCell(code: number): Cell {
  const column = code % 1000;
  let rest = (code - column) / 1000;
  const permille = rest % 1001;
  rest = (rest - permille) / 1001;
  const correct = rest % 10000;
  return { column, permille, correct, wrong: (rest - correct) / 10000 };
}

/**
 * Every point (of every subject) some enrolled student of the class has answered on, with the
 * cells of the whole class: one pass over the class's estimates, a row per point, and the enrolled
 * students' ids in column order (read in the same statement, so the columns cannot shift under a
 * concurrent enrolment). A class has fewer than 1,000 students (the packing's column).
 */
export async function classCells(
  tx: Tx,
  classId: string,
): Promise<{ columns: string[]; points: PointCells[] }> {
  const rows = await execPrepared<Omit<PointCells, 'cells'> & { cells: string | null }>(
    tx,
    sql`
    with st as materialized (
      select person_id as id, (row_number() over (order by student_no, person_id))::int - 1 as i
        from student where class_id = ${classId} and status = 'enrolled')
    select null::uuid as id, null::text as code, null::text as name, null::text as strand, null::text as subject,
           (select string_agg(id::text, ',' order by i) from st) as cells
    union all
    select k.id, k.code, k.name, k.strand, k.subject_code, c.cells
      from (select km.knowledge_point_id as kp,
                   string_agg((st.i + 1000 * (round(km.p * 1000)::int8
                     + 1001 * (least(km.correct, ${COUNT_CAP}) + 10000::int8 * least(km.wrong, ${COUNT_CAP}))))::text, ',') as cells
              from st join knowledge_mastery km on km.student_id = st.id
             where km.student_id = any(array(select id from st))
             group by km.knowledge_point_id) c
      join knowledge_point k on k.id = c.kp`,
  );
  let columns: string[] = [];
  const points: PointCells[] = [];
  for (const row of rows) {
    if (row.id === null) columns = row.cells ? row.cells.split(',') : [];
    else points.push({ ...row, cells: readNumbers(row.cells ?? '') });
  }
  return { columns, points };
}

/** `"12,345,6"` of non-negative integers, without a string per number. */
function readNumbers(text: string): Float64Array {
  let count = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 44) count++;
  const out = new Float64Array(count);
  let k = 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44) {
      out[k++] = n;
      n = 0;
    } else n = n * 10 + (c - 48);
  }
  out[k] = n;
  return out;
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

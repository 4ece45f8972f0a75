import type { MasteryState } from '@hanlin/analytics/tracing';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { packCells } from './heatmap-cells.ts';

/**
 * One graded answer as the mastery model reads it: the item's knowledge points and whether the
 * student earned at least `CORRECT_SHARE` of its marks (a composite item's parts summed).
 */
export interface MasteryAnswer {
  studentId: string;
  /** The student's class path at the time (the latest one is kept with the state). */
  path: string;
  at: Date;
  skills: string[];
  correct: boolean;
}

/**
 * An answer counts as correct with at least 60 % of the item's marks (及格): a right choice, most
 * blanks of a fill-in, a composite whose parts mostly went well.
 */
export const CORRECT_SHARE = 0.6;

/** The items of an attempt's paper as the finalised document lists them (number, item, marks). */
const PAPER_ITEMS = sql.raw(`cross join lateral (
  select x."itemId" as item_id, x.number, x.score
    from jsonb_to_recordset(jsonb_path_query_array(p.document, '$.sections[*].items[*]'))
         as x("itemId" uuid, number int, score float8)) pi`);

type Row = {
  studentId: string;
  path: string;
  at: Date | string;
  skills: string[];
  score: number;
  max: number;
};

const toAnswer = (r: Row): MasteryAnswer => ({
  studentId: r.studentId,
  path: r.path,
  at: new Date(r.at),
  skills: r.skills,
  correct: r.max > 0 ? r.score >= CORRECT_SHARE * r.max - 1e-9 : false,
});

/**
 * The graded answers of finished attempts (every answer scored, so marking is complete) and the
 * practice answers, oldest first per student, items without knowledge points left out. An item
 * left unanswered in a handed-in attempt counts as a wrong answer. `students` limits it to some
 * students; all of them when absent (the nightly recompute).
 */
export async function gradedAnswers(tx: Tx, students?: readonly string[]): Promise<MasteryAnswer[]> {
  const only = (col: string) =>
    students ? sql`and ${sql.raw(col)} = any(${sql.param([...students])}::uuid[])` : sql``;
  const res = await tx.execute<Row>(sql`
    with ans as (
      select t.student_id as "studentId", t.path::text as path,
             coalesce(t.submitted_at, t.deadline_at) as at, pi.number as ord,
             (select coalesce(sum(r.score), 0) from response r
               where r.attempt_id = t.id and r.number = pi.number)::float8 as score,
             pi.score as max, pi.item_id
        from attempt t
        join assignment a on a.id = t.assignment_id
        join paper p on p.id = a.paper_id
        ${PAPER_ITEMS}
       where t.status <> 'in_progress' and t.score is not null ${only('t.student_id')}
      union all
      select pa.student_id, pa.path::text, pa.at, 0, case when pa.correct then 1 else 0 end, 1, pa.item_id
        from practice_answer pa
       where true ${only('pa.student_id')}
    )
    select ans."studentId", ans.path, ans.at, ans.score, ans.max, k.skills
      from ans
      join lateral (select array_agg(ik.knowledge_point_id::text order by ik.knowledge_point_id) as skills
                      from item_knowledge_point ik where ik.item_id = ans.item_id) k on k.skills is not null
     order by ans."studentId", ans.at, ans.ord`);
  return res.rows.map(toAnswer);
}

/** The graded answers of one attempt, in paper order (empty while any answer awaits a marker). */
export async function attemptAnswers(tx: Tx, attemptId: string): Promise<MasteryAnswer[]> {
  const res = await tx.execute<Row>(sql`
    select t.student_id as "studentId", t.path::text as path,
           coalesce(t.submitted_at, t.deadline_at) as at,
           (select coalesce(sum(r.score), 0) from response r
             where r.attempt_id = t.id and r.number = pi.number)::float8 as score,
           pi.score as max, k.skills
      from attempt t
      join assignment a on a.id = t.assignment_id
      join paper p on p.id = a.paper_id
      ${PAPER_ITEMS}
      join lateral (select array_agg(ik.knowledge_point_id::text order by ik.knowledge_point_id) as skills
                      from item_knowledge_point ik where ik.item_id = pi.item_id) k on k.skills is not null
     where t.id = ${attemptId} and t.status <> 'in_progress' and t.score is not null
     order by pi.number`);
  return res.rows.map(toAnswer);
}

/** The knowledge points of an item (a practice answer's). */
export async function itemSkills(tx: Tx, itemId: string): Promise<string[]> {
  const res = await tx.execute<{ kp: string }>(
    sql`select knowledge_point_id::text as kp from item_knowledge_point where item_id = ${itemId}
         order by knowledge_point_id`,
  );
  return res.rows.map((r) => r.kp);
}

/** The student's stored state, locked until the transaction ends (answers fold in one at a time). */
export async function lockState(tx: Tx, studentId: string): Promise<MasteryState | null> {
  const res = await tx.execute<{ state: MasteryState }>(
    sql`select state from mastery_state where student_id = ${studentId} for update`,
  );
  return res.rows[0]?.state ?? null;
}

/** One student's estimates after an update: the state and a row per knowledge point. */
export interface StudentMastery {
  studentId: string;
  path: string;
  state: MasteryState;
  points: { kp: string; p: number; correct: number; wrong: number; lastAt: Date | null }[];
}

/**
 * Writes students' states and their per-point estimates (upserts; `lastAt` null keeps the stored
 * time of a point the update did not touch). With `replace`, points the students no longer have
 * are removed (a full recompute). `points` are all of a student's points (those of the state): the
 * heatmap's packed copy (`mastery_state.cells`) is rewritten from them.
 */
export async function saveMastery(tx: Tx, list: readonly StudentMastery[], replace = false): Promise<number> {
  if (list.length === 0) return 0;
  const states = list.map((m) => ({
    s: m.studentId,
    path: m.path,
    state: m.state,
    n: m.state.answers,
    cells: packCells(m.points),
  }));
  await tx.execute(sql`
    insert into mastery_state (student_id, path, state, answers, cells, updated_at)
    select x.s, x.path::ltree, x.state, x.n, x.cells, now()
      from jsonb_to_recordset(${JSON.stringify(states)}::jsonb) as x(s uuid, path text, state jsonb, n int, cells text)
    on conflict (student_id) do update
       set path = excluded.path, state = excluded.state, answers = excluded.answers, cells = excluded.cells,
           updated_at = now()`);
  const rows = list.flatMap((m) =>
    m.points.map((p) => ({
      s: m.studentId,
      kp: p.kp,
      path: m.path,
      p: p.p,
      c: p.correct,
      w: p.wrong,
      at: p.lastAt?.toISOString() ?? null,
    })),
  );
  if (replace) {
    await tx.execute(sql`
      delete from knowledge_mastery km
       where km.student_id = any(${sql.param(list.map((m) => m.studentId))}::uuid[])
         and not exists (select 1 from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(s uuid, kp uuid)
                          where x.s = km.student_id and x.kp = km.knowledge_point_id)`);
  }
  if (rows.length === 0) return 0;
  const res = await tx.execute(sql`
    insert into knowledge_mastery (student_id, knowledge_point_id, path, p, correct, wrong, last_at, updated_at)
    select x.s, x.kp, x.path::ltree, x.p, x.c, x.w,
           coalesce(x.at, (select km.last_at from knowledge_mastery km
                            where km.student_id = x.s and km.knowledge_point_id = x.kp), now()), now()
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
           as x(s uuid, kp uuid, path text, p real, c int, w int, at timestamptz)
      join knowledge_point k on k.id = x.kp
    on conflict (student_id, knowledge_point_id) do update
       set path = excluded.path, p = excluded.p, correct = excluded.correct, wrong = excluded.wrong,
           last_at = excluded.last_at, updated_at = now()`);
  return res.rowCount ?? 0;
}

/** Removes these students' estimates and states (no graded answer of theirs is left). */
export async function deleteMasteryOf(tx: Tx, studentIds: readonly string[]): Promise<void> {
  if (studentIds.length === 0) return;
  const ids = sql.param([...studentIds]);
  await tx.execute(sql`delete from knowledge_mastery where student_id = any(${ids}::uuid[])`);
  await tx.execute(sql`delete from mastery_state where student_id = any(${ids}::uuid[])`);
}

/**
 * The students the nightly recompute goes through, in id order: those with a finished, graded
 * attempt or a practice answer, and those holding a state (whose answers may have gone since).
 */
export async function studentsToRecompute(tx: Tx): Promise<string[]> {
  const res = await tx.execute<{ id: string }>(sql`
    select student_id as id from attempt where status <> 'in_progress' and score is not null
    union select student_id from practice_answer
    union select student_id from mastery_state
    order by 1`);
  return res.rows.map((r) => r.id);
}

/** The students who made these attempts. */
export async function studentsOfAttempts(tx: Tx, attemptIds: readonly string[]): Promise<string[]> {
  if (attemptIds.length === 0) return [];
  const res = await tx.execute<{ id: string }>(
    sql`select distinct student_id as id from attempt where id = any(${sql.param([...attemptIds])}::uuid[])`,
  );
  return res.rows.map((r) => r.id);
}

/**
 * The SQL of marking (流水批阅): the assignment as its markers see it, the scripts of one item with
 * their marks, the marks themselves, the counted scores and the attempts' totals, and the markers
 * of a 统考. Every function takes the transaction.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { newId } from '../../platform/db/types.ts';
import type { Viewer } from '../../platform/scope/registry.ts';
import { pathWithin } from '../../platform/scope/scope.ts';
import { markingVisible } from './assessment.scope.ts';
import type { TAssignmentKind, TMarkRound } from './attempts.schema.ts';
import type { AnswerValue } from './item-model.ts';
import type { TMarkerRole } from './marking-flow.schema.ts';
import type { PaperDocument } from './paper-model.ts';

/** A timestamp as pg hands it over (Date or text), as ISO 8601. */
export const iso = (v: unknown): string | null => (v == null ? null : new Date(v as string).toISOString());

export interface MarkingHead {
  id: string;
  title: string;
  kind: TAssignmentKind;
  doubleMarking: boolean;
  markGap: number | null;
  releasedAt: string | null;
  closesAt: string;
  createdBy: string;
  path: string;
  document: PaperDocument | null;
}

export async function findMarkingHead(tx: Tx, assignmentId: string): Promise<MarkingHead | undefined> {
  const r = await tx.execute<MarkingHead & Record<string, unknown>>(
    sql`select a.id, a.title, a.kind, a.double_marking as "doubleMarking", a.mark_gap as "markGap",
               a.released_at as "releasedAt", a.closes_at as "closesAt", a.created_by as "createdBy",
               a.path::text as path, p.document
          from assignment a left join paper p on p.id = a.paper_id where a.id = ${assignmentId}`,
  );
  const row = r.rows[0];
  return row && { ...row, releasedAt: iso(row.releasedAt), closesAt: iso(row.closesAt)! };
}

/** The actor's assignments as marker or arbiter, by leaf. */
export async function myMarkerRoles(tx: Tx, assignmentId: string, personId: string) {
  return (
    await tx.execute<{ number: number; part: number; role: TMarkerRole }>(
      sql`select number, part, role from marking_marker
           where assignment_id = ${assignmentId} and person_id = ${personId}`,
    )
  ).rows;
}

export interface ScriptRow {
  id: string;
  number: number;
  part: number;
  value: AnswerValue;
  maxScore: number;
  score: number | null;
  attemptId: string;
  studentId: string;
  path: string;
  /** The student's name, and their number in the class; null in a 统考. */
  name: string | null;
  studentNo: string | null;
  /** The anonymous script number (密号): the same for every marker of the exam. */
  code: string;
  marks: { round: TMarkRound; markerId: string; score: number; comment: string | null }[];
}

/** What limits the scripts one actor may see: all of the assignment's, or those of classes in `paths`. */
export type ScriptReach = { all: true } | { all: false; paths: readonly string[] };

const reachSql = (reach: ScriptReach) => (reach.all ? sql`true` : pathWithin(sql`t.path`, [...reach.paths]));

/**
 * The closed attempts' answers to subjective leaves, with their marks oldest first. `anonymous`
 * leaves the names out of the query itself; the order is the class's (student numbers) or, when
 * anonymous, the script numbers'.
 */
export async function listScripts(
  tx: Tx,
  o: {
    assignmentId: string;
    number?: number;
    part?: number;
    reach: ScriptReach;
    anonymous: boolean;
    /** Without the answers: for counting progress. */
    answers: boolean;
  },
): Promise<ScriptRow[]> {
  const leaf = o.number === undefined ? sql`true` : sql`r.number = ${o.number} and r.part = ${o.part ?? 0}`;
  const names = o.anonymous
    ? sql`null::text as name, null::text as "studentNo"`
    : sql`(select p.name from person p where p.id = t.student_id) as name,
          (select s.student_no from student s where s.person_id = t.student_id) as "studentNo"`;
  const rows = await tx.execute<ScriptRow & Record<string, unknown>>(
    sql`select r.id, r.number, r.part, ${o.answers ? sql`r.value` : sql`null::jsonb as value`}, r.max_score as "maxScore", r.score, t.id as "attemptId",
               t.student_id as "studentId", t.path::text as path, ${names},
               upper(substr(md5(t.assignment_id::text || t.id::text), 1, 8)) as code,
               coalesce((select json_agg(json_build_object('round', m.round, 'markerId', m.marker_id,
                          'score', m.score, 'comment', m.comment) order by m.at, m.id)
                           from mark m where m.response_id = r.id), '[]'::json) as marks
          from response r join attempt t on t.id = r.attempt_id
         where t.assignment_id = ${o.assignmentId} and t.status <> 'in_progress' and r.needs_marking
           and ${leaf} and ${reachSql(o.reach)}
         order by r.number, r.part, ${o.anonymous ? sql`code` : sql`t.path, "studentNo", t.id`}`,
  );
  return rows.rows;
}

/** One script of the assignment, its response row locked: marks on it are given one at a time. */
export async function lockScript(tx: Tx, assignmentId: string, scriptId: string) {
  const r = await tx.execute<{
    id: string;
    number: number;
    part: number;
    maxScore: number;
    score: number | null;
    attemptId: string;
    studentId: string;
    path: string;
  }>(
    sql`select r.id, r.number, r.part, r.max_score as "maxScore", r.score, t.id as "attemptId",
               t.student_id as "studentId", t.path::text as path
          from response r join attempt t on t.id = r.attempt_id
         where r.id = ${scriptId} and t.assignment_id = ${assignmentId} and r.needs_marking
           and t.status <> 'in_progress'
         for update of r`,
  );
  return r.rows[0];
}

export async function marksOf(tx: Tx, responseId: string) {
  return (
    await tx.execute<{ round: TMarkRound; markerId: string; score: number }>(
      sql`select round, marker_id as "markerId", score from mark where response_id = ${responseId}
           order by at, id`,
    )
  ).rows;
}

export async function insertMark(
  tx: Tx,
  m: {
    responseId: string;
    round: TMarkRound;
    markerId: string;
    score: number;
    comment: string | null;
    reason: string | null;
  },
): Promise<void> {
  await tx.execute(
    sql`insert into mark (id, response_id, round, marker_id, score, comment, reason)
        values (${newId()}, ${m.responseId}, ${m.round}, ${m.markerId}, ${m.score}, ${m.comment}, ${m.reason})`,
  );
}

export async function setResponseScore(tx: Tx, responseId: string, score: number | null): Promise<void> {
  await tx.execute(sql`update response set score = ${score} where id = ${responseId}`);
}

/**
 * The attempt's total again from its responses: the sum once no response waits for a score, then
 * `markedAt` the first time it is complete. Returns the total before and after.
 */
export async function refreshAttemptScore(tx: Tx, attemptId: string) {
  const r = await tx.execute<{ before: number | null; after: number | null; complete: boolean }>(
    sql`with s as (select coalesce(sum(r.score), 0)::real as total, bool_or(r.score is null) as waiting
                     from response r where r.attempt_id = ${attemptId}),
             old as (select score from attempt where id = ${attemptId} for update)
        update attempt t set score = case when s.waiting then null else s.total end,
               marked_at = case when s.waiting then null else coalesce(t.marked_at, now()) end,
               updated_at = now()
          from s, old where t.id = ${attemptId} and t.status <> 'in_progress'
        returning old.score as before, t.score as after, not coalesce(s.waiting, false) as complete`,
  );
  return r.rows[0];
}

/** Assignments the viewer may mark that have subjective answers, newest window first. */
export async function listMarkingTasks(tx: Tx, viewer: Viewer) {
  const r = await tx.execute<{
    id: string;
    title: string;
    kind: TAssignmentKind;
    doubleMarking: boolean;
    closesAt: unknown;
    releasedAt: unknown;
    total: number;
    counted: number;
  }>(
    sql`select a.id, a.title, a.kind, a.double_marking as "doubleMarking", a.closes_at as "closesAt",
               a.released_at as "releasedAt", count(r.id)::int as total,
               count(r.id) filter (where r.score is not null)::int as counted
          from assignment a
          join attempt t on t.assignment_id = a.id and t.status <> 'in_progress'
          join response r on r.attempt_id = t.id and r.needs_marking
         where ${markingVisible(viewer, sql`a`)}
         group by a.id order by a.closes_at desc, a.id limit 100`,
  );
  return r.rows.map((x) => ({ ...x, closesAt: iso(x.closesAt)!, releasedAt: iso(x.releasedAt) }));
}

/** The markers and arbiters of a 统考, with their names and schools. */
export async function listMarkers(tx: Tx, assignmentId: string) {
  return (
    await tx.execute<{
      number: number;
      part: number;
      personId: string;
      role: TMarkerRole;
      name: string;
      unitName: string | null;
    }>(
      sql`select m.number, m.part, m.person_id as "personId", m.role, coalesce(d.name, '') as name,
                 (select u.name from teacher t join org_unit u on u.id = t.school_id
                   where t.person_id = m.person_id limit 1) as "unitName"
            from marking_marker m left join person_directory d on d.id = m.person_id
           where m.assignment_id = ${assignmentId} order by m.number, m.part, m.role, d.name`,
    )
  ).rows;
}

/** Teachers of the unit (the district of a 统考), for the leader to pick markers from. */
export async function markerCandidates(tx: Tx, path: string, q: string) {
  return (
    await tx.execute<{ personId: string; name: string; unitName: string }>(
      sql`select t.person_id as "personId", p.name, u.name as "unitName"
            from teacher t join person p on p.id = t.person_id join org_unit u on u.id = t.school_id
           where t.path <@ ${path}::ltree and (${q} = '' or p.name like ${`%${q}%`})
           order by u.name, p.name limit 30`,
    )
  ).rows;
}

/** Whether the person teaches in the unit (a marker must). */
export async function teachesUnder(tx: Tx, personId: string, path: string): Promise<boolean> {
  const r = await tx.execute(
    sql`select 1 from teacher t where t.person_id = ${personId} and t.path <@ ${path}::ltree`,
  );
  return r.rows.length > 0;
}

export async function insertMarker(
  tx: Tx,
  m: {
    assignmentId: string;
    number: number;
    part: number;
    personId: string;
    role: TMarkerRole;
    assignedBy: string;
    path: string;
  },
): Promise<boolean> {
  const r = await tx.execute(
    sql`insert into marking_marker (assignment_id, number, part, person_id, role, assigned_by, path)
        values (${m.assignmentId}, ${m.number}, ${m.part}, ${m.personId}, ${m.role}, ${m.assignedBy}, ${m.path}::ltree)
        on conflict (assignment_id, number, part, person_id) do update set role = excluded.role
        returning 1`,
  );
  return r.rows.length > 0;
}

export async function deleteMarker(
  tx: Tx,
  m: { assignmentId: string; number: number; part: number; personId: string },
): Promise<boolean> {
  const r = await tx.execute(
    sql`delete from marking_marker where assignment_id = ${m.assignmentId} and number = ${m.number}
          and part = ${m.part} and person_id = ${m.personId} returning 1`,
  );
  return r.rows.length > 0;
}

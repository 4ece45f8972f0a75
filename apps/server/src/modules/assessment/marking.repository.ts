/**
 * The SQL of grades: the machine's scores written to responses, the attempts' totals, the key
 * changes of a regrade and the marks that record them. Every function takes the transaction.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { newId } from '../../platform/db/types.ts';
import { oneOf } from './attempts.rows.ts';
import type { TKeyChange } from './attempts.schema.ts';
import type { AnswerValue } from './item-model.ts';
import type { GradedResponse } from './marking.grade.ts';

/** Writes the grades of many responses in one statement. */
export async function writeGrades(tx: Tx, graded: readonly GradedResponse[]): Promise<void> {
  if (graded.length === 0) return;
  await tx.execute(sql`update response r
      set auto_score = g.auto_score, score = g.score, needs_marking = g.needs_marking, detail = g.detail
     from jsonb_to_recordset(${JSON.stringify(
       graded.map((g) => ({
         id: g.id,
         auto_score: g.autoScore,
         score: g.score,
         needs_marking: g.needsMarking,
         detail: g.detail,
       })),
     )}::jsonb) as g(id uuid, auto_score real, score real, needs_marking boolean, detail jsonb)
    where r.id = g.id`);
}

export interface KeyState {
  keyChanges: TKeyChange[];
  releasedAt: Date | null;
  closesAt: Date;
  lateUntil: Date | null;
}

/**
 * The assignment's key changes and dates. `update` for changing the key (a regrade, a release);
 * `key share` for grading with it: gradings do not wait for one another, and a regrade waits for the
 * gradings in flight (and they for it), so no attempt is graded with a key that is being changed.
 */
export const findKeyState = (tx: Tx, assignmentId: string, lock: 'update' | 'key share') =>
  oneOf<KeyState>(
    tx,
    sql`select key_changes as "keyChanges", released_at as "releasedAt", closes_at as "closesAt",
               late_until as "lateUntil"
          from assignment where id = ${assignmentId} ${lock === 'update' ? sql`for update` : sql`for key share`}`,
    ['releasedAt', 'closesAt', 'lateUntil'],
  );

export const saveKeyChanges = (tx: Tx, assignmentId: string, changes: readonly TKeyChange[]) =>
  tx.execute(sql`update assignment set key_changes = ${JSON.stringify(changes)}::jsonb, updated_at = now()
                  where id = ${assignmentId}`);

export interface AffectedResponse {
  id: string;
  attemptId: string;
  studentId: string;
  value: AnswerValue;
  score: number | null;
  needsMarking: boolean;
}

/** The closed attempts' answers to one leaf, locked with their attempts: the regrade rewrites them. */
export const closedResponsesTo = async (tx: Tx, assignmentId: string, number: number, part: number) =>
  (
    await tx.execute<AffectedResponse & Record<string, unknown>>(
      sql`select r.id, r.attempt_id as "attemptId", t.student_id as "studentId", r.value, r.score,
                 r.needs_marking as "needsMarking"
            from response r join attempt t on t.id = r.attempt_id
           where t.assignment_id = ${assignmentId} and t.status <> 'in_progress'
             and r.number = ${number} and r.part = ${part}
           order by r.id for update of r, t`,
    )
  ).rows as AffectedResponse[];

/** One mark per changed response, round `regrade`, by the teacher who changed the key. */
export async function insertRegradeMarks(
  tx: Tx,
  markerId: string,
  reason: string | null,
  changes: readonly { responseId: string; score: number }[],
): Promise<void> {
  if (changes.length === 0) return;
  await tx.execute(sql`insert into mark (id, response_id, round, marker_id, score, reason)
    select c.id, c.response_id, 'regrade', ${markerId}, c.score, ${reason}
      from jsonb_to_recordset(${JSON.stringify(
        changes.map((c) => ({ id: newId(), response_id: c.responseId, score: c.score })),
      )}::jsonb) as c(id uuid, response_id uuid, score real)`);
}

/**
 * The totals of attempts again from their responses: the objective sum, and the score once no
 * response waits for a marker.
 */
export const refreshTotals = async (tx: Tx, attemptIds: readonly string[]) =>
  (
    await tx.execute<{ id: string; studentId: string; objectiveScore: number; score: number | null }>(
      sql`update attempt t set
          objective_score = s.objective, score = case when s.waiting then null else s.total end,
          marked_at = case when s.waiting then null else coalesce(t.marked_at, now()) end, updated_at = now()
        from (select r.attempt_id, coalesce(sum(r.auto_score), 0)::real as objective,
                     coalesce(sum(r.score), 0)::real as total, bool_or(r.score is null) as waiting
                from response r where r.attempt_id = any(${sql.param(attemptIds)}::uuid[]) group by r.attempt_id) s
       where t.id = s.attempt_id
      returning t.id, t.student_id as "studentId", t.objective_score as "objectiveScore", t.score`,
    )
  ).rows;

/** What stands in the way of releasing the scores. */
export const releaseBlockers = async (tx: Tx, assignmentId: string) =>
  (
    await tx.execute<{ windowOpen: boolean; inProgress: number; unmarked: number }>(
      sql`select coalesce(a.late_until, a.closes_at) > now() as "windowOpen",
                 (select count(*)::int from attempt t where t.assignment_id = a.id and t.status = 'in_progress') as "inProgress",
                 (select count(*)::int from response r join attempt t on t.id = r.attempt_id
                   where t.assignment_id = a.id and r.needs_marking and r.score is null) as unmarked
            from assignment a where a.id = ${assignmentId}`,
    )
  ).rows[0]!;

export const markReleased = async (tx: Tx, assignmentId: string) =>
  (await oneOf<{ releasedAt: Date }>(
    tx,
    sql`update assignment set released_at = now(), updated_at = now() where id = ${assignmentId}
        returning released_at as "releasedAt"`,
    ['releasedAt'],
  ))!.releasedAt;

/**
 * The SQL of answering (A4): starting an attempt, the idempotent save of an answer (the hot path:
 * one prepared statement), the state a refusal is explained from, and submission. Every function
 * takes the transaction.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { execPrepared } from '../../platform/db/prepared.ts';
import { oneOf, rowsOf, withDates } from './attempts.rows.ts';
import type { TAssignmentKind, TAttemptStatus } from './attempts.schema.ts';
import type { AnswerValue } from './item-model.ts';
import type { PaperDocument } from './paper-model.ts';

export const ATTEMPT_DATES = ['startedAt', 'deadlineAt', 'submittedAt', 'now'];

export interface AttemptRow {
  id: string;
  assignmentId: string;
  studentId: string;
  classId: string;
  status: TAttemptStatus;
  startedAt: Date;
  deadlineAt: Date;
  submittedAt: Date | null;
  furthest: number;
  focusLosses: number;
  objectiveScore: number | null;
  score: number | null;
  now: Date;
}

const ATTEMPT_COLUMNS = sql`t.id, t.assignment_id as "assignmentId", t.student_id as "studentId",
  t.class_id as "classId", t.status, t.started_at as "startedAt", t.deadline_at as "deadlineAt",
  t.submitted_at as "submittedAt", t.furthest, t.focus_losses as "focusLosses",
  t.objective_score as "objectiveScore", t.score, now() as now`;

export const findAttempt = (tx: Tx, id: string) =>
  oneOf<AttemptRow>(tx, sql`select ${ATTEMPT_COLUMNS} from attempt t where t.id = ${id}`, ATTEMPT_DATES);

export const findAttemptOf = (tx: Tx, assignmentId: string, studentId: string) =>
  oneOf<AttemptRow>(
    tx,
    sql`select ${ATTEMPT_COLUMNS} from attempt t where t.assignment_id = ${assignmentId} and t.student_id = ${studentId}`,
    ATTEMPT_DATES,
  );

/** Locks the attempt against saves in flight (they hold a key-share lock on it) and reads it. */
export const lockAttempt = (tx: Tx, id: string) =>
  oneOf<AttemptRow>(
    tx,
    sql`select ${ATTEMPT_COLUMNS} from attempt t where t.id = ${id} for update`,
    ATTEMPT_DATES,
  );

/** What answering an assignment needs to know of it and its paper; immutable once assigned. */
export interface AnswerablePaper {
  assignmentId: string;
  paperFree: boolean;
  document: PaperDocument;
}

export const findAnswerablePaper = (tx: Tx, assignmentId: string) =>
  oneOf<AnswerablePaper>(
    tx,
    sql`select a.id as "assignmentId", a.paper_free as "paperFree", p.document
          from assignment a join paper p on p.id = a.paper_id where a.id = ${assignmentId}`,
  );

/** The attempt as the answering page shows it: with its assignment's title and kind, and its answers. */
export interface AttemptForView extends AttemptRow {
  title: string;
  kind: TAssignmentKind;
  releasedAt: Date | null;
  responses: Pick<ResponseRow, 'number' | 'part' | 'value' | 'seq' | 'savedAt' | 'score' | 'maxScore'>[];
}

export const VIEW_COLUMNS = sql`${ATTEMPT_COLUMNS}, a.title, a.kind, a.released_at as "releasedAt"`;

export function viewOf(row: (Omit<AttemptForView, 'responses'> & { responses: unknown }) | undefined) {
  if (!row) return undefined;
  const responses = (row.responses ?? []) as (AttemptForView['responses'][number] & { savedAt: string })[];
  return {
    ...row,
    responses: responses.map((r) => ({ ...r, savedAt: new Date(r.savedAt) })),
  } as AttemptForView;
}

/** One attempt for the answering page, in one statement. */
export const findAttemptForView = async (tx: Tx, id: string) =>
  viewOf(
    await oneOf(
      tx,
      sql`select ${VIEW_COLUMNS},
                 (select json_agg(json_build_object('number', r.number, 'part', r.part, 'value', r.value,
                           'seq', r.seq, 'savedAt', r.saved_at, 'score', r.score, 'maxScore', r.max_score)
                           order by r.number, r.part)
                    from response r where r.attempt_id = t.id) as responses
            from attempt t join assignment a on a.id = t.assignment_id where t.id = ${id}`,
      [...ATTEMPT_DATES, 'releasedAt'],
    ),
  );

export interface SaveParams {
  attemptId: string;
  studentId: string;
  key: string;
  number: number;
  part: number;
  seq: number;
  value: AnswerValue;
  responseId: string;
  maxScore: number;
}

export interface SaveOutcome {
  /** The attempt was open (in progress, before its deadline, the item not locked). */
  open: boolean;
  /** When the save was logged; null when the key had been used already. */
  receivedAt: Date | null;
  /** Whether the answer is now the item's latest (false: a save with a higher seq came first). */
  applied: boolean;
}

/**
 * The save of one answer to a forward-only paper-free paper, in one statement (other saves are
 * written together, answer-saves.repository.ts): the attempt must be the student's, in progress,
 * before its deadline and not past the item (`forwardIndex`, its position; reaching it moves the
 * attempt on and locks the items before); the save is logged under the client's key once (a retry
 * inserts nothing), and the item's answer replaced only by a save of a higher sequence number.
 */
export async function saveForwardResponse(
  tx: Tx,
  p: SaveParams & { forwardIndex: number },
): Promise<SaveOutcome> {
  const open = sql`update attempt set furthest = ${p.forwardIndex}
             where id = ${p.attemptId} and student_id = ${p.studentId}
               and status = 'in_progress' and deadline_at > now() and furthest <= ${p.forwardIndex}
            returning id`;
  const value = JSON.stringify(p.value);
  const rows = await execPrepared<SaveOutcome>(
    tx,
    sql`with t as (${open}),
      s as (insert into response_save (attempt_id, client_key, number, part, seq, value)
            select t.id, ${p.key}, ${p.number}, ${p.part}, ${p.seq}, ${value}::jsonb from t
            on conflict (attempt_id, client_key) do nothing
            returning received_at),
      r as (insert into response (id, attempt_id, number, part, value, seq, saved_at, max_score)
            select ${p.responseId}, ${p.attemptId}, ${p.number}, ${p.part}, ${value}::jsonb, ${p.seq}, s.received_at, ${p.maxScore}
              from s
            on conflict (attempt_id, number, part) do update
              set value = excluded.value, seq = excluded.seq, saved_at = excluded.saved_at
              where response.seq < excluded.seq
            returning 1)
      select exists (select 1 from t) as open, (select received_at from s) as "receivedAt",
             exists (select 1 from r) as applied`,
  );
  return withDates(rows[0]!, ['receivedAt']);
}

export interface LoggedSave {
  number: number;
  part: number;
  seq: number;
  value: AnswerValue;
  receivedAt: Date;
  /** The seq of the item's answer that stands now. */
  currentSeq: number | null;
}

/** An earlier save under the same key (a retry), to acknowledge again. */
export const findSave = (tx: Tx, attemptId: string, key: string) =>
  oneOf<LoggedSave>(
    tx,
    sql`select s.number, s.part, s.seq, s.value, s.received_at as "receivedAt", r.seq as "currentSeq"
          from response_save s
          left join response r on r.attempt_id = s.attempt_id and r.number = s.number and r.part = s.part
         where s.attempt_id = ${attemptId} and s.client_key = ${key}`,
    ['receivedAt'],
  );

export interface ResponseRow {
  id: string;
  number: number;
  part: number;
  value: AnswerValue;
  seq: number;
  savedAt: Date;
  autoScore: number | null;
  score: number | null;
  needsMarking: boolean;
  maxScore: number;
  detail: Record<string, unknown> | null;
}

export const listResponses = (tx: Tx, attemptId: string) =>
  rowsOf<ResponseRow>(
    tx,
    sql`select id, number, part, value, seq, saved_at as "savedAt", auto_score as "autoScore", score,
               needs_marking as "needsMarking", max_score as "maxScore", detail
          from response where attempt_id = ${attemptId} order by number, part`,
    ['savedAt'],
  );

/** Paper-free navigation: moves to `index`; forward-only papers refuse going back (false). */
export async function moveTo(
  tx: Tx,
  attemptId: string,
  studentId: string,
  index: number,
  forwardOnly: boolean,
) {
  const r = await oneOf<{ furthest: number }>(
    tx,
    sql`update attempt set furthest = ${index}, updated_at = now()
         where id = ${attemptId} and student_id = ${studentId} and status = 'in_progress' and deadline_at > now()
           and (${!forwardOnly} or furthest <= ${index})
        returning furthest`,
  );
  return r !== undefined;
}

/** Focus losses counted by the browser so far: never lowered, so a retried report counts once. */
export const recordFocusLosses = (tx: Tx, attemptId: string, studentId: string, count: number) =>
  oneOf<{ focusLosses: number }>(
    tx,
    sql`update attempt set focus_losses = greatest(focus_losses, ${count}), updated_at = now()
         where id = ${attemptId} and student_id = ${studentId} and status = 'in_progress'
        returning focus_losses as "focusLosses"`,
  );

/** Closes an attempt with its grade: `submitted` by the student, `expired` by the deadline job. */
export async function closeAttempt(
  tx: Tx,
  p: { id: string; status: 'submitted' | 'expired'; objectiveScore: number; score: number | null },
) {
  await tx.execute(sql`update attempt set status = ${p.status},
      submitted_at = case when ${p.status} = 'submitted' then now() end,
      objective_score = ${p.objectiveScore}, score = ${p.score},
      marked_at = case when ${p.score}::real is not null then now() end, updated_at = now()
    where id = ${p.id}`);
}

/** Attempts past their deadline and still open, locked for this run (another instance skips them). */
export const dueAttempts = async (tx: Tx, limit: number) =>
  (
    await tx.execute<{ id: string; assignmentId: string; studentId: string }>(
      sql`select id, assignment_id as "assignmentId", student_id as "studentId" from attempt
           where status = 'in_progress' and deadline_at <= now()
           order by deadline_at limit ${limit} for update skip locked`,
    )
  ).rows;

/** Assignments whose window has closed with every attempt closed: marked closed for good. */
export const markClosedAssignments = async (tx: Tx) =>
  (
    await tx.execute<{ id: string }>(
      sql`update assignment a set closed_at = now(), updated_at = now()
           where a.closed_at is null and coalesce(a.late_until, a.closes_at) <= now()
             and not exists (select 1 from attempt t where t.assignment_id = a.id and t.status = 'in_progress')
          returning a.id`,
    )
  ).rows.length;

/** Whether the deadline job has work: an open attempt past its deadline, or a window to close. */
export const anythingDue = async (tx: Tx) =>
  (
    await tx.execute(
      sql`select 1 where exists (select 1 from attempt where status = 'in_progress' and deadline_at <= now())
             or exists (select 1 from assignment where closed_at is null and closes_at <= now()
                          and coalesce(late_until, closes_at) <= now())`,
    )
  ).rows.length > 0;

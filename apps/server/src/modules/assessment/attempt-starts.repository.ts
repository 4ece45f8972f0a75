/**
 * The SQL of starting many students' attempts in one statement (the group commit of
 * attempt-starts.ts). Takes the transaction.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { execPrepared } from '../../platform/db/prepared.ts';
import { ATTEMPT_DATES, type AttemptForView, VIEW_COLUMNS, viewOf } from './attempts.repository.ts';
import { withDates } from './attempts.rows.ts';

export interface StartInput {
  /** The new attempt's id. */
  id: string;
  assignmentId: string;
  /** The signed-in student. */
  studentId: string;
  /** The paths of the classes the student belongs to, from the guard's scope. */
  memberPaths: readonly string[];
}

/**
 * Starts each student's attempt as `insertAttempt` starts one: if the window is open and one of
 * the student's own classes (`memberPaths`) was given the assignment, with the deadline the earlier
 * of the window's close and the start plus the time limit. Returns, for each input in order, the new
 * attempt as the answering page shows it, or nothing when it was not started (already started, by
 * this batch too; window shut; class not given it).
 */
export async function startAttempts(
  tx: Tx,
  inputs: readonly StartInput[],
): Promise<(AttemptForView | undefined)[]> {
  const input = JSON.stringify(
    inputs.map((s, i) => ({
      i,
      id: s.id,
      assignment: s.assignmentId,
      student: s.studentId,
      members: s.memberPaths.join(','),
    })),
  );
  const rows = await execPrepared<{ i: number }>(
    tx,
    sql`with input as (
        select * from jsonb_to_recordset(${input}::jsonb) as x(i int, id uuid, assignment uuid, student uuid, members text)),
      t as (
        insert into attempt (id, assignment_id, student_id, class_id, path, started_at, deadline_at)
        select distinct on (x.assignment, x.student) x.id, a.id, x.student, ac.class_id, ac.path, now(),
               least(coalesce(a.late_until, a.closes_at), now() + make_interval(mins => coalesce(a.minutes, 100000)))
          from input x
          join assignment a on a.id = x.assignment
          cross join lateral (select c.class_id, c.path from assignment_class c
                               where c.assignment_id = a.id and c.path::text = any(string_to_array(x.members, ','))
                               order by c.class_id limit 1) ac
         where now() >= a.opens_at and now() < coalesce(a.late_until, a.closes_at)
         order by x.assignment, x.student, x.i
        on conflict (assignment_id, student_id) do nothing
        returning *)
      select x.i, ${VIEW_COLUMNS}, null as responses
        from input x join t on t.id = x.id join assignment a on a.id = t.assignment_id`,
  );
  const out: (AttemptForView | undefined)[] = inputs.map(() => undefined);
  for (const { i, ...row } of rows)
    out[i] = viewOf(withDates(row as never, [...ATTEMPT_DATES, 'releasedAt']));
  return out;
}

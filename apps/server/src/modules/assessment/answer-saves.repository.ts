/**
 * The SQL of saving many students' answers in one statement (the group commit of answer-saves.ts).
 * Takes the transaction.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { execPrepared } from '../../platform/db/prepared.ts';
import type { SaveOutcome, SaveParams } from './attempts.repository.ts';
import { withDates } from './attempts.rows.ts';

/**
 * Saves each answer of `saves` in one statement, and returns the
 * outcome of each in order. Each save is checked on its own: its attempt must belong to the student
 * it names (the signed-in actor whose save it is), be in progress and before its deadline (a
 * key-share lock keeps submission from grading past a save in flight). A key used twice in the batch
 * (a retry overtaking its first try) is logged once, for the first; of several answers to one item
 * the highest sequence number is applied, as when they arrive one by one.
 */
export async function saveResponses(tx: Tx, saves: readonly SaveParams[]): Promise<SaveOutcome[]> {
  const input = JSON.stringify(
    saves.map((s, i) => ({
      i,
      attempt: s.attemptId,
      student: s.studentId,
      key: s.key,
      number: s.number,
      part: s.part,
      seq: s.seq,
      value: s.value,
      rid: s.responseId,
      max: s.maxScore,
    })),
  );
  const rows = await execPrepared<SaveOutcome & { i: number }>(
    tx,
    sql`with input as (
        select * from jsonb_to_recordset(${input}::jsonb) as x(i int, attempt uuid, student uuid, key text,
          number int, part int, seq int, value jsonb, rid uuid, max real)),
      owned as (
        select x.* from input x join attempt t on t.id = x.attempt and t.student_id = x.student
         where t.status = 'in_progress' and t.deadline_at > now()
           for key share of t),
      open as (select distinct on (attempt, key) * from owned order by attempt, key, i),
      s as (insert into response_save (attempt_id, client_key, number, part, seq, value)
            select attempt, key, number, part, seq, value from open
            on conflict (attempt_id, client_key) do nothing
            returning attempt_id, client_key, received_at),
      saved as (select o.*, s.received_at from open o join s on s.attempt_id = o.attempt and s.client_key = o.key),
      latest as (select distinct on (attempt, number, part) * from saved order by attempt, number, part, seq desc),
      r as (insert into response (id, attempt_id, number, part, value, seq, saved_at, max_score)
            select rid, attempt, number, part, value, seq, received_at, max from latest
            on conflict (attempt_id, number, part) do update
              set value = excluded.value, seq = excluded.seq, saved_at = excluded.saved_at
              where response.seq < excluded.seq
            returning attempt_id, number, part, seq)
      select x.i, x.i in (select i from owned) as open, sv.received_at as "receivedAt",
             exists (select 1 from r where r.attempt_id = x.attempt and r.number = x.number and r.part = x.part
                       and r.seq = x.seq and sv.i is not null) as applied
        from input x left join saved sv on sv.i = x.i
       order by x.i`,
  );
  return rows.map(({ i: _, ...r }) => withDates(r, ['receivedAt']));
}

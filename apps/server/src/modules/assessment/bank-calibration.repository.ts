import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';

/** One student's graded answer to one bank item (a composite item's parts summed). */
export type GradedItemAnswer = { studentId: string; itemId: string; score: number; maxScore: number };

/**
 * Every fully graded answer to a bank item from a handed-in attempt: one row per attempt and item,
 * a composite's parts summed; an item waiting for a marker is left out until marked. By student,
 * then in the order they were handed in: a student who met an item twice counts with the first
 * answer, and the calibration's input does not depend on how the rows happen to lie.
 */
export async function readGradedAnswers(tx: Tx): Promise<GradedItemAnswer[]> {
  const res = await tx.execute<GradedItemAnswer>(sql`
    select t.student_id as "studentId", pi.item_id as "itemId",
           sum(r.score)::float8 as score, sum(r.max_score)::float8 as "maxScore"
      from response r join attempt t on t.id = r.attempt_id and t.status <> 'in_progress'
      join assignment a on a.id = t.assignment_id
      join paper_item pi on pi.paper_id = a.paper_id and pi.position = r.number
     group by t.id, t.student_id, pi.item_id
    having bool_and(r.score is not null)
     order by t.student_id, min(coalesce(t.submitted_at, t.deadline_at)), t.id, pi.item_id`);
  return res.rows;
}

/** Writes the calibrated parameters of these items (the others keep theirs). */
export async function writeItemParameters(
  tx: Tx,
  rows: readonly { itemId: string; a: number; b: number }[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const res = await tx.execute(sql`
    update item i set irt_a = x.a, irt_b = x.b, calibrated_at = now()
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x("itemId" uuid, a real, b real)
     where i.id = x."itemId"`);
  return res.rowCount ?? 0;
}

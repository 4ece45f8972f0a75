/**
 * The SQL of a student's personalised practice (A8): the answers given outside the mistake
 * notebook (`practice_answer` rows without a mistake) and the pushes a student may answer from.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { newId } from '../../platform/db/types.ts';
import type { AnswerValue, ItemContent } from '../assessment/item-model.ts';

/** Serialises one student's answers to one item: a retried request waits for the first. */
export async function lockAnswer(tx: Tx, studentId: string, itemId: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`practice:${studentId}:${itemId}`}, 0))`,
  );
}

/** The student's earlier personalised-practice answer to this item, with the item (read as the draw was). */
export async function findAnswer(tx: Tx, studentId: string, itemId: string) {
  const r = await tx.execute<{ correct: boolean; content: ItemContent }>(
    sql`select pa.correct, i.content from practice_answer pa join item i on i.id = pa.item_id
         where pa.student_id = ${studentId} and pa.item_id = ${itemId} and pa.mistake_id is null
         order by pa.at limit 1`,
  );
  return r.rows[0];
}

/** Which of these items the student has answered in personalised practice, and how. */
export async function answersTo(tx: Tx, studentId: string, itemIds: readonly string[]) {
  if (itemIds.length === 0) return new Map<string, boolean>();
  const r = await tx.execute<{ itemId: string; correct: boolean }>(
    sql`select distinct on (item_id) item_id as "itemId", correct from practice_answer
         where student_id = ${studentId} and mistake_id is null and item_id = any(${sql.param([...itemIds])}::uuid[])
         order by item_id, at`,
  );
  return new Map(r.rows.map((x) => [x.itemId, x.correct]));
}

export async function insertAnswer(
  tx: Tx,
  a: { studentId: string; path: string; itemId: string; value: AnswerValue; correct: boolean },
): Promise<void> {
  await tx.execute(
    sql`insert into practice_answer (id, student_id, path, mistake_id, item_id, value, correct)
        values (${newId()}, ${a.studentId}, ${a.path}::ltree, null, ${a.itemId},
                ${JSON.stringify(a.value)}::jsonb, ${a.correct})`,
  );
}

/** A push to this student, with its point and items (null when it was not pushed to them). */
export async function pushToStudent(tx: Tx, pushId: string, studentId: string) {
  const r = await tx.execute<{ id: string; kp: string; itemIds: string[] }>(
    sql`select p.id, p.knowledge_point_id as kp, p.item_ids as "itemIds"
          from practice_push p join practice_push_student ps on ps.push_id = p.id
         where p.id = ${pushId} and ps.student_id = ${studentId}`,
  );
  return r.rows[0];
}

/**
 * Items of a push by id, in the order given (read under a system scope: learners do not read the
 * bank); an item put on an exam whose scores are not yet released since it was pushed is left out.
 */
export async function itemsById(tx: Tx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const r = await tx.execute<{ id: string; content: ItemContent; difficulty: number }>(
    sql`select i.id, i.content, i.difficulty from item i where i.id = any(${sql.param([...ids])}::uuid[])
          and not exists (select 1 from paper_item pi join assignment a on a.paper_id = pi.paper_id
                           where pi.item_id = i.id and a.kind in ('exam', 'unified_exam') and a.released_at is null)`,
  );
  const byId = new Map(r.rows.map((x) => [x.id, x]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Whether the item is tagged with the point. */
export async function itemOnPoint(tx: Tx, itemId: string, kp: string): Promise<boolean> {
  const r = await tx.execute(
    sql`select 1 from item_knowledge_point where item_id = ${itemId} and knowledge_point_id = ${kp}`,
  );
  return r.rows.length > 0;
}

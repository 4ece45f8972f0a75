/**
 * The SQL of the mistake notebook (错题本, A6): recording wrong answers of a graded attempt, the
 * entries as a student (or guardian) reads them once the scores are released, drawing a similar
 * item to practise and recording the practice, and the summary by subject and knowledge point.
 * Every function takes the transaction.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { newId } from '../../platform/db/types.ts';
import type { TAttemptStatus } from './attempts.schema.ts';
import type { AnswerValue, ItemContent } from './item-model.ts';
import { iso } from './marking-flow.repository.ts';
import type { PaperDocument } from './paper-model.ts';

/** The attempt with what recording its mistakes needs. */
export async function attemptForNotebook(tx: Tx, attemptId: string) {
  const r = await tx.execute<{
    studentId: string;
    path: string;
    status: TAttemptStatus;
    document: PaperDocument | null;
  }>(
    sql`select t.student_id as "studentId", t.path::text as path, t.status, p.document
          from attempt t join assignment a on a.id = t.assignment_id join paper p on p.id = a.paper_id
         where t.id = ${attemptId}`,
  );
  return r.rows[0];
}

export async function responsesOf(tx: Tx, attemptId: string) {
  return (
    await tx.execute<{
      number: number;
      part: number;
      value: AnswerValue;
      score: number | null;
      maxScore: number;
    }>(
      sql`select number, part, value, score, max_score as "maxScore" from response where attempt_id = ${attemptId}`,
    )
  ).rows;
}

/** The knowledge points of items, by item. */
export async function knowledgePointsOf(tx: Tx, itemIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (itemIds.length === 0) return out;
  const r = await tx.execute<{ itemId: string; kp: string }>(
    sql`select item_id as "itemId", knowledge_point_id as kp from item_knowledge_point
         where item_id = any(${sql.param([...itemIds])}::uuid[]) order by knowledge_point_id`,
  );
  for (const row of r.rows) out.set(row.itemId, [...(out.get(row.itemId) ?? []), row.kp]);
  return out;
}

export interface NewMistake {
  itemId: string;
  number: number;
  part: number;
  knowledgePointIds: string[];
  answer: AnswerValue | null;
}

/**
 * Adds the attempt's wrong answers not recorded before. A student already holding an open entry
 * for the same item (from another paper) keeps that one.
 */
export async function insertMistakes(
  tx: Tx,
  o: { attemptId: string; studentId: string; path: string; subjectCode: string; rows: readonly NewMistake[] },
): Promise<number> {
  if (o.rows.length === 0) return 0;
  const r = await tx.execute(
    sql`insert into mistake (id, student_id, path, item_id, part, subject_code, knowledge_point_ids, attempt_id,
                             number, answer)
        select x.id, ${o.studentId}, ${o.path}::ltree, x.item_id, x.part, ${o.subjectCode}, x.kps,
               ${o.attemptId}, x.number, x.answer
          from jsonb_to_recordset(${JSON.stringify(
            o.rows.map((m) => ({
              id: newId(),
              item_id: m.itemId,
              part: m.part,
              number: m.number,
              kps: m.knowledgePointIds,
              answer: m.answer,
            })),
          )}::jsonb) as x(id uuid, item_id uuid, part smallint, number smallint, kps uuid[], answer jsonb)
         where not exists (select 1 from mistake m where m.attempt_id = ${o.attemptId}
                            and m.number = x.number and m.part = x.part)
        on conflict (student_id, item_id, part) where closed_at is null do nothing
        returning 1`,
  );
  return r.rows.length;
}

/** Open entries of the attempt whose answers a regrade made right: they were never mistakes. */
export async function deleteOpenMistakes(
  tx: Tx,
  attemptId: string,
  leaves: readonly { number: number; part: number }[],
): Promise<number> {
  if (leaves.length === 0) return 0;
  const r = await tx.execute(
    sql`delete from mistake m using jsonb_to_recordset(${JSON.stringify(leaves)}::jsonb) as x(number smallint, part smallint)
         where m.attempt_id = ${attemptId} and m.closed_at is null and m.number = x.number and m.part = x.part
        returning 1`,
  );
  return r.rows.length;
}

export interface EntryRow {
  id: string;
  itemId: string;
  part: number;
  subjectCode: string;
  knowledgePointIds: string[];
  number: number | null;
  answer: AnswerValue | null;
  correctSimilar: number;
  closedAt: string | null;
  createdAt: string;
  assignmentTitle: string | null;
  score: number | null;
  maxScore: number | null;
  /** The item as it stood on the paper (or the bank's, when the attempt is gone). */
  content: ItemContent | null;
}

/** Entries are seen only once the scores of their assignment are released. */
const released = sql`(m.attempt_id is null or a.released_at is not null)`;

/** A student's entries (one entry when `id` is given), released ones only, open first, newest first. */
export async function listEntries(tx: Tx, studentId: string, id?: string): Promise<EntryRow[]> {
  const r = await tx.execute<EntryRow & Record<string, unknown>>(
    sql`select m.id, m.item_id as "itemId", m.part, m.subject_code as "subjectCode",
               m.knowledge_point_ids as "knowledgePointIds", m.number, m.answer,
               m.correct_similar as "correctSimilar", m.closed_at as "closedAt", m.created_at as "createdAt",
               a.title as "assignmentTitle", r.score, r.max_score as "maxScore",
               coalesce((select it->'content' from jsonb_array_elements(p.document->'sections') s,
                                 jsonb_array_elements(s->'items') it
                          where (it->>'number')::int = m.number limit 1),
                        -- The bank's item only for practice entries, read only then: joined, it was
                        -- read (and its row policy checked) for every entry.
                        (select i.content from item i where i.id = m.item_id and m.attempt_id is null)) as content
          from mistake m
          left join attempt t on t.id = m.attempt_id
          left join assignment a on a.id = t.assignment_id
          left join paper p on p.id = a.paper_id
          left join response r on r.attempt_id = t.id and r.number = m.number and r.part = m.part
         where m.student_id = ${studentId} and ${released} and ${id ? sql`m.id = ${id}` : sql`true`}
         order by m.closed_at is not null, m.created_at desc, m.id limit 500`,
  );
  return r.rows.map((x) => ({ ...x, closedAt: iso(x.closedAt), createdAt: iso(x.createdAt)! }));
}

export async function knowledgePointNames(tx: Tx, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const r = await tx.execute<{ id: string; name: string }>(
    sql`select id, name from knowledge_point where id = any(${sql.param([...ids])}::uuid[])`,
  );
  return new Map(r.rows.map((x) => [x.id, x.name]));
}

/** The entry, locked for a practice answer; released ones only. */
export async function lockEntry(tx: Tx, mistakeId: string, studentId: string) {
  const r = await tx.execute<{
    id: string;
    path: string;
    itemId: string;
    knowledgePointIds: string[];
    correctSimilar: number;
    closedAt: unknown;
    createdAt: unknown;
  }>(
    sql`select m.id, m.path::text as path, m.item_id as "itemId", m.knowledge_point_ids as "knowledgePointIds",
               m.correct_similar as "correctSimilar", m.closed_at as "closedAt", m.created_at as "createdAt"
          from mistake m left join attempt t on t.id = m.attempt_id left join assignment a on a.id = t.assignment_id
         where m.id = ${mistakeId} and m.student_id = ${studentId} and ${released}
         for update of m`,
  );
  const row = r.rows[0];
  return row && { ...row, closedAt: iso(row.closedAt), createdAt: iso(row.createdAt)! };
}

/**
 * Items the student may be given for this entry (read under a system scope: learners do not read
 * the bank): objective items of the same subject sharing a knowledge point, at nearby difficulty
 * (±0.2 of the entry's item), shared with the student's school, district or the city, or written
 * by one of their teachers; never the entry's item, and never one whose key the student has seen
 * (in their notebook, a practice before, or on a paper they were given). Nearest difficulty
 * first; `itemId` checks one item against the same rule.
 */
export async function similarItems(tx: Tx, mistakeId: string, itemId?: string) {
  const r = await tx.execute<{
    id: string;
    content: ItemContent;
    difficulty: number;
    knowledgePointIds: string[];
  }>(
    sql`with e as (select m.id, m.student_id, m.item_id, m.subject_code, m.knowledge_point_ids, m.path,
                          coalesce(i0.difficulty, 0.6) as d
                     from mistake m left join item i0 on i0.id = m.item_id where m.id = ${mistakeId}),
             classes as (select s.class_id from student s, e where s.person_id = e.student_id
                         union select tm.teaching_class_id from teaching_class_member tm, e where tm.student_id = e.student_id),
             teachers as (select ta.teacher_id as id from teaching_assignment ta where ta.class_id in (select class_id from classes)
                          union select ra.person_id from role_assignment ra
                           where ra.role = 'head_teacher' and ra.active and ra.org_unit_id in (select class_id from classes))
        select i.id, i.content, i.difficulty,
               array(select k.knowledge_point_id from item_knowledge_point k where k.item_id = i.id) as "knowledgePointIds"
          from item i, e
         where not i.retired and i.id <> e.item_id and i.subject_code = e.subject_code
           and i.type in ('single_choice', 'multiple_choice', 'true_false', 'fill_in')
           and ${itemId ? sql`i.id = ${itemId}` : sql`true`}
           and abs(i.difficulty - e.d) <= 0.2
           and exists (select 1 from item_knowledge_point k where k.item_id = i.id
                        and k.knowledge_point_id = any(e.knowledge_point_ids))
           and (i.share = 'city' or (i.share = 'district' and i.path <@ subpath(e.path, 0, 2))
                or (i.share = 'school' and i.path <@ subpath(e.path, 0, 3))
                or i.author_id in (select id from teachers))
           and not exists (select 1 from mistake x where x.student_id = e.student_id and x.item_id = i.id)
           and not exists (select 1 from practice_answer pa where pa.student_id = e.student_id and pa.item_id = i.id)
           and not exists (select 1 from attempt t join assignment a on a.id = t.assignment_id
                             join paper_item pi on pi.paper_id = a.paper_id
                            where t.student_id = e.student_id and pi.item_id = i.id)
         order by abs(i.difficulty - e.d), md5(i.id::text || e.id::text) limit 1`,
  );
  return r.rows[0];
}

/** The practice answer already given to this item for this entry (a retried request). */
export async function findPractice(tx: Tx, mistakeId: string, itemId: string) {
  const r = await tx.execute<{ correct: boolean; content: ItemContent }>(
    sql`select pa.correct, i.content from practice_answer pa join item i on i.id = pa.item_id
         where pa.mistake_id = ${mistakeId} and pa.item_id = ${itemId} limit 1`,
  );
  return r.rows[0];
}

export async function insertPractice(
  tx: Tx,
  p: {
    studentId: string;
    path: string;
    mistakeId: string;
    itemId: string;
    value: AnswerValue;
    correct: boolean;
  },
): Promise<void> {
  await tx.execute(
    sql`insert into practice_answer (id, student_id, path, mistake_id, item_id, value, correct)
        values (${newId()}, ${p.studentId}, ${p.path}::ltree, ${p.mistakeId}, ${p.itemId},
                ${JSON.stringify(p.value)}::jsonb, ${p.correct})`,
  );
}

/** One more correct similar answer; the entry closes at `closeAt`. */
export async function countCorrectSimilar(tx: Tx, mistakeId: string, closeAt: number) {
  const r = await tx.execute<{ correctSimilar: number; closedAt: unknown }>(
    sql`update mistake set correct_similar = correct_similar + 1,
               closed_at = case when correct_similar + 1 >= ${closeAt} then now() else null end
         where id = ${mistakeId}
        returning correct_similar as "correctSimilar", closed_at as "closedAt"`,
  );
  const row = r.rows[0]!;
  return { correctSimilar: row.correctSimilar, closedAt: iso(row.closedAt) };
}

/**
 * The student's released entries by subject: open now, opened (released) and closed since
 * `since`. Counts of this one student only; nothing compares them with anyone.
 */
export async function summaryBySubject(tx: Tx, studentId: string, since: Date) {
  return (
    await tx.execute<{ subjectCode: string; open: number; total: number; opened: number; closed: number }>(
      sql`select m.subject_code as "subjectCode",
                 count(*) filter (where m.closed_at is null)::int as open, count(*)::int as total,
                 count(*) filter (where greatest(m.created_at, a.released_at) >= ${since.toISOString()}::timestamptz)::int as opened,
                 count(*) filter (where m.closed_at >= ${since.toISOString()}::timestamptz)::int as closed
            from mistake m left join attempt t on t.id = m.attempt_id left join assignment a on a.id = t.assignment_id
           where m.student_id = ${studentId} and ${released}
           group by m.subject_code order by m.subject_code`,
    )
  ).rows;
}

/** The knowledge points of the student's released entries, most open entries first. */
export async function summaryByPoint(tx: Tx, studentId: string) {
  return (
    await tx.execute<{ id: string; name: string; subjectCode: string; open: number; total: number }>(
      sql`select kp.id, kp.name, m.subject_code as "subjectCode",
                 count(*) filter (where m.closed_at is null)::int as open, count(*)::int as total
            from mistake m left join attempt t on t.id = m.attempt_id left join assignment a on a.id = t.assignment_id
            cross join unnest(m.knowledge_point_ids) as k(id) join knowledge_point kp on kp.id = k.id
           where m.student_id = ${studentId} and ${released}
           group by kp.id, kp.name, m.subject_code order by open desc, total desc, kp.name limit 30`,
    )
  ).rows;
}

/** A picture of an item the reader may see (row-level security: a released notebook item, for a learner). */
export async function findNotebookPicture(tx: Tx, key: string) {
  const r = await tx.execute<{ storageKey: string; mime: string }>(
    sql`select f.storage_key as "storageKey", f.mime from item_file f
         where f.storage_key = ${key} and exists (select 1 from item i where i.id = f.item_id)`,
  );
  return r.rows[0];
}

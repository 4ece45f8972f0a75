import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';

/** Whether the person teaches the subject this term (in any class). */
export async function teachesSubjectNow(tx: Tx, personId: string, subjectCode: string): Promise<boolean> {
  const res =
    await tx.execute(sql`select 1 from teaching_assignment ta join term t on t.id = ta.term_id and t.current
    where ta.teacher_id = ${personId} and ta.subject_code = ${subjectCode} limit 1`);
  return res.rows.length > 0;
}

export type QuestionRow = {
  id: string;
  body: string;
  createdAt: string;
  askerId: string;
  askerName: string;
  /** The asker speaks as staff (holds a staff role and is no learner): shown by full name. */
  askerStaff: boolean;
  answers: { id: string; body: string; createdAt: string; answererName: string; answererId: string }[];
};

/** The latest 200 questions on a resource, newest first, each with its answers in order. */
export async function listQuestions(tx: Tx, resourceId: string): Promise<QuestionRow[]> {
  const rows = await tx.execute<QuestionRow>(sql`
    select q.id, q.body, q.created_at as "createdAt", q.asker_id as "askerId", p.name as "askerName",
           (p.staff and not p.learner) as "askerStaff",
           coalesce((select json_agg(json_build_object('id', a.id, 'body', a.body, 'createdAt', a.created_at,
                      'answererName', ap.name, 'answererId', a.answerer_id) order by a.created_at)
                       from resource_answer a join person_directory ap on ap.id = a.answerer_id where a.question_id = q.id), '[]') as answers
      from resource_question q join person_directory p on p.id = q.asker_id
     where q.resource_id = ${resourceId} order by q.created_at desc limit 200`);
  return rows.rows;
}

export async function insertQuestion(
  tx: Tx,
  q: { id: string; resourceId: string; askerId: string; body: string },
): Promise<void> {
  await tx.execute(sql`insert into resource_question (id, resource_id, asker_id, body)
    values (${q.id}, ${q.resourceId}, ${q.askerId}, ${q.body})`);
}

/** Who asked a question on this resource; undefined when there is no such question there. */
export async function findAsker(tx: Tx, resourceId: string, questionId: string): Promise<string | undefined> {
  const q = await tx.execute<{ askerId: string }>(sql`select asker_id as "askerId" from resource_question
    where id = ${questionId} and resource_id = ${resourceId}`);
  return q.rows[0]?.askerId;
}

export async function insertAnswer(
  tx: Tx,
  a: { id: string; questionId: string; answererId: string; body: string },
): Promise<void> {
  await tx.execute(sql`insert into resource_answer (id, question_id, answerer_id, body)
    values (${a.id}, ${a.questionId}, ${a.answererId}, ${a.body})`);
}

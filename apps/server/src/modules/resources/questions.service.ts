import { sql } from 'drizzle-orm';
import { newId } from '../../platform/db/types.ts';
import { conflict, forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { notify } from '../notifications/notifications.service.ts';
import { STAFF_ROLES, shownName } from './learner-names.ts';

async function resourceOf(ctx: Ctx, id: string) {
  const res = await ctx.db.execute<{
    id: string;
    title: string;
    status: string;
    authorId: string;
    subjectCode: string | null;
    path: string;
  }>(sql`
    select id, title, status, author_id as "authorId", subject_code as "subjectCode", path::text as path from resource where id = ${id}`);
  const r = res.rows[0];
  if (!r) throw notFound('资源');
  return r;
}

/** Whether the actor may answer: the author, or a teacher who teaches the resource's subject this term. */
async function mayAnswer(ctx: Ctx, r: { authorId: string; subjectCode: string | null }) {
  if (r.authorId === ctx.actor.personId) return true;
  if (!(ctx.actor.role === 'teacher' || ctx.actor.role === 'head_teacher') || !r.subjectCode) return false;
  const res =
    await ctx.db.execute(sql`select 1 from teaching_assignment ta join term t on t.id = ta.term_id and t.current
    where ta.teacher_id = ${ctx.actor.personId} and ta.subject_code = ${r.subjectCode} limit 1`);
  return res.rows.length > 0;
}

export async function listQuestions(ctx: Ctx, resourceId: string) {
  const r = await resourceOf(ctx, resourceId);
  const rows = await ctx.db.execute<{
    id: string;
    body: string;
    createdAt: string;
    askerId: string;
    askerName: string;
    askerRole: string;
    answers: { id: string; body: string; createdAt: string; answererName: string; answererId: string }[];
  }>(sql`
    select q.id, q.body, q.created_at as "createdAt", q.asker_id as "askerId", p.name as "askerName",
           coalesce((select ra.role from role_assignment ra where ra.person_id = q.asker_id and ra.active
                      order by ra.role = 'student' desc limit 1), '') as "askerRole",
           coalesce((select json_agg(json_build_object('id', a.id, 'body', a.body, 'createdAt', a.created_at,
                      'answererName', ap.name, 'answererId', a.answerer_id) order by a.created_at)
                       from resource_answer a join person ap on ap.id = a.answerer_id where a.question_id = q.id), '[]') as answers
      from resource_question q join person p on p.id = q.asker_id
     where q.resource_id = ${resourceId} order by q.created_at desc limit 200`);
  return {
    canAnswer: await mayAnswer(ctx, r),
    questions: rows.rows.map(({ askerId, askerRole, askerName, answers, ...q }) => ({
      ...q,
      mine: askerId === ctx.actor.personId,
      askerName: shownName(ctx, askerName, STAFF_ROLES.has(askerRole), askerId === ctx.actor.personId),
      answers: answers.map(({ answererId: _a, ...a }) => a),
    })),
  };
}

/** Anyone who can see a published resource may ask; its author hears of it. */
export async function ask(ctx: Ctx, resourceId: string, body: string) {
  const r = await resourceOf(ctx, resourceId);
  if (r.status !== 'published') throw conflict('资源发布后才能提问');
  const id = newId();
  await ctx.db.execute(sql`insert into resource_question (id, resource_id, asker_id, body)
    values (${id}, ${resourceId}, ${ctx.actor.personId}, ${body})`);
  if (r.authorId !== ctx.actor.personId)
    await notify(ctx.db, {
      personId: r.authorId,
      kind: 'qa.question',
      title: `《${r.title}》有新的提问`,
      body,
      link: `/resources/${resourceId}`,
    });
  await ctx.audit({
    action: 'resource.question',
    targetType: 'resource',
    targetId: resourceId,
    orgPath: r.path,
  });
  return { id };
}

/** The author or a teacher of the subject answers; the asker is notified. */
export async function answer(ctx: Ctx, resourceId: string, questionId: string, body: string) {
  const r = await resourceOf(ctx, resourceId);
  if (!(await mayAnswer(ctx, r))) throw forbidden('只有作者或本学科教师可以回答');
  const q = await ctx.db.execute<{ askerId: string }>(sql`select asker_id as "askerId" from resource_question
    where id = ${questionId} and resource_id = ${resourceId}`);
  const asker = q.rows[0]?.askerId;
  if (!asker) throw notFound('问题');
  const id = newId();
  await ctx.db.execute(sql`insert into resource_answer (id, question_id, answerer_id, body)
    values (${id}, ${questionId}, ${ctx.actor.personId}, ${body})`);
  if (asker !== ctx.actor.personId)
    await notify(ctx.db, {
      personId: asker,
      kind: 'qa.answer',
      title: `${ctx.actor.name}老师回答了你在《${r.title}》的提问`,
      body,
      link: `/resources/${resourceId}`,
    });
  await ctx.audit({
    action: 'resource.answer',
    targetType: 'resource',
    targetId: resourceId,
    orgPath: r.path,
  });
  return { id };
}

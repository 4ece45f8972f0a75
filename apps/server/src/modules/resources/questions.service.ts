import { newId } from '../../platform/db/types.ts';
import { conflict, forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { bookTitle, notify } from '../notifications/notifications.service.ts';
import { shownName } from './learner-names.ts';
import * as repo from './questions.repository.ts';
import { findResourceHead } from './resources.repository.ts';

async function resourceOf(ctx: Ctx, id: string) {
  const r = await findResourceHead(ctx.db, id);
  if (!r) throw notFound('资源');
  return r;
}

/** Whether the actor may answer: the author, or a teacher who teaches the resource's subject this term. */
async function mayAnswer(ctx: Ctx, r: { authorId: string; subjectCode: string | null }) {
  if (r.authorId === ctx.actor.personId) return true;
  if (!(ctx.actor.role === 'teacher' || ctx.actor.role === 'head_teacher') || !r.subjectCode) return false;
  return repo.teachesSubjectNow(ctx.db, ctx.actor.personId, r.subjectCode);
}

export async function listQuestions(ctx: Ctx, resourceId: string) {
  const r = await resourceOf(ctx, resourceId);
  const rows = await repo.listQuestions(ctx.db, resourceId);
  return {
    canAnswer: await mayAnswer(ctx, r),
    questions: rows.map(({ askerId, askerStaff, askerName, answers, ...q }) => ({
      ...q,
      mine: askerId === ctx.actor.personId,
      askerName: shownName(ctx, askerName, askerStaff, askerId === ctx.actor.personId),
      answers: answers.map(({ answererId: _a, ...a }) => a),
    })),
  };
}

/** Anyone who can see a published resource may ask; its author hears of it. */
export async function ask(ctx: Ctx, resourceId: string, body: string) {
  const r = await resourceOf(ctx, resourceId);
  if (r.status !== 'published') throw conflict('资源发布后才能提问');
  const id = newId();
  await repo.insertQuestion(ctx.db, { id, resourceId, askerId: ctx.actor.personId, body });
  if (r.authorId !== ctx.actor.personId)
    await notify(ctx.db, {
      personId: r.authorId,
      kind: 'qa.question',
      title: `${bookTitle(r.title)}有新的提问`,
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
  const asker = await repo.findAsker(ctx.db, resourceId, questionId);
  if (!asker) throw notFound('问题');
  const id = newId();
  await repo.insertAnswer(ctx.db, { id, questionId, answererId: ctx.actor.personId, body });
  if (asker !== ctx.actor.personId)
    await notify(ctx.db, {
      personId: asker,
      kind: 'qa.answer',
      title: `${ctx.actor.name}老师回答了你在${bookTitle(r.title)}的提问`,
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

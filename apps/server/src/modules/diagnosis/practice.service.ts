/**
 * A student practises (A8, issue 11 §6): the items of a recommended point (unseen ones first,
 * near their level) or of a teacher's push, one by one, each graded at once with its explanation;
 * the answer is stored (a `practice_answer` without a mistake) and folded into the point's mastery
 * in the same transaction, audited. A retried request gets the first answer's result and changes
 * nothing. Items come from the bank under a system scope (learners never read the bank), without
 * their key until answered.
 */
import { asSystem } from '../../platform/db/scoped.ts';
import { badRequest, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { gradeLeaf } from '../assessment/grading.ts';
import type { AnswerValue, ItemContent } from '../assessment/item-model.ts';
import { practiceView } from '../assessment/notebook.service.ts';
import { recordPracticeMastery } from './mastery.service.ts';
import { levelOf } from './mastery-levels.ts';
import * as repo from './practice.repository.ts';
import { listPushes } from './push.repository.ts';
import * as rec from './recommend.repository.ts';
import { ITEMS_PER_POINT, recommendationsFor, targetDifficulty } from './recommend.service.ts';

const PURPOSE = 'personal-practice';

const leaves = (rows: readonly { id: string; content: ItemContent }[]) =>
  rows.flatMap((r) => (r.content.type === 'composite' ? [] : [practiceView(r.id, r.content)]));

async function masteryView(ctx: Ctx, kp: string) {
  const m = await rec.masteryOf(ctx.db, ctx.actor.personId, kp);
  return m ? { p: m.p, level: levelOf(m.p), answers: m.correct + m.wrong } : null;
}

/**
 * The practice set of the signed-in student: a push's items (`push`), or items of a recommended
 * point (`kp`), with the point's mastery now. Items of a push already answered are marked.
 */
export async function practiceSet(ctx: Ctx, o: { kp?: string; push?: string }) {
  const me = ctx.actor.personId;
  if (o.push) {
    const push = await repo.pushToStudent(ctx.db, o.push, me);
    if (!push) throw notFound('推送');
    const items = await asSystem(ctx.db, PURPOSE, () => repo.itemsById(ctx.db, push.itemIds));
    const answered = await repo.answersTo(ctx.db, me, push.itemIds);
    const [p] = await listPushes(ctx.db, { id: push.id });
    return {
      knowledgePoint: { id: push.kp, name: p?.kpName ?? '' },
      pushId: push.id,
      push: p ? { byName: p.byName, note: p.note } : null,
      reason: null,
      mastery: await masteryView(ctx, push.kp),
      items: leaves(items).map((i) => ({ ...i, answered: answered.get(i.id) ?? null })),
    };
  }
  if (!o.kp) throw badRequest('请指定知识点或推送', { field: 'kp' });
  const kp = o.kp;
  const names = await rec.pointNames(ctx.db, [kp]);
  if (!names.has(kp)) throw notFound('知识点');
  const [r] = await recommendationsFor(ctx, me, kp);
  const m = await masteryView(ctx, kp);
  const items = await asSystem(ctx.db, PURPOSE, () =>
    rec.itemsForStudent(ctx.db, {
      studentId: me,
      kp,
      target: targetDifficulty(m?.p ?? 0.5),
      limit: ITEMS_PER_POINT,
    }),
  );
  return {
    knowledgePoint: { id: kp, name: names.get(kp)!.name },
    pushId: null,
    push: null,
    reason: r ? { text: r.reason, p: r.p, recent: r.recent, cause: r.cause } : null,
    mastery: m,
    items: leaves(items).map((i) => ({ ...i, answered: null })),
  };
}

export interface TPracticeAnswer {
  itemId: string;
  knowledgePointId: string;
  pushId?: string;
  value: AnswerValue;
}

/**
 * Grades an answer at once and moves the point's mastery. The item must be one the student may be
 * given on the point (or one of a push to them); answered before, the first result comes back.
 */
export async function answer(ctx: Ctx, input: TPracticeAnswer) {
  const me = ctx.actor.personId;
  const kp = input.knowledgePointId;
  await repo.lockAnswer(ctx.db, me, input.itemId);
  const before = await asSystem(ctx.db, PURPOSE, () => repo.findAnswer(ctx.db, me, input.itemId));
  if (before) {
    const m = await masteryView(ctx, kp);
    return {
      correct: before.correct,
      solution: before.content,
      before: m?.p ?? null,
      mastery: m,
      repeated: true,
    };
  }
  let content: ItemContent | undefined;
  if (input.pushId) {
    const push = await repo.pushToStudent(ctx.db, input.pushId, me);
    if (!push || push.kp !== kp || !push.itemIds.includes(input.itemId))
      throw badRequest('这道题不在推送给你的练习里', { field: 'itemId' });
    content = (await asSystem(ctx.db, PURPOSE, () => repo.itemsById(ctx.db, [input.itemId])))[0]?.content;
  } else {
    const m0 = await rec.masteryOf(ctx.db, me, kp);
    const [item] = await asSystem(ctx.db, PURPOSE, () =>
      rec.itemsForStudent(ctx.db, {
        studentId: me,
        kp,
        target: targetDifficulty(m0?.p ?? 0.5),
        limit: 1,
        itemId: input.itemId,
      }),
    );
    content = item?.content;
  }
  if (!content || content.type === 'composite')
    throw badRequest('这道题不是为你准备的练习题', { field: 'itemId' });
  const path = await rec.studentPath(ctx.db, me);
  if (!path) throw notFound('学生');
  const old = await rec.masteryOf(ctx.db, me, kp);
  const correct = gradeLeaf(content, input.value, 1).status === 'correct';
  await repo.insertAnswer(ctx.db, { studentId: me, path, itemId: input.itemId, value: input.value, correct });
  await recordPracticeMastery(ctx.db, { studentId: me, path, itemId: input.itemId, correct });
  const m = await masteryView(ctx, kp);
  await ctx.audit({
    action: 'practice.answer',
    targetType: 'item',
    targetId: input.itemId,
    subjectPersonId: me,
    details: {
      knowledgePointId: kp,
      pushId: input.pushId ?? null,
      correct,
      before: old?.p ?? null,
      after: m?.p ?? null,
    },
  });
  return { correct, solution: content, before: old?.p ?? null, mastery: m, repeated: false };
}

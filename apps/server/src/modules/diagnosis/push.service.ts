/**
 * Teachers push and adjust practice (A8, issue 11 §6): a teacher of a class sees what the class
 * is recommended (points × students weak on them), picks the students and items for one point and
 * pushes them (推送练习) — the students see it first on their home with the teacher's name as the
 * reason and get a notification — then follows who has practised and how the point's mastery moved
 * since. A teacher may also turn a point off for the class's automatic recommendations.
 */
import { badRequest, conflict, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { notifyEach } from '../notifications/notifications.service.ts';
import { levelOf, WEAK_BELOW } from './mastery-levels.ts';
import * as repo from './push.repository.ts';
import { itemsForClass } from './recommend.repository.ts';
import { MIN_EVIDENCE, targetDifficulty } from './recommend.service.ts';

/** Items proposed for a push. */
const PROPOSED_ITEMS = 5;

async function classOrFail(ctx: Ctx, classId: string) {
  const c = await repo.classOf(ctx.db, classId);
  if (!c) throw notFound('班级');
  return c;
}

/** "王老师": how a pupil names a teacher (the family name and 老师). */
export const teacherTitle = (name: string): string => (name ? `${[...name][0]}老师` : '老师');

/** A push's reason as its students read it: "王老师推送：…". */
export const pushReason = (byName: string, kpName: string, note: string): string =>
  `${teacherTitle(byName)}推送：${note.trim() || `练习『${kpName}』`}`;

function summarise(progress: Awaited<ReturnType<typeof repo.pushProgress>>, pushId: string) {
  const mine = progress.filter((x) => x.pushId === pushId);
  return {
    students: mine.length,
    practised: mine.filter((x) => x.answered > 0).length,
  };
}

/** The class's recommendations in figures and its pushes. */
export async function classPractice(ctx: Ctx, classId: string) {
  const c = await classOrFail(ctx, classId);
  const points = await repo.classWeakPoints(ctx.db, {
    classId,
    weakBelow: WEAK_BELOW,
    minAnswers: MIN_EVIDENCE,
  });
  const pushes = await repo.listPushes(ctx.db, { classId });
  const progress = await repo.pushProgress(
    ctx.db,
    pushes.map((p) => p.id),
  );
  return {
    class: { id: c.id, name: c.name },
    points,
    pushes: pushes.map((p) => ({
      id: p.id,
      knowledgePoint: { id: p.kp, name: p.kpName },
      items: p.itemIds.length,
      note: p.note,
      byName: p.byName,
      createdAt: p.createdAt,
      ...summarise(progress, p.id),
    })),
  };
}

/** One point of the class: its students (the weak ones marked), the proposed items, whether it is turned off. */
export async function pointPractice(ctx: Ctx, classId: string, kp: string) {
  const c = await classOrFail(ctx, classId);
  const point = await repo.pointOf(ctx.db, kp);
  if (!point) throw notFound('知识点');
  const students = (await repo.studentsOnPoint(ctx.db, classId, kp)).map((s) => ({
    ...s,
    level: s.p === null ? null : levelOf(s.p),
    weak: s.p !== null && s.p < WEAK_BELOW && s.answers >= MIN_EVIDENCE,
  }));
  const weak = students.filter((s) => s.weak);
  const avg = weak.length > 0 ? weak.reduce((a, s) => a + (s.p ?? 0), 0) / weak.length : WEAK_BELOW;
  // The bank as the teacher sees it (row-level security): items they may give their class.
  const items = await itemsForClass(ctx.db, {
    classId,
    kp,
    target: targetDifficulty(avg),
    limit: PROPOSED_ITEMS,
  });
  return {
    class: { id: c.id, name: c.name },
    knowledgePoint: point,
    muted: await repo.isMuted(ctx.db, classId, kp),
    students,
    items,
  };
}

export interface TNewPush {
  /** The client's idempotency key of this submission (one per filled-in form). */
  key: string;
  knowledgePointId: string;
  itemIds: string[];
  studentIds: string[];
  note: string;
}

/**
 * The push a retried submission made the first time; a key reused for another class or point is
 * a client's error, refused rather than answered with the wrong push.
 */
async function earlierPush(ctx: Ctx, classId: string, input: TNewPush) {
  const done = await repo.pushByKey(ctx.db, ctx.actor.personId, input.key);
  if (!done) return undefined;
  if (done.classId !== classId || done.kp !== input.knowledgePointId)
    throw conflict('这个提交编号已用于另一次推送，请刷新页面后重试');
  return { id: done.id, repeated: true };
}

/**
 * 推送练习: stores the push, tells each student, audits it. Idempotent on the client's key: the
 * same submission again (a double click, a retried request) answers with the first push and
 * neither stores nor notifies anything more.
 */
export async function createPush(ctx: Ctx, classId: string, input: TNewPush) {
  const c = await classOrFail(ctx, classId);
  const earlier = await earlierPush(ctx, classId, input);
  if (earlier) return earlier;
  const itemIds = [...new Set(input.itemIds)];
  const items = await itemsForClass(ctx.db, {
    classId,
    kp: input.knowledgePointId,
    target: 0.5,
    limit: itemIds.length,
    itemIds,
  });
  if (items.length !== itemIds.length)
    throw badRequest('有题目不存在、无权使用、不是客观题或正用于未发布成绩的考试', { field: 'itemIds' });
  const students = await repo.classStudents(ctx.db, classId, input.knowledgePointId, [
    ...new Set(input.studentIds),
  ]);
  if (students.length !== new Set(input.studentIds).size)
    throw badRequest('有学生不在这个班级', { field: 'studentIds' });
  const kpName = (await repo.pointOf(ctx.db, input.knowledgePointId))?.name;
  if (kpName === undefined) throw badRequest('知识点不存在', { field: 'knowledgePointId' });
  const note = input.note.trim();
  const id = await repo.insertPush(ctx.db, {
    classId,
    path: c.path,
    kp: input.knowledgePointId,
    itemIds,
    note,
    by: ctx.actor.personId,
    key: input.key,
    students,
  });
  if (id === undefined) {
    // A concurrent twin of this submission stored it first.
    const winner = await earlierPush(ctx, classId, input);
    if (winner) return winner;
    throw conflict('推送未能保存，请刷新后重试');
  }
  await notifyEach(ctx.db, repo.pushRecipients(id), {
    kind: 'practice_push',
    title: `${teacherTitle(ctx.actor.name)}给你推送了练习：${kpName}`,
    body: note || `共 ${itemIds.length} 道题，练完能看到掌握度的变化`,
    link: `/diagnosis/practice/learn?push=${id}`,
  });
  await ctx.audit({
    action: 'practice.push',
    targetType: 'practice_push',
    targetId: id,
    details: {
      classId,
      knowledgePointId: input.knowledgePointId,
      items: itemIds.length,
      students: students.length,
    },
  });
  return { id, repeated: false };
}

/** One push with each student's practice and the point's mastery then and now. */
export async function pushDetail(ctx: Ctx, pushId: string) {
  const [p] = await repo.listPushes(ctx.db, { id: pushId });
  if (!p) throw notFound('推送');
  const progress = await repo.pushProgress(ctx.db, [p.id]);
  return {
    id: p.id,
    classId: p.classId,
    knowledgePoint: { id: p.kp, name: p.kpName },
    items: p.itemIds.length,
    note: p.note,
    byName: p.byName,
    createdAt: p.createdAt,
    students: progress.map((s) => ({
      id: s.studentId,
      name: s.name,
      answered: s.answered,
      correct: s.correct,
      pBefore: s.pBefore,
      pNow: s.pNow,
    })),
  };
}

/** 调整: turns the point off (or on again) for the class's automatic recommendations. */
export async function setMute(ctx: Ctx, classId: string, kp: string, muted: boolean) {
  const c = await classOrFail(ctx, classId);
  const changed = await repo.setMuted(ctx.db, { classId, path: c.path, kp, by: ctx.actor.personId, muted });
  if (changed)
    await ctx.audit({
      action: muted ? 'practice.mute' : 'practice.unmute',
      targetType: 'org_unit',
      targetId: classId,
      details: { knowledgePointId: kp },
    });
  return { muted };
}

/** The pushes to a student, newest first, with their practice and the point's mastery then and now. */
export async function pushesOfStudent(ctx: Ctx, studentId: string) {
  const pushes = await repo.listPushes(ctx.db, { studentId, limit: 10 });
  const progress = await repo.pushProgress(
    ctx.db,
    pushes.map((p) => p.id),
    studentId,
  );
  return pushes.map((p) => {
    const mine = progress.find((x) => x.pushId === p.id);
    const answered = mine?.answered ?? 0;
    return {
      id: p.id,
      knowledgePoint: { id: p.kp, name: p.kpName },
      byName: p.byName,
      note: p.note,
      reason: pushReason(p.byName, p.kpName, p.note),
      createdAt: p.createdAt,
      items: p.itemIds.length,
      answered,
      correct: mine?.correct ?? 0,
      done: answered >= p.itemIds.length,
      pBefore: mine?.pBefore ?? null,
      pNow: mine?.pNow ?? null,
    };
  });
}

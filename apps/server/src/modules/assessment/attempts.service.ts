/**
 * Answering homework and exams (A4): a student starts their one attempt at an assignment, receives
 * the paper without its key, saves each answer as it is given (idempotent, ordered by the client's
 * sequence), moves through a paper-free exam, and submits. The server's clock and deadline decide;
 * the deadline job closes what the browser leaves open.
 *
 * Saves are not written to the audit trail one by one: `response_save` is their own append-only
 * record (who, when, what, under which client key), and the trail records starting, submitting,
 * expiring and every change of a grade.
 */

import { auditRowOf } from '../../platform/audit/audit.ts';
import type { Tx } from '../../platform/db/client.ts';
import { withScope } from '../../platform/db/scoped.ts';
import { newId } from '../../platform/db/types.ts';
import { type AppError, badRequest, conflict, notFound } from '../../platform/errors/app-error.ts';
import { actorDbScope, type Ctx } from '../../platform/http/context.ts';
import { answerSaves } from './answer-saves.ts';
import { findAssignmentForStudent } from './assignments.repository.ts';
import { attemptStarts } from './attempt-starts.ts';
import { ownerOf, paperFor, rememberOwner } from './attempts.cache.ts';
import { answerMismatch, leafKey } from './attempts.paper.ts';
import * as repo from './attempts.repository.ts';
import type { AnswerValue } from './item-model.ts';
import { gradeAndClose } from './marking.service.ts';

export interface TSave {
  key: string;
  seq: number;
  number: number;
  part: number;
  value: AnswerValue;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The student's own attempt, or not found (someone else's attempt is indistinguishable from none).
 * What is not in memory is read in short transactions of their own (under the student's scope), not
 * in the request's: a save then holds no pooled connection while it waits for its group commit, and
 * one waiting for a paper another request is reading holds none either. After a restart, with
 * nothing in memory, saves holding every connection would otherwise leave the group commit none.
 */
async function ownAttempt(ctx: Ctx, attemptId: string) {
  const read = <T>(fn: (tx: Tx) => Promise<T>) =>
    withScope(ctx.deps.database, actorDbScope(ctx.actor, ctx.scope), fn);
  const owner = await read((tx) => ownerOf(ctx.deps, tx, attemptId));
  if (!owner || owner.studentId !== ctx.actor.personId) throw notFound('作答');
  const paper = await read((tx) => paperFor(ctx.deps, tx, owner.assignmentId));
  if (!paper) throw notFound('作答');
  return { owner, paper };
}

/**
 * Starts the student's attempt (or returns the one already started: a second tap, a second device).
 * Refused before the window opens, after it closes, and for a class the assignment was not given to.
 * A first start inside the window, what a class starting an exam together does, needs no statement
 * of its own: it is written with the others (attempt-starts.ts).
 */
export async function startAttempt(ctx: Ctx, assignmentId: string) {
  const studentId = ctx.actor.personId;
  const id = newId();
  // Written with other students' starts (group commit), with its audit row.
  const started = await attemptStarts(ctx.deps.database).write({
    id,
    assignmentId,
    studentId,
    memberPaths: ctx.scope.memberPaths,
    audit: auditRowOf(ctx.origin, {
      action: 'attempt.start',
      targetType: 'attempt',
      targetId: id,
      subjectPersonId: studentId,
    }),
  });
  if (started) {
    rememberOwner(ctx.deps, id, { studentId, assignmentId });
    return attemptView(ctx, id, started);
  }
  // Started before (or by another request at the same moment, whose attempt stands), or refused.
  const existing = await repo.findAttemptOf(ctx.db, assignmentId, studentId);
  if (existing) return attemptView(ctx, existing.id);
  const a = await findAssignmentForStudent(ctx.db, assignmentId, ctx.scope.memberPaths);
  if (!a) throw notFound('作业');
  if (a.now < a.opensAt)
    throw conflict('还未到开始时间', { reason: 'not_open', opensAt: a.opensAt.toISOString() });
  throw conflict('作答时间已结束', { reason: 'closed' });
}

/**
 * The attempt as the answering page needs it: the paper (keyless until release), the answers saved,
 * the clock. `known`: the attempt as just read or started, which need not be read again.
 */
export async function attemptView(ctx: Ctx, attemptId: string, known?: repo.AttemptForView) {
  const { paper } = await ownAttempt(ctx, attemptId);
  const t = known ?? (await repo.findAttemptForView(ctx.db, attemptId));
  if (!t) throw notFound('作答');
  const responses = t.responses;
  const released = t.releasedAt !== null;
  return {
    id: t.id,
    assignmentId: t.assignmentId,
    title: t.title,
    kind: t.kind,
    status: t.status,
    paperFree: paper.paperFree,
    forwardOnly: paper.forwardOnly,
    startedAt: t.startedAt.toISOString(),
    deadlineAt: t.deadlineAt.toISOString(),
    submittedAt: iso(t.submittedAt),
    serverNow: t.now.toISOString(),
    furthest: t.furthest,
    focusLosses: t.focusLosses,
    lastSeq: responses.reduce((m, r) => Math.max(m, r.seq), 0),
    paper: paper.student,
    answers: responses.map((r) => ({
      number: r.number,
      part: r.part,
      value: r.value,
      seq: r.seq,
      savedAt: r.savedAt.toISOString(),
    })),
    released,
    ...(released
      ? {
          score: t.score,
          totalScore: paper.document.totalScore,
          results: responses.map((r) => ({
            number: r.number,
            part: r.part,
            score: r.score,
            maxScore: r.maxScore,
          })),
          key: paper.document,
        }
      : {}),
  };
}

/**
 * Saves one answer. A retry under the same key is acknowledged again and changes nothing; an answer
 * to an item the paper does not have, after the deadline, after submission, or to an item a
 * forward-only paper has left behind is refused and changes nothing.
 */
export async function saveAnswer(ctx: Ctx, attemptId: string, save: TSave) {
  const { paper } = await ownAttempt(ctx, attemptId);
  const leaf = paper.leaves.get(leafKey(save.number, save.part));
  if (!leaf)
    throw badRequest('试卷中没有这道题', { reason: 'not_in_paper', number: save.number, part: save.part });
  const mismatch = answerMismatch(leaf.content, save.value);
  if (mismatch) throw badRequest(mismatch, { reason: 'answer_shape', number: save.number, part: save.part });
  const params = {
    attemptId,
    studentId: ctx.actor.personId,
    key: save.key,
    number: save.number,
    part: save.part,
    seq: save.seq,
    value: save.value,
    responseId: newId(),
    maxScore: leaf.maxScore,
  };
  // Written with other students' saves (group commit), unless reaching this item moves a
  // forward-only paper on, which is this attempt's own step.
  const out = paper.forwardOnly
    ? await repo.saveForwardResponse(ctx.db, { ...params, forwardIndex: leaf.index })
    : await answerSaves(ctx.deps.database).write(params);
  if (out.receivedAt) {
    return ack(save, out.receivedAt, out.applied, false);
  }
  // Nothing was logged: the key was used before (a retry, acknowledged again even after the
  // deadline), or the attempt does not take answers now.
  const earlier = await repo.findSave(ctx.db, attemptId, save.key);
  if (earlier) {
    if (earlier.number !== save.number || earlier.part !== save.part || earlier.seq !== save.seq)
      throw conflict('保存编号已被另一次作答使用', { reason: 'key_reused' });
    return ack(save, earlier.receivedAt, earlier.currentSeq === earlier.seq, true);
  }
  throw await refusal(ctx, attemptId, leaf.index);
}

const ack = (save: TSave, at: Date, current: boolean, repeated: boolean) => ({
  key: save.key,
  seq: save.seq,
  number: save.number,
  part: save.part,
  savedAt: at.toISOString(),
  /** False when a later answer to the same item (a higher seq) was saved first. */
  current,
  /** True when this key had been saved before (the acknowledgement of a retry). */
  repeated,
});

/** Why an attempt takes no answer now, as the error the client shows. */
async function refusal(ctx: Ctx, attemptId: string, index?: number): Promise<AppError> {
  const t = await repo.findAttempt(ctx.db, attemptId);
  if (!t) return notFound('作答');
  if (t.status === 'submitted') return conflict('已经交卷，不能再修改答案', { reason: 'submitted' });
  if (t.status === 'expired' || t.deadlineAt <= t.now)
    return conflict('作答时间已到，答案未能保存', { reason: 'deadline_passed' });
  if (index !== undefined && index < t.furthest)
    return conflict('本卷不能返回修改前面的题目', { reason: 'locked', furthest: t.furthest });
  return conflict('当前不能保存答案', { reason: 'closed' });
}

/** Paper-free exams: moves to item `index`; a forward-only paper refuses going back. */
export async function moveToItem(ctx: Ctx, attemptId: string, index: number) {
  const { paper } = await ownAttempt(ctx, attemptId);
  if (index >= paper.items) throw badRequest('试卷中没有这道题', { reason: 'not_in_paper' });
  if (!(await repo.moveTo(ctx.db, attemptId, ctx.actor.personId, index, paper.forwardOnly)))
    throw await refusal(ctx, attemptId, index);
  return { furthest: index };
}

/** Paper-free exams: the number of times the page lost focus, as counted by the browser so far. */
export async function reportFocusLosses(ctx: Ctx, attemptId: string, count: number) {
  await ownAttempt(ctx, attemptId);
  const r = await repo.recordFocusLosses(ctx.db, attemptId, ctx.actor.personId, count);
  if (!r) throw await refusal(ctx, attemptId);
  return r;
}

/**
 * Submits: objective answers are graded at once. A second submit answers as the first did; a submit
 * after the deadline is refused (the deadline job closes and grades that attempt).
 */
export async function submitAttempt(ctx: Ctx, attemptId: string) {
  const { owner } = await ownAttempt(ctx, attemptId);
  const t = await repo.lockAttempt(ctx.db, attemptId);
  if (!t) throw notFound('作答');
  if (t.status === 'submitted') return { status: t.status, submittedAt: iso(t.submittedAt) };
  if (t.status === 'expired' || t.deadlineAt <= t.now)
    throw conflict('作答时间已到，不能再交卷；已保存的答案由系统自动收卷', { reason: 'deadline_passed' });
  const graded = await gradeAndClose(
    ctx.deps,
    ctx.db,
    { id: attemptId, assignmentId: owner.assignmentId },
    'submitted',
  );
  await ctx.audit({
    action: 'attempt.submit',
    targetType: 'attempt',
    targetId: attemptId,
    subjectPersonId: ctx.actor.personId,
    details: { objectiveScore: graded.objectiveScore, waiting: graded.waiting },
  });
  const after = await repo.findAttempt(ctx.db, attemptId);
  return { status: 'submitted' as const, submittedAt: iso(after?.submittedAt ?? null) };
}

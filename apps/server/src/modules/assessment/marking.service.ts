/**
 * Grades (A5): objective answers graded when an attempt closes (submitted by the student, or
 * expired by the deadline job), the regrade of a blank across an assignment, and the release of
 * scores. Every change of a grade after grading is audited with the old and new scores.
 */
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Tx } from '../../platform/db/client.ts';
import { runJob } from '../../platform/db/jobs.ts';
import { systemScope, withScope } from '../../platform/db/scoped.ts';
import { badRequest, conflict, notFound } from '../../platform/errors/app-error.ts';
import type { AppDeps, Ctx } from '../../platform/http/context.ts';
import { rebuildAttemptsMastery, recordAttemptMastery } from '../diagnosis/mastery.service.ts';
import { assertManages } from './assignments.policy.ts';
import { paperFor } from './attempts.cache.ts';
import { leafKey } from './attempts.paper.ts';
import * as attempts from './attempts.repository.ts';
import type { TKeyChange } from './attempts.schema.ts';
import { gradeObjective, gradeResponses, withKeyChanges } from './marking.grade.ts';
import * as repo from './marking.repository.ts';
import { recordMistakes } from './notebook.service.ts';

/**
 * Grades a locked, open attempt and closes it: objective answers scored now, subjective ones left
 * for marking; the total counts once nothing waits for a marker.
 */
export async function gradeAndClose(
  deps: AppDeps,
  tx: Tx,
  attempt: { id: string; assignmentId: string },
  status: 'submitted' | 'expired',
) {
  const paper = await paperFor(deps, tx, attempt.assignmentId);
  if (!paper) throw new Error(`the paper of assignment ${attempt.assignmentId} cannot be read`);
  const key = await repo.findKeyState(tx, attempt.assignmentId, 'key share');
  const responses = await attempts.listResponses(tx, attempt.id);
  const { graded, objectiveScore, complete } = gradeResponses(paper.leaves, key?.keyChanges ?? [], responses);
  await repo.writeGrades(tx, graded);
  const subjective = graded.reduce((s, g) => s + (g.autoScore === null ? (g.score ?? 0) : 0), 0);
  const score = complete ? objectiveScore + subjective : null;
  await attempts.closeAttempt(tx, { id: attempt.id, status, objectiveScore, score });
  // Wrong objective answers go to the notebook now (shown once the scores are released); an attempt
  // with answers for markers goes there when its marking completes.
  // … and its answers into the student's knowledge mastery (diagnosis), likewise.
  if (complete) {
    await recordMistakes(tx, attempt.id);
    await recordAttemptMastery(tx, attempt.id);
  }
  return { objectiveScore, score, waiting: graded.filter((g) => g.needsMarking).length };
}

export interface TRegrade {
  number: number;
  part: number;
  blankId: string;
  accepted: string[];
  reason?: string;
}

/**
 * The teacher accepts more answers for one blank: the key change is kept with the assignment (so
 * attempts still open are graded with it at submission), every closed attempt's answer to that
 * item is graded again, and each changed score is recorded as a regrade mark and in the audit
 * trail with its old and new value. After release the change needs a reason.
 */
export async function regradeBlank(ctx: Ctx, assignmentId: string, input: TRegrade) {
  await assertManages(ctx, assignmentId);
  const state = await repo.findKeyState(ctx.db, assignmentId, 'update');
  if (!state) throw notFound('作业');
  if (state.releasedAt && !input.reason?.trim())
    throw badRequest('成绩已发布，改判须填写原因', { field: 'reason' });
  const paper = await paperFor(ctx.deps, ctx.db, assignmentId);
  const leaf = paper?.leaves.get(leafKey(input.number, input.part));
  if (leaf?.content.type !== 'fill_in' || !leaf.content.blanks.some((b) => b.id === input.blankId))
    throw badRequest('试卷中没有这个填空', {
      number: input.number,
      part: input.part,
      blankId: input.blankId,
    });
  const change: TKeyChange = {
    number: input.number,
    part: input.part,
    blankId: input.blankId,
    accepted: input.accepted,
    by: ctx.actor.personId,
    at: new Date().toISOString(),
    reason: input.reason?.trim() || null,
  };
  const changes = [...state.keyChanges, change];
  await repo.saveKeyChanges(ctx.db, assignmentId, changes);
  const content = withKeyChanges(leaf, changes);
  const affected = await repo.closedResponsesTo(ctx.db, assignmentId, input.number, input.part);
  const changed = affected.flatMap((r) => {
    const g = gradeObjective(content, r.value, leaf.maxScore);
    return g.score === r.score ? [] : [{ ...r, newScore: g.score, detail: g.detail }];
  });
  await repo.writeGrades(
    ctx.db,
    changed.map((r) => ({
      id: r.id,
      autoScore: r.newScore,
      score: r.newScore,
      needsMarking: false,
      detail: r.detail,
    })),
  );
  await repo.insertRegradeMarks(
    ctx.db,
    ctx.actor.personId,
    change.reason,
    changed.map((r) => ({ responseId: r.id, score: r.newScore })),
  );
  const regraded = [...new Set(changed.map((r) => r.attemptId))];
  const totals = await repo.refreshTotals(ctx.db, regraded);
  // A regraded answer enters or leaves the notebook (recordMistakes skips attempts still marked).
  for (const id of regraded) await recordMistakes(ctx.db, id);
  await rebuildAttemptsMastery(ctx.db, regraded);
  const byAttempt = new Map(totals.map((t) => [t.id, t]));
  await ctx.audit({
    action: 'assignment.regrade',
    targetType: 'assignment',
    targetId: assignmentId,
    subjectIds: [...new Set(changed.map((r) => r.studentId))],
    details: {
      number: input.number,
      part: input.part,
      blankId: input.blankId,
      accepted: input.accepted,
      reason: change.reason,
      afterRelease: state.releasedAt !== null,
      changes: changed.map((r) => ({
        attemptId: r.attemptId,
        studentId: r.studentId,
        oldScore: r.score,
        newScore: r.newScore,
        total: byAttempt.get(r.attemptId)?.score ?? null,
      })),
    },
  });
  return { examined: affected.length, changed: changed.length };
}

/**
 * Releases the scores: the window must have closed, every attempt be closed and every subjective
 * answer be marked. From then on students and their parents see scores and the key.
 */
export async function releaseScores(ctx: Ctx, assignmentId: string) {
  await assertManages(ctx, assignmentId);
  const state = await repo.findKeyState(ctx.db, assignmentId, 'update');
  if (!state) throw notFound('作业');
  if (state.releasedAt) return { releasedAt: state.releasedAt.toISOString() };
  const open = await repo.releaseBlockers(ctx.db, assignmentId);
  if (open.windowOpen) throw conflict('作答时间尚未结束，不能发布成绩', { reason: 'window_open' });
  if (open.inProgress > 0)
    throw conflict('还有学生正在作答，收卷后才能发布成绩', { reason: 'in_progress', count: open.inProgress });
  if (open.unmarked > 0)
    throw conflict(`还有 ${open.unmarked} 份主观题答案未批阅`, { reason: 'unmarked', count: open.unmarked });
  const releasedAt = await repo.markReleased(ctx.db, assignmentId);
  await ctx.audit({ action: 'assignment.release', targetType: 'assignment', targetId: assignmentId });
  return { releasedAt: releasedAt.toISOString() };
}

/** How many attempts the deadline job closes in one transaction. */
const BATCH = 200;

/**
 * The deadline job's one run: every attempt past its deadline and still open is graded and marked
 * expired, whatever the student's browser does; then assignments whose window closed with no
 * attempt open are marked closed. Several instances may run it at once (the attempts are locked
 * with SKIP LOCKED). Returns how many attempts it closed.
 */
export async function closeDueAttemptsIn(
  deps: AppDeps,
  tx: Tx,
): Promise<{ expired: number; closed: number }> {
  let expired = 0;
  const students: string[] = [];
  for (;;) {
    const due = await attempts.dueAttempts(tx, BATCH);
    for (const a of due) {
      await gradeAndClose(deps, tx, a, 'expired');
      students.push(a.studentId);
    }
    expired += due.length;
    if (due.length < BATCH) break;
  }
  const closed = await attempts.markClosedAssignments(tx);
  if (expired > 0) {
    await writeAudit(
      tx,
      { actorName: 'system', actorRole: 'system' },
      { action: 'attempt.expire', subjectIds: students, details: { attempts: expired } },
    );
  }
  return { expired, closed };
}

/**
 * Looks (cheaply, every few seconds) for attempts past their deadline or windows to close, and only
 * then runs the deadline job, so the job's record (系统运行) lists runs that did something.
 */
export async function closeDueAttempts(deps: AppDeps) {
  const due = await withScope(deps.database, systemScope('attempt-deadline-check'), (tx) =>
    attempts.anythingDue(tx),
  );
  if (!due) return { expired: 0, closed: 0 };
  return runJob(deps.database, 'attempt-deadline', (tx) => closeDueAttemptsIn(deps, tx));
}

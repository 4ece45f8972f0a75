/**
 * Knowledge mastery kept current (A7, issue 11 §3): every graded answer — an attempt once its
 * scores are complete, a practice answer — folds into the student's state in the transaction that
 * graded it, and the per-point estimates the views read are rewritten with it. A change of a grade
 * after the fact (a regrade, a late mark) rebuilds that student from all their answers, and the
 * nightly recompute rebuilds everyone, so the estimates never drift from the answers.
 */
import {
  DEFAULT_MASTERY_PARAMS,
  emptyState,
  type MasteryParams,
  type MasteryState,
  steadyMastery,
  update,
} from '@hanlin/analytics/tracing';
import type { Tx } from '../../platform/db/client.ts';
import { asSystem } from '../../platform/db/scoped.ts';
import * as repo from './mastery.repository.ts';

/** The model's parameters: fitted on ASSISTments 2009 (every point of ours "typical" for now). */
export const MASTERY_PARAMS: MasteryParams = DEFAULT_MASTERY_PARAMS;

/** The per-point rows of a state; `touched` points get `at` as their last answer time. */
function pointsOf(state: MasteryState, lastAt: ReadonlyMap<string, Date>): repo.StudentMastery['points'] {
  return Object.entries(state.skills).map(([kp, c]) => ({
    kp,
    p: steadyMastery(MASTERY_PARAMS, state, kp),
    correct: c.s,
    wrong: c.f,
    lastAt: lastAt.get(kp) ?? null,
  }));
}

/** Folds answers (oldest first) into `state`, noting when each point was last answered. */
function fold(state: MasteryState, answers: readonly repo.MasteryAnswer[], lastAt: Map<string, Date>) {
  let s = state;
  for (const a of answers) {
    s = update(MASTERY_PARAMS, s, { skill: a.skills, correct: a.correct });
    for (const kp of a.skills) lastAt.set(kp, a.at);
  }
  return s;
}

async function foldInto(tx: Tx, answers: readonly repo.MasteryAnswer[]): Promise<number> {
  const last = answers[answers.length - 1];
  if (!last) return 0;
  const lastAt = new Map<string, Date>();
  const state = fold((await repo.lockState(tx, last.studentId)) ?? emptyState(), answers, lastAt);
  await repo.saveMastery(tx, [
    { studentId: last.studentId, path: last.path, state, points: pointsOf(state, lastAt) },
  ]);
  return answers.length;
}

/**
 * A closed attempt's answers enter its student's mastery (call once, when its scores are complete:
 * at grading when nothing waits for a marker). Works under a system scope of its own inside the
 * caller's transaction, like the notebook.
 */
export function recordAttemptMastery(tx: Tx, attemptId: string): Promise<number> {
  return asSystem(tx, 'knowledge-mastery', async () =>
    foldInto(tx, await repo.attemptAnswers(tx, attemptId)),
  );
}

/** A graded practice answer enters the student's mastery. */
export function recordPracticeMastery(
  tx: Tx,
  answer: { studentId: string; path: string; itemId: string; correct: boolean },
): Promise<number> {
  return asSystem(tx, 'knowledge-mastery', async () => {
    const skills = await repo.itemSkills(tx, answer.itemId);
    if (skills.length === 0) return 0;
    return foldInto(tx, [{ ...answer, skills, at: new Date() }]);
  });
}

/** Rebuilds students from all their answers: after a grade changed, and nightly for everyone. */
function rebuild(answers: readonly repo.MasteryAnswer[]): repo.StudentMastery[] {
  const out: repo.StudentMastery[] = [];
  for (let i = 0; i < answers.length; ) {
    let j = i;
    while (j < answers.length && answers[j]!.studentId === answers[i]!.studentId) j++;
    const mine = answers.slice(i, j);
    const lastAt = new Map<string, Date>();
    const state = fold(emptyState(), mine, lastAt);
    out.push({
      studentId: mine[0]!.studentId,
      path: mine[mine.length - 1]!.path,
      state,
      points: pointsOf(state, lastAt),
    });
    i = j;
  }
  return out;
}

/** These students' mastery rebuilt from all their answers (a grade of theirs changed). */
export function rebuildStudentsMastery(tx: Tx, studentIds: readonly string[]): Promise<number> {
  if (studentIds.length === 0) return Promise.resolve(0);
  return asSystem(tx, 'knowledge-mastery', async () => {
    for (const id of studentIds) await repo.lockState(tx, id);
    const built = rebuild(await repo.gradedAnswers(tx, studentIds));
    await repo.saveMastery(tx, built, true);
    return built.length;
  });
}

/** Students written per statement by the nightly recompute. */
const BATCH = 500;

/**
 * Students whose answers the nightly recompute reads at a time: its memory holds one batch's
 * answers, not the city's. Reading everyone's at once, a city of 1,000,000 students with 7.5
 * million graded answers ran the server out of its 4 GB heap.
 */
const READ_BATCH = 2_000;

/**
 * The nightly recompute: every student's state and estimates from all their answers, in the
 * caller's transaction (all or nothing), `readBatch` students at a time. `progress(done, total)`
 * reports students done.
 */
export async function recomputeAllMastery(
  tx: Tx,
  progress?: (done: number, total: number) => void | Promise<void>,
  readBatch = READ_BATCH,
): Promise<{ students: number; answers: number; points: number }> {
  return asSystem(tx, 'knowledge-mastery', () => recomputeAll(tx, progress, readBatch));
}

async function recomputeAll(
  tx: Tx,
  progress: ((done: number, total: number) => void | Promise<void>) | undefined,
  readBatch: number,
): Promise<{ students: number; answers: number; points: number }> {
  // Everyone with an answer, and everyone with estimates (whose answers may be gone).
  const ids = await repo.studentsToRecompute(tx);
  let students = 0;
  let answers = 0;
  let points = 0;
  for (let i = 0; i < ids.length; i += readBatch) {
    const batch = ids.slice(i, i + readBatch);
    const read = await repo.gradedAnswers(tx, batch);
    const built = rebuild(read);
    for (let j = 0; j < built.length; j += BATCH)
      points += await repo.saveMastery(tx, built.slice(j, j + BATCH), true);
    // Students of the batch with no graded answer on a knowledge point (left) keep no estimates.
    const kept = new Set(built.map((b) => b.studentId));
    await repo.deleteMasteryOf(
      tx,
      batch.filter((id) => !kept.has(id)),
    );
    students += built.length;
    answers += read.length;
    await progress?.(Math.min(i + readBatch, ids.length), ids.length);
  }
  return { students, answers, points };
}

/** After grades of these attempts changed: their students' mastery rebuilt from all their answers. */
export function rebuildAttemptsMastery(tx: Tx, attemptIds: readonly string[]): Promise<number> {
  return asSystem(tx, 'knowledge-mastery', async () =>
    rebuildStudentsMastery(tx, await repo.studentsOfAttempts(tx, attemptIds)),
  );
}

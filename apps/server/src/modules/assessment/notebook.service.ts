/**
 * The mistake notebook (错题本, A6). Every wrong or partly wrong answer of a graded attempt becomes
 * an entry with the correct answer and explanation, by subject and knowledge point; the student sees
 * it once the assignment's scores are released (the key never reaches a student before). "练一练"
 * draws a similar item from the bank the student may be given, grades the answer at once, and
 * closes the entry after two correct similar answers. Guardians see a summary; the entries
 * themselves only for a child under 14 (see `childNotebook`).
 */

import { codeLabel } from '../../platform/codes/codes.repository.ts';
import type { Tx } from '../../platform/db/client.ts';
import { asSystem } from '../../platform/db/scoped.ts';
import { AppError, badRequest, conflict, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { recordPracticeMastery } from '../diagnosis/mastery.service.ts';
import { findDataSubject } from '../roster/students.service.ts';
import {
  CORRECT_SIMILAR_TO_CLOSE,
  gradeLeaf,
  isCorrectSimilarAnswer,
  isMistake,
  withMarkedScore,
} from './grading.ts';
import type { AnswerValue, ItemContent, LeafItem } from './item-model.ts';
import { leafKeyOf, paperLeaves } from './marking-flow.paper.ts';
import { notebookDocument, withoutExamHeader } from './notebook.print.ts';
import * as repo from './notebook.repository.ts';
import { paperHtml } from './print/print-html.ts';
import { printPdf } from './print/print-pdf.ts';

/**
 * Records the wrong answers of an attempt in its student's notebook: every leaf graded below full
 * marks (unanswered ones too), except essays, and except leaves still waiting for a marker. Safe to
 * call again (after marking, after a regrade): a leaf is recorded once per attempt, and an open
 * entry whose answer a regrade made right is removed. For the homework flow to call when an attempt
 * is graded (objective items at submission) and for marking when it completes; it works under a
 * system scope of its own inside the caller's transaction, so any caller's scope will do.
 */
export async function recordMistakes(tx: Tx, attemptId: string): Promise<{ added: number; removed: number }> {
  return asSystem(tx, 'mistake-notebook', async () => {
    const a = await repo.attemptForNotebook(tx, attemptId);
    if (!a || a.status === 'in_progress' || !a.document) return { added: 0, removed: 0 };
    const responses = new Map(
      (await repo.responsesOf(tx, attemptId)).map((r) => [leafKeyOf(r.number, r.part), r]),
    );
    const wrong: { itemId: string; number: number; part: number; answer: AnswerValue | null }[] = [];
    const right: { number: number; part: number }[] = [];
    for (const leaf of paperLeaves(a.document)) {
      const r = responses.get(leafKeyOf(leaf.number, leaf.part));
      if (r && r.score === null) continue;
      // The stored score counts (a marker's, or the machine's with the assignment's key changes);
      // grading.ts says whether that is a mistake (an essay never is).
      const max = r?.maxScore ?? leaf.maxScore;
      const isWrong = isMistake(withMarkedScore(gradeLeaf(leaf.content, r?.value, max), r?.score ?? 0));
      if (isWrong)
        wrong.push({ itemId: leaf.itemId, number: leaf.number, part: leaf.part, answer: r?.value ?? null });
      else right.push({ number: leaf.number, part: leaf.part });
    }
    const points = await repo.knowledgePointsOf(tx, [...new Set(wrong.map((w) => w.itemId))]);
    const added = await repo.insertMistakes(tx, {
      attemptId,
      studentId: a.studentId,
      path: a.path,
      subjectCode: a.document.subjectCode,
      rows: wrong.map((w) => ({ ...w, knowledgePointIds: points.get(w.itemId) ?? [] })),
    });
    const removed = await repo.deleteOpenMistakes(tx, attemptId, right);
    return { added, removed };
  });
}

/** The leaf an entry is about: the item, or one part of a composite with its passage. */
function leafOfEntry(
  content: ItemContent | null,
  part: number,
): { leaf: LeafItem | null; stimulus: string | null } {
  if (!content) return { leaf: null, stimulus: null };
  if (content.type !== 'composite') return { leaf: content, stimulus: null };
  return { leaf: content.parts[part - 1]?.content ?? null, stimulus: content.stem };
}

async function entriesView(ctx: Ctx, rows: readonly repo.EntryRow[]) {
  const names = await repo.knowledgePointNames(ctx.db, [
    ...new Set(rows.flatMap((r) => r.knowledgePointIds)),
  ]);
  return rows.map((r) => {
    const { leaf, stimulus } = leafOfEntry(r.content, r.part);
    return {
      id: r.id,
      subjectCode: r.subjectCode,
      knowledgePoints: r.knowledgePointIds.map((id) => ({ id, name: names.get(id) ?? '' })),
      source: r.assignmentTitle,
      number: r.number,
      part: r.part,
      stimulus,
      // The whole leaf with its key and explanation: entries exist for the student only after release.
      item: leaf,
      answer: r.answer,
      score: r.score,
      maxScore: r.maxScore,
      correctSimilar: r.correctSimilar,
      needed: CORRECT_SIMILAR_TO_CLOSE,
      closedAt: r.closedAt,
      createdAt: r.createdAt,
    };
  });
}

/** The student's own notebook: released entries, open first. */
export async function getMyNotebook(ctx: Ctx) {
  return { items: await entriesView(ctx, await repo.listEntries(ctx.db, ctx.actor.personId)) };
}

/**
 * A child's entries for a guardian. Only for a child under 14: the guardian then exercises the
 * child's rights over their data (PIPL Art. 31) and helps with exactly these questions; a child of
 * 14 or more has their own say over their learning record, so their guardians see the summary only
 * (the full record stays reachable through a data-subject request). Audited as a read of the
 * child's data.
 */
export async function childNotebook(ctx: Ctx, studentId: string) {
  const subject = await findDataSubject(ctx.db, ctx.deps.crypto, studentId);
  if (!subject?.isStudent) throw notFound('学生');
  if (!subject.under14)
    throw new AppError('forbidden', '孩子已满 14 周岁，家长可查看错题本汇总，具体题目由孩子本人查看', {
      reason: 'over_14',
    });
  const items = await entriesView(ctx, await repo.listEntries(ctx.db, studentId));
  await ctx.audit({
    action: 'notebook.child.read',
    targetType: 'student',
    targetId: studentId,
    subjectPersonId: studentId,
    details: { entries: items.length },
  });
  return { items };
}

/**
 * What a student sees of a practice item before answering: never its key or explanation (the
 * notebook's practise-similar and personalised practice, diagnosis, both give items this way).
 */
export function practiceView(id: string, c: LeafItem) {
  switch (c.type) {
    case 'single_choice':
    case 'multiple_choice':
      return { id, type: c.type, stem: c.stem, options: c.options, blanks: [] };
    case 'fill_in':
      return {
        id,
        type: c.type,
        stem: c.stem,
        options: [],
        blanks: c.blanks.map((b) => ({ id: b.id, kind: b.kind })),
      };
    default:
      return { id, type: c.type, stem: c.stem, options: [], blanks: [] };
  }
}

async function ownOpenEntry(ctx: Ctx, mistakeId: string) {
  const e = await repo.lockEntry(ctx.db, mistakeId, ctx.actor.personId);
  if (!e) throw notFound('错题');
  return e;
}

/** "练一练": one similar item for an open entry, without its key; null when the bank has none left. */
export async function drawPractice(ctx: Ctx, mistakeId: string) {
  const e = await ownOpenEntry(ctx, mistakeId);
  if (e.closedAt) throw conflict('这道错题已经掌握，无需再练');
  if (e.knowledgePointIds.length === 0)
    return { correctSimilar: e.correctSimilar, needed: CORRECT_SIMILAR_TO_CLOSE, item: null };
  const found = await asSystem(ctx.db, 'notebook-practice', () => repo.similarItems(ctx.db, mistakeId));
  const item = found && found.content.type !== 'composite' ? practiceView(found.id, found.content) : null;
  return { correctSimilar: e.correctSimilar, needed: CORRECT_SIMILAR_TO_CLOSE, item };
}

export interface TPracticeAnswer {
  itemId: string;
  value: AnswerValue;
}

/**
 * Grades a practice answer at once and counts it towards closing the entry. A retried request for
 * the same item gets the first answer's result again and changes nothing.
 */
export async function answerPractice(ctx: Ctx, mistakeId: string, input: TPracticeAnswer) {
  const e = await ownOpenEntry(ctx, mistakeId);
  // The item of an earlier practice lies beyond the learner's sight of the bank: read as the draw was.
  const before = await asSystem(ctx.db, 'notebook-practice', () =>
    repo.findPractice(ctx.db, mistakeId, input.itemId),
  );
  if (before) {
    return {
      correct: before.correct,
      solution: before.content,
      correctSimilar: e.correctSimilar,
      needed: CORRECT_SIMILAR_TO_CLOSE,
      closed: e.closedAt !== null,
    };
  }
  if (e.closedAt) throw conflict('这道错题已经掌握，无需再练');
  const item = await asSystem(ctx.db, 'notebook-practice', () =>
    repo.similarItems(ctx.db, mistakeId, input.itemId),
  );
  if (!item || item.content.type === 'composite')
    throw badRequest('这道题不是这条错题的同类练习题', { field: 'itemId' });
  const grade = gradeLeaf(item.content, input.value, 1);
  const correct = grade.status === 'correct';
  // grading.ts's rule of what closes an entry: right, after the mistake, on another item of its knowledge points.
  const counts = isCorrectSimilarAnswer(
    { itemId: e.itemId, knowledgePointIds: e.knowledgePointIds, recordedAt: new Date(e.createdAt) },
    { itemId: item.id, knowledgePointIds: item.knowledgePointIds, answeredAt: new Date(), grade },
  );
  await repo.insertPractice(ctx.db, {
    studentId: ctx.actor.personId,
    path: e.path,
    mistakeId,
    itemId: item.id,
    value: input.value,
    correct,
  });
  await recordPracticeMastery(ctx.db, {
    studentId: ctx.actor.personId,
    path: e.path,
    itemId: item.id,
    correct,
  });
  const after = counts
    ? await repo.countCorrectSimilar(ctx.db, mistakeId, CORRECT_SIMILAR_TO_CLOSE)
    : { correctSimilar: e.correctSimilar, closedAt: null };
  await ctx.audit({
    action: 'notebook.practice',
    targetType: 'mistake',
    targetId: mistakeId,
    subjectPersonId: ctx.actor.personId,
    details: {
      itemId: item.id,
      correct,
      correctSimilar: after.correctSimilar,
      closed: after.closedAt !== null,
    },
  });
  return {
    correct,
    solution: item.content,
    correctSimilar: after.correctSimilar,
    needed: CORRECT_SIMILAR_TO_CLOSE,
    closed: after.closedAt !== null,
  };
}

/** The first moment of this month in Beijing time (the summary's "this month"). */
export function monthStart(now = new Date()): Date {
  const beijing = new Date(now.getTime() + 8 * 3600_000);
  return new Date(Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth(), 1) - 8 * 3600_000);
}

/**
 * A student's notebook in figures, for the student, their guardians and teachers: entries by
 * subject (open, opened and closed this month) and the knowledge points with most open entries.
 * This student's own counts only: no class figures, no ranking (COMPLIANCE §3).
 */
export async function notebookSummary(ctx: Ctx, studentId: string) {
  const since = monthStart();
  const [subjects, points] = [
    await repo.summaryBySubject(ctx.db, studentId, since),
    await repo.summaryByPoint(ctx.db, studentId),
  ];
  // Whether the viewer may open the entries themselves: the student, or a guardian of a child under 14.
  const entriesVisible =
    studentId === ctx.actor.personId ||
    (ctx.actor.role === 'parent' && !!(await findDataSubject(ctx.db, ctx.deps.crypto, studentId))?.under14);
  if (studentId !== ctx.actor.personId) {
    await ctx.audit({
      action: 'notebook.summary.read',
      targetType: 'student',
      targetId: studentId,
      subjectPersonId: studentId,
    });
  }
  return {
    month: new Date(since.getTime() + 8 * 3600_000).toISOString().slice(0, 7),
    entriesVisible,
    open: subjects.reduce((s, x) => s + x.open, 0),
    openedThisMonth: subjects.reduce((s, x) => s + x.opened, 0),
    closedThisMonth: subjects.reduce((s, x) => s + x.closed, 0),
    subjects: subjects.map((s) => ({
      subjectCode: s.subjectCode,
      open: s.open,
      openedThisMonth: s.opened,
      closedThisMonth: s.closed,
    })),
    knowledgePoints: points,
  };
}

/**
 * The student's open entries as a printable PDF (A4) through the printing module: by subject, each
 * question with their answer, the correct answer and the explanation. Pictures come from the store
 * for items the student may see (row-level security decides, as for the entries themselves).
 */
export async function printMyNotebook(ctx: Ctx) {
  const rows = (await repo.listEntries(ctx.db, ctx.actor.personId)).filter((r) => r.closedAt === null);
  const views = await entriesView(ctx, rows);
  const labels = new Map<string, string>();
  for (const code of new Set(rows.map((r) => r.subjectCode)))
    labels.set(code, (await codeLabel(ctx.db, 'subject', code)) ?? code);
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const doc = notebookDocument({
    studentName: ctx.actor.name,
    printedOn: today,
    entries: views.map((v, i) => ({ ...v, itemId: rows[i]!.itemId })),
    subjectLabel: (code) => labels.get(code) ?? code,
  });
  if (!doc) throw conflict('错题本里没有待巩固的错题，无需打印');
  const html = await paperHtml(doc, {
    size: 'A4',
    resolveImage: async (key) => {
      const file = await repo.findNotebookPicture(ctx.db, key);
      if (!file) return undefined;
      const chunks: Buffer[] = [];
      for await (const c of await ctx.deps.storage.read(file.storageKey)) chunks.push(c as Buffer);
      return { bytes: Buffer.concat(chunks), contentType: file.mime };
    },
  });
  const bytes = await printPdf({ ...html, html: withoutExamHeader(html.html) });
  return { fileName: `错题本-${today}.pdf`, bytes };
}

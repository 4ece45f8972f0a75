/**
 * What the mistake notebook (错题本, A6) reads from a grade: whether an item is a mistake, and
 * whether a practice answer counts towards closing an entry. Pure; re-exported by `grading.ts`.
 */
import type { CompositeGrade, ItemGrade, LeafGrade } from './grading.ts';

/** Whether a leaf lost points for good (an essay is judged, not right or wrong, so it is never one). */
function leafIsMistake(grade: LeafGrade): boolean {
  if (grade.needsMarking || grade.type === 'essay') return false;
  return grade.score < grade.maxScore || grade.status !== 'correct';
}

/**
 * Whether a graded item goes into the student's mistake notebook: any objective item or marked
 * short answer that did not earn full marks, including unanswered ones and half-scored multiple
 * choice. Not while the item still waits for marking.
 */
export function isMistake(grade: ItemGrade): boolean {
  return grade.type === 'composite' ? mistakeParts(grade).length > 0 : leafIsMistake(grade);
}

/** The indices of a composite's parts that are mistakes. */
export function mistakeParts(grade: CompositeGrade): number[] {
  const out: number[] = [];
  grade.parts.forEach((p, i) => {
    if (leafIsMistake(p)) out.push(i);
  });
  return out;
}

/** A notebook entry (错题) as the closing rule needs it. */
export interface NotebookEntryFacts {
  itemId: string;
  knowledgePointIds: readonly string[];
  /** When the mistake was recorded: only practice after it counts. */
  recordedAt: Date;
}

/** One practice answer ("practise similar") as the closing rule needs it. */
export interface PracticeFacts {
  itemId: string;
  knowledgePointIds: readonly string[];
  answeredAt: Date;
  grade: ItemGrade;
}

/** An entry closes after this many correct answers to similar items (issue 10, A6). */
export const CORRECT_SIMILAR_TO_CLOSE = 2;

/**
 * Whether a practice answer counts towards closing a notebook entry: fully correct and final,
 * given after the mistake, on another item sharing a knowledge point (the original item, whose
 * answer the student has seen, proves nothing). An entry whose item has no knowledge point has no
 * similar items, so there a correct redo of the item itself counts.
 */
export function isCorrectSimilarAnswer(entry: NotebookEntryFacts, practice: PracticeFacts): boolean {
  const g = practice.grade;
  if (g.needsMarking || g.status !== 'correct' || !(g.maxScore > 0) || g.score < g.maxScore) return false;
  if (!(practice.answeredAt.getTime() > entry.recordedAt.getTime())) return false;
  if (entry.knowledgePointIds.length === 0) return practice.itemId === entry.itemId;
  if (practice.itemId === entry.itemId) return false;
  return practice.knowledgePointIds.some((k) => entry.knowledgePointIds.includes(k));
}

/**
 * How far an entry is towards closing: the correct similar answers so far (distinct items, or
 * distinct answers for an entry without knowledge points) and whether that closes it.
 */
export function notebookProgress(
  entry: NotebookEntryFacts,
  practices: readonly PracticeFacts[],
): { correctSimilar: number; closes: boolean } {
  const counted = new Set<string>();
  let redo = 0;
  for (const p of practices) {
    if (!isCorrectSimilarAnswer(entry, p)) continue;
    if (entry.knowledgePointIds.length === 0) redo++;
    else counted.add(p.itemId);
  }
  const correctSimilar = entry.knowledgePointIds.length === 0 ? redo : counted.size;
  return { correctSimilar, closes: correctSimilar >= CORRECT_SIMILAR_TO_CLOSE };
}

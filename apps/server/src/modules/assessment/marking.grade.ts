/**
 * Grading at submission (A5): the machine's score of each objective answer of an attempt, with the
 * assignment's key changes (the regrade of a blank) applied on top of the paper's key. Pure, no I/O;
 * `gradeObjective` is the one place that calls the item grader.
 */

import { leafKey, type PaperLeaf } from './attempts.paper.ts';
import type { TKeyChange } from './attempts.schema.ts';
import { gradeLeaf } from './grading.ts';
import type { AnswerValue, LeafItem } from './item-model.ts';

export interface LeafGrade {
  score: number;
  /** What was found right: per blank for fill-ins, else the whole answer. */
  detail: Record<string, unknown>;
}

/** The leaf with the answers the teacher accepted later added to its blanks. */
export function withKeyChanges(leaf: PaperLeaf, changes: readonly TKeyChange[]): LeafItem {
  const c = leaf.content;
  if (c.type !== 'fill_in') return c;
  const mine = changes.filter((k) => k.number === leaf.number && k.part === leaf.part);
  if (mine.length === 0) return c;
  return {
    ...c,
    blanks: c.blanks.map((b) => {
      const more = mine.filter((k) => k.blankId === b.id).flatMap((k) => k.accepted);
      return more.length === 0 ? b : { ...b, accepted: [...b.accepted, ...more] };
    }),
  };
}

/**
 * The machine's grade of one objective answer, out of `maxScore`, by the item grader
 * (`grading.ts`: normalised fill-ins, equivalent numbers, units, the 高考 rule for multiple choice).
 * Its grade is kept as the response's detail: it names what was right, never the key.
 */
export function gradeObjective(c: LeafItem, value: AnswerValue, maxScore: number): LeafGrade {
  const g = gradeLeaf(c, value, maxScore);
  return { score: g.score, detail: { ...g } };
}

export interface GradedResponse {
  id: string;
  autoScore: number | null;
  score: number | null;
  needsMarking: boolean;
  detail: Record<string, unknown> | null;
}

/**
 * Grades the saved responses of one attempt: objective ones by the machine, subjective ones left
 * for marking (a blank answer scores 0 without a marker). Returns each response's new grade and the
 * attempt's objective total; `complete` when nothing waits for a marker.
 */
export function gradeResponses(
  leaves: ReadonlyMap<string, PaperLeaf>,
  changes: readonly TKeyChange[],
  responses: readonly { id: string; number: number; part: number; value: AnswerValue }[],
): { graded: GradedResponse[]; objectiveScore: number; complete: boolean } {
  let objectiveScore = 0;
  let complete = true;
  const graded = responses.map((r): GradedResponse => {
    const leaf = leaves.get(leafKey(r.number, r.part));
    if (!leaf) return { id: r.id, autoScore: 0, score: 0, needsMarking: false, detail: { unknown: true } };
    if (leaf.objective) {
      const g = gradeObjective(withKeyChanges(leaf, changes), r.value, leaf.maxScore);
      objectiveScore += g.score;
      return { id: r.id, autoScore: g.score, score: g.score, needsMarking: false, detail: g.detail };
    }
    const blank = 'text' in r.value && r.value.text.trim() === '';
    if (!blank) complete = false;
    return { id: r.id, autoScore: null, score: blank ? 0 : null, needsMarking: !blank, detail: null };
  });
  return { graded, objectiveScore: Math.round(objectiveScore * 100) / 100, complete };
}

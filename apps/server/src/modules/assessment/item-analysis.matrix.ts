/**
 * From a paper's leaves and the graded answers to the inputs of `@hanlin/analytics/items`: one
 * column per leaf (an item, or a part of a composite), one row per graded attempt, and for each
 * choice or judgement leaf the options each student chose. An unanswered leaf scores 0: the attempt
 * was graded, and a blank earns no marks. Pure, no I/O.
 */
import { type ChoiceResponses, choiceMask, type ScoreMatrix } from '@hanlin/analytics/items';
import { leafKeyOf, type NotebookLeaf, paperLeaves } from './marking-flow.paper.ts';
import type { PaperDocument } from './paper-model.ts';

export interface AnalysisLeaf extends NotebookLeaf {
  /** Options in paper order (letters; `T`/`F` for a judgement); empty for other types. */
  options: string[];
  key: string[];
}

export function analysisLeaves(doc: PaperDocument): AnalysisLeaf[] {
  return paperLeaves(doc).map((l) => {
    const c = l.content;
    if (c.type === 'single_choice') return { ...l, options: c.options.map((o) => o.id), key: [c.correct] };
    if (c.type === 'multiple_choice')
      return { ...l, options: c.options.map((o) => o.id), key: [...c.correct] };
    if (c.type === 'true_false') return { ...l, options: ['T', 'F'], key: [c.correct ? 'T' : 'F'] };
    return { ...l, options: [], key: [] };
  });
}

export interface GradedAnswer {
  /** 1-based row of the attempt. */
  person: number;
  number: number;
  part: number;
  score: number | null;
  chosen: string[] | null;
}

/**
 * The score matrix and choice masks. A leaf's full mark is the paper's, raised to the largest score
 * actually given (a regrade may not round the same way), so no score exceeds it.
 */
export function analysisInputs(
  leaves: readonly AnalysisLeaf[],
  persons: number,
  answers: readonly GradedAnswer[],
): { matrix: ScoreMatrix; choices: ChoiceResponses[] } {
  const items = leaves.length;
  const column = new Map(leaves.map((l, i) => [leafKeyOf(l.number, l.part), i]));
  const scores = new Float64Array(persons * items);
  const maxScores = Float64Array.from(leaves, (l) => l.maxScore);
  const masks = leaves.map((l) => (l.options.length > 0 ? new Int32Array(persons) : null));
  for (const a of answers) {
    const i = column.get(leafKeyOf(a.number, a.part));
    if (i === undefined || a.person < 1 || a.person > persons) continue;
    const s = Math.max(0, a.score ?? 0);
    scores[(a.person - 1) * items + i] = s;
    if (s > maxScores[i]!) maxScores[i] = s;
    const m = masks[i];
    if (m) m[a.person - 1] = choiceMask(leaves[i]!.options, a.chosen);
  }
  const choices: ChoiceResponses[] = [];
  leaves.forEach((l, i) => {
    const chosen = masks[i];
    if (chosen) choices.push({ item: i, options: l.options, key: l.key, chosen });
  });
  return { matrix: { persons, items, scores, maxScores }, choices };
}

/** How a leaf is numbered on the page: `3`, or `3(2)` for the second part of item 3. */
export const leafLabel = (number: number, part: number) => (part > 0 ? `${number}(${part})` : String(number));

/**
 * What the notebook asks of grading: whether a graded leaf is a mistake, and whether a practice
 * answer is right. Pure, no I/O.
 *
 * STAND-IN until `grading.ts` (the item grader with normalised fill-ins: full/half width, equivalent
 * numbers, units) lands on the shared branch: then `practiceIsCorrect` becomes
 * `gradeLeaf(content, value, 1).status === 'correct'` and `leafIsMistake` its `isMistake`; the
 * rules stated here are the ones grading.ts states.
 */
import type { AnswerValue, LeafItem } from './item-model.ts';

/**
 * A graded leaf goes into the notebook when it lost points: any objective item or marked short
 * answer below full marks (half-scored multiple choice and partly right fill-ins included, and
 * unanswered ones). An essay is judged rather than right or wrong, so it never is one.
 */
export function leafIsMistake(content: LeafItem, score: number, maxScore: number): boolean {
  if (content.type === 'essay') return false;
  return score < maxScore;
}

/** Full-width to half-width, spaces and case folded: the plain comparison the stand-in makes. */
const fold = (s: string, caseSensitive: boolean) => {
  const t = s.normalize('NFKC').replace(/\s+/g, '').trim();
  return caseSensitive ? t : t.toLowerCase();
};

/** Whether a practice answer earns full marks. */
export function practiceIsCorrect(content: LeafItem, value: AnswerValue): boolean {
  switch (content.type) {
    case 'single_choice':
      return 'choice' in value && value.choice === content.correct;
    case 'multiple_choice': {
      if (!('choices' in value)) return false;
      const given = new Set(value.choices);
      return given.size === content.correct.length && content.correct.every((c) => given.has(c));
    }
    case 'true_false':
      return 'judgement' in value && value.judgement === content.correct;
    case 'fill_in': {
      if (!('blanks' in value)) return false;
      return content.blanks.every((b) => {
        const given = value.blanks[b.id];
        if (typeof given !== 'string') return false;
        const g = fold(given, b.caseSensitive);
        if (b.kind === 'number') {
          const n = Number(g.replace(b.unit ? fold(b.unit, false) : /$^/, ''));
          return b.accepted.some((a) => {
            const k = Number(fold(a, false));
            return Number.isFinite(n) && Number.isFinite(k) && Math.abs(n - k) <= (b.tolerance ?? 0);
          });
        }
        return b.accepted.some((a) => fold(a, b.caseSensitive) === g);
      });
    }
    case 'short_answer':
    case 'essay':
      // Practice draws objective items only: a subjective answer cannot be graded at once.
      return false;
  }
}

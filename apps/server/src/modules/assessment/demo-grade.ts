/**
 * The grade of a demo answer, in the shape `grading.ts` gives (status, score, per-blank results,
 * the letters given), stored as the response's `detail`.
 *
 * STAND-IN until `grading.ts` (`gradeLeaf`) is on the shared branch: the demo's answers are the key
 * itself, one of its accepted forms, or a known slip, so an exact comparison after folding grades
 * them as the real grader does; the demo test checks the two agree once it lands.
 */
import type { AnswerValue, LeafItem } from './item-model.ts';

export interface DemoGrade {
  type: LeafItem['type'];
  status: 'correct' | 'partial' | 'wrong' | 'unanswered' | 'needs_marking';
  score: number;
  maxScore: number;
  needsMarking: boolean;
  blanks?: {
    id: string;
    correct: boolean;
    weight: number;
    score: number;
    normalisedGiven: string;
    matchedAccepted?: string;
  }[];
  choices?: string[];
  blank?: boolean;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const fold = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
const asNumber = (s: string) => {
  const m = /^(-?\d+(?:\.\d+)?)(?:\/(\d+(?:\.\d+)?))?$/.exec(s);
  return m ? Number(m[1]) / (m[2] ? Number(m[2]) : 1) : Number.NaN;
};

export function gradeDemoLeaf(content: LeafItem, value: AnswerValue, max: number): DemoGrade {
  const g = (status: DemoGrade['status'], score: number, extra: Partial<DemoGrade> = {}): DemoGrade => ({
    type: content.type,
    status,
    score: round2(score),
    maxScore: max,
    needsMarking: status === 'needs_marking',
    ...extra,
  });
  switch (content.type) {
    case 'single_choice':
    case 'multiple_choice': {
      const given = [
        ...new Set('choice' in value ? [value.choice] : 'choices' in value ? value.choices : []),
      ].sort();
      if (given.length === 0) return g('unanswered', 0, { choices: [] });
      const correct = new Set(content.type === 'single_choice' ? [content.correct] : content.correct);
      if (given.some((x) => !correct.has(x))) return g('wrong', 0, { choices: given });
      if (given.length === correct.size) return g('correct', max, { choices: given });
      return content.type === 'multiple_choice' && content.partial !== 'none'
        ? g('partial', max / 2, { choices: given })
        : g('wrong', 0, { choices: given });
    }
    case 'true_false':
      if (!('judgement' in value)) return g('unanswered', 0);
      return value.judgement === content.correct ? g('correct', max) : g('wrong', 0);
    case 'fill_in': {
      const given = 'blanks' in value ? value.blanks : {};
      let right = 0;
      const blanks = content.blanks.map((key) => {
        const raw = fold(given[key.id] ?? '');
        const hit = key.accepted.find((a) =>
          key.kind === 'number'
            ? asNumber(fold(a)) === asNumber(raw.replace(fold(key.unit ?? '\u0000'), ''))
            : fold(a) === raw,
        );
        if (hit !== undefined) right++;
        const weight = 1 / content.blanks.length;
        return {
          id: key.id,
          correct: hit !== undefined,
          weight,
          score: hit !== undefined ? round2(max * weight) : 0,
          normalisedGiven: raw,
          ...(hit === undefined ? {} : { matchedAccepted: hit }),
        };
      });
      const status = right === blanks.length ? 'correct' : right > 0 ? 'partial' : 'wrong';
      return g(status, status === 'correct' ? max : (max * right) / blanks.length, { blanks });
    }
    case 'short_answer':
    case 'essay':
      return g('needs_marking', 0, { blank: !('text' in value) || value.text.trim() === '' });
  }
}

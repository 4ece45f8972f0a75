/**
 * Automatic grading (A5) of the item model's answers, and the facts the mistake notebook (A6) and
 * the regrade of a blank read from it. Pure: no database, no clock; the attempt and notebook
 * services store what it returns.
 *
 * A grade says per blank and per part what was right, but holds nothing of the key beyond what the
 * student got right: a choice grade names the letters given, not the ones missed, and a blank names
 * the accepted answer only when it matched, so a grade shown before release leaks no answer.
 */
import { matchesBlank, normaliseText, parseChoiceLetters, parseJudgement } from '@hanlin/analytics/answers';
import type { AnswerValue, ItemContent, ItemType, LeafItem } from './item-model.ts';

export type GradeStatus = 'correct' | 'partial' | 'wrong' | 'unanswered' | 'needs_marking';

export interface BlankGrade {
  id: string;
  correct: boolean;
  /** Share of the item's score the blank carries (the shares of an item sum to 1). */
  weight: number;
  /** Points earned on this blank. */
  score: number;
  /** The answer as compared; regrading groups answers by it. */
  normalisedGiven: string;
  matchedAccepted?: string;
}

export interface LeafGrade {
  type: Exclude<ItemType, 'composite'>;
  status: GradeStatus;
  /** Points earned; 0 while `needsMarking`. */
  score: number;
  maxScore: number;
  /** Short answer and essay: a teacher gives the score (流水批阅). */
  needsMarking: boolean;
  /** Fill-in: one per blank, in the stem's order. */
  blanks?: BlankGrade[];
  /** Choice items: the letters given, sorted and each once. */
  choices?: string[];
  /** Subjective items: no text was given (the answer may still be a photo of handwriting). */
  blank?: boolean;
}

export interface CompositeGrade {
  type: 'composite';
  status: GradeStatus;
  score: number;
  maxScore: number;
  needsMarking: boolean;
  /** One per part, in the parts' order. */
  parts: LeafGrade[];
}

export type ItemGrade = LeafGrade | CompositeGrade;

/** A leaf's answer, or a composite's answers by part index (an array, or a record keyed "0", "1" …). */
export type ItemAnswer =
  | AnswerValue
  | readonly (AnswerValue | null | undefined)[]
  | Readonly<Record<string, AnswerValue | null | undefined>>
  | null
  | undefined;

const round2 = (x: number) => Math.round(x * 100) / 100;

function leafGrade(
  type: LeafGrade['type'],
  maxScore: number,
  status: GradeStatus,
  score: number,
  extra: Partial<LeafGrade> = {},
): LeafGrade {
  return { type, status, score: round2(score), maxScore, needsMarking: status === 'needs_marking', ...extra };
}

/** The letters of a choice answer in whatever shape it came; null when nothing usable was given. */
function letters(answer: ItemAnswer): string[] | null {
  if (!answer || typeof answer !== 'object' || Array.isArray(answer)) return null;
  const a = answer as Record<string, unknown>;
  if (typeof a.choice === 'string') return parseChoiceLetters(a.choice);
  if (Array.isArray(a.choices)) {
    return parseChoiceLetters(a.choices.filter((c): c is string => typeof c === 'string').join(','));
  }
  if (typeof a.text === 'string') return parseChoiceLetters(a.text);
  return null;
}

function gradeChoice(
  content: Extract<LeafItem, { type: 'single_choice' | 'multiple_choice' }>,
  answer: ItemAnswer,
  max: number,
): LeafGrade {
  const given = letters(answer);
  if (!given || given.length === 0) return leafGrade(content.type, max, 'unanswered', 0, { choices: [] });
  const correct = new Set(content.type === 'single_choice' ? [content.correct] : content.correct);
  const extra = { choices: given };
  if (given.some((letter) => !correct.has(letter))) return leafGrade(content.type, max, 'wrong', 0, extra);
  if (given.length === correct.size) return leafGrade(content.type, max, 'correct', max, extra);
  // A correct proper subset: half the score under the 高考 rule, nothing when all or nothing.
  return content.type === 'multiple_choice' && content.partial !== 'none'
    ? leafGrade(content.type, max, 'partial', max / 2, extra)
    : leafGrade(content.type, max, 'wrong', 0, extra);
}

function gradeTrueFalse(
  content: Extract<LeafItem, { type: 'true_false' }>,
  answer: ItemAnswer,
  max: number,
): LeafGrade {
  const a = (answer && typeof answer === 'object' ? answer : {}) as Record<string, unknown>;
  const given =
    typeof a.judgement === 'boolean'
      ? a.judgement
      : typeof a.text === 'string'
        ? parseJudgement(a.text)
        : null;
  if (given === null) return leafGrade('true_false', max, 'unanswered', 0);
  return given === content.correct
    ? leafGrade('true_false', max, 'correct', max)
    : leafGrade('true_false', max, 'wrong', 0);
}

/**
 * Each blank's share of the score: its `weight` where set, the rest shared equally by the blanks
 * without one, all scaled to sum to 1 (weights a teacher set to more than 1 in total still count
 * in proportion).
 */
export function blankWeights(blanks: readonly { weight?: number }[]): number[] {
  let set = 0;
  let setCount = 0;
  for (const b of blanks) {
    if (typeof b.weight === 'number' && b.weight > 0) {
      set += b.weight;
      setCount++;
    }
  }
  const unset = blanks.length - setCount;
  // Blanks without a weight share what is left, or weigh as the average set blank when nothing is.
  const rest = unset === 0 ? 0 : set < 1 ? (1 - set) / unset : set / setCount;
  const raw = blanks.map((b) => (typeof b.weight === 'number' && b.weight > 0 ? b.weight : rest));
  const total = raw.reduce((s, w) => s + w, 0);
  return total > 0 ? raw.map((w) => w / total) : blanks.map(() => 1 / blanks.length);
}

function gradeFillIn(
  content: Extract<LeafItem, { type: 'fill_in' }>,
  answer: ItemAnswer,
  max: number,
): LeafGrade {
  const a = (answer && typeof answer === 'object' && !Array.isArray(answer) ? answer : {}) as Record<
    string,
    unknown
  >;
  const given = (a.blanks && typeof a.blanks === 'object' ? a.blanks : {}) as Record<string, unknown>;
  // A single-blank item answered as plain text (an old client, an import) is that blank's answer.
  const single = content.blanks.length === 1 && typeof a.text === 'string' ? a.text : undefined;
  const weights = blankWeights(content.blanks);
  let earned = 0;
  let right = 0;
  let answered = 0;
  const blanks: BlankGrade[] = content.blanks.map((key, i) => {
    const raw = single ?? given[key.id];
    const match = matchesBlank(typeof raw === 'string' ? raw : '', key);
    const weight = weights[i]!;
    if (match.normalisedGiven !== '') answered++;
    if (match.correct) {
      right++;
      earned += weight;
    }
    return {
      id: key.id,
      correct: match.correct,
      weight,
      score: match.correct ? round2(max * weight) : 0,
      normalisedGiven: match.normalisedGiven,
      ...(match.matchedAccepted === undefined ? {} : { matchedAccepted: match.matchedAccepted }),
    };
  });
  const status: GradeStatus =
    right === blanks.length ? 'correct' : right > 0 ? 'partial' : answered === 0 ? 'unanswered' : 'wrong';
  return leafGrade('fill_in', max, status, status === 'correct' ? max : max * earned, { blanks });
}

function gradeSubjective(type: 'short_answer' | 'essay', answer: ItemAnswer, max: number): LeafGrade {
  const a = (answer && typeof answer === 'object' ? answer : {}) as Record<string, unknown>;
  const text = typeof a.text === 'string' ? a.text : '';
  // Marked by a teacher even when empty: the answer may be a photo of handwriting (A9).
  return leafGrade(type, max, 'needs_marking', 0, { blank: normaliseText(text.slice(0, 200)) === '' });
}

/**
 * Grades one leaf item worth `score` points. Never throws: an answer of the wrong shape is graded
 * as no answer.
 */
export function gradeLeaf(content: LeafItem, answer: ItemAnswer, score: number): LeafGrade {
  const max = Number.isFinite(score) && score > 0 ? score : 0;
  switch (content.type) {
    case 'single_choice':
    case 'multiple_choice':
      return gradeChoice(content, answer, max);
    case 'true_false':
      return gradeTrueFalse(content, answer, max);
    case 'fill_in':
      return gradeFillIn(content, answer, max);
    case 'short_answer':
    case 'essay':
      return gradeSubjective(content.type, answer, max);
  }
}

function partAnswer(answer: ItemAnswer, index: number): ItemAnswer {
  if (!answer || typeof answer !== 'object') return undefined;
  if (Array.isArray(answer)) return answer[index];
  return (answer as Record<string, AnswerValue | undefined>)[String(index)];
}

/** The status of several grades together. */
function combined(parts: readonly LeafGrade[]): GradeStatus {
  if (parts.some((p) => p.needsMarking)) return 'needs_marking';
  if (parts.every((p) => p.status === 'correct')) return 'correct';
  if (parts.every((p) => p.status === 'unanswered')) return 'unanswered';
  return parts.some((p) => p.score > 0) ? 'partial' : 'wrong';
}

/**
 * Grades an item worth `score` points. A composite's parts keep their proportions of `score`
 * (the paper's score of a composite is normally the sum of its parts' scores, so they keep their
 * own); while a part needs marking the composite does, with the machine's points so far.
 */
export function gradeItem(content: ItemContent, answer: ItemAnswer, score: number): ItemGrade {
  if (content.type !== 'composite') return gradeLeaf(content, answer, score);
  const max = Number.isFinite(score) && score > 0 ? score : 0;
  const own = content.parts.reduce((s, p) => s + p.score, 0);
  const scale = own > 0 ? max / own : 0;
  const parts = content.parts.map((p, i) =>
    gradeLeaf(p.content, partAnswer(answer, i), round2(p.score * scale)),
  );
  const status = combined(parts);
  const earned = status === 'correct' ? max : round2(parts.reduce((s, p) => s + p.score, 0));
  return {
    type: 'composite',
    status,
    score: earned,
    maxScore: max,
    needsMarking: status === 'needs_marking',
    parts,
  };
}

/**
 * A subjective leaf with the score a teacher gave (clamped to 0…max), as the notebook and the
 * result pages read it.
 */
export function withMarkedScore(grade: LeafGrade, points: number): LeafGrade {
  const score = round2(Math.min(grade.maxScore, Math.max(0, Number.isFinite(points) ? points : 0)));
  const status: GradeStatus = score === grade.maxScore ? 'correct' : score > 0 ? 'partial' : 'wrong';
  return { ...grade, status, score, needsMarking: false };
}

/** Re-grades a stored answer after its key changed; `changed` says whether the result moved. */
export function regrade(
  content: ItemContent,
  answer: ItemAnswer,
  score: number,
  previous: ItemGrade,
): { grade: ItemGrade; changed: boolean; oldScore: number; newScore: number } {
  const grade = gradeItem(content, answer, score);
  const changed =
    grade.score !== previous.score ||
    grade.status !== previous.status ||
    blankKey(grade) !== blankKey(previous);
  return { grade, changed, oldScore: previous.score, newScore: grade.score };
}

function blankKey(grade: ItemGrade): string {
  const leaves = grade.type === 'composite' ? grade.parts : [grade];
  return leaves.map((l) => (l.blanks ?? []).map((b) => (b.correct ? '1' : '0')).join('')).join('|');
}

export {
  CORRECT_SIMILAR_TO_CLOSE,
  isCorrectSimilarAnswer,
  isMistake,
  mistakeParts,
  type NotebookEntryFacts,
  notebookProgress,
  type PracticeFacts,
} from './grading-notebook.ts';

/**
 * A parsed question → item content: the type (from the section heading, the options, the blanks and
 * the key), the stem, options, answer, explanation, reference and marking scheme, with the problems
 * a teacher must look at.
 */
import type { ItemType, LeafItem } from '../item-model.ts';
import { blankAnswers, hasLineBlanks, markBlanks } from './blanks.ts';
import { STEM_SCORE } from './markers.ts';
import type { QNode } from './paper-parse.ts';
import { blockHtml, inlineHtml } from './rich-html.ts';
import { type Block, type Line, makeLine, plain, sliceSegs } from './segments.ts';

export const TYPE_NAMES: Record<ItemType, string> = {
  single_choice: '单选题',
  multiple_choice: '多选题',
  true_false: '判断题',
  fill_in: '填空题',
  short_answer: '解答题',
  essay: '作文',
  composite: '综合题',
};

/** A problem with an item, and how much it lowers the confidence. */
export interface Problem {
  message: string;
  weight: number;
}

export interface LeafResult {
  content: LeafItem;
  /** Stated in the stem (`（8 分）`). */
  score?: number;
  blanks: number;
  problems: Problem[];
  missingAnswer: boolean;
}

export interface LeafInput {
  node: QNode;
  /** How the teacher names it in messages: `7`, `11（2）`. */
  label: string;
  /** The type a section heading announced (`composite` is not passed: its parts are guessed). */
  hint?: ItemType;
  answer: Line[];
  explanation: Line[];
  /** A part of a passage's questions: its type is expected to be guessed, no warning for that. */
  quiet?: boolean;
}

const TRUE = /^[\s\u3000]*(√|✓|✔|对|正确|是|T|True)(?![A-Za-z])/i;
const FALSE = /^[\s\u3000]*(×|✗|✘|x|X|错|错误|否|F|False)(?![A-Za-z])/;
const ESSAY = /不少于\s*\d+\s*字|字数不少于|作文|习作|书面表达|词数\s*\d+|\d+\s*词左右|\d+\s*words/;

/** The stem with a stated score taken out of its first lines, and that score. */
export function takeStemScore(stem: Block[]): { stem: Block[]; score?: number } {
  for (let i = 0; i < Math.min(stem.length, 2); i++) {
    const b = stem[i]!;
    if (b.kind !== 'line') continue;
    const m = STEM_SCORE.exec(b.text);
    if (!m) continue;
    const segs = [...sliceSegs(b.segs, 0, m.index), ...sliceSegs(b.segs, m.index + m[0].length)];
    const line = makeLine(segs, b.para, b.center);
    const rest = [...stem];
    rest[i] = line;
    return { stem: rest.filter((x) => x.kind !== 'line' || x.text.trim()), score: Number(m[1]) };
  }
  return { stem };
}

const linesText = (lines: Line[]) =>
  lines
    .map((l) => plain(l.segs))
    .join('\n')
    .trim();

/** `……6 分` at the end of a line of a worked answer → a marking-scheme line. */
function rubricOf(answer: Line[], score: number | undefined): { points: number; description: string }[] {
  const lines: { points: number; description: string }[] = [];
  let pending: string[] = [];
  for (const l of answer) {
    const text = plain(l.segs)
      .replace(/^[\s\u3000]*解[:：]/, '')
      .trim();
    const m = /[…．.·]{2,}[\s\u3000]*(\d+(?:\.\d+)?)[\s\u3000]*分[\s\u3000]*$/.exec(text);
    if (!m) {
      if (text) pending.push(text);
      continue;
    }
    const description = [...pending, text.slice(0, m.index).trim()].filter(Boolean).join(' ').slice(0, 2000);
    pending = [];
    if (description) lines.push({ points: Number(m[1]), description });
  }
  return score === undefined ? lines : stepPoints(lines, score);
}

/**
 * Marking schemes write either each step's points or the running total (……6 分, ……12 分); a
 * non-decreasing list ending at the item's score whose sum exceeds it is a running total.
 */
export function stepPoints<T extends { points: number }>(lines: T[], score: number): T[] {
  const running =
    lines.length > 1 &&
    lines.every((l, i) => i === 0 || l.points >= lines[i - 1]!.points) &&
    lines.at(-1)!.points === score &&
    lines.reduce((s, l) => s + l.points, 0) > score;
  return running ? lines.map((l, i) => ({ ...l, points: l.points - (i ? lines[i - 1]!.points : 0) })) : lines;
}

export function buildLeaf(input: LeafInput, score?: number): LeafResult {
  const { node, label, hint } = input;
  const problems: Problem[] = [];
  const { stem: rawStem, score: stated } = takeStemScore([...node.stem, ...node.after]);
  if (node.after.length)
    problems.push({ message: `第 ${label} 题选项之后的内容已并入题干，请核对`, weight: 0.1 });
  const stemText = rawStem.map((b) => (b.kind === 'line' ? plain(b.segs) : '')).join('\n');
  const answerText = linesText(input.answer);
  const explanation = blockHtml(input.explanation) || undefined;
  const options = node.options.map((o) => ({ id: o.letter, body: inlineHtml(o.line.segs) }));
  const missing = (what = '答案') => {
    problems.push({ message: `未找到第 ${label} 题的${what}`, weight: 0.4 });
  };
  let missingAnswer = false;
  let content: LeafItem;
  let blanks = 0;

  if (options.length >= 2) {
    const letters = (
      /^[\s\u3000（(]*([A-H](?:[\s\u3000、,，和及]*[A-H])*)(?![A-Za-z])/.exec(answerText)?.[1] ?? ''
    ).replace(/[^A-H]/g, '');
    const known = [...new Set(letters)].filter((l) => options.some((o) => o.id === l));
    if (letters && known.length < new Set(letters).size) {
      problems.push({ message: `第 ${label} 题的答案“${letters}”含有不存在的选项`, weight: 0.3 });
    }
    if (!known.length) {
      missingAnswer = true;
      missing(answerText ? '选项字母答案' : '答案');
    }
    const multiple = hint === 'multiple_choice' || known.length > 1 || /多选|多项|不定项/.test(stemText);
    const stem = blockHtml(rawStem);
    content = multiple
      ? {
          type: 'multiple_choice',
          stem,
          options,
          correct: known.length ? known : ['A'],
          partial: 'half',
          explanation,
        }
      : { type: 'single_choice', stem, options, correct: known[0] ?? 'A', explanation };
    if (options.length === 2 && hint !== 'true_false') {
      problems.push({ message: `第 ${label} 题只找到 2 个选项，请核对`, weight: 0.1 });
    }
  } else if (
    hint === 'true_false' ||
    ((TRUE.test(answerText) || FALSE.test(answerText)) &&
      /[（(][\s\u3000]*[)）][\s\u3000。.．]*$/.test(stemText))
  ) {
    const value = TRUE.test(answerText) ? true : FALSE.test(answerText) ? false : undefined;
    if (value === undefined) {
      missingAnswer = true;
      missing(answerText ? '判断答案（√ 或 ×）' : '答案');
    }
    content = { type: 'true_false', stem: blockHtml(rawStem), correct: value ?? true, explanation };
  } else if (hint === 'essay' || (hint !== 'fill_in' && ESSAY.test(stemText))) {
    const min = /不少于\s*(\d+)\s*字/.exec(stemText);
    content = {
      type: 'essay',
      stem: blockHtml(rawStem),
      reference: blockHtml(input.answer) || undefined,
      rubric: [],
      ...(min ? { minLength: Number(min[1]) } : {}),
      explanation,
    };
  } else {
    const brackets = !hasLineBlanks(rawStem);
    const marked = markBlanks(rawStem, brackets);
    const short = answerText.length > 0 && answerText.length <= 40 && !answerText.includes('\n');
    const fill =
      marked.count > 0 &&
      (hint === 'fill_in' || (hint !== 'short_answer' && (short || (!answerText && !brackets))));
    if (fill) {
      blanks = marked.count;
      const { keys, problem, open } = blankAnswers(answerText, blanks);
      if (!answerText) {
        missingAnswer = true;
        missing();
      } else if (problem) {
        problems.push({ message: `第 ${label} 题${problem}，请核对`, weight: 0.3 });
        missingAnswer = keys.some((k) => k.accepted[0] === '（待补充）');
      }
      if (open) problems.push({ message: `第 ${label} 题答案不唯一，请补充可接受的其他答案`, weight: 0.1 });
      content = {
        type: 'fill_in',
        stem: blockHtml(marked.blocks),
        blanks: keys.map((k) => ({ kind: 'text', caseSensitive: false, ...k })),
        explanation,
      };
    } else {
      if (hint === 'single_choice' || hint === 'multiple_choice') {
        problems.push({ message: `第 ${label} 题在选择题部分，但未找到选项，已按解答题导入`, weight: 0.3 });
      }
      if (!answerText) problems.push({ message: `未找到第 ${label} 题的参考答案`, weight: 0.15 });
      content = {
        type: 'short_answer',
        stem: blockHtml(rawStem),
        reference: blockHtml(input.answer) || undefined,
        rubric: rubricOf(input.answer, score ?? stated),
        explanation,
      };
    }
  }
  if (!hint && !input.quiet && content.type !== 'single_choice' && content.type !== 'multiple_choice') {
    problems.push({
      message: `第 ${label} 题的题型按内容推测为“${TYPE_NAMES[content.type]}”，请核对`,
      weight: 0.15,
    });
  }
  if (!content.stem && !input.quiet) problems.push({ message: `第 ${label} 题的题干是空的`, weight: 0.2 });
  return { content, score: stated, blanks, problems, missingAnswer };
}

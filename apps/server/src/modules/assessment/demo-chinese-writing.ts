/**
 * Generators of the demo bank's 语文 writing tasks (习作, 写作, with their marking schemes) and
 * reading comprehension on the demo's passages. Pure.
 */
import type { Rng } from '../../demo/prng.ts';
import { classicsOf } from './demo-chinese-poems.data.ts';
import {
  ESSAY_CLOSINGS,
  ESSAY_SENTENCES,
  PASSAGES,
  type Passage,
  WRITING,
} from './demo-chinese-texts.data.ts';
import {
  blank,
  clampDifficulty as cd,
  composite,
  type Draft,
  draft,
  essay,
  fill,
  judge,
  type Leaf,
  p,
  sample,
  short,
  single,
} from './demo-item-kit.ts';

const RUBRIC_PRIMARY = [
  [12, '内容：符合题意，中心明确，内容具体'],
  [8, '结构：条理清楚，详略得当'],
  [7, '语言：语句通顺，表达生动，有真情实感'],
  [3, '书写工整，标点正确，字数达到要求'],
] as const;
const RUBRIC_JUNIOR = [
  [20, '内容：切合题意，中心突出，选材典型'],
  [12, '结构：思路清晰，层次分明，首尾呼应'],
  [13, '语言：准确流畅，有文采'],
  [5, '书写规范，标点正确，字数达到要求'],
] as const;

export function writing(r: Rng, junior: boolean, topic: string): Draft | undefined {
  const task = WRITING[topic];
  if (!task) return undefined;
  const compose = (n: number, close: boolean) =>
    [...sample(r, ESSAY_SENTENCES, n), ...(close ? [r.pick(ESSAY_CLOSINGS)] : [])].join('');
  const score = junior ? 50 : 30;
  return draft(
    essay(
      p(`${task.prompt}（不少于 ${task.minLength} 字）`),
      junior ? RUBRIC_JUNIOR : RUBRIC_PRIMARY,
      task.minLength,
      {
        full: compose(12, true),
        partial: compose(8, true),
        poor: compose(4, false),
      },
    ),
    { level: 'analyse', difficulty: cd(0.7), seconds: junior ? 3000 : 2400, score },
  );
}

const askOf = (r: Rng, q: Passage['questions'][number]): Leaf => {
  if (q.kind === 'choice') return single(r, p(q.stem), q.answer, q.others);
  if (q.kind === 'judge') return judge(p(q.stem), q.answer === '对');
  if (q.kind === 'fill')
    return fill(p(q.stem.replace('（　　）', blank('b1'))), [
      { id: 'b1', accepted: q.answer.split('|'), wrong: q.others },
    ]);
  const half = Math.ceil(q.score / 2);
  return short(
    p(q.stem),
    p(q.answer),
    [
      [half, '答出主要内容'],
      [q.score - half, '表述完整，语句通顺'],
    ],
    { full: q.answer, partial: q.others[0]!, poor: q.others[1]! },
  );
};
export function readingComposite(r: Rng, junior: boolean): Draft {
  const passage = r.pick(PASSAGES.filter((x) => x.band === (junior ? 'j' : 'p')));
  const drop = passage.questions.length > 3 && r.chance(0.4) ? r.int(passage.questions.length) : -1;
  const qs = passage.questions.filter((_, i) => i !== drop);
  const stem = `<p><strong>${passage.title}</strong></p>${passage.paragraphs.map((x) => `<p>${x}</p>`).join('')}`;
  return composite(
    stem,
    qs.map((q) => ({ leaf: askOf(r, q), score: q.score })),
    { level: 'analyse', difficulty: cd(junior ? 0.6 : 0.66), seconds: junior ? 720 : 540 },
  );
}

export { classicsOf };

/**
 * The demo bank's 英语 items of a lesson, by its knowledge points: grammar choices and word forms
 * (with every accepted form), vocabulary, dialogues, sounds, culture, cloze and reading passages,
 * and writing tasks. Pure.
 */
import type { Rng } from '../../demo/prng.ts';
import { type BankLesson, isJunior, type LessonDraft } from './demo-bank-lesson.ts';
import { GRAMMAR_CHOICES, GRAMMAR_FORMS, TRANSLATIONS } from './demo-english-grammar.data.ts';
import { CLOZES, ENGLISH_SENTENCES, READINGS, WRITING_EN } from './demo-english-texts.data.ts';
import { CULTURE, DIALOGUES, SOUNDS, WORDS, WORDS_OF } from './demo-english-words.data.ts';
import {
  blank,
  clampDifficulty as cd,
  composite,
  type Draft,
  draft,
  esc,
  essay,
  fill,
  judge,
  multiple,
  p,
  sample,
  short,
  single,
} from './demo-item-kit.ts';

type EnGen = (r: Rng) => Draft;
const gap = (s: string) => esc(s).replaceAll('___', '______');

const grammarChoice =
  (code: string): EnGen =>
  (r) => {
    const [s, right, wrong] = r.pick(GRAMMAR_CHOICES[code]!);
    return draft(single(r, p(gap(s)), esc(right), wrong.map(esc)), {
      level: 'apply',
      difficulty: cd(0.66 + r.next() * 0.14),
      seconds: 40,
      score: 2,
    });
  };

const grammarForm =
  (code: string): EnGen =>
  (r) => {
    const [s, , accepted, wrong] = r.pick(GRAMMAR_FORMS[code]!);
    const stem = esc(s).replace('___', blank('b1'));
    return draft(
      fill(p(`用所给词的适当形式填空。${stem}`), [{ id: 'b1', accepted: [...accepted], wrong: [wrong] }]),
      {
        level: 'apply',
        difficulty: cd(0.62),
        seconds: 40,
        score: 2,
      },
    );
  };

const TEMPLATES: Record<string, string> = {
  colours: 'My favourite colour is ___.',
  animals: 'Look! The ___ is eating.',
  food: 'I’d like some ___ for breakfast.',
  classroom: 'Let’s clean the ___.',
  rooms: 'My mother is in the ___.',
  jobs: 'My uncle is a ___.',
  farm: 'Look at the ___. It’s big.',
  days: 'Today is ___.',
  subjects: 'We have ___ on Monday morning.',
  months: 'My birthday is in ___.',
  transport: 'Let’s go there by ___.',
  feelings: 'The boy feels ___ today.',
  character: 'Our English teacher is very ___.',
  numbers: 'There are ___ students in the hall.',
};

const vocabulary =
  (code: string): EnGen =>
  (r) => {
    const group = r.pick(WORDS_OF[code]!);
    const words = WORDS[group]!;
    const kind = r.int(4);
    if (kind === 3) {
      const others = Object.keys(WORDS).filter((g) => !(WORDS_OF[code] ?? []).includes(g));
      const right = sample(r, words, 2).map((w) => w[0]);
      const wrong = sample(r, WORDS[r.pick(others)]!, 2).map((w) => w[0]);
      return draft(
        multiple(
          r,
          p(
            `下列单词中，与“${words
              .slice(0, 2)
              .map((w) => w[0])
              .join('、')}”属于同一类的有（　　）。`,
          ),
          right,
          wrong,
        ),
        {
          level: 'understand',
          difficulty: cd(0.7),
          seconds: 30,
          score: 2,
        },
      );
    }
    if (kind === 0) {
      const [right, ...wrong] = sample(r, words, 4);
      return draft(
        single(
          r,
          p(`“${right![1]}”的英文是（　　）。`),
          right![0],
          wrong.map((w) => w[0]),
        ),
        { level: 'remember', difficulty: cd(0.85), seconds: 20, score: 1 },
      );
    }
    if (kind === 1) {
      const others = Object.keys(WORDS).filter((g) => g !== group && !(WORDS_OF[code] ?? []).includes(g));
      const odd = r.pick(WORDS[r.pick(others)]!);
      return draft(
        single(
          r,
          p('选出不同类的一项。'),
          odd[0],
          sample(r, words, 3).map((w) => w[0]),
        ),
        { level: 'understand', difficulty: cd(0.8), seconds: 20, score: 1 },
      );
    }
    const [en, zh] = r.pick(words);
    const stem = esc(TEMPLATES[group]!).replace('___', `${blank('b1')}（${zh}）`);
    return draft(
      fill(p(`根据中文提示完成句子。${stem}`), [{ id: 'b1', accepted: [en], wrong: [en.slice(0, -1)] }]),
      { level: 'remember', difficulty: cd(0.72), seconds: 30, score: 1 },
    );
  };

const dialogue =
  (code: string): EnGen =>
  (r) => {
    const [q, right, wrong] = r.pick(DIALOGUES[code]!);
    return draft(single(r, p(`— ${esc(q)}`, '— ______'), esc(right), wrong.map(esc)), {
      level: 'apply',
      difficulty: cd(0.78),
      seconds: 30,
      score: 2,
    });
  };

const sounds =
  (code: string): EnGen =>
  (r) => {
    const [, same, odd] = r.pick(SOUNDS[code]!);
    return draft(single(r, p('选出画线部分读音与其他三项不同的一项。'), odd, [...same]), {
      level: 'remember',
      difficulty: cd(0.66),
      seconds: 30,
      score: 1,
    });
  };

const culture =
  (code: string): EnGen =>
  (r) => {
    const [s, truth] = r.pick(CULTURE[code]!);
    return draft(judge(p(esc(s)), truth), {
      level: 'remember',
      difficulty: cd(truth ? 0.82 : 0.7),
      seconds: 30,
      score: 1,
    });
  };

const cloze =
  (junior: boolean): EnGen =>
  (r) => {
    const c = r.pick(CLOZES.filter((x) => x.band === (junior ? 'j' : 'p')));
    const text = esc(c.text).replace(/\((\d)\)/g, '__($1)__');
    return composite(
      p('完形填空。阅读短文，从每小题所给的选项中选出最佳答案。') + p(text),
      c.gaps.map(([right, wrong], i) => ({
        leaf: single(r, p(`(${i + 1})`), esc(right), wrong.map(esc)),
        score: junior ? 1.5 : 1,
      })),
      { level: 'apply', difficulty: cd(junior ? 0.62 : 0.7), seconds: junior ? 420 : 300 },
    );
  };

const reading =
  (junior: boolean): EnGen =>
  (r) => {
    const x = r.pick(READINGS.filter((y) => y.band === (junior ? 'j' : 'p')));
    const parts = [
      ...x.judgements.map(([s, t]) => ({ leaf: judge(p(esc(s)), t), score: junior ? 2 : 1 })),
      ...x.choices.map(([q, right, wrong]) => ({
        leaf: single(r, p(esc(q)), esc(right), wrong.map(esc)),
        score: 2,
      })),
    ];
    return composite(p('阅读理解。阅读短文，判断正误并回答问题。') + p(esc(x.text)), parts, {
      level: 'understand',
      difficulty: cd(junior ? 0.64 : 0.72),
      seconds: junior ? 480 : 360,
    });
  };

const RUBRIC_P = [
  [4, '内容：要点齐全，表达清楚'],
  [3, '语言：语法和拼写基本正确'],
  [2, '结构：条理清楚，句子连贯'],
  [1, '书写规范，标点正确'],
] as const;
const RUBRIC_J = [
  [6, '内容：覆盖所有要点，内容充实'],
  [5, '语言：语法、词汇准确，有一定的句式变化'],
  [3, '结构：条理清楚，衔接自然'],
  [1, '书写规范，词数达到要求'],
] as const;

const writing =
  (code: string, junior: boolean): EnGen =>
  (r) => {
    const task = WRITING_EN[code]!;
    const compose = (n: number) => sample(r, ENGLISH_SENTENCES, n).join(' ');
    return draft(
      essay(
        p(`书面表达。${esc(task.prompt)}（不少于 ${task.words} 词）`),
        junior ? RUBRIC_J : RUBRIC_P,
        task.words * 4,
        {
          full: compose(9),
          partial: compose(6),
          poor: compose(3),
        },
      ),
      { level: 'analyse', difficulty: cd(0.66), seconds: junior ? 1200 : 900, score: junior ? 15 : 10 },
    );
  };

const translate =
  (code: string): EnGen =>
  (r) => {
    const [zh, en, partial] = r.pick(TRANSLATIONS[code]!);
    return draft(
      short(
        p(`把下列句子翻译成英语：${zh}`),
        p(esc(en)),
        [
          [1, '句子结构和时态正确'],
          [1, '用词、拼写正确'],
        ],
        { full: en, partial, poor: en.split(' ').slice(0, 3).join(' ') },
      ),
      { level: 'apply', difficulty: cd(0.6), seconds: 90, score: 2 },
    );
  };

/** The generators of one knowledge point. */
function gensOf(code: string, strand: string, junior: boolean): EnGen[] {
  const out: EnGen[] = [];
  if (GRAMMAR_CHOICES[code]) out.push(grammarChoice(code), grammarChoice(code));
  if (GRAMMAR_FORMS[code]) out.push(grammarForm(code));
  if (WORDS_OF[code]) out.push(vocabulary(code), vocabulary(code));
  if (DIALOGUES[code]) out.push(dialogue(code));
  if (SOUNDS[code]) out.push(sounds(code));
  if (CULTURE[code]) out.push(culture(code));
  if (WRITING_EN[code]) out.push(writing(code, junior));
  if (TRANSLATIONS[code]) out.push(translate(code));
  if (strand === '阅读') out.push(reading(junior), cloze(junior));
  return out;
}

export function englishDrafts(r: Rng, lesson: BankLesson, n: number): LessonDraft[] {
  const junior = isJunior(lesson.grade);
  const byCode = lesson.kps.map((k) => ({ code: k.code, gens: gensOf(k.code, k.strand, junior) }));
  const all = byCode.flatMap((x) => x.gens.map((gen) => ({ gen, code: x.code })));
  // A lesson of listening and speaking only practises the grammar of its grade, and a cloze now and then.
  if (all.length === 0) {
    const grammar = Object.keys(GRAMMAR_CHOICES).filter((c) => c.slice(3, 5) === lesson.grade);
    for (const c of grammar) all.push({ gen: grammarChoice(c), code: c });
    all.push({ gen: cloze(junior), code: lesson.kps[0]?.code ?? '' });
  }
  return Array.from({ length: n }, () => {
    const { gen, code } = r.pick(all);
    return { draft: gen(r), kps: code ? [code] : [] };
  });
}

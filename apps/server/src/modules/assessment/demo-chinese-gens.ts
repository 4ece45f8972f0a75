/**
 * Generators of the demo bank's 语文 items: 字音, 字形, 成语, 修辞, 标点, 关联词, 说明方法, 短语,
 * 句式, 古诗文默写 and 文言词语, 名著, reading comprehension and writing tasks. Pure.
 */
import type { Rng } from '../../demo/prng.ts';
import { classicsOf, POEMS, type Poem, PROSE } from './demo-chinese-poems.ts';
import { ESSAY_CLOSINGS, ESSAY_SENTENCES, PASSAGES, type Passage, WRITING } from './demo-chinese-texts.ts';
import {
  CONNECTIVES,
  EXPOSITION,
  FIGURES,
  IDIOMS,
  METHODS,
  PHRASES,
  PUNCTUATION,
  READINGS_JUNIOR,
  READINGS_PRIMARY,
  type Reading,
  RHETORICAL,
  SPELLINGS,
} from './demo-chinese-words.ts';
import {
  blank,
  clampDifficulty as cd,
  composite,
  type Draft,
  dot,
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

export type CnGen = (r: Rng, junior: boolean) => Draft;

const noPunct = (s: string) => s.replace(/[，。？！；、：“”]/g, '');
const shown = ([word, ch, py]: Reading, reading = py) => {
  const i = word.indexOf(ch);
  return `${word.slice(0, i)}${dot(ch)}${word.slice(i + 1)}（${reading}）`;
};

export const readings: CnGen = (r, junior) => {
  const pool = junior ? READINGS_JUNIOR : READINGS_PRIMARY;
  if (!junior) {
    const [good, ...bad] = sample(r, pool, 4);
    const leaf = single(
      r,
      p('下列加点字的读音，正确的一项是（　　）。'),
      shown(good!),
      bad.map((w) => shown(w, w[3])),
    );
    return draft(leaf, { level: 'remember', difficulty: cd(0.72), seconds: 40, score: 2 });
  }
  const words = sample(r, pool, 12);
  const group = (k: number, wrongAt: number) =>
    words
      .slice(3 * k, 3 * k + 3)
      .map((w, i) => shown(w, i === wrongAt ? w[3] : w[2]))
      .join('　');
  const leaf = single(r, p('下列词语中加点字的注音，完全正确的一项是（　　）。'), group(0, -1), [
    group(1, r.int(3)),
    group(2, r.int(3)),
    group(3, r.int(3)),
  ]);
  return draft(leaf, { level: 'remember', difficulty: cd(0.58), seconds: 60, score: 3 });
};

export const spellings: CnGen = (r, junior) => {
  const words = sample(r, SPELLINGS, junior ? 12 : 4);
  if (!junior) {
    const leaf = single(
      r,
      p('下列词语中，没有错别字的一项是（　　）。'),
      words[0]![0],
      words.slice(1).map((w) => w[1]),
    );
    return draft(leaf, { level: 'remember', difficulty: cd(0.7), seconds: 40, score: 2 });
  }
  const group = (k: number, wrongAt: number) =>
    words
      .slice(3 * k, 3 * k + 3)
      .map((w, i) => (i === wrongAt ? w[1] : w[0]))
      .join('　');
  const leaf = single(r, p('下列词语中，书写完全正确的一项是（　　）。'), group(0, -1), [
    group(1, r.int(3)),
    group(2, r.int(3)),
    group(3, r.int(3)),
  ]);
  return draft(leaf, { level: 'remember', difficulty: cd(0.6), seconds: 60, score: 3 });
};

/** 把成语补充完整: the character people miswrite is the one asked for. */
export const idiomBlanks: CnGen = (r, junior) => {
  const words = sample(r, SPELLINGS, junior ? 3 : 2);
  const parts = words.map(([right, wrong], k) => {
    const i = [...right].findIndex((c, j) => c !== [...wrong][j]);
    const chars = [...right];
    return {
      text: `${chars.slice(0, i).join('')}（${blank(`b${k + 1}`)}）${chars.slice(i + 1).join('')}`,
      answer: chars[i]!,
      wrong: [...wrong][i]!,
    };
  });
  return draft(
    fill(
      p(`把下列成语补充完整。${parts.map((x) => x.text).join('　')}`),
      parts.map((x, k) => ({ id: `b${k + 1}`, accepted: [x.answer], wrong: [x.wrong] })),
    ),
    { level: 'remember', difficulty: cd(0.68), seconds: 45, score: 2 },
  );
};

export const idioms: CnGen = (r) => {
  const good = IDIOMS.filter((x) => x[1]);
  const bad = IDIOMS.filter((x) => !x[1]);
  const askGood = r.chance(0.6);
  const [right, ...wrong] = askGood
    ? [r.pick(good), ...sample(r, bad, 3)]
    : [r.pick(bad), ...sample(r, good, 3)];
  const why = askGood ? wrong.map((w) => w[2]).join('') : right![2];
  const leaf = single(
    r,
    p(`下列句子中，成语使用${askGood ? '恰当' : '不恰当'}的一项是（　　）。`),
    right![0],
    wrong.map((w) => w[0]),
    { explanation: p(why) },
  );
  return draft(leaf, { level: 'understand', difficulty: cd(0.56), seconds: 75, score: 3 });
};

export const figures: CnGen = (r) => {
  const kinds = ['比喻', '拟人', '排比', '夸张'] as const;
  const kind = r.pick(kinds);
  if (r.chance(0.35)) {
    const [s, k] = r.pick(FIGURES.filter((x) => x[1] === '无' || x[1] === kind));
    return draft(
      judge(
        p(`“${s}”这句话运用了${kind}的修辞手法。`),
        k === kind,
        p(k === '无' ? '同类事物之间的比较不是比喻。' : `这句话运用了${kind}。`),
      ),
      {
        level: 'understand',
        difficulty: cd(k === '无' ? 0.55 : 0.8),
        seconds: 30,
        score: 1,
      },
    );
  }
  const right = r.pick(FIGURES.filter((x) => x[1] === kind));
  const others = sample(
    r,
    FIGURES.filter((x) => x[1] !== kind && x[1] !== '排比'),
    3,
  );
  const leaf = single(
    r,
    p(`下列句子中，运用了${kind}修辞手法的一项是（　　）。`),
    right[0],
    others.map((x) => x[0]),
  );
  return draft(leaf, { level: 'understand', difficulty: cd(0.72), seconds: 45, score: 2 });
};

export const punctuation: CnGen = (r) => {
  const right = r.pick(PUNCTUATION.filter((x) => x[1]));
  const wrong = sample(
    r,
    PUNCTUATION.filter((x) => !x[1]),
    3,
  );
  const leaf = single(
    r,
    p('下列句子中，标点符号使用正确的一项是（　　）。'),
    right[0],
    wrong.map((x) => x[0]),
    { explanation: p(wrong.map((x) => x[2]).join('')) },
  );
  return draft(leaf, { level: 'understand', difficulty: cd(0.64), seconds: 45, score: 2 });
};

export const connectives: CnGen = (r) => {
  const [a, b, s] = r.pick(CONNECTIVES);
  const bank = sample(
    r,
    CONNECTIVES.filter((c) => c[0] !== a),
    3,
  ).concat([[a, b, s]]);
  const words = r.shuffle(bank.map((c) => `${c[0]}……${c[1]}……`)).join('　');
  let k = 0;
  const stem = s.replace(/（　）/g, () => blank(`b${++k}`));
  return draft(
    fill(p(`选择合适的关联词填空：${words}`) + p(stem), [
      { id: 'b1', accepted: [a], wrong: [bank[0]![0]] },
      { id: 'b2', accepted: [b], wrong: [bank[0]![1]] },
    ]),
    { level: 'apply', difficulty: cd(0.76), seconds: 45, score: 2 },
  );
};

export const exposition: CnGen = (r) => {
  const [s, m] = r.pick(EXPOSITION);
  if (r.chance(0.5))
    return draft(
      fill(p(`“${s}”一句运用了${blank('b1')}的说明方法。`), [
        { id: 'b1', accepted: [m], wrong: METHODS.filter((x) => x !== m).slice(0, 2) },
      ]),
      {
        level: 'understand',
        difficulty: cd(0.66),
        seconds: 40,
        score: 2,
      },
    );
  const others = sample(
    r,
    EXPOSITION.filter((x) => x[1] !== m),
    3,
  );
  return draft(
    single(
      r,
      p(`下列句子中，运用了${m}说明方法的一项是（　　）。`),
      s,
      others.map((x) => x[0]),
    ),
    { level: 'understand', difficulty: cd(0.7), seconds: 45, score: 2 },
  );
};

export const phrases: CnGen = (r) => {
  const kinds = Object.keys(PHRASES);
  const [main, odd] = sample(r, kinds, 2);
  const same = sample(r, PHRASES[main!]!, 3);
  const other = r.pick(PHRASES[odd!]!);
  const leaf = single(r, p('下列短语中，结构类型与其他三项不同的一项是（　　）。'), other, same, {
    explanation: p(`${same.join('、')}都是${main}，“${other}”是${odd}。`),
  });
  return draft(leaf, { level: 'understand', difficulty: cd(0.6), seconds: 45, score: 2 });
};

export const rhetorical: CnGen = (r) => {
  const [q, a] = r.pick(RHETORICAL);
  return draft(
    short(
      p(`把下面的反问句改成陈述句：${q}`),
      p(a),
      [[2, '句意不变，改为肯定（否定）的陈述语气，句末用句号']],
      { full: a, partial: a.replace('。', '？'), poor: q },
    ),
    {
      level: 'apply',
      difficulty: cd(0.72),
      seconds: 60,
      score: 2,
    },
  );
};

/** Two consecutive lines that make one sentence (上句，下句。). */
function couplet(r: Rng, poem: Poem): [string, string] {
  const starts = poem.lines
    .map((_, i) => i)
    .filter((i) => i + 1 < poem.lines.length && poem.lines[i]!.endsWith('，'));
  const i = r.pick(starts.length ? starts : [0]);
  return [poem.lines[i]!, poem.lines[i + 1] ?? ''];
}

export function poemFill(r: Rng, poem: Poem): Draft {
  const [a, b] = couplet(r, poem);
  const first = r.chance(0.5) && b !== '';
  const stem = first ? `${blank('b1')}，${b}` : `${a}${blank('b1')}${b.slice(-1)}`;
  const answer = noPunct(first ? a : b);
  // Students write the other line of the couplet, or swap two characters.
  const wrongs = [noPunct(first ? b : a), answer.replace(/(.)(.)$/, '$2$1')];
  return draft(
    fill(p(`补写出下列诗句中的空缺部分。${stem}（${poem.author}《${poem.title}》）`), [
      { id: 'b1', accepted: [answer], wrong: wrongs },
    ]),
    {
      level: 'remember',
      difficulty: cd(0.8 - poem.lines.length / 100),
      seconds: 60,
      score: 2,
    },
  );
}

export function poemSource(r: Rng, poem: Poem): Draft {
  const others = sample(
    r,
    POEMS.filter((x) => x.author !== poem.author),
    3,
  );
  const [line] = couplet(r, poem);
  const pair = (x: Poem, title: string, author: string) =>
    `“${noPunct(couplet(r, x)[0])}”——${author}《${title}》`;
  const right = `“${noPunct(line)}”——${poem.author}《${poem.title}》`;
  const wrong = others.map((x, i) => pair(x, others[(i + 1) % 3]!.title, others[(i + 1) % 3]!.author));
  return draft(single(r, p('下列诗句与作者、诗题对应正确的一项是（　　）。'), right, wrong), {
    level: 'remember',
    difficulty: cd(0.7),
    seconds: 45,
    score: 2,
  });
}

const SEASONS = ['春', '夏', '秋', '冬'] as const;
const THEME_ASK: Partial<Record<Poem['theme'], string>> = {
  思乡: '表达思乡之情',
  咏物: '托物言志',
  哲理: '蕴含人生哲理',
  边塞: '描写边塞将士生活',
  爱国: '抒发爱国情怀',
};
const GROUP: Record<Poem['theme'], string> = {
  春: '景',
  夏: '景',
  秋: '景',
  冬: '景',
  山水: '景',
  田园: '景',
  思乡: '情',
  送别: '情',
  边塞: '志',
  爱国: '志',
  咏物: '理',
  哲理: '理',
};

export function poemTheme(r: Rng, poem: Poem): Draft | undefined {
  const season = (SEASONS as readonly string[]).includes(poem.theme);
  const ask = season ? `描写${poem.theme}天景色` : THEME_ASK[poem.theme];
  if (!ask) return undefined;
  const pool = POEMS.filter((x) =>
    season
      ? (SEASONS as readonly string[]).includes(x.theme) && x.theme !== poem.theme
      : GROUP[x.theme] !== GROUP[poem.theme] && GROUP[x.theme] !== '景',
  );
  const name = (x: Poem) => `${x.author}《${x.title}》`;
  const lures = sample(r, pool, 3);
  if (lures.length < 3) return undefined;
  return draft(single(r, p(`下列古诗中，${ask}的一首是（　　）。`), name(poem), lures.map(name)), {
    level: 'understand',
    difficulty: cd(0.7),
    seconds: 45,
    score: 2,
  });
}

export function proseFill(r: Rng, sentences: [string, string][], source: string): Draft {
  const [a, b] = r.pick(sentences);
  const first = r.chance(0.4);
  const stem = first ? `${blank('b1')}${b}` : `${a}${blank('b1')}`;
  return draft(
    fill(p(`补写出下列名句中的空缺部分。${stem}（${source}）`), [
      { id: 'b1', accepted: [noPunct(first ? a : b)], wrong: [] },
    ]),
    { level: 'remember', difficulty: cd(0.72), seconds: 60, score: 2 },
  );
}

export function proseGloss(r: Rng, glosses: [string, string, string][]): Draft {
  const [sentence, word, meaning] = r.pick(glosses);
  const others = [...new Set(PROSE.flatMap((x) => x.glosses.map((g) => g[2])))].filter((m) => m !== meaning);
  const i = sentence.indexOf(word);
  const marked = `${sentence.slice(0, i)}${dot(word)}${sentence.slice(i + word.length)}`;
  return draft(single(r, p(`“${marked}”中加点词的意思是（　　）。`), meaning, sample(r, others, 3)), {
    level: 'understand',
    difficulty: cd(0.66),
    seconds: 45,
    score: 2,
  });
}

const NOVELS: readonly (readonly [string, string, string])[] = [
  ['景阳冈打虎', '武松', '《水浒传》'],
  ['倒拔垂杨柳', '鲁智深', '《水浒传》'],
  ['智取生辰纲', '吴用', '《水浒传》'],
  ['三打白骨精', '孙悟空', '《西游记》'],
  ['大闹天宫', '孙悟空', '《西游记》'],
  ['草船借箭', '诸葛亮', '《三国演义》'],
  ['三顾茅庐', '刘备', '《三国演义》'],
  ['刘姥姥进大观园', '刘姥姥', '《红楼梦》'],
];
const AUTHORS: Record<string, string> = {
  '《水浒传》': '施耐庵',
  '《西游记》': '吴承恩',
  '《三国演义》': '罗贯中',
  '《红楼梦》': '曹雪芹',
};

export const novels: CnGen = (r) => {
  if (r.chance(0.5)) {
    const [story, hero, book] = r.pick(NOVELS);
    const lures = [...new Set(NOVELS.map((n) => n[1]))].filter((h) => h !== hero);
    return draft(single(r, p(`${book}中“${story}”的主要人物是（　　）。`), hero, sample(r, lures, 3)), {
      level: 'remember',
      difficulty: cd(0.78),
      seconds: 30,
      score: 2,
    });
  }
  const books = Object.keys(AUTHORS);
  const book = r.pick(books);
  const truth = r.chance(0.5);
  const author = truth ? AUTHORS[book] : AUTHORS[r.pick(books.filter((b) => b !== book))];
  return draft(judge(p(`${book}的作者是${author}。`), truth, p(`${book}的作者是${AUTHORS[book]}。`)), {
    level: 'remember',
    difficulty: cd(0.75),
    seconds: 30,
    score: 1,
  });
};

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

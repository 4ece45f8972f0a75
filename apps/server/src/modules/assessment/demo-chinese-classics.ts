/**
 * Generators of the demo bank's 语文 items on classical texts: 默写, sources and themes of the
 * lessons' poems, famous sentences and word meanings of their prose, and the great novels. Pure.
 */
import type { Rng } from '../../demo/prng.ts';
import { type CnGen, noPunct } from './demo-chinese-gens.ts';
import { POEMS, type Poem, PROSE } from './demo-chinese-poems.data.ts';
import {
  blank,
  clampDifficulty as cd,
  type Draft,
  dot,
  draft,
  fill,
  judge,
  p,
  sample,
  single,
} from './demo-item-kit.ts';

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

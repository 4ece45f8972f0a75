/**
 * Generators of the demo bank's 语文 items: 字音, 字形, 成语, 修辞, 标点, 关联词, 说明方法, 短语,
 * 句式, 古诗文默写 and 文言词语, 名著, reading comprehension and writing tasks. Pure.
 */
import type { Rng } from '../../demo/prng.ts';
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
} from './demo-chinese-words.data.ts';
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
  short,
  single,
} from './demo-item-kit.ts';

export type CnGen = (r: Rng, junior: boolean) => Draft;

export const noPunct = (s: string) => s.replace(/[，。？！；、：“”]/g, '');
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

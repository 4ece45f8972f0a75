/**
 * Generators of the demo bank: word problems, number theory, simple equations and statistics of
 * grades 3–6 (倍, 集合, 鸡兔同笼, 植树, 鸽巢, 找次品, 因数与倍数, 简易方程, 统计表与统计图). Pure.
 */
import { f } from './demo-formula.ts';
import {
  blank,
  clampDifficulty as cd,
  composite,
  draft,
  fill,
  gcd,
  judge,
  multiple,
  p,
  short,
  single,
} from './demo-item-kit.ts';
import { type Gen, NAMES, nb } from './demo-math-number.ts';

const times: Gen = (r) => {
  const a = r.range(4, 12);
  const k = r.range(3, 8);
  const x = r.pick(NAMES);
  const y = r.pick(NAMES.filter((n) => n !== x));
  const leaf = fill(
    p(
      `${x}有 ${a} 张卡片，${y}的卡片数是${x}的 ${k} 倍，${y}有 ${blank('b1')} 张，两人一共有 ${blank('b2')} 张。`,
    ),
    [nb('b1', a * k, [a + k]), nb('b2', a * (k + 1), [a * k, a + k])],
  );
  return draft(leaf, { level: 'apply', difficulty: cd(0.74), seconds: 60, score: 2 });
};

const overlap: Gen = (r) => {
  const a = r.range(12, 25);
  const b = r.range(10, 22);
  const both = r.range(3, Math.min(a, b) - 4);
  const [s1, s2] = r.pick([
    ['跳绳', '踢毽子'],
    ['合唱队', '美术组'],
    ['语文竞赛', '数学竞赛'],
  ] as const);
  const leaf = fill(
    p(
      `三年级（2）班参加${s1}的有 ${a} 人，参加${s2}的有 ${b} 人，两项都参加的有 ${both} 人。这个班参加这两项活动的一共有 ${blank('b1')} 人。`,
    ),
    [nb('b1', a + b - both, [a + b, a + b - 2 * both])],
    p('两项都参加的同学被数了两次，要减去一次。'),
  );
  return draft(leaf, { level: 'analyse', difficulty: cd(0.56), seconds: 75, score: 2 });
};

const chickensRabbits: Gen = (r) => {
  const c = r.range(4, 20);
  const rb = r.range(3, 15);
  const heads = c + rb;
  const legs = 2 * c + 4 * rb;
  const stem = p(`笼子里有若干只鸡和兔，从上面数有 ${heads} 个头，从下面数有 ${legs} 只脚。鸡和兔各有几只？`);
  const ref = `假设全是鸡：${heads} × 2 = ${2 * heads}（只）脚，比实际少 ${legs} − ${2 * heads} = ${legs - 2 * heads}（只），每只兔比鸡多 2 只脚，兔有 ${legs - 2 * heads} ÷ 2 = ${rb}（只），鸡有 ${heads} − ${rb} = ${c}（只）。`;
  if (r.chance(0.5))
    return draft(
      fill(
        stem.replace('鸡和兔各有几只？', `鸡有 ${blank('c')} 只，兔有 ${blank('r')} 只。`),
        [nb('c', c, [rb]), nb('r', rb, [c])],
        p(ref),
      ),
      {
        level: 'analyse',
        difficulty: cd(0.5),
        seconds: 150,
        score: 3,
      },
    );
  return draft(
    short(
      stem,
      p(`${ref}答：鸡有 ${c} 只，兔有 ${rb} 只。`),
      [
        [2, '假设法（或列表、方程）思路正确'],
        [2, `兔 ${rb} 只、鸡 ${c} 只`],
        [1, '答句完整'],
      ],
      {
        full: `${ref}答：鸡有 ${c} 只，兔有 ${rb} 只。`,
        partial: `${heads} × 2 = ${2 * heads}  ${legs} − ${2 * heads} = ${legs - 2 * heads}  兔 ${rb} 只`,
        poor: `${legs} ÷ 4 = ${Math.floor(legs / 4)}`,
      },
    ),
    { level: 'analyse', difficulty: cd(0.46), seconds: 300, score: 5 },
  );
};

const treePlanting: Gen = (r) => {
  const gap = r.pick([4, 5, 6, 8, 10]);
  const len = gap * r.range(8, 30);
  const mode = r.int(3);
  const [count, how] =
    mode === 0
      ? [len / gap + 1, '两端都栽']
      : mode === 1
        ? [len / gap - 1, '两端都不栽']
        : [len / gap, '只栽一端'];
  const leaf = fill(
    p(`在一条长 ${len} 米的小路一旁栽树，每隔 ${gap} 米栽一棵（${how}），一共要栽 ${blank('b1')} 棵树。`),
    [nb('b1', count, [len / gap, len / gap + 1, len / gap - 1])],
    p(
      `间隔数是 ${len} ÷ ${gap} = ${len / gap}，${how}时棵数${mode === 0 ? '比间隔数多 1' : mode === 1 ? '比间隔数少 1' : '等于间隔数'}。`,
    ),
  );
  return draft(leaf, { level: 'apply', difficulty: cd(mode === 2 ? 0.62 : 0.56), seconds: 60, score: 2 });
};

const pigeonhole: Gen = (r) => {
  const boxes = r.range(3, 7);
  const items = boxes * r.range(1, 3) + r.range(1, boxes - 1);
  const least = Math.ceil(items / boxes);
  const leaf = fill(
    p(`把 ${items} 本书放进 ${boxes} 个抽屉里，不管怎么放，总有一个抽屉里至少放进了 ${blank('b1')} 本书。`),
    [nb('b1', least, [Math.floor(items / boxes), items - boxes])],
  );
  return draft(leaf, { level: 'analyse', difficulty: cd(0.5), seconds: 60, score: 2 });
};

const findDefect: Gen = (r) => {
  const n = r.pick([3, 5, 8, 9, 12, 20, 27, 30]);
  const times = Math.ceil(Math.log(n) / Math.log(3) - 1e-9);
  const leaf = fill(
    p(
      `有 ${n} 个外观相同的零件，其中有 1 个是次品（次品轻一些）。用天平称，至少称 ${blank('b1')} 次能保证找出次品。`,
    ),
    [
      nb(
        'b1',
        times,
        [times + 1, Math.ceil(Math.log2(n))].filter((x) => x !== times),
      ),
    ],
    p('把零件尽量平均分成 3 份来称，次数最少。'),
  );
  return draft(leaf, { level: 'analyse', difficulty: cd(0.45), seconds: 60, score: 2 });
};

const pancakes: Gen = (r) => {
  const each = r.pick([2, 3, 4]);
  const n = r.range(3, 7);
  const value = n === 1 ? 2 * each : Math.ceil((2 * n) / 2) * each;
  const leaf = fill(
    p(
      `用一口平底锅烙饼，每次最多能烙 2 张，两面都要烙，每面需要 ${each} 分钟。烙 ${n} 张饼至少需要 ${blank('b1')} 分钟。`,
    ),
    [
      nb(
        'b1',
        value,
        [Math.ceil(n / 2) * 2 * each, n * 2 * each].filter((x) => x !== value),
      ),
    ],
    p('每次都让锅里烙 2 个面，不让锅空着，所需时间最少。'),
  );
  return draft(leaf, { level: 'analyse', difficulty: cd(0.48), seconds: 75, score: 2 });
};

const chance: Gen = (r) => {
  const red = r.range(2, 9);
  const yellow = r.range(1, 9);
  if (red === yellow) return chance(r);
  const more = red > yellow ? '红' : '黄';
  const leaf = single(
    r,
    p(`一个袋子里有 ${red} 个红球和 ${yellow} 个黄球，它们除颜色外完全相同。任意摸出一个球，（　　）。`),
    `摸到${more}球的可能性大`,
    [`摸到${more === '红' ? '黄' : '红'}球的可能性大`, '摸到红球和黄球的可能性一样大', '一定摸到红球'],
  );
  return draft(leaf, { level: 'understand', difficulty: cd(0.84), seconds: 30, score: 2 });
};

const negative: Gen = (r) => {
  const t = r.range(2, 12);
  const up = r.range(3, 15);
  const leaf = fill(
    p(
      `哈尔滨某天早上的气温是零下 ${t} ℃，记作 ${blank('b1')} ℃；中午比早上升高了 ${up} ℃，中午的气温是 ${blank('b2')} ℃。`,
    ),
    [nb('b1', -t, [t]), nb('b2', up - t, [up + t, t - up])],
  );
  return draft(leaf, { level: 'understand', difficulty: cd(0.62), seconds: 60, score: 2 });
};

const letters: Gen = (r) => {
  const price = r.pick(['a', 'x', 'm']);
  const n = r.range(3, 9);
  const leaf = fill(
    p(
      `一支钢笔 ${f(price)} 元，一本笔记本比一支钢笔便宜 ${n} 元。买一支钢笔和一本笔记本一共要 ${blank('b1')} 元。`,
    ),
    [
      {
        id: 'b1',
        accepted: [`2${price}-${n}`, `2${price}−${n}`, `${price}+${price}-${n}`],
        wrong: [`${price}-${n}`, `2${price}+${n}`],
      },
    ],
  );
  return draft(leaf, { level: 'understand', difficulty: cd(0.58), seconds: 60, score: 2 });
};

const equationMeaning: Gen = (r) => {
  const x = r.range(2, 9);
  const eq = `${x}x + 3 = ${x * 4 + 3}`;
  const leaf = single(
    r,
    p('下面各式中，是方程的是（　　）。'),
    f(eq),
    [f(`${x} + 3 = ${x + 3}`), f(`5x − 2`), f(`4x > 12`)],
    {
      explanation: p('含有未知数的等式叫作方程。'),
    },
  );
  return draft(leaf, { level: 'remember', difficulty: cd(0.82), seconds: 30, score: 2 });
};

const simpleEquation: Gen = (r) => {
  const x = r.range(2, 30);
  const a = r.range(2, 9);
  const b = r.range(3, 40);
  if (r.chance(0.35)) {
    const name = r.pick(NAMES);
    const stem = p(
      `${name}买了 ${a} 支同样的铅笔，付了 50 元，找回 ${50 - a * x} 元。每支铅笔多少元？（列方程解答）`,
    );
    if (50 - a * x <= 0) return simpleEquation(r);
    const ref = `解：设每支铅笔 x 元。${a}x + ${50 - a * x} = 50，${a}x = ${a * x}，x = ${x}。答：每支铅笔 ${x} 元。`;
    return draft(
      short(
        stem,
        p(ref),
        [
          [2, '设未知数，列出方程'],
          [2, `解得 x = ${x}`],
          [1, '检验或答句'],
        ],
        {
          full: ref,
          partial: `${a}x + ${50 - a * x} = 50  x = ${x + 1}`,
          poor: `50 − ${50 - a * x} = ${a * x}`,
        },
      ),
      {
        level: 'apply',
        difficulty: cd(0.6),
        seconds: 180,
        score: 5,
      },
    );
  }
  return draft(
    fill(
      p(`解方程：${f(`${a}x + ${b} = ${a * x + b}`)}，${f('x =')} ${blank('b1')}`),
      [nb('b1', x, [x + b, (a * x + b + b) / a])],
      p('根据等式的性质，方程两边同时减去同一个数、再同时除以同一个数（0 除外）。'),
    ),
    {
      level: 'apply',
      difficulty: cd(0.74),
      seconds: 60,
      score: 2,
    },
  );
};

const factors: Gen = (r) => {
  const kind = r.int(3);
  if (kind === 0) {
    const g = r.range(2, 9);
    const a = g * r.range(2, 7);
    let b = g * r.range(2, 9);
    if (a === b) b += g;
    const G = gcd(a, b);
    const L = (a * b) / G;
    return draft(
      fill(p(`${a} 和 ${b} 的最大公因数是 ${blank('b1')}，最小公倍数是 ${blank('b2')}。`), [
        nb('b1', G, [L]),
        nb('b2', L, [a * b, G]),
      ]),
      {
        level: 'apply',
        difficulty: cd(0.64),
        seconds: 75,
        score: 2,
      },
    );
  }
  if (kind === 1) {
    const pool = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 1, 9, 15, 21, 27, 33, 39, 49, 51, 57, 91];
    const nums = r.shuffle([...pool]).slice(0, 5);
    const primes = nums.filter((x) => x > 1 && [2, 3, 5, 7].every((q) => x === q || x % q !== 0));
    if (primes.length === 0 || primes.length === nums.length) return factors(r);
    const leaf = multiple(
      r,
      p('下面各数中，是质数的有（　　）。'),
      primes.map(String),
      nums.filter((x) => !primes.includes(x)).map(String),
      p('只有 1 和它本身两个因数的数是质数；1 既不是质数也不是合数。'),
    );
    return draft(leaf, { level: 'understand', difficulty: cd(0.5), seconds: 60, score: 3 });
  }
  const a = r.range(1, 9);
  const ok = [...Array(10).keys()].filter((d) => (a + d) % 3 === 0);
  const no = [...Array(10).keys()].filter((d) => (a + d) % 3 !== 0);
  const leaf = single(
    r,
    p(`在 ${a}□0 的 □ 里填一个数字，使这个三位数同时是 2、3、5 的倍数，□ 里可以填（　　）。`),
    String(r.pick(ok)),
    r.shuffle(no).slice(0, 3).map(String),
    {
      explanation: p(
        `个位是 0，它已经是 2 和 5 的倍数；各位上数的和 ${a} + □ 是 3 的倍数时，□ 可以填 ${ok.join('、')}。`,
      ),
    },
  );
  return draft(leaf, { level: 'apply', difficulty: cd(0.58), seconds: 60, score: 2 });
};

const multiplesOf: Gen = (r) => {
  const n = r.range(102, 998);
  const by = r.pick([2, 3, 5]);
  const yes = n % by === 0;
  return draft(
    judge(
      p(`${n} 是 ${by} 的倍数。`),
      yes,
      p(
        by === 3
          ? '各位上数的和是 3 的倍数，这个数就是 3 的倍数。'
          : `个位上是 ${by === 2 ? '0、2、4、6、8' : '0 或 5'} 的数是 ${by} 的倍数。`,
      ),
    ),
    {
      level: 'understand',
      difficulty: cd(by === 3 ? 0.68 : 0.84),
      seconds: 30,
      score: 1,
    },
  );
};

const MONTHS = ['3 月', '4 月', '5 月', '6 月'];
/** A table of books read, and questions on it: a composite with a real table. */
const statsTable: Gen = (r) => {
  const boys = MONTHS.map(() => r.range(18, 60));
  const girls = MONTHS.map((_, i) => (i === 0 ? boys[0]! + r.pick([-7, -5, -3, 4, 6, 9]) : r.range(18, 60)));
  const cls = r.pick(['四（1）班', '四（2）班', '五（3）班']);
  const rows = MONTHS.map((m, i) => `<tr><td>${m}</td><td>${boys[i]}</td><td>${girls[i]}</td></tr>`).join('');
  const stem = `${p(`${cls}同学课外阅读情况统计表（单位：本）`)}<table><thead><tr><th>月份</th><th>男生</th><th>女生</th></tr></thead><tbody>${rows}</tbody></table>`;
  const totals = MONTHS.map((_, i) => boys[i]! + girls[i]!);
  const best = totals.indexOf(Math.max(...totals));
  const sumGirls = girls.reduce((s, x) => s + x, 0);
  const parts = [
    {
      leaf: fill(p(`女生四个月一共读了 ${blank('b1')} 本书。`), [nb('b1', sumGirls, [sumGirls - girls[3]!])]),
      score: 2,
    },
    {
      leaf: single(
        r,
        p('哪个月男生、女生合计读书最多？（　　）'),
        MONTHS[best]!,
        MONTHS.filter((_, i) => i !== best),
      ),
      score: 2,
    },
    {
      leaf: judge(
        p(`${MONTHS[0]}男生比女生多读了 ${Math.abs(boys[0]! - girls[0]!)} 本。`),
        boys[0]! > girls[0]!,
      ),
      score: 1,
    },
    {
      leaf: short(
        p('要清楚地比较每个月男生和女生的读书数量，应该选用什么统计图？说说理由。'),
        p('选用复式条形统计图，它能清楚地看出每个月男生、女生读书数量的多少，便于比较。'),
        [
          [1, '复式条形统计图'],
          [2, '理由：便于比较两组数据的多少'],
        ],
        {
          full: '复式条形统计图，因为能清楚地比较每个月男生和女生读书的多少。',
          partial: '条形统计图，可以看出多少。',
          poor: '折线统计图。',
        },
      ),
      score: 3,
    },
  ];
  return composite(stem, parts, { level: 'analyse', difficulty: cd(0.66), seconds: 360 });
};

/** Grade 3–6 word-problem, number-theory, equation and statistics generators, by knowledge-point code. */
export const PUZZLE_GENS: Record<string, Gen[]> = {
  'MA-13-007': [times],
  'MA-13-015': [overlap],
  'MA-13-019': [statsTable],
  'MA-14-015': [statsTable],
  'MA-14-016': [pancakes],
  'MA-14-034': [statsTable],
  'MA-14-035': [chickensRabbits],
  'MA-15-008': [chance],
  'MA-15-009': [letters],
  'MA-15-010': [equationMeaning],
  'MA-15-011': [simpleEquation],
  'MA-15-012': [simpleEquation],
  'MA-15-013': [simpleEquation],
  'MA-15-017': [treePlanting],
  'MA-15-019': [factors],
  'MA-15-020': [multiplesOf],
  'MA-15-021': [factors],
  'MA-15-031': [factors],
  'MA-15-032': [factors],
  'MA-15-038': [statsTable],
  'MA-15-039': [findDefect],
  'MA-16-018': [statsTable],
  'MA-16-020': [negative],
  'MA-16-034': [pigeonhole],
};

/**
 * Generators of the demo bank: letters and simple equations, factors and multiples, and
 * statistics tables of grades 3–6. Pure.
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

export const THEORY_GENS: Record<string, Gen[]> = {
  'MA-13-019': [statsTable],
  'MA-14-015': [statsTable],
  'MA-14-034': [statsTable],
  'MA-15-009': [letters],
  'MA-15-010': [equationMeaning],
  'MA-15-011': [simpleEquation],
  'MA-15-012': [simpleEquation],
  'MA-15-013': [simpleEquation],
  'MA-15-019': [factors],
  'MA-15-020': [multiplesOf],
  'MA-15-021': [factors],
  'MA-15-031': [factors],
  'MA-15-032': [factors],
  'MA-15-038': [statsTable],
  'MA-16-018': [statsTable],
};

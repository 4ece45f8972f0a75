/**
 * Generators of the demo bank: functions, statistics and probability of grades 8–9 (一次函数,
 * 二次函数, 反比例函数, 数据的分析, 概率), every answer computed. Pure.
 */
import type { Rng } from '../../demo/prng.ts';
import { f } from './demo-formula.ts';
import {
  blank,
  clampDifficulty as cd,
  composite,
  draft,
  fill,
  judge,
  num,
  p,
  short,
  single,
} from './demo-item-kit.ts';
import { fracText } from './demo-math-fraction.ts';
import { type Gen, nb } from './demo-math-number.ts';
import { QUADRANTS } from './demo-math-shape.ts';

const linearFunction: Gen = (r) => {
  const k = r.pick([-3, -2, -1, 1, 2, 3]);
  const b = r.range(-5, 5) || 2;
  const fx = `y = ${k === 1 ? '' : k === -1 ? '-' : k}x ${b < 0 ? '-' : '+'} ${Math.abs(b)}`;
  const kind = r.int(3);
  if (kind === 0) {
    const missing = k > 0 ? (b > 0 ? '四' : '二') : b > 0 ? '三' : '一';
    return draft(
      fill(p(`一次函数 ${f(fx)} 的图象不经过第 ${blank('b1')} 象限。`), [
        { id: 'b1', accepted: [missing], wrong: QUADRANTS.filter((z) => z !== missing).slice(0, 2) },
      ]),
      { level: 'understand', difficulty: cd(0.62), seconds: 45, score: 2 },
    );
  }
  if (kind === 1)
    return draft(
      fill(
        p(
          `一次函数 ${f(fx)} 的图象与 ${f('y')} 轴的交点坐标是（0，${blank('b1')}），${f('y')} 随 ${f('x')} 的增大而 ${blank('b2')}。`,
        ),
        [
          nb('b1', b, [-b]),
          { id: 'b2', accepted: [k > 0 ? '增大' : '减小'], wrong: [k > 0 ? '减小' : '增大'] },
        ],
      ),
      {
        level: 'understand',
        difficulty: cd(0.7),
        seconds: 45,
        score: 2,
      },
    );
  const x1 = r.range(-3, 1);
  const x2 = x1 + r.range(1, 4);
  const stem = p(
    `已知一次函数的图象经过点 ${f(`A(${x1}, ${k * x1 + b})`)} 和 ${f(`B(${x2}, ${k * x2 + b})`)}，求这个一次函数的解析式。`,
  );
  const ref = `设 y = kx + b，代入两点得 ${k * x1 + b} = ${x1}k + b，${k * x2 + b} = ${x2}k + b，解得 k = ${k}，b = ${b}，所以 ${fx.replace(/ /g, '')}。`;
  return draft(
    short(
      stem,
      p(ref),
      [
        [1, '设出解析式'],
        [2, '代入两点列方程组'],
        [1, `得到 ${fx.replace(/ /g, '')}`],
      ],
      { full: ref, partial: `k = ${k}，b = ${b + 1}`, poor: `y = ${k}x` },
    ),
    { level: 'apply', difficulty: cd(0.62), seconds: 180, score: 4 },
  );
};

const parabola: Gen = (r) => {
  const h = r.range(-4, 4);
  const k = r.range(-5, 5);
  const a = r.pick([1, -1, 2, -2]);
  const square = h === 0 ? 'x^2' : `(x ${h < 0 ? '+' : '-'} ${Math.abs(h)})^2`;
  const form = `y = ${a === 1 ? '' : a === -1 ? '-' : a}${square}${k === 0 ? '' : ` ${k < 0 ? '-' : '+'} ${Math.abs(k)}`}`;
  if (r.chance(0.5))
    return draft(
      fill(
        p(
          `抛物线 ${f(form)} 的顶点坐标是（${blank('x')}，${blank('y')}），对称轴是直线 ${f('x =')} ${blank('a')}。`,
        ),
        [nb('x', h, [-h]), nb('y', k, [-k]), nb('a', h, [-h])],
      ),
      {
        level: 'understand',
        difficulty: cd(0.68),
        seconds: 60,
        score: 3,
      },
    );
  const extreme = a > 0 ? '最小值' : '最大值';
  return draft(
    single(
      r,
      p(`对于二次函数 ${f(form)}，下列说法正确的是（　　）。`),
      `当 ${f(`x = ${h}`)} 时，函数有${extreme} ${k}`,
      [
        `当 ${f(`x = ${-h || 1}`)} 时，函数有${extreme} ${k}`,
        `图象的开口向${a > 0 ? '下' : '上'}`,
        `当 ${f(`x = ${h}`)} 时，函数有${a > 0 ? '最大值' : '最小值'} ${k}`,
      ],
    ),
    {
      level: 'understand',
      difficulty: cd(0.6),
      seconds: 60,
      score: 3,
    },
  );
};

const inverse: Gen = (r) => {
  const x = r.pick([-3, -2, -1, 1, 2, 3, 4]);
  const y = r.pick([-4, -3, -2, 2, 3, 6]);
  const k = x * y;
  return draft(
    fill(
      p(
        `反比例函数 ${f('y = {k/x}')} 的图象经过点 ${f(`(${x}, ${y})`)}，则 ${f('k =')} ${blank('b1')}，图象位于第 ${blank('b2')} 象限。`,
      ),
      [
        nb('b1', k, [-k, x + y]),
        {
          id: 'b2',
          accepted: [k > 0 ? '一、三' : '二、四', k > 0 ? '一三' : '二四'],
          wrong: [k > 0 ? '二、四' : '一、三'],
        },
      ],
    ),
    {
      level: 'apply',
      difficulty: cd(0.68),
      seconds: 60,
      score: 3,
    },
  );
};

const dataSet = (r: Rng) => Array.from({ length: r.range(6, 8) }, () => r.range(80, 98));
const statistics: Gen = (r) => {
  const xs = dataSet(r);
  const sorted = [...xs].sort((a, b) => a - b);
  const n = xs.length;
  const median = n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  const team = r.pick(['七（3）班的跳绳小组', '学校合唱团的评委', '八年级的 6 名同学']);
  const parts = [
    {
      leaf: fill(p(`这组数据的中位数是 ${blank('m')}。`), [
        nb('m', num(median), [num(xs[Math.floor(n / 2)]!)]),
      ]),
      score: 2,
    },
    {
      leaf: fill(p(`这组数据的平均数是 ${blank('a')}（结果保留一位小数）。`), [
        { id: 'a', accepted: [mean.toFixed(1)], kind: 'number' as const, wrong: [num(median)] },
      ]),
      score: 2,
    },
    { leaf: judge(p('这组数据的众数一定比中位数大。'), false), score: 1 },
  ];
  return composite(p(`${team}的一组成绩（单位：分）如下：${xs.join('，')}。`), parts, {
    level: 'apply',
    difficulty: cd(0.64),
    seconds: 240,
  });
};

const probability: Gen = (r) => {
  const red = r.range(1, 6);
  const white = r.range(1, 6);
  if (r.chance(0.5))
    return draft(
      fill(
        p(
          `一个不透明的袋子中有 ${red} 个红球和 ${white} 个白球，这些球除颜色外都相同。从中随机摸出一个球，摸到红球的概率是 ${blank('b1')}。`,
        ),
        [nb('b1', fracText(red, red + white), [fracText(red, white), fracText(white, red + white)])],
      ),
      {
        level: 'apply',
        difficulty: cd(0.78),
        seconds: 40,
        score: 2,
      },
    );
  const total = 36;
  const sums = [...Array(6).keys()].flatMap((a) => [...Array(6).keys()].map((b) => a + b + 2));
  const target = r.range(4, 10);
  const hits = sums.filter((s) => s === target).length;
  return draft(
    fill(
      p(`同时掷两枚质地均匀的骰子，朝上的点数之和为 ${target} 的概率是 ${blank('b1')}。`),
      [nb('b1', fracText(hits, total), [fracText(1, 11), fracText(hits, 21)])],
      p('用列表法列出所有 36 种等可能的结果。'),
    ),
    {
      level: 'analyse',
      difficulty: cd(0.5),
      seconds: 120,
      score: 3,
    },
  );
};

const lineAndEquation: Gen = (r) => {
  const k = r.pick([2, 3, 4, -2, -3]);
  const root = r.pick([-4, -3, -2, -1, 1, 2, 3, 4, 5]);
  const b = -k * root;
  const fx = `y = ${k}x ${b < 0 ? '-' : '+'} ${Math.abs(b)}`;
  return draft(
    fill(
      p(
        `一次函数 ${f(fx)} 的图象与 ${f('x')} 轴交点的坐标是（${blank('x')}，0），所以方程 ${f(`${k}x ${b < 0 ? '-' : '+'} ${Math.abs(b)} = 0`)} 的解是 ${f('x =')} ${blank('s')}。`,
      ),
      [nb('x', root, [-root]), nb('s', root, [-root])],
    ),
    { level: 'understand', difficulty: cd(0.7), seconds: 60, score: 2 },
  );
};

const plans: Gen = (r) => {
  const fee = r.pick([20, 30, 40]);
  const [a, b] = r.pick([
    [0.1, 0.2],
    [0.15, 0.25],
    [0.1, 0.3],
  ] as const);
  const x = Math.round(fee / (b - a));
  const leaf = fill(
    p(
      `某通信公司有两种话费方案：A 方案每月收月租 ${fee} 元，通话每分钟 ${a} 元；B 方案不收月租，通话每分钟 ${b} 元。每月通话 ${blank('x')} 分钟时，两种方案费用相同；通话时间比这多时，选 ${blank('c')} 方案更省钱。`,
    ),
    [nb('x', x, [Math.round(fee / a), Math.round(fee / b)]), { id: 'c', accepted: ['A'], wrong: ['B'] }],
    p(`设通话 x 分钟，${fee} + ${a}x = ${b}x，解得 x = ${x}。`),
  );
  return draft(leaf, { level: 'analyse', difficulty: cd(0.55), seconds: 150, score: 3 });
};

const parabolaThrough: Gen = (r) => {
  const x1 = r.range(-3, 2);
  const x2 = x1 + r.range(1, 4);
  const b = -(x1 + x2);
  const c = x1 * x2;
  return draft(
    fill(
      p(
        `抛物线 ${f('y = x^2 + bx + c')} 经过点 ${f(`(${x1}, 0)`)} 和 ${f(`(${x2}, 0)`)}，则 ${f('b =')} ${blank('b')}，${f('c =')} ${blank('c')}。`,
      ),
      [nb('b', b, [-b]), nb('c', c, [-c])],
      p('把两点的坐标代入解析式，得到关于 b、c 的方程组。'),
    ),
    { level: 'apply', difficulty: cd(0.6), seconds: 120, score: 3 },
  );
};

export const FUNCTION_GENS: Record<string, Gen[]> = {
  'MA-22-040': [lineAndEquation],
  'MA-22-041': [plans],
  'MA-23-010': [parabolaThrough],
  'MA-22-036': [linearFunction],
  'MA-22-037': [linearFunction],
  'MA-22-038': [linearFunction],
  'MA-22-039': [linearFunction],
  'MA-22-042': [statistics],
  'MA-22-043': [statistics],
  'MA-23-008': [parabola],
  'MA-23-009': [parabola],
  'MA-23-025': [probability],
  'MA-23-026': [probability],
  'MA-23-028': [inverse],
  'MA-23-029': [inverse],
};

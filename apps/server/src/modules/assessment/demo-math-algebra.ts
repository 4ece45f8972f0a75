/**
 * Generators of the demo bank: numbers and algebra of grades 7–9 (有理数, 整式, 方程与不等式, 实数,
 * 幂的运算, 乘法公式与因式分解, 分式, 二次根式, 一元二次方程), computed from their coefficients. Pure.
 */
import type { Rng } from '../../demo/prng.ts';
import { f } from './demo-formula.ts';
import {
  blank,
  clampDifficulty as cd,
  draft,
  fill,
  judge,
  lures,
  num,
  p,
  short,
  single,
} from './demo-item-kit.ts';
import { fracText } from './demo-math-fraction.ts';
import { compute, type Gen, nb } from './demo-math-number.ts';

/** A signed number in the formula syntax, bracketed when negative: (-3). */
const sn = (x: number) => (x < 0 ? `(-${-x})` : String(x));
/** `+ 3` or `- 3` after a term. */
const pm = (x: number) => (x < 0 ? `- ${-x}` : `+ ${x}`);
/** A coefficient before x: 1 → x, -1 → -x. */
const cx = (k: number, v = 'x') => (k === 1 ? v : k === -1 ? `-${v}` : `${k}${v}`);
const nz = (r: Rng, lo: number, hi: number) => {
  const x = r.range(lo, hi);
  return x === 0 ? 1 : x;
};

const rationalOps: Gen = (r) => {
  const a = nz(r, -20, 20);
  const b = nz(r, -20, 20);
  const op = r.pick(['+', '−', '×']);
  const value = op === '+' ? a + b : op === '−' ? a - b : a * b;
  const wrong =
    op === '+' ? [Math.abs(a) + Math.abs(b), a - b] : op === '−' ? [a + b, b - a] : [-a * b, Math.abs(a * b)];
  return compute(`${sn(a)} ${op} ${sn(b)}`, value, wrong, { d: op === '×' ? 0.84 : 0.72 });
};

const absolute: Gen = (r) => {
  const a = nz(r, -15, 15);
  if (r.chance(0.5))
    return draft(
      fill(p(`${f(`-${Math.abs(a)}`)} 的相反数是 ${blank('b1')}，绝对值是 ${blank('b2')}。`), [
        nb('b1', Math.abs(a), [-Math.abs(a)]),
        nb('b2', Math.abs(a), [-Math.abs(a)]),
      ]),
      {
        level: 'remember',
        difficulty: cd(0.86),
        seconds: 30,
        score: 2,
      },
    );
  const x = -r.range(2, 9) - r.pick([0.5, 0.25, 0]);
  const y = x + r.pick([0.5, 1, -0.5]);
  const bigger = Math.max(x, y);
  return draft(
    single(r, p(`比较大小：${f(String(x))} 和 ${f(String(y))}，较大的数是（　　）。`), f(String(bigger)), [
      f(String(Math.min(x, y))),
      '一样大',
      '无法比较',
    ]),
    { level: 'understand', difficulty: cd(0.7), seconds: 30, score: 2 },
  );
};

const powers: Gen = (r) => {
  const a = r.range(2, 5);
  const n = r.pick([2, 3, 4]);
  if (r.chance(0.5)) {
    const correct = String(-(a ** n));
    return draft(
      single(
        r,
        p(`${f(`-${a}^${n}`)} 的值是（　　）。`),
        f(correct),
        lures(f(correct), [String(a ** n), String(-a * n), String(a * n)].map(f)),
      ),
      { level: 'understand', difficulty: cd(0.56), seconds: 40, score: 2 },
    );
  }
  return compute(`(-${a})^${n}`, (-a) ** n, [-(a ** n), -a * n], { d: 0.7 });
};

const scientific: Gen = (r) => {
  const mant = r.range(11, 99) / 10;
  const e = r.range(4, 8);
  const n = Math.round(mant * 10 ** e);
  const thing = r.pick([
    `广州地铁某月日均客运量约为 ${n} 人次`,
    `某年广州市接待游客约 ${n} 人次`,
    `珠江某段一年的径流量约为 ${n} 立方米`,
  ]);
  const fmt = (m: number, k: number) => f(`${num(m)} × 10^${k}`);
  return draft(
    single(r, p(`${thing}，将 ${n} 用科学记数法表示为（　　）。`), fmt(mant, e), [
      fmt(mant, e + 1),
      fmt(mant * 10, e - 1),
      fmt(mant / 10, e - 1),
    ]),
    { level: 'apply', difficulty: cd(0.72), seconds: 45, score: 3 },
  );
};

const likeTerms: Gen = (r) => {
  const [a, b, c] = [nz(r, -6, 9), nz(r, -9, 9), nz(r, -5, 9)];
  const total = a + b + c;
  if (total === 0) return likeTerms(r);
  const expr = [cx(a, 'a'), ...[b, c].map((t) => `${t < 0 ? '-' : '+'} ${cx(Math.abs(t), 'a')}`)].join(' ');
  return draft(
    single(
      r,
      p(`化简 ${f(expr)} 的结果是（　　）。`),
      f(cx(total, 'a')),
      lures(
        f(cx(total, 'a')),
        [
          cx(a + b - c, 'a'),
          `${total}a^3`,
          cx(Math.abs(a) + Math.abs(b) + Math.abs(c), 'a'),
          cx(-total, 'a'),
        ].map(f),
      ),
    ),
    { level: 'apply', difficulty: cd(0.74), seconds: 45, score: 3 },
  );
};

const monomial: Gen = (r) => {
  const k = nz(r, -9, 9);
  const m = r.range(1, 3);
  const n = r.range(1, 3);
  const mono = `${k === 1 ? '' : k === -1 ? '-' : k}x${m > 1 ? `^${m}` : ''}y${n > 1 ? `^${n}` : ''}`;
  return draft(
    fill(p(`单项式 ${f(mono)} 的系数是 ${blank('b1')}，次数是 ${blank('b2')}。`), [
      nb('b1', k, [Math.abs(k), k === 1 ? 0 : k * 2]),
      nb('b2', m + n, [m, m * n]),
    ]),
    { level: 'remember', difficulty: cd(0.72), seconds: 40, score: 2 },
  );
};

const linearEquation: Gen = (r) => {
  const x = nz(r, -6, 9);
  const a = r.range(2, 9);
  const c = r.range(1, a - 1);
  const b = r.range(-15, 15);
  const d = a * x + b - c * x;
  if (r.chance(0.5))
    return draft(
      fill(p(`解方程 ${f(`${cx(a)} ${pm(b)} = ${cx(c)} ${pm(d)}`)}，得 ${f('x =')} ${blank('b1')}`), [
        nb(
          'b1',
          x,
          [(d + b) / (a - c), -x].filter((v) => Number.isInteger(v)),
        ),
      ]),
      { level: 'apply', difficulty: cd(0.7), seconds: 90, score: 3 },
    );
  const k = r.range(2, 5);
  const e = r.range(1, 9);
  // k(x + e) - x = result
  const result = k * (x + e) - x;
  const stem = p(`解方程：${f(`${k}(x ${pm(e)}) - x = ${result}`)}`);
  const ref = `去括号，得 ${k}x ${pm(k * e)} − x = ${result}；移项、合并同类项，得 ${k - 1}x = ${result - k * e}；系数化为 1，得 x = ${x}。`;
  return draft(
    short(
      stem,
      p(ref),
      [
        [1, '去括号正确'],
        [1, '移项正确（移项要变号）'],
        [2, `解得 x = ${x}`],
      ],
      {
        full: ref,
        partial: `${k}x ${pm(e)} − x = ${result}  x = ${(result - e) / (k - 1)}`,
        poor: `x = ${result}`,
      },
    ),
    {
      level: 'apply',
      difficulty: cd(0.64),
      seconds: 180,
      score: 4,
    },
  );
};

const equationWord: Gen = (r) => {
  const price = r.range(3, 9) * 5;
  const extra = r.range(2, 8) * 5;
  const n1 = r.range(2, 6);
  const n2 = r.range(2, 6);
  const total = n1 * price + n2 * (price + extra);
  const stem = p(
    `学校合唱团购买演出服，男生上衣每件比女生上衣贵 ${extra} 元。买 ${n1} 件女生上衣和 ${n2} 件男生上衣共花了 ${total} 元，女生上衣每件多少元？`,
  );
  const ref = `设女生上衣每件 x 元，则男生上衣每件 (x + ${extra}) 元。${n1}x + ${n2}(x + ${extra}) = ${total}，${n1 + n2}x = ${total - n2 * extra}，x = ${price}。答：女生上衣每件 ${price} 元。`;
  return draft(
    short(
      stem,
      p(ref),
      [
        [2, '设未知数并正确表示男生上衣价格'],
        [2, '列出方程'],
        [2, `解得 x = ${price} 并作答`],
      ],
      {
        full: ref,
        partial: `${n1}x + ${n2}x = ${total}  x = ${Math.round(total / (n1 + n2))}`,
        poor: `${total} ÷ ${n1 + n2} = ${Math.round(total / (n1 + n2))}`,
      },
    ),
    {
      level: 'apply',
      difficulty: cd(0.58),
      seconds: 300,
      score: 6,
    },
  );
};

const system2: Gen = (r) => {
  const x = nz(r, -5, 8);
  const y = nz(r, -5, 8);
  const [a, b] = [r.range(1, 4), r.range(1, 4)];
  const s = a * x + b * y;
  const d = x - y;
  const eqs = `${f(`${cx(a)} + ${cx(b, 'y')} = ${s}`)}，${f(`x - y = ${d}`)}`;
  return draft(
    fill(
      p(`方程组 ${eqs} 的解是 ${f('x =')} ${blank('x')}，${f('y =')} ${blank('y')}。`),
      [nb('x', x, [y]), nb('y', y, [x, -y])],
      p('用代入消元法或加减消元法消去一个未知数。'),
    ),
    { level: 'apply', difficulty: cd(0.66), seconds: 120, score: 3 },
  );
};

const systemWord: Gen = (r) => {
  const adult = r.range(6, 12) * 5;
  const child = adult / 2;
  const na = r.range(3, 12);
  const nc = r.range(10, 30);
  const stem = p(
    `某班组织参观广东省博物馆，参观的学生和家长共 ${na + nc} 人，门票（讲解费）家长每人 ${adult} 元，学生半价，共付 ${na * adult + nc * child} 元。参观的家长和学生各有多少人？`,
  );
  const ref = `设家长 x 人，学生 y 人。x + y = ${na + nc}，${adult}x + ${child}y = ${na * adult + nc * child}，解得 x = ${na}，y = ${nc}。答：家长 ${na} 人，学生 ${nc} 人。`;
  return draft(
    short(
      stem,
      p(ref),
      [
        [2, '设未知数，列出两个方程'],
        [2, '正确解方程组'],
        [2, '检验并作答'],
      ],
      {
        full: ref,
        partial: `x + y = ${na + nc}，${adult}x + ${adult}y = ${na * adult + nc * child}`,
        poor: `${na + nc} ÷ 2 = ${(na + nc) / 2}`,
      },
    ),
    {
      level: 'analyse',
      difficulty: cd(0.55),
      seconds: 360,
      score: 6,
    },
  );
};

const inequality: Gen = (r) => {
  const a = r.range(2, 6);
  const x = r.range(-3, 6);
  const b = r.range(-9, 9);
  const neg = r.chance(0.35);
  const coef = neg ? -a : a;
  const rhs = coef * x + b;
  const correct = neg ? `x > ${x}` : `x < ${x}`;
  const flipped = neg ? `x < ${x}` : `x > ${x}`;
  return draft(
    single(
      r,
      p(`不等式 ${f(`${cx(coef)} ${pm(b)} < ${rhs}`)} 的解集是（　　）。`),
      f(correct),
      lures(f(correct), [flipped, `x < ${-x}`, `x > ${-x}`, `x < ${x + 1}`].map(f)),
    ),
    { level: 'apply', difficulty: cd(neg ? 0.56 : 0.72), seconds: 60, score: 3 },
  );
};

const roots: Gen = (r) => {
  const n = r.range(2, 15);
  const kind = r.int(3);
  if (kind === 0)
    return draft(
      single(r, p(`${n * n} 的平方根是（　　）。`), f(`±${n}`), [f(String(n)), f(`-${n}`), f(`√${n}`)]),
      { level: 'remember', difficulty: cd(0.62), seconds: 30, score: 2 },
    );
  if (kind === 1) {
    const c = r.range(2, 6);
    return compute(`√{${n * n}} + ${c}`, n + c, [n * n + c, n - c], { d: 0.86 });
  }
  const irr = r.pick(['π', '√2', '√3', '√5']);
  const rational = [`{22/7}`, `√{${n * n}}`, '0.333', `-${n}`];
  return draft(single(r, p('下列各数中，是无理数的是（　　）。'), f(irr), rational.slice(0, 3).map(f)), {
    level: 'understand',
    difficulty: cd(0.7),
    seconds: 30,
    score: 2,
  });
};

const exponents: Gen = (r) => {
  const m = r.range(2, 6);
  const n = r.range(2, 5);
  const [k, e] = [r.range(2, 3), r.range(2, 3)];
  const kind = r.int(3);
  const [expr, correct, wrong] =
    kind === 0
      ? [`a^${m} · a^${n}`, `a^{${m + n}}`, [`a^{${m * n}}`, `2a^{${m + n}}`, `a^{${m}${n}}`]]
      : kind === 1
        ? [`(a^${m})^${n}`, `a^{${m * n}}`, [`a^{${m + n}}`, `a^{${m}${n}}`, `${n}a^{${m}}`]]
        : [`(${k}a)^${e}`, `${k ** e}a^${e}`, [`${k}a^${e}`, `${k * e}a^${e}`, `${k ** e}a`]];
  return draft(
    single(r, p(`计算 ${f(expr)} 的结果是（　　）。`), f(correct), lures(f(correct), wrong.map(f))),
    { level: 'apply', difficulty: cd(0.74), seconds: 40, score: 3 },
  );
};

const formulas: Gen = (r) => {
  const a = r.range(1, 9);
  if (r.chance(0.5)) {
    const correct = `x^2 + ${2 * a}x + ${a * a}`;
    const wrong = [
      `x^2 + ${a * a}`,
      `x^2 + ${a}x + ${a * a}`,
      `x^2 + ${2 * a}x + ${2 * a}`,
      `x^2 - ${2 * a}x + ${a * a}`,
    ];
    return draft(
      single(r, p(`${f(`(x + ${a})^2`)} 的展开式是（　　）。`), f(correct), lures(f(correct), wrong.map(f))),
      {
        level: 'apply',
        difficulty: cd(0.7),
        seconds: 40,
        score: 3,
      },
    );
  }
  const b = r.range(2, 12);
  return draft(
    fill(
      p(`用平方差公式计算：${f(`${10 * b + a} × ${10 * b - a} =`)} ${blank('b1')}`),
      [nb('b1', (10 * b) ** 2 - a * a, [(10 * b) ** 2 + a * a, (10 * b) ** 2 - 2 * a])],
      p(`(${10 * b} + ${a})(${10 * b} − ${a}) = ${10 * b}² − ${a}²。`),
    ),
    { level: 'apply', difficulty: cd(0.66), seconds: 60, score: 3 },
  );
};

const factorise: Gen = (r) => {
  const a = r.range(1, 9);
  const kind = r.int(3);
  const [expr, correct, wrong] =
    kind === 0
      ? [`x^2 - ${a * a}`, `(x + ${a})(x - ${a})`, [`(x - ${a})^2`, `(x + ${a})^2`, `x(x - ${a * a})`]]
      : kind === 1
        ? [
            `x^2 - ${2 * a}x + ${a * a}`,
            `(x - ${a})^2`,
            [`(x + ${a})^2`, `(x + ${a})(x - ${a})`, `x(x - ${2 * a}) + ${a * a}`],
          ]
        : [
            `${a + 1}x^2 - ${a + 1}x`,
            `${a + 1}x(x - 1)`,
            [`${a + 1}x(x - ${a + 1})`, `x(${a + 1}x - ${a + 1})`, `${a + 1}(x^2 - x)`],
          ];
  return draft(
    single(r, p(`把 ${f(expr)} 分解因式，结果正确的是（　　）。`), f(correct), wrong.map(f), {
      explanation: p('因式分解要分解到每一个因式都不能再分解为止。'),
    }),
    {
      level: 'apply',
      difficulty: cd(kind === 2 ? 0.58 : 0.7),
      seconds: 45,
      score: 3,
    },
  );
};

const fractionEq: Gen = (r) => {
  // a/(x - 1) = b/x  →  a x = b (x - 1)  →  x = -b/(a - b)
  const a = r.range(2, 6);
  const b = r.pick([1, 2, 3, 4, 5].filter((k) => k !== a));
  const xNum = -b;
  const xDen = a - b;
  if (xNum % xDen !== 0 || xNum / xDen === 0 || xNum / xDen === 1) return fractionEq(r);
  const x = xNum / xDen;
  return draft(
    fill(
      p(`分式方程 ${f(`{${a}/x - 1} = {${b}/x}`)} 的解是 ${f('x =')} ${blank('b1')}`),
      [nb('b1', x, [-x, b - a])],
      p('去分母化为整式方程，求出解后必须检验。'),
    ),
    { level: 'apply', difficulty: cd(0.6), seconds: 120, score: 3 },
  );
};

const fractionMeaningAlg: Gen = (r) => {
  const a = nz(r, -6, 6);
  return draft(
    fill(p(`要使分式 ${f(`{1/x ${pm(-a)}}`)} 有意义，${f('x')} 的取值范围是 ${blank('b1')}。`), [
      { id: 'b1', accepted: [`x≠${a}`, `x ≠ ${a}`], wrong: [`x=${a}`, `x≠${-a}`] },
    ]),
    {
      level: 'understand',
      difficulty: cd(0.68),
      seconds: 40,
      score: 2,
    },
  );
};

const surds: Gen = (r) => {
  const [k, m] = r.pick([
    [2, 2],
    [3, 2],
    [2, 3],
    [3, 3],
    [2, 5],
    [4, 2],
    [5, 2],
    [3, 5],
  ] as const);
  if (r.chance(0.5))
    return draft(
      single(
        r,
        p(`化简 ${f(`√{${k * k * m}}`)} 的结果是（　　）。`),
        f(`${k}√${m}`),
        lures(f(`${k}√${m}`), [`${m}√${k}`, `${k * k}√${m}`, `${k * m}`].map(f)),
      ),
      { level: 'apply', difficulty: cd(0.7), seconds: 40, score: 3 },
    );
  const truth = r.chance(0.5);
  return draft(
    judge(
      p(truth ? `${f(`√${m} × √${k * k * m} = ${k * m}`)}` : `${f(`√${m} + √${k * k} = √${m + k * k}`)}`),
      truth,
    ),
    { level: 'understand', difficulty: cd(truth ? 0.66 : 0.6), seconds: 40, score: 1 },
  );
};

const quadratic: Gen = (r) => {
  const x1 = r.range(-6, 6);
  let x2 = r.range(-6, 8);
  if (x2 === x1) x2 += 1;
  const s = x1 + x2;
  const q = x1 * x2;
  const eq = `x^2 ${pm(-s).replace('+ 1x', '+ x')}x ${pm(q)} = 0`
    .replace(/[+-] 0x /, '')
    .replace(/ [+-] 0 =/, ' =')
    .replace('- 1x', '- x')
    .replace('+ 1x', '+ x');
  const lo = Math.min(x1, x2);
  const hi = Math.max(x1, x2);
  const kind = r.int(3);
  if (kind === 0)
    return draft(
      fill(p(`方程 ${f(eq)} 的两个根中，较小的根是 ${blank('lo')}，较大的根是 ${blank('hi')}。`), [
        nb('lo', lo, [-hi]),
        nb('hi', hi, [-lo]),
      ]),
      { level: 'apply', difficulty: cd(0.62), seconds: 120, score: 3 },
    );
  if (kind === 1)
    return draft(
      fill(
        p(
          `若 ${f('x_1')}、${f('x_2')} 是方程 ${f(eq)} 的两个根，则 ${f('x_1 + x_2 =')} ${blank('s')}，${f('x_1 x_2 =')} ${blank('q')}。`,
        ),
        [nb('s', s, [-s]), nb('q', q, [-q])],
        p('根与系数的关系：x₁ + x₂ = −b/a，x₁x₂ = c/a。'),
      ),
      {
        level: 'apply',
        difficulty: cd(0.66),
        seconds: 60,
        score: 3,
      },
    );
  const c = r.range(1, 12);
  const b = r.range(1, 8);
  const disc = b * b - 4 * c;
  const answer = disc > 0 ? '有两个不相等的实数根' : disc === 0 ? '有两个相等的实数根' : '没有实数根';
  return draft(
    single(
      r,
      p(`一元二次方程 ${f(`x^2 + ${b}x + ${c} = 0`.replace('+ 1x', '+ x'))} 的根的情况是（　　）。`),
      answer,
      ['有两个不相等的实数根', '有两个相等的实数根', '没有实数根', '只有一个实数根'].filter(
        (x) => x !== answer,
      ),
      { keepOrder: true },
    ),
    {
      level: 'apply',
      difficulty: cd(0.7),
      seconds: 60,
      score: 3,
    },
  );
};

const growth: Gen = (r) => {
  const [base, rate] = r.pick([
    [100, 10],
    [200, 20],
    [50, 20],
    [500, 10],
    [1000, 20],
  ] as const);
  const after = (base * (100 + rate) ** 2) / 10_000;
  const what = r.pick([
    '某社区图书角的藏书',
    '某网店一月份的销售额（万元）',
    '海珠湿地某观测点记录到的鸟类只数',
  ]);
  const stem = p(`${what}两年前是 ${base}，现在是 ${after}，求平均每年的增长率。`);
  const ref = `设平均每年的增长率为 x，${base}(1 + x)² = ${after}，解得 x₁ = ${rate / 100} = ${rate}%，x₂ = ${-(200 + rate) / 100}（不合题意，舍去）。答：平均每年增长 ${rate}%。`;
  return draft(
    short(
      stem,
      p(ref),
      [
        [2, '列出方程'],
        [2, '正确求解'],
        [2, '舍去负根并作答'],
      ],
      {
        full: ref,
        partial: `${base}(1 + x)² = ${after}，x = ${rate}% 或 x = ${-(200 + rate)}%`,
        poor: `(${after} − ${base}) ÷ ${base} ÷ 2 = ${((after - base) / base / 2) * 100}%`,
      },
    ),
    {
      level: 'apply',
      difficulty: cd(0.5),
      seconds: 300,
      score: 6,
    },
  );
};

const fractionOps: Gen = (r) => {
  const a = r.range(2, 7);
  return draft(
    single(r, p(`化简 ${f(`{x^2 - ${a * a}/x + ${a}}`)} 的结果是（　　）。`), f(`x - ${a}`), [
      f(`x + ${a}`),
      f(`x - ${a * a}`),
      f(`{1/x - ${a}}`),
    ]),
    {
      level: 'apply',
      difficulty: cd(0.7),
      seconds: 45,
      score: 3,
    },
  );
};

const intExp: Gen = (r) => {
  const a = r.range(2, 5);
  const n = r.range(1, 3);
  return compute(`${a}^{-${n}}`, fracText(1, a ** n), [String(-(a ** n)), String(-a * n)], { d: 0.66 });
};

/** Grade 7–9 number and algebra generators, by knowledge-point code. */
export const ALGEBRA_GENS: Record<string, Gen[]> = {
  'MA-21-001': [absolute],
  'MA-21-002': [absolute],
  'MA-21-003': [absolute],
  'MA-21-004': [absolute],
  'MA-21-005': [rationalOps],
  'MA-21-006': [rationalOps],
  'MA-21-007': [rationalOps],
  'MA-21-008': [powers],
  'MA-21-009': [rationalOps, powers],
  'MA-21-010': [scientific],
  'MA-21-011': [monomial],
  'MA-21-012': [likeTerms],
  'MA-21-013': [likeTerms],
  'MA-21-015': [linearEquation],
  'MA-21-016': [linearEquation],
  'MA-21-017': [equationWord],
  'MA-21-029': [roots],
  'MA-21-030': [roots],
  'MA-21-033': [system2],
  'MA-21-034': [system2],
  'MA-21-035': [system2],
  'MA-21-036': [systemWord],
  'MA-21-038': [inequality],
  'MA-21-039': [inequality],
  'MA-22-013': [exponents],
  'MA-22-014': [exponents, formulas],
  'MA-22-016': [formulas],
  'MA-22-017': [formulas],
  'MA-22-018': [factorise],
  'MA-22-019': [factorise],
  'MA-22-020': [fractionMeaningAlg],
  'MA-22-021': [fractionOps],
  'MA-22-022': [fractionOps],
  'MA-22-023': [intExp],
  'MA-22-024': [fractionEq],
  'MA-22-025': [surds],
  'MA-22-026': [surds],
  'MA-22-027': [surds],
  'MA-23-002': [quadratic],
  'MA-23-003': [quadratic],
  'MA-23-004': [quadratic],
  'MA-23-005': [quadratic],
  'MA-23-006': [growth],
};

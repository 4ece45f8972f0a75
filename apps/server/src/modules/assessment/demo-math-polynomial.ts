import { f } from './demo-formula.ts';
import {
  blank,
  clampDifficulty as cd,
  draft,
  fill,
  judge,
  lures,
  p,
  short,
  single,
} from './demo-item-kit.ts';
import { nz, pm } from './demo-math-algebra.ts';
import { fracText } from './demo-math-fraction.ts';
import { compute, type Gen, nb } from './demo-math-number.ts';

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

export const POLYNOMIAL_GENS: Record<string, Gen[]> = {
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

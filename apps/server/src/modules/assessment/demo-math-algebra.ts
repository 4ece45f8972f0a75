/**
 * Generators of the demo bank: numbers and algebra of grades 7–9 (有理数, 整式, 方程与不等式, 实数,
 * 幂的运算, 乘法公式与因式分解, 分式, 二次根式, 一元二次方程), computed from their coefficients. Pure.
 */
import type { Rng } from '../../demo/prng.ts';
import { f } from './demo-formula.ts';
import { blank, clampDifficulty as cd, draft, fill, lures, num, p, short, single } from './demo-item-kit.ts';
import { compute, type Gen, nb } from './demo-math-number.ts';

/** A signed number in the formula syntax, bracketed when negative: (-3). */
export const sn = (x: number) => (x < 0 ? `(-${-x})` : String(x));
/** `+ 3` or `- 3` after a term. */
export const pm = (x: number) => (x < 0 ? `- ${-x}` : `+ ${x}`);
/** A coefficient before x: 1 → x, -1 → -x. */
export const cx = (k: number, v = 'x') => (k === 1 ? v : k === -1 ? `-${v}` : `${k}${v}`);
export const nz = (r: Rng, lo: number, hi: number) => {
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
};

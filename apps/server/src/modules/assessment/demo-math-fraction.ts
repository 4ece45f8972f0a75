/**
 * Generators of the demo bank: decimals, fractions, percentages and ratios of grades 3–6, computed
 * from their numbers. Pure.
 */
import type { Rng } from '../../demo/prng.ts';
import { f } from './demo-formula.ts';
import {
  blank,
  clampDifficulty as cd,
  draft,
  fill,
  gcd,
  judge,
  num,
  p,
  short,
  single,
} from './demo-item-kit.ts';
import { compute, type Gen, NAMES, nb } from './demo-math-number.ts';

/** a/b in lowest terms, as text (`3/4`, or `2` when whole). */
export function fracText(a: number, b: number): string {
  const g = gcd(a, b);
  const [x, y] = [a / g, b / g];
  return y === 1 ? String(x) : `${y < 0 ? -x : x}/${Math.abs(y)}`;
}
/** A proper fraction a/b in lowest terms with b drawn from `denominators`. */
export function coprime(r: Rng, denominators: readonly number[]): [number, number] {
  const b = r.pick(denominators);
  const tops = [...Array(b - 1).keys()].map((k) => k + 1).filter((k) => gcd(k, b) === 1);
  return [r.pick(tops), b];
}
/** The formula syntax of a fraction: {a/b}. */
const fr = (a: number, b: number) => `{${a}/${b}}`;

const fractionMeaning: Gen = (r) => {
  const len = r.range(2, 9);
  const parts = r.pick([3, 5, 7, 8, 9].filter((k) => k !== len && gcd(k, len) === 1));
  const leaf = fill(
    p(
      `把一根 ${len} 米长的绳子平均分成 ${parts} 段，每段长 ${blank('b1')} 米，每段是全长的 ${blank('b2')}。`,
    ),
    [nb('b1', `${len}/${parts}`, [`1/${parts}`]), nb('b2', `1/${parts}`, [`${len}/${parts}`])],
    p(
      `每段长：${len} ÷ ${parts} = ${len}/${parts}（米）；把全长看作单位“1”，平均分成 ${parts} 份，每段是 1/${parts}。`,
    ),
  );
  return draft(leaf, { level: 'understand', difficulty: cd(0.5), seconds: 60, score: 2 });
};

const fractionOfQuantity: Gen = (r) => {
  const [a, b] = coprime(r, [3, 4, 5, 6, 8]);
  const n = b * r.range(4, 30);
  const name = r.pick(NAMES);
  const what = r.pick(['一本故事书', '一本《西游记》少儿版', '一套科普读物']);
  const stem = p(
    `${name}读${what}，全书共 ${n} 页。第一天读了全书的 ${f(fr(a, b))}，第一天读了多少页？还剩多少页没读？`,
  );
  const x = (n / b) * a;
  const ref = `${n} × ${a}/${b} = ${x}（页），${n} − ${x} = ${n - x}（页）。答：第一天读了 ${x} 页，还剩 ${n - x} 页。`;
  return draft(
    short(
      stem,
      p(ref),
      [
        [2, `求出第一天读了 ${x} 页`],
        [2, `求出还剩 ${n - x} 页`],
        [1, '单位名称与答句'],
      ],
      {
        full: ref,
        partial: `${n} × ${a}/${b} = ${x}（页）答：第一天读了 ${x} 页。`,
        poor: `${n} ÷ ${b} = ${n / b}（页）`,
      },
    ),
    { level: 'apply', difficulty: cd(0.6), seconds: 180, score: 5 },
  );
};

const simplify: Gen = (r) => {
  const b = r.pick([4, 5, 6, 7, 8, 9, 10, 12]);
  const a = r.pick([...Array(b - 1).keys()].map((k) => k + 1).filter((k) => gcd(k, b) === 1));
  const k = r.range(2, 6);
  const leaf = fill(
    p(`把 ${f(fr(a * k, b * k))} 约分成最简分数是 ${blank('b1')}。`),
    [
      {
        id: 'b1',
        accepted: [`${a}/${b}`],
        wrong: [`${(a * k) / gcd(a * k, 2)}/${(b * k) / gcd(a * k, 2)}`, `${a + 1}/${b}`],
      },
    ],
    p(`分子、分母同时除以它们的最大公因数 ${k * gcd(a, b)}。`),
  );
  return draft(leaf, { level: 'apply', difficulty: cd(0.74), seconds: 40, score: 2 });
};

const addFractions: Gen = (r) => {
  const same = r.chance(0.35);
  const b1 = r.pick([3, 4, 5, 6, 8]);
  const b2 = same ? b1 : r.pick([3, 4, 5, 6, 8, 9, 10].filter((k) => k !== b1));
  const a1 = coprime(r, [b1])[0];
  const a2 = coprime(r, [b2])[0];
  const plus = r.chance(0.6) || a1 / b1 <= a2 / b2;
  const valueNum = plus ? a1 * b2 + a2 * b1 : a1 * b2 - a2 * b1;
  const value = fracText(valueNum, b1 * b2);
  const naive = `${plus ? a1 + a2 : Math.abs(a1 - a2)}/${b1 + b2}`;
  return compute(`${fr(a1, b1)} ${plus ? '+' : '−'} ${fr(a2, b2)}`, value, [naive], {
    d: same ? 0.82 : 0.64,
    explanation: p(
      same
        ? '同分母分数相加减，分母不变，分子相加减。'
        : '异分母分数相加减，先通分，再按同分母分数加减法计算，结果要约分。',
    ),
  });
};

const multiplyFractions: Gen = (r) => {
  const [a, b] = coprime(r, [3, 4, 5, 6, 7, 8, 9]);
  if (r.chance(0.4)) {
    const n = r.range(2, 12);
    return compute(`${fr(a, b)} × ${n}`, fracText(a * n, b), [`${a}/${b * n}`], { d: 0.78 });
  }
  const [c, d] = coprime(r, [3, 4, 5, 6, 9, 10]);
  return compute(
    `${fr(a, b)} × ${fr(c, d)}`,
    fracText(a * c, b * d),
    [fracText(a * d, b * c), `${a + c}/${b + d}`],
    {
      d: 0.74,
      explanation: p('分数乘分数，用分子相乘的积作分子，分母相乘的积作分母，能约分的先约分。'),
    },
  );
};

const divideFractions: Gen = (r) => {
  const [a, b] = coprime(r, [3, 4, 5, 7, 8]);
  const [c, d] = coprime(r, [2, 3, 5, 6, 9, 10]);
  if (r.chance(0.3)) {
    const [x, y] = r.pick([
      [2, 3],
      [3, 4],
      [2, 5],
      [3, 5],
      [4, 7],
      [3, 8],
      [5, 6],
      [5, 9],
    ] as const);
    const leaf = single(r, p(`${f(fr(x, y))} 的倒数是（　　）。`), f(fr(y, x)), [
      f(fr(x, y)),
      f(`{1/${y}}`),
      f(`{1/${x}}`),
    ]);
    return draft(leaf, { level: 'remember', difficulty: cd(0.86), seconds: 30, score: 2 });
  }
  return compute(`${fr(a, b)} ÷ ${fr(c, d)}`, fracText(a * d, b * c), [fracText(a * c, b * d)], {
    d: 0.66,
    explanation: p('甲数除以乙数（0 除外），等于甲数乘乙数的倒数。'),
  });
};

const fractionDecimal: Gen = (r) => {
  const [a, b] = r.pick([
    [1, 4],
    [3, 4],
    [1, 5],
    [2, 5],
    [3, 5],
    [4, 5],
    [1, 8],
    [3, 8],
    [7, 20],
    [9, 25],
    [1, 2],
    [7, 10],
  ] as const);
  const leaf = fill(p(`${f(`{${a}/${b}}`)} = ${blank('b1')}（填小数）`), [
    { id: 'b1', accepted: [num(a / b)], kind: 'text', wrong: [`${a}.${b}`, num((a / b) * 10)] },
  ]);
  return draft(leaf, { level: 'apply', difficulty: cd(0.78), seconds: 30, score: 2 });
};

const percentMeaning: Gen = (r) => {
  const x = r.range(5, 95);
  const leaf = fill(
    p(`${f(`{${x}/100}`)} = ${blank('b1')}%，0.${String(x).padStart(2, '0')} = ${blank('b2')}%。`),
    [
      { id: 'b1', accepted: [String(x)], kind: 'text', wrong: [String(x / 100)] },
      { id: 'b2', accepted: [String(x)], kind: 'text', wrong: [num(x / 100)] },
    ],
  );
  return draft(leaf, { level: 'understand', difficulty: cd(0.82), seconds: 40, score: 2 });
};

const discount: Gen = (r) => {
  const price = r.range(8, 60) * 10;
  const off = r.pick([8, 7.5, 9, 6, 8.5]);
  const value = (price * off) / 10;
  const shop = r.pick(['北京路一家书店', '天河城一家运动用品店', '学校附近的文具店']);
  const label = ({ 8: '八', 7.5: '七五', 9: '九', 6: '六', 8.5: '八五' } as Record<number, string>)[off];
  const leaf = fill(
    p(
      `${shop}搞促销，一件标价 ${price} 元的商品打${label}折出售，现价 ${blank('b1')} 元，便宜了 ${blank('b2')} 元。`,
    ),
    [
      nb('b1', num(value), [num(price - value), num(price * off)]),
      nb('b2', num(price - value), [num(value)]),
    ],
    p(`打${label}折就是按原价的 ${off * 10}% 出售：${price} × ${off * 10}% = ${num(value)}（元）。`),
  );
  return draft(leaf, { level: 'apply', difficulty: cd(0.64), seconds: 75, score: 2 });
};

const interest: Gen = (r) => {
  const principal = r.range(2, 20) * 1000;
  const [rate, years] = r.pick([
    [1.75, 2],
    [2.25, 3],
    [1.5, 1],
    [2.75, 5],
    [1.95, 2],
  ] as const);
  const value = (principal * rate * years) / 100;
  const name = r.pick(NAMES);
  const leaf = fill(
    p(
      `${name}把 ${principal} 元压岁钱存入银行，定期 ${years} 年，年利率是 ${rate}%。到期时可以得到利息 ${blank('b1')} 元。`,
    ),
    [nb('b1', num(value), [num(value / years), num(principal + value)])],
    p('利息 = 本金 × 利率 × 存期。'),
  );
  return draft(leaf, { level: 'apply', difficulty: cd(0.6), seconds: 75, score: 2 });
};

const percentProblem: Gen = (r) => {
  const total = r.range(4, 12) * 10;
  const pct = r.pick([20, 25, 40, 45, 60, 75, 80]);
  const part = (total * pct) / 100;
  const stem = p(`学校合唱团有 ${total} 人，其中女生占 ${pct}%。男生有多少人？`);
  const ref = `${total} × (1 − ${pct}%) = ${total - part}（人）。答：男生有 ${total - part} 人。`;
  return draft(
    short(
      stem,
      p(ref),
      [
        [3, `列式正确：${total} × (1 − ${pct}%) 或 ${total} − ${total} × ${pct}%`],
        [2, `结果 ${total - part} 人正确，有答句`],
      ],
      {
        full: ref,
        partial: `${total} × ${pct}% = ${part}（人） ${total} − ${part} = ${total - part}（人）`,
        poor: `${total} × ${pct}% = ${part}（人）答：男生有 ${part} 人。`,
      },
    ),
    { level: 'apply', difficulty: cd(0.62), seconds: 150, score: 5 },
  );
};

const ratioSimplify: Gen = (r) => {
  const a = r.range(1, 9);
  const b = r.pick([...Array(9).keys()].map((k) => k + 1).filter((k) => gcd(k, a) === 1 && k !== a));
  const k = r.pick([0.2, 0.3, 1.5, 4, 12]);
  const leaf = fill(
    p(`把 ${f(`${num(a * k)} : ${num(b * k)}`)} 化成最简整数比是 ${blank('b1')}。`),
    [
      {
        id: 'b1',
        accepted: [`${a}:${b}`, `${a}：${b}`],
        wrong: [num(a / b, 3), `${num(a * k * 10)}:${num(b * k * 10)}`],
      },
    ],
    p('比的前项和后项同时乘或除以相同的数（0 除外），比值不变。'),
  );
  return draft(leaf, { level: 'apply', difficulty: cd(0.7), seconds: 45, score: 2 });
};

const shareByRatio: Gen = (r) => {
  const a = r.range(1, 5);
  const b = r.pick([...Array(7).keys()].map((k) => k + 2).filter((k) => gcd(k, a) === 1));
  const total = (a + b) * r.range(5, 30);
  const leaf = fill(
    p(
      `学校把 ${total} 本图书按 ${a} : ${b} 分给四年级和五年级，四年级分到 ${blank('b1')} 本，五年级分到 ${blank('b2')} 本。`,
    ),
    [nb('b1', (total * a) / (a + b), [total / a]), nb('b2', (total * b) / (a + b), [total / b])],
    p(`总份数是 ${a} + ${b} = ${a + b}。`),
  );
  return draft(leaf, { level: 'apply', difficulty: cd(0.66), seconds: 75, score: 2 });
};

const proportion: Gen = (r) => {
  const x = r.range(2, 12);
  const b = r.range(2, 9);
  const k = r.range(2, 5);
  return draft(
    fill(
      p(`解比例：${f(`x : ${b} = ${x * k} : ${b * k}`)}，${f('x =')} ${blank('b1')}`),
      [nb('b1', x, [x * k, b])],
      p('比例的两个外项之积等于两个内项之积。'),
    ),
    { level: 'apply', difficulty: cd(0.7), seconds: 60, score: 2 },
  );
};

const scale: Gen = (r) => {
  const s = r.pick([10_000, 50_000, 200_000, 1_000_000]);
  const cm = r.range(2, 15);
  const km = (cm * s) / 100_000;
  const leaf = fill(
    p(
      `在比例尺是 1 : ${s} 的地图上，量得广州塔到陈家祠的图上距离是 ${cm} 厘米，实际距离是 ${blank('b1')} 千米。`,
    ),
    [nb('b1', num(km), [num(km * 1000), num(km / 10)], '千米')],
    p('实际距离 = 图上距离 ÷ 比例尺，注意把厘米换算成千米。'),
  );
  return draft(leaf, { level: 'apply', difficulty: cd(0.56), seconds: 75, score: 2 });
};

const directInverse: Gen = (r) => {
  const cases = [
    ['单价一定，总价和数量', true, '正比例'],
    ['路程一定，速度和时间', false, '反比例'],
    ['圆的周长和它的半径', true, '正比例'],
    ['长方形的面积一定，长和宽', false, '反比例'],
    ['每天看的页数一定，看的天数和看的总页数', true, '正比例'],
    ['总人数一定，每组人数和组数', false, '反比例'],
  ] as const;
  const [text, direct, kind] = r.pick(cases);
  const claim = r.chance(0.5) ? '正比例' : '反比例';
  return draft(
    judge(
      p(`${text}成${claim}关系。`),
      claim === kind,
      p(`${text}${direct ? '的比值' : '的乘积'}一定，成${kind}关系。`),
    ),
    { level: 'understand', difficulty: cd(0.68), seconds: 30, score: 1 },
  );
};

/** Decimal, fraction, percentage and ratio generators by knowledge-point code. */
export const FRACTION_GENS: Record<string, Gen[]> = {
  'MA-13-013': [fractionMeaning],
  'MA-13-014': [fractionMeaning],
  'MA-15-027': [fractionMeaning],
  'MA-15-028': [fractionMeaning],
  'MA-15-030': [simplify],
  'MA-15-031': [simplify],
  'MA-15-033': [fractionDecimal],
  'MA-15-035': [addFractions],
  'MA-15-036': [addFractions],
  'MA-15-037': [addFractions],
  'MA-16-001': [multiplyFractions],
  'MA-16-002': [multiplyFractions],
  'MA-16-003': [fractionOfQuantity],
  'MA-16-005': [divideFractions],
  'MA-16-006': [divideFractions],
  'MA-16-007': [fractionOfQuantity, divideFractions],
  'MA-16-008': [ratioSimplify],
  'MA-16-009': [ratioSimplify],
  'MA-16-010': [shareByRatio],
  'MA-16-015': [percentMeaning],
  'MA-16-016': [percentMeaning, fractionDecimal],
  'MA-16-017': [percentProblem],
  'MA-16-021': [discount],
  'MA-16-022': [interest],
  'MA-16-028': [proportion],
  'MA-16-029': [proportion],
  'MA-16-030': [directInverse],
  'MA-16-031': [scale],
  'MA-16-033': [proportion, scale],
};

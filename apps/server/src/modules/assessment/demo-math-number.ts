/**
 * Generators of the demo bank: whole numbers of grades 3–4 (口算, 笔算, 估算, 四则混合运算, 运算定律,
 * 大数). Every item is computed from its numbers, so the key is right by construction. Pure.
 */
import type { Rng } from '../../demo/prng.ts';
import { f } from './demo-formula.ts';
import {
  type BlankSpec,
  blank,
  clampDifficulty as cd,
  type Draft,
  draft,
  fill,
  judge,
  p,
  short,
  single,
} from './demo-item-kit.ts';

export type Gen = (r: Rng) => Draft;

export const NAMES = [
  '小明',
  '小红',
  '小华',
  '小刚',
  '小丽',
  '小芳',
  '小军',
  '乐乐',
  '丁丁',
  '明明',
  '小宇',
  '佳佳',
];
export const ADULTS = ['王叔叔', '李阿姨', '张老师', '陈爷爷', '刘阿姨', '黄师傅'];

/** A number blank: accepted as a number (so 0.50 = 0.5 = 1/2), with the students' usual slips. */
export const nb = (
  id: string,
  value: number | string,
  wrong: (number | string)[] = [],
  unit?: string,
): BlankSpec => ({
  id,
  accepted: [String(value)],
  kind: 'number',
  ...(unit ? { unit } : {}),
  wrong: wrong.map(String).filter((w) => w !== String(value)),
});

/** 计算 a formula, answer in one blank. */
export function compute(
  expr: string,
  value: number | string,
  wrong: (number | string)[],
  o: { d: number; level?: 'remember' | 'understand' | 'apply'; explanation?: string },
) {
  return draft(fill(p(`${f(`${expr} =`)} ${blank('b1')}`), [nb('b1', value, wrong)], o.explanation), {
    level: o.level ?? 'apply',
    difficulty: cd(o.d),
    seconds: 45,
    score: 2,
  });
}

const oralAddSub: Gen = (r) => {
  const a = r.range(12, 89) * 10;
  const b = r.range(11, 79) * 10;
  if (r.chance(0.5)) return compute(`${a} + ${b}`, a + b, [a + b - 100, a + b + 100], { d: 0.9 });
  const [x, y] = a > b ? [a, b] : [b + 100, a];
  return compute(`${x} − ${y}`, x - y, [x - y + 100, x - y - 100], { d: 0.86 });
};

const estimate: Gen = (r) => {
  const a = r.range(2, 8) * 100 + r.pick([-3, -2, -1, 1, 2, 3, 4]);
  const b = r.range(1, 6) * 100 + r.pick([-4, -2, 1, 3, 5]);
  const est = Math.round(a / 100) * 100 + Math.round(b / 100) * 100;
  const name = r.pick(NAMES);
  const leaf = single(
    r,
    p(`${name}家上个月用电 ${a} 千瓦时，这个月用电 ${b} 千瓦时。估一估，两个月大约用电多少千瓦时？`),
    `${est} 千瓦时`,
    [`${est + 100} 千瓦时`, `${est - 100} 千瓦时`, `${a + b + 10} 千瓦时`],
    {
      explanation: p(
        `把 ${a} 看作 ${Math.round(a / 100) * 100}，${b} 看作 ${Math.round(b / 100) * 100}，${Math.round(a / 100) * 100} + ${Math.round(b / 100) * 100} = ${est}。`,
      ),
    },
  );
  return draft(leaf, { level: 'apply', difficulty: cd(0.8), seconds: 60, score: 2 });
};

const columnAddSub: Gen = (r) => {
  const a = r.range(312, 968);
  const b = r.range(156, a - 100);
  if (r.chance(0.5)) {
    const stem = p(
      `学校图书室有故事书 ${a} 本，科技书比故事书少 ${b} 本。科技书有多少本？故事书和科技书一共有多少本？`,
    );
    const ans = `科技书：${a} − ${b} = ${a - b}（本）；一共：${a} + ${a - b} = ${2 * a - b}（本）。答：科技书有 ${a - b} 本，一共有 ${2 * a - b} 本。`;
    const rubric = [
      [2, `求出科技书 ${a - b} 本`],
      [2, `求出一共 ${2 * a - b} 本`],
      [1, '列式、单位和答句完整'],
    ] as const;
    return draft(
      short(stem, p(ans), rubric, {
        full: ans,
        partial: `${a} − ${b} = ${a - b}（本）  ${a} + ${b} = ${a + b}（本）答：一共有 ${a + b} 本。`,
        poor: `${a} + ${b} = ${a + b}`,
      }),
      { level: 'apply', difficulty: cd(0.66 + r.next() * 0.1), seconds: 240, score: 5 },
    );
  }
  return r.chance(0.5)
    ? compute(`${a} + ${b}`, a + b, [a + b - 10, a + b - 100], { d: 0.84 })
    : compute(`${a} − ${b}`, a - b, [a - b + 10, a + b], { d: 0.78 });
};

const multiplyOne: Gen = (r) => {
  if (r.chance(0.4)) {
    const a = r.range(2, 9) * 10 ** r.range(1, 2);
    const b = r.range(2, 9);
    return compute(`${a} × ${b}`, a * b, [(a * b) / 10, a * b * 10], { d: 0.9, level: 'remember' });
  }
  const a = r.range(106, 987);
  const b = r.range(3, 9);
  return compute(`${a} × ${b}`, a * b, [a * b - b * 10, a * b + 10], { d: 0.74 });
};

const divideOne: Gen = (r) => {
  const d = r.range(3, 9);
  const q = r.range(21, 236);
  const rem = r.range(1, d - 1);
  const n = q * d + rem;
  const leaf = fill(
    p(`${f(`${n} ÷ ${d} =`)} ${blank('q')}……${blank('r')}`),
    [nb('q', q, [q + 1, q - 1]), nb('r', rem, [rem + d, d - rem])],
    p(`${q} × ${d} + ${rem} = ${n}，余数 ${rem} 比除数 ${d} 小。`),
  );
  return draft(leaf, { level: 'apply', difficulty: cd(0.72), seconds: 60, score: 2 });
};

const twoByTwo: Gen = (r) => {
  const a = r.range(12, 98);
  const b = r.range(11, 89);
  if (r.chance(0.35)) {
    const name = r.pick(NAMES);
    const price = r.range(12, 48);
    const n = r.range(13, 45);
    const leaf = fill(
      p(
        `学校为${r.pick(['三', '四'])}年级买跳绳，每根 ${price} 元，一共买了 ${n} 根，应付 ${blank('b1')} 元。${name}说：“估算大约要 ${Math.round(price / 10) * 10 * Math.round(n / 10) * 10} 元。”`,
      ),
      [nb('b1', price * n, [price * n + price, price * (n - 1)])],
    );
    return draft(leaf, { level: 'apply', difficulty: cd(0.74), seconds: 90, score: 2 });
  }
  return compute(`${a} × ${b}`, a * b, [a * (b % 10) + a * Math.floor(b / 10), a * b + a], { d: 0.7 });
};

const threeByTwo: Gen = (r) => {
  const a = r.range(105, 789);
  const b = r.range(12, 68);
  if (r.chance(0.4)) {
    const speed = r.range(62, 95);
    const h = r.range(12, 24);
    const leaf = fill(
      p(`一辆大巴车从广州开往外地，平均每小时行驶 ${speed} 千米，${h} 小时一共行驶 ${blank('b1')} 千米。`),
      [nb('b1', speed * h, [speed + h, speed * h - speed])],
    );
    return draft(leaf, { level: 'apply', difficulty: cd(0.78), seconds: 75, score: 2 });
  }
  return compute(`${a} × ${b}`, a * b, [a * (b % 10) + a * Math.floor(b / 10), a * b - a], { d: 0.66 });
};

const divideTwo: Gen = (r) => {
  const d = r.range(13, 78);
  const q = r.range(6, 48);
  if (r.chance(0.3)) {
    const rem = r.range(1, d - 1);
    return draft(
      fill(p(`${f(`${q * d + rem} ÷ ${d} =`)} ${blank('q')}……${blank('r')}`), [
        nb('q', q, [q + 1]),
        nb('r', rem, [rem + d]),
      ]),
      { level: 'apply', difficulty: cd(0.62), seconds: 90, score: 2 },
    );
  }
  return compute(`${q * d} ÷ ${d}`, q, [q + 1, q * 10], { d: 0.72 });
};

const productRule: Gen = (r) => {
  const a = r.range(12, 60);
  const b = r.range(11, 40);
  const k = r.pick([10, 100, 3, 5]);
  const leaf = fill(
    p(
      `已知 ${f(`${a} × ${b} = ${a * b}`)}，那么 ${f(`${a * k} × ${b} =`)} ${blank('b1')}，${f(`${a * b} ÷ ${b} =`)} ${blank('b2')}。`,
    ),
    [nb('b1', a * k * b, [a * b, a * b + k]), nb('b2', a, [b])],
    p(`一个因数乘 ${k}，另一个因数不变，积也乘 ${k}。`),
  );
  return draft(leaf, { level: 'understand', difficulty: cd(0.76), seconds: 60, score: 2 });
};

const quotientRule: Gen = (r) => {
  const q = r.range(3, 30);
  const d = r.range(4, 25);
  const k = r.pick([10, 5, 2]);
  const leaf = single(
    r,
    p(`在 ${f(`${q * d} ÷ ${d} = ${q}`)} 中，如果被除数和除数同时乘 ${k}，商是（　　）。`),
    String(q),
    [String(q * k), String(q * k * k), String(Math.max(1, q / k))]
      .filter((x, i, a) => x !== String(q) && a.indexOf(x) === i)
      .slice(0, 3),
    { explanation: p('被除数和除数同时乘或除以相同的数（0 除外），商不变。') },
  );
  return draft(leaf, { level: 'understand', difficulty: cd(0.75), seconds: 45, score: 2 });
};

const mixedOps: Gen = (r) => {
  const b = r.range(3, 9);
  const c = r.range(2, 6);
  const inner = b * c;
  const a = inner * r.range(3, 12);
  const k = r.range(2, 9);
  const value = (a / inner) * k;
  const wrong = a / b - c * k; // brackets ignored: a ÷ b − c × k
  if (r.chance(0.3)) {
    return draft(
      judge(
        p(`${f(`${a} ÷ (${b} × ${c}) = ${a} ÷ ${b} × ${c}`)}`),
        false,
        p(`${a} ÷ (${b} × ${c}) = ${a} ÷ ${b} ÷ ${c}，除以两个数的积等于连续除以这两个数。`),
      ),
      { level: 'understand', difficulty: cd(0.6), seconds: 40, score: 1 },
    );
  }
  return compute(`${a} ÷ (${b} × ${c}) × ${k}`, value, [wrong > 0 ? wrong : value + k, (a / b) * c * k], {
    d: 0.64,
    explanation: p('先算小括号里的乘法，再从左往右依次计算。'),
  });
};

const laws: Gen = (r) => {
  const kind = r.int(4);
  if (kind === 0) {
    const m = r.range(12, 97);
    return compute(`25 × ${m} × 4`, 100 * m, [25 * m], {
      d: 0.8,
      explanation: p(`运用乘法交换律：25 × 4 × ${m} = 100 × ${m}。`),
    });
  }
  if (kind === 1) {
    const m = r.range(21, 89);
    return compute(`${m} × 99 + ${m}`, m * 100, [m * 99, m * 98], {
      d: 0.68,
      explanation: p(`运用乘法分配律：${m} × (99 + 1) = ${m} × 100。`),
    });
  }
  if (kind === 2) {
    const m = r.pick([102, 101, 98, 99]);
    const n = r.range(23, 68);
    const stem = p(`用简便方法计算：${f(`${m} × ${n}`)}，并写出计算过程。`);
    const ref = `${m} × ${n} = (100 ${m > 100 ? '+' : '−'} ${Math.abs(m - 100)}) × ${n} = 100 × ${n} ${m > 100 ? '+' : '−'} ${Math.abs(m - 100)} × ${n} = ${100 * n} ${m > 100 ? '+' : '−'} ${Math.abs(m - 100) * n} = ${m * n}`;
    return draft(
      short(
        stem,
        p(ref),
        [
          [2, '把因数拆成整百数与一个数的和（差），正确运用乘法分配律'],
          [2, `结果 ${m * n} 正确`],
        ],
        {
          full: ref,
          partial: `${m} × ${n} = 100 × ${n} ${m > 100 ? '+' : '−'} ${Math.abs(m - 100)} = ${100 * n + (m > 100 ? 1 : -1) * Math.abs(m - 100)}`,
          poor: `${m * n + 10}`,
        },
      ),
      { level: 'apply', difficulty: cd(0.62), seconds: 150, score: 4 },
    );
  }
  const a = r.range(120, 480);
  const b = r.range(101, 299);
  const c = 1000 - b;
  return compute(`${a} + ${b} + ${c}`, a + 1000, [a + 900], {
    d: 0.82,
    explanation: p(`${b} + ${c} = 1000，先算这两个数的和。`),
  });
};

const bigNumbers: Gen = (r) => {
  const q = r.range(1, 9);
  const w = r.range(1, 9);
  const o = r.range(1, 9);
  const n = q * 10_000_000 + w * 10_000 + o;
  if (r.chance(0.5)) {
    const leaf = fill(
      p(`由 ${q} 个千万、${w} 个万和 ${o} 个一组成的数是 ${blank('b1')}，读作 ${blank('b2')}。`),
      [
        nb('b1', n, [q * 1_000_000 + w * 10_000 + o, q * 10_000_000 + w * 1000 + o]),
        { id: 'b2', accepted: [`${cn(q)}千零${cn(w)}万零${cn(o)}`], wrong: [`${cn(q)}千${cn(w)}万${cn(o)}`] },
      ],
    );
    return draft(leaf, { level: 'understand', difficulty: cd(0.6), seconds: 75, score: 2 });
  }
  const m = r.range(520_000, 1_980_000);
  const wan = Math.round(m / 10_000);
  const leaf = fill(
    p(
      `2025 年广州某区常住人口是 ${m.toLocaleString('en-US').replaceAll(',', '')} 人，省略万位后面的尾数约是 ${blank('b1')} 万人。`,
    ),
    [nb('b1', wan, [Math.floor(m / 10_000) === wan ? wan + 1 : wan - 1, Math.round(m / 1000)], '万')],
    p('看千位上的数，满 5 向万位进 1，不满 5 舍去。'),
  );
  return draft(leaf, { level: 'apply', difficulty: cd(0.7), seconds: 50, score: 2 });
};

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const cn = (d: number) => DIGITS[d]!;

/** Whole-number generators by knowledge-point code. */
export const NUMBER_GENS: Record<string, Gen[]> = {
  'MA-13-002': [oralAddSub],
  'MA-13-003': [estimate],
  'MA-13-006': [columnAddSub],
  'MA-13-008': [multiplyOne],
  'MA-13-009': [multiplyOne],
  'MA-13-017': [divideOne],
  'MA-13-018': [divideOne],
  'MA-13-020': [twoByTwo],
  'MA-14-001': [bigNumbers],
  'MA-14-002': [bigNumbers],
  'MA-14-003': [bigNumbers],
  'MA-14-008': [threeByTwo],
  'MA-14-009': [productRule],
  'MA-14-013': [divideTwo],
  'MA-14-014': [quotientRule],
  'MA-14-017': [mixedOps],
  'MA-14-018': [mixedOps],
  'MA-14-020': [laws],
  'MA-14-021': [laws],
  'MA-14-022': [laws],
};

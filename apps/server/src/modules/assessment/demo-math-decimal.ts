import { blank, clampDifficulty as cd, draft, fill, judge, num, p, single } from './demo-item-kit.ts';
import { compute, type Gen, NAMES, nb } from './demo-math-number.ts';

const decimalMeaning: Gen = (r) => {
  const base = r.range(1, 9) + r.range(1, 9) / 10;
  const opts = [num(base + 0.08), num(base + 0.8), num(base + 0.79), num(base)].map((x) => x);
  const max = opts.map(Number).reduce((m, x) => Math.max(m, x));
  const leaf = single(
    r,
    p('下面各数中，最大的数是（　　）。'),
    num(max),
    opts.filter((o) => Number(o) !== max),
    { keepOrder: false, explanation: p('比较小数大小，先比整数部分，再从十分位起依次比较。') },
  );
  return draft(leaf, { level: 'understand', difficulty: cd(0.78), seconds: 40, score: 2 });
};

const decimalZero: Gen = (r) => {
  const a = r.range(1, 9) + r.range(1, 9) / 10;
  const truth = r.chance(0.5);
  return draft(
    judge(
      p(
        truth
          ? `${num(a)} 和 ${num(a)}0 的大小相等，但计数单位不同。`
          : `在小数的末尾添上“0”，小数的大小会变大。`,
      ),
      truth,
      p('小数的末尾添上“0”或去掉“0”，小数的大小不变，但计数单位可能不同。'),
    ),
    { level: 'understand', difficulty: cd(0.7), seconds: 30, score: 1 },
  );
};

const decimalShift: Gen = (r) => {
  const a = r.range(11, 99) / 10;
  const k = r.pick([10, 100, 1000]);
  const up = r.chance(0.5);
  const value = up ? a * k : a / k;
  const leaf = fill(
    p(
      `把 ${num(a)} ${up ? '扩大到原来的' : '缩小到原来的'} ${up ? `${k} 倍` : `1/${k}`} 是 ${blank('b1')}。`,
    ),
    [nb('b1', num(value), [num(up ? a / k : a * k), num(up ? a * k * 10 : a / k / 10)])],
    p(`小数点向${up ? '右' : '左'}移动 ${String(k).length - 1} 位。`),
  );
  return draft(leaf, { level: 'understand', difficulty: cd(0.74), seconds: 40, score: 2 });
};

const decimalRound: Gen = (r) => {
  const a = r.range(10_001, 99_999) / 10_000;
  const places = r.pick([1, 2]);
  const value = Number(a.toFixed(places));
  const trunc = Math.floor(a * 10 ** places) / 10 ** places;
  const leaf = fill(
    p(`${num(a)} 保留${places === 1 ? '一' : '两'}位小数约是 ${blank('b1')}。`),
    [
      {
        id: 'b1',
        accepted: [value.toFixed(places)],
        kind: 'text',
        wrong: [
          trunc === value ? (value + 10 ** -places).toFixed(places) : trunc.toFixed(places),
          num(a, places + 1),
        ],
      },
    ],
    p('保留几位小数，就看它的下一位，用“四舍五入”法；末尾的 0 不能去掉。'),
  );
  return draft(leaf, { level: 'apply', difficulty: cd(0.72), seconds: 40, score: 2 });
};

const decimalAddSub: Gen = (r) => {
  const a = r.range(21, 98) / 10;
  const b = r.range(105, 899) / 100;
  if (r.chance(0.4)) {
    const name = r.pick(NAMES);
    const x = r.range(125, 480) / 10;
    const y = r.range(35, 95) / 10;
    const leaf = fill(
      p(
        `${name}带了 50 元去文具店，买一个书包用了 ${num(x)} 元，买一盒彩笔用了 ${num(y)} 元，还剩 ${blank('b1')} 元。`,
      ),
      [nb('b1', num(50 - x - y), [num(50 - x + y), num(x + y)])],
    );
    return draft(leaf, { level: 'apply', difficulty: cd(0.7), seconds: 75, score: 2 });
  }
  return r.chance(0.5)
    ? compute(`${num(a)} + ${num(b)}`, num(a + b), [num(a / 10 + b), num(a + b / 10)], { d: 0.8 })
    : compute(`${num(a + b)} − ${num(b)}`, num(a), [num(a + b - b / 10), num(a + 0.1)], { d: 0.76 });
};

const decimalMultiply: Gen = (r) => {
  const a = r.range(12, 96) / 10;
  const b = r.pick([r.range(2, 9), r.range(11, 45) / 100, r.range(2, 9) / 10]);
  return compute(`${num(a)} × ${num(b)}`, num(a * b), [num(a * b * 10), num((a * b) / 10)], {
    d: 0.68,
    explanation: p('先按整数乘法算出积，再看因数中一共有几位小数，就从积的右边起数出几位点上小数点。'),
  });
};

const decimalDivide: Gen = (r) => {
  const q = r.pick([r.range(12, 95) / 10, r.range(2, 48)]);
  const d = r.pick([r.range(2, 9) / 10, r.range(12, 36) / 100, r.range(3, 9)]);
  const n = Number((q * d).toFixed(4));
  return compute(`${num(n)} ÷ ${num(d)}`, num(q), [num(q / 10), num(q * 10)], {
    d: 0.62,
    explanation: p('除数是小数的除法，先把除数转化成整数，被除数的小数点也向右移动相同的位数。'),
  });
};

export const DECIMAL_GENS: Record<string, Gen[]> = {
  'MA-13-026': [decimalMeaning],
  'MA-13-027': [decimalAddSub],
  'MA-14-023': [decimalMeaning, decimalZero],
  'MA-14-024': [decimalMeaning, decimalZero],
  'MA-14-025': [decimalShift],
  'MA-14-026': [decimalRound],
  'MA-14-030': [decimalAddSub],
  'MA-15-001': [decimalMultiply],
  'MA-15-002': [decimalMultiply],
  'MA-15-003': [decimalMultiply],
  'MA-15-005': [decimalDivide],
  'MA-15-006': [decimalDivide],
  'MA-15-007': [decimalRound, decimalDivide],
};

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
import { type Gen, NAMES, nb } from './demo-math-number.ts';

const UNITS: [string, string, number, string][] = [
  ['千米', '米', 1000, 'length'],
  ['米', '厘米', 100, 'length'],
  ['分米', '厘米', 10, 'length'],
  ['厘米', '毫米', 10, 'length'],
  ['吨', '千克', 1000, 'mass'],
  ['千克', '克', 1000, 'mass'],
  ['平方米', '平方分米', 100, 'area'],
  ['平方分米', '平方厘米', 100, 'area'],
  ['公顷', '平方米', 10_000, 'area'],
  ['平方千米', '公顷', 100, 'area'],
  ['立方米', '立方分米', 1000, 'volume'],
  ['立方分米', '立方厘米', 1000, 'volume'],
  ['升', '毫升', 1000, 'volume'],
  ['时', '分', 60, 'time'],
  ['分', '秒', 60, 'time'],
];

/** A unit conversion of one kind (length, mass, area, volume, time). */
const _convert =
  (kinds: string[]): Gen =>
  (r) => {
    const [big, small, rate] = r.pick(UNITS.filter((u) => kinds.includes(u[3])));
    const wrongRate = rate === 60 ? 100 : rate === 100 ? 10 : rate === 10_000 ? 100 : 100;
    if (r.chance(0.5)) {
      const a = r.range(2, 9);
      const b = r.range(1, rate === 60 ? 59 : Math.min(rate - 1, 90));
      const leaf = fill(p(`${a} ${big} ${b} ${small} = ${blank('b1')} ${small}`), [
        nb('b1', a * rate + b, [a * wrongRate + b, a + b]),
      ]);
      return draft(leaf, {
        level: 'apply',
        difficulty: cd(rate === 60 ? 0.78 : 0.72),
        seconds: 40,
        score: 2,
      });
    }
    const x = r.range(2, 90) * (rate >= 100 ? rate / 10 : rate);
    const leaf = fill(p(`${x} ${small} = ${blank('b1')} ${big}`), [
      nb('b1', num(x / rate), [num(x / wrongRate), num(x * rate)]),
    ]);
    return draft(leaf, { level: 'apply', difficulty: cd(0.66), seconds: 40, score: 2 });
  };

/** A unit conversion of one kind (length, mass, area, volume, time). */
const convert =
  (kinds: string[]): Gen =>
  (r) => {
    const [big, small, rate] = r.pick(UNITS.filter((u) => kinds.includes(u[3])));
    const wrongRate = rate === 60 ? 100 : rate === 100 ? 10 : rate === 10_000 ? 100 : 100;
    if (r.chance(0.5)) {
      const a = r.range(2, 9);
      const b = r.range(1, rate === 60 ? 59 : Math.min(rate - 1, 90));
      const leaf = fill(p(`${a} ${big} ${b} ${small} = ${blank('b1')} ${small}`), [
        nb('b1', a * rate + b, [a * wrongRate + b, a + b]),
      ]);
      return draft(leaf, {
        level: 'apply',
        difficulty: cd(rate === 60 ? 0.78 : 0.72),
        seconds: 40,
        score: 2,
      });
    }
    const x = r.range(2, 90) * (rate >= 100 ? rate / 10 : rate);
    const leaf = fill(p(`${x} ${small} = ${blank('b1')} ${big}`), [
      nb('b1', num(x / rate), [num(x / wrongRate), num(x * rate)]),
    ]);
    return draft(leaf, { level: 'apply', difficulty: cd(0.66), seconds: 40, score: 2 });
  };

const leapYear: Gen = (r) => {
  const y = r.pick([1900, 2000, 2024, 2026, 2028, 2100, 1996, 2023]);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return draft(
    judge(
      p(`${y} 年是闰年，全年有 366 天。`),
      leap,
      p('公历年份是 4 的倍数的一般是闰年；整百年份必须是 400 的倍数才是闰年。'),
    ),
    { level: 'understand', difficulty: cd(y % 100 === 0 ? 0.45 : 0.75), seconds: 30, score: 1 },
  );
};

const clock24: Gen = (r) => {
  const h = r.range(1, 11);
  const m = r.pick([0, 15, 30, 45]);
  const when = r.pick(['下午', '晚上']);
  const hh = h + 12;
  if (when === '晚上' && h < 6) return clock24(r);
  const leaf = fill(p(`${when} ${h} 时${m ? ` ${m} 分` : ''}，用 24 时计时法表示是 ${blank('b1')}。`), [
    {
      id: 'b1',
      accepted: [
        `${hh}:${String(m).padStart(2, '0')}`,
        `${hh}时${m ? `${m}分` : ''}`,
        `${hh}：${String(m).padStart(2, '0')}`,
      ],
      wrong: [`${h}:${String(m).padStart(2, '0')}`],
    },
  ]);
  return draft(leaf, { level: 'apply', difficulty: cd(0.78), seconds: 30, score: 2 });
};

const rectangle: Gen = (r) => {
  const l = r.range(6, 25);
  const w = r.range(3, l - 1);
  const square = r.chance(0.25);
  const [a, b] = square ? [w, w] : [l, w];
  const thing = square ? `一块正方形手帕，边长 ${a} 厘米` : `一块长方形菜地，长 ${a} 米，宽 ${b} 米`;
  const unit = square ? '厘米' : '米';
  if (r.chance(0.5))
    return draft(
      fill(p(`${thing}，它的周长是 ${blank('b1')} ${unit}。`), [nb('b1', 2 * (a + b), [a + b, a * b], unit)]),
      { level: 'apply', difficulty: cd(0.76), seconds: 45, score: 2 },
    );
  return draft(
    fill(p(`${thing}，它的面积是 ${blank('b1')} 平方${unit}。`), [
      nb('b1', a * b, [2 * (a + b)], `平方${unit}`),
    ]),
    { level: 'apply', difficulty: cd(0.74), seconds: 45, score: 2 },
  );
};

const fence: Gen = (r) => {
  const l = r.range(8, 30);
  const w = r.range(4, l - 2);
  const name = r.pick(NAMES);
  const stem = p(
    `${name}家靠墙围一个长方形养鸡场，长边靠墙，长 ${l} 米，宽 ${w} 米。篱笆至少需要多少米？这个养鸡场的面积是多少平方米？`,
  );
  const ref = `篱笆：${l} + ${w} × 2 = ${l + 2 * w}（米）；面积：${l} × ${w} = ${l * w}（平方米）。`;
  return draft(
    short(
      stem,
      p(ref),
      [
        [2, `篱笆长 ${l + 2 * w} 米（一条长边靠墙不用围）`],
        [2, `面积 ${l * w} 平方米`],
        [1, '单位与答句'],
      ],
      {
        full: `${ref}答：篱笆至少需要 ${l + 2 * w} 米，面积是 ${l * w} 平方米。`,
        partial: `(${l} + ${w}) × 2 = ${2 * (l + w)}（米） ${l} × ${w} = ${l * w}（平方米）`,
        poor: `${l} × ${w} = ${l * w}`,
      },
    ),
    { level: 'analyse', difficulty: cd(0.52), seconds: 210, score: 5 },
  );
};

const plane: Gen = (r) => {
  const shape = r.pick(['平行四边形', '三角形', '梯形']);
  const b = r.range(4, 18);
  const h = r.range(3, 12);
  const t = r.range(2, b - 1);
  if (shape === '平行四边形')
    return draft(
      fill(p(`一个平行四边形的底是 ${b} 厘米，高是 ${h} 厘米，它的面积是 ${blank('b1')} 平方厘米。`), [
        nb('b1', b * h, [(b * h) / 2, 2 * (b + h)]),
      ]),
      { level: 'apply', difficulty: cd(0.8), seconds: 45, score: 2 },
    );
  if (shape === '三角形')
    return draft(
      fill(
        p(`一个三角形的底是 ${b} 分米，高是 ${h} 分米，它的面积是 ${blank('b1')} 平方分米。`),
        [nb('b1', num((b * h) / 2), [b * h])],
        p('三角形的面积 = 底 × 高 ÷ 2。'),
      ),
      { level: 'apply', difficulty: cd(0.72), seconds: 45, score: 2 },
    );
  return draft(
    fill(
      p(`一个梯形的上底是 ${t} 米，下底是 ${b} 米，高是 ${h} 米，它的面积是 ${blank('b1')} 平方米。`),
      [nb('b1', num(((t + b) * h) / 2), [(t + b) * h, num((t * b * h) / 2)])],
      p('梯形的面积 =（上底 + 下底）× 高 ÷ 2。'),
    ),
    { level: 'apply', difficulty: cd(0.66), seconds: 60, score: 2 },
  );
};

const cuboid: Gen = (r) => {
  const a = r.range(3, 12);
  const b = r.range(2, 9);
  const c = r.range(2, 8);
  const kind = r.int(3);
  if (kind === 0)
    return draft(
      fill(
        p(
          `一个长方体鱼缸长 ${a} 分米，宽 ${b} 分米，高 ${c} 分米，它的体积是 ${blank('b1')} 立方分米，合 ${blank('b2')} 升。`,
        ),
        [nb('b1', a * b * c, [2 * (a * b + a * c + b * c)]), nb('b2', a * b * c, [a * b * c * 1000])],
      ),
      { level: 'apply', difficulty: cd(0.72), seconds: 60, score: 2 },
    );
  if (kind === 1)
    return draft(
      fill(
        p(
          `做一个长 ${a} 厘米、宽 ${b} 厘米、高 ${c} 厘米的长方体纸盒，至少需要 ${blank('b1')} 平方厘米硬纸板。`,
        ),
        [nb('b1', 2 * (a * b + a * c + b * c), [a * b + a * c + b * c, a * b * c])],
        p('长方体的表面积 =（长 × 宽 + 长 × 高 + 宽 × 高）× 2。'),
      ),
      { level: 'apply', difficulty: cd(0.6), seconds: 75, score: 2 },
    );
  const e = r.range(2, 9);
  const cm3 = (x: number) => `${x} 立方厘米`;
  return draft(
    single(
      r,
      p(`一个正方体的棱长是 ${e} 厘米，它的体积是（　　）。`),
      cm3(e ** 3),
      lures(cm3(e ** 3), [6 * e * e, 12 * e, e * e, 3 * e].map(cm3)),
    ),
    { level: 'apply', difficulty: cd(0.8), seconds: 40, score: 2 },
  );
};

/** Measurement and shape generators of grades 3–6, by knowledge-point code. */
export const MEASURE_GENS: Record<string, Gen[]> = {
  'MA-13-001': [convert(['time'])],
  'MA-13-004': [convert(['length'])],
  'MA-13-005': [convert(['mass'])],
  'MA-13-023': [convert(['area'])],
  'MA-14-005': [convert(['area'])],
  'MA-15-024': [convert(['volume'])],
  'MA-15-026': [convert(['volume']), cuboid],
  'MA-13-011': [rectangle],
  'MA-13-012': [rectangle, fence],
  'MA-13-021': [rectangle],
  'MA-13-022': [rectangle, fence],
  'MA-13-024': [leapYear],
  'MA-13-025': [clock24],
  'MA-15-014': [plane],
  'MA-15-015': [plane],
  'MA-15-016': [plane],
  'MA-15-022': [cuboid],
  'MA-15-023': [cuboid],
  'MA-15-025': [cuboid],
};

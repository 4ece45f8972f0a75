/**
 * Generators of the demo bank: angles and triangles, circles and solids, averages and rates of
 * grades 3–6, computed from the given measures. Pure.
 */
import { f } from './demo-formula.ts';
import { blank, clampDifficulty as cd, draft, fill, judge, num, p } from './demo-item-kit.ts';
import { type Gen, NAMES, nb } from './demo-math-number.ts';

const triangleAngles: Gen = (r) => {
  const a = r.range(25, 80);
  const b = r.range(20, 150 - a);
  const c = 180 - a - b;
  const kind = c === 90 || a === 90 || b === 90 ? '直角' : Math.max(a, b, c) > 90 ? '钝角' : '锐角';
  if (r.chance(0.5))
    return draft(
      fill(
        p(
          `在一个三角形中，${f(`∠1 = ${a}°`)}，${f(`∠2 = ${b}°`)}，那么 ${f('∠3 =')} ${blank('b1')}°，这是一个 ${blank('b2')} 三角形。`,
        ),
        [
          nb(
            'b1',
            c,
            [360 - a - b, 90 - Math.min(a, b)].filter((x) => x > 0),
          ),
          { id: 'b2', accepted: [kind], wrong: [kind === '锐角' ? '钝角' : '锐角'] },
        ],
        p('三角形的内角和是 180°。'),
      ),
      { level: 'apply', difficulty: cd(0.7), seconds: 60, score: 2 },
    );
  const sides = r.pick([
    [3, 4, 8],
    [2, 5, 7],
    [4, 6, 9],
    [5, 5, 11],
    [3, 6, 8],
    [2, 3, 5],
  ] as const);
  const ok = sides[0] + sides[1] > sides[2];
  return draft(
    judge(
      p(`用长 ${sides[0]} 厘米、${sides[1]} 厘米和 ${sides[2]} 厘米的三根小棒，能围成一个三角形。`),
      ok,
      p('三角形任意两边之和大于第三边。'),
    ),
    { level: 'understand', difficulty: cd(0.62), seconds: 30, score: 1 },
  );
};

const protractor: Gen = (r) => {
  const hour = r.pick([3, 2, 1, 5, 4, 6]);
  const deg = hour * 30 > 180 ? 360 - hour * 30 : hour * 30;
  const kind = deg === 90 ? '直角' : deg === 180 ? '平角' : deg < 90 ? '锐角' : '钝角';
  const leaf = fill(
    p(`钟面上 ${hour} 时整，时针和分针所成的较小的角是 ${blank('b1')}°，是 ${blank('b2')}。`),
    [
      nb('b1', deg, [hour * 5, hour * 6]),
      { id: 'b2', accepted: [kind], wrong: [kind === '锐角' ? '钝角' : '锐角'] },
    ],
    p('钟面一圈是 360°，平均分成 12 大格，每大格是 30°。'),
  );
  return draft(leaf, { level: 'apply', difficulty: cd(0.6), seconds: 60, score: 2 });
};

const circle: Gen = (r) => {
  const rr = r.range(2, 10);
  const byDiameter = r.chance(0.4);
  const what = r.pick(['周长', '面积']);
  const given = byDiameter ? `直径是 ${2 * rr} 厘米` : `半径是 ${rr} 厘米`;
  const value = what === '周长' ? 2 * 3.14 * rr : 3.14 * rr * rr;
  const wrong =
    what === '周长' ? [num(3.14 * rr), num(3.14 * rr * rr)] : [num(2 * 3.14 * rr), num(3.14 * 4 * rr * rr)];
  const leaf = fill(
    p(
      `一个圆的${given}，它的${what}是 ${blank('b1')} ${what === '周长' ? '厘米' : '平方厘米'}。（${f('π')} 取 3.14）`,
    ),
    [nb('b1', num(value), wrong)],
    p(what === '周长' ? '圆的周长 C = 2πr = πd。' : '圆的面积 S = πr²，已知直径要先求半径。'),
  );
  return draft(leaf, {
    level: 'apply',
    difficulty: cd(byDiameter && what === '面积' ? 0.55 : 0.7),
    seconds: 60,
    score: 2,
  });
};

const solids: Gen = (r) => {
  const rr = r.range(1, 5);
  const h = r.range(3, 12);
  const cyl = 3.14 * rr * rr * h;
  if (r.chance(0.5))
    return draft(
      fill(
        p(
          `一个圆柱形水桶，底面半径 ${rr} 分米，高 ${h} 分米，它的容积是 ${blank('b1')} 立方分米。（${f('π')} 取 3.14）`,
        ),
        [nb('b1', num(cyl), [num(2 * 3.14 * rr * h), num(3.14 * rr * h)])],
      ),
      { level: 'apply', difficulty: cd(0.64), seconds: 75, score: 2 },
    );
  const truth = r.chance(0.5);
  return draft(
    judge(
      p(truth ? `等底等高的圆柱和圆锥，圆柱的体积是圆锥的 3 倍。` : `圆锥的体积是圆柱体积的 ${f('{1/3}')}。`),
      truth,
      p('只有等底等高时，圆锥的体积才是圆柱的三分之一。'),
    ),
    { level: 'understand', difficulty: cd(truth ? 0.78 : 0.5), seconds: 30, score: 1 },
  );
};

const average: Gen = (r) => {
  const target = r.range(86, 94);
  const scores = [r.range(80, 98), r.range(80, 98), r.range(80, 98)];
  const need = target * 4 - scores.reduce((s, x) => s + x, 0);
  if (need > 100 || need <= Math.max(...scores)) return average(r);
  const name = r.pick(NAMES);
  const leaf = fill(
    p(
      `${name}前三次数学测验的成绩分别是 ${scores.join(' 分、')} 分，第四次至少要考 ${blank('b1')} 分，四次的平均分才能达到 ${target} 分。`,
    ),
    [nb('b1', need, [target, Math.round(target * 3 - scores[0]! - scores[1]! - scores[2]! + target)])],
    p(`四次总分要达到 ${target} × 4 = ${target * 4}（分）。`),
  );
  return draft(leaf, { level: 'analyse', difficulty: cd(0.55), seconds: 90, score: 2 });
};

const speed: Gen = (r) => {
  const v = r.range(55, 80);
  const t = r.range(2, 6);
  const name = r.pick(NAMES);
  if (r.chance(0.5))
    return draft(
      fill(
        p(`${name}每分钟走 ${v} 米，从家走到学校用了 ${t * 4} 分钟，${name}家到学校有 ${blank('b1')} 米。`),
        [nb('b1', v * t * 4, [v + t * 4])],
        p('路程 = 速度 × 时间。'),
      ),
      { level: 'apply', difficulty: cd(0.8), seconds: 45, score: 2 },
    );
  const price = r.range(3, 15);
  const n = r.range(4, 12);
  return draft(
    fill(
      p(
        `买 ${n} 本练习本用了 ${price * n} 元，每本 ${blank('b1')} 元；照这样计算，买 ${n + 3} 本需要 ${blank('b2')} 元。`,
      ),
      [nb('b1', price, [price * n]), nb('b2', price * (n + 3), [price * n + 3])],
      p('单价 = 总价 ÷ 数量。'),
    ),
    { level: 'apply', difficulty: cd(0.74), seconds: 60, score: 2 },
  );
};

export const ANGLE_GENS: Record<string, Gen[]> = {
  'MA-14-007': [protractor],
  'MA-14-010': [speed],
  'MA-14-027': [triangleAngles],
  'MA-14-028': [triangleAngles],
  'MA-14-029': [triangleAngles],
  'MA-14-033': [average],
  'MA-16-011': [circle],
  'MA-16-012': [circle],
  'MA-16-013': [circle],
  'MA-16-023': [solids],
  'MA-16-024': [solids],
  'MA-16-025': [solids],
  'MA-16-026': [solids],
  'MA-16-027': [solids],
};

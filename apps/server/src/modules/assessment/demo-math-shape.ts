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
import { type Gen, NAMES, nb } from './demo-math-number.ts';

const complement: Gen = (r) => {
  const a = r.range(12, 78);
  return draft(
    fill(p(`已知 ${f(`∠α = ${a}°`)}，则 ${f('∠α')} 的余角是 ${blank('c')}°，补角是 ${blank('s')}°。`), [
      nb('c', 90 - a, [180 - a]),
      nb('s', 180 - a, [90 - a]),
    ]),
    { level: 'remember', difficulty: cd(0.84), seconds: 40, score: 2 },
  );
};

const parallel: Gen = (r) => {
  const a = r.range(35, 140);
  const [rel, value] = r.pick([
    ['同位角', a],
    ['内错角', a],
    ['同旁内角', 180 - a],
  ] as const);
  return draft(
    fill(
      p(
        `两条平行线被第三条直线所截，${f('∠1')} 与 ${f('∠2')} 是${rel}。若 ${f(`∠1 = ${a}°`)}，则 ${f('∠2 =')} ${blank('b1')}°。`,
      ),
      [nb('b1', value, [value === a ? 180 - a : a])],
      p('两直线平行，同位角相等，内错角相等，同旁内角互补。'),
    ),
    { level: 'apply', difficulty: cd(rel === '同旁内角' ? 0.66 : 0.78), seconds: 45, score: 2 },
  );
};

const polygon: Gen = (r) => {
  const n = r.range(5, 12);
  if (r.chance(0.5))
    return draft(
      fill(p(`${n} 边形的内角和是 ${blank('b1')}°，外角和是 ${blank('b2')}°。`), [
        nb('b1', (n - 2) * 180, [n * 180, (n - 1) * 180]),
        nb('b2', 360, [(n - 2) * 180]),
      ]),
      {
        level: 'apply',
        difficulty: cd(0.7),
        seconds: 45,
        score: 2,
      },
    );
  const sides = r.pick([5, 6, 8, 9, 10, 12]);
  return draft(
    fill(p(`一个正多边形的每个外角都是 ${360 / sides}°，它是正 ${blank('b1')} 边形。`), [
      nb('b1', sides, [180 / (360 / sides)]),
    ]),
    { level: 'apply', difficulty: cd(0.66), seconds: 45, score: 2 },
  );
};

const exterior: Gen = (r) => {
  const a = r.range(30, 80);
  const b = r.range(30, 80);
  return draft(
    fill(
      p(
        `在 ${f('△ABC')} 中，${f(`∠A = ${a}°`)}，${f(`∠B = ${b}°`)}，则 ${f('∠C')} 的外角等于 ${blank('b1')}°。`,
      ),
      [nb('b1', a + b, [180 - a - b])],
      p('三角形的一个外角等于与它不相邻的两个内角的和。'),
    ),
    {
      level: 'apply',
      difficulty: cd(0.7),
      seconds: 45,
      score: 2,
    },
  );
};

const TRIPLES = [
  [3, 4, 5],
  [6, 8, 10],
  [5, 12, 13],
  [8, 15, 17],
  [9, 12, 15],
  [7, 24, 25],
  [12, 16, 20],
] as const;
const pythagoras: Gen = (r) => {
  const [a, b, c] = r.pick(TRIPLES);
  const kind = r.int(3);
  if (kind === 0)
    return draft(
      fill(
        p(
          `在 ${f('Rt△ABC')} 中，${f('∠C = 90°')}，${f(`AC = ${a}`)}，${f(`BC = ${b}`)}，则 ${f('AB =')} ${blank('b1')}。`,
        ),
        [nb('b1', c, [a + b])],
      ),
      { level: 'apply', difficulty: cd(0.82), seconds: 45, score: 2 },
    );
  if (kind === 1) {
    const stem = p(`一架长 ${c} 米的梯子斜靠在一面竖直的墙上，梯子底端离墙 ${a} 米，梯子顶端离地面多少米？`);
    const ref = `由勾股定理，梯子顶端离地面 √(${c}² − ${a}²) = √${c * c - a * a} = ${b}（米）。`;
    return draft(
      short(
        stem,
        p(ref),
        [
          [2, '正确运用勾股定理列式'],
          [2, `结果 ${b} 米`],
        ],
        { full: ref, partial: `${c}² − ${a}² = ${c * c - a * a}`, poor: `${c} − ${a} = ${c - a}（米）` },
      ),
      {
        level: 'apply',
        difficulty: cd(0.64),
        seconds: 180,
        score: 4,
      },
    );
  }
  const ok = r.chance(0.5);
  const sides = ok ? [a, b, c] : [a, b, c + 1];
  return draft(
    judge(
      p(`以 ${sides.join('、')} 为三边长的三角形是直角三角形。`),
      ok,
      p('若三角形两边的平方和等于第三边的平方，它就是直角三角形。'),
    ),
    { level: 'apply', difficulty: cd(0.7), seconds: 45, score: 1 },
  );
};

export const QUADRANTS = ['一', '二', '三', '四'];
const coordinates: Gen = (r) => {
  const x = r.pick([-1, 1]) * r.range(1, 8);
  const y = r.pick([-1, 1]) * r.range(1, 8);
  const q = x > 0 ? (y > 0 ? 0 : 3) : y > 0 ? 1 : 2;
  const kind = r.int(3);
  if (kind === 0)
    return draft(
      single(
        r,
        p(`在平面直角坐标系中，点 ${f(`P(${x}, ${y})`)} 在（　　）。`),
        `第${QUADRANTS[q]}象限`,
        QUADRANTS.filter((_, i) => i !== q).map((z) => `第${z}象限`),
        { keepOrder: true },
      ),
      { level: 'remember', difficulty: cd(0.84), seconds: 30, score: 2 },
    );
  const [axis, px, py] = kind === 1 ? ['x 轴', x, -y] : ['原点', -x, -y];
  return draft(
    fill(p(`点 ${f(`A(${x}, ${y})`)} 关于${axis}对称的点的坐标是（${blank('x')}，${blank('y')}）。`), [
      nb('x', px, [-px]),
      nb('y', py, [-py]),
    ]),
    { level: 'apply', difficulty: cd(0.72), seconds: 45, score: 2 },
  );
};

const circleAngles: Gen = (r) => {
  const kind = r.int(3);
  if (kind === 0) {
    const central = r.pick([60, 80, 100, 120, 140]);
    return draft(
      fill(
        p(
          `在 ${f('⊙O')} 中，弧 AB 所对的圆心角 ${f(`∠AOB = ${central}°`)}，点 C 在优弧 AB 上，则 ${f('∠ACB =')} ${blank('b1')}°。`,
        ),
        [nb('b1', central / 2, [central, 180 - central / 2])],
        p('同弧所对的圆周角等于它所对的圆心角的一半。'),
      ),
      { level: 'apply', difficulty: cd(0.7), seconds: 45, score: 2 },
    );
  }
  if (kind === 1) {
    const [d, half, rad] = r.pick([
      [3, 4, 5],
      [6, 8, 10],
      [5, 12, 13],
      [8, 6, 10],
    ] as const);
    return draft(
      fill(
        p(`${f('⊙O')} 的半径为 ${rad}，弦 AB 的长为 ${2 * half}，则圆心 O 到弦 AB 的距离是 ${blank('b1')}。`),
        [nb('b1', d, [rad - half, half])],
        p('垂径定理：垂直于弦的直径平分弦，再用勾股定理。'),
      ),
      { level: 'apply', difficulty: cd(0.6), seconds: 60, score: 2 },
    );
  }
  const n = r.pick([60, 90, 120, 150]);
  const rad = r.range(2, 9) * (n === 150 ? 6 : 3);
  return draft(
    fill(
      p(`半径为 ${rad} 的圆中，${n}° 的圆心角所对的弧长是 ${blank('b1')}。（结果保留 ${f('π')}）`),
      [
        {
          id: 'b1',
          accepted: [`${num((n * rad) / 180)}π`],
          wrong: [`${num((n * rad * rad) / 360)}π`, `${num((n * rad) / 360)}π`],
        },
      ],
      p('弧长 l = nπr/180。'),
    ),
    {
      level: 'apply',
      difficulty: cd(0.62),
      seconds: 60,
      score: 2,
    },
  );
};

const similar: Gen = (r) => {
  if (r.chance(0.5)) {
    const k = r.range(2, 4);
    const area = r.range(2, 9);
    return draft(
      fill(
        p(
          `两个相似三角形的相似比是 1 : ${k}，较小三角形的面积是 ${area}，则较大三角形的面积是 ${blank('b1')}。`,
        ),
        [nb('b1', area * k * k, [area * k])],
        p('相似三角形面积的比等于相似比的平方。'),
      ),
      { level: 'apply', difficulty: cd(0.6), seconds: 45, score: 2 },
    );
  }
  const h = r.pick([1.5, 1.6, 1.8]);
  const shadow = r.pick([1.2, 2, 2.4, 3]);
  const tree = r.range(4, 12) * shadow;
  const name = r.pick(NAMES);
  const height = (h / shadow) * tree;
  return draft(
    fill(
      p(
        `同一时刻，身高 ${h} 米的${name}在阳光下的影长是 ${shadow} 米，旁边一棵木棉树的影长是 ${num(tree)} 米，这棵木棉树高 ${blank('b1')} 米。`,
      ),
      [nb('b1', num(height), [num((shadow / h) * tree)])],
    ),
    {
      level: 'apply',
      difficulty: cd(0.66),
      seconds: 60,
      score: 2,
    },
  );
};

const TRIG: Record<string, string> = {
  'sin 30°': '{1/2}',
  'cos 60°': '{1/2}',
  'tan 45°': '1',
  'sin 60°': '{√3/2}',
  'cos 30°': '{√3/2}',
  'sin 45°': '{√2/2}',
  'tan 60°': '√3',
  'tan 30°': '{√3/3}',
};
const trig: Gen = (r) => {
  const [expr, value] = r.pick(Object.entries(TRIG));
  if (r.chance(0.5))
    return draft(
      single(
        r,
        p(`${f(`${expr}`)} 的值是（　　）。`),
        f(value),
        lures(f(value), ['{1/2}', '{√3/2}', '{√2/2}', '√3', '1', '{√3/3}'].map(f)),
      ),
      { level: 'remember', difficulty: cd(0.8), seconds: 30, score: 2 },
    );
  const [a, b, c] = r.pick(TRIPLES);
  return draft(
    fill(
      p(
        `在 ${f('Rt△ABC')} 中，${f('∠C = 90°')}，${f(`BC = ${a}`)}，${f(`AB = ${c}`)}，则 ${f('sin A =')} ${blank('s')}，${f('tan A =')} ${blank('t')}。`,
      ),
      [nb('s', fracText(a, c), [fracText(b, c)]), nb('t', fracText(a, b), [fracText(b, a)])],
      p('sin A = 对边/斜边，tan A = 对边/邻边。'),
    ),
    {
      level: 'apply',
      difficulty: cd(0.62),
      seconds: 75,
      score: 3,
    },
  );
};

const elevation: Gen = (r) => {
  const d = r.pick([20, 24, 26]);
  const eye = 1.5;
  const stem = p(
    `小组同学在越秀公园测量五层楼的高度：在距楼底 ${d} 米的 A 处，用高 ${eye} 米的测角仪测得楼顶的仰角为 45°。求五层楼的高度。`,
  );
  const ref = `由仰角 45° 得，楼顶比测角仪高 ${d} × tan45° = ${d}（米），楼高 ${d} + ${eye} = ${d + eye}（米）。`;
  return draft(
    short(
      stem,
      p(ref),
      [
        [2, '构造直角三角形，用 tan45° 求出高度差'],
        [1, '加上测角仪的高度'],
        [1, `结果 ${d + eye} 米`],
      ],
      { full: ref, partial: `${d} × tan45° = ${d}（米）`, poor: `${d} × sin45°` },
    ),
    {
      level: 'apply',
      difficulty: cd(0.58),
      seconds: 240,
      score: 4,
    },
  );
};

/** Grade 7–9 geometry, function, statistics and probability generators, by knowledge-point code. */
export const SHAPE_GENS: Record<string, Gen[]> = {
  'MA-21-020': [complement],
  'MA-21-021': [complement],
  'MA-21-023': [complement],
  'MA-21-025': [parallel],
  'MA-21-026': [parallel],
  'MA-21-031': [coordinates],
  'MA-21-032': [coordinates],
  'MA-22-002': [exterior],
  'MA-22-003': [polygon],
  'MA-22-009': [coordinates],
  'MA-22-028': [pythagoras],
  'MA-22-029': [pythagoras],
  'MA-23-014': [coordinates],
  'MA-23-017': [circleAngles],
  'MA-23-018': [circleAngles],
  'MA-23-019': [circleAngles],
  'MA-23-024': [circleAngles],
  'MA-23-033': [similar],
  'MA-23-034': [similar],
  'MA-23-035': [similar],
  'MA-23-037': [trig],
  'MA-23-038': [trig],
  'MA-23-039': [trig],
  'MA-23-040': [elevation],
};

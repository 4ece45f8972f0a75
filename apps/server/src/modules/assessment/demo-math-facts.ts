/**
 * Generators of the demo bank for the knowledge points that are about concepts rather than
 * computation (图形的认识, 位置与方向, 图形的运动, 命题, 调查, 特殊四边形 …): judgements and choices
 * written by hand, and a few computed items on the same points. Pure.
 */
import { f } from './demo-formula.ts';
import {
  blank,
  clampDifficulty as cd,
  draft,
  fill,
  judge,
  multiple,
  num,
  p,
  sample,
  short,
  single,
} from './demo-item-kit.ts';
import { FACTS, type Fact } from './demo-math-facts.data.ts';
import { type Gen, nb } from './demo-math-number.ts';

const fact =
  (code: string): Gen =>
  (r) => {
    const entry = r.pick(FACTS[code]!);
    if (entry.length === 2)
      return draft(judge(p(entry[0]), entry[1]), {
        level: 'understand',
        difficulty: cd(entry[1] ? 0.8 : 0.62),
        seconds: 30,
        score: 1,
      });
    return draft(single(r, p(entry[0]), entry[1], entry[2]), {
      level: 'understand',
      difficulty: cd(0.74),
      seconds: 40,
      score: 2,
    });
  };

/** 下列说法中正确的有: four statements of the same grade, at least one right and one wrong. */
const factsOfGrade =
  (code: string): Gen =>
  (r) => {
    const grade = code.slice(0, 5);
    const pool = Object.entries(FACTS)
      .filter(([c]) => c.startsWith(grade))
      .flatMap(([, list]) => list.filter((x): x is Fact => x.length === 2));
    const right = sample(
      r,
      pool.filter((x) => x[1]),
      r.range(1, 2),
    );
    const wrong = sample(
      r,
      pool.filter((x) => !x[1]),
      4 - right.length,
    );
    if (right.length === 0 || wrong.length === 0) return fact(code)(r);
    return draft(
      multiple(
        r,
        p('下列说法中，正确的有（　　）。'),
        right.map((x) => x[0]),
        wrong.map((x) => x[0]),
      ),
      {
        level: 'understand',
        difficulty: cd(0.55),
        seconds: 75,
        score: 3,
      },
    );
  };

const variance: Gen = (r) => {
  const m = r.range(6, 9);
  const dev = r.pick([
    [-2, 0, 2, 0, 0],
    [-1, 1, -1, 1, 0],
    [-2, -1, 0, 1, 2],
    [-3, 1, 1, 1, 0],
  ] as const);
  const xs = dev.map((d) => m + d);
  const v = dev.reduce((s: number, d) => s + d * d, 0) / 5;
  return draft(
    fill(
      p(
        `一名射击运动员 5 次射击的成绩（单位：环）分别是 ${xs.join('，')}，这组数据的方差是 ${blank('b1')}。`,
      ),
      [nb('b1', num(v), [num(Math.sqrt(v)), num(v * 5)])],
      p('方差 s² = [(x₁ − x̄)² + … + (xₙ − x̄)²] ÷ n。'),
    ),
    {
      level: 'apply',
      difficulty: cd(0.6),
      seconds: 90,
      score: 2,
    },
  );
};

const inequalitySystem: Gen = (r) => {
  const lo = r.range(-3, 2);
  const hi = lo + r.range(2, 5);
  const ints = hi - lo - 1;
  return draft(
    fill(p(`不等式组 ${f(`x > ${lo}`)}，${f(`x < ${hi}`)} 的整数解有 ${blank('b1')} 个。`), [
      nb('b1', ints, [ints + 1, ints + 2]),
    ]),
    { level: 'apply', difficulty: cd(0.7), seconds: 45, score: 2 },
  );
};

const midline: Gen = (r) => {
  const bc = r.range(3, 12) * 2;
  return draft(
    fill(
      p(
        `在 ${f('△ABC')} 中，D、E 分别是 AB、AC 的中点，${f(`BC = ${bc}`)}，则 ${f('DE =')} ${blank('b1')}。`,
      ),
      [nb('b1', bc / 2, [bc * 2])],
    ),
    { level: 'apply', difficulty: cd(0.82), seconds: 30, score: 2 },
  );
};

const rhombus: Gen = (r) => {
  const [a, b, c] = r.pick([
    [3, 4, 5],
    [6, 8, 10],
    [5, 12, 13],
  ] as const);
  return draft(
    fill(
      p(`菱形的两条对角线长分别为 ${2 * a} 和 ${2 * b}，则它的边长是 ${blank('s')}，面积是 ${blank('a')}。`),
      [nb('s', c, [a + b]), nb('a', 2 * a * b, [4 * a * b])],
    ),
    { level: 'apply', difficulty: cd(0.6), seconds: 60, score: 3 },
  );
};

const isosceles: Gen = (r) => {
  const top = r.pick([40, 50, 70, 80, 100, 120]);
  return draft(
    fill(p(`等腰三角形的顶角是 ${top}°，它的一个底角是 ${blank('b1')}°。`), [
      nb('b1', (180 - top) / 2, [180 - top, top]),
    ]),
    { level: 'apply', difficulty: cd(0.8), seconds: 30, score: 2 },
  );
};

const congruenceProof: Gen = (r) => {
  const [given, goal, ref] = r.pick([
    [
      '在 △ABC 中，AB = AC，D 是 BC 的中点。',
      'AD ⊥ BC',
      '在 △ABD 和 △ACD 中，AB = AC，BD = CD，AD = AD，所以 △ABD ≌ △ACD（SSS），得 ∠ADB = ∠ADC。又 ∠ADB + ∠ADC = 180°，所以 ∠ADB = 90°，即 AD ⊥ BC。',
    ],
    [
      '点 B、E、C、F 在同一条直线上，AB = DE，AC = DF，BE = CF。',
      '∠A = ∠D',
      '因为 BE = CF，所以 BE + EC = CF + EC，即 BC = EF。在 △ABC 和 △DEF 中，AB = DE，AC = DF，BC = EF，所以 △ABC ≌ △DEF（SSS），所以 ∠A = ∠D。',
    ],
    [
      'AC 与 BD 相交于点 O，OA = OC，OB = OD。',
      'AB ∥ CD',
      '在 △AOB 和 △COD 中，OA = OC，∠AOB = ∠COD（对顶角相等），OB = OD，所以 △AOB ≌ △COD（SAS），得 ∠A = ∠C，所以 AB ∥ CD（内错角相等，两直线平行）。',
    ],
  ] as const);
  return draft(
    short(
      p(`${given}求证：${goal}。`),
      p(ref),
      [
        [2, '找准两个三角形的三组对应条件'],
        [2, '判定全等并写明依据'],
        [1, '由全等得出结论，推理完整'],
      ],
      {
        full: ref,
        partial: `${ref.split('所以')[0]}所以两个三角形全等。`,
        poor: `因为 ${goal}，所以结论成立。`,
      },
    ),
    {
      level: 'analyse',
      difficulty: cd(0.55),
      seconds: 300,
      score: 5,
    },
  );
};

const tangentLength: Gen = (r) => {
  const [d, rad, t] = r.pick([
    [5, 3, 4],
    [10, 6, 8],
    [13, 5, 12],
    [17, 8, 15],
  ] as const);
  return draft(
    fill(
      p(
        `${f('⊙O')} 的半径为 ${rad}，点 P 到圆心 O 的距离为 ${d}，过点 P 作 ${f('⊙O')} 的切线，切线长为 ${blank('b1')}。`,
      ),
      [nb('b1', t, [d - rad])],
    ),
    { level: 'apply', difficulty: cd(0.62), seconds: 45, score: 2 },
  );
};

const regularPolygon: Gen = (r) => {
  const n = r.pick([3, 4, 5, 6, 8, 10, 12]);
  return draft(
    fill(p(`正 ${n} 边形的中心角是 ${blank('b1')}°。`), [nb('b1', 360 / n, [((n - 2) * 180) / n])]),
    { level: 'apply', difficulty: cd(0.72), seconds: 30, score: 2 },
  );
};

const maxArea: Gen = (r) => {
  const fence = r.range(6, 20) * 4;
  const side = fence / 4;
  return draft(
    fill(
      p(
        `用长 ${fence} 米的篱笆围成一个矩形菜园，当矩形的一边长为 ${blank('x')} 米时，菜园面积最大，最大面积是 ${blank('s')} 平方米。`,
      ),
      [nb('x', side, [fence / 2]), nb('s', side * side, [(fence / 2) ** 2])],
      p(`设一边长 x 米，面积 S = x(${fence / 2} − x)，配方求最值。`),
    ),
    {
      level: 'analyse',
      difficulty: cd(0.52),
      seconds: 120,
      score: 3,
    },
  );
};

const divideMonomial: Gen = (r) => {
  const a = r.range(2, 6);
  const m = r.range(3, 6);
  return draft(
    single(r, p(`计算 ${f(`${a * 3}x^${m}y^2 ÷ 3x^2y`)} 的结果是（　　）。`), f(`${a}x^${m - 2}y`), [
      f(`${a}x^${m}y`),
      f(`${a * 3 - 3}x^${m - 2}y`),
      f(`${a}x^${m - 2}y^2`),
    ]),
    {
      level: 'apply',
      difficulty: cd(0.72),
      seconds: 45,
      score: 3,
    },
  );
};

const COMPUTED: Record<string, Gen[]> = {
  'MA-21-040': [inequalitySystem],
  'MA-22-005': [congruenceProof],
  'MA-22-010': [isosceles],
  'MA-22-015': [divideMonomial],
  'MA-22-032': [midline],
  'MA-22-034': [rhombus],
  'MA-22-044': [variance],
  'MA-22-045': [variance],
  'MA-23-012': [maxArea],
  'MA-23-022': [tangentLength],
  'MA-23-023': [regularPolygon],
};

/** Concept generators (hand-written facts) and the computed ones beside them, by knowledge-point code. */
export const FACT_GENS: Record<string, Gen[]> = Object.fromEntries(
  [...new Set([...Object.keys(FACTS), ...Object.keys(COMPUTED)])].map((code) => [
    code,
    [...(FACTS[code] ? [fact(code), factsOfGrade(code)] : []), ...(COMPUTED[code] ?? [])],
  ]),
);

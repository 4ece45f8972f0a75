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
import { type Gen, nb } from './demo-math-number.ts';

/** [statement, true?] — judged by the student (判断题). */
type Fact = readonly [string, boolean];
/** [stem, correct, wrong options] — a single choice. */
type Choice = readonly [string, string, readonly string[]];

const FACTS: Record<string, readonly (Fact | Choice)[]> = {
  'MA-13-010': [
    ['长方形和正方形都是四边形。', true],
    ['四条边都相等的四边形一定是正方形。', false],
    ['下面的图形中，不是四边形的是（　　）。', '三角形', ['长方形', '正方形', '平行四边形']],
  ],
  'MA-13-016': [
    ['早上面对太阳，你的后面是西。', true],
    ['地图通常按“上北下南，左西右东”绘制。', true],
    ['小明面向北站立，向右转后面向（　　）。', '东', ['西', '南', '北']],
  ],
  'MA-14-004': [['用计算器计算时，按错了数可以按清除键重新输入。', true]],
  'MA-14-006': [
    ['射线比直线短。', false],
    ['过一点可以画无数条直线。', true],
    ['线段有两个端点，可以度量长度。', true],
    [
      '下列说法正确的是（　　）。',
      '直线没有端点，可以向两端无限延伸',
      ['射线有两个端点', '线段可以无限延长', '直线长 100 米'],
    ],
  ],
  'MA-14-011': [
    ['在同一平面内，不相交的两条直线叫作平行线。', true],
    ['从直线外一点到这条直线所画的垂直线段最短。', true],
    ['两条直线相交成直角时，这两条直线互相垂直。', true],
    ['不相交的两条直线一定互相平行。', false],
  ],
  'MA-14-012': [
    ['平行四边形有无数条高。', true],
    ['梯形的两组对边都平行。', false],
    ['平行四边形容易变形，这是它的特性。', true],
  ],
  'MA-14-019': [['从不同方向观察同一个物体，看到的形状可能不同。', true]],
  'MA-14-031': [
    ['平行四边形是轴对称图形。', false],
    ['圆有无数条对称轴。', true],
    ['下列图形中，对称轴最多的是（　　）。', '正方形', ['长方形', '等腰三角形', '等腰梯形']],
  ],
  'MA-14-032': [['图形平移后，形状和大小都不变，只是位置变了。', true]],
  'MA-15-004': [
    ['数对（3，5）和（5，3）表示的位置相同。', false],
    ['在教室里，小明的位置用数对表示是（4，2），表示他坐在第 4 列第 2 行。', true],
  ],
  'MA-15-018': [['只根据从一个方向看到的形状，就能确定立体图形的样子。', false]],
  'MA-15-029': [
    ['假分数都大于 1。', false],
    ['真分数都小于 1。', true],
    ['分母是 8 的最大真分数是（　　）。', '7/8', ['8/8', '1/8', '9/8']],
  ],
  'MA-15-034': [
    ['钟面上的指针从“12”绕中心点顺时针旋转 90° 到“3”。', true],
    ['图形旋转后，形状和大小都变了。', false],
  ],
  'MA-16-004': [
    ['用方向和距离可以确定物体的位置。', true],
    ['A 在 B 的北偏东 30° 方向，那么 B 在 A 的南偏西 30° 方向。', true],
    ['A 在 B 的北偏东 30° 方向，那么 B 在 A 的南偏东 30° 方向。', false],
  ],
  'MA-16-014': [
    ['扇形是由两条半径和一段弧围成的图形。', true],
    ['圆心角越大，扇形的面积一定越大。', false],
  ],
  'MA-16-019': [
    ['1 + 3 + 5 + 7 + 9 = 5²。', true],
    ['1 + 3 + 5 + … + 19 的和是（　　）。', '100', ['81', '121', '90']],
  ],
  'MA-16-032': [
    ['把一个长方形按 2 : 1 放大后，面积也扩大到原来的 2 倍。', false],
    ['图形放大或缩小后，形状不变，大小变了。', true],
  ],
  'MA-21-014': [
    ['x = 2 是方程 3x − 1 = 5 的解。', true],
    ['下列方程中，是一元一次方程的是（　　）。', '2x − 3 = 7', ['x² − 1 = 0', 'x + y = 3', '1/x = 2']],
  ],
  'MA-21-018': [
    ['正方体的表面展开图有 11 种。', true],
    ['圆柱的侧面展开图是一个长方形。', true],
    ['从正面、左面、上面看都是正方形的立体图形是（　　）。', '正方体', ['长方体', '圆柱', '圆锥']],
  ],
  'MA-21-019': [
    ['两点之间，线段最短。', true],
    ['经过两点有且只有一条直线。', true],
    [
      '把弯曲的河道改直能缩短航程，这是因为（　　）。',
      '两点之间，线段最短',
      ['两点确定一条直线', '垂线段最短', '经过一点有无数条直线'],
    ],
  ],
  'MA-21-022': [['设计长方体纸盒时，展开图中相对的两个面的形状和大小相同。', true]],
  'MA-21-024': [
    ['在同一平面内，过一点有且只有一条直线与已知直线垂直。', true],
    ['连接直线外一点与直线上各点的所有线段中，垂线段最短。', true],
  ],
  'MA-21-027': [
    ['“对顶角相等”是真命题。', true],
    ['“相等的角是对顶角”是真命题。', false],
    [
      '下列命题中，是假命题的是（　　）。',
      '同位角相等',
      ['对顶角相等', '两点之间线段最短', '等角的补角相等'],
    ],
  ],
  'MA-21-028': [['平移前后，对应点所连的线段平行（或在同一条直线上）且相等。', true]],
  'MA-21-037': [['解三元一次方程组的基本思路是消元，把“三元”化为“二元”。', true]],
  'MA-21-041': [
    ['了解全国中学生的视力情况，适合采用全面调查。', false],
    ['检查神舟飞船各零部件的质量，应采用全面调查。', true],
    [
      '为了解某校 1200 名学生的睡眠时间，从中随机抽取 100 名学生调查，样本容量是（　　）。',
      '100',
      ['1200', '100 名学生', '1200 名学生的睡眠时间'],
    ],
  ],
  'MA-21-042': [['频数分布直方图中，各小组的频数之和等于数据总数。', true]],
  'MA-21-043': [['调查家庭用水量时，应先明确调查目的，再设计调查问卷。', true]],
  'MA-22-001': [
    ['三角形的三条中线交于一点。', true],
    ['钝角三角形的三条高都在三角形内部。', false],
  ],
  'MA-22-004': [
    ['全等三角形的对应边相等，对应角相等。', true],
    ['面积相等的两个三角形一定全等。', false],
  ],
  'MA-22-005': [
    ['有两边和其中一边的对角分别相等的两个三角形一定全等。', false],
    ['判定两个直角三角形全等可以用“HL”。', true],
    [
      '下列条件中，不能判定两个三角形全等的是（　　）。',
      '三个角分别相等（AAA）',
      ['三边分别相等（SSS）', '两边及其夹角分别相等（SAS）', '两角及其夹边分别相等（ASA）'],
    ],
  ],
  'MA-22-006': [['角的平分线上的点到角的两边的距离相等。', true]],
  'MA-22-007': [
    ['成轴对称的两个图形全等。', true],
    ['全等的两个图形一定成轴对称。', false],
  ],
  'MA-22-008': [['线段垂直平分线上的点与这条线段两个端点的距离相等。', true]],
  'MA-22-010': [
    ['等腰三角形的两个底角相等。', true],
    ['等腰三角形底边上的高、中线及顶角平分线互相重合。', true],
  ],
  'MA-22-011': [
    ['在直角三角形中，30° 角所对的直角边等于斜边的一半。', true],
    ['三个角都相等的三角形是等边三角形。', true],
  ],
  'MA-22-012': [['在河边修建水泵站，使它到河同侧的两个村庄距离之和最短，可以利用轴对称解决。', true]],
  'MA-22-030': [
    ['平行四边形的对角线互相平分。', true],
    ['平行四边形的对角线相等。', false],
  ],
  'MA-22-031': [
    ['一组对边平行且相等的四边形是平行四边形。', true],
    ['一组对边平行、另一组对边相等的四边形是平行四边形。', false],
  ],
  'MA-22-032': [['三角形的中位线平行于第三边，并且等于第三边的一半。', true]],
  'MA-22-033': [
    ['对角线相等的四边形是矩形。', false],
    ['矩形的对角线相等且互相平分。', true],
  ],
  'MA-22-034': [
    ['对角线互相垂直的平行四边形是菱形。', true],
    ['菱形的四条边都相等。', true],
    ['对角线互相垂直的四边形是菱形。', false],
  ],
  'MA-22-035': [
    ['正方形既是矩形又是菱形。', true],
    ['有一个角是直角的菱形是正方形。', true],
  ],
  'MA-22-045': [['分析体质健康测试数据时，既要看平均数，也要看数据的波动情况。', true]],
  'MA-23-001': [
    ['方程 x² = 0 不是一元二次方程。', false],
    ['下列方程中，是一元二次方程的是（　　）。', 'x² − 2x = 3', ['x + 2y = 1', 'x³ + x = 2', '1/x² = 4']],
  ],
  'MA-23-007': [
    ['y = 2x² − 1 是二次函数。', true],
    ['y = 2x + 1 是二次函数。', false],
  ],
  'MA-23-011': [
    ['抛物线 y = x² − 4 与 x 轴有两个交点。', true],
    ['抛物线 y = x² + 1 与 x 轴有交点。', false],
  ],
  'MA-23-013': [
    ['旋转前后的图形全等。', true],
    ['对应点到旋转中心的距离相等。', true],
  ],
  'MA-23-015': [['利用平移、轴对称和旋转可以设计出美丽的图案。', true]],
  'MA-23-016': [
    ['直径是圆中最长的弦。', true],
    ['长度相等的弧是等弧。', false],
  ],
  'MA-23-020': [
    ['不在同一条直线上的三个点确定一个圆。', true],
    ['三角形的外心是三角形三条角平分线的交点。', false],
  ],
  'MA-23-021': [
    ['经过半径的外端并且垂直于这条半径的直线是圆的切线。', true],
    ['圆的切线垂直于经过切点的半径。', true],
  ],
  'MA-23-022': [
    ['从圆外一点可以引圆的两条切线，它们的切线长相等。', true],
    ['三角形的内心到三边的距离相等。', true],
  ],
  'MA-23-023': [
    ['正多边形都是轴对称图形。', true],
    ['正多边形都是中心对称图形。', false],
  ],
  'MA-23-027': [
    ['大量重复试验时，事件发生的频率会稳定在概率附近。', true],
    ['抛一枚硬币 10 次，一定有 5 次正面朝上。', false],
  ],
  'MA-23-030': [['当压力一定时，压强 p 与受力面积 S 成反比例函数关系。', true]],
  'MA-23-031': [
    ['所有的正方形都相似。', true],
    ['所有的矩形都相似。', false],
    ['所有的菱形都相似。', false],
  ],
  'MA-23-032': [['两条直线被一组平行线所截，所得的对应线段成比例。', true]],
  'MA-23-036': [
    ['位似图形一定是相似图形。', true],
    ['相似图形一定是位似图形。', false],
  ],
  'MA-23-041': [
    ['同一时刻，在阳光下物体的高度与影长成正比例。', true],
    ['路灯下的影子是平行投影。', false],
  ],
  'MA-23-042': [
    ['圆柱的主视图和左视图都是长方形，俯视图是圆。', true],
    ['一个几何体的三视图都是圆，这个几何体是（　　）。', '球', ['圆柱', '圆锥', '正方体']],
  ],
  'MA-23-043': [['制作立体模型前，可以先根据三视图想象出立体图形的形状。', true]],
};

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

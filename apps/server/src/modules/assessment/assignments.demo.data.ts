/**
 * The demo's city-wide 数学 practice (assignments.demo.ts): six items for each grade, one to nine,
 * on what the grade learns in the autumn term (人教版上册), each tagged with the curriculum backbone's
 * knowledge points (`MA-<grade>-<seq>`, demo/curriculum/math.data.ts) and with a right and a typical
 * wrong answer. Every grade's paper has the same shape: two single choices, a multiple choice, a
 * true-or-false, two blanks and a word problem, 20 points. The 四年级 answer key (C, B, A C, ×,
 * 8400 / 1200, C) is the one the homework journey gives.
 */
import { f } from './demo-formula.ts';
import type { AnswerValue, CognitiveLevel, LeafItem } from './item-model.ts';

export interface PracticeItem {
  content: LeafItem;
  score: number;
  right: AnswerValue;
  wrong: AnswerValue;
  wrongScore: number;
  /** Knowledge point codes of the 数学 backbone. */
  kps: string[];
  level: CognitiveLevel;
  /** Expected proportion correct (难度系数). */
  difficulty: number;
}

const options = (xs: string[]) => xs.map((body, i) => ({ id: 'ABCD'[i]!, body: `<p>${body}</p>` }));

type Choice = { stem: string; options: string[]; correct: string; wrong: string; explanation: string };
type Pick = { stem: string; options: string[]; wrong: string[]; explanation: string };
type Blanks = {
  stem: string;
  answers: [string[], string[]];
  wrong: [string, string];
  kind?: 'text' | 'number';
};
type Meta = { kps: string[]; level: CognitiveLevel; difficulty: number };

const single = (c: Choice, score: number, m: Meta): PracticeItem => ({
  content: {
    type: 'single_choice',
    stem: `<p>${c.stem}</p>`,
    options: options(c.options),
    correct: c.correct,
    explanation: `<p>${c.explanation}</p>`,
  },
  score,
  right: { choice: c.correct },
  wrong: { choice: c.wrong },
  wrongScore: 0,
  ...m,
});

/** A multiple choice whose answer is A and C; half the score for a right part of it. */
const multiple = (c: Pick, m: Meta): PracticeItem => ({
  content: {
    type: 'multiple_choice',
    stem: `<p>${c.stem}</p>`,
    options: options(c.options),
    correct: ['A', 'C'],
    partial: 'half',
    explanation: `<p>${c.explanation}</p>`,
  },
  score: 4,
  right: { choices: ['A', 'C'] },
  wrong: { choices: c.wrong },
  wrongScore: c.wrong.every((x) => x === 'A' || x === 'C') ? 2 : 0,
  ...m,
});

const judge = (stem: string, correct: boolean, explanation: string, m: Meta): PracticeItem => ({
  content: { type: 'true_false', stem: `<p>${stem}</p>`, correct, explanation: `<p>${explanation}</p>` },
  score: 2,
  right: { judgement: correct },
  wrong: { judgement: !correct },
  wrongScore: 0,
  ...m,
});

/** Two blanks, `b1` and `b2` in the stem as `__1__` and `__2__`; the wrong answer misses the second. */
const blanks = (c: Blanks, explanation: string, m: Meta): PracticeItem => ({
  content: {
    type: 'fill_in',
    stem: `<p>${c.stem.replace('__1__', '<span data-blank="b1"></span>').replace('__2__', '<span data-blank="b2"></span>')}</p>`,
    blanks: c.answers.map((accepted, i) => ({
      id: `b${i + 1}`,
      accepted,
      kind: c.kind ?? 'number',
      caseSensitive: false,
    })),
    explanation: `<p>${explanation}</p>`,
  },
  score: 4,
  right: { blanks: { b1: c.answers[0][0]!, b2: c.answers[1][0]! } },
  wrong: { blanks: { b1: c.wrong[0], b2: c.wrong[1] } },
  wrongScore: 2,
  ...m,
});

const remember = (kps: string[], difficulty = 0.85): Meta => ({ kps, level: 'remember', difficulty });
const understand = (kps: string[], difficulty = 0.75): Meta => ({ kps, level: 'understand', difficulty });
const apply = (kps: string[], difficulty = 0.65): Meta => ({ kps, level: 'apply', difficulty });
const analyse = (kps: string[], difficulty = 0.55): Meta => ({ kps, level: 'analyse', difficulty });

/** Six items a grade, by grade code (11–16 primary, 21–23 junior secondary). */
export const PRACTICE: Record<string, PracticeItem[]> = {
  '11': [
    single(
      {
        stem: '8 + 5 =（　）',
        options: ['12', '14', '13', '3'],
        correct: 'C',
        wrong: 'A',
        explanation: '8 + 2 = 10，10 + 3 = 13（凑十法）。',
      },
      4,
      apply(['MA-11-016']),
    ),
    single(
      {
        stem: '和 9 相邻的两个数是（　）',
        options: ['7 和 8', '8 和 10', '9 和 10', '10 和 11'],
        correct: 'B',
        wrong: 'C',
        explanation: '9 前面是 8，后面是 10。',
      },
      4,
      understand(['MA-11-009']),
    ),
    multiple(
      {
        stem: '下面的算式中，得数是 10 的有（　）',
        options: ['6 + 4', '3 + 8', '7 + 3', '9 − 1'],
        wrong: ['A'],
        explanation: '6 + 4 = 10，7 + 3 = 10；3 + 8 = 11，9 − 1 = 8。',
      },
      apply(['MA-11-010']),
    ),
    judge('球能滚动，圆柱不能滚动。', false, '圆柱放倒了也能滚动。', understand(['MA-11-008'])),
    blanks(
      { stem: '10 − 6 = __1__；4 + __2__ = 9。', answers: [['4'], ['5']], wrong: ['4', '13'] },
      '10 − 6 = 4；9 − 4 = 5，所以 4 + 5 = 9。',
      apply(['MA-11-010']),
    ),
    single(
      {
        stem: '排队做操，小明前面有 3 人，后面有 4 人，这一队一共有（　）人。',
        options: ['7', '9', '8', '6'],
        correct: 'C',
        wrong: 'A',
        explanation: '3 + 4 + 1 = 8，别忘了小明自己。',
      },
      2,
      analyse(['MA-11-011']),
    ),
  ],
  '12': [
    single(
      {
        stem: '一支铅笔长约 15（　）',
        options: ['米', '千克', '厘米', '时'],
        correct: 'C',
        wrong: 'A',
        explanation: '铅笔比尺子短，用厘米作单位。',
      },
      4,
      understand(['MA-12-001']),
    ),
    single(
      {
        stem: '4 × 6 =（　）',
        options: ['10', '24', '20', '18'],
        correct: 'B',
        wrong: 'A',
        explanation: '四六二十四。',
      },
      4,
      remember(['MA-12-008']),
    ),
    multiple(
      {
        stem: '下面的算式中，得数是 36 的有（　）',
        options: ['4 × 9', '6 × 5', '6 × 6', '30 + 5'],
        wrong: ['A'],
        explanation: '四九三十六，六六三十六。',
      },
      apply(['MA-12-011']),
    ),
    judge(
      '5 个 3 相加，可以写成 5 + 3。',
      false,
      '5 个 3 相加写成 5 × 3 或 3 × 5。',
      understand(['MA-12-007']),
    ),
    blanks(
      { stem: '45 + 38 = __1__；72 − 29 = __2__。', answers: [['83'], ['43']], wrong: ['83', '57'] },
      '个位满十向十位进一；个位不够减，从十位退一。',
      apply(['MA-12-003', 'MA-12-004']),
    ),
    single(
      {
        stem: '钟面上时针在 3 和 4 之间，分针指着 6，这时是（　）',
        options: ['3 时', '4 时 30 分', '3 时 30 分', '6 时 15 分'],
        correct: 'C',
        wrong: 'B',
        explanation: '时针刚过 3，分针指 6 是 30 分。',
      },
      2,
      apply(['MA-12-012']),
    ),
  ],
  '13': [
    single(
      {
        stem: '1 分 =（　）秒',
        options: ['10', '100', '60', '24'],
        correct: 'C',
        wrong: 'B',
        explanation: '秒针走一圈是 60 秒，就是 1 分。',
      },
      4,
      remember(['MA-13-001']),
    ),
    single(
      {
        stem: '一个长方形长 8 厘米、宽 5 厘米，它的周长是（　）厘米。',
        options: ['13', '26', '40', '80'],
        correct: 'B',
        wrong: 'C',
        explanation: '周长 = (长 + 宽) × 2 = 26 厘米。',
      },
      4,
      apply(['MA-13-012']),
    ),
    multiple(
      {
        stem: '下面的图形中，是四边形的有（　）',
        options: ['长方形', '三角形', '正方形', '圆'],
        wrong: ['A', 'B'],
        explanation: '有四条直的边、四个角的图形是四边形。',
      },
      understand(['MA-13-010']),
    ),
    judge('1 千克铁比 1 千克棉花重。', false, '都是 1 千克，一样重。', understand(['MA-13-005'])),
    blanks(
      { stem: '24 的 3 倍是 __1__；56 是 8 的 __2__ 倍。', answers: [['72'], ['7']], wrong: ['72', '48'] },
      '24 × 3 = 72；56 ÷ 8 = 7。',
      apply(['MA-13-007']),
    ),
    single(
      {
        stem: '把一根绳子平均分成 4 段，每段是全长的（　）',
        options: ['{1/2}', '4', '{1/4}', '{3/4}'].map(f),
        correct: 'C',
        wrong: 'B',
        explanation: '平均分成 4 份，每份是它的四分之一。',
      },
      2,
      understand(['MA-13-013']),
    ),
  ],
  '14': [
    single(
      {
        stem: '一个平角等于（　）',
        options: ['90°', '120°', '180°', '360°'],
        correct: 'C',
        wrong: 'B',
        explanation: '平角的两条边成一条直线，是 180°。',
      },
      4,
      remember(['MA-14-007']),
    ),
    single(
      {
        stem: '5 个百万是（　）',
        options: ['50 万', '500 万', '5000 万', '5 亿'],
        correct: 'B',
        wrong: 'C',
        explanation: '一百万是 100 万，5 个百万是 500 万。',
      },
      4,
      understand(['MA-14-001']),
    ),
    multiple(
      {
        stem: '下列算式中，积是三位数的有（　）',
        options: ['25 × 12', '45 × 30', '32 × 31', '50 × 40'],
        wrong: ['A'],
        explanation: '25 × 12 = 300，32 × 31 = 992；45 × 30 = 1350，50 × 40 = 2000。',
      },
      apply(['MA-14-008']),
    ),
    judge('两个锐角的和一定是钝角。', false, '30° + 40° = 70°，仍是锐角。', understand(['MA-14-007'])),
    blanks(
      {
        stem: '280 × 30 = __1__；已知 a × b = 120，a 乘 10，b 不变，积是 __2__。',
        answers: [['8400'], ['1200']],
        wrong: ['8400', '120'],
      },
      '28 × 3 = 84，再添两个 0；一个因数乘 10，积也乘 10。',
      apply(['MA-14-008', 'MA-14-009']),
    ),
    single(
      {
        stem: '小明 3 分钟走了 240 米，照这样的速度，他 5 分钟能走（　）米。',
        options: ['300', '360', '400', '480'],
        correct: 'C',
        wrong: 'A',
        explanation: '速度是每分钟 80 米，80 × 5 = 400 米。',
      },
      2,
      apply(['MA-14-010']),
    ),
  ],
  '15': [
    single(
      {
        stem: '2.5 × 0.4 =（　）',
        options: ['10', '0.1', '1', '0.01'],
        correct: 'C',
        wrong: 'B',
        explanation: '25 × 4 = 100，两个因数共两位小数，积是 1.00 = 1。',
      },
      4,
      apply(['MA-15-002']),
    ),
    single(
      {
        stem: '一个平行四边形底 6 厘米、高 4 厘米，它的面积是（　）平方厘米。',
        options: ['10', '24', '12', '20'],
        correct: 'B',
        wrong: 'C',
        explanation: '平行四边形的面积 = 底 × 高 = 24 平方厘米。',
      },
      4,
      apply(['MA-15-014']),
    ),
    multiple(
      {
        stem: '下列各式中，是方程的有（　）',
        options: ['x + 5 = 12', '3x > 7', '2x = 0', '8 + 6 = 14'],
        wrong: ['A', 'D'],
        explanation: '含有未知数的等式是方程。',
      },
      understand(['MA-15-010']),
    ),
    judge(
      '一个数乘小数，积一定比这个数小。',
      false,
      '乘的小数大于 1 时积变大，如 2 × 1.5 = 3。',
      understand(['MA-15-002']),
    ),
    blanks(
      {
        stem: '解方程 x − 3.5 = 6，x = __1__；当 a = 4 时，3a + 2 = __2__。',
        answers: [['9.5'], ['14']],
        wrong: ['9.5', '36'],
      },
      'x = 6 + 3.5 = 9.5；3a 表示 3 × a，3 × 4 + 2 = 14。',
      apply(['MA-15-012', 'MA-15-009']),
    ),
    single(
      {
        stem: '袋子里有 5 个红球、2 个白球，任意摸出一个，摸到（　）球的可能性大。',
        options: ['白', '两种一样', '红', '不能确定'],
        correct: 'C',
        wrong: 'D',
        explanation: '红球多，摸到红球的可能性大。',
      },
      2,
      understand(['MA-15-008']),
    ),
  ],
  '16': [
    single(
      {
        stem: `${f('{3/4} × {2/3} =')}（　）`,
        options: ['{5/7}', '{6/7}', '{1/2}', '{9/8}'].map(f),
        correct: 'C',
        wrong: 'B',
        explanation: '分子乘分子、分母乘分母：6/12 = 1/2。',
      },
      4,
      apply(['MA-16-002']),
    ),
    single(
      {
        stem: `${f('{5/8}')} 的倒数是（　）`,
        options: ['{5/8}', '{8/5}', '{1/8}', '{3/8}'].map(f),
        correct: 'B',
        wrong: 'C',
        explanation: '乘积是 1 的两个数互为倒数。',
      },
      4,
      remember(['MA-16-005']),
    ),
    multiple(
      {
        stem: '下列说法正确的有（　）',
        options: [
          '同一个圆中，直径是半径的 2 倍',
          '圆周率就是 3.14',
          '半径 2 厘米的圆，周长是 12.56 厘米',
          '半径相等的两个圆，面积不一定相等',
        ],
        wrong: ['A', 'B'],
        explanation: '圆周率是无限不循环小数，3.14 是它的近似值；半径相等的圆面积相等。',
      },
      understand(['MA-16-011', 'MA-16-012']),
    ),
    judge(
      '比的前项和后项同时乘 5，比值扩大到原来的 5 倍。',
      false,
      '比的基本性质：比值不变。',
      understand(['MA-16-009']),
    ),
    blanks(
      {
        stem: '0.6 = __1__%；化成最简整数比 12 : 18 = __2__。',
        answers: [['60'], ['2:3', '2：3']],
        wrong: ['60', '6:9'],
        kind: 'text',
      },
      '0.6 = 60%；12 和 18 同时除以 6，得 2 : 3。',
      apply(['MA-16-016', 'MA-16-009']),
    ),
    single(
      {
        stem: '把 60 本书按 2 : 3 分给甲、乙两班，甲班分到（　）本。',
        options: ['20', '30', '24', '36'],
        correct: 'C',
        wrong: 'B',
        explanation: '60 × 2/5 = 24 本。',
      },
      2,
      apply(['MA-16-010']),
    ),
  ],
  '21': [
    single(
      {
        stem: '−3 的相反数是（　）',
        options: ['−3', '1/3', '3', '−1/3'],
        correct: 'C',
        wrong: 'D',
        explanation: '只有符号不同的两个数互为相反数。',
      },
      4,
      remember(['MA-21-003']),
    ),
    single(
      {
        stem: '(−2)³ =（　）',
        options: ['6', '−8', '8', '−6'],
        correct: 'B',
        wrong: 'A',
        explanation: '负数的奇次幂是负数，(−2)³ = −8。',
      },
      4,
      apply(['MA-21-008']),
    ),
    multiple(
      {
        stem: '下列各组中，是同类项的有（　）',
        options: ['3x²y 与 −x²y', '2ab 与 2abc', '5 与 −7', 'x² 与 y²'],
        wrong: ['A', 'D'],
        explanation: '所含字母相同、相同字母的指数也相同的项是同类项；几个常数项也是同类项。',
      },
      understand(['MA-21-012']),
    ),
    judge(
      '绝对值等于它本身的数只有 0。',
      false,
      '正数和 0 的绝对值都等于它本身。',
      understand(['MA-21-004']),
    ),
    blanks(
      { stem: '−5 + 8 = __1__；2 − (−6) = __2__。', answers: [['3'], ['8']], wrong: ['3', '-4'] },
      '异号两数相加，取绝对值较大的数的符号；减去一个数等于加上它的相反数。',
      apply(['MA-21-005', 'MA-21-006']),
    ),
    single(
      {
        stem: '某景区一年接待游客约 3 800 000 人次，用科学记数法表示为（　）',
        options: ['38 × 10⁵', '0.38 × 10⁷', '3.8 × 10⁶', '3.8 × 10⁵'],
        correct: 'C',
        wrong: 'D',
        explanation: 'a × 10ⁿ 中 1 ≤ |a| < 10，n 比整数位数少 1。',
      },
      2,
      apply(['MA-21-010']),
    ),
  ],
  '22': [
    single(
      {
        stem: '一个三角形的两个内角是 50° 和 60°，第三个内角是（　）',
        options: ['50°', '60°', '70°', '80°'],
        correct: 'C',
        wrong: 'D',
        explanation: '三角形内角和是 180°，180° − 50° − 60° = 70°。',
      },
      4,
      apply(['MA-22-002']),
    ),
    single(
      {
        stem: '六边形的内角和是（　）',
        options: ['540°', '720°', '900°', '1080°'],
        correct: 'B',
        wrong: 'A',
        explanation: 'n 边形内角和是 (n − 2) × 180°。',
      },
      4,
      apply(['MA-22-003']),
    ),
    multiple(
      {
        stem: '下列运算正确的有（　）',
        options: ['a²·a³ = a⁵', '(a²)³ = a⁵', '(a + b)(a − b) = a² − b²', '(a + b)² = a² + b²'],
        wrong: ['A', 'B'],
        explanation: '(a²)³ = a⁶；(a + b)² = a² + 2ab + b²。',
      },
      apply(['MA-22-014', 'MA-22-016']),
    ),
    judge(
      '有两边和其中一边的对角分别相等的两个三角形全等。',
      false,
      '“边边角”不能判定两个三角形全等。',
      understand(['MA-22-005']),
    ),
    blanks(
      {
        stem: '若 x + y = 5，xy = 6，则 x² + y² = __1__；等腰三角形的一个底角是 40°，它的顶角是 __2__°。',
        answers: [['13'], ['100']],
        wrong: ['13', '40'],
      },
      'x² + y² = (x + y)² − 2xy = 13；顶角 = 180° − 2 × 40° = 100°。',
      apply(['MA-22-017', 'MA-22-010']),
    ),
    single(
      {
        stem: '点 P(2, −3) 关于 x 轴对称的点的坐标是（　）',
        options: ['(−2, −3)', '(−2, 3)', '(2, 3)', '(3, −2)'],
        correct: 'C',
        wrong: 'B',
        explanation: '关于 x 轴对称，横坐标不变，纵坐标互为相反数。',
      },
      2,
      apply(['MA-22-009']),
    ),
  ],
  '23': [
    single(
      {
        stem: '方程 x² = 4x 的解是（　）',
        options: ['x = 4', 'x = 0', 'x₁ = 0，x₂ = 4', 'x₁ = 2，x₂ = −2'],
        correct: 'C',
        wrong: 'A',
        explanation: '移项得 x(x − 4) = 0，两边不能同除以 x。',
      },
      4,
      apply(['MA-23-004']),
    ),
    single(
      {
        stem: '抛物线 y = 2(x − 3)² + 1 的顶点坐标是（　）',
        options: ['(−3, 1)', '(3, 1)', '(3, −1)', '(2, 1)'],
        correct: 'B',
        wrong: 'A',
        explanation: 'y = a(x − h)² + k 的顶点是 (h, k)。',
      },
      4,
      remember(['MA-23-008']),
    ),
    multiple(
      {
        stem: '下列方程中，有两个不相等实数根的有（　）',
        options: ['x² − 2x − 3 = 0', 'x² + 1 = 0', 'x² − 5x + 1 = 0', 'x² − 4x + 4 = 0'],
        wrong: ['A', 'D'],
        explanation: 'Δ = b² − 4ac > 0 时有两个不相等的实数根：A 中 Δ = 16，C 中 Δ = 21，D 中 Δ = 0。',
      },
      apply(['MA-23-003']),
    ),
    judge('相等的圆心角所对的弧相等。', false, '要在同圆或等圆中才成立。', understand(['MA-23-018'])),
    blanks(
      {
        stem: '若 x₁、x₂ 是方程 x² − 5x + 6 = 0 的两根，则 x₁ + x₂ = __1__，x₁x₂ = __2__。',
        answers: [['5'], ['6']],
        wrong: ['5', '-6'],
      },
      '根与系数的关系：x₁ + x₂ = −b/a = 5，x₁x₂ = c/a = 6。',
      apply(['MA-23-005']),
    ),
    single(
      {
        stem: '在 ⊙O 中，∠AOB = 80°，点 C 在优弧 AB 上，则 ∠ACB =（　）',
        options: ['80°', '160°', '40°', '100°'],
        correct: 'C',
        wrong: 'A',
        explanation: '同弧所对的圆周角等于圆心角的一半。',
      },
      2,
      apply(['MA-23-019']),
    ),
  ],
};

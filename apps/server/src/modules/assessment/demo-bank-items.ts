/** The demo bank's items: believable stems of 数学, 语文 and 英语 drawn from a stable number. Pure. */
import type { CognitiveLevel, ItemContent } from './item-model.ts';

const p = (text: string) => `<p>${text}</p>`;
const blank = (id: string) => `<span data-blank="${id}"></span>`;
/** A formula as the bank keeps it: MathML carrying its TeX (what KaTeX writes). */
const frac = (a: number, b: number) => `<mfrac><mn>${a}</mn><mn>${b}</mn></mfrac>`;
const math = (mathml: string, tex: string) =>
  `<math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow>${mathml}</mrow><annotation encoding="application/x-tex">${tex}</annotation></semantics></math>`;

const letters = ['A', 'B', 'C', 'D'];
/** Four options with the right one at a place drawn from `k`. */
function options(right: string, wrong: string[], k: number) {
  const at = k % 4;
  const bodies = [...wrong.slice(0, 3)];
  bodies.splice(at, 0, right);
  return { options: bodies.map((b, i) => ({ id: letters[i]!, body: p(b) })), correct: letters[at]! };
}

export type Made = { content: ItemContent; level: CognitiveLevel; score: number; seconds: number };

function mathItem(i: number, k: number, kp: string): Made {
  const a = 12 + (k % 37);
  const b = 3 + (k % 9);
  switch (i % 6) {
    case 0:
      return {
        content: {
          type: 'single_choice',
          stem: p(`计算 ${a} × ${b} 的结果是（　　）。`),
          ...options(String(a * b), [String(a * b + b), String(a * b - b), String(a * b + 10)], k),
          explanation: p(`${a} × ${b} = ${a * b}。`),
        },
        level: 'remember',
        score: 3,
        seconds: 60,
      };
    case 1:
      return {
        content: {
          type: 'fill_in',
          stem: p(
            `一个长方形长 ${a} 厘米，宽 ${b} 厘米，它的周长是 ${blank('b1')} 厘米，面积是 ${blank('b2')} 平方厘米。`,
          ),
          blanks: [
            { id: 'b1', accepted: [String(2 * (a + b))], kind: 'number', caseSensitive: false },
            { id: 'b2', accepted: [String(a * b)], kind: 'number', caseSensitive: false },
          ],
          explanation: p(`周长 = (${a} + ${b}) × 2 = ${2 * (a + b)}；面积 = ${a} × ${b} = ${a * b}。`),
        },
        level: 'apply',
        score: 4,
        seconds: 120,
      };
    case 2: {
      const d = 4 + (k % 5) * 2;
      const [x, y] = [1 + (k % 3), 1 + ((k >> 3) % 2)];
      return {
        content: {
          type: 'single_choice',
          stem: p(
            `计算 ${math(`${frac(x, d)}<mo>+</mo>${frac(y, d)}`, `\\frac{${x}}{${d}}+\\frac{${y}}{${d}}`)} =（　　）。`,
          ),
          ...options(`${x + y}/${d}`, [`${x + y}/${2 * d}`, `${x + y + 1}/${d}`, `${x + y + 2}/${d}`], k),
          explanation: p('同分母分数相加，分母不变，分子相加。'),
        },
        level: 'understand',
        score: 3,
        seconds: 60,
      };
    }
    case 3:
      return {
        content: {
          type: 'true_false',
          stem: p(`${a} + ${b} × 2 = ${(a + b) * 2}。`),
          correct: a + b * 2 === (a + b) * 2,
          explanation: p(`先算乘法，再算加法：${a} + ${b} × 2 = ${a + b * 2}。`),
        },
        level: 'understand',
        score: 2,
        seconds: 40,
      };
    case 4:
      return {
        content: {
          type: 'short_answer',
          stem: p(`小明有 ${a * 5} 元，买了 ${b} 本练习本，每本 ${(a % 6) + 2} 元，还剩多少元？请列式解答。`),
          reference: p(`${a * 5} - ${b} × ${(a % 6) + 2} = ${a * 5 - b * ((a % 6) + 2)}（元）`),
          rubric: [
            { points: 3, description: '列式正确' },
            { points: 2, description: '计算正确并写明单位' },
          ],
        },
        level: 'apply',
        score: 5,
        seconds: 240,
      };
    default:
      return {
        content: {
          type: 'composite',
          stem: p(`四年级各班借阅图书情况：一班 ${a} 本，二班 ${a + b} 本，三班 ${a + 2 * b} 本。（${kp}）`),
          parts: [
            {
              content: {
                type: 'fill_in',
                stem: p(`三个班一共借阅 ${blank('sum')} 本。`),
                blanks: [
                  { id: 'sum', accepted: [String(3 * a + 3 * b)], kind: 'number', caseSensitive: false },
                ],
              },
              score: 2,
            },
            {
              content: {
                type: 'short_answer',
                stem: p('平均每个班借阅多少本？请写出算式。'),
                reference: p(`(${a} + ${a + b} + ${a + 2 * b}) ÷ 3 = ${a + b}（本）`),
                rubric: [{ points: 4, description: '算式与结果正确' }],
              },
              score: 4,
            },
          ],
        },
        level: 'analyse',
        score: 6,
        seconds: 300,
      };
  }
}

const POEMS = [
  ['春眠不觉晓', '处处闻啼鸟', '孟浩然《春晓》'],
  ['床前明月光', '疑是地上霜', '李白《静夜思》'],
  ['白日依山尽', '黄河入海流', '王之涣《登鹳雀楼》'],
  ['两个黄鹂鸣翠柳', '一行白鹭上青天', '杜甫《绝句》'],
  ['谁言寸草心', '报得三春晖', '孟郊《游子吟》'],
];
const WORDS = [
  ['再接再厉', '再接再励', '迫不急待', '一愁莫展'],
  ['金碧辉煌', '金壁辉煌', '走头无路', '谈笑风声'],
  ['专心致志', '专心至志', '自做自受', '悬梁刺骨'],
];

function chineseItem(i: number, k: number, kp: string): Made {
  switch (i % 4) {
    case 0: {
      const w = WORDS[k % WORDS.length]!;
      return {
        content: {
          type: 'single_choice',
          stem: p('下列词语中，书写完全正确的一项是（　　）。'),
          ...options(w[0]!, w.slice(1), k),
          explanation: p(`正确写法是「${w[0]}」。`),
        },
        level: 'remember',
        score: 3,
        seconds: 60,
      };
    }
    case 1: {
      const poem = POEMS[k % POEMS.length]!;
      return {
        content: {
          type: 'fill_in',
          stem: p(`“${poem[0]}，${blank('line')}。”（${poem[2]}）`),
          blanks: [{ id: 'line', accepted: [poem[1]!], kind: 'text', caseSensitive: false }],
        },
        level: 'remember',
        score: 2,
        seconds: 60,
      };
    }
    case 2:
      return {
        content: {
          type: 'short_answer',
          stem: p(
            `结合「${kp}」，说说下面句子用了什么修辞手法，有什么表达效果。<br/>“春天像刚落地的娃娃，从头到脚都是新的，它生长着。”`,
          ),
          reference: p('比喻（拟人）：把春天比作刚落地的娃娃，写出了春天的新鲜与生机。'),
          rubric: [
            { points: 2, description: '指出修辞手法' },
            { points: 3, description: '说明表达效果' },
          ],
        },
        level: 'analyse',
        score: 5,
        seconds: 300,
      };
    default:
      return {
        content: {
          type: 'essay',
          stem: p(`以“${['我的好朋友', '难忘的一天', '家乡的四季', '我学会了'][k % 4]}”为题，写一篇作文。`),
          minLength: 400,
          rubric: [
            { points: 10, description: '内容具体，中心明确' },
            { points: 10, description: '语句通顺，结构完整' },
            { points: 10, description: '书写工整，无错别字' },
          ],
        },
        level: 'apply',
        score: 30,
        seconds: 2400,
      };
  }
}

function englishItem(i: number, k: number, kp: string): Made {
  switch (i % 3) {
    case 0:
      return {
        content: {
          type: 'single_choice',
          stem: p("— ______ is your school bag?<br/>— It's under the desk."),
          ...options('Where', ['What', 'Who', 'How'], k),
        },
        level: 'understand',
        score: 2,
        seconds: 40,
      };
    case 1: {
      const verbs = [
        ['go', 'goes'],
        ['read', 'reads'],
        ['play', 'plays'],
      ][k % 3]!;
      return {
        content: {
          type: 'fill_in',
          stem: p(`Tom ${blank('v')} (${verbs[0]}) football every Sunday.`),
          blanks: [
            {
              id: 'v',
              accepted: [verbs[0] === 'play' ? 'plays' : verbs[1]!],
              kind: 'text',
              caseSensitive: false,
            },
          ],
          explanation: p(`主语是第三人称单数，动词用 ${verbs[1]}。（${kp}）`),
        },
        level: 'apply',
        score: 2,
        seconds: 40,
      };
    }
    default:
      return {
        content: {
          type: 'true_false',
          stem: p('Read and judge: "There are seven days in a week."'),
          correct: true,
        },
        level: 'remember',
        score: 2,
        seconds: 30,
      };
  }
}

export const MAKERS: Record<string, (i: number, k: number, kp: string) => Made> = {
  '14': mathItem,
  '13': chineseItem,
  '41': englishItem,
};

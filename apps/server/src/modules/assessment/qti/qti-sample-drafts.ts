import type { ItemDraft } from '../item-model.ts';
import { texToMathML } from '../rich-text.ts';

/** Storage key of the one picture the sample items show. */
export const SAMPLE_PICTURE_KEY = 'items/2026/12/0193f0a1-7c2e-7000-8000-000000000001';
/** A 1×1 transparent PNG. */
export const SAMPLE_PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a3d40000000049454e44ae426082',
  'hex',
);

const tags = (over: Partial<ItemDraft['tags']> = {}): ItemDraft['tags'] => ({
  subjectCode: '14',
  gradeCode: '21',
  knowledgePointIds: ['0193f0a1-7c2e-7000-8000-00000000a001'],
  cognitiveLevel: 'apply',
  difficulty: 0.65,
  score: 3,
  seconds: 90,
  source: '2025 年海珠区七年级期末',
  year: 2025,
  ...over,
});

/** One item of every type of the model, as the bank stores them: Hanlin's export fixture. */
export function sampleDrafts(): ItemDraft[] {
  const x2 = texToMathML('x^2 = 4');
  const half = texToMathML('\\frac{1}{2}');
  return [
    {
      content: {
        type: 'single_choice',
        stem: `<p>方程 ${x2} 的正数解是（　　）</p>`,
        options: [
          { id: 'A', body: '1' },
          { id: 'B', body: '2' },
          { id: 'C', body: '−2' },
          { id: 'D', body: '4' },
        ],
        correct: 'B',
        explanation: `<p>由 ${x2} 得 x = ±2，正数解为 2。</p>`,
      },
      tags: tags(),
    },
    {
      content: {
        type: 'multiple_choice',
        stem: '下列各数中，是<strong>有理数</strong>的有（　　）',
        options: [
          { id: 'A', body: half },
          { id: 'B', body: 'π' },
          { id: 'C', body: '0.3' },
          { id: 'D', body: texToMathML('\\sqrt{2}') },
        ],
        correct: ['A', 'C'],
        partial: 'half',
      },
      tags: tags({ cognitiveLevel: 'understand', difficulty: 0.55, score: 4, seconds: 120 }),
    },
    {
      content: { type: 'true_false', stem: '0 既不是正数，也不是负数。', correct: true },
      tags: tags({
        cognitiveLevel: 'remember',
        difficulty: 0.9,
        score: 2,
        seconds: 30,
        source: undefined,
        year: undefined,
      }),
    },
    {
      content: {
        type: 'fill_in',
        stem: `<p>${half} 写成小数是 <span data-blank="1"></span>；1 米 = <span data-blank="2"></span> 厘米。</p><p><img alt="数轴" src="hanlin-file:${SAMPLE_PICTURE_KEY}"/></p>`,
        blanks: [
          { id: '1', accepted: ['0.5', '.5'], kind: 'number', caseSensitive: false, tolerance: 0 },
          { id: '2', accepted: ['100'], kind: 'number', unit: '厘米', caseSensitive: false, weight: 0.5 },
        ],
      },
      tags: tags({ knowledgePointIds: [], score: 4 }),
    },
    {
      content: {
        type: 'short_answer',
        stem: '<p>简述有理数的定义。</p>',
        reference: '<p>整数和分数统称有理数。</p>',
        rubric: [
          { points: 2, description: '写出“整数和分数”' },
          { points: 1, description: '写出“统称”' },
        ],
      },
      tags: tags({ cognitiveLevel: 'remember', score: 3, seconds: 180 }),
    },
    {
      content: {
        type: 'essay',
        stem: '<p>以“我的数学老师”为题，写一篇作文。</p>',
        rubric: [{ points: 40, description: '内容、结构、语言综合评分' }],
        minLength: 600,
      },
      tags: tags({ subjectCode: '13', cognitiveLevel: 'analyse', difficulty: 0.6, score: 50, seconds: 2400 }),
    },
    {
      content: {
        type: 'composite',
        stem: '<p>阅读材料：某班 40 名同学参加跳绳测试，成绩如下表。</p><table><tbody><tr><th>等级</th><th>人数</th></tr><tr><td>优秀</td><td>12</td></tr></tbody></table>',
        explanation: '<p>先求频率，再估计总体。</p>',
        parts: [
          {
            content: {
              type: 'single_choice',
              stem: '优秀的频率是（　　）',
              options: [
                { id: 'A', body: '0.3' },
                { id: 'B', body: '0.4' },
              ],
              correct: 'A',
            },
            score: 3,
          },
          {
            content: {
              type: 'fill_in',
              stem: '全年级 400 人中优秀约 <span data-blank="n"></span> 人。',
              blanks: [{ id: 'n', accepted: ['120'], kind: 'number', caseSensitive: false }],
            },
            score: 3,
          },
          {
            content: { type: 'short_answer', stem: '说明你的估计方法。', rubric: [] },
            score: 4,
          },
        ],
      },
      tags: tags({ cognitiveLevel: 'analyse', score: 10, seconds: 600 }),
    },
  ];
}

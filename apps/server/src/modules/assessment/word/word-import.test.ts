import { readFileSync } from 'node:fs';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { type ItemContent, itemDraft, type LeafItem } from '../item-model.ts';
import {
  type ProposedItem,
  proposeItemsFromDocx,
  rebindImageKeys,
  type WordImportProposal,
} from './word-import.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const propose = (name: string) => proposeItemsFromDocx(fixture(name), { subjectCode: '14', gradeCode: '21' });
const byNumber = (p: WordImportProposal, n: string) => p.items.find((i) => i.number === n)!;
const content = <T extends ItemContent['type']>(i: ProposedItem, type: T) => {
  expect(i.draft.content.type).toBe(type);
  return i.draft.content as Extract<ItemContent, { type: T }>;
};
/** Every TeX annotation in a piece of rich text. */
const texOf = (html: string) =>
  [...html.matchAll(/<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/g)].map((m) =>
    m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'),
  );
/** A short signature of an item: type and answer, for comparing two documents' results. */
function answerOf(c: ItemContent | LeafItem): unknown {
  switch (c.type) {
    case 'single_choice':
    case 'multiple_choice':
    case 'true_false':
      return [c.type, c.correct];
    case 'fill_in':
      return [c.type, c.blanks.map((b) => b.accepted)];
    case 'composite':
      return [c.type, c.parts.map((p) => [p.score, answerOf(p.content)])];
    default:
      return [c.type];
  }
}

describe('Word import: 七年级数学 (python-docx, Word equations, pictures, a key at the end)', async () => {
  const p = await propose('math-grade7.docx');

  it('finds the title and every question, each a valid draft', () => {
    expect(p.title).toBe('2025—2026 学年第一学期七年级数学期中检测');
    expect(p.items.map((i) => i.number)).toEqual(Array.from({ length: 15 }, (_, i) => String(i + 1)));
    for (const i of p.items) expect(itemDraft.safeParse(i.draft).success).toBe(true);
    expect(p.items.map((i) => i.draft.tags.year)).toEqual(Array(15).fill(2025));
  });

  it('guesses the types and reads the answers from the answer section', () => {
    expect(p.items.map((i) => answerOf(i.draft.content))).toEqual([
      ['single_choice', 'B'],
      ['single_choice', 'B'],
      ['single_choice', 'A'],
      ['single_choice', 'A'],
      ['single_choice', 'A'],
      ['single_choice', 'C'],
      ['fill_in', [['（待补充）']]],
      ['fill_in', [['2']]],
      ['fill_in', [['±5'], ['2']]],
      ['fill_in', [['6']]],
      [
        'composite',
        [
          [6, ['short_answer']],
          [6, ['short_answer']],
        ],
      ],
      ['short_answer'],
      ['short_answer'],
      ['short_answer'],
      ['short_answer'],
    ]);
  });

  it('reports the question whose answer is missing, and only that one', () => {
    const q7 = byNumber(p, '7');
    expect(q7.missingAnswer).toBe(true);
    expect(q7.warnings).toContain('未找到第 7 题的答案');
    expect(q7.confidence).toBeLessThan(0.7);
    expect(p.items.filter((i) => i.missingAnswer).map((i) => i.number)).toEqual(['7']);
    expect(p.warnings).toEqual([]);
  });

  it('takes scores from the section headings and the stems', () => {
    expect(p.items.map((i) => i.draft.tags.score)).toEqual([
      3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 12, 12, 14, 14, 14,
    ]);
    expect(content(byNumber(p, '12'), 'short_answer').stem).not.toContain('12 分');
  });

  it('splits options on one line, on two lines, with (A) and A、 markers, with formulas in them', () => {
    const q1 = content(byNumber(p, '1'), 'single_choice');
    expect(q1.options.map((o) => o.id)).toEqual(['A', 'B', 'C', 'D']);
    expect(q1.options[0]!.body).toBe('−3');
    expect(texOf(q1.options[2]!.body)).toEqual(['-\\frac{1}{3}']);
    const q2 = content(byNumber(p, '2'), 'single_choice');
    expect(q2.options.map((o) => texOf(o.body)[0])).toEqual([
      '3a+2b=5ab',
      'a^2\\cdot a^3=a^5',
      '{\\left(2a\\right)}^3=6a^3',
      'a^6\\div a^2=a^3',
    ]);
    expect(content(byNumber(p, '3'), 'single_choice').options.map((o) => o.body)).toEqual([
      '−2',
      '−1',
      '1',
      '2',
    ]);
    expect(content(byNumber(p, '4'), 'single_choice').options.map((o) => o.body)).toEqual([
      '−8',
      '8',
      '−6',
      '6',
    ]);
  });

  it('converts Word equations to MathML with their TeX: fractions, scripts, radicals, sums, delimiters, accents', () => {
    const tex = p.items.flatMap((i) =>
      texOf(JSON.stringify(i.draft.content).replace(/\\"/g, '"').replace(/\\\\/g, '\\')),
    );
    expect(tex).toEqual(
      expect.arrayContaining([
        '\\sqrt{16}',
        'a^{m+n}',
        '-\\frac{2}{3}x^2y',
        '\\frac{x-1}{2}-\\frac{2x+1}{3}=1',
        '{\\left(-1\\right)}^{2025}+\\left|-3\\right|\\div\\frac{3}{2}',
        '\\sum_{k=1}^nk=\\frac{n}{2}\\left(n+1\\right)',
        '\\bar{x}',
      ]),
    );
    for (const t of tex) expect(() => katex.renderToString(t, { throwOnError: true })).not.toThrow();
    const q12 = content(byNumber(p, '12'), 'short_answer');
    expect(q12.stem).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">');
    expect(q12.stem).toContain(
      '<mfrac><mrow><mi>x</mi><mo>−</mo><mn>1</mn></mrow><mrow><mn>2</mn></mrow></mfrac>',
    );
  });

  it('marks fill-in blanks written as underscores and as underlined spaces', () => {
    expect(content(byNumber(p, '9'), 'fill_in').stem.match(/data-blank/g)).toHaveLength(2);
    const q10 = content(byNumber(p, '10'), 'fill_in');
    expect(q10.stem).toContain('<span data-blank="b1"></span>');
    expect(q10.blanks[0]).toMatchObject({ accepted: ['6'], kind: 'number' });
  });

  it('extracts the pictures with their sniffed type and refers to them by key', () => {
    expect(p.images).toHaveLength(2);
    for (const img of p.images) {
      expect(img).toMatchObject({ contentType: 'image/png', extension: 'png', webSafe: true });
      expect(img.bytes.subarray(0, 4).toString('hex')).toBe('89504e47');
      expect(img.key).toMatch(/^docx-[0-9a-f]{32}$/);
    }
    expect(content(byNumber(p, '3'), 'single_choice').stem).toContain(
      `<img src="hanlin-file:${p.images[0]!.key}"`,
    );
    expect(content(byNumber(p, '13'), 'short_answer').stem).toContain(`hanlin-file:${p.images[1]!.key}`);
  });

  it('keeps a table in the stem, and the worked answer as reference with its marking scheme', () => {
    expect(content(byNumber(p, '15'), 'short_answer').stem).toContain('<td>与平均分的差</td><td>+5</td>');
    const q12 = content(byNumber(p, '12'), 'short_answer');
    expect(q12.reference).toContain('解得 x = −11');
    expect(q12.rubric).toEqual([{ points: 12, description: expect.stringContaining('去分母') }]);
    const q11 = content(byNumber(p, '11'), 'composite');
    expect(
      q11.parts.map((x) => (x.content.type === 'short_answer' ? x.content.rubric.map((r) => r.points) : [])),
    ).toEqual([[6], [6]]);
    expect(byNumber(p, '11').warnings).toContain('第 11 题各小题未注明分值，已平均分配（每小题 6 分）');
  });

  it('rebinds picture keys to the keys the store gave them', () => {
    const q3 = byNumber(p, '3');
    const moved = rebindImageKeys(q3.draft, new Map([[p.images[0]!.key, 'assessment/2026/12/0193abcd']]));
    expect(JSON.stringify(moved)).toContain('hanlin-file:assessment/2026/12/0193abcd');
    expect(JSON.stringify(moved)).not.toContain(p.images[0]!.key);
  });
});

describe('Word import: the same paper re-saved by LibreOffice', () => {
  it('gives the same items and answers', async () => {
    const [word, lo] = await Promise.all([
      propose('math-grade7.docx'),
      propose('math-grade7-libreoffice.docx'),
    ]);
    expect(lo.items.map((i) => [i.number, i.draft.tags.score, answerOf(i.draft.content)])).toEqual(
      word.items.map((i) => [i.number, i.draft.tags.score, answerOf(i.draft.content)]),
    );
    expect(lo.images.map((i) => i.bytes.length).sort()).toEqual(
      word.images.map((i) => i.bytes.length).sort(),
    );
  });
});

describe('Word import: 三年级语文 (inline 【答案】【解析】, brackets as blanks, a reading passage)', async () => {
  const p = await propose('chinese-grade3.docx');

  it('finds every question with its type and answer', () => {
    expect(p.title).toBe('三年级语文上册第三单元测试卷');
    expect(p.items.map((i) => [i.number, ...(answerOf(i.draft.content) as unknown[])])).toEqual([
      ['1', 'fill_in', [['处处闻啼鸟']]],
      ['2', 'fill_in', [['石头']]],
      ['3', 'fill_in', [['红彤彤'], ['白花花']]],
      ['4', 'true_false', true],
      ['5', 'true_false', false],
      ['6', 'true_false', true],
      ['7', 'single_choice', 'B'],
      ['8', 'single_choice', 'A'],
      ['9', 'multiple_choice', ['A', 'C']],
      [
        '10',
        'composite',
        [
          [3, ['fill_in', [['3']]]],
          [4, ['single_choice', 'B']],
          [8, ['short_answer']],
        ],
      ],
      ['11', 'essay'],
    ]);
    expect(p.items.every((i) => !i.missingAnswer && i.warnings.length === 0)).toBe(true);
  });

  it('scores per blank, per question and from the composite’s parts', () => {
    expect(p.items.map((i) => i.draft.tags.score)).toEqual([2, 2, 4, 2, 2, 2, 3, 3, 3, 15, 30]);
  });

  it('keeps explanations, the passage with its picture, and the essay length', () => {
    expect(content(byNumber(p, '7'), 'single_choice').explanation).toBe(
      '<p>A 项“兴高彩烈”应为“兴高采烈”；C 项“一望无即”应为“一望无际”。</p>',
    );
    const reading = content(byNumber(p, '10'), 'composite');
    expect(reading.stem).toContain('秋天的雨，是一把钥匙。');
    expect(p.images).toHaveLength(1);
    expect(p.images[0]).toMatchObject({ contentType: 'image/jpeg' });
    expect(reading.stem).toContain(`hanlin-file:${p.images[0]!.key}`);
    const third = reading.parts[2]!.content;
    expect(third.type === 'short_answer' && third.reference).toContain('秋天的雨是美丽的');
    expect(content(byNumber(p, '11'), 'essay').minLength).toBe(200);
  });
});

describe('Word import: 八年级英语 (Word list numbering, a cloze with options in a table, range keys)', async () => {
  const p = await propose('english-grade8.docx');

  it('reads questions numbered by Word itself', () => {
    expect(p.items.map((i) => i.number)).toEqual(['1', '2', '3', '4', '5', '6–10', '11–13', '14']);
    expect(content(byNumber(p, '1'), 'single_choice').stem).toBe(
      '<p>— How often do you exercise?<br/>— ______ a week.</p>',
    );
  });

  it('makes the cloze and the reading passage composites of their questions, answered from 1-5 ABCBA', () => {
    expect(p.items.map((i) => answerOf(i.draft.content))).toEqual([
      ['single_choice', 'A'],
      ['single_choice', 'B'],
      ['single_choice', 'C'],
      ['single_choice', 'B'],
      ['single_choice', 'A'],
      ['composite', ['D', 'A', 'B', 'C', 'C'].map((c) => [2, ['single_choice', c]])],
      ['composite', ['B', 'C', 'C'].map((c) => [2, ['single_choice', c]])],
      ['essay'],
    ]);
    const cloze = content(byNumber(p, '6–10'), 'composite');
    expect(cloze.stem).toContain('Hainan __6__ vacation');
    expect(
      cloze.parts[0]!.content.type === 'single_choice' && cloze.parts[0]!.content.options.map((o) => o.body),
    ).toEqual(['at', 'in', 'on', 'for']);
    expect(p.items.map((i) => i.draft.tags.score)).toEqual([1, 1, 1, 1, 1, 10, 6, 19]);
    expect(p.items.every((i) => i.confidence === 1)).toBe(true);
  });

  it('keeps the model essay as the reference', () => {
    expect(content(byNumber(p, '14'), 'essay').reference).toContain('One possible version');
  });
});

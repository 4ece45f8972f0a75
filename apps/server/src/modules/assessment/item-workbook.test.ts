import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODE_TABLES } from '../../platform/codes/code-tables.data.ts';
import { workbookBuffer } from '../../platform/xlsx/xlsx-file.ts';
import { CodeBook } from '../roster-import/code-book.ts';
import { cellToRich, richToCell } from './item-cell-text.ts';
import { type ItemDraft, itemDraft } from './item-model.ts';
import { buildItemWorkbook, readItemWorkbook } from './item-workbook.ts';
import { COLUMNS } from './item-workbook-columns.ts';
import { texToMathML } from './rich-text.ts';

const codes = new CodeBook(
  CODE_TABLES.map((t) => ({ ...t, entries: t.entries.map((e) => ({ ...e, parent: e.parent ?? null })) })),
);
const KPS = new Map([
  ['M7-01', '0193f0a1-7c2e-7000-8000-00000000a001'],
  ['M7-02', '0193f0a1-7c2e-7000-8000-00000000a002'],
]);
const knowledgePoint = (_subject: string, code: string) => KPS.get(code);
const knowledgePointCode = (id: string) => [...KPS].find(([, v]) => v === id)?.[0];
const read = (buf: Buffer) => readItemWorkbook(buf, { codes, knowledgePoint });

const tags = (over: Partial<ItemDraft['tags']> = {}): ItemDraft['tags'] => ({
  subjectCode: '14',
  gradeCode: '21',
  knowledgePointIds: ['0193f0a1-7c2e-7000-8000-00000000a001'],
  cognitiveLevel: 'apply',
  difficulty: 0.65,
  score: 3,
  seconds: 90,
  ...over,
});
const rich = (s: string, blanks = false) => cellToRich(s, { blanks }).rich;

/** Items made of what a cell holds: text, line breaks, formulas, blanks. */
const drafts: ItemDraft[] = [
  {
    content: {
      type: 'single_choice',
      stem: rich('方程 $x^2 = 4$ 的正数解是（　　）\n（单位：\\$）'),
      options: ['1', '2', '-2', '$\\frac{1}{2}$'].map((t, i) => ({ id: 'ABCD'[i]!, body: rich(t) })),
      correct: 'B',
      explanation: rich('由 $x^2=4$ 得 $$x=\\pm 2$$'),
    },
    tags: tags({ source: '2025 年海珠区七年级期末', year: 2025 }),
  },
  {
    content: {
      type: 'multiple_choice',
      stem: rich('下列是有理数的有'),
      options: ['0.3', 'π', '1/2'].map((t, i) => ({ id: 'ABC'[i]!, body: rich(t) })),
      correct: ['C', 'A'],
      partial: 'half',
    },
    tags: tags({ knowledgePointIds: [...KPS.values()], cognitiveLevel: 'understand' }),
  },
  {
    content: { type: 'true_false', stem: rich('0 是正数。'), correct: false },
    tags: tags({ cognitiveLevel: 'remember' }),
  },
  {
    content: {
      type: 'fill_in',
      stem: rich('$\\frac{1}{2}$ = ____；1 米 = ＿＿ 厘米；首都是 ___。', true),
      blanks: [
        { id: '1', accepted: ['0.5', '1/2'], kind: 'number', caseSensitive: false },
        { id: '2', accepted: ['100'], kind: 'number', caseSensitive: false },
        { id: '3', accepted: ['北京', 'Beijing'], kind: 'text', caseSensitive: false },
      ],
    },
    tags: tags({ knowledgePointIds: [] }),
  },
  {
    content: {
      type: 'short_answer',
      stem: rich('简述有理数的定义。'),
      reference: rich('整数和分数统称有理数。'),
      rubric: [],
    },
    tags: tags({ seconds: 300 }),
  },
  {
    content: { type: 'essay', stem: rich('以“我的老师”为题写一篇作文。'), rubric: [] },
    tags: tags({ subjectCode: '13', score: 50, seconds: 2400 }),
  },
  {
    content: {
      type: 'composite',
      stem: rich('阅读材料：某班 40 名同学参加跳绳测试，12 人优秀。'),
      explanation: rich('先求频率，再估计总体。'),
      parts: [
        {
          content: {
            type: 'single_choice',
            stem: rich('优秀的频率是'),
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
            stem: rich('400 人中优秀约 ____ 人。', true),
            blanks: [{ id: '1', accepted: ['120'], kind: 'number', caseSensitive: false }],
          },
          score: 3,
        },
      ],
    },
    tags: tags({ cognitiveLevel: 'analyse', score: 6, seconds: 600 }),
  },
].map((d) => itemDraft.parse(d));

describe('item workbook', () => {
  it('the template has the columns, an instruction sheet that explains composites, and dropdowns', async () => {
    const buf = await buildItemWorkbook({ codes });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('题目')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(COLUMNS.map((c) => c.header));
    const help = wb.getWorksheet('填写说明')!;
    const text = help.getSheetValues().flat().join(' ');
    expect(text).toMatch(/材料题.*小题·单选题/);
    expect(text).toContain('数学');
    const validations = (
      ws as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }
    ).dataValidations.model;
    const formulae = Object.values(validations).map((v) => v.formulae[0]);
    expect(formulae).toContain(
      '"单选题,多选题,判断题,填空题,简答题,作文题,材料题,小题·单选题,小题·多选题,小题·判断题,小题·填空题,小题·简答题,小题·作文题"',
    );
    expect(formulae).toContain('"识记,理解,应用,分析综合"');
    expect(formulae.some((f) => /^'填写说明'!\$B\$\d+:\$B\$\d+$/.test(f ?? ''))).toBe(true);
    expect(await read(buf)).toEqual({ ok: true, items: [] });
  });

  it('an export reads back as the same items, composites with their sub-items', async () => {
    const r = await read(await buildItemWorkbook({ codes, drafts, knowledgePointCode }));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.items.map((i) => i.draft)).toEqual(drafts);
    expect(r.items.map((i) => i.row)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(r.items[1]!.knowledgePointCodes).toEqual(['M7-01', 'M7-02']);
  });

  it('cell text and rich text convert both ways for formulas, breaks, blanks and dollar signs', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            '价格',
            ' ',
            '\\$5',
            'a&b',
            '<i>',
            '\n',
            '$x^2$',
            '$$\\frac{1}{2}$$',
            '____',
            '中文',
          ),
          {
            maxLength: 8,
          },
        ),
        (pieces) => {
          const cell = pieces.join('').trim();
          const { rich: r } = cellToRich(cell, { blanks: true });
          expect(cellToRich(richToCell(r), { blanks: true }).rich).toBe(r);
        },
      ),
    );
    expect(cellToRich('$x$').rich).toBe(texToMathML('x'));
    expect(() => cellToRich('$x^2')).toThrow(/结尾的「\$」/);
  });

  it('reports every bad cell with its sheet, row, column and reason, and imports nothing', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('题目');
    ws.addRow(COLUMNS.map((c) => c.header));
    const row = (v: Record<string, string | number>) => ws.addRow(COLUMNS.map((c) => v[c.key] ?? null));
    const ok = {
      subject: '数学',
      grade: '初中一年级',
      cognitive: '应用',
      difficulty: 0.5,
      score: 3,
      seconds: 60,
    };
    row({ ...ok, type: '单选题', stem: '1+1=?', optionA: '2', optionB: '3', answer: 'C' }); // 2
    row({ ...ok, type: '填空题', stem: '____ 与 ____', answer: '1' }); // 3
    row({ ...ok, type: '判断题', stem: '对吗', answer: '也许', subject: '天文', difficulty: 2 }); // 4
    row({ ...ok, type: '小题·单选题', stem: 'x', optionA: '1', optionB: '2', answer: 'A', score: 1 }); // 5
    row({ ...ok, type: '材料题', stem: '材料' }); // 6
    row({ ...ok, type: '问答题', stem: 'x' }); // 7
    row({
      ...ok,
      type: '单选题',
      stem: '公式 $x^',
      optionA: '1',
      optionC: '2',
      answer: 'A',
      knowledgePoints: 'M9-99',
    }); // 8
    row({ ...ok, type: '简答题', stem: '<script>', cognitive: '记忆', seconds: 1.5 }); // 9
    const r = await read(await workbookBuffer(wb));
    if (r.ok) throw new Error('imported');
    expect(r.errors.map((e) => `${e.sheet}!${e.row} ${e.column}：${e.message}`)).toEqual([
      '题目!2 答案：答案「C」不是已填写的选项',
      '题目!3 答案：题干有 2 个空，答案却有 1 组（各空之间用 | 分隔）',
      '题目!4 答案：判断题答案应为「正确」或「错误」',
      '题目!4 学科：「天文」不在「中小学课程」代码表中',
      '题目!4 难度：应为 0.05–0.95 之间的数',
      '题目!5 题型：小题须紧跟在材料题行或其他小题之后',
      '题目!6 题型：材料题后须紧跟至少一道小题（题型为「小题·…」）',
      '题目!7 题型：题型「问答题」无效，请从下拉列表选择',
      '题目!8 题干：公式缺少结尾的「$」（字面的 $ 请写作 \\$）',
      '题目!8 选项C：选项须从 A 起连续填写',
      '题目!8 选项A：选择题至少要有两个选项',
      '题目!8 知识点编码：知识点编码「M9-99」在本学科中不存在',
      '题目!9 认知层次：应为「识记」「理解」「应用」或「分析综合」',
      '题目!9 用时(秒)：应为 5–7200 之间的整数',
    ]);
  });

  it('refuses a workbook without the required columns', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('题目').addRow(['题型', '题干']);
    const r = await read(await workbookBuffer(wb));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors[0]).toMatchObject({
        row: 1,
        column: '学科',
        message: expect.stringMatching(/缺少必填列/),
      });
  });
});

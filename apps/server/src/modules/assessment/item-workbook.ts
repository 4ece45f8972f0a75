/**
 * The item bank's .xlsx template: one row per item (a 材料题 row followed by its 小题 rows for a
 * composite), an instruction sheet, dropdowns; and the same layout filled with items as an export.
 * `readItemWorkbook` (item-workbook-read.ts) reads it back.
 */
import ExcelJS from 'exceljs';
import { addListValidation } from '../../platform/xlsx/sheet-cells.ts';
import { workbookBuffer } from '../../platform/xlsx/xlsx-file.ts';
import { richToCell } from './item-cell-text.ts';
import type { ItemDraft, ItemTags, LeafItem } from './item-model.ts';
import {
  COGNITIVE_LABELS,
  COLUMNS,
  COMPOSITE_LABEL,
  type CodeLookup,
  INSTRUCTIONS_SHEET,
  ITEMS_SHEET,
  OPTION_LETTERS,
  PART_PREFIX,
  TYPE_LABELS,
} from './item-workbook-columns.ts';

export { readItemWorkbook } from './item-workbook-read.ts';

type Row = Record<string, string | number>;

const RULES = [
  '第 1 行是表头，请勿修改列名；红色列名为必填。每行一道题，请勿合并单元格。',
  '题干、选项、答案、解析中的公式写在 $ 与 $ 之间（TeX 写法，如 $\\frac{1}{2}$），单独成行的公式用 $$…$$；字面的 $ 写作 \\$。',
  '填空题在题干中用 ____（三个或更多下划线）标出每个空；答案列按空的顺序填写，各空之间用 | 分隔，同一空的多个可接受答案用 ; 分隔，如「0.5;1/2 | 100」。全为数字的答案按数值比较。',
  '多选题漏选得一半分、错选不得分。判断题答案填「正确」或「错误」。简答题、作文题的答案列填参考答案（可空）。',
  `材料题（阅读材料、图表等带若干小题）：先写一行题型为「${COMPOSITE_LABEL}」，题干写材料正文，并填写学科、年级、知识点等标签；紧接着每道小题一行，题型选「${PART_PREFIX}单选题」等，填写小题的题干、选项、答案、解析和分值，标签列留空。`,
  '学科、年级可以从下拉列表选择名称，也可以填写代码；知识点编码见本学科的知识点目录，多个用逗号分隔。',
  '上传后系统先检查全部行：只要有一处错误，就不会导入任何题目，并按行、列列出错误；改正后重新上传。',
  '图片、表格、加粗等格式无法在表格中填写，请导入后在题库中编辑，或使用 QTI、Word 导入。',
];

const EXAMPLES: Row[] = [
  {
    type: '单选题',
    stem: '方程 $x^2=4$ 的正数解是（　　）',
    optionA: '1',
    optionB: '2',
    optionC: '-2',
    optionD: '4',
    answer: 'B',
    explanation: '由 $x^2=4$ 得 $x=\\pm 2$。',
    subject: '数学',
    grade: '初中一年级',
    knowledgePoints: 'M7-2-01',
    cognitive: '应用',
    difficulty: 0.8,
    score: 3,
    seconds: 60,
  },
  {
    type: '填空题',
    stem: '$\\frac{1}{2}$ 写成小数是 ____。',
    answer: '0.5;.5',
    subject: '数学',
    grade: '初中一年级',
    cognitive: '理解',
    difficulty: 0.85,
    score: 2,
    seconds: 45,
  },
  {
    type: COMPOSITE_LABEL,
    stem: '阅读材料：某班 40 名同学参加跳绳测试，12 人优秀。',
    subject: '数学',
    grade: '初中一年级',
    cognitive: '分析综合',
    difficulty: 0.6,
    score: 6,
    seconds: 300,
  },
  {
    type: `${PART_PREFIX}单选题`,
    stem: '优秀的频率是（　　）',
    optionA: '0.3',
    optionB: '0.4',
    answer: 'A',
    score: 3,
  },
  { type: `${PART_PREFIX}填空题`, stem: '全年级 400 人中优秀约 ____ 人。', answer: '120', score: 3 },
];

function leafRow(c: LeafItem, label: string): Row {
  const row: Row = { type: label, stem: richToCell(c.stem) };
  if (c.explanation !== undefined) row.explanation = richToCell(c.explanation);
  switch (c.type) {
    case 'single_choice':
    case 'multiple_choice':
      c.options.forEach((o, i) => {
        if (i < OPTION_LETTERS.length) row[`option${OPTION_LETTERS[i]}`] = richToCell(o.body);
      });
      row.answer = c.type === 'single_choice' ? c.correct : c.correct.join('');
      break;
    case 'true_false':
      row.answer = c.correct ? '正确' : '错误';
      break;
    case 'fill_in':
      row.answer = c.blanks.map((b) => b.accepted.join(';')).join('|');
      break;
    default:
      if (c.reference !== undefined) row.answer = richToCell(c.reference);
  }
  return row;
}

function tagCells(t: ItemTags, codes: CodeLookup, kpCode: (id: string) => string | undefined): Row {
  const row: Row = {
    subject: codes.label('subject', t.subjectCode) ?? t.subjectCode,
    grade: codes.label('grade', t.gradeCode) ?? t.gradeCode,
    knowledgePoints: t.knowledgePointIds.map((id) => kpCode(id) ?? id).join(','),
    cognitive: COGNITIVE_LABELS[t.cognitiveLevel],
    difficulty: t.difficulty,
    score: t.score,
    seconds: t.seconds,
  };
  if (t.source !== undefined) row.source = t.source;
  if (t.year !== undefined) row.year = t.year;
  return row;
}

/** The rows of items as the template lays them out. */
export function itemRows(
  drafts: ItemDraft[],
  codes: CodeLookup,
  kpCode: (id: string) => string | undefined,
): Row[] {
  const rows: Row[] = [];
  for (const { content, tags } of drafts) {
    if (content.type !== 'composite') {
      rows.push({ ...leafRow(content, TYPE_LABELS[content.type]), ...tagCells(tags, codes, kpCode) });
      continue;
    }
    const head: Row = {
      type: COMPOSITE_LABEL,
      stem: richToCell(content.stem),
      ...tagCells(tags, codes, kpCode),
    };
    if (content.explanation !== undefined) head.explanation = richToCell(content.explanation);
    rows.push(head);
    for (const p of content.parts)
      rows.push({ ...leafRow(p.content, `${PART_PREFIX}${TYPE_LABELS[p.content.type]}`), score: p.score });
  }
  return rows;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const BOLD: Partial<ExcelJS.Font> = { bold: true };

/**
 * The template (no `drafts`) or an export of items in the same layout, which imports unchanged for
 * items made of text, formulas and blanks.
 */
export async function buildItemWorkbook(opts: {
  codes: CodeLookup;
  drafts?: ItemDraft[];
  knowledgePointCode?: (id: string) => string | undefined;
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hanlin 翰林';
  const ws = wb.addWorksheet(ITEMS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    style: c.text ? { numFmt: '@', alignment: { wrapText: true, vertical: 'top' } } : {},
  }));
  COLUMNS.forEach((c, i) => {
    const cell = ws.getRow(1).getCell(i + 1);
    cell.fill = HEADER_FILL;
    cell.font = c.required ? { bold: true, color: { argb: 'FFC00000' } } : BOLD;
    cell.note = c.rule;
  });
  for (const r of itemRows(opts.drafts ?? [], opts.codes, opts.knowledgePointCode ?? (() => undefined)))
    ws.addRow(r);

  const help = wb.addWorksheet(INSTRUCTIONS_SHEET);
  help.columns = [{ width: 16 }, { width: 24 }, { width: 90 }];
  help.addRow(['题目导入模板 · 填写说明']).font = { bold: true, size: 14 };
  for (const [i, r] of RULES.entries()) help.addRow([`${i + 1}.`, r]);
  help.addRow([]);
  help.addRow(['列名', '是否必填', '填写要求']).font = BOLD;
  for (const c of COLUMNS) help.addRow([c.header, c.required ? '必填' : '选填', c.rule]);
  help.addRow([]);
  help.addRow(['示例（仅供参考，请勿复制到「题目」表）']).font = BOLD;
  help.addRow(COLUMNS.map((c) => c.header)).font = BOLD;
  for (const e of EXAMPLES)
    help.addRow(COLUMNS.map((c) => e[c.key] ?? '')).font = { italic: true, color: { argb: 'FF7F7F7F' } };
  const lists = new Map<string, string>();
  for (const category of ['subject', 'grade']) {
    const table = opts.codes.table(category);
    if (!table) continue;
    help.addRow([]);
    help.addRow([`代码表：${table.title}（${table.standard}）`]).font = BOLD;
    help.addRow(['代码', '名称']).font = BOLD;
    const first = help.rowCount + 1;
    for (const e of table.entries) help.addRow([e.code, e.zh]).getCell(1).numFmt = '@';
    lists.set(category, `'${INSTRUCTIONS_SHEET}'!$B$${first}:$B$${help.rowCount}`);
  }

  const last = Math.max(ws.rowCount + 1000, 2000);
  const types = [
    ...Object.values(TYPE_LABELS),
    COMPOSITE_LABEL,
    ...Object.values(TYPE_LABELS).map((t) => PART_PREFIX + t),
  ];
  const index = (key: string) => COLUMNS.findIndex((c) => c.key === key) + 1;
  addListValidation(ws, index('type'), `"${types.join(',')}"`, last);
  addListValidation(ws, index('cognitive'), `"${Object.values(COGNITIVE_LABELS).join(',')}"`, last);
  for (const [category, range] of lists) addListValidation(ws, index(category), range, last);
  return workbookBuffer(wb);
}

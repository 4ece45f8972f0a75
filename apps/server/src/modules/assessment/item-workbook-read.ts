/**
 * Reads the item template back: every row checked cell by cell, every problem reported with its
 * sheet, row and column in Chinese; any problem means no items (the caller writes nothing).
 */
import type ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors/app-error.ts';
import { unsafeTextReason } from '../../platform/http/schemas.ts';
import { cellValue, normHeader, type TCell, type TSheetError } from '../../platform/xlsx/sheet-cells.ts';
import { loadWorkbook } from '../../platform/xlsx/xlsx-file.ts';
import { cellToRich } from './item-cell-text.ts';
import { contentProblems } from './item-consistency.ts';
import {
  type CognitiveLevel,
  type ItemDraft,
  type ItemTags,
  itemDraft,
  type LeafItem,
  type Rich,
} from './item-model.ts';
import {
  COGNITIVE_LABELS,
  COLUMNS,
  COMPOSITE_LABEL,
  type CodeLookup,
  FALSE_WORDS,
  INSTRUCTIONS_SHEET,
  ITEMS_SHEET,
  OPTION_LETTERS,
  TRUE_WORDS,
  TYPE_LABELS,
} from './item-workbook-columns.ts';

export interface WorkbookItem {
  /** Excel row of the item (of the 材料题 row for a composite). */
  row: number;
  draft: ItemDraft;
  knowledgePointCodes: string[];
}

export type ItemWorkbookResult = { ok: true; items: WorkbookItem[] } | { ok: false; errors: TSheetError[] };

export interface ReadWorkbookOptions {
  codes: CodeLookup;
  /** A knowledge point's id by subject and code; unknown codes are errors. Without it ids stay empty. */
  knowledgePoint?: (subjectCode: string, code: string) => string | undefined;
}

const HEADER_OF = new Map(COLUMNS.map((c) => [c.key, c.header]));
const TYPE_OF = new Map(Object.entries(TYPE_LABELS).map(([k, v]) => [v, k as LeafItem['type']]));
const COGNITIVE_OF = new Map(Object.entries(COGNITIVE_LABELS).map(([k, v]) => [v, k as CognitiveLevel]));
const PART = /^小题\s*[·・.\-—:：]?\s*/;
const NUMERIC = /^[-+]?(\d+(\.\d*)?|\.\d+)(\/\d+)?$/;

class RowReader {
  constructor(
    readonly row: number,
    private readonly cells: Record<string, TCell>,
    private readonly errors: TSheetError[],
  ) {}
  fail(key: string, message: string): undefined {
    this.errors.push({ sheet: ITEMS_SHEET, row: this.row, column: HEADER_OF.get(key) ?? key, message });
    return undefined;
  }
  has(key: string): boolean {
    return this.cells[key] != null;
  }
  text(
    key: string,
    opts: { required?: boolean; singleLine?: boolean; max?: number } = {},
  ): string | undefined {
    const v = this.cells[key] ?? null;
    if (v === null) return opts.required ? this.fail(key, '必填项不能为空') : undefined;
    if (v instanceof Date) return this.fail(key, '应填写文本，不能是日期（请将该列设为文本格式）');
    const s = typeof v === 'boolean' ? (v ? '正确' : '错误') : String(v);
    const unsafe = unsafeTextReason(s, opts.singleLine ?? false);
    if (unsafe) return this.fail(key, unsafe);
    if (opts.max !== undefined && [...s].length > opts.max)
      return this.fail(key, `不能超过 ${opts.max} 个字符`);
    return s;
  }
  rich(
    key: string,
    opts: { required?: boolean; blanks?: boolean } = {},
  ): { rich: Rich; blanks: number } | undefined {
    const s = this.text(key, opts);
    if (s === undefined) return undefined;
    try {
      return cellToRich(s, opts);
    } catch (err) {
      if (err instanceof AppError) return this.fail(key, err.message);
      throw err;
    }
  }
  number(key: string, min: number, max: number, opts: { integer?: boolean; required?: boolean } = {}) {
    const v = this.cells[key] ?? null;
    if (v === null) return opts.required ? this.fail(key, '必填项不能为空') : undefined;
    const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.replace(/\s/g, '')) : Number.NaN;
    if (!Number.isFinite(n) || (opts.integer && !Number.isInteger(n)) || n < min || n > max)
      return this.fail(key, `应为 ${min}–${max} 之间的${opts.integer ? '整数' : '数'}`);
    return n;
  }
}

function leaf(r: RowReader, type: LeafItem['type']): LeafItem | undefined {
  const stem = r.rich('stem', { required: true, blanks: type === 'fill_in' });
  const explanation = r.rich('explanation');
  const base = { stem: stem?.rich ?? '', ...(explanation ? { explanation: explanation.rich } : {}) };
  if (type === 'single_choice' || type === 'multiple_choice') {
    const options: { id: string; body: Rich }[] = [];
    let gap = false;
    for (const l of OPTION_LETTERS) {
      const o = r.rich(`option${l}`);
      if (!o) gap = true;
      else if (gap) r.fail(`option${l}`, '选项须从 A 起连续填写');
      else options.push({ id: l, body: o.rich });
    }
    if (options.length < 2) r.fail('optionA', '选择题至少要有两个选项');
    const raw = (r.text('answer', { required: true, singleLine: true }) ?? '')
      .toUpperCase()
      .replace(/[\s,，、;；]/g, '');
    const letters = [...raw];
    if (raw && !/^[A-Z]+$/.test(raw)) return r.fail('answer', '答案应为选项字母，如 B 或 ACD');
    for (const l of letters)
      if (!options.some((o) => o.id === l)) r.fail('answer', `答案「${l}」不是已填写的选项`);
    if (new Set(letters).size !== letters.length) r.fail('answer', '答案中有重复的字母');
    if (type === 'single_choice') {
      if (letters.length > 1) return r.fail('answer', '单选题只能有一个答案');
      return { type, ...base, options, correct: letters[0] ?? 'A' };
    }
    return { type, ...base, options, correct: letters, partial: 'half' };
  }
  for (const l of OPTION_LETTERS) if (r.has(`option${l}`)) r.fail(`option${l}`, '只有选择题填写选项');
  if (type === 'true_false') {
    const a = r.text('answer', { required: true, singleLine: true })?.toUpperCase();
    if (a === undefined) return undefined;
    if (TRUE_WORDS.includes(a)) return { type, ...base, correct: true };
    if (FALSE_WORDS.includes(a)) return { type, ...base, correct: false };
    return r.fail('answer', '判断题答案应为「正确」或「错误」');
  }
  if (type === 'fill_in') {
    const a = r.text('answer', { required: true });
    if (a === undefined || !stem) return undefined;
    const parts = a.split(/[|｜]/).map((p) =>
      p
        .split(/[;；]/)
        .map((x) => x.trim())
        .filter(Boolean),
    );
    if (stem.blanks === 0) return r.fail('stem', '填空题的题干中没有空（用 ____ 标出）');
    if (parts.length !== stem.blanks)
      return r.fail('answer', `题干有 ${stem.blanks} 个空，答案却有 ${parts.length} 组（各空之间用 | 分隔）`);
    const empty = parts.findIndex((p) => p.length === 0);
    if (empty >= 0) return r.fail('answer', `第 ${empty + 1} 个空没有答案`);
    return {
      type,
      ...base,
      blanks: parts.map((accepted, i) => ({
        id: String(i + 1),
        accepted,
        kind: accepted.every((x) => NUMERIC.test(x)) ? ('number' as const) : ('text' as const),
        caseSensitive: false,
      })),
    };
  }
  const reference = r.rich('answer');
  return { type, ...base, ...(reference ? { reference: reference.rich } : {}), rubric: [] };
}

function tags(r: RowReader, opts: ReadWorkbookOptions, scoreOptional: boolean) {
  const codeOf = (key: string, category: string) => {
    const s = r.text(key, { required: true, singleLine: true, max: 40 });
    if (s === undefined) return undefined;
    const code = opts.codes.resolve(category, s);
    return code ?? r.fail(key, `「${s}」不在「${opts.codes.table(category)?.title ?? category}」代码表中`);
  };
  const subjectCode = codeOf('subject', 'subject');
  const gradeCode = codeOf('grade', 'grade');
  const codes = (r.text('knowledgePoints', { singleLine: true, max: 500 }) ?? '')
    .split(/[,，、;；\s]+/)
    .filter(Boolean);
  const ids: string[] = [];
  if (opts.knowledgePoint && subjectCode !== undefined)
    for (const c of codes) {
      const id = opts.knowledgePoint(subjectCode, c);
      if (id === undefined) r.fail('knowledgePoints', `知识点编码「${c}」在本学科中不存在`);
      else ids.push(id);
    }
  if (codes.length > 10) r.fail('knowledgePoints', '知识点最多 10 个');
  const cognitiveText = r.text('cognitive', { required: true, singleLine: true });
  const cognitiveLevel = cognitiveText === undefined ? undefined : COGNITIVE_OF.get(cognitiveText);
  if (cognitiveText !== undefined && !cognitiveLevel)
    r.fail('cognitive', '应为「识记」「理解」「应用」或「分析综合」');
  const t: Partial<ItemTags> = {
    subjectCode,
    gradeCode,
    knowledgePointIds: [...new Set(ids)],
    cognitiveLevel,
    difficulty: r.number('difficulty', 0.05, 0.95, { required: true }),
    score: r.number('score', 0.01, 200, { required: !scoreOptional }),
    seconds: r.number('seconds', 5, 7200, { integer: true, required: true }),
  };
  const source = r.text('source', { singleLine: true, max: 200 });
  const year = r.number('year', 1990, 2100, { integer: true });
  if (source !== undefined) t.source = source;
  if (year !== undefined) t.year = year;
  return { tags: t, codes };
}

/** Reads the 题目 sheet of an uploaded template (refuses a file that is no workbook with an AppError). */
export async function readItemWorkbook(buf: Buffer, opts: ReadWorkbookOptions): Promise<ItemWorkbookResult> {
  const wb = await loadWorkbook(buf);
  const ws: ExcelJS.Worksheet | undefined =
    wb.getWorksheet(ITEMS_SHEET) ?? wb.worksheets.find((s) => s.name !== INSTRUCTIONS_SHEET);
  const errors: TSheetError[] = [];
  if (!ws)
    return {
      ok: false,
      errors: [{ sheet: ITEMS_SHEET, row: 1, column: '', message: '工作簿中没有「题目」工作表' }],
    };
  const index = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => {
    const text = cellValue(cell.value);
    const c = typeof text === 'string' ? COLUMNS.find((x) => x.header === normHeader(text)) : undefined;
    if (c && !index.has(c.key)) index.set(c.key, col);
  });
  for (const c of COLUMNS.filter((x) => x.required && !index.has(x.key)))
    errors.push({
      sheet: ws.name,
      row: 1,
      column: c.header,
      message: `缺少必填列「${c.header}」，请使用题目导入模板`,
    });
  if (errors.length > 0) return { ok: false, errors };

  const items: WorkbookItem[] = [];
  let composite: WorkbookItem | undefined;
  const closeComposite = () => {
    if (
      composite &&
      composite.draft.content.type === 'composite' &&
      composite.draft.content.parts.length === 0
    )
      errors.push({
        sheet: ws.name,
        row: composite.row,
        column: '题型',
        message: '材料题后须紧跟至少一道小题（题型为「小题·…」）',
      });
    composite = undefined;
  };
  ws.eachRow({ includeEmpty: false }, (row, rowNo) => {
    if (rowNo === 1) return;
    const cells: Record<string, TCell> = {};
    for (const [key, col] of index) cells[key] = cellValue(row.getCell(col).value);
    if (Object.values(cells).every((v) => v === null)) return;
    const r = new RowReader(rowNo, cells, errors);
    const label = r.text('type', { required: true, singleLine: true });
    if (label === undefined) return;
    const isPart = PART.test(label);
    const typeLabel = label.replace(PART, '');
    if (!isPart) closeComposite();
    if (!isPart && typeLabel === COMPOSITE_LABEL) {
      const stem = r.rich('stem', { required: true });
      const explanation = r.rich('explanation');
      const { tags: t, codes } = tags(r, opts, true);
      composite = {
        row: rowNo,
        draft: {
          content: {
            type: 'composite',
            stem: stem?.rich ?? '',
            ...(explanation ? { explanation: explanation.rich } : {}),
            parts: [],
          },
          tags: t as ItemTags,
        },
        knowledgePointCodes: codes,
      };
      items.push(composite);
      return;
    }
    const type = TYPE_OF.get(typeLabel);
    if (!type) return void r.fail('type', `题型「${label}」无效，请从下拉列表选择`);
    if (isPart) {
      const content = leaf(r, type);
      const score = r.number('score', 0.01, 200, { required: true });
      if (!composite) return void r.fail('type', '小题须紧跟在材料题行或其他小题之后');
      if (content && score !== undefined && composite.draft.content.type === 'composite')
        composite.draft.content.parts.push({ content, score });
      return;
    }
    const content = leaf(r, type);
    const { tags: t, codes } = tags(r, opts, false);
    if (content)
      items.push({ row: rowNo, draft: { content, tags: t as ItemTags }, knowledgePointCodes: codes });
  });
  closeComposite();
  if (errors.length > 0) return { ok: false, errors };

  for (const it of items) {
    const c = it.draft.content;
    if (c.type === 'composite' && it.draft.tags.score === undefined)
      it.draft.tags.score = c.parts.reduce((sum, p) => sum + p.score, 0);
    const parsed = itemDraft.safeParse(it.draft);
    const at = { sheet: ws.name, row: it.row, column: '题型' };
    if (!parsed.success) {
      for (const x of parsed.error.issues)
        errors.push({ ...at, message: `${x.path.join('.')}：${x.message}` });
      continue;
    }
    it.draft = parsed.data;
    for (const p of contentProblems(parsed.data.content)) errors.push({ ...at, message: p });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, items };
}

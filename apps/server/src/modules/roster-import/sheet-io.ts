import type ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors/app-error.ts';
import { addListValidation, cellValue, normHeader, type TCell } from '../../platform/xlsx/sheet-cells.ts';
import { type ColumnDef, headerText, SHEETS } from './columns.ts';
import type { TImportKind } from './roster-import.schema.ts';

export type { TCell } from '../../platform/xlsx/sheet-cells.ts';

export interface RawRow {
  /** Excel row number (the header is row 1). */
  row: number;
  cells: Record<string, TCell>;
}

export interface ParsedSheet {
  sheet: ExcelJS.Worksheet;
  /** Column key → 1-based column index in the uploaded sheet. */
  columnIndex: Map<string, number>;
  rows: RawRow[];
}

/** The column of the annotated workbook that lists a row's errors; ignored when re-imported. */
export const ERROR_COLUMN = '错误说明';
export const INSTRUCTIONS_SHEET = '填写说明';

/** Picks the data sheet of a kind: by its name, else the first sheet that is not the instructions. */
function dataSheet(wb: ExcelJS.Workbook, kind: TImportKind): ExcelJS.Worksheet {
  const named = wb.getWorksheet(SHEETS[kind].sheet);
  if (named) return named;
  const first = wb.worksheets.find((s) => s.name !== INSTRUCTIONS_SHEET);
  if (!first) throw new AppError('bad_request', `工作簿中没有「${SHEETS[kind].sheet}」工作表`);
  return first;
}

/**
 * Reads the data rows of an uploaded workbook. Columns are found by header text (order does not
 * matter, `*` optional); a missing required column refuses the whole file before any row is checked.
 */
export function readSheet(wb: ExcelJS.Workbook, kind: TImportKind): ParsedSheet {
  const def = SHEETS[kind];
  const sheet = dataSheet(wb, kind);
  const byHeader = new Map(def.columns.map((c) => [c.header, c]));
  const columnIndex = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const text = cellValue(cell.value);
    const c = typeof text === 'string' ? byHeader.get(normHeader(text)) : undefined;
    if (c && !columnIndex.has(c.key)) columnIndex.set(c.key, col);
  });
  const missing = def.columns.filter((c) => c.required && !columnIndex.has(c.key));
  if (missing.length > 0) {
    const names = missing.map(headerText).join('、');
    throw new AppError(
      'validation_failed',
      `工作表「${sheet.name}」缺少必填列：${names}。请使用「${def.title}」导入模板`,
      {
        missing: missing.map((c) => c.header),
      },
    );
  }
  const rows: RawRow[] = [];
  const keys = [...columnIndex.entries()];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: Record<string, TCell> = {};
    let empty = true;
    for (const [key, col] of keys) {
      const v = cellValue(row.getCell(col).value);
      cells[key] = v;
      if (v !== null) empty = false;
    }
    if (!empty) rows.push({ row: rowNumber, cells });
  });
  return { sheet, columnIndex, rows };
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const REQUIRED_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFC00000' } };

export type ListRanges = Map<string, string>;

/** Header row, column formats and rows of a data sheet. */
export function writeDataSheet(
  wb: ExcelJS.Workbook,
  kind: TImportKind,
  rows: (string | number | null)[][],
): ExcelJS.Worksheet {
  const def = SHEETS[kind];
  const ws = wb.addWorksheet(def.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = def.columns.map((c) => ({
    header: headerText(c),
    key: c.key,
    width: c.width,
    style: c.textFormat ? { numFmt: '@' } : {},
  }));
  const header = ws.getRow(1);
  def.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = HEADER_FILL;
    cell.font = c.required ? REQUIRED_FONT : { bold: true };
    cell.note = c.rule;
  });
  for (const r of rows) ws.addRow(r);
  return ws;
}

/** Dropdowns (data validation lists) on the data rows; a warning, not a block, for other spellings. */
export function addDropdowns(ws: ExcelJS.Worksheet, kind: TImportKind, lists: ListRanges): void {
  const last = Math.max(ws.rowCount + 1000, 5000);
  SHEETS[kind].columns.forEach((c, i) => {
    const formula = dropdown(c, lists);
    if (!formula) return;
    addListValidation(ws, i + 1, formula, last);
  });
}

function dropdown(c: ColumnDef, lists: ListRanges): string | undefined {
  if (c.type === 'bool') return '"是,否"';
  if (c.type === 'choice' && c.choices) return `"${c.choices.join(',')}"`;
  if (c.type === 'code' && c.category && c.show !== 'code') return lists.get(c.category);
  return undefined;
}

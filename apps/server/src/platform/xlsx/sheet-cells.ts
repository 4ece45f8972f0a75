import type ExcelJS from 'exceljs';

/** A cell as importers see it: trimmed text, a number, a date, a boolean, or empty. */
export type TCell = string | number | boolean | Date | null;

/** One problem of an uploaded workbook, in Chinese, at its sheet, Excel row and column header. */
export interface TSheetError {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

/** What a cell holds, whatever wrote it: rich text runs joined, formulas by their result, links by their text. */
export function cellValue(v: ExcelJS.CellValue): TCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' ? null : t;
  }
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return cellValue(v.richText.map((r) => r.text).join(''));
  if ('formula' in v || 'sharedFormula' in v) return cellValue((v.result ?? null) as ExcelJS.CellValue);
  if ('hyperlink' in v) return cellValue(v.text);
  return null;
}

/** Excel's column letters: 1 → A, 27 → AA. */
export function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** A header as typed: without the required mark `*` and white space. */
export const normHeader = (s: string) => s.replace(/[*＊\s]/g, '');

interface DataValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

/**
 * A dropdown on a column's data rows: a warning, not a block, for other spellings (codes, say),
 * which the importer still reads.
 */
export function addListValidation(
  ws: ExcelJS.Worksheet,
  col: number,
  formula: string,
  lastRow: number,
): void {
  const L = colLetter(col);
  // ExcelJS supports range validations but its typings only declare per-cell ones.
  (ws as unknown as { dataValidations: DataValidations }).dataValidations.add(`${L}2:${L}${lastRow}`, {
    type: 'list',
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorStyle: 'warning',
    error: '请从下拉列表中选择，或参见「填写说明」',
  });
}

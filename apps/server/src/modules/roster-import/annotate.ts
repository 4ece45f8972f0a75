import type ExcelJS from 'exceljs';
import { loadWorkbook, workbookBuffer } from '../../platform/xlsx/xlsx-file.ts';
import { SHEETS } from './columns.ts';
import type { TImportKind, TRowError } from './roster-import.schema.ts';
import { ERROR_COLUMN, readSheet } from './sheet-io.ts';

const RED = 'FFFFC7CE';
const DARK_RED = 'FF9C0006';
const RED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: RED } };
const RED_FONT: Partial<ExcelJS.Font> = { color: { argb: DARK_RED } };

/**
 * Restyles one cell. ExcelJS hands every cell of a style id (a column's text format, say) the same
 * style object, so mutating `cell.fill` would paint the whole column: each cell gets its own copy.
 */
function restyle(cell: ExcelJS.Cell, patch: (style: Partial<ExcelJS.Style>) => Partial<ExcelJS.Style>) {
  cell.style = patch({ ...cell.style });
}

const markRed = (cell: ExcelJS.Cell) =>
  restyle(cell, (s) => ({ ...s, fill: RED_FILL, font: { ...s.font, ...RED_FONT } }));

const isMarked = (cell: ExcelJS.Cell) => cell.fill?.type === 'pattern' && cell.fill.fgColor?.argb === RED;

/** Removes the marks of an earlier round from a re-uploaded annotated workbook: fixed cells turn plain. */
function unmark(cell: ExcelJS.Cell) {
  restyle(cell, ({ fill: _fill, font, ...s }) => {
    const { color, ...plain } = font ?? {};
    return color?.argb === DARK_RED ? { ...s, font: plain } : { ...s, font };
  });
  // ExcelJS has no public way to drop a note; the note of a marked cell is an earlier round's reasons.
  (cell as unknown as { _comment?: unknown })._comment = undefined;
}

/**
 * The uploaded workbook with every bad cell filled red and carrying a note with its reasons, and a
 * 错误说明 column listing each bad row's errors. Re-uploading it after fixing works: the importer
 * ignores the extra column.
 */
export async function annotateWorkbook(
  file: Buffer,
  kind: TImportKind,
  errors: TRowError[],
): Promise<Buffer> {
  const wb = await loadWorkbook(file);
  const { sheet, columnIndex } = readSheet(wb, kind);
  const keyOf = new Map(SHEETS[kind].columns.map((c) => [c.header, c.key]));

  const header = sheet.getRow(1);
  let errorCol = 0;
  header.eachCell((cell, col) => {
    if (cell.text.trim() === ERROR_COLUMN) errorCol = col;
  });
  if (errorCol === 0) errorCol = Math.max(sheet.columnCount, header.cellCount) + 1;
  else for (let r = 2; r <= sheet.rowCount; r++) sheet.getRow(r).getCell(errorCol).value = null;
  const dataColumns = [...columnIndex.values()];
  // Every row, emptied ones too; `findCell` creates no cells where there are none.
  sheet.eachRow({ includeEmpty: true }, (row, rowNo) => {
    if (rowNo === 1) return;
    for (const col of dataColumns) {
      const cell = row.findCell(col);
      if (cell && isMarked(cell)) unmark(cell);
    }
  });
  const head = header.getCell(errorCol);
  head.value = ERROR_COLUMN;
  restyle(head, (s) => ({ ...s, fill: RED_FILL, font: { ...s.font, bold: true, ...RED_FONT } }));
  sheet.getColumn(errorCol).width = 60;

  const byRow = new Map<number, TRowError[]>();
  for (const e of errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
  for (const [rowNo, list] of byRow) {
    if (rowNo < 2) continue;
    const row = sheet.getRow(rowNo);
    const byCell = new Map<number, string[]>();
    for (const e of list) {
      const key = keyOf.get(e.column);
      const col = key ? columnIndex.get(key) : undefined;
      if (col) byCell.set(col, [...(byCell.get(col) ?? []), e.message]);
    }
    for (const [col, messages] of byCell) {
      const cell = row.getCell(col);
      markRed(cell);
      cell.note = messages.join('\n');
    }
    const summary = row.getCell(errorCol);
    summary.value = list.map((e) => `「${e.column}」${e.message}`).join('；');
    restyle(summary, (s) => ({ ...s, font: { ...s.font, ...RED_FONT } }));
  }
  return workbookBuffer(wb);
}

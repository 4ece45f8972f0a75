import type ExcelJS from 'exceljs';
import { loadWorkbook, workbookBuffer } from '../../platform/xlsx/xlsx-file.ts';
import { SHEETS } from './columns.ts';
import type { TImportKind, TRowError } from './roster-import.schema.ts';
import { ERROR_COLUMN, readSheet } from './sheet-io.ts';

const RED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
const RED_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF9C0006' } };

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
    if (typeof cell.value === 'string' && cell.value.trim() === ERROR_COLUMN) errorCol = col;
  });
  if (errorCol === 0) errorCol = Math.max(sheet.columnCount, header.cellCount) + 1;
  else for (let r = 2; r <= sheet.rowCount; r++) sheet.getRow(r).getCell(errorCol).value = null;
  const head = header.getCell(errorCol);
  head.value = ERROR_COLUMN;
  head.font = { bold: true, ...RED_FONT };
  head.fill = RED_FILL;
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
      cell.fill = RED_FILL;
      cell.font = RED_FONT;
      cell.note = messages.join('\n');
    }
    const summary = row.getCell(errorCol);
    summary.value = list.map((e) => `「${e.column}」${e.message}`).join('；');
    summary.font = RED_FONT;
  }
  return workbookBuffer(wb);
}

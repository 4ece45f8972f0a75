import ExcelJS from 'exceljs';
import { AppError } from '../errors/app-error.ts';
import { partKey } from './opc.ts';
import { canonicalPackage } from './xlsx-package.ts';
import { assertInflatesWithin, notXlsx, readZipEntries, tooLarge, type ZipEntry } from './zip-guard.ts';

/** Upload limit of one workbook. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Rows of one import (header excluded); larger rosters are split by school. */
export const MAX_ROWS = 50_000;
/** Cells of one row: a roster has a few dozen columns. */
const MAX_COLS = 200;
/** What the members of one workbook may inflate to, in total (really inflated, not as declared). */
const MAX_UNCOMPRESSED = 200 * 1024 * 1024;

/**
 * Checks that a buffer is a zip holding a workbook and that the sizes its central directory declares
 * are sane. Reads only the directory; nothing is inflated here.
 */
export function assertXlsxBytes(buf: Buffer): ZipEntry[] {
  const entries = readZipEntries(buf);
  // Every package names its main part in `_rels/.rels`; the workbook itself may be called anything.
  if (!entries.some((e) => partKey(e.name) === '_rels/.rels')) throw notXlsx();
  if (entries.reduce((sum, e) => sum + e.declaredSize, 0) > MAX_UNCOMPRESSED) throw tooLarge();
  return entries;
}

/**
 * Loads a workbook for reading, whichever program wrote it (see `canonicalPackage`). Data
 * validations are skipped: ExcelJS expands each range into one entry per cell, so a crafted
 * `A1:XFD1048576` would exhaust memory; we never need them on input.
 */
export async function loadWorkbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  // Declared sizes are the sender's word: what the members really inflate to is checked, streaming
  // and discarding, before ExcelJS inflates them into memory (a zip bomb lies about its sizes).
  const entries = assertXlsxBytes(buf);
  await assertInflatesWithin(buf, entries, MAX_UNCOMPRESSED);
  const canonical = await canonicalPackage(buf, entries, { maxRows: MAX_ROWS + 1, maxCols: MAX_COLS });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(
      canonical as unknown as ExcelJS.Buffer,
      {
        // The canonical package keeps no drawings or tables, so ExcelJS must not look for them.
        ignoreNodes: ['dataValidations', 'drawing', 'picture', 'tableParts'],
        maxRows: MAX_ROWS + 1,
        maxCols: MAX_COLS,
      } as Partial<ExcelJS.XlsxReadOptions>,
    );
  } catch (err) {
    if (err instanceof Error && /Max row count/.test(err.message)) {
      throw new AppError('payload_too_large', `单次导入不能超过 ${MAX_ROWS} 行，请拆分后分批导入`);
    }
    throw notXlsx();
  }
  if (wb.worksheets.length === 0) throw notXlsx();
  return wb;
}

export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

import ExcelJS from 'exceljs';
import { AppError } from '../errors/app-error.ts';

/** Upload limit of one workbook. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Rows of one import (header excluded); larger rosters are split by school. */
export const MAX_ROWS = 50_000;
/** Sum of uncompressed entry sizes a workbook may declare: a zip bomb is refused before inflating. */
const MAX_UNCOMPRESSED = 200 * 1024 * 1024;

const notXlsx = () =>
  new AppError('unsupported_media_type', '文件不是有效的 Excel 工作簿（.xlsx），请使用下载的模板填写后上传');

/**
 * Checks that a buffer is a zip (an .xlsx is one) and that the sizes its central directory declares
 * are sane. Reads only the directory; nothing is inflated here.
 */
export function assertXlsxBytes(buf: Buffer): void {
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) throw notXlsx();
  // End of central directory: last 22 bytes plus an optional comment of up to 64 KiB.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notXlsx();
  const entries = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  let total = 0;
  let hasWorkbook = false;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) throw notXlsx();
    total += buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    if (name === 'xl/workbook.xml') hasWorkbook = true;
    at += 46 + nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  if (!hasWorkbook) throw notXlsx();
  if (total > MAX_UNCOMPRESSED) throw new AppError('payload_too_large', '工作簿解压后过大，请拆分后分批导入');
}

/**
 * Loads a workbook for reading. Data validations are skipped: ExcelJS expands each range into one
 * entry per cell, so a crafted `A1:XFD1048576` would exhaust memory; we never need them on input.
 */
export async function loadWorkbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  assertXlsxBytes(buf);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(
      buf as unknown as ExcelJS.Buffer,
      {
        ignoreNodes: ['dataValidations'],
        maxRows: MAX_ROWS + 1,
        maxCols: 200,
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

import { createInflateRaw } from 'node:zlib';
import { AppError } from '../errors/app-error.ts';

/** One member of a zip archive, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; an .xlsx uses nothing else. */
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  /** What the archive claims; a crafted archive lies here. */
  declaredSize: number;
  localOffset: number;
}

const MAX_ENTRIES = 10_000;
const U32_MAX = 0xffffffff;

/** The one refusal of a file that is not a readable workbook, whatever the reason. */
export const notXlsx = () =>
  new AppError('unsupported_media_type', '文件不是有效的 Excel 工作簿（.xlsx），请使用下载的模板填写后上传');
/** An OLE compound file: an old .xls, or an .xlsx that Excel or WPS encrypted with a password. */
const oldOrEncrypted = () =>
  new AppError(
    'unsupported_media_type',
    '文件是旧版 Excel 97-2003 工作簿（.xls）或设置了打开密码的工作簿，请取消密码并另存为 .xlsx 后上传',
  );
const CFB_SIGNATURE = 0xe011cfd0;
export const tooLarge = () => new AppError('payload_too_large', '工作簿解压后过大，请拆分后分批导入');

/**
 * Reads the central directory the way JSZip (inside ExcelJS) does: the last end-of-directory record,
 * then its entries. Nothing is inflated. ZIP64 and encrypted members are refused: a workbook of the
 * upload limit never needs them.
 */
export function readZipEntries(buf: Buffer): ZipEntry[] {
  if (buf.length >= 8 && buf.readUInt32LE(0) === CFB_SIGNATURE) throw oldOrEncrypted();
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
  const count = buf.readUInt16LE(eocd + 10);
  if (count === 0xffff || count > MAX_ENTRIES) throw notXlsx();
  let at = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) throw notXlsx();
    const nameLen = buf.readUInt16LE(at + 28);
    const entry: ZipEntry = {
      name: buf.toString('utf8', at + 46, at + 46 + nameLen),
      flags: buf.readUInt16LE(at + 8),
      method: buf.readUInt16LE(at + 10),
      crc32: buf.readUInt32LE(at + 16),
      compressedSize: buf.readUInt32LE(at + 20),
      declaredSize: buf.readUInt32LE(at + 24),
      localOffset: buf.readUInt32LE(at + 42),
    };
    if ([entry.compressedSize, entry.declaredSize, entry.localOffset].includes(U32_MAX)) throw notXlsx();
    if (entry.flags & 0x1 || (entry.method !== 0 && entry.method !== 8)) throw notXlsx();
    entries.push(entry);
    at += 46 + nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return entries;
}

/** The compressed bytes of a member: after its local header, as long as the directory says. */
export function memberData(buf: Buffer, e: ZipEntry): Buffer {
  const at = e.localOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== 0x04034b50) throw notXlsx();
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  if (start + e.compressedSize > buf.length) throw notXlsx();
  return buf.subarray(start, start + e.compressedSize);
}

/**
 * Inflates `data` without keeping the output, stopping as soon as more than `limit` bytes came
 * out. Memory stays at one output chunk however large the member really is.
 */
function inflatedWithin(data: Buffer, limit: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
    let total = 0;
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        inflate.destroy();
        resolve(false);
      }
    });
    inflate.on('end', () => resolve(true));
    inflate.on('error', () => reject(notXlsx()));
    inflate.end(data);
  });
}

/**
 * Checks what the members really inflate to, not what they declare: each member at most its
 * declared size, all of them at most `maxTotal`. A member that declares 1 KB and inflates to
 * 300 MB is refused after 1 KB of output, before ExcelJS inflates anything into memory.
 */
export async function assertInflatesWithin(
  buf: Buffer,
  entries: ZipEntry[],
  maxTotal: number,
): Promise<void> {
  const declared = entries.reduce((sum, e) => sum + e.declaredSize, 0);
  if (declared > maxTotal) throw tooLarge();
  for (const e of entries) {
    const data = memberData(buf, e);
    if (e.method === 0) {
      if (data.length > e.declaredSize) throw tooLarge();
    } else if (!(await inflatedWithin(data, e.declaredSize))) {
      throw tooLarge();
    }
  }
}

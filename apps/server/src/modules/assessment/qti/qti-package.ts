/**
 * The zip of an IMS content package, read behind the same guard as uploaded workbooks: the central
 * directory is checked, what each member really inflates to is measured (streaming, discarding)
 * before anything is inflated into memory, and members are capped one by one and in total.
 */
import { promisify } from 'node:util';
import { crc32, deflateRawSync, inflateRaw } from 'node:zlib';
import { AppError } from '../../../platform/errors/app-error.ts';
import { assertInflatesWithin, memberData, readZipEntries } from '../../../platform/xlsx/zip-guard.ts';
import { writeZip, type ZipMember } from '../../../platform/xlsx/zip-write.ts';
import { normalizePath } from './qti-common.ts';

const inflate = promisify(inflateRaw);

/** An upload of a package: the item bank's QTI import takes no more. */
export const MAX_PACKAGE_BYTES = 50 * 1024 * 1024;
/** What all members may inflate to together, really inflated. */
export const MAX_UNCOMPRESSED = 200 * 1024 * 1024;
/** One member: an item document or a picture. */
export const MAX_MEMBER_BYTES = 20 * 1024 * 1024;
/** One XML document (an item, a stimulus, the manifest). */
export const MAX_XML_BYTES = 5 * 1024 * 1024;

export const isZip = (buf: Buffer) => buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50;

const notPackage = () =>
  new AppError('unsupported_media_type', '文件不是有效的 QTI 内容包（.zip）或 QTI 题目文件（.xml）');
const tooLarge = (what: string) => new AppError('payload_too_large', `${what}过大，请拆分后分批导入`);

/** The package's files by normalised path. Members leaving the package (`../`) are left out. */
export async function readPackage(buf: Buffer): Promise<Map<string, Buffer>> {
  if (buf.length > MAX_PACKAGE_BYTES) throw tooLarge('内容包');
  let entries: ReturnType<typeof readZipEntries>;
  try {
    entries = readZipEntries(buf);
    await assertInflatesWithin(buf, entries, MAX_UNCOMPRESSED);
  } catch (err) {
    if (err instanceof AppError && err.code === 'payload_too_large') throw tooLarge('内容包解压后');
    throw notPackage();
  }
  const files = new Map<string, Buffer>();
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    const path = normalizePath(e.name);
    if (!path) continue;
    if (e.declaredSize > MAX_MEMBER_BYTES) throw tooLarge(`文件「${path}」`);
    const data = memberData(buf, e);
    const bytes =
      e.method === 0
        ? data
        : await inflate(data, { maxOutputLength: Math.max(e.declaredSize, 1) }).catch(() => {
            throw notPackage();
          });
    files.set(path, bytes);
  }
  return files;
}

/** A package from its files: XML deflated, pictures stored as they are (already compressed). */
export function writePackage(files: { path: string; data: Buffer | string }[]): Buffer {
  const members: ZipMember[] = files.map(({ path, data }) => {
    const raw = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const deflate = /\.xml$/i.test(path);
    return {
      name: path,
      method: deflate ? 8 : 0,
      crc32: crc32(raw),
      size: raw.length,
      data: deflate ? deflateRawSync(raw) : raw,
    };
  });
  return writeZip(members);
}

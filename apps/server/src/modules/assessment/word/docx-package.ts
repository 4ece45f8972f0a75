/**
 * Opens an uploaded .docx safely: the size limit first, then what kind of file it really is (an old
 * .doc, a password-protected document, a PDF … each gets its own message), then the zip directory
 * and the zip-bomb check of `platform/xlsx` (the same guard: sizes are checked by inflating and
 * discarding, before any member is held in memory), then the parts a paper needs.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { AppError } from '../../../platform/errors/app-error.ts';
import {
  parseRels,
  partKey,
  type Relationship,
  relKind,
  relsOf,
  resolveTarget,
} from '../../../platform/xlsx/opc.ts';
import {
  assertInflatesWithin,
  memberData,
  readZipEntries,
  type ZipEntry,
} from '../../../platform/xlsx/zip-guard.ts';
import { docxError, inflatesTooMuch, MAX_DOCX_BYTES, tooLargeDocx } from './docx-errors.ts';

/** What all members together may inflate to: pictures barely compress, so this is generous. */
const MAX_UNCOMPRESSED = 200 * 1024 * 1024;
/** The largest XML part read into memory (a 100-page paper's document.xml is a few MB). */
const MAX_XML_PART = 40 * 1024 * 1024;

const CFB_SIGNATURE = 0xe011cfd0;
const utf16 = (s: string) => Buffer.from(s, 'utf16le');

export interface DocxPackage {
  /** The main document part, e.g. `word/document.xml` (named by `_rels/.rels`, as Word reads it). */
  documentPart: string;
  has(part: string): boolean;
  /** A member's bytes; refuses a member that is corrupt (bad deflate data or checksum). */
  bytes(part: string): Buffer;
  /** A member as UTF-8 text (the XML parts); undefined when the part is absent. */
  text(part: string): string | undefined;
  /** The relationships of a part, by id. */
  rels(part: string): Map<string, Relationship>;
  /** The part a relationship of `source` points at. */
  target(source: string, rel: Relationship): string;
}

/** What a file that is not a zip is, for a message the teacher can act on. */
function notAZip(buf: Buffer): AppError {
  if (buf.length >= 8 && buf.readUInt32LE(0) === CFB_SIGNATURE) {
    // An OLE compound file: Office's encrypted package, or a Word 97-2003 binary document.
    if (buf.includes(utf16('EncryptionInfo')) || buf.includes(utf16('EncryptedPackage'))) {
      return docxError(
        '文档设置了打开密码，无法读取。请在 Word 中取消密码（文件 → 信息 → 保护文档）后重新上传',
        {
          reason: 'encrypted',
        },
      );
    }
    return docxError('这是旧版 Word 97-2003 文档（.doc），请在 Word 或 WPS 中“另存为” .docx 后重新上传', {
      reason: 'doc_binary',
    });
  }
  const head = buf.subarray(0, 8).toString('latin1');
  if (head.startsWith('%PDF')) return docxError('这是 PDF 文件，不是 Word 文档（.docx）', { reason: 'pdf' });
  if (head.startsWith('{\\rtf')) {
    return docxError('这是 RTF 文件，请在 Word 中“另存为” .docx 后重新上传', { reason: 'rtf' });
  }
  return docxError('文件不是 Word 文档（.docx），请上传用 Word 或 WPS 保存的 .docx 文件', {
    reason: 'not_zip',
  });
}

/** Reads the zip directory with the platform's guard, translating its workbook wording into ours. */
function directory(buf: Buffer): ZipEntry[] {
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) throw notAZip(buf);
  try {
    return readZipEntries(buf);
  } catch (err) {
    if (err instanceof AppError) {
      throw docxError('Word 文档不完整或已损坏（压缩包目录无法读取），请重新保存后上传', {
        reason: 'bad_zip',
      });
    }
    throw err;
  }
}

/** Opens `buf` as a .docx package; every refusal is an AppError saying what and where. */
export async function openDocx(buf: Buffer): Promise<DocxPackage> {
  if (buf.length >= MAX_DOCX_BYTES) throw tooLargeDocx();
  const entries = directory(buf);
  try {
    await assertInflatesWithin(buf, entries, MAX_UNCOMPRESSED);
  } catch (err) {
    if (err instanceof AppError && err.code === 'payload_too_large') throw inflatesTooMuch();
    if (err instanceof AppError) {
      throw docxError('Word 文档已损坏（压缩数据无法解开），请重新保存后上传', { reason: 'bad_zip' });
    }
    throw err;
  }
  const byKey = new Map(entries.map((e) => [partKey(e.name), e]));

  const bytes = (part: string): Buffer => {
    const e = byKey.get(partKey(part));
    if (!e) throw docxError(`Word 文档缺少部件 ${part}`, { part });
    let data: Buffer;
    try {
      const raw = memberData(buf, e);
      // The sizes were proven by the guard above; the cap keeps that promise here too.
      data = e.method === 0 ? raw : inflateRawSync(raw, { maxOutputLength: Math.max(1, e.declaredSize) });
    } catch {
      throw docxError(`Word 文档已损坏：部件 ${part} 无法解压`, { part, reason: 'corrupt_part' });
    }
    if (data.length !== e.declaredSize || crc32(data) >>> 0 !== e.crc32 >>> 0) {
      throw docxError(`Word 文档已损坏：部件 ${part} 的校验和不符`, { part, reason: 'corrupt_part' });
    }
    return data;
  };
  const has = (part: string) => byKey.has(partKey(part));
  const text = (part: string): string | undefined => {
    if (!has(part)) return undefined;
    const e = byKey.get(partKey(part))!;
    if (e.declaredSize > MAX_XML_PART) throw inflatesTooMuch();
    return bytes(part)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
  };
  const relsCache = new Map<string, Map<string, Relationship>>();
  const rels = (part: string) => {
    const key = relsOf(part);
    let map = relsCache.get(key);
    if (!map) {
      const xml = text(key);
      map = new Map((xml ? parseRels(xml) : []).map((r) => [r.id, r]));
      relsCache.set(key, map);
    }
    return map;
  };
  const target = (source: string, rel: Relationship) => resolveTarget(source, rel.target);

  const main = [...rels('').values()].find((r) => relKind(r.type) === 'officeDocument');
  const documentPart = main ? target('', main) : 'word/document.xml';
  if (!has(documentPart)) {
    throw docxError('文件是压缩包，但不含 Word 正文（word/document.xml），不是 Word 文档', {
      part: documentPart,
      reason: 'no_document',
    });
  }
  return { documentPart, has, bytes, text, rels, target };
}

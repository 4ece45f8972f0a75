import { crc32, createDeflateRaw } from 'node:zlib';
import { memberData, readZipEntries } from '../platform/xlsx/zip-guard.ts';
import { writeZip } from '../platform/xlsx/zip-write.ts';

interface Member {
  name: string;
  method: number;
  crc32: number;
  declaredSize: number;
  data: Buffer;
}

/** A zip of members given already compressed, with the sizes they declare (true or not). */
export const zipOf = (members: Member[]): Buffer =>
  writeZip(members.map((m) => ({ ...m, size: m.declaredSize })));

/** Deflates `head` followed by `bytes` spaces, streaming, so the test never holds the inflated text. */
async function deflateHuge(head: string, bytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  deflate.write(head);
  for (let left = bytes; left > 0; left -= chunk.length) {
    const ok = deflate.write(left >= chunk.length ? chunk : chunk.subarray(0, left));
    if (!ok) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat(out);
}

/**
 * A real workbook whose member `member` is replaced by one that declares `declaredSize` bytes but
 * inflates to about `inflatedBytes` (the attack of review finding 6: 321 KB declaring 1 KB, 300 MB
 * inflated). The other members are copied as they are, compressed.
 */
export async function craftZipBomb(
  xlsx: Buffer,
  member: string,
  inflatedBytes: number,
  declaredSize = 1024,
): Promise<Buffer> {
  const members: Member[] = [];
  for (const e of readZipEntries(xlsx)) {
    if (e.name !== member) {
      members.push({ ...e, data: memberData(xlsx, e) });
      continue;
    }
    const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet>';
    members.push({
      name: e.name,
      method: 8,
      crc32: crc32(head),
      declaredSize,
      data: await deflateHuge(head, inflatedBytes),
    });
  }
  return zipOf(members);
}

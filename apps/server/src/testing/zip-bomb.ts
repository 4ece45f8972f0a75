import { crc32, createDeflateRaw } from 'node:zlib';
import { memberData, readZipEntries } from '../platform/xlsx/zip-guard.ts';

interface Member {
  name: string;
  method: number;
  crc32: number;
  declaredSize: number;
  data: Buffer;
}

/** A zip of members given already compressed, with the sizes they declare (true or not). */
export function zipOf(members: Member[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const m of members) {
    const name = Buffer.from(m.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(m.method, 8);
    local.writeUInt32LE(m.crc32, 14);
    local.writeUInt32LE(m.data.length, 18);
    local.writeUInt32LE(m.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(m.method, 10);
    central.writeUInt32LE(m.crc32, 16);
    central.writeUInt32LE(m.data.length, 20);
    central.writeUInt32LE(m.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, m.data);
    centrals.push(central, name);
    offset += 30 + name.length + m.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

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

import { crc32 } from 'node:zlib';

/** A member of a zip to write: its bytes already compressed (copied from another zip) or not yet. */
export interface ZipMember {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc32: number;
  size: number;
  data: Buffer;
}

/**
 * A member from text, stored uncompressed: the zips built here are read back in memory at once,
 * where deflating a rewritten sheet would cost seconds and save nothing.
 */
export function textMember(name: string, text: string): ZipMember {
  const raw = Buffer.from(text, 'utf8');
  return { name, method: 0, crc32: crc32(raw), size: raw.length, data: raw };
}

/**
 * A plain zip: sizes in the local headers (no data descriptors), UTF-8 names, no ZIP64 (the members
 * of an uploaded workbook are far below 4 GiB). Members are written as given, not recompressed.
 */
export function writeZip(members: ZipMember[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const m of members) {
    const name = Buffer.from(m.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(m.method, 8);
    local.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00, the DOS epoch: content, not time, matters here
    local.writeUInt32LE(m.crc32 >>> 0, 14);
    local.writeUInt32LE(m.data.length, 18);
    local.writeUInt32LE(m.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(m.method, 10);
    central.writeUInt32LE(0x00210000, 12);
    central.writeUInt32LE(m.crc32 >>> 0, 16);
    central.writeUInt32LE(m.data.length, 20);
    central.writeUInt32LE(m.size, 24);
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

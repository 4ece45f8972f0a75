import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { newId } from '../db/types.ts';
import { LimitAndHash } from './limit-and-hash.ts';
import {
  assertKey,
  type ByteRange,
  KEY_PATTERN,
  type PrefixUsage,
  type Storage,
  type StoredObject,
  tally,
} from './storage.ts';

const month = () => new Date().toISOString().slice(0, 7).replace('-', '/');

/**
 * Files in a directory. Uploads stream into `.partial/` and are renamed into place only when
 * complete, so a cut connection or a refused file never leaves a half-written object behind.
 */
export class LocalStorage implements Storage {
  constructor(private readonly root: string) {}

  get location(): string {
    return this.root;
  }

  private path(key: string): string {
    assertKey(key);
    return join(this.root, key);
  }

  private newKey(prefix: string): string {
    const key = `${prefix}/${month()}/${newId()}`;
    assertKey(key);
    return key;
  }

  async put(body: Readable, opts: { prefix: string; maxBytes: number }): Promise<StoredObject> {
    const key = this.newKey(opts.prefix);
    const partial = join(this.root, '.partial', key.replaceAll('/', '-'));
    await mkdir(dirname(partial), { recursive: true });
    const meter = new LimitAndHash(opts.maxBytes);
    try {
      await pipeline(body, meter, createWriteStream(partial, { flags: 'wx' }));
      const final = this.path(key);
      await mkdir(dirname(final), { recursive: true });
      await rename(partial, final);
    } catch (err) {
      body.destroy();
      await rm(partial, { force: true });
      throw err;
    }
    return { key, size: meter.bytes, sha256: meter.digest() };
  }

  async putBuffer(data: Buffer, opts: { prefix: string }): Promise<StoredObject> {
    const key = this.newKey(opts.prefix);
    const final = this.path(key);
    await mkdir(dirname(final), { recursive: true });
    await writeFile(final, data, { flag: 'wx' });
    return { key, size: data.length, sha256: createHash('sha256').update(data).digest('hex') };
  }

  async size(key: string): Promise<number | undefined> {
    try {
      return (await stat(this.path(key))).size;
    } catch {
      return undefined;
    }
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    return createReadStream(this.path(key), range ? { start: range.start, end: range.end } : {});
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  async usage(): Promise<PrefixUsage[]> {
    const out = new Map<string, PrefixUsage>();
    const walk = async (dir: string): Promise<void> => {
      for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
        // `.partial/` holds uploads still arriving.
        if (e.name.startsWith('.')) continue;
        const path = join(dir, e.name);
        if (e.isDirectory()) await walk(path);
        else if (e.isFile()) {
          const key = relative(this.root, path).split(sep).join('/');
          const st = await stat(path).catch(() => null);
          if (st && KEY_PATTERN.test(key)) tally(out, key, st.size);
        }
      }
    };
    await walk(this.root);
    return [...out.values()];
  }
}

import { constants } from 'node:fs';
import { copyFile, mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type FileEntry, listFileStore } from '../storage/local-storage.ts';
import { mirrorDir } from './archive.ts';

export { type FileEntry, listFileStore };

/** Copies `src` to `dest` through a temporary name with fsync, so `dest` exists only whole. */
export async function copyDurably(src: string, dest: string, tmpDir: string): Promise<void> {
  await mkdir(tmpDir, { recursive: true, mode: 0o700 });
  const tmp = join(tmpDir, `${process.pid}-${Math.random().toString(36).slice(2)}`);
  try {
    // A real copy, not a reflink: a backup shares no blocks with what it protects.
    await copyFile(src, tmp, constants.COPYFILE_EXCL);
    const fh = await open(tmp, 'r+');
    await fh.sync().finally(() => fh.close());
    await mkdir(dirname(dest), { recursive: true, mode: 0o700 });
    await rename(tmp, dest);
  } finally {
    await rm(tmp, { force: true });
  }
}

/** Copies the store's objects that the mirror lacks into `<backup dir>/files`. */
export async function mirrorFileStore(
  filesDir: string,
  backupDir: string,
): Promise<{ copied: number; bytes: number }> {
  const mirror = mirrorDir(backupDir);
  const [store, mirrored] = await Promise.all([listFileStore(filesDir), listFileStore(mirror)]);
  let copied = 0;
  let bytes = 0;
  for (const [key, f] of store) {
    if (mirrored.has(key)) continue;
    try {
      await copyDurably(join(filesDir, key), join(mirror, key), join(mirror, '.partial'));
    } catch (err) {
      // Removed from the store while we were copying: nothing to keep.
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw err;
    }
    copied += 1;
    bytes += f.size;
  }
  return { copied, bytes };
}

/**
 * The keys to put back for a restore to `target` from a base backup whose file manifest is
 * `manifest`: what the store held at the backup, plus what was mirrored after the backup up to the
 * target and one mirroring interval beyond (a file written just before the target is mirrored at
 * the next run). An extra file is harmless (no row points to it); a missing one is a broken link.
 */
export function filesToRestore(opts: {
  manifest: string[];
  mirrored: Map<string, FileEntry>;
  backupStart: Date;
  target: Date | 'latest';
  slackMs: number;
}): string[] {
  const keys = new Set(opts.manifest.filter((k) => opts.mirrored.has(k)));
  const until = opts.target === 'latest' ? Number.POSITIVE_INFINITY : opts.target.getTime() + opts.slackMs;
  for (const [key, f] of opts.mirrored) {
    if (f.mtimeMs >= opts.backupStart.getTime() && f.mtimeMs <= until) keys.add(key);
  }
  return [...keys].sort();
}

import { readFileSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import { dirname } from 'node:path';

/** The server process and the disks it writes to: what the operating system reports. */

/** The release, from the repository's package.json. */
export const APP_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../../../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

export function processState() {
  const mem = process.memoryUsage();
  return {
    version: APP_VERSION,
    nodeVersion: process.version,
    pid: process.pid,
    startedAt: new Date(Date.now() - process.uptime() * 1000),
    rssBytes: mem.rss,
    heapUsedBytes: mem.heapUsed,
  };
}

export interface DiskSpace {
  path: string;
  totalBytes: number;
  freeBytes: number;
}

/** Size and free space of the filesystem holding `path` (or its nearest existing parent). */
export async function diskSpace(path: string): Promise<DiskSpace | null> {
  for (let p = path; ; p = dirname(p)) {
    try {
      const s = await statfs(p);
      return { path, totalBytes: s.blocks * s.bsize, freeBytes: s.bavail * s.bsize };
    } catch {
      if (dirname(p) === p) return null;
    }
  }
}

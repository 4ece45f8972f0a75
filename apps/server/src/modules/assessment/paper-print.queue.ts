/**
 * Admission and memory for printing papers: Chromium renders a page in seconds and a renderer
 * process each, so a class set of clicks must not pile up pages without bound (the printer itself
 * runs two at a time and queues the rest); a job over the queue's length is refused with a 429 the
 * teacher can retry. A finalised paper never changes, so its files are kept by the hash of what was
 * printed and served again from memory.
 */
import { AppError } from '../../platform/errors/app-error.ts';

/** Jobs rendering or waiting for Chromium at once (the printer renders two, the others wait). */
export const MAX_PRINT_JOBS = 6;
/** Bytes of printed files kept (a paper's PDF is 0.2–2 MB). */
const CACHE_BYTES = 64 * 1_048_576;

export interface PrintedBytes {
  bytes: Buffer;
  contentType: string;
}

let running = 0;

/** How many print jobs hold a place now (for tests and the busy answer). */
export const printJobsRunning = () => running;

/**
 * Runs `render` when there is room, else refuses at once: waiting in a browser for a queue of
 * unknown length is worse than a clear "try again in a moment".
 */
export async function admitPrint<T>(render: () => Promise<T>): Promise<T> {
  if (running >= MAX_PRINT_JOBS)
    throw new AppError('rate_limited', '正在生成的打印文件较多，请稍后几秒再试', {
      reason: 'printer_busy',
      retryAfterSeconds: 5,
    });
  running++;
  try {
    return await render();
  } finally {
    running--;
  }
}

const cache = new Map<string, PrintedBytes>();
let cached = 0;

/** A printed file kept under `key`, most recently used last. */
export function cachedPrint(key: string): PrintedBytes | undefined {
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
  }
  return hit;
}

/** Keeps a printed file, dropping the least recently used ones beyond the budget. */
export function keepPrint(key: string, file: PrintedBytes): void {
  if (file.bytes.length > CACHE_BYTES / 4 || cache.has(key)) return;
  cache.set(key, file);
  cached += file.bytes.length;
  for (const [k, v] of cache) {
    if (cached <= CACHE_BYTES) break;
    cache.delete(k);
    cached -= v.bytes.length;
  }
}

/** Empties the cache (tests that need a fresh render). */
export function forgetPrints(): void {
  cache.clear();
  cached = 0;
}

import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { RowWriter } from './binary.ts';

/** One table: its columns, and a generator that writes its rows, yielding after each. */
export interface TableSource {
  table: string;
  columns: readonly string[];
  rows: (w: RowWriter) => Iterable<unknown>;
}

const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Lane {
  chunks: Buffer[];
  done: boolean;
  rows: number;
}

/**
 * Loads tables through binary `COPY … FROM STDIN` on one connection while generating rows ahead of it: a
 * producer turns the sources into ~64 KiB chunks (up to `aheadBytes` buffered) and yields to the event
 * loop between chunks, so the database ingests (or builds indexes after a table, in `afterTable`) while
 * Node prepares the next rows. Tables are loaded in the order given.
 */
export async function copyTables(
  client: pg.PoolClient,
  sources: readonly TableSource[],
  opts: { aheadBytes: number; afterTable?: (table: string, rows: number, ms: number) => Promise<void> },
): Promise<void> {
  const lanes: Lane[] = sources.map(() => ({ chunks: [], done: false, rows: 0 }));
  let buffered = 0;
  let failed: unknown = null;
  let current: ReturnType<typeof copyFrom> | null = null;
  const waiters: (() => void)[] = [];
  const signal = () => {
    for (const w of waiters.splice(0)) w();
  };
  const waitSignal = () => new Promise<void>((resolve) => waiters.push(resolve));

  const produce = async () => {
    for (const [k, source] of sources.entries()) {
      const lane = lanes[k]!;
      const w = new RowWriter();
      const push = async (chunk: Buffer) => {
        lane.chunks.push(chunk);
        buffered += chunk.length;
        signal();
        await yieldToIo();
        while (buffered > opts.aheadBytes && failed === null) await waitSignal();
        if (failed !== null) throw failed;
      };
      for (const _ of source.rows(w)) {
        lane.rows++;
        if (w.full) await push(w.take());
      }
      await push(w.take(true));
      lane.done = true;
      signal();
    }
  };

  const consume = async () => {
    for (const [k, source] of sources.entries()) {
      const lane = lanes[k]!;
      const started = performance.now();
      const stream = client.query(
        copyFrom(`COPY ${source.table} (${source.columns.join(', ')}) FROM STDIN (FORMAT binary)`),
      );
      current = stream;
      const errored = once(stream, 'error').then(([err]) => {
        throw err;
      });
      errored.catch(() => {});
      for (;;) {
        const chunk = lane.chunks.shift();
        if (chunk) {
          buffered -= chunk.length;
          signal();
          if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), errored]);
        } else if (lane.done) {
          break;
        } else {
          await Promise.race([waitSignal(), errored]);
        }
        if (failed !== null) throw failed;
      }
      stream.end();
      await Promise.race([finished(stream), errored]);
      current = null;
      await opts.afterTable?.(source.table, lane.rows, performance.now() - started);
    }
  };

  const fail = (err: unknown) => {
    failed ??= err;
    signal();
    // Abort a COPY in progress (CopyFail), so the connection can roll back.
    current?.destroy(err instanceof Error ? err : new Error(String(err)));
    throw err;
  };
  // Wait for both sides to stop before the caller rolls back, then report the first failure.
  await Promise.allSettled([produce().catch(fail), consume().catch(fail)]);
  if (failed !== null) throw failed;
}

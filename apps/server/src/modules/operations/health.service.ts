import type { Ctx } from '../../platform/http/context.ts';
import { processState } from './host.ts';
import * as repo from './operations.repository.ts';

const TOP = 10;

/** The service's health: the database as it answers, the app's pool, the process, the biggest tables. */
export async function getHealth(ctx: Ctx) {
  const checkedAt = new Date();
  const started = performance.now();
  const db = await repo.databaseState(ctx.db);
  const firstMs = performance.now() - started;
  const t = performance.now();
  await repo.ping(ctx.db);
  const pingMs = performance.now() - t;
  const pool = ctx.deps.database.pool;
  const tables = await repo.tableStats(ctx.db);
  const present = (x: repo.TableStats) => ({ ...x, lastVacuum: x.lastVacuum?.toISOString() ?? null });
  return {
    checkedAt: checkedAt.toISOString(),
    database: {
      reachable: true,
      name: db.name,
      version: db.version,
      startedAt: db.startedAt.toISOString(),
      bytes: db.bytes,
      connections: db.connections,
      activeConnections: db.activeConnections,
      maxConnections: db.maxConnections,
      longestTransactionSeconds: db.longestTransactionSeconds,
      /** A round trip on an open connection, and the first query's (connection, scope and all). */
      pingMs: Math.round(pingMs * 10) / 10,
      firstQueryMs: Math.round(firstMs * 10) / 10,
      embedded: !ctx.deps.config.databaseUrl,
    },
    pool: {
      max: pool.options.max ?? 10,
      open: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
    },
    process: { ...processState(), startedAt: processState().startedAt.toISOString() },
    largestTables: [...tables]
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, TOP)
      .map(present),
    // Tables read mostly row by row: where a missing index makes requests slow.
    mostScannedTables: tables
      .filter((x) => x.seqRowsRead > 0)
      .sort((a, b) => b.seqRowsRead - a.seqRowsRead)
      .slice(0, TOP)
      .map(present),
  };
}

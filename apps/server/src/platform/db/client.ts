import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';

/**
 * The query builder without Drizzle's relational API (unused): the platform needs no module's tables,
 * and repositories import the tables they query from their own module's schema.
 */
export type Db = NodePgDatabase;
/** A transaction or the pool: repositories accept either, so callers decide the boundary. */
export type Tx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  pool: pg.Pool;
  db: Db;
  close: () => Promise<void>;
}

// Dates stay strings (YYYY-MM-DD) instead of being shifted through the local time zone.
pg.types.setTypeParser(1082, (v) => v);

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations', import.meta.url));

/**
 * A pool on `url`. `sessionScope` sets the row-level-security scope for every connection of the
 * pool (the owner's: migrations and the seed run under an explicit system scope); the
 * application's pool sets none, so each of its transactions must set its own (platform/db/scoped).
 */
/**
 * How many connections the application's pool keeps: by default a few per core
 * (`HANLIN_DB_POOL` overrides). More would not add throughput on the same machine, and each
 * connection plans every statement it prepares under row-level security for itself (tens of
 * milliseconds for a home page's read), so a fresh server with twenty connections plans each hot
 * statement twenty times.
 */
export function defaultPoolSize(env: NodeJS.ProcessEnv = process.env): number {
  const set = Number(env.HANLIN_DB_POOL);
  if (Number.isInteger(set) && set > 0) return set;
  return Math.min(20, 4 + 2 * availableParallelism());
}

/**
 * An idle connection is closed after this long. Long, because a connection's prepared statements
 * and their plans go with it.
 */
const IDLE_MS = 10 * 60_000;

export function connectDatabase(
  url: string,
  max = defaultPoolSize(),
  sessionScope?: Readonly<Record<string, string>>,
  pipeline = false,
): Database {
  // Empty parts are left unset (read as empty); spaces and backslashes escaped for `options`.
  const options = sessionScope
    ? Object.entries(sessionScope)
        .filter(([, v]) => v !== '')
        .map(([k, v]) => `-c ${k}=${v.replaceAll('\\', '\\\\').replaceAll(' ', '\\ ')}`)
        .join(' ')
    : undefined;
  // With `pipeline` a statement is written without waiting for the answers to those before it on
  // the same connection (a scoped transaction's `begin` and its first statement travel together).
  // For the application's pool only: COPY (the seed, the demo tools) cannot run on such a connection.
  const pipelining = { pipeline } as pg.PoolConfig;
  const pool = new pg.Pool({
    connectionString: url,
    max,
    idleTimeoutMillis: IDLE_MS,
    options,
    ...pipelining,
  });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on next use.
  });
  const db = drizzle(pool);
  return { pool, db, close: () => pool.end() };
}

/** Applies the committed SQL migrations (idempotent; tracked in drizzle.__drizzle_migrations). */
export async function migrateDatabase(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder: MIGRATIONS_DIR });
}

/**
 * The database of a benchmark, as `npm start` sets it up: an embedded PostgreSQL kept under
 * `.hanlin-bench/<name>` (built once, reused), migrated and seeded by the owner, and the app's pool
 * connecting as the least-privilege application role, so row-level security and its per-transaction
 * scope cost what they cost in production (the owner, a superuser here, would bypass them).
 */
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { ROW_POLICIES } from '../../apps/server/src/app.ts';
import { bootstrap } from '../../apps/server/src/bootstrap.ts';
import { type Config, loadConfig } from '../../apps/server/src/platform/config/config.ts';
import { createFieldCrypto, loadFieldKey } from '../../apps/server/src/platform/crypto/field-crypto.ts';
import type { Database } from '../../apps/server/src/platform/db/client.ts';
import { startEmbeddedPostgres } from '../../apps/server/src/platform/db/embedded.ts';
import { prepareDatabase } from '../../apps/server/src/platform/db/setup.ts';
import type { AppDeps } from '../../apps/server/src/platform/http/context.ts';
import { createStorage } from '../../apps/server/src/platform/storage/index.ts';

export interface BenchDb {
  dir: string;
  config: Config;
  /** The app's dependencies; `deps.database` is the application role's pool. */
  deps: AppDeps;
  /** The owner's pool (superuser of the embedded cluster): generation of bench data and checks. */
  owner: Database;
  /** The application role's connection string, for a server in another process. */
  appUrl: string;
  stop: () => Promise<void>;
}

/** `--name value` from the command line, as a number. */
export const numArg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};

/** `--name value` from the command line, as text. */
export const textArg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};

export async function openBenchDb(opts: {
  name: string;
  demoStudents: number;
  appPoolSize?: number;
  log?: (m: string) => void;
  /** Server settings of the cluster (`-c name=value`). */
  settings?: Record<string, string>;
  /** Record every statement's planning and execution times (pg_stat_statements; see `statementsOf`). */
  statements?: boolean;
  /**
   * `appUrl` connects as the owner, a superuser, whom row-level security does not bind: only to
   * measure what the policies cost (`bench:api --without-rls`), never how the app runs.
   */
  appAsOwner?: boolean;
}): Promise<BenchDb> {
  const dir = join(process.cwd(), '.hanlin-bench', opts.name);
  const settings = opts.statements
    ? {
        ...opts.settings,
        shared_preload_libraries: 'pg_stat_statements',
        'pg_stat_statements.track': 'all',
        'pg_stat_statements.track_planning': 'on',
      }
    : opts.settings;
  const pg = await startEmbeddedPostgres({ dir, database: 'hanlin', settings });
  const { owner, app } = await prepareDatabase({
    ownerUrl: pg.url,
    appUrl: pg.appUrl('hanlin'),
    appPassword: pg.appPassword,
    appPoolSize: opts.appPoolSize,
    policies: ROW_POLICIES,
  });
  const config = loadConfig({
    ...process.env,
    HANLIN_DATA_DIR: dir,
    HANLIN_DEMO_STUDENTS: String(opts.demoStudents),
    LOG_LEVEL: 'silent',
  });
  const deps: AppDeps = {
    config,
    database: app,
    crypto: createFieldCrypto(loadFieldKey(undefined, dir)),
    storage: createStorage(config),
  };
  await bootstrap({ ...deps, database: owner }, opts.log ?? (() => {}));
  if (opts.statements) await owner.db.execute(sql`create extension if not exists pg_stat_statements`);
  return {
    dir,
    config,
    deps,
    owner,
    appUrl: opts.appAsOwner ? pg.adminUrl('hanlin') : pg.appUrl('hanlin'),
    stop: async () => {
      await app.close();
      await owner.close();
      await pg.stop();
    },
  };
}

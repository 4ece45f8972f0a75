import { sql } from 'drizzle-orm';
import { NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres';
import type { PgDialect } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import type { Database, Tx } from './client.ts';

/**
 * What row-level security lets a transaction see (DESIGN "How scope is modelled"). The guard's
 * scope of the signed-in actor, or an explicit system scope for authentication itself, scheduled
 * jobs and the demo seed, named by its purpose. The database reads it from the `hanlin.*` settings, set
 * per transaction; a transaction without it sees no rows of a protected table.
 */
export type DbScope =
  | {
      kind: 'actor';
      personId: string;
      role: string;
      /** The org path of the active role (where a reviewer reviews). */
      orgPath: string;
      all: boolean;
      paths: readonly string[];
      personIds: readonly string[];
      memberPaths: readonly string[];
    }
  | { kind: 'system'; purpose: string };

/**
 * The settings the policies read (row-security.ts, `hanlin_scope_*`), one per part of the scope, each
 * in the text form of its SQL type, so that a policy reads a part with one cast and no parsing of a
 * document (the functions that read them are inlined into every statement). Parts that do not apply
 * are empty: nothing is visible through them.
 */
export const SCOPE_SETTINGS = [
  'hanlin.all',
  'hanlin.actor',
  'hanlin.role',
  'hanlin.org',
  'hanlin.paths',
  'hanlin.persons',
  'hanlin.members',
  'hanlin.purpose',
] as const;
export type ScopeSettings = Record<(typeof SCOPE_SETTINGS)[number], string>;

/** An array literal (`ltree[]`, `uuid[]`), every element quoted. */
const arrayLiteral = (xs: readonly string[]) =>
  `{${xs.map((x) => `"${x.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;

/** The settings' values for `s`. A system scope sees everything, as a city administrator. */
export function scopeSettings(s: DbScope): ScopeSettings {
  if (s.kind === 'system') {
    return {
      'hanlin.all': 'on',
      'hanlin.actor': '',
      'hanlin.role': '',
      'hanlin.org': '',
      'hanlin.paths': '',
      'hanlin.persons': '',
      'hanlin.members': '',
      'hanlin.purpose': s.purpose,
    };
  }
  return {
    'hanlin.all': s.all ? 'on' : 'off',
    'hanlin.actor': s.personId,
    'hanlin.role': s.role,
    'hanlin.org': s.orgPath,
    'hanlin.paths': arrayLiteral(s.paths),
    'hanlin.persons': arrayLiteral(s.personIds),
    'hanlin.members': arrayLiteral(s.memberPaths),
    'hanlin.purpose': '',
  };
}

/** One `select` setting every part for the rest of the transaction. */
const setScopeSql = (values: ScopeSettings, literal: (v: string) => string) =>
  `select ${SCOPE_SETTINGS.map((k) => `set_config('${k}', ${literal(values[k])}, true)`).join(', ')}`;

/** `begin`, the scope and any other settings in one round trip (simple protocol, literals). */
const beginSql = (client: pg.PoolClient, s: DbScope, extra: ReadonlyMap<string, string>) => {
  const scope = setScopeSql(scopeSettings(s), (v) => client.escapeLiteral(v));
  const more = [...extra].map(
    ([k, v]) => `, set_config(${client.escapeLiteral(k)}, ${client.escapeLiteral(v)}, true)`,
  );
  return `begin; ${scope}${more.join('')}`;
};

/**
 * A pg client stand-in for Drizzle that takes a pooled connection and opens the scoped transaction
 * only when the first statement comes: a request answered from memory costs no round trip. Queries
 * of one request run one after another on its connection (Promise.all in a use case queues here,
 * not inside pg, which deprecates concurrent queries on one client).
 */
class LazyScopedClient {
  private conn?: Promise<pg.PoolClient>;
  private queue: Promise<unknown> = Promise.resolve();
  /** Settings for the rest of the transaction asked for before it began: sent with its `begin`. */
  private readonly settings = new Map<string, string>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly scope: DbScope,
  ) {}

  private connection(): Promise<pg.PoolClient> {
    this.conn ??= (async () => {
      const client = await this.pool.connect();
      // Not awaited here: on a pipelining connection (connectDatabase) the first statement is
      // written right behind it, and the transaction costs no round trip of its own to open.
      this.begun = client.query(beginSql(client, this.scope, this.settings));
      this.begun.catch(() => undefined);
      return client;
    })();
    return this.conn;
  }

  /** The `begin` until the first statement has seen it succeed. */
  private begun?: Promise<unknown>;

  /**
   * Sets `name` for the rest of the transaction: with its `begin` when no statement has run yet
   * (no round trip of its own), else now. Only for settings a transaction may change at any time.
   */
  async setLocal(name: string, value: string): Promise<void> {
    if (!this.conn) {
      this.settings.set(name, value);
      return;
    }
    await this.query('select set_config($1, $2, true)', [name, value]);
  }

  query(config: unknown, params?: unknown[]): Promise<unknown> {
    const run = this.queue.then(async () => {
      const client = await this.connection();
      const result = client.query(config as pg.QueryConfig, params);
      const begun = this.begun;
      this.begun = undefined;
      if (begun) {
        try {
          await begun;
        } catch (err) {
          result.catch(() => undefined);
          throw err;
        }
      }
      return result;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Commits (or rolls back) and returns the connection; nothing to do when no statement ran. */
  async end(commit: boolean): Promise<void> {
    if (!this.conn) return;
    await this.queue;
    const client = await this.conn;
    let broken: Error | undefined;
    try {
      await client.query(commit ? 'commit' : 'rollback');
    } catch (err) {
      broken = err as Error;
      if (commit) throw err;
    } finally {
      client.release(broken);
    }
  }
}

/** A Drizzle transaction object over a lazily opened, scoped transaction, and its end. */
export interface ScopedTx {
  tx: Tx;
  end: (commit: boolean) => Promise<void>;
}

export function openScoped(database: Database, scope: DbScope): ScopedTx {
  const client = new LazyScopedClient(database.pool, scope);
  const { db } = database;
  // Drizzle keeps the dialect and the relational schema config on the database and its session.
  const dialect = (db as unknown as { dialect: PgDialect }).dialect;
  type SessionSchema = ConstructorParameters<typeof NodePgSession>[2];
  const schema = (db._.session as unknown as { schema: SessionSchema }).schema;
  const session = new NodePgSession(client as unknown as pg.PoolClient, dialect, schema);
  const tx = new NodePgTransaction(dialect, session, schema as never) as unknown as Tx;
  lazyClients.set(tx, client);
  return { tx, end: (commit) => client.end(commit) };
}

const lazyClients = new WeakMap<Tx, LazyScopedClient>();

/**
 * Sets a server setting for the rest of `tx` (`set_config(name, value, true)`); in a transaction
 * that has not begun yet it travels with the `begin`, costing no round trip.
 */
export async function setLocal(tx: Tx, name: string, value: string): Promise<void> {
  const lazy = lazyClients.get(tx);
  if (lazy) await lazy.setLocal(name, value);
  else await tx.execute(sql`select set_config(${name}, ${value}, true)`);
}

/**
 * Runs `fn` in one transaction under `scope`, committing when it resolves and rolling back when
 * it throws. With `awaitCommit: false` (reads) the commit is sent and the result returned at once.
 */
export async function withScope<T>(
  database: Database,
  scope: DbScope,
  fn: (tx: Tx) => Promise<T>,
  opts: { awaitCommit?: boolean } = {},
): Promise<T> {
  const s = openScoped(database, scope);
  let out: T;
  try {
    out = await fn(s.tx);
  } catch (err) {
    await s.end(false).catch(() => undefined);
    throw err;
  }
  if (opts.awaitCommit === false) void s.end(true).catch(() => undefined);
  else await s.end(true);
  return out;
}

/** A system scope, for authentication, jobs and the seed. */
export const systemScope = (purpose: string): DbScope => ({ kind: 'system', purpose });

/**
 * Runs `fn` inside the caller's transaction under a system scope, then restores the caller's
 * scope: for an operation the law requires across everyone's rows (erasing a data subject's data
 * when a request is granted), kept atomic with the request it answers. The caller audits it.
 */
export async function asSystem<T>(tx: Tx, purpose: string, fn: () => Promise<T>): Promise<T> {
  const current = SCOPE_SETTINGS.map((k) => `current_setting('${k}', true) as "${k}"`).join(', ');
  const prev = await tx.execute<Partial<ScopeSettings>>(sql.raw(`select ${current}`));
  const row = prev.rows[0] ?? {};
  const restore = Object.fromEntries(SCOPE_SETTINGS.map((k) => [k, row[k] ?? ''])) as ScopeSettings;
  await tx.execute(setScope(scopeSettings(systemScope(purpose))));
  try {
    return await fn();
  } finally {
    await tx.execute(setScope(restore));
  }
}

/** `setScopeSql` with the values as parameters. */
const setScope = (values: ScopeSettings) =>
  sql`select ${sql.join(
    SCOPE_SETTINGS.map((k) => sql`set_config(${k}, ${values[k]}, true)`),
    sql`, `,
  )}`;

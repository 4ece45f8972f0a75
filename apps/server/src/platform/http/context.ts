import type { FastifyRequest } from 'fastify';
import { type AuditBuffer, type AuditEntry, type AuditOrigin, writeAudit } from '../audit/audit.ts';
import type { AuthzCache } from '../auth/authz-cache.ts';
import type { BackupControl } from '../backup/control.ts';
import type { ChangeFeed } from '../cache/change-feed.ts';
import type { ReadCaches, ReadModel } from '../cache/read-caches.ts';
import type { Config } from '../config/config.ts';
import type { FieldCrypto } from '../crypto/field-crypto.ts';
import type { Database, Tx } from '../db/client.ts';
import type { JobQueue } from '../db/job-queue.ts';
import { type DbScope, openScoped, setLocal, systemScope, withScope } from '../db/scoped.ts';
import { AppError } from '../errors/app-error.ts';
import type { ScopeRegistry } from '../scope/registry.ts';
import type { Actor, Scope } from '../scope/scope.ts';
import type { Storage } from '../storage/index.ts';

/** Long-lived dependencies shared by every request. */
export interface AppDeps {
  config: Config;
  database: Database;
  crypto: FieldCrypto;
  /** Uploaded and generated files. */
  storage: Storage;
  /** The embedded database's backups, when this server runs them (not with DATABASE_URL or HANLIN_BACKUP=off). */
  backups?: BackupControl;
  /** The job queue this process works (main.ts starts it; stopped when the app closes). */
  jobs?: JobQueue;
}

/** What every use case receives: who acts, what they may see, the transaction, and the audit trail. */
export interface Ctx {
  actor: Actor;
  scope: Scope;
  db: Tx;
  deps: AppDeps;
  origin: AuditOrigin;
  audit: (entry: AuditEntry) => Promise<void>;
  /**
   * A read model from memory when the use case only reads; inside a write transaction always
   * loaded, so a use case sees its own uncommitted changes.
   */
  cached: <V>(model: ReadModel, key: string, load: () => Promise<V>) => Promise<V>;
}

/** A context without an actor, for login and other public steps. */
export interface PublicCtx {
  db: Tx;
  deps: AppDeps;
  origin: AuditOrigin;
  audit: (entry: AuditEntry, actor?: Partial<AuditOrigin>) => Promise<void>;
}

export function originOf(req: FastifyRequest): AuditOrigin {
  return {
    actorPersonId: req.actor?.personId ?? null,
    actorName: req.actor?.name ?? null,
    actorRole: req.actor?.role ?? null,
    ip: req.ip,
    userAgent: req.headers['user-agent'] ?? null,
    requestId: req.id,
  };
}

/** The row-level-security scope of a request: the guard's, never one the request names. */
export const actorDbScope = (actor: Actor, scope: Scope): DbScope => ({
  kind: 'actor',
  personId: actor.personId,
  role: actor.role,
  orgPath: actor.orgPath,
  all: scope.all,
  paths: scope.paths,
  personIds: scope.personIds,
  memberPaths: scope.memberPaths,
});

/**
 * Runs a use case for a signed-in actor, in one transaction under the actor's row-level-security
 * scope. Writes run with their audit rows, so a failed write leaves neither data nor an audit entry
 * claiming success. A read opens its transaction only when it first touches the database, so a
 * read answered from memory costs no round trip.
 */
export async function runAs<T>(
  req: FastifyRequest,
  fn: (ctx: Ctx) => Promise<T>,
  opts: {
    write?: boolean;
    keepOnError?: boolean;
    /**
     * `false` for a hot write that changes no table any cache depends on (no change trigger): the
     * request then does not wait for the change feed before it answers.
     */
    syncCaches?: boolean;
  } = {},
): Promise<T> {
  const { actor, scope } = req;
  if (!actor || !scope) throw new AppError('unauthenticated', '请先登录');
  const deps = req.server.deps;
  const origin = originOf(req);
  const make = (db: Tx): Ctx => ({
    actor,
    scope,
    db,
    deps,
    origin,
    audit: (entry) => writeAudit(db, origin, entry),
    cached: (_model, _key, load) => load(),
  });
  const dbScope = actorDbScope(actor, scope);
  if (!opts.write) {
    const { auditBuffer, readCaches } = req.server;
    const s = openScoped(deps.database, dbScope);
    // Read-only, by construction: a use case that writes must say so (`write: true`), so that its
    // audit rows commit with it (not through the read buffer) and the caches see the change.
    await setLocal(s.tx, 'transaction_read_only', 'on');
    try {
      const out = await fn({
        ...make(s.tx),
        audit: async (entry) => auditBuffer.add(origin, entry),
        cached: (model, key, load) => readCaches.get(model, key, load),
      });
      await s.end(true);
      return out;
    } catch (err) {
      await s.end(false).catch(() => undefined);
      throw err;
    }
  }
  if (opts.keepOnError) return keepingFailures(req, dbScope, (tx) => fn(make(tx)));
  if (opts.syncCaches === false) return withScope(deps.database, dbScope, (tx) => fn(make(tx)));
  return readingOwnWrites(
    req,
    withScope(deps.database, dbScope, (tx) => fn(make(tx))),
  );
}

/**
 * After a write commits, waits until the authorisation cache has applied whatever the write
 * changed (a revoked session, a withdrawn role), so the next request already sees it.
 */
async function readingOwnWrites<T>(req: FastifyRequest, write: Promise<T>): Promise<T> {
  try {
    return await write;
  } finally {
    await req.server.changes.sync();
  }
}

/**
 * Commits what a use case recorded before it refused (failed-login counters, audit rows of
 * refusals), then rethrows the refusal. Unexpected errors still roll back.
 */
async function keepingFailures<T>(
  req: FastifyRequest,
  scope: DbScope,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  let refusal: AppError | undefined;
  const write = withScope(req.server.deps.database, scope, async (tx) => {
    try {
      return await fn(tx);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      refusal = err;
      return undefined;
    }
  });
  const result = await readingOwnWrites(req, write);
  if (refusal) throw refusal;
  return result as T;
}

/** The authentication machinery (sign-in, sessions, scopes) reads under this system scope. */
export const AUTH_SCOPE = systemScope('authentication');

export async function runPublic<T>(req: FastifyRequest, fn: (ctx: PublicCtx) => Promise<T>): Promise<T> {
  const deps = req.server.deps;
  const origin = originOf(req);
  return keepingFailures(req, AUTH_SCOPE, (tx) =>
    fn({ db: tx, deps, origin, audit: (entry, actor) => writeAudit(tx, { ...origin, ...actor }, entry) }),
  );
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    /** Batches the audit rows of reads; see AuditBuffer. */
    auditBuffer: AuditBuffer;
    /** Announces committed changes of cached tables; see ChangeFeed. */
    changes: ChangeFeed;
    /** Sessions, scopes and entity checks of the guard; see AuthzCache. */
    authz: AuthzCache;
    /** The modules' scoped entity kinds and the scope resolver; see ScopeRegistry. */
    scopes: ScopeRegistry;
    readCaches: ReadCaches;
  }
  interface FastifyRequest {
    actor?: Actor;
    scope?: Scope;
    csrfToken?: string;
    mfaPassed?: boolean;
  }
}

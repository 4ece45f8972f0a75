import type { FastifyRequest } from 'fastify';
import { type AuditBuffer, type AuditEntry, type AuditOrigin, writeAudit } from '../audit/audit.ts';
import type { AuthzCache } from '../auth/authz-cache.ts';
import type { ChangeFeed } from '../cache/change-feed.ts';
import type { ReadCaches, ReadModel } from '../cache/read-caches.ts';
import type { Config } from '../config/config.ts';
import type { FieldCrypto } from '../crypto/field-crypto.ts';
import type { Database, Tx } from '../db/client.ts';
import { AppError } from '../errors/app-error.ts';
import type { Actor, Scope } from '../scope/scope.ts';
import type { Storage } from '../storage/index.ts';

/** Long-lived dependencies shared by every request. */
export interface AppDeps {
  config: Config;
  database: Database;
  crypto: FieldCrypto;
  /** Uploaded and generated files. */
  storage: Storage;
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

/**
 * Runs a use case for a signed-in actor. Writes run in one transaction with their audit rows, so a
 * failed write leaves neither data nor an audit entry claiming success; reads use the pool.
 */
export async function runAs<T>(
  req: FastifyRequest,
  fn: (ctx: Ctx) => Promise<T>,
  opts: { write?: boolean; keepOnError?: boolean } = {},
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
  if (!opts.write) {
    const { auditBuffer, readCaches } = req.server;
    return fn({
      ...make(deps.database.db),
      audit: async (entry) => auditBuffer.add(origin, entry),
      cached: (model, key, load) => readCaches.get(model, key, load),
    });
  }
  if (opts.keepOnError) return keepingFailures(req, (tx) => fn(make(tx)));
  return readingOwnWrites(
    req,
    deps.database.db.transaction((tx) => fn(make(tx))),
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
async function keepingFailures<T>(req: FastifyRequest, fn: (tx: Tx) => Promise<T>): Promise<T> {
  let refusal: AppError | undefined;
  const write = req.server.deps.database.db.transaction(async (tx) => {
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

export async function runPublic<T>(req: FastifyRequest, fn: (ctx: PublicCtx) => Promise<T>): Promise<T> {
  const deps = req.server.deps;
  const origin = originOf(req);
  return keepingFailures(req, (tx) =>
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
    readCaches: ReadCaches;
  }
  interface FastifyRequest {
    actor?: Actor;
    scope?: Scope;
    csrfToken?: string;
    mfaPassed?: boolean;
  }
}

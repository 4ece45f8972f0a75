import type { FastifyRequest } from 'fastify';
import { type AuditBuffer, type AuditEntry, type AuditOrigin, writeAudit } from '../audit/audit.ts';
import type { Config } from '../config/config.ts';
import type { FieldCrypto } from '../crypto/field-crypto.ts';
import type { Database, Tx } from '../db/client.ts';
import { AppError } from '../errors/app-error.ts';
import type { Actor, Scope } from '../scope/scope.ts';

/** Long-lived dependencies shared by every request. */
export interface AppDeps {
  config: Config;
  database: Database;
  crypto: FieldCrypto;
}

/** What every use case receives: who acts, what they may see, the transaction, and the audit trail. */
export interface Ctx {
  actor: Actor;
  scope: Scope;
  db: Tx;
  deps: AppDeps;
  origin: AuditOrigin;
  audit: (entry: AuditEntry) => Promise<void>;
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
  });
  if (!opts.write) {
    const buffer = req.server.auditBuffer;
    return fn({ ...make(deps.database.db), audit: async (entry) => buffer.add(origin, entry) });
  }
  if (opts.keepOnError) return keepingFailures(deps, (tx) => fn(make(tx)));
  return deps.database.db.transaction((tx) => fn(make(tx)));
}

/**
 * Commits what a use case recorded before it refused (failed-login counters, audit rows of
 * refusals), then rethrows the refusal. Unexpected errors still roll back.
 */
async function keepingFailures<T>(deps: AppDeps, fn: (tx: Tx) => Promise<T>): Promise<T> {
  let refusal: AppError | undefined;
  const result = await deps.database.db.transaction(async (tx) => {
    try {
      return await fn(tx);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      refusal = err;
      return undefined;
    }
  });
  if (refusal) throw refusal;
  return result as T;
}

export async function runPublic<T>(req: FastifyRequest, fn: (ctx: PublicCtx) => Promise<T>): Promise<T> {
  const deps = req.server.deps;
  const origin = originOf(req);
  return keepingFailures(deps, (tx) =>
    fn({ db: tx, deps, origin, audit: (entry, actor) => writeAudit(tx, { ...origin, ...actor }, entry) }),
  );
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    /** Batches the audit rows of reads; see AuditBuffer. */
    auditBuffer: AuditBuffer;
  }
  interface FastifyRequest {
    actor?: Actor;
    scope?: Scope;
    csrfToken?: string;
    mfaPassed?: boolean;
  }
}

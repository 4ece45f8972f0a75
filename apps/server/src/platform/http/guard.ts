import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { securityPolicyOf } from '../auth/security-policy.ts';
import { loadSession, needsSecondFactor, touchSession } from '../auth/session.ts';
import { CSRF_HEADER, hashToken, SESSION_COOKIE } from '../auth/session-token.ts';
import type { Tx } from '../db/client.ts';
import { preferGenericPlans } from '../db/prepared.ts';
import { openScoped, withScope } from '../db/scoped.ts';
import { AppError } from '../errors/app-error.ts';
import type { ScopedEntity } from '../scope/registry.ts';
import type { Actor, Scope } from '../scope/scope.ts';
import { AUTH_SCOPE } from './context.ts';
import type { RoutePolicy } from './policy.ts';

/** Every /api route with its policy, for the route × role scope test and the docs. */
export interface RouteEntry {
  method: string;
  url: string;
  policy: RoutePolicy;
  schema: unknown;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeCatalog: RouteEntry[];
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const policyOf = (req: FastifyRequest): RoutePolicy | undefined => req.routeOptions.config?.policy;

const sameToken = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * The one access-control mechanism (ASVS V4, COMPLIANCE §5.1): every /api route declares a policy;
 * this plugin authenticates the session, checks CSRF on state changes, checks the active role, and
 * checks every scoped route parameter against the actor's scope. Anything undeclared fails closed.
 */
export const guard = fp(async (app: FastifyInstance) => {
  const catalog: RouteEntry[] = [];
  app.decorate('routeCatalog', catalog);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const policy = (route.config as { policy?: RoutePolicy } | undefined)?.policy;
    if (!policy) throw new Error(`Route ${route.method} ${route.url} has no access policy`);
    for (const kind of Object.values(policy.params ?? {})) {
      if (!app.scopes.has(kind))
        throw new Error(`Route ${route.method} ${route.url} names '${kind}', which no module registers`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') catalog.push({ method, url: route.url, policy, schema: route.schema });
    }
  });

  app.addHook('onRequest', async (req) => {
    // Decide by the route the router matched, never by the raw URL: `/%61pi/…` matches `/api/…`.
    const route = req.routeOptions.url;
    if (route === undefined || !route.startsWith('/api/') || route.startsWith('/api/docs')) return;
    const policy = policyOf(req);
    if (!policy) throw new AppError('not_found', '接口不存在');
    if (policy.allow === 'public') return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) throw new AppError('unauthenticated', '请先登录');
    // Whatever the caches miss — the session, its scope, the entities the path names — is read in
    // one transaction, opened only when the first of them is missed: a cold request pays one
    // `begin` and one `commit` for all of them, a warm one none.
    const auth = openScoped(app.deps.database, AUTH_SCOPE);
    let wrote = false;
    try {
      // Its reads are lookups by a token hash or an id, prepared: planned once per connection
      // rather than five times (the session's read plans in ~25 ms under row-level security).
      await preferGenericPlans(auth.tx);
      wrote = await authenticate(app, req, policy, token, auth.tx);
    } catch (err) {
      await auth.end(false).catch(() => undefined);
      throw err;
    }
    if (wrote) await auth.end(true);
    else void auth.end(true).catch(() => undefined);
  });

  app.addHook('preHandler', async (req) => {
    const policy = policyOf(req);
    const { scope, actor } = req;
    if (!policy?.params || !scope || !actor) return;
    const params = req.params as Record<string, string>;
    for (const [name, kind] of Object.entries(policy.params)) {
      const id = params[name];
      if (id === undefined) continue;
      // Well-formed ids were checked before the body was read (answered from the cache here).
      await checkVisible(app, { scope, actor }, kind, id, () =>
        withScope(app.deps.database, AUTH_SCOPE, (tx) =>
          app.scopes.entityVisible(tx, { scope, actor }, kind, id),
        ),
      );
    }
  });
});

/** A canonical UUID, the form of every scoped entity's id. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Authenticates the request's session, checks CSRF, the second factor and the role, sets
 * `req.actor` and `req.scope`, and checks the scoped path parameters that are well-formed ids
 * (the others fail validation; preHandler checks whatever is left once validation has passed).
 * Every database read goes through `tx`, the request's authentication transaction. Returns
 * whether it wrote (the session's sliding idle window), so the caller knows to await the commit.
 */
async function authenticate(
  app: FastifyInstance,
  req: FastifyRequest,
  policy: RoutePolicy,
  token: string,
  tx: Tx,
): Promise<boolean> {
  const { authz } = app;
  const tokenHash = hashToken(token);
  // The security policy in force (from memory): its timeouts and second-factor roles hold from
  // the request after a change, for sessions that began before it too.
  const security = await securityPolicyOf(app.deps);
  const limits = {
    idleMs: security.session.idleMinutes * 60_000,
    absoluteMs: security.session.absoluteHours * 3_600_000,
  };
  const session = await authz.session(tokenHash, limits, () => loadSession(tx, tokenHash, limits));
  if (!session) throw new AppError('unauthenticated', '登录已过期，请重新登录');
  if (!SAFE_METHODS.has(req.method)) {
    const header = req.headers[CSRF_HEADER];
    if (typeof header !== 'string' || !sameToken(header, session.csrfToken)) {
      // The session is genuine, so the refusal is recorded against its actor (a security event:
      // the error handler audits and logs it).
      req.actor = session.actor;
      throw new AppError('csrf_failed', '请求校验失败，请刷新页面后重试');
    }
  }
  req.actor = session.actor;
  req.csrfToken = session.csrfToken;
  const mfaRequired = needsSecondFactor(session, security.mfaRoles);
  req.mfaPassed = session.mfaPassed || !mfaRequired;
  // Until the second factor is given only the login steps work; a pending password change
  // allows those and the change itself.
  if (mfaRequired && !session.mfaPassed && policy.preAuth !== 'mfa') {
    throw new AppError('totp_required', '需要完成动态口令验证');
  }
  if (session.mustChangePassword && !policy.preAuth) throw new AppError('password_expired', '请先修改密码');
  let wrote = false;
  if (Date.now() - session.lastSeenAt.getTime() > 60_000) {
    await touchSession(tx, session.actor.sessionId);
    authz.touched(tokenHash, new Date());
    wrote = true;
  }
  if (policy.allow !== 'session' && !policy.allow.includes(session.actor.role)) {
    throw new AppError('forbidden', '当前角色无权访问');
  }
  const actor = session.actor;
  const scope = await authz.scope(actor.roleAssignmentId, () => app.scopes.resolveScope(tx, actor));
  req.scope = scope;
  const params = req.params as Record<string, string> | undefined;
  for (const [name, kind] of Object.entries(policy.params ?? {})) {
    const id = params?.[name];
    if (id === undefined || !UUID.test(id)) continue;
    await checkVisible(app, { scope, actor }, kind, id, () =>
      app.scopes.entityVisible(tx, { scope, actor }, kind, id),
    );
  }
  return wrote;
}

/** Refuses an entity the actor may not address, as if it did not exist (cached per role and id). */
async function checkVisible(
  app: FastifyInstance,
  viewer: { scope: Scope; actor: Actor },
  kind: ScopedEntity,
  id: string,
  load: () => Promise<boolean>,
): Promise<void> {
  const visible = await app.authz.entityVisible(viewer.actor.roleAssignmentId, kind, id, load);
  if (!visible) {
    throw new AppError('not_found', '对象不存在或无权访问', undefined, { targetType: kind, targetId: id });
  }
}

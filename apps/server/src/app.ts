import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { codeRoutes } from './modules/codes/codes.routes.ts';
import { curriculumRoutes } from './modules/curriculum/curriculum.routes.ts';
import { identityRoutes } from './modules/identity/identity.routes.ts';
import { notificationRoutes } from './modules/notifications/notifications.routes.ts';
import { orgRoutes } from './modules/org/org.routes.ts';
import { portalRoutes } from './modules/portal/portal.routes.ts';
import { resourceRoutes } from './modules/resources/resources.routes.ts';
import { resourceUseRoutes } from './modules/resources/use.routes.ts';
import { reviewRoutes } from './modules/review/review.routes.ts';
import { rosterRoutes } from './modules/roster/roster.routes.ts';
import { rosterImportRoutes } from './modules/roster-import/roster-import.routes.ts';
import { spaceRoutes } from './modules/spaces/spaces.routes.ts';
import { AuditBuffer } from './platform/audit/audit.ts';
import { AuthzCache } from './platform/auth/authz-cache.ts';
import { ChangeFeed } from './platform/cache/change-feed.ts';
import { ReadCaches } from './platform/cache/read-caches.ts';
import type { AppDeps } from './platform/http/context.ts';
import { installErrorHandler } from './platform/http/error-handler.ts';
import { guard } from './platform/http/guard.ts';
import { securityHeaders } from './platform/http/security-headers.ts';

export const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface BuildOptions {
  logger?: boolean;
  /** Serve the built web app from apps/web/dist (on by default when it exists). */
  serveWeb?: boolean;
}

/** Builds the whole application; `main.ts` listens, tests call `inject()` on the same app. */
export async function buildApp(deps: AppDeps, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: deps.config.logLevel,
            redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.headers.authorization'],
          },
    bodyLimit: deps.config.bodyLimit,
    logController: new LogController({ disableRequestLogging: process.env.LOG_REQUESTS !== 'true' }),
    trustProxy: process.env.HANLIN_TRUST_PROXY === 'true',
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate('deps', deps);
  const auditBuffer = new AuditBuffer(deps.database.db, (err) =>
    app.log.error({ err }, 'audit batch failed'),
  );
  app.decorate('auditBuffer', auditBuffer);
  app.addHook('onClose', () => auditBuffer.flush());
  const changes = new ChangeFeed(deps.database.pool.options, (err) =>
    app.log.warn({ err }, 'change feed lost; caches paused until it reconnects'),
  );
  app.decorate('changes', changes);
  app.decorate('authz', new AuthzCache(changes));
  app.decorate('readCaches', new ReadCaches(changes));
  await changes.start();
  app.addHook('onClose', () => changes.stop());
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const serveWeb = opts.serveWeb ?? existsSync(WEB_DIST);
  installErrorHandler(app, { spaFallback: serveWeb });

  await app.register(securityHeaders, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'", 'blob:'],
        frameAncestors: ["'none'"],
      },
    },
    hsts: deps.config.secureCookies,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Hanlin API',
        description: '翰林 智慧教育公共服务平台 — REST API. Errors: `{ error: { code, message, details } }`.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'hanlin_sid' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(guard);

  await app.register(
    async (api) => {
      api.get('/health', { config: { policy: { allow: 'public' } }, schema: { hide: true } }, async () => ({
        ok: true,
      }));
      await api.register(identityRoutes);
      await api.register(codeRoutes);
      await api.register(orgRoutes);
      await api.register(rosterRoutes);
      await api.register(rosterImportRoutes);
      await api.register(auditRoutes);
      await api.register(portalRoutes);
      await api.register(curriculumRoutes);
      await api.register(resourceRoutes);
      await api.register(resourceUseRoutes);
      await api.register(reviewRoutes);
      await api.register(notificationRoutes);
      await api.register(spaceRoutes);
    },
    { prefix: '/api' },
  );

  if (serveWeb) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: 'index.html' });
  }
  return app;
}

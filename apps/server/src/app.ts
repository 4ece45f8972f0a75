import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { assemblyRoutes } from './modules/assessment/assembly.routes.ts';
import { assemblyScope } from './modules/assessment/assembly.scope.ts';
import { bankCalibrationJob } from './modules/assessment/assessment.jobs.ts';
import { assessmentScope, markingNotebookScope } from './modules/assessment/assessment.scope.ts';
import { assignmentRoutes } from './modules/assessment/assignments.routes.ts';
import { assignmentScope } from './modules/assessment/assignments.scope.ts';
import { attemptRoutes } from './modules/assessment/attempts.routes.ts';
import { bankRoutes } from './modules/assessment/bank.routes.ts';
import { itemAnalysisRoutes } from './modules/assessment/item-analysis.routes.ts';
import { itemAnalysisScope } from './modules/assessment/item-analysis.scope.ts';
import { itemImportRoutes } from './modules/assessment/item-import.routes.ts';
import { itemImportScope } from './modules/assessment/item-import.scope.ts';
import { markingFlowRoutes } from './modules/assessment/marking-flow.routes.ts';
import { notebookRoutes } from './modules/assessment/notebook.routes.ts';
import { paperPrintRoutes } from './modules/assessment/paper-print.routes.ts';
import { paperRoutes } from './modules/assessment/papers.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { auditScope } from './modules/audit/audit.scope.ts';
import { codeRoutes } from './modules/codes/codes.routes.ts';
import { curriculumRoutes } from './modules/curriculum/curriculum.routes.ts';
import { curriculumScope } from './modules/curriculum/curriculum.scope.ts';
import { levelScoreRollupJob, masteryRecomputeJob } from './modules/diagnosis/diagnosis.jobs.ts';
import { diagnosisRoutes } from './modules/diagnosis/diagnosis.routes.ts';
import { diagnosisScope } from './modules/diagnosis/diagnosis.scope.ts';
import { practiceRoutes } from './modules/diagnosis/practice.routes.ts';
import { accountAdminRoutes } from './modules/identity/account-admin.routes.ts';
import { identityRoutes } from './modules/identity/identity.routes.ts';
import { identityScope } from './modules/identity/identity.scope.ts';
import { notificationRoutes } from './modules/notifications/notifications.routes.ts';
import { notificationScope } from './modules/notifications/notifications.scope.ts';
import { operationsRoutes } from './modules/operations/operations.routes.ts';
import { operationsScope } from './modules/operations/operations.scope.ts';
import { orgRoutes } from './modules/org/org.routes.ts';
import { orgScope } from './modules/org/org.scope.ts';
import { portalRoutes } from './modules/portal/portal.routes.ts';
import { retentionJob } from './modules/privacy/privacy.jobs.ts';
import { privacyRoutes } from './modules/privacy/privacy.routes.ts';
import { privacyScope } from './modules/privacy/privacy.scope.ts';
import { retirementCheckJob, searchPopularityJob } from './modules/resources/resources.jobs.ts';
import { resourceRoutes } from './modules/resources/resources.routes.ts';
import { resourceScope } from './modules/resources/resources.scope.ts';
import { resourceUseRoutes } from './modules/resources/use.routes.ts';
import { reviewDigestJob } from './modules/review/review.jobs.ts';
import { reviewRoutes } from './modules/review/review.routes.ts';
import { reviewScope } from './modules/review/review.scope.ts';
import { rosterRoutes } from './modules/roster/roster.routes.ts';
import { rosterScope } from './modules/roster/roster.scope.ts';
import { rosterImportRoutes } from './modules/roster-import/roster-import.routes.ts';
import { rosterImportScope } from './modules/roster-import/roster-import.scope.ts';
import { securityPolicyRoutes } from './modules/security-policy/security-policy.routes.ts';
import { securityPolicyScope } from './modules/security-policy/security-policy.scope.ts';
import { spaceUsageJob } from './modules/spaces/spaces.jobs.ts';
import { spaceRoutes } from './modules/spaces/spaces.routes.ts';
import { spaceScope } from './modules/spaces/spaces.scope.ts';
import { AuditBuffer } from './platform/audit/audit.ts';
import { AuthzCache } from './platform/auth/authz-cache.ts';
import {
  registerSecurityPolicySource,
  SECURITY_POLICY_TABLES,
  SecurityPolicySource,
} from './platform/auth/security-policy.ts';
import { ChangeFeed } from './platform/cache/change-feed.ts';
import { ReadCaches } from './platform/cache/read-caches.ts';
import type { JobDefinition } from './platform/db/jobs.ts';
import type { AppDeps } from './platform/http/context.ts';
import { clientErrorHandler, frameworkErrors, installErrorHandler } from './platform/http/error-handler.ts';
import { guard } from './platform/http/guard.ts';
import { LOG_REDACT_PATHS, LOG_SERIALIZERS } from './platform/http/log-redaction.ts';
import { securityHeaders } from './platform/http/security-headers.ts';
import { sharingSerializerCompiler } from './platform/http/serializer.ts';
import { refuseUnstorableText } from './platform/http/text-guard.ts';
import { ScopeRegistry, type ScopeRules } from './platform/scope/registry.ts';

export const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/**
 * Every module's scope rules: its scoped entity kinds, the scope resolver, its part of the route ×
 * role matrix. Listed here, not registered on import, so what the guard knows never depends on
 * which file happened to be loaded first.
 */
export const SCOPE_RULES: readonly ScopeRules[] = [
  identityScope,
  orgScope,
  rosterScope,
  rosterImportScope,
  curriculumScope,
  resourceScope,
  reviewScope,
  notificationScope,
  spaceScope,
  assessmentScope,
  itemImportScope,
  assignmentScope,
  itemAnalysisScope,
  markingNotebookScope,
  assemblyScope,
  diagnosisScope,
  privacyScope,
  auditScope,
  securityPolicyScope,
  operationsScope,
];

/** The modules' row-level-security policies, applied by the owner after the migrations. */
export const ROW_POLICIES = SCOPE_RULES.flatMap((r) => r.rowSecurity ?? []);

/**
 * Every job of the queue (platform/db/jobs.ts): the owner's setup creates their queues, main.ts
 * works them. A module's job is declared beside its code and listed here.
 */
export const JOBS: readonly JobDefinition[] = [
  retirementCheckJob,
  searchPopularityJob,
  retentionJob,
  reviewDigestJob,
  spaceUsageJob,
  bankCalibrationJob,
  masteryRecomputeJob,
  levelScoreRollupJob,
];

export interface BuildOptions {
  logger?: boolean;
  /** Where log lines go instead of stdout (tests read them). */
  logStream?: { write: (line: string) => void };
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
            redact: LOG_REDACT_PATHS,
            serializers: LOG_SERIALIZERS,
            ...(opts.logStream ? { stream: opts.logStream } : {}),
          },
    bodyLimit: deps.config.bodyLimit,
    frameworkErrors,
    clientErrorHandler,
    logController: new LogController({ disableRequestLogging: process.env.LOG_REQUESTS !== 'true' }),
    trustProxy: process.env.HANLIN_TRUST_PROXY === 'true',
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate('deps', deps);
  // The job queue stops before the pools its jobs use are closed.
  const jobs = deps.jobs;
  if (jobs) app.addHook('onClose', () => jobs.stop());
  const auditBuffer = new AuditBuffer(deps.database.db, (err) =>
    app.log.error({ err }, 'audit batch failed'),
  );
  app.decorate('auditBuffer', auditBuffer);
  app.addHook('onClose', () => auditBuffer.flush());
  const changes = new ChangeFeed(deps.database.pool.options, (err) =>
    app.log.warn({ err }, 'change feed lost; caches paused until it reconnects'),
  );
  app.decorate('changes', changes);
  const scopes = new ScopeRegistry(SCOPE_RULES);
  app.decorate('scopes', scopes);
  const authz = new AuthzCache(changes, scopes);
  app.decorate('authz', authz);
  app.decorate('readCaches', new ReadCaches(changes));
  registerSecurityPolicySource(deps, new SecurityPolicySource(deps.database, deps.config, changes));
  await changes.start();
  app.addHook('onClose', () => changes.stop());
  // A kind whose tables do not announce their changes would be served stale from the guard's cache.
  try {
    changes.assertAnnounced([...authz.tables, ...SECURITY_POLICY_TABLES]);
  } catch (err) {
    await changes.stop();
    throw err;
  }
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(sharingSerializerCompiler);
  const serveWeb = opts.serveWeb ?? existsSync(WEB_DIST);
  installErrorHandler(app, { spaFallback: serveWeb });
  app.addHook('preValidation', refuseUnstorableText);

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
      await api.register(accountAdminRoutes);
      await api.register(securityPolicyRoutes);
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
      await api.register(bankRoutes);
      await api.register(itemImportRoutes);
      await api.register(paperRoutes);
      await api.register(assemblyRoutes);
      await api.register(paperPrintRoutes);
      await api.register(assignmentRoutes);
      await api.register(attemptRoutes);
      await api.register(markingFlowRoutes);
      await api.register(notebookRoutes);
      await api.register(practiceRoutes);
      await api.register(itemAnalysisRoutes);
      await api.register(diagnosisRoutes);
      await api.register(privacyRoutes);
      await api.register(operationsRoutes);
    },
    { prefix: '/api' },
  );

  if (serveWeb) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: 'index.html' });
  }
  return app;
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZPasswordRules, ZSecurityPolicy } from '../../platform/auth/security-policy.ts';
import { runAs } from '../../platform/http/context.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import { getSecurityPolicy, securityOverview, updateSecurityPolicy } from './security-policy.service.ts';

const tags = ['security'];
const SECURITY = { allow: ['security_admin'] as const };

const ZPolicyState = z.object({
  policy: ZSecurityPolicy,
  version: z.number(),
  updatedAt: z.string().nullable(),
  defaults: ZSecurityPolicy,
  profiles: z.object({ djbh: ZPasswordRules, asvs: ZPasswordRules }),
  floors: z.object({
    djbh: z.object({
      minLength: z.number(),
      minClasses: z.number(),
      maxAgeDays: z.number(),
      historyDepth: z.number(),
    }),
    asvs: z.object({ minLength: z.number() }),
    lockout: z.object({ maxAttempts: z.number(), minMinutes: z.number() }),
    session: z.object({ maxIdleMinutes: z.number(), maxAbsoluteHours: z.number() }),
    mfaRoles: z.array(z.string()),
  }),
  mfaEligible: z.array(z.string()),
  problems: z.array(z.string()),
});

/** 安全策略 (COMPLIANCE §4): the security administrator's settings, and what needs attention. */
export async function securityPolicyRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/security/policy',
    {
      config: { policy: SECURITY },
      schema: {
        tags,
        summary: '当前安全策略、默认值与等保 2.0 基线',
        response: { 200: ZPolicyState, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => getSecurityPolicy(ctx)),
  );

  r.put(
    '/security/policy',
    {
      config: { policy: SECURITY },
      schema: {
        tags,
        summary: '修改安全策略（低于等保 2.0 基线的策略被拒绝；审计记录修改前后的值）',
        body: z.strictObject({
          policy: ZSecurityPolicy,
          /** The version the page was edited from (0 while the defaults apply). */
          version: z.int().min(0),
        }),
        response: {
          200: z.object({ policy: ZSecurityPolicy, version: z.number(), changed: z.array(z.string()) }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => updateSecurityPolicy(ctx, req.body), { write: true, keepOnError: true }),
  );

  r.get(
    '/security/overview',
    {
      config: { policy: SECURITY },
      schema: {
        tags,
        summary: '安全管理员首页：需要关注的事项',
        response: {
          200: z.object({
            secondFactorsMissing: z.number(),
            secondFactorsMissingFirst: z.array(
              z.object({
                personId: z.string(),
                name: z.string(),
                roles: z.array(z.string()),
                orgName: z.string(),
                enrolmentPending: z.boolean(),
              }),
            ),
            locks: z.object({
              lockedAccounts: z.number(),
              repeated: z.number(),
              manySources: z.number(),
              unknownNames: z.number(),
            }),
            dormantAccounts: z.number(),
            dormantDays: z.number(),
            policyProblems: z.array(z.string()),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => securityOverview(ctx)),
  );
}

import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../platform/auth/session-token.ts';
import { runAs, runPublic } from '../../platform/http/context.ts';
import { errorResponses, ZId, ZLine, ZOk } from '../../platform/http/schemas.ts';
import { ROLES } from './identity.schema.ts';
import * as identity from './identity.service.ts';

const ZNext = z.enum(['done', 'totp', 'totp_setup', 'change_password']);
const ZRole = z.enum(ROLES);
const ZRoleOption = z.object({
  id: z.string(),
  role: ZRole,
  orgUnitId: z.string(),
  orgName: z.string(),
  orgKind: z.string(),
});
const ZMe = z.object({
  personId: z.string(),
  name: z.string(),
  username: z.string(),
  role: ZRole,
  roleAssignmentId: z.string(),
  orgUnitId: z.string(),
  orgName: z.string(),
  roles: z.array(ZRoleOption),
  csrfToken: z.string(),
  mfaEnabled: z.boolean(),
  next: ZNext,
  passwordProfile: z.string(),
  passwordRules: z.object({
    minLength: z.number(),
    minClasses: z.number(),
    historyDepth: z.number(),
    maxAgeDays: z.number().nullable(),
    checkBreached: z.boolean(),
  }),
});

const tags = ['auth'];

export async function identityRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: app.deps.config.secureCookies,
      path: '/',
    });

  r.post(
    '/auth/login',
    {
      config: { policy: { allow: 'public' }, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '用户名密码登录',
        body: z.strictObject({
          username: ZLine(64),
          password: z.string().min(1).max(128),
        }),
        response: { 200: z.object({ next: ZNext, csrfToken: z.string() }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const result = await runPublic(req, (ctx) => identity.login(ctx, req.body));
      setCookie(reply, result.token);
      return { next: result.next, csrfToken: result.csrfToken };
    },
  );

  r.post(
    '/auth/logout',
    { config: { policy: { allow: 'session', preAuth: 'mfa' } }, schema: { tags, response: { 200: ZOk } } },
    async (req, reply) => {
      await runAs(req, (ctx) => identity.logout(ctx), { write: true });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  r.get(
    '/auth/me',
    {
      config: { policy: { allow: 'session', preAuth: 'mfa' } },
      schema: { tags, summary: '当前用户、角色与登录状态', response: { 200: ZMe, ...errorResponses } },
    },
    (req) =>
      runAs(req, (ctx) =>
        identity.getMe(ctx, { csrfToken: req.csrfToken ?? '', mfaPassed: req.mfaPassed ?? false }),
      ),
  );

  r.post(
    '/auth/switch-role',
    {
      config: { policy: { allow: 'session' } },
      schema: {
        tags,
        body: z.strictObject({ roleAssignmentId: ZId }),
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (req) => {
      await runAs(req, (ctx) => identity.switchRole(ctx, req.body), { write: true });
      return { ok: true as const };
    },
  );

  r.post(
    '/auth/password',
    {
      config: { policy: { allow: 'session', preAuth: 'password' } },
      schema: {
        tags,
        summary: '修改密码',
        body: z.strictObject({ current: z.string().min(1).max(128), next: z.string().min(1).max(128) }),
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (req) => {
      await runAs(req, (ctx) => identity.changePassword(ctx, req.body), { write: true, keepOnError: true });
      return { ok: true as const };
    },
  );

  r.post(
    '/auth/totp/setup',
    {
      config: {
        policy: { allow: 'session', preAuth: 'mfa' },
        rateLimit: { max: 10, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary: '开始绑定动态口令（须提供管理员签发的一次性绑定码）',
        body: z.strictObject({
          enrolmentCode: z
            .string()
            .trim()
            .regex(/^[0-9]{4}-?[0-9]{4}-?[0-9]{4}$/, '绑定码为 12 位数字'),
        }),
        response: { 200: z.object({ secret: z.string(), uri: z.string() }), ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => identity.setupTotp(ctx, req.body), { write: true, keepOnError: true }),
  );

  r.get(
    '/accounts/second-factors',
    {
      config: { policy: { allow: ['security_admin', 'city_admin', 'district_admin'] } },
      schema: {
        tags,
        summary: '须使用二次验证（动态口令）的账号及其绑定情况',
        querystring: z.strictObject({
          /** Only those who must use a second factor and have not enrolled. */
          missing: z.enum(['true', 'false']).optional(),
        }),
        response: {
          200: z.array(
            z.object({
              personId: z.string(),
              name: z.string(),
              username: z.string(),
              roles: z.array(z.string()),
              orgName: z.string(),
              totpEnabled: z.boolean(),
              mustUse: z.boolean(),
              enrolmentPendingUntil: z.string().nullable(),
              lastLoginAt: z.string().nullable(),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => identity.listSecondFactors(ctx, { missing: req.query.missing === 'true' })),
  );

  r.post(
    '/accounts/:personId/totp-enrolment',
    {
      config: { policy: { allow: ['security_admin', 'city_admin', 'district_admin', 'school_admin'] } },
      schema: {
        tags,
        summary: '签发动态口令绑定码（一次性，72 小时内有效；原有动态口令随即失效）',
        params: z.strictObject({ personId: ZId }),
        response: { 200: z.object({ code: z.string(), expiresAt: z.string() }), ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => identity.issueEnrolmentCode(ctx, req.params), { write: true }),
  );

  r.post(
    '/auth/totp/verify',
    {
      config: {
        policy: { allow: 'session', preAuth: 'mfa' },
        rateLimit: { max: 10, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        body: z.strictObject({ code: z.string().regex(/^[0-9]{6}$/, '动态口令为 6 位数字') }),
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (req) => {
      await runAs(req, (ctx) => identity.verifyTotpCode(ctx, req.body), { write: true, keepOnError: true });
      return { ok: true as const };
    },
  );

  r.post(
    '/accounts/:personId/reset-password',
    {
      config: { policy: { allow: ['city_admin', 'district_admin', 'school_admin', 'system_admin'] } },
      schema: {
        tags,
        summary: '管理员重置密码（临时密码仅显示一次）',
        params: z.strictObject({ personId: ZId }),
        response: { 200: z.object({ temporaryPassword: z.string() }), ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => identity.resetPassword(ctx, req.params), { write: true }),
  );
}

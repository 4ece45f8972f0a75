import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAs } from '../../platform/http/context.ts';
import { errorResponses, ZId, ZLine, ZOk } from '../../platform/http/schemas.ts';
import { GRANTABLE_ROLES, STAFF_ROLES } from './authority.ts';
import { ROLES } from './identity.schema.ts';
import * as identity from './identity.service.ts';

const tags = ['accounts'];
const ZRole = z.enum(ROLES);
const ZRoleHeld = z.object({
  id: z.string(),
  role: ZRole,
  orgUnitId: z.string(),
  orgName: z.string(),
  orgKind: z.string(),
});
const personParams = z.strictObject({ personId: ZId });
/** 三员分立: the system administrator runs accounts; the security administrator answers incidents. */
const LIFECYCLE = { allow: ['system_admin', 'security_admin'] as const };
const SECURITY = { allow: ['security_admin'] as const };

/**
 * The 三员's account work (等保 2.0 三员分立, COMPLIANCE §4): account lifecycle (disable, enable,
 * unlock, dormant accounts), role grants for staff, and the sessions in force.
 */
export async function accountAdminRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/accounts/lifecycle',
    {
      config: { policy: LIFECYCLE },
      schema: {
        tags,
        summary: '教职工账号：锁定、休眠（90 天未登录）与停用情况',
        querystring: z.strictObject({
          filter: z.enum(['all', 'locked', 'dormant', 'disabled']).default('all'),
          q: ZLine(50, 0).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
        }),
        response: {
          200: z.object({
            total: z.number(),
            dormantDays: z.number(),
            accounts: z.array(
              z.object({
                personId: z.string(),
                name: z.string(),
                username: z.string(),
                status: z.enum(['active', 'disabled']),
                lastLoginAt: z.string().nullable(),
                createdAt: z.string(),
                totpEnabled: z.boolean(),
                dormant: z.boolean(),
                lockedUntil: z.string().nullable(),
                lockedSources: z.number(),
                roles: z.array(ZRoleHeld),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => identity.listAccounts(ctx, req.query)),
  );

  r.post(
    '/accounts/:personId/disable',
    {
      config: { policy: LIFECYCLE },
      schema: {
        tags,
        summary: '停用账号（立即结束其全部会话）',
        params: personParams,
        body: z.strictObject({ reason: ZLine(200) }),
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (req) => {
      await runAs(req, (ctx) => identity.disableAccount(ctx, { ...req.params, ...req.body }), {
        write: true,
      });
      return { ok: true as const };
    },
  );

  r.post(
    '/accounts/:personId/enable',
    {
      config: { policy: { allow: ['system_admin'] } },
      schema: {
        tags,
        summary: '启用已停用的账号',
        params: personParams,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (req) => {
      await runAs(req, (ctx) => identity.enableAccount(ctx, req.params), { write: true });
      return { ok: true as const };
    },
  );

  r.post(
    '/accounts/:personId/unlock',
    {
      config: { policy: LIFECYCLE },
      schema: {
        tags,
        summary: '解除登录失败锁定（全部来源地址）',
        params: personParams,
        response: { 200: z.object({ cleared: z.number() }), ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => identity.unlockAccount(ctx, req.params), { write: true }),
  );

  r.get(
    '/security/staff',
    {
      config: { policy: SECURITY },
      schema: {
        tags,
        summary: '教职工角色：已授予的管理与教研角色，或按用户名、姓名查找',
        querystring: z.strictObject({ q: ZLine(50, 0).optional() }),
        response: {
          200: z.object({
            grantable: z.array(z.enum(GRANTABLE_ROLES)),
            staff: z.array(
              z.object({
                personId: z.string(),
                name: z.string(),
                username: z.string(),
                status: z.string(),
                totpEnabled: z.boolean(),
                lastLoginAt: z.string().nullable(),
                roles: z.array(ZRoleHeld),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => ({
      grantable: [...GRANTABLE_ROLES],
      staff: await runAs(req, (ctx) => identity.listStaffRoles(ctx, req.query)),
    }),
  );

  r.get(
    '/security/grant-units',
    {
      config: { policy: SECURITY },
      schema: {
        tags,
        summary: '可授予该角色的单位',
        querystring: z.strictObject({ role: z.enum(GRANTABLE_ROLES), q: ZLine(50, 0).optional() }),
        response: {
          200: z.array(z.object({ id: z.string(), kind: z.string(), name: z.string(), path: z.string() })),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => identity.listGrantUnits(ctx, req.query)),
  );

  r.post(
    '/accounts/:personId/roles',
    {
      config: { policy: SECURITY },
      schema: {
        tags,
        summary: '授予教职工角色',
        params: personParams,
        body: z.strictObject({ role: z.enum(GRANTABLE_ROLES), orgUnitId: ZId }),
        response: {
          200: z.object({ id: z.string(), needsSecondFactor: z.boolean() }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => identity.grantRole(ctx, { ...req.params, ...req.body }), { write: true }),
  );

  r.post(
    '/accounts/:personId/roles/:roleAssignmentId/revoke',
    {
      config: { policy: SECURITY },
      schema: {
        tags,
        summary: '撤销教职工角色（该角色下的会话随即结束）',
        params: z.strictObject({ personId: ZId, roleAssignmentId: ZId }),
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (req) => {
      await runAs(req, (ctx) => identity.revokeRole(ctx, req.params), { write: true });
      return { ok: true as const };
    },
  );

  r.get(
    '/security/sessions',
    {
      config: { policy: SECURITY },
      schema: {
        tags,
        summary: '在线会话（教职工）；学生、家长会话只计数',
        querystring: z.strictObject({
          role: z.enum(STAFF_ROLES).optional(),
          q: ZLine(50, 0).optional(),
        }),
        response: {
          200: z.object({
            sessions: z.array(
              z.object({
                id: z.string(),
                personId: z.string(),
                name: z.string(),
                username: z.string(),
                role: ZRole,
                orgName: z.string(),
                source: z.string().nullable(),
                device: z.string().nullable(),
                startedAt: z.string(),
                lastSeenAt: z.string(),
                mfaRequired: z.boolean(),
                mfaPassed: z.boolean(),
              }),
            ),
            truncated: z.boolean(),
            roles: z.array(z.enum(STAFF_ROLES)),
            otherSessions: z.number(),
            idleMinutes: z.number(),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => identity.listSessions(ctx, req.query)),
  );

  r.post(
    '/security/sessions/:sessionId/end',
    {
      config: { policy: SECURITY },
      schema: {
        tags,
        summary: '结束会话（对方下一次请求即须重新登录）',
        params: z.strictObject({ sessionId: ZId }),
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (req) => {
      await runAs(req, (ctx) => identity.endSession(ctx, req.params), { write: true });
      return { ok: true as const };
    },
  );
}

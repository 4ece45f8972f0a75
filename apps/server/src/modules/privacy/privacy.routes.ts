import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAs } from '../../platform/http/context.ts';
import { ADMINS } from '../../platform/http/policy.ts';
import { errorResponses, ZId, ZOk, ZText } from '../../platform/http/schemas.ts';
import { sendXlsx } from '../../platform/xlsx/xlsx-reply.ts';
import * as consent from './consent.service.ts';
import { inventoryRows, inventoryWorkbook } from './inventory.service.ts';
import * as notices from './notices.service.ts';
import { PURPOSES } from './privacy.policy.ts';
import { NOTICE_AUDIENCES, REQUEST_STATUSES } from './privacy.schema.ts';
import * as requests from './requests.service.ts';
import { copyAsWorkbook, copySubjectData } from './subject-data.service.ts';

const tags = ['privacy'];
const ZNotice = z.object({
  id: z.string(),
  audience: z.enum(NOTICE_AUDIENCES),
  version: z.number(),
  title: z.string(),
  body: z.string(),
  publishedAt: z.string(),
});
const ZRequest = z.object({
  id: z.string(),
  subjectId: z.string(),
  subjectName: z.string(),
  requesterName: z.string(),
  requestedAs: z.enum(['self', 'guardian']),
  kind: z.enum(['access', 'correction', 'deletion', 'explanation']),
  details: z.string(),
  unitName: z.string().nullable(),
  status: z.enum(REQUEST_STATUSES),
  dueAt: z.string(),
  overdue: z.boolean(),
  response: z.string().nullable(),
  handledByName: z.string().nullable(),
  handledAt: z.string().nullable(),
  createdAt: z.string(),
});
const idParams = z.strictObject({ id: ZId });
/** Data-subject requests and notices are checked in the services (relation, scope): 404 otherwise. */
const own = { allow: 'session' as const, unscopedParams: ['id'] };
const INVENTORY_ROLES = [
  'security_admin',
  'auditor',
  'city_admin',
  'district_admin',
  'school_admin',
] as const;

/** 告知-同意 and data-subject rights (P5, COMPLIANCE §3), and the personal-data inventory (ASVS V8). */
export async function privacyRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/privacy/notice',
    {
      config: { policy: { allow: 'session' } },
      schema: {
        tags,
        summary: '我的个人信息处理告知书（当前版本；未阅知时 pending 非空）',
        response: {
          200: z.object({ pending: ZNotice.nullable(), current: ZNotice.nullable() }),
          ...errorResponses,
        },
      },
    },
    (req) =>
      runAs(req, async (ctx) => ({
        pending: await notices.pendingNotice(ctx),
        current: await notices.currentNotice(ctx),
      })),
  );

  r.post(
    '/privacy/notices/:id/acknowledge',
    {
      config: { policy: own },
      schema: { tags, summary: '阅知告知书', params: idParams, response: { 200: ZOk, ...errorResponses } },
    },
    (req) => runAs(req, (ctx) => notices.acknowledgeNotice(ctx, req.params.id), { write: true }),
  );

  r.get(
    '/privacy/notices',
    {
      config: { policy: { allow: ['city_admin'] } },
      schema: {
        tags,
        summary: '告知书各版本及阅知人数',
        response: { 200: z.array(ZNotice.extend({ acks: z.number() })), ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => notices.listNotices(ctx)),
  );

  r.post(
    '/privacy/notices',
    {
      config: { policy: { allow: ['city_admin'] } },
      schema: {
        tags,
        summary: '发布告知书新版本（该类用户下次登录时须重新阅知）',
        body: z.strictObject({ audience: z.enum(NOTICE_AUDIENCES), title: ZText(100), body: ZText(20_000) }),
        response: { 200: ZNotice, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => notices.publishNotice(ctx, req.body), { write: true }),
  );

  r.get(
    '/privacy/consents',
    {
      config: { policy: { allow: 'session' } },
      schema: {
        tags,
        summary: '可选处理目的的授权情况（本人及监护的孩子）',
        response: {
          200: z.array(
            z.object({
              personId: z.string(),
              name: z.string(),
              relation: z.enum(['self', 'guardian']),
              under14: z.boolean(),
              isStudent: z.boolean(),
              purposes: z.array(
                z.object({
                  purpose: z.enum(PURPOSES as [string, ...string[]]),
                  title: z.string(),
                  description: z.string(),
                  granted: z.boolean(),
                  decidedAs: z.string().nullable(),
                  decidedAt: z.string().nullable(),
                  decidedByName: z.string().nullable(),
                  mayGrant: z.boolean(),
                  mayWithdraw: z.boolean(),
                }),
              ),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => consent.consentOverview(ctx)),
  );

  r.post(
    '/privacy/consents',
    {
      config: { policy: { allow: 'session' } },
      schema: {
        tags,
        summary: '同意或撤回同意（不满 14 周岁的孩子须由监护人同意）',
        body: z.strictObject({
          subjectId: ZId,
          purpose: z.enum(PURPOSES as [string, ...string[]]),
          granted: z.boolean(),
        }),
        response: { 200: ZOk, ...errorResponses },
      },
    },
    (req) =>
      runAs(
        req,
        (ctx) => consent.setConsent(ctx, { ...req.body, purpose: consent.assertPurpose(req.body.purpose) }),
        { write: true, keepOnError: true },
      ),
  );

  r.get(
    '/privacy/requests/mine',
    {
      config: { policy: { allow: 'session' } },
      schema: {
        tags,
        summary: '我提出的和关于我的申请',
        response: { 200: z.array(ZRequest), ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => requests.myRequests(ctx)),
  );

  r.post(
    '/privacy/requests',
    {
      config: { policy: { allow: 'session' } },
      schema: {
        tags,
        summary: '提出更正、删除或解释说明申请（本人或监护人代孩子）',
        body: z.strictObject({
          subjectId: ZId,
          kind: z.enum(['correction', 'deletion', 'explanation']),
          details: ZText(2000),
        }),
        response: { 200: ZRequest, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => requests.fileRequest(ctx, req.body), { write: true }),
  );

  r.get(
    '/privacy/requests',
    {
      config: { policy: { allow: ADMINS } },
      schema: {
        tags,
        summary: '个人信息权利申请登记簿（本单位范围内，逾期的在前）',
        querystring: z.strictObject({ status: z.enum(REQUEST_STATUSES).optional() }),
        response: { 200: z.array(ZRequest), ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => requests.requestsToHandle(ctx, req.query.status ?? null)),
  );

  r.get(
    '/privacy/requests/:id/erasure-preview',
    {
      config: { policy: { allow: ADMINS, unscopedParams: ['id'] } },
      schema: {
        tags,
        summary: '删除申请：将删除、匿名化和依法保留的记录',
        params: idParams,
        response: {
          200: z.array(
            z.object({
              table: z.string(),
              description: z.string(),
              rows: z.number(),
              action: z.enum(['delete', 'anonymise', 'retain']),
              retention: z.string(),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => requests.erasurePreview(ctx, req.params.id)),
  );

  r.post(
    '/privacy/requests/:id/answer',
    {
      config: { policy: { allow: ADMINS, unscopedParams: ['id'] } },
      schema: {
        tags,
        summary: '答复申请：办结（删除申请随即执行删除）或拒绝并说明理由',
        params: idParams,
        body: z.strictObject({ outcome: z.enum(['done', 'refused']), response: ZText(2000) }),
        response: { 200: ZRequest, ...errorResponses },
      },
    },
    async (req) => {
      const { request, files } = await runAs(
        req,
        (ctx) => requests.answerRequest(ctx, req.params.id, req.body),
        {
          write: true,
        },
      );
      // Attachments of erased posts go once the erasure is committed.
      await Promise.all(files.map((k) => app.deps.storage.remove(k).catch(() => undefined)));
      return request;
    },
  );

  r.get(
    '/privacy/subjects/:id/copy',
    {
      config: { policy: own },
      schema: {
        tags,
        summary: '下载个人信息副本（本人或监护人；JSON 或 Excel）',
        params: idParams,
        querystring: z.strictObject({ format: z.enum(['json', 'xlsx']).default('json') }),
      },
    },
    async (req, typedReply) => {
      const reply = typedReply as unknown as FastifyReply;
      const format = req.query.format;
      const copy = await runAs(req, (ctx) => copySubjectData(ctx, req.params.id, format), { write: true });
      if (format === 'xlsx') return sendXlsx(reply, await copyAsWorkbook(copy));
      const name = `个人信息副本-${copy.subject.name}-${copy.generatedAt.slice(0, 10)}.json`;
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="copy.json"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .header('cache-control', 'no-store')
        .send(JSON.stringify(copy, null, 2));
    },
  );

  r.get(
    '/privacy/inventory',
    {
      config: { policy: { allow: INVENTORY_ROLES } },
      schema: {
        tags,
        summary: '个人信息清单（数据分级分类）',
        response: {
          200: z.array(
            z.object({
              table: z.string(),
              description: z.string(),
              retention: z.string(),
              rowLevelSecurity: z.boolean(),
              columns: z.array(
                z.object({
                  column: z.string(),
                  class: z.string(),
                  basis: z.string(),
                  purpose: z.string(),
                  protection: z.string(),
                }),
              ),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => inventoryRows(ctx)),
  );

  r.get(
    '/privacy/inventory.xlsx',
    {
      config: { policy: { allow: INVENTORY_ROLES } },
      schema: { tags, summary: '个人信息清单（Excel）' },
    },
    async (req, reply) =>
      sendXlsx(reply as unknown as FastifyReply, await runAs(req, (ctx) => inventoryWorkbook(ctx))),
  );
}

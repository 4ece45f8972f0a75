import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAs } from '../../platform/http/context.ts';
import { errorResponses, ZId, ZIdParams, ZLine, ZOk } from '../../platform/http/schemas.ts';
import { sendXlsx } from '../../platform/xlsx/xlsx-reply.ts';
import * as svc from './audit.service.ts';
import { exportAudit } from './audit-export.service.ts';
import { filterOfQuery, ZAuditFilter, ZAuditQuery } from './audit-filter.ts';
import { searchUnitsForAudit } from './audit-units.service.ts';

const tags = ['audit'];
/** The audit administrator (审计员) alone reads the trail, whole: its filters name no scope. */
const AUDITOR = { allow: ['auditor'] } as const;

const ZEntry = z.object({
  id: z.string(),
  at: z.string(),
  actorPersonId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  outcome: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  subjectPersonId: z.string().nullable(),
  subjectName: z.string().nullable(),
  /** Persons of a bulk event (an export); their names come from `/audit/events/:id/subjects`. */
  subjectCount: z.number(),
  orgPath: z.string().nullable(),
  /** Names along the org path below the deployment's root. */
  orgNames: z.array(z.string()),
  ip: z.string().nullable(),
  details: z.unknown(),
});

const ZLabels = { zh: z.string(), en: z.string() };
const ZPerson = z.object({
  personId: z.string(),
  name: z.string(),
  learner: z.boolean(),
  staff: z.boolean(),
});
const ZSaved = z.object({ id: z.string(), name: z.string(), query: ZAuditFilter, createdAt: z.string() });

export async function auditRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/audit',
    {
      config: { policy: { ...AUDITOR, unscopedParams: ['personId', 'orgUnitId'] } },
      schema: {
        tags,
        summary: '审计日志检索（按人员、操作、角色、结果、机构、时间）',
        querystring: ZAuditQuery.extend({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
        }),
        response: {
          200: z.object({ total: z.number(), more: z.boolean(), items: z.array(ZEntry) }),
          ...errorResponses,
        },
      },
    },
    (req) => {
      const { limit, offset, ...q } = req.query;
      return runAs(req, (ctx) => svc.searchAudit(ctx, filterOfQuery(q), { limit, offset }));
    },
  );

  r.get(
    '/audit/export.xlsx',
    {
      config: { policy: { ...AUDITOR, unscopedParams: ['personId', 'orgUnitId'] } },
      schema: { tags, summary: '导出审计记录（Excel）', querystring: ZAuditQuery },
    },
    async (req, reply) =>
      sendXlsx(
        reply as unknown as FastifyReply,
        await runAs(req, (ctx) => exportAudit(ctx, filterOfQuery(req.query))),
      ),
  );

  r.get(
    '/audit/actions',
    {
      config: { policy: AUDITOR },
      schema: {
        tags,
        summary: '全部操作代码及其中英文名称（按类别）',
        response: {
          200: z.array(
            z.object({
              key: z.string(),
              ...ZLabels,
              actions: z.array(z.object({ code: z.string(), ...ZLabels, sensitive: z.boolean() })),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    () => svc.listAuditActions(),
  );

  r.get(
    '/audit/presets',
    {
      config: { policy: AUDITOR },
      schema: {
        tags,
        summary: '内置常用查询及其当前条数',
        response: {
          200: z.array(z.object({ key: z.string(), ...ZLabels, filter: ZAuditFilter, count: z.number() })),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => svc.listPresets(ctx)),
  );

  r.get(
    '/audit/persons',
    {
      config: { policy: AUDITOR },
      schema: {
        tags,
        summary: '按姓名查找审计记录中出现的人员',
        querystring: z.strictObject({ name: ZLine(30) }),
        response: {
          200: z.array(ZPerson.extend({ lastAt: z.string().nullable(), orgNames: z.array(z.string()) })),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => svc.lookupPersons(ctx, req.query.name)),
  );

  r.get(
    '/audit/units',
    {
      config: { policy: AUDITOR },
      schema: {
        tags,
        summary: '审计筛选用的机构（按名称）',
        querystring: z.strictObject({ q: ZLine(30, 0).optional() }),
        response: {
          200: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), path: z.string() })),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => searchUnitsForAudit(ctx, req.query.q)),
  );

  r.get(
    '/audit/events/:id/subjects',
    {
      config: { policy: { ...AUDITOR, unscopedParams: ['id'] } },
      schema: {
        tags,
        summary: '一条批量操作记录涉及的人员名单',
        params: ZIdParams,
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(500).default(100),
          offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
        }),
        response: { 200: z.object({ total: z.number(), items: z.array(ZPerson) }), ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => svc.listAuditEventSubjects(ctx, req.params.id, req.query)),
  );

  r.get(
    '/audit/saved-searches',
    {
      config: { policy: AUDITOR },
      schema: { tags, summary: '我的常用查询', response: { 200: z.array(ZSaved), ...errorResponses } },
    },
    (req) => runAs(req, (ctx) => svc.listSavedSearches(ctx)),
  );

  r.post(
    '/audit/saved-searches',
    {
      config: { policy: AUDITOR },
      schema: {
        tags,
        summary: '保存常用查询',
        body: z.strictObject({ name: ZLine(40), query: ZAuditFilter }),
        response: { 200: z.object({ id: ZId }), ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => svc.saveSearch(ctx, req.body), { write: true }),
  );

  r.delete(
    '/audit/saved-searches/:id',
    {
      config: { policy: { ...AUDITOR, unscopedParams: ['id'] } },
      schema: { tags, summary: '删除常用查询', params: ZIdParams, response: { 200: ZOk, ...errorResponses } },
    },
    (req) => runAs(req, (ctx) => svc.deleteSavedSearch(ctx, req.params.id), { write: true }),
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAs } from '../../platform/http/context.ts';
import { ADMINS } from '../../platform/http/policy.ts';
import { errorResponses, ZId, ZLine } from '../../platform/http/schemas.ts';
import { ORG_KINDS } from './org.schema.ts';
import * as org from './org.service.ts';

const ZKind = z.enum(ORG_KINDS);
const ZCode = (re: RegExp, msg: string) => z.string().trim().regex(re, msg);

export const ZUnit = z.object({
  id: z.string(),
  kind: ZKind,
  name: z.string(),
  code: z.string(),
  path: z.string(),
  parentId: z.string().nullable(),
  stage: z.string().nullable(),
  schoolType: z.string().nullable(),
  schoolCode: z.string().nullable(),
  divisionCode: z.string().nullable(),
  gradeCode: z.string().nullable(),
  subjectCode: z.string().nullable(),
  entryYear: z.number().nullable(),
  address: z.string().nullable(),
  active: z.boolean(),
  counts: z.object({ students: z.number(), teachers: z.number(), children: z.number() }),
});

const ZUnitPatch = z.strictObject({
  name: ZLine(60).optional(),
  stage: ZCode(/^[0-9]{1,2}$/, '学段代码不正确').optional(),
  schoolType: ZCode(/^[0-9]{3}$/, '办学类型代码不正确').optional(),
  subjectCode: ZCode(/^[0-9A-Z]{2,4}$/, '课程代码不正确').optional(),
  address: ZLine(120).optional(),
  entryYear: z.number().int().min(1990).max(2100).optional(),
});

const ZUnitCreate = z.strictObject({
  parentId: ZId,
  kind: ZKind.exclude(['city']),
  name: ZLine(60),
  stage: ZCode(/^[0-9]{1,2}$/, '学段代码不正确').optional(),
  schoolType: ZCode(/^[0-9]{3}$/, '办学类型代码不正确').optional(),
  schoolCode: ZCode(/^[0-9]{10}$/, '学校标识码应为10位数字').optional(),
  divisionCode: ZCode(/^[0-9]{6}$/, '行政区划代码应为6位数字').optional(),
  gradeCode: ZCode(/^[0-9]{2}$/, '年级代码应为2位数字').optional(),
  subjectCode: ZCode(/^[0-9A-Z]{2,4}$/, '课程代码不正确').optional(),
  entryYear: z.number().int().min(1990).max(2100).optional(),
  address: ZLine(120).optional(),
});

const tags = ['org'];
const idParams = z.strictObject({ id: ZId });
const readPolicy = { allow: 'session' as const, params: { id: 'org_unit' as const } };
const writePolicy = { allow: ADMINS, params: { id: 'org_unit' as const } };

export async function orgRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/org/roots',
    {
      config: { policy: { allow: 'session' } },
      schema: {
        tags,
        summary: '组织浏览的起点（按当前角色）',
        response: { 200: z.array(ZUnit), ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => org.listRoots(ctx)),
  );

  r.get(
    '/org/units',
    {
      config: { policy: { allow: 'session' } },
      schema: {
        tags,
        summary: '在可见范围内按类型查找机构',
        querystring: z.strictObject({
          kind: ZKind,
          q: ZLine(30, 0).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.array(ZUnit), ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => org.searchUnits(ctx, req.query)),
  );

  r.get(
    '/org/units/:id',
    {
      config: { policy: readPolicy },
      schema: { tags, params: idParams, response: { 200: ZUnit, ...errorResponses } },
    },
    (req) => runAs(req, (ctx) => org.getUnit(ctx, req.params.id)),
  );

  r.get(
    '/org/units/:id/children',
    {
      config: { policy: readPolicy },
      schema: { tags, params: idParams, response: { 200: z.array(ZUnit), ...errorResponses } },
    },
    (req) => runAs(req, (ctx) => org.listChildren(ctx, req.params.id)),
  );

  r.get(
    '/org/units/:id/ancestors',
    {
      config: { policy: readPolicy },
      schema: {
        tags,
        params: idParams,
        response: {
          200: z.array(z.object({ id: z.string(), kind: ZKind, name: z.string() })),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => org.listAncestors(ctx, req.params.id)),
  );

  r.post(
    '/org/units',
    {
      config: { policy: { allow: ADMINS } },
      schema: {
        tags,
        summary: '新建区县、学校、年级、班级或教学班',
        body: ZUnitCreate,
        response: { 200: ZUnit, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => org.createUnit(ctx, req.body), { write: true }),
  );

  r.patch(
    '/org/units/:id',
    {
      config: { policy: writePolicy },
      schema: { tags, params: idParams, body: ZUnitPatch, response: { 200: ZUnit, ...errorResponses } },
    },
    (req) => runAs(req, (ctx) => org.updateUnitInfo(ctx, req.params.id, req.body), { write: true }),
  );

  r.post(
    '/org/units/:id/move',
    {
      config: { policy: writePolicy },
      schema: {
        tags,
        params: idParams,
        body: z.strictObject({ parentId: ZId }),
        response: { 200: ZUnit, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => org.moveUnit(ctx, req.params.id, req.body), { write: true }),
  );

  r.post(
    '/org/units/:id/deactivate',
    {
      config: { policy: writePolicy },
      schema: { tags, params: idParams, response: { 200: ZUnit, ...errorResponses } },
    },
    (req) => runAs(req, (ctx) => org.deactivateUnit(ctx, req.params.id), { write: true }),
  );
}

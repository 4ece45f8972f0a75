import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAs } from '../../platform/http/context.ts';
import type { RoutePolicy } from '../../platform/http/policy.ts';
import { errorResponses, ZIdParams, ZLine, ZOk, ZText } from '../../platform/http/schemas.ts';
import { BANK_ROLES } from './assessment.policy.ts';
import { PAPER_STATUSES } from './bank.schema.ts';
import { ZCode, ZItem } from './bank.schemas.ts';
import { blueprintSpec } from './blueprint-model.ts';
import * as blueprints from './blueprints.service.ts';
import { paperDocument } from './paper-model.ts';
import * as svc from './papers.service.ts';

const tags = ['assessment'];
const bank: RoutePolicy = { allow: BANK_ROLES };
const onePaper: RoutePolicy = { allow: BANK_ROLES, params: { id: 'paper' } };
const oneBlueprint: RoutePolicy = { allow: BANK_ROLES, params: { id: 'blueprint' } };

const ZHeader = {
  title: ZLine(200),
  subtitle: ZLine(200, 0).nullable().optional(),
  subjectCode: ZCode,
  gradeCode: ZCode,
  minutes: z.number().int().min(1).max(600),
  navigation: z.enum(['free', 'forward_only']).optional(),
};

const ZLayout = z
  .array(
    z.strictObject({
      title: ZLine(200),
      instructions: ZText(2000, 0).optional(),
      items: z.array(z.strictObject({ itemId: z.uuid(), score: z.number().positive().max(200) })).max(200),
    }),
  )
  .max(20);

const ZPaperSummary = z.object({
  id: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
  subjectCode: z.string(),
  gradeCode: z.string(),
  minutes: z.number(),
  navigation: z.enum(['free', 'forward_only']),
  status: z.enum(PAPER_STATUSES),
  totalScore: z.number(),
  blueprintId: z.string().nullable(),
  formGroup: z.string().nullable(),
  form: z.string().nullable(),
  ownerId: z.string(),
  ownerName: z.string(),
  finalisedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const ZPaper = ZPaperSummary.extend({
  mine: z.boolean(),
  assembly: z.record(z.string(), z.unknown()).nullable(),
  document: paperDocument.nullable(),
  sections: z.array(
    z.object({
      title: z.string(),
      instructions: z.string().optional(),
      items: z.array(
        z.object({ number: z.number(), itemId: z.string(), score: z.number(), item: ZItem.nullable() }),
      ),
    }),
  ),
  figures: z.object({
    items: z.number(),
    totalScore: z.number(),
    expectedMinutes: z.number(),
    meanDifficulty: z.number().nullable(),
  }),
});

const ZBlueprint = z.object({
  id: z.string(),
  name: z.string(),
  subjectCode: z.string(),
  gradeCode: z.string(),
  spec: blueprintSpec,
  ownerId: z.string(),
  ownerName: z.string(),
  shared: z.boolean(),
  mine: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const ZBlueprintInput = {
  name: ZLine(100),
  subjectCode: ZCode,
  gradeCode: ZCode,
  spec: blueprintSpec,
  shared: z.boolean().default(false),
};

/** A3 papers by hand and blueprints kept as templates; finalising writes the paper's document. */
export async function paperRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/assessment/papers',
    {
      config: { policy: bank },
      schema: {
        tags,
        summary: '试卷列表（我的，以及管理员本单位的、教研员辖区的）',
        querystring: z.strictObject({
          mine: z.enum(['true', 'false']).optional(),
          status: z.enum(PAPER_STATUSES).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
          offset: z.coerce.number().int().min(0).max(100_000).default(0),
        }),
        response: {
          200: z.object({ total: z.number(), items: z.array(ZPaperSummary.extend({ items: z.number() })) }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => svc.listPapers(ctx, { ...req.query, mine: req.query.mine === 'true' })),
  );

  r.post(
    '/assessment/papers',
    {
      config: { policy: bank },
      schema: {
        tags,
        summary: '新建试卷（草稿）',
        body: z.strictObject(ZHeader),
        response: { 200: ZPaper, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => svc.createPaper(ctx, req.body), { write: true }),
  );

  r.get(
    '/assessment/papers/:id',
    {
      config: { policy: onePaper },
      schema: {
        tags,
        summary: '试卷：分部分的试题与分值，定稿后的试卷文档',
        params: ZIdParams,
        response: { 200: ZPaper, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => svc.getPaper(ctx, req.params.id)),
  );

  r.patch(
    '/assessment/papers/:id',
    {
      config: { policy: onePaper },
      schema: {
        tags,
        summary: '修改草稿：卷头，以及整张试卷的部分、试题顺序与分值',
        params: ZIdParams,
        body: z.strictObject({ ...ZHeader, sections: ZLayout }).partial(),
        response: { 200: ZPaper, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => svc.updatePaper(ctx, req.params.id, req.body), { write: true }),
  );

  const action = (path: string, summary: string, fn: typeof svc.finalisePaper) =>
    r.post(
      `/assessment/papers/:id/${path}`,
      {
        config: { policy: onePaper },
        schema: { tags, summary, params: ZIdParams, response: { 200: ZPaper, ...errorResponses } },
      },
      (req) => runAs(req, (ctx) => fn(ctx, req.params.id), { write: true }),
    );
  action(
    'finalise',
    '定稿：按当前内容生成试卷文档（之后题库中的修改不影响本卷），计入试题曝光次数',
    svc.finalisePaper,
  );
  action('copy', '复制为我的草稿', svc.copyPaper);

  r.post(
    '/assessment/papers/:id/delete',
    {
      config: { policy: onePaper },
      schema: { tags, summary: '删除草稿', params: ZIdParams, response: { 200: ZOk, ...errorResponses } },
    },
    (req) => runAs(req, (ctx) => svc.deletePaper(ctx, req.params.id), { write: true }),
  );

  r.get(
    '/assessment/blueprints',
    {
      config: { policy: bank },
      schema: {
        tags,
        summary: '组卷模板（双向细目表）：我的与本校共享的',
        querystring: z.strictObject({ subjectCode: ZCode.optional(), gradeCode: ZCode.optional() }),
        response: { 200: z.object({ items: z.array(ZBlueprint) }), ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => blueprints.listBlueprints(ctx, req.query)),
  );

  r.post(
    '/assessment/blueprints',
    {
      config: { policy: bank },
      schema: {
        tags,
        summary: '保存组卷模板',
        body: z.strictObject(ZBlueprintInput),
        response: { 200: ZBlueprint, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => blueprints.createBlueprint(ctx, req.body), { write: true }),
  );

  r.get(
    '/assessment/blueprints/:id',
    {
      config: { policy: oneBlueprint },
      schema: {
        tags,
        summary: '组卷模板',
        params: ZIdParams,
        response: { 200: ZBlueprint, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => blueprints.getBlueprint(ctx, req.params.id)),
  );

  r.patch(
    '/assessment/blueprints/:id',
    {
      config: { policy: oneBlueprint },
      schema: {
        tags,
        summary: '修改组卷模板（创建者）',
        params: ZIdParams,
        body: z.strictObject({ ...ZBlueprintInput, shared: z.boolean() }).partial(),
        response: { 200: ZBlueprint, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => blueprints.updateBlueprint(ctx, req.params.id, req.body), { write: true }),
  );

  r.post(
    '/assessment/blueprints/:id/delete',
    {
      config: { policy: oneBlueprint },
      schema: {
        tags,
        summary: '删除组卷模板（用它组成的试卷不受影响）',
        params: ZIdParams,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => blueprints.deleteBlueprint(ctx, req.params.id), { write: true }),
  );
}

import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAs } from '../../platform/http/context.ts';
import { sendStoredFile } from '../../platform/http/file-reply.ts';
import type { RoutePolicy } from '../../platform/http/policy.ts';
import { errorResponses, ZErrorBody, ZId, ZLine, ZOk, ZText } from '../../platform/http/schemas.ts';
import { uploadedFile } from '../../platform/http/upload.ts';
import * as qa from './questions.service.ts';
import * as ratings from './ratings.service.ts';
import { RESOURCE_AUTHORS } from './resources.policy.ts';
import { FILE_ROLES, RESOURCE_KINDS, RESOURCE_STATUSES, THEMES } from './resources.schema.ts';
import * as svc from './resources.service.ts';
import { searchResources } from './search.service.ts';
import { usageByUnit } from './stats.service.ts';

const tags = ['resources'];
const readOne: RoutePolicy = { allow: 'session', params: { id: 'resource' }, unscopedParams: ['fileId'] };
const writeOne: RoutePolicy = {
  allow: RESOURCE_AUTHORS,
  params: { id: 'resource' },
  unscopedParams: ['fileId'],
};

const ZCode = z.string().regex(/^[0-9]{2}$/, '应为两位代码');
const ZKind = z.enum(RESOURCE_KINDS);
const ZIdParams = z.strictObject({ id: ZId });
const ZFileParams = z.strictObject({ id: ZId, fileId: ZId });

const ZInput = {
  title: ZLine(100),
  description: ZText(2000, 0).optional(),
  tags: z.array(ZLine(20)).max(10).optional(),
  subjectCode: ZCode.nullable().optional(),
  gradeCode: ZCode.nullable().optional(),
  term: z
    .union([z.literal(1), z.literal(2)])
    .nullable()
    .optional(),
  lessonId: ZId.nullable().optional(),
  knowledgePointIds: z.array(ZId).max(30).optional(),
  themeCode: z.enum(THEMES).nullable().optional(),
  provider: ZLine(60).nullable().optional(),
  license: ZLine(60).nullable().optional(),
  analysis: ZText(5000).nullable().optional(),
  exercises: ZText(5000).nullable().optional(),
};

const ZSummary = z.object({
  id: z.string(),
  kind: ZKind,
  title: z.string(),
  description: z.string(),
  tags: z.array(z.string()),
  subjectCode: z.string().nullable(),
  gradeCode: z.string().nullable(),
  term: z.number().nullable(),
  lessonId: z.string().nullable(),
  themeCode: z.string().nullable(),
  provider: z.string().nullable(),
  authorId: z.string(),
  authorName: z.string(),
  unitName: z.string(),
  status: z.enum(RESOURCE_STATUSES),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
const ZFile = z.object({
  id: z.string(),
  role: z.enum(FILE_ROLES),
  fileName: z.string(),
  mime: z.string(),
  size: z.number(),
});
const ZDetail = ZSummary.extend({
  /** The viewer has finished it (R4 completions). */
  completed: z.boolean(),
  editionId: z.string().nullable(),
  license: z.string().nullable(),
  analysis: z.string().nullable(),
  exercises: z.string().nullable(),
  createdAt: z.string(),
  mine: z.boolean(),
  /**
   * The viewer may read the review record (GET /resources/:id/review): the author, a reviewer of
   * its chain, an administrator in scope. Learners never do.
   */
  reviewRecord: z.boolean(),
  files: z.array(ZFile.extend({ createdAt: z.string() })),
  knowledgePoints: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
  lesson: z
    .object({
      id: z.string(),
      title: z.string(),
      unitTitle: z.string(),
      volumeTitle: z.string(),
      edition: z.string(),
    })
    .nullable(),
});

/** R1 resources: catalogue, drafts, uploads (sniffed, size-limited, streamed) and playback with ranges. */
export async function resourceRoutes(app: FastifyInstance) {
  // Per-kind limits are enforced while streaming (storage); this only caps the multipart envelope.
  await app.register(multipart, {
    limits: { files: 1, fields: 2, parts: 3, fileSize: Number.MAX_SAFE_INTEGER },
  });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/resources',
    {
      config: { policy: { allow: 'session' } },
      schema: {
        tags,
        summary: '资源目录：已发布的资源和我自己的资源（按类型、学科、年级、课、知识点、专题筛选）',
        querystring: z.strictObject({
          kind: ZKind.optional(),
          subjectCode: ZCode.optional(),
          gradeCode: ZCode.optional(),
          lessonId: ZId.optional(),
          knowledgePointId: ZId.optional(),
          themeCode: z.enum(THEMES).optional(),
          status: z.enum(RESOURCE_STATUSES).optional(),
          mine: z.enum(['true', 'false']).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
          offset: z.coerce.number().int().min(0).max(100_000).default(0),
        }),
        response: {
          200: z.object({
            total: z.number(),
            items: z.array(ZSummary.extend({ cover: z.string().nullable() })),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => svc.listResources(ctx, { ...req.query, mine: req.query.mine === 'true' })),
  );

  r.get(
    '/resources/stats',
    {
      config: { policy: { allow: ['city_admin', 'district_admin', 'school_admin'] } },
      schema: {
        tags,
        summary: '资源建设与使用统计：按区（市级）或按学校（区级、校级）',
        response: {
          200: z.object({
            level: z.enum(['district', 'school']),
            rows: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                published: z.number(),
                pending: z.number(),
                views: z.number(),
                ratings: z.number(),
                rating: z.number().nullable(),
                usedViews: z.number(),
                usedCompletions: z.number(),
                usedDownloads: z.number(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => usageByUnit(ctx)),
  );

  r.get(
    '/resources/search',
    {
      config: { policy: { allow: 'session' } },
      schema: {
        tags,
        summary: '资源搜索：中文分词全文检索，按相关度、评分和使用量排序，附目录分面统计',
        querystring: z.strictObject({
          q: ZLine(100),
          kind: ZKind.optional(),
          subjectCode: ZCode.optional(),
          gradeCode: ZCode.optional(),
          themeCode: z.enum(THEMES).optional(),
          limit: z.coerce.number().int().min(1).max(50).default(20),
          offset: z.coerce.number().int().min(0).max(10_000).default(0),
        }),
        response: {
          200: z.object({
            total: z.number(),
            words: z.array(z.string()),
            items: z.array(
              z.object({
                id: z.string(),
                kind: ZKind,
                title: z.string(),
                description: z.string(),
                subjectCode: z.string().nullable(),
                gradeCode: z.string().nullable(),
                themeCode: z.string().nullable(),
                authorName: z.string(),
                unitName: z.string(),
                status: z.enum(RESOURCE_STATUSES),
                publishedAt: z.string().nullable(),
                views: z.number(),
                rating: z.number().nullable(),
                score: z.number(),
              }),
            ),
            facets: z.object({
              kind: z.array(z.object({ value: z.string(), count: z.number() })),
              subject: z.array(z.object({ value: z.string(), count: z.number() })),
              grade: z.array(z.object({ value: z.string(), count: z.number() })),
            }),
            /** Large result sets: total and facet counts are estimated from a sample (shown as 约). */
            estimated: z.boolean(),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => searchResources(ctx, req.query)),
  );

  r.post(
    '/resources',
    {
      config: { policy: { allow: RESOURCE_AUTHORS } },
      schema: {
        tags,
        summary: '新建资源（草稿）',
        body: z.strictObject({ kind: ZKind, ...ZInput }),
        response: { 200: ZDetail, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => svc.createResource(ctx, req.body), { write: true }),
  );

  r.get(
    '/resources/:id',
    {
      config: { policy: readOne },
      schema: { tags, summary: '资源详情', params: ZIdParams, response: { 200: ZDetail, ...errorResponses } },
    },
    (req) => runAs(req, (ctx) => svc.getResource(ctx, req.params.id)),
  );

  r.patch(
    '/resources/:id',
    {
      config: { policy: writeOne },
      schema: {
        tags,
        summary: '修改资源（作者，草稿或退回修改时）',
        params: ZIdParams,
        body: z.strictObject(ZInput).partial(),
        response: { 200: ZDetail, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => svc.updateResource(ctx, req.params.id, req.body), { write: true }),
  );

  r.post(
    '/resources/:id/files',
    {
      config: { policy: writeOne },
      schema: {
        tags,
        summary: '上传资源文件（按内容识别真实类型；超过上限或中断不留下任何数据）',
        description:
          'multipart/form-data，字段 file。视频 MP4/WebM，课件 PDF/PPTX，习题 PDF/DOCX/XLSX，封面 PNG/JPEG/WebP。',
        consumes: ['multipart/form-data'],
        params: ZIdParams,
        querystring: z.strictObject({ role: z.enum(FILE_ROLES).default('main') }),
        response: { 200: ZFile, ...errorResponses, 413: ZErrorBody, 415: ZErrorBody },
      },
    },
    async (req) => {
      const part = await uploadedFile(req, '文件');
      return runAs(
        req,
        (ctx) => svc.uploadFile(ctx, req.params.id, req.query.role, part.filename, part.file),
        {
          write: true,
        },
      );
    },
  );

  r.post(
    '/resources/:id/files/:fileId/delete',
    {
      config: { policy: writeOne },
      schema: {
        tags,
        summary: '删除资源文件',
        params: ZFileParams,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => svc.removeFile(ctx, req.params.id, req.params.fileId), { write: true }),
  );

  r.get(
    '/resources/:id/files/:fileId',
    {
      config: { policy: readOne },
      schema: {
        tags,
        summary: '播放或预览资源文件（支持 HTTP Range，视频可拖动）',
        params: ZFileParams,
        response: { ...errorResponses, 416: ZErrorBody },
      },
    },
    async (req, typedReply) => {
      // A byte stream, not a JSON body: the schema above documents only the errors.
      const reply = typedReply as unknown as FastifyReply;
      // Counts a view of the main file: a write.
      const { file, range, stream } = await runAs(
        req,
        (ctx) => svc.openFile(ctx, req.params.id, req.params.fileId, req.headers.range),
        { write: true, syncCaches: false },
      );
      return sendStoredFile(reply, file, range, stream);
    },
  );

  r.get(
    '/resources/:id/questions',
    {
      config: { policy: readOne },
      schema: {
        tags,
        summary: '互动答疑：提问与回答',
        params: ZIdParams,
        response: {
          200: z.object({
            canAnswer: z.boolean(),
            questions: z.array(
              z.object({
                id: z.string(),
                body: z.string(),
                createdAt: z.string(),
                askerName: z.string(),
                mine: z.boolean(),
                answers: z.array(
                  z.object({
                    id: z.string(),
                    body: z.string(),
                    createdAt: z.string(),
                    answererName: z.string(),
                  }),
                ),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => qa.listQuestions(ctx, req.params.id)),
  );

  r.post(
    '/resources/:id/questions',
    {
      config: { policy: { allow: 'session', params: { id: 'resource' } } },
      schema: {
        tags,
        summary: '提问（资源发布后；作者会收到通知）',
        params: ZIdParams,
        body: z.strictObject({ body: ZText(1000) }),
        response: { 200: z.object({ id: z.string() }), ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => qa.ask(ctx, req.params.id, req.body.body), { write: true }),
  );

  r.post(
    '/resources/:id/questions/:questionId/answers',
    {
      config: {
        policy: {
          allow: RESOURCE_AUTHORS,
          params: { id: 'resource' },
          unscopedParams: ['questionId'],
        },
      },
      schema: {
        tags,
        summary: '回答（作者或本学科教师；提问者会收到通知）',
        params: z.strictObject({ id: ZId, questionId: ZId }),
        body: z.strictObject({ body: ZText(2000) }),
        response: { 200: z.object({ id: z.string() }), ...errorResponses },
      },
    },
    (req) =>
      runAs(req, (ctx) => qa.answer(ctx, req.params.id, req.params.questionId, req.body.body), {
        write: true,
      }),
  );

  const ZRatings = z.object({
    count: z.number(),
    average: z.number().nullable(),
    views: z.number(),
    mine: z.number().nullable(),
    comments: z.array(z.object({ name: z.string(), stars: z.number(), comment: z.string(), at: z.string() })),
  });

  r.get(
    '/resources/:id/ratings',
    {
      config: { policy: readOne },
      schema: {
        tags,
        summary: '评分、浏览量与评价',
        params: ZIdParams,
        response: { 200: ZRatings, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => ratings.summary(ctx, req.params.id)),
  );

  r.post(
    '/resources/:id/ratings',
    {
      config: { policy: { allow: 'session', params: { id: 'resource' } } },
      schema: {
        tags,
        summary: '评分（1–5 星）和评价；再次评分覆盖原来的',
        params: ZIdParams,
        body: z.strictObject({ stars: z.number().int().min(1).max(5), comment: ZText(500, 0).default('') }),
        response: { 200: ZRatings, ...errorResponses },
      },
    },
    (req) =>
      runAs(req, (ctx) => ratings.rate(ctx, req.params.id, req.body.stars, req.body.comment), {
        write: true,
      }),
  );
}

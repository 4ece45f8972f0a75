import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAs } from '../../platform/http/context.ts';
import { sendStoredFile } from '../../platform/http/file-reply.ts';
import { ADMINS } from '../../platform/http/policy.ts';
import { errorResponses, ZErrorBody, ZId, ZIdParams, ZOk, ZText } from '../../platform/http/schemas.ts';
import { openFile } from './resources.service.ts';
import { decide, flagForRetirement, listPending } from './retirement.service.ts';
import { complete } from './use.service.ts';

const tags = ['resources'];

/** R4 quality loop: completions, downloads, and the retirement of low-rated or unused resources. */
export async function resourceUseRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/resources/:id/complete',
    {
      config: { policy: { allow: 'session', params: { id: 'resource' } } },
      schema: {
        tags,
        summary: '学完了：视频播放到结尾，或文档标记为已学完（每人计一次）',
        params: ZIdParams,
        response: { 200: z.object({ completed: z.literal(true) }), ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => complete(ctx, req.params.id), { write: true }),
  );

  r.get(
    '/resources/:id/files/:fileId/download',
    {
      config: { policy: { allow: 'session', params: { id: 'resource' }, unscopedParams: ['fileId'] } },
      schema: {
        tags,
        summary: '下载资源文件（计入下载量）',
        params: z.strictObject({ id: ZId, fileId: ZId }),
        response: { ...errorResponses, 416: ZErrorBody },
      },
    },
    async (req, typedReply) => {
      const reply = typedReply as unknown as FastifyReply;
      // Counts the download: a write.
      const { file, range, stream } = await runAs(
        req,
        (ctx) => openFile(ctx, req.params.id, req.params.fileId, req.headers.range, true),
        { write: true, syncCaches: false },
      );
      return sendStoredFile(reply, file, range, stream, 'attachment');
    },
  );

  r.get(
    '/resources/retirements',
    {
      config: { policy: { allow: ADMINS } },
      schema: {
        tags,
        summary: '待下架确认：定时检查标出的低评分或长期无人使用的资源',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                resourceId: z.string(),
                title: z.string(),
                kind: z.string(),
                authorName: z.string(),
                unitName: z.string(),
                reason: z.enum(['low_rating', 'unused']),
                details: z.record(z.string(), z.unknown()),
                flaggedAt: z.string(),
                views: z.number(),
                rating: z.number().nullable(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => listPending(ctx)),
  );

  r.post(
    '/resources/:id/retirement',
    {
      config: { policy: { allow: ADMINS, params: { id: 'resource' } } },
      schema: {
        tags,
        summary: '确认下架或保留（资源所属单位的管理员）',
        params: ZIdParams,
        body: z.strictObject({ action: z.enum(['retire', 'keep']), note: ZText(200, 0).default('') }),
        response: { 200: ZOk, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => decide(ctx, req.params.id, req.body.action, req.body.note), { write: true }),
  );

  r.post(
    '/resources/retirements/run',
    {
      config: { policy: { allow: ['city_admin'] } },
      schema: {
        tags,
        summary: '立即运行下架检查（平时每天自动运行）',
        response: { 200: z.object({ flagged: z.number() }), ...errorResponses },
      },
    },
    (req) =>
      runAs(
        req,
        async (ctx) => {
          const res = await flagForRetirement(ctx.db);
          await ctx.audit({ action: 'resource.retirement.run', details: { flagged: res?.flagged ?? 0 } });
          return { flagged: res?.flagged ?? 0 };
        },
        { write: true },
      ),
  );
}

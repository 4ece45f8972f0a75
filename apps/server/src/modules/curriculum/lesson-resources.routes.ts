import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAs } from '../../platform/http/context.ts';
import { errorResponses, ZIdParams } from '../../platform/http/schemas.ts';
import { RESOURCE_KINDS } from '../resources/resources.schema.ts';
import { listLessonResources } from './lesson-resources.service.ts';

/** A lesson's published resources, beside its knowledge points in the curriculum. */
export async function lessonResourceRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/curriculum/lessons/:id/resources',
    {
      // A lesson is catalogue data; the resources are filtered by the resources module's visibility.
      config: { policy: { allow: 'session', unscopedParams: ['id'] } },
      schema: {
        tags: ['curriculum'],
        summary: '一课的已发布资源（最新的在前；不含草稿和审核中的资源）',
        params: ZIdParams,
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(100).default(20),
          offset: z.coerce.number().int().min(0).max(100_000).default(0),
        }),
        response: {
          200: z.object({
            total: z.number(),
            items: z.array(
              z.object({
                id: z.string(),
                kind: z.enum(RESOURCE_KINDS),
                title: z.string(),
                authorName: z.string(),
                unitName: z.string(),
                publishedAt: z.string().nullable(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => listLessonResources(ctx, req.params.id, req.query)),
  );
}

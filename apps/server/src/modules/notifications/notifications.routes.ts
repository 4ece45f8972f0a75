import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAs } from '../../platform/http/context.ts';
import { errorResponses, ZId, ZOk } from '../../platform/http/schemas.ts';
import { listMine, markRead } from './notifications.service.ts';

/** The bell menu: one's own messages only. */
export async function notificationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/notifications',
    {
      config: { policy: { allow: 'session' } },
      schema: {
        tags: ['notifications'],
        summary: '我的消息（最近 50 条）与未读数',
        response: {
          200: z.object({
            unread: z.number(),
            items: z.array(
              z.object({
                id: z.string(),
                kind: z.string(),
                title: z.string(),
                body: z.string(),
                link: z.string().nullable(),
                readAt: z.string().nullable(),
                createdAt: z.string(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => listMine(ctx)),
  );
  r.post(
    '/notifications/:id/read',
    {
      // A message id names only the caller's own message; the service matches it to the caller.
      config: { policy: { allow: 'session', unscopedParams: ['id'] } },
      schema: {
        tags: ['notifications'],
        summary: '标记为已读',
        params: z.strictObject({ id: ZId }),
        response: { 200: ZOk, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => markRead(ctx, req.params.id), { write: true }),
  );
}

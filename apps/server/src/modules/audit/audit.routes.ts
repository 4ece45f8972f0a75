import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAs } from '../../platform/http/context.ts';
import { errorResponses, ZId } from '../../platform/http/schemas.ts';
import { searchAudit } from './audit.service.ts';

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
  orgPath: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.unknown(),
});

/** Audit search for the audit administrator (审计管理员) only: read-only, over the whole trail. */
export async function auditRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/audit',
    {
      // The audit administrator reads the whole trail: its filters name no scope.
      config: { policy: { allow: ['auditor'], unscopedParams: ['personId', 'orgUnitId'] } },
      schema: {
        tags: ['audit'],
        summary: '审计日志检索（按人员、操作、机构、时间）',
        querystring: z.strictObject({
          personId: ZId.optional(),
          action: z
            .string()
            .trim()
            .regex(/^[a-z_.]{1,60}$/, '操作名称格式不正确')
            .optional(),
          outcome: z.enum(['success', 'failure', 'denied']).optional(),
          orgUnitId: ZId.optional(),
          from: z.iso.datetime({ offset: true }).optional(),
          to: z.iso.datetime({ offset: true }).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
        }),
        response: { 200: z.object({ total: z.number(), items: z.array(ZEntry) }), ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => searchAudit(ctx, req.query)),
  );
}

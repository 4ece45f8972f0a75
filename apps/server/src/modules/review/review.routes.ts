import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAs } from '../../platform/http/context.ts';
import { errorResponses, ZId, ZLine, ZOk, ZText } from '../../platform/http/schemas.ts';
import { RESOURCE_AUTHORS, RESOURCE_REVIEWERS } from '../resources/resources.policy.ts';
import { RESOURCE_KINDS } from '../resources/resources.schema.ts';
import * as svc from './review.service.ts';

const tags = ['review'];
const ZParams = z.strictObject({ id: ZId });
const ZComment = ZText(1000, 0);

/** R3 六审: submission, decisions at each step, reviewers' queues and the history of a resource. */
export async function reviewRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/resources/:id/submit',
    {
      config: { policy: { allow: RESOURCE_AUTHORS, params: { id: 'resource' } } },
      schema: {
        tags,
        summary: '提交审核（退回修改后再次提交时，回到退回它的那一步）',
        params: ZParams,
        body: z.strictObject({ comment: ZComment.optional() }),
        response: { 200: ZOk, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => svc.submit(ctx, req.params.id, req.body.comment), { write: true }),
  );

  r.post(
    '/resources/:id/review',
    {
      config: { policy: { allow: RESOURCE_REVIEWERS, params: { id: 'resource' } } },
      schema: {
        tags,
        summary: '审核当前步骤：通过、不通过（须说明理由）或退回修改',
        params: ZParams,
        body: z.strictObject({
          action: z.enum(['approve', 'reject', 'return']),
          comment: ZComment.default(''),
          score: z.number().int().min(0).max(100).optional(),
        }),
        response: { 200: ZOk, ...errorResponses },
      },
    },
    (req) =>
      runAs(req, (ctx) => svc.decide(ctx, req.params.id, req.body.action, req.body.comment, req.body.score), {
        write: true,
      }),
  );

  r.get(
    '/resources/:id/review',
    {
      config: { policy: { allow: 'session', params: { id: 'resource' } } },
      schema: {
        tags,
        summary: '审核流程与完整历史（仅资源作者、该流程的审核人员和范围内的管理员；其他人 403）',
        params: ZParams,
        response: {
          200: z.object({
            steps: z.array(z.string()),
            currentStep: z.number().nullable(),
            status: z.string().nullable(),
            canDecide: z.boolean(),
            events: z.array(
              z.object({
                step: z.number(),
                stepName: z.string(),
                action: z.string(),
                actorName: z.string(),
                actorRole: z.string(),
                comment: z.string(),
                score: z.number().nullable(),
                at: z.string(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => svc.history(ctx, req.params.id)),
  );

  r.get(
    '/reviews/queue',
    {
      config: { policy: { allow: RESOURCE_REVIEWERS } },
      schema: {
        tags,
        summary: '待我审核：在当前步骤等待了多久（自到达该步骤起），超期的在前',
        response: {
          200: z.array(
            z.object({
              reviewId: z.string(),
              resourceId: z.string(),
              title: z.string(),
              kind: z.string(),
              authorName: z.string(),
              unitName: z.string(),
              currentStep: z.number(),
              stepName: z.string(),
              stepCount: z.number(),
              /** When the item arrived at its current step (not when it was first submitted). */
              stepStartedAt: z.string(),
              /** Minutes it has waited at its current step. */
              waitedMinutes: z.number().int(),
              /** The step's limit in days (the chain's, or the default when it sets none). */
              dueDays: z.number(),
              dueAt: z.string(),
              overdue: z.boolean(),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => svc.queue(ctx)),
  );

  const ZStep = z.strictObject({
    name: ZLine(30),
    roles: z
      .array(z.enum(['author', 'expert', 'school_admin', 'researcher', 'district_admin', 'city_admin']))
      .min(1)
      .max(3),
    level: z.enum(['author', 'school', 'district', 'city', 'district_or_city']),
    dueDays: z.number().int().min(0).max(60),
  });
  const BUREAU = ['city_admin', 'district_admin'] as const;
  const ZStepOut = z.object({
    name: z.string(),
    roles: z.array(z.string()),
    level: z.string(),
    dueDays: z.number(),
  });

  r.get(
    '/review-chains',
    {
      config: { policy: { allow: BUREAU } },
      schema: {
        tags,
        summary: '适用于本单位的审核流程（上级、本级、下级）',
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              kind: z.string().nullable(),
              unitName: z.string(),
              mine: z.boolean(),
              steps: z.array(ZStepOut),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => svc.listChains(ctx)),
  );

  r.post(
    '/review-chains',
    {
      config: { policy: { allow: BUREAU } },
      schema: {
        tags,
        summary: '为本单位配置审核流程（某类资源或全部），本单位以下优先于上级流程',
        body: z.strictObject({
          name: ZLine(40),
          kind: z.enum(RESOURCE_KINDS).nullable(),
          steps: z.array(ZStep).min(1).max(8),
        }),
        response: { 200: z.object({ id: z.string() }), ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => svc.createChain(ctx, req.body), { write: true }),
  );

  r.post(
    '/review-chains/:id/deactivate',
    {
      // A chain id names no one's data; the service only touches chains of the actor's own unit.
      config: { policy: { allow: BUREAU, unscopedParams: ['id'] } },
      schema: {
        tags,
        summary: '停用本单位的审核流程',
        params: ZParams,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => svc.deactivateChain(ctx, req.params.id), { write: true }),
  );
}

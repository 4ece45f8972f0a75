import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAs } from '../../platform/http/context.ts';
import type { RoutePolicy } from '../../platform/http/policy.ts';
import { errorResponses, ZErrorBody, ZIdParams } from '../../platform/http/schemas.ts';
import * as svc from './assembly.service.ts';
import { BANK_ROLES } from './assessment.policy.ts';
import { ZCode } from './bank.schemas.ts';
import { blueprintSpec } from './blueprint-model.ts';
import { ZPaper } from './papers.routes.ts';

const tags = ['assessment'];
const bank: RoutePolicy = { allow: BANK_ROLES };
const onePaper: RoutePolicy = { allow: BANK_ROLES, params: { id: 'paper' } };
const oneBlueprint: RoutePolicy = { allow: BANK_ROLES, params: { id: 'blueprint' } };

/** 422: the blueprint cannot be met (`details.conflicts`), the solve ran out of time, or no item fits. */
const responses = { ...errorResponses, 422: ZErrorBody };

const ZForms = {
  /** 1: one paper; 2: A/B 卷. */
  forms: z.union([z.literal(1), z.literal(2)]).default(1),
  /** Items A and B may share (default a fifth of the paper). */
  maxOverlap: z.number().int().min(0).max(200).optional(),
};

const ZAssembled = z.object({
  papers: z.array(z.object({ id: z.string(), title: z.string(), form: z.string().nullable() })),
  status: z.string(),
  seconds: z.number(),
  meanDifficulty: z.array(z.number()),
});

/** `runAs` bound to the request, for a use case that reads, solves outside any transaction, then writes. */
const runner =
  (req: FastifyRequest): svc.Runner =>
  (fn, opts) =>
    runAs(req, fn, opts);

/** A3: automatic test assembly from a 双向细目表, and 换一题 on an assembled draft. */
export async function assemblyRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/assessment/assembly',
    {
      config: { policy: bank },
      schema: {
        tags,
        summary: '按细目表自动组卷（不保存模板）：生成草稿试卷，或 A/B 卷；无法组卷时说明冲突的要求',
        body: z.strictObject({ subjectCode: ZCode, gradeCode: ZCode, spec: blueprintSpec, ...ZForms }),
        response: { 200: ZAssembled, ...responses },
      },
    },
    (req) => svc.assemblePapers(runner(req), req.body),
  );

  r.post(
    '/assessment/blueprints/:id/assemble',
    {
      config: { policy: oneBlueprint },
      schema: {
        tags,
        summary: '用组卷模板自动组卷：生成草稿试卷，或 A/B 卷',
        params: ZIdParams,
        body: z.strictObject(ZForms),
        response: { 200: ZAssembled, ...responses },
      },
    },
    (req) => svc.assembleTemplate(runner(req), req.params.id, req.body),
  );

  r.post(
    '/assessment/papers/:id/swap',
    {
      config: { policy: onePaper },
      schema: {
        tags,
        summary: '换一题：把草稿中的一道题换成满足细目表全部要求的最相近的题',
        params: ZIdParams,
        body: z.strictObject({ itemId: z.uuid(), avoid: z.array(z.uuid()).max(200).optional() }),
        response: { 200: z.object({ replacement: z.string(), paper: ZPaper }), ...responses },
      },
    },
    (req) => svc.swapPaperItem(runner(req), req.params.id, req.body),
  );
}

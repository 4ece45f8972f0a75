import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAs } from '../../platform/http/context.ts';
import { sendDownload } from '../../platform/http/file-reply.ts';
import type { RoutePolicy } from '../../platform/http/policy.ts';
import { errorResponses, ZIdParams } from '../../platform/http/schemas.ts';
import { BANK_ROLES } from './assessment.policy.ts';
import * as svc from './paper-print.service.ts';

const tags = ['assessment'];
/**
 * The paper's scope (its owner, administrators of its unit, researchers above it). Learners are
 * not among the bank's roles: no student or parent reaches a paper's key through these routes.
 */
const onePaper: RoutePolicy = { allow: BANK_ROLES, params: { id: 'paper' } };
const ZSize = z.enum(['A4', 'A3']).default('A4');

/**
 * Loads in the request's transaction, renders after it (seconds of Chromium hold no connection),
 * and sends the file: a download, or the preview shown in the page.
 */
async function sendPrint(req: FastifyRequest, reply: unknown, id: string, want: svc.PrintWant) {
  const job = await runAs(req, (ctx) => svc.preparePaperPrint(ctx, id, want));
  const file = await svc.renderPaperPrint(req.server.deps.storage, job);
  return sendDownload(reply as FastifyReply, file, want.format === 'png' ? 'inline' : 'attachment');
}

/** Printing a paper: PDF (A4, A3 two columns with 密封线) and .docx, its key, and a preview. */
export async function paperPrintRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/assessment/papers/:id/print',
    {
      config: { policy: onePaper },
      schema: {
        tags,
        summary: '下载试卷：PDF（A4，或 A3 横向双栏带密封线）或 Word；草稿打印为带“草稿”标记的预览',
        params: ZIdParams,
        querystring: z.strictObject({ format: z.enum(['pdf', 'docx']).default('pdf'), size: ZSize }),
        response: { ...errorResponses },
      },
    },
    (req, reply) => sendPrint(req, reply, req.params.id, { part: 'paper', ...req.query }),
  );

  r.get(
    '/assessment/papers/:id/key',
    {
      config: { policy: onePaper },
      schema: {
        tags,
        summary: '下载参考答案及评分标准（PDF 或 Word，A4）；每次下载记入审计日志',
        params: ZIdParams,
        querystring: z.strictObject({ format: z.enum(['pdf', 'docx']).default('pdf') }),
        response: { ...errorResponses },
      },
    },
    (req, reply) => sendPrint(req, reply, req.params.id, { part: 'key', format: req.query.format }),
  );

  r.get(
    '/assessment/papers/:id/preview.png',
    {
      config: { policy: onePaper },
      schema: {
        tags,
        summary: '试卷第一页的打印预览（PNG）',
        params: ZIdParams,
        querystring: z.strictObject({ size: ZSize }),
        response: { ...errorResponses },
      },
    },
    (req, reply) =>
      sendPrint(req, reply, req.params.id, { part: 'paper', format: 'png', size: req.query.size }),
  );
}

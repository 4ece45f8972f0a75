import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAs } from '../../platform/http/context.ts';
import { errorResponses, ZId, ZIdParams } from '../../platform/http/schemas.ts';
import { answerValue, itemContent, leafItem, ZPracticeItem } from './item-model.ts';
import * as notebook from './notebook.service.ts';

const tags = ['notebook'];

const ZEntry = z.object({
  id: z.string(),
  subjectCode: z.string(),
  knowledgePoints: z.array(z.object({ id: z.string(), name: z.string() })),
  source: z.string().nullable(),
  number: z.number().nullable(),
  part: z.number(),
  stimulus: z.string().nullable(),
  item: leafItem.nullable(),
  answer: answerValue.nullable(),
  score: z.number().nullable(),
  maxScore: z.number().nullable(),
  correctSimilar: z.number(),
  needed: z.number(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
});
const ZEntries = z.object({ items: z.array(ZEntry) });

/** 错题本 (A6): the student's notebook, "练一练", and the summary for guardians and teachers. */
export async function notebookRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/notebook',
    {
      config: { policy: { allow: ['student'] } },
      schema: {
        tags,
        summary: '我的错题本：成绩发布后的错题，附正确答案与解析',
        response: { 200: ZEntries, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => notebook.getMyNotebook(ctx)),
  );

  r.get(
    '/notebook/print.pdf',
    {
      config: { policy: { allow: ['student'] } },
      schema: { tags, summary: '打印错题本（PDF，A4）：待巩固的错题，附我的答案、正确答案与解析' },
    },
    async (req, reply) => {
      const file = await runAs(req, (ctx) => notebook.printMyNotebook(ctx));
      return (reply as unknown as FastifyReply)
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="notebook.pdf"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .header('cache-control', 'no-store')
        .send(file.bytes);
    },
  );

  r.get(
    '/notebook/mistakes/:id/practice',
    {
      config: { policy: { allow: ['student'], params: { id: 'mistake' } } },
      schema: {
        tags,
        summary: '练一练：抽一道同知识点、难度相近的题（不含答案）',
        params: ZIdParams,
        response: {
          200: z.object({ correctSimilar: z.number(), needed: z.number(), item: ZPracticeItem.nullable() }),
          ...errorResponses,
        },
      },
    },
    // Draws an item and records it as served (never served twice): a write.
    (req) => runAs(req, (ctx) => notebook.drawPractice(ctx, req.params.id), { write: true }),
  );

  r.post(
    '/notebook/mistakes/:id/practice',
    {
      config: { policy: { allow: ['student'], params: { id: 'mistake' } } },
      schema: {
        tags,
        summary: '提交练一练的答案：立即判分；答对两道同类题后这道错题即为已掌握',
        params: ZIdParams,
        body: z.strictObject({ itemId: ZId, value: answerValue }),
        response: {
          200: z.object({
            correct: z.boolean(),
            solution: itemContent,
            correctSimilar: z.number(),
            needed: z.number(),
            closed: z.boolean(),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => notebook.answerPractice(ctx, req.params.id, req.body), { write: true }),
  );

  r.get(
    '/notebook/students/:id/summary',
    {
      config: {
        policy: { allow: ['student', 'parent', 'teacher', 'head_teacher'], params: { id: 'student' } },
      },
      schema: {
        tags,
        summary: '错题本汇总：各学科与知识点的错题数，本月新增与已掌握（只含本人，不排名）',
        params: ZIdParams,
        response: {
          200: z.object({
            month: z.string(),
            /** Whether the viewer may open the entries (the student; a guardian of a child under 14). */
            entriesVisible: z.boolean(),
            open: z.number(),
            openedThisMonth: z.number(),
            closedThisMonth: z.number(),
            subjects: z.array(
              z.object({
                subjectCode: z.string(),
                open: z.number(),
                openedThisMonth: z.number(),
                closedThisMonth: z.number(),
              }),
            ),
            knowledgePoints: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                subjectCode: z.string(),
                open: z.number(),
                total: z.number(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => notebook.notebookSummary(ctx, req.params.id)),
  );

  r.get(
    '/notebook/students/:id',
    {
      config: { policy: { allow: ['parent'], params: { id: 'student' } } },
      schema: {
        tags,
        summary: '孩子的错题（不满 14 周岁的孩子；已满 14 周岁只提供汇总）',
        params: ZIdParams,
        response: { 200: ZEntries, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => notebook.childNotebook(ctx, req.params.id)),
  );
}

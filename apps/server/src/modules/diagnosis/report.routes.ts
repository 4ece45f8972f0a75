import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAs } from '../../platform/http/context.ts';
import { errorResponses, ZIdParams } from '../../platform/http/schemas.ts';
import { sendXlsx } from '../../platform/xlsx/xlsx-reply.ts';
import { REPORT_READERS } from './diagnosis.policy.ts';
import { ZLevel, ZSubjectQuery } from './diagnosis.schemas.ts';
import { studentReport, studentReportWorkbook } from './report.service.ts';

const ZBrief = z.object({ id: z.string(), name: z.string(), p: z.number(), level: ZLevel });
const ZCounts = z.object({ weak: z.number(), developing: z.number(), mastered: z.number() });

/** No ranking and no classmate appears in it: it is the same for staff, the student and guardians. */
const ZReport = z.object({
  student: z.object({ id: z.string(), name: z.string(), className: z.string() }),
  subjects: z.array(z.object({ code: z.string(), points: z.number() })),
  subject: z.string().nullable(),
  summary: ZCounts.extend({ points: z.number() }),
  strongest: z.array(ZBrief),
  weakest: z.array(ZBrief),
  progress: z.object({
    days: z.number(),
    practised: z.number(),
    improved: z.number(),
    declined: z.number(),
    newPoints: z.number(),
  }),
  strands: z.array(
    z.object({
      strand: z.string(),
      mean: z.number(),
      level: ZLevel,
      counts: ZCounts,
      points: z.array(
        z.object({
          id: z.string(),
          code: z.string(),
          name: z.string(),
          strand: z.string(),
          p: z.number(),
          level: ZLevel,
          correct: z.number(),
          wrong: z.number(),
          lastAt: z.string(),
          before: z.number().nullable(),
          causes: z.array(z.string()),
        }),
      ),
    }),
  ),
});

/** A student's mastery report (学情报告): the student, their guardians, staff who see the student. */
export async function reportRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { policy: { allow: REPORT_READERS, params: { id: 'student' as const } } };
  r.get(
    '/students/:id/mastery-report',
    {
      config,
      schema: {
        tags: ['diagnosis'],
        summary: '学生学情报告：各领域、知识点的掌握情况、薄弱点归因与近 30 天变化（不含排名）',
        params: ZIdParams,
        querystring: ZSubjectQuery,
        response: { 200: ZReport, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => studentReport(ctx, req.params.id, req.query.subject)),
  );
  r.get(
    '/students/:id/mastery-report/export',
    {
      config,
      schema: {
        tags: ['diagnosis'],
        summary: '导出学生学情报告（.xlsx）',
        params: ZIdParams,
        querystring: ZSubjectQuery,
        response: errorResponses,
      },
    },
    async (req, reply) =>
      sendXlsx(
        reply,
        await runAs(req, (ctx) => studentReportWorkbook(ctx, req.params.id, req.query.subject)),
      ),
  );
}

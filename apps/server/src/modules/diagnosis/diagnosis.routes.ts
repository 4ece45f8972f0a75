import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { runAs } from '../../platform/http/context.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import { sendXlsx } from '../../platform/xlsx/xlsx-reply.ts';
import { HEATMAP_READERS, REPORT_READERS } from './diagnosis.policy.ts';
import {
  ZClassHeatmap,
  ZClassParams,
  ZClassPoint,
  ZClassPointParams,
  ZStudentPoint,
  ZStudentPointParams,
  ZSubjectQuery,
} from './diagnosis.schemas.ts';
import { classHeatmap, classHeatmapWorkbook, classPoint, studentPoint } from './heatmap.service.ts';
import { reportRoutes } from './report.routes.ts';
import { rollupRoutes } from './rollup.routes.ts';

/** The mastery views (学情诊断, issue 11 §5): class heatmap, a point for the class, a cell explained. */
export async function diagnosisRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const classPolicy = { policy: { allow: HEATMAP_READERS, params: { classId: 'masteryClass' as const } } };
  r.get(
    '/classes/:classId/mastery',
    {
      config: classPolicy,
      schema: {
        tags: ['diagnosis'],
        summary: '学情热力图：班级学生 × 知识点的掌握度（最薄弱的知识点在前）',
        params: ZClassParams,
        querystring: ZSubjectQuery,
        response: { 200: ZClassHeatmap, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => classHeatmap(ctx, req.params.classId, req.query.subject)),
  );
  r.get(
    '/classes/:classId/mastery/export',
    {
      config: classPolicy,
      schema: {
        tags: ['diagnosis'],
        summary: '导出学情热力图（.xlsx，掌握度百分比按等级着色）',
        params: ZClassParams,
        querystring: ZSubjectQuery,
        response: errorResponses,
      },
    },
    async (req, reply) =>
      sendXlsx(
        reply,
        await runAs(req, (ctx) => classHeatmapWorkbook(ctx, req.params.classId, req.query.subject)),
      ),
  );
  r.get(
    '/classes/:classId/mastery/:kpId',
    {
      config: {
        policy: { allow: HEATMAP_READERS, params: { classId: 'masteryClass' }, unscopedParams: ['kpId'] },
      },
      schema: {
        tags: ['diagnosis'],
        summary: '班级在一个知识点上的学情：薄弱学生与先修知识的掌握情况',
        params: ZClassPointParams,
        response: { 200: ZClassPoint, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => classPoint(ctx, req.params.classId, req.params.kpId)),
  );
  r.get(
    '/students/:id/mastery/:kpId',
    {
      config: { policy: { allow: REPORT_READERS, params: { id: 'student' }, unscopedParams: ['kpId'] } },
      schema: {
        tags: ['diagnosis'],
        summary: '学生在一个知识点上的掌握度及其解释（作答事实、模型贡献、先修知识盲点归因）',
        params: ZStudentPointParams,
        response: { 200: ZStudentPoint, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => studentPoint(ctx, req.params.id, req.params.kpId)),
  );
  await app.register(reportRoutes);
  await app.register(rollupRoutes);
}

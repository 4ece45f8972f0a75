import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAs } from '../../platform/http/context.ts';
import { ADMINS } from '../../platform/http/policy.ts';
import { errorResponses, ZErrorBody, ZId, ZText } from '../../platform/http/schemas.ts';
import { uploadedFile } from '../../platform/http/upload.ts';
import { MAX_FILE_BYTES } from '../../platform/xlsx/xlsx-file.ts';
import { sendXlsx } from '../../platform/xlsx/xlsx-reply.ts';
import { downloadTemplate, exportRoster } from './export.service.ts';
import {
  decideExport,
  fetchApprovedExport,
  listExportRequests,
  requestExport,
} from './export-request.service.ts';
import {
  downloadErrorWorkbook,
  getImportJob,
  purgeExpiredFiles,
  queueImport,
  startImport,
} from './import-job.service.ts';
import { importsSettled } from './import-runner.ts';
import { EXPORT_STATUSES, IMPORT_KINDS, JOB_STATUSES } from './roster-import.schema.ts';

const tags = ['roster-import'];
const ZKind = z.enum(IMPORT_KINDS, { message: '类型应为 schools、classes、teachers、students 或 parents' });

const ZJob = z.object({
  id: z.string(),
  kind: ZKind,
  status: z.enum(JOB_STATUSES),
  fileName: z.string().nullable(),
  total: z.number(),
  processed: z.number(),
  errors: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })),
  /** All errors found; `errors` lists the first 1,000 (the annotated workbook has them all). */
  errorCount: z.number(),
  summary: z.object({ created: z.number(), updated: z.number(), unchanged: z.number() }),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

/**
 * An import job is not an org entity the central guard can check; the service shows it only to its
 * creator and to admins whose scope contains the creator's unit (tested in roster-import.test.ts).
 */
const jobPolicy = { allow: ADMINS, unscopedParams: ['id'] };

const fileErrors = { ...errorResponses, 413: ZErrorBody, 415: ZErrorBody };

/** Roster import and export (P8): .xlsx templates, background imports with progress, exports. */
export async function rosterImportRoutes(app: FastifyInstance) {
  await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 4, parts: 5 } });
  app.addHook('onClose', async (instance) => importsSettled(instance.deps));
  // Uploaded workbooks past retention go at start too, not only when someone uploads or polls.
  app.addHook('onReady', async () => {
    try {
      await purgeExpiredFiles(app.deps, true);
    } catch (err) {
      app.log.warn({ err }, 'purging expired import workbooks failed');
    }
  });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/roster/templates/:kind',
    {
      config: { policy: { allow: ADMINS, unscopedParams: ['kind'] } },
      schema: {
        tags,
        summary: '下载导入模板（.xlsx，含填写说明与代码表）',
        params: z.strictObject({ kind: ZKind }),
        response: errorResponses,
      },
    },
    async (req, reply) => sendXlsx(reply, await runAs(req, (ctx) => downloadTemplate(ctx, req.params.kind))),
  );

  r.post(
    '/roster/imports',
    {
      config: { policy: { allow: ADMINS } },
      schema: {
        tags,
        summary: '上传 .xlsx 开始导入（后台校验并导入，返回任务，可轮询进度）',
        description: 'multipart/form-data，字段 file 为一个 .xlsx 文件（不超过 10 MB）。',
        consumes: ['multipart/form-data'],
        querystring: z.strictObject({ kind: ZKind }),
        response: { 202: ZJob, ...fileErrors },
      },
    },
    async (req, reply) => {
      const part = await uploadedFile(req, ' .xlsx 文件');
      const file = await part.toBuffer();
      const { job, spec } = await runAs(
        req,
        (ctx) => startImport(ctx, { kind: req.query.kind, fileName: part.filename, file }),
        { write: true },
      );
      if (spec) queueImport(req.server.deps, spec, req.log);
      return reply.status(202).send(job);
    },
  );

  r.get(
    '/roster/imports/:id',
    {
      config: { policy: jobPolicy },
      schema: {
        tags,
        summary: '导入任务状态、进度与错误清单',
        params: z.strictObject({ id: ZId }),
        response: { 200: ZJob, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => getImportJob(ctx, req.params.id)),
  );

  r.get(
    '/roster/imports/:id/errors.xlsx',
    {
      config: { policy: jobPolicy },
      schema: {
        tags,
        summary: '下载标注了错误的工作簿（错误单元格标红并附批注，另加「错误说明」列）',
        params: z.strictObject({ id: ZId }),
        response: errorResponses,
      },
    },
    async (req, reply) =>
      sendXlsx(reply, await runAs(req, (ctx) => downloadErrorWorkbook(ctx, req.params.id), { write: true })),
  );

  r.get(
    '/roster/exports/:kind',
    {
      config: { policy: { allow: ADMINS, unscopedParams: ['kind'] } },
      schema: {
        tags,
        summary: '导出（与导入模板格式相同，重新导入不改变数据；导出个人信息会被审计）',
        params: z.strictObject({ kind: ZKind }),
        querystring: z.strictObject({ orgUnitId: ZId.optional() }),
        response: errorResponses,
      },
    },
    async (req, reply) =>
      sendXlsx(
        reply,
        await runAs(req, (ctx) => exportRoster(ctx, req.params.kind, req.query), { write: true }),
      ),
  );

  const ZExportRequest = z.object({
    id: z.string(),
    kind: ZKind,
    orgUnitId: z.string(),
    unitName: z.string(),
    persons: z.number(),
    reason: z.string(),
    requestedBy: z.string(),
    requesterName: z.string(),
    status: z.enum(EXPORT_STATUSES),
    deciderName: z.string().nullable(),
    decisionNote: z.string().nullable(),
    decidedAt: z.string().nullable(),
    fetchedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
    createdAt: z.string(),
  });
  const requestPolicy = { allow: ADMINS, unscopedParams: ['id'] };

  r.post(
    '/roster/export-requests',
    {
      config: { policy: { allow: ADMINS } },
      schema: {
        tags,
        summary: '申请导出（个人信息超过阈值人数时须另一位管理员审批）',
        body: z.strictObject({ kind: ZKind, orgUnitId: ZId.optional(), reason: ZText(500) }),
        response: { 200: ZExportRequest, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => requestExport(ctx, req.body), { write: true }),
  );

  r.get(
    '/roster/export-requests',
    {
      config: { policy: { allow: ADMINS } },
      schema: {
        tags,
        summary: '我的导出申请，以及待我审批的导出申请',
        response: { 200: z.array(ZExportRequest), ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => listExportRequests(ctx)),
  );

  r.post(
    '/roster/export-requests/:id/decide',
    {
      config: { policy: requestPolicy },
      schema: {
        tags,
        summary: '审批导出申请（不能审批自己的申请）',
        params: z.strictObject({ id: ZId }),
        body: z.strictObject({ approve: z.boolean(), note: ZText(500, 0) }),
        response: { 200: ZExportRequest, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => decideExport(ctx, req.params.id, req.body), { write: true }),
  );

  r.get(
    '/roster/export-requests/:id/file',
    {
      config: { policy: requestPolicy },
      schema: {
        tags,
        summary: '下载已批准的导出文件（仅申请人，仅一次）',
        params: z.strictObject({ id: ZId }),
        response: errorResponses,
      },
    },
    async (req, reply) =>
      sendXlsx(reply, await runAs(req, (ctx) => fetchApprovedExport(ctx, req.params.id), { write: true })),
  );
}

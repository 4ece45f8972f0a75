import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAs } from '../../platform/http/context.ts';
import type { RoutePolicy } from '../../platform/http/policy.ts';
import { errorResponses, ZErrorBody, ZIdParams } from '../../platform/http/schemas.ts';
import { uploadedFile } from '../../platform/http/upload.ts';
import { BANK_ROLES } from './assessment.policy.ts';
import { ZCode, ZItemDraft } from './bank.schemas.ts';
import {
  downloadTemplate,
  type ExportFile,
  exportItems,
  exportPaper,
  MAX_EXPORT,
} from './item-export.service.ts';
import { IMPORT_FORMATS, IMPORT_STATUSES } from './item-import.schema.ts';
import { confirmImport, discardImport, getImport, proposeImport } from './item-import.service.ts';
import { itemDraft } from './item-model.ts';
import { MAX_PACKAGE_BYTES } from './qti/index.ts';

const tags = ['assessment'];
const bank: RoutePolicy = { allow: BANK_ROLES };
/** An import is its owner's alone: the service answers 404 to anyone else (item-import.scope.ts). */
const ownImport: RoutePolicy = { allow: BANK_ROLES, unscopedParams: ['id'] };

const ZDuplicate = z.object({
  id: z.string(),
  stemText: z.string(),
  similarity: z.number(),
  authorName: z.string(),
});

const ZImport = z.object({
  id: z.string(),
  format: z.enum(IMPORT_FORMATS),
  fileName: z.string().nullable(),
  status: z.enum(IMPORT_STATUSES),
  title: z.string().nullable(),
  warnings: z.array(z.string()),
  items: z.array(
    z.object({
      index: z.number(),
      label: z.string(),
      section: z.string().optional(),
      draft: itemDraft,
      warnings: z.array(z.string()),
      missingAnswer: z.boolean(),
      duplicates: z.array(ZDuplicate),
      repeats: z.array(z.number()),
      /** The bank item written for it, once confirmed. */
      itemId: z.string().nullable(),
    }),
  ),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const ZFormat = z.enum(['qti', 'xlsx'], { message: '格式应为 qti 或 xlsx' });
const fileErrors = { ...errorResponses, 413: ZErrorBody, 415: ZErrorBody };

/** Sends an export; the Chinese file name travels in RFC 6266 `filename*`. */
function sendFile(reply: FastifyReply, file: ExportFile) {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .header('content-type', file.contentType)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .header('cache-control', 'no-store')
    .send(file.buffer);
}

/** A2 import and export of items: QTI 3.0, the .xlsx template, Word papers; proposals confirmed by the teacher. */
export async function itemImportRoutes(app: FastifyInstance) {
  // The largest upload is a QTI package; a Word paper's own limit (30 MB) is the reader's.
  await app.register(multipart, { limits: { files: 1, fields: 2, parts: 3, fileSize: MAX_PACKAGE_BYTES } });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/assessment/item-imports',
    {
      config: { policy: bank },
      schema: {
        tags,
        summary: '上传试题文件（Word 试卷 .docx、题目模板 .xlsx、QTI 3.0 .zip/.xml），得到待确认的试题',
        description:
          'multipart/form-data，字段 file。Word 不超过 30 MB，模板不超过 10 MB，QTI 不超过 50 MB。文件有误时按题、按行列出全部问题，不保存任何内容。',
        consumes: ['multipart/form-data'],
        querystring: z.strictObject({ subjectCode: ZCode, gradeCode: ZCode }),
        response: { 200: ZImport, ...fileErrors },
      },
    },
    async (req) => {
      const part = await uploadedFile(req, '试题文件');
      const bytes = await part.toBuffer();
      return runAs(req, (ctx) => proposeImport(ctx, { fileName: part.filename, bytes, ...req.query }), {
        write: true,
      });
    },
  );

  r.get(
    '/assessment/item-imports/:id',
    {
      config: { policy: ownImport },
      schema: {
        tags,
        summary: '一次导入的待确认试题',
        params: ZIdParams,
        response: { 200: ZImport, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => getImport(ctx, req.params.id)),
  );

  r.post(
    '/assessment/item-imports/:id/confirm',
    {
      config: { policy: ownImport },
      schema: {
        tags,
        summary: '确认导入所选试题（改正后的内容）；任何一题有误则一题也不保存；重复确认返回第一次的结果',
        params: ZIdParams,
        body: z.strictObject({
          items: z
            .array(
              z.strictObject({
                index: z.number().int().min(0).max(10_000),
                draft: ZItemDraft,
                answerSupplied: z.boolean().optional(),
              }),
            )
            .max(500),
        }),
        response: { 200: ZImport, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => confirmImport(ctx, req.params.id, req.body.items), { write: true }),
  );

  r.post(
    '/assessment/item-imports/:id/discard',
    {
      config: { policy: ownImport },
      schema: {
        tags,
        summary: '放弃这次导入',
        params: ZIdParams,
        response: { 200: ZImport, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => discardImport(ctx, req.params.id), { write: true }),
  );

  r.get(
    '/assessment/item-template.xlsx',
    {
      config: { policy: bank },
      schema: {
        tags,
        summary: '下载试题导入模板（.xlsx，含填写说明、示例与代码表）',
        response: errorResponses,
      },
    },
    async (req, reply) => sendFile(reply, await runAs(req, (ctx) => downloadTemplate(ctx))),
  );

  r.get(
    '/assessment/item-export',
    {
      config: { policy: bank },
      schema: {
        tags,
        summary: '导出所选试题（QTI 3.0 内容包或题目模板 .xlsx）；只能导出我能看到的试题',
        querystring: z.strictObject({
          format: ZFormat,
          ids: z
            .string()
            .regex(
              new RegExp(`^${UUID}(,${UUID}){0,${MAX_EXPORT - 1}}$`, 'i'),
              `应为以逗号分隔的试题编号，最多 ${MAX_EXPORT} 个`,
            ),
        }),
        response: errorResponses,
      },
    },
    async (req, reply) => {
      const ids = req.query.ids.toLowerCase().split(',');
      return sendFile(reply, await runAs(req, (ctx) => exportItems(ctx, ids, req.query.format)));
    },
  );

  r.get(
    '/assessment/papers/:id/export',
    {
      config: { policy: { allow: BANK_ROLES, params: { id: 'paper' } } },
      schema: {
        tags,
        summary: '导出试卷的试题（QTI 3.0 内容包或题目模板 .xlsx，按卷面顺序与分值）',
        params: ZIdParams,
        querystring: z.strictObject({ format: ZFormat.default('qti') }),
        response: errorResponses,
      },
    },
    async (req, reply) =>
      sendFile(reply, await runAs(req, (ctx) => exportPaper(ctx, req.params.id, req.query.format))),
  );
}

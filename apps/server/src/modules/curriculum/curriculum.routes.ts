import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAs } from '../../platform/http/context.ts';
import type { RoutePolicy } from '../../platform/http/policy.ts';
import {
  errorResponses,
  ZErrorBody,
  ZId,
  ZIdParams,
  ZLine,
  ZOk,
  ZText,
} from '../../platform/http/schemas.ts';
import { uploadedFile } from '../../platform/http/upload.ts';
import { MAX_FILE_BYTES } from '../../platform/xlsx/xlsx-file.ts';
import { sendXlsx } from '../../platform/xlsx/xlsx-reply.ts';
import * as svc from './curriculum.service.ts';
import { exportBackbone, importBackbone } from './curriculum-import.service.ts';
import { lessonResourceRoutes } from './lesson-resources.routes.ts';

const tags = ['curriculum'];
/** Catalogue data of the whole city, no one's personal data: ids need no scope check. */
const read: RoutePolicy = { allow: 'session', unscopedParams: ['id'] };
/**
 * The workbook is a working file for those who teach, review or administer (lesson planning, the
 * researchers' round trip); students and parents read the same backbone on the page.
 */
const transfer: RoutePolicy = {
  allow: ['city_admin', 'district_admin', 'school_admin', 'teacher', 'head_teacher', 'researcher', 'expert'],
};
/** The service further requires the researcher to work at city level. */
const edit: RoutePolicy = { allow: ['researcher'], unscopedParams: ['id'] };

const ZCode = z.string().regex(/^[0-9]{2}$/, '应为两位代码');
/** The tree is three levels deep; spelled out so the OpenAPI document needs no recursive $ref. */
const nodeFields = {
  id: z.string(),
  parentId: z.string().nullable(),
  seq: z.number(),
  title: z.string(),
  gradeCode: z.string(),
  term: z.number(),
  knowledgePointIds: z.array(z.string()),
};
const ZLesson = z.object({ ...nodeFields, kind: z.literal('lesson'), children: z.array(z.never()) });
const ZUnit = z.object({ ...nodeFields, kind: z.literal('unit'), children: z.array(ZLesson) });
const ZVolume = z.object({ ...nodeFields, kind: z.literal('volume'), children: z.array(ZUnit) });
const ZPointRef = z.object({ id: z.string(), code: z.string(), name: z.string(), gradeCode: z.string() });
const ZPoint = z.object({
  id: z.string(),
  subjectCode: z.string(),
  code: z.string(),
  name: z.string(),
  gradeCode: z.string(),
  strand: z.string(),
  description: z.string().nullable(),
});
const ZSummary = z.object({
  volumes: z.number(),
  units: z.number(),
  lessons: z.number(),
  knowledgePoints: z.number(),
  prerequisites: z.number(),
  links: z.number(),
});

/** Curriculum backbone (A1, R1): editions → volumes → units → lessons, and the knowledge graph. */
export async function curriculumRoutes(app: FastifyInstance) {
  await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 2, parts: 3 } });
  const r = app.withTypeProvider<ZodTypeProvider>();
  await app.register(lessonResourceRoutes);

  r.get(
    '/curriculum/editions',
    {
      config: { policy: read },
      schema: {
        tags,
        summary: '教材版本（可按学科筛选）',
        querystring: z.strictObject({ subjectCode: ZCode.optional() }),
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              subjectCode: z.string(),
              name: z.string(),
              publisher: z.string(),
              volumes: z.number(),
              lessons: z.number(),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => svc.listEditions(ctx, req.query.subjectCode)),
  );

  r.post(
    '/curriculum/editions',
    {
      config: { policy: edit },
      schema: {
        tags,
        summary: '新建教材版本',
        body: z.strictObject({ subjectCode: ZCode, name: ZLine(40), publisher: ZLine(60) }),
        response: { 200: z.object({ id: z.string() }), ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => svc.createEdition(ctx, req.body), { write: true }),
  );

  r.get(
    '/curriculum/editions/:id/tree',
    {
      config: { policy: read },
      schema: {
        tags,
        summary: '教材目录树：册 → 单元 → 课（含各课关联的知识点）',
        params: ZIdParams,
        querystring: z.strictObject({
          gradeCode: ZCode.optional(),
          term: z.coerce.number().int().min(1).max(2).optional(),
        }),
        response: {
          200: z.object({
            edition: z.object({
              id: z.string(),
              subjectCode: z.string(),
              name: z.string(),
              publisher: z.string(),
            }),
            volumes: z.array(ZVolume),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => svc.getTree(ctx, req.params.id, req.query)),
  );

  r.post(
    '/curriculum/nodes',
    {
      config: { policy: edit },
      schema: {
        tags,
        summary: '新建册（年级 × 上/下册）、单元或课（追加在末尾）',
        body: z.strictObject({
          editionId: ZId,
          parentId: ZId.optional(),
          gradeCode: ZCode.optional(),
          term: z.union([z.literal(1), z.literal(2)]).optional(),
          title: ZLine(80).optional(),
        }),
        response: { 200: z.object({ id: z.string() }), ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => svc.createNode(ctx, req.body), { write: true }),
  );

  r.patch(
    '/curriculum/nodes/:id',
    {
      config: { policy: edit },
      schema: {
        tags,
        summary: '修改目录名称',
        params: ZIdParams,
        body: z.strictObject({ title: ZLine(80) }),
        response: { 200: ZOk, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => svc.renameNode(ctx, req.params.id, req.body.title), { write: true }),
  );

  r.post(
    '/curriculum/nodes/:id/delete',
    {
      config: { policy: edit },
      schema: {
        tags,
        summary: '删除空的册、单元或课',
        params: ZIdParams,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => svc.deleteNode(ctx, req.params.id), { write: true }),
  );

  r.post(
    '/curriculum/lessons/:id/knowledge-points',
    {
      config: { policy: edit },
      schema: {
        tags,
        summary: '设置一课关联的知识点（整体替换）',
        params: ZIdParams,
        body: z.strictObject({ knowledgePointIds: z.array(ZId).max(50) }),
        response: { 200: ZOk, ...errorResponses },
      },
    },
    (req) =>
      runAs(req, (ctx) => svc.setLessonKnowledgePoints(ctx, req.params.id, req.body.knowledgePointIds), {
        write: true,
      }),
  );

  r.get(
    '/curriculum/knowledge-points',
    {
      config: { policy: read },
      schema: {
        tags,
        summary: '知识点列表（按学科，可按年级、课标领域、关键词筛选）',
        querystring: z.strictObject({
          subjectCode: ZCode,
          gradeCode: ZCode.optional(),
          strand: ZLine(20, 0).optional(),
          q: ZLine(40, 0).optional(),
        }),
        response: {
          200: z.array(ZPoint.extend({ prerequisites: z.number(), lessons: z.number() })),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => svc.listKnowledgePoints(ctx, req.query)),
  );

  r.post(
    '/curriculum/knowledge-points',
    {
      config: { policy: edit },
      schema: {
        tags,
        summary: '新建知识点',
        body: z.strictObject({
          subjectCode: ZCode,
          code: z
            .string()
            .trim()
            .regex(/^[A-Za-z0-9-]{2,30}$/, '编码只能包含字母、数字和连字符'),
          name: ZLine(60),
          gradeCode: ZCode,
          strand: ZLine(20),
          description: ZText(500).optional(),
        }),
        response: { 200: z.object({ id: z.string() }), ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => svc.createKnowledgePoint(ctx, req.body), { write: true }),
  );

  r.get(
    '/curriculum/knowledge-points/:id',
    {
      config: { policy: read },
      schema: {
        tags,
        summary: '知识点详情：先修、后续知识点与关联的课',
        params: ZIdParams,
        response: {
          200: ZPoint.extend({
            prerequisites: z.array(ZPointRef),
            dependents: z.array(ZPointRef),
            lessons: z.array(
              z.object({
                id: z.string(),
                title: z.string(),
                unitTitle: z.string(),
                gradeCode: z.string(),
                term: z.number(),
                edition: z.string(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => svc.getKnowledgePoint(ctx, req.params.id)),
  );

  r.patch(
    '/curriculum/knowledge-points/:id',
    {
      config: { policy: edit },
      schema: {
        tags,
        summary: '修改知识点',
        params: ZIdParams,
        body: z.strictObject({
          name: ZLine(60).optional(),
          gradeCode: ZCode.optional(),
          strand: ZLine(20).optional(),
          description: ZText(500).nullable().optional(),
        }),
        response: { 200: ZOk, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => svc.updateKnowledgePoint(ctx, req.params.id, req.body), { write: true }),
  );

  r.post(
    '/curriculum/knowledge-points/:id/prerequisites',
    {
      config: { policy: edit },
      schema: {
        tags,
        summary: '添加先修知识点（形成循环时拒绝并给出循环链）',
        params: ZIdParams,
        body: z.strictObject({ prerequisiteId: ZId }),
        response: { 200: ZOk, ...errorResponses },
      },
    },
    (req) =>
      runAs(req, (ctx) => svc.addPrerequisite(ctx, req.params.id, req.body.prerequisiteId), { write: true }),
  );

  r.post(
    '/curriculum/knowledge-points/:id/prerequisites/remove',
    {
      config: { policy: edit },
      schema: {
        tags,
        summary: '移除先修关系',
        params: ZIdParams,
        body: z.strictObject({ prerequisiteId: ZId }),
        response: { 200: ZOk, ...errorResponses },
      },
    },
    (req) =>
      runAs(req, (ctx) => svc.removePrerequisite(ctx, req.params.id, req.body.prerequisiteId), {
        write: true,
      }),
  );

  r.get(
    '/curriculum/graph',
    {
      config: { policy: read },
      schema: {
        tags,
        summary: '知识图谱：所选年级的知识点及其直接先修',
        querystring: z.strictObject({
          subjectCode: ZCode,
          gradeCode: z
            .string()
            .max(59, '最多 20 个年级')
            .regex(/^[0-9]{2}(,[0-9]{2})*$/, '年级代码以逗号分隔')
            .optional(),
        }),
        response: {
          200: z.object({
            nodes: z.array(ZPointRef.extend({ strand: z.string(), focus: z.boolean() })),
            edges: z.array(z.object({ source: z.string(), target: z.string() })),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => svc.getGraph(ctx, req.query.subjectCode, req.query.gradeCode?.split(','))),
  );

  r.get(
    '/curriculum/export',
    {
      config: { policy: transfer },
      schema: {
        tags,
        summary: '导出一个学科的教材目录与知识点（.xlsx，可修改后导入）',
        querystring: z.strictObject({ subjectCode: ZCode }),
        response: errorResponses,
      },
    },
    async (req, reply) =>
      sendXlsx(reply, await runAs(req, (ctx) => exportBackbone(ctx, req.query.subjectCode))),
  );

  r.post(
    '/curriculum/import',
    {
      config: { policy: edit },
      schema: {
        tags,
        summary: '导入教材目录与知识点（.xlsx；先校验全部行，有错误则不写入）',
        description: 'multipart/form-data，字段 file 为一个 .xlsx 文件（不超过 10 MB），格式与导出相同。',
        consumes: ['multipart/form-data'],
        response: { 200: ZSummary, ...errorResponses, 413: ZErrorBody, 415: ZErrorBody },
      },
    },
    async (req) => {
      const part = await uploadedFile(req, ' .xlsx 文件');
      const file = await part.toBuffer();
      return runAs(req, (ctx) => importBackbone(ctx, file), { write: true });
    },
  );
}

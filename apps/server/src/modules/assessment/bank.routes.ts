import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAs } from '../../platform/http/context.ts';
import { sendStoredFile } from '../../platform/http/file-reply.ts';
import type { RoutePolicy } from '../../platform/http/policy.ts';
import { errorResponses, ZErrorBody, ZIdParams, ZText } from '../../platform/http/schemas.ts';
import { uploadedFile } from '../../platform/http/upload.ts';
import { BANK_ROLES, SHARE_REVIEWER_ROLES } from './assessment.policy.ts';
import {
  ZCode,
  ZItem,
  ZItemDraft,
  ZSearchQuery,
  ZSearchResult,
  ZSimilar,
  ZTagsChange,
} from './bank.schemas.ts';
import * as svc from './bank.service.ts';
import { openPicture, uploadPicture } from './bank-pictures.service.ts';
import { searchItems } from './bank-search.service.ts';
import * as share from './bank-share.service.ts';
import { itemContent } from './item-model.ts';

const tags = ['assessment'];
const bank: RoutePolicy = { allow: BANK_ROLES };
const oneItem: RoutePolicy = { allow: BANK_ROLES, params: { id: 'item' } };

/** A2 item bank: items, their search with facets, duplicates, pictures, sharing after a light review. */
export async function bankRoutes(app: FastifyInstance) {
  await app.register(multipart, {
    limits: { files: 1, fields: 2, parts: 3, fileSize: Number.MAX_SAFE_INTEGER },
  });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/assessment/items',
    {
      config: { policy: bank },
      schema: {
        tags,
        summary:
          '题库检索：中文分词全文检索与分面（学科、年级、题型、认知层次、知识点、难度、共享范围、来源、年份）',
        querystring: ZSearchQuery,
        response: { 200: ZSearchResult, ...errorResponses },
      },
    },
    (req) =>
      runAs(req, (ctx) =>
        searchItems(ctx, {
          ...req.query,
          mine: req.query.mine === 'true',
          retired: req.query.retired === 'true',
        }),
      ),
  );

  r.post(
    '/assessment/items',
    {
      config: { policy: bank },
      schema: {
        tags,
        summary: '新建试题；同时返回题干近似的已有试题，供教师决定保留或删除',
        body: ZItemDraft,
        response: { 200: z.object({ item: ZItem, similar: z.array(ZSimilar) }), ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => svc.createItem(ctx, req.body), { write: true }),
  );

  r.post(
    '/assessment/items/similar',
    {
      config: { policy: bank },
      schema: {
        tags,
        summary: '查重：与草稿题干近似的、我可见的试题（保存或导入前）',
        body: z.strictObject({
          content: itemContent,
          subjectCode: ZCode.optional(),
          /** The item being edited, left out of its own duplicates. */
          exclude: z.uuid().optional(),
        }),
        response: { 200: z.object({ similar: z.array(ZSimilar) }), ...errorResponses },
      },
    },
    async (req) => ({ similar: await runAs(req, (ctx) => svc.findSimilar(ctx, req.body)) }),
  );

  r.get(
    '/assessment/items/:id',
    {
      config: { policy: oneItem },
      schema: {
        tags,
        summary: '试题详情（含答案与解析）',
        params: ZIdParams,
        response: { 200: ZItem, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => svc.getItem(ctx, req.params.id)),
  );

  r.patch(
    '/assessment/items/:id',
    {
      config: { policy: oneItem },
      schema: {
        tags,
        summary: '修改试题（作者；未共享、不在审核中的试题）',
        params: ZIdParams,
        body: z.strictObject({ content: itemContent.optional(), tags: ZTagsChange.optional() }),
        response: { 200: ZItem, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => svc.updateItem(ctx, req.params.id, req.body), { write: true }),
  );

  const action = (
    path: string,
    summary: string,
    fn: (ctx: Parameters<typeof svc.getItem>[0], id: string) => ReturnType<typeof svc.getItem>,
  ) =>
    r.post(
      `/assessment/items/:id/${path}`,
      {
        config: { policy: oneItem },
        schema: { tags, summary, params: ZIdParams, response: { 200: ZItem, ...errorResponses } },
      },
      (req) => runAs(req, (ctx) => fn(ctx, req.params.id), { write: true }),
    );
  action('copy', '复制为我的试题（改编共享的或同事的试题）', svc.copyItem);
  action('retire', '停用试题（不再用于组卷；已有试卷不受影响）', (ctx, id) =>
    svc.setItemRetired(ctx, id, true),
  );
  action('restore', '恢复已停用的试题', (ctx, id) => svc.setItemRetired(ctx, id, false));
  action('unshare', '撤回共享或共享申请（试题回到仅自己可见）', share.withdrawShare);

  r.post(
    '/assessment/items/:id/share',
    {
      config: { policy: oneItem },
      schema: {
        tags,
        summary: '申请共享到全校、全区或全市（由相应审核人审核一次）',
        params: ZIdParams,
        body: z.strictObject({ level: z.enum(['school', 'district', 'city']) }),
        response: { 200: ZItem, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => share.requestShare(ctx, req.params.id, req.body.level), { write: true }),
  );

  r.get(
    '/assessment/item-shares',
    {
      config: { policy: { allow: SHARE_REVIEWER_ROLES } },
      schema: {
        tags,
        summary: '试题共享审核：等待我审核的试题',
        response: {
          200: z.object({ levels: z.array(z.enum(['school', 'district', 'city'])), items: z.array(ZItem) }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => share.listShareQueue(ctx)),
  );

  r.post(
    '/assessment/items/:id/share-decision',
    {
      config: { policy: { allow: SHARE_REVIEWER_ROLES, params: { id: 'item' } } },
      schema: {
        tags,
        summary: '审核试题共享：通过，或写明原因退回',
        params: ZIdParams,
        body: z.strictObject({ decision: z.enum(['approve', 'return']), reason: ZText(500, 0).default('') }),
        response: { 200: ZItem, ...errorResponses },
      },
    },
    (req) =>
      runAs(req, (ctx) => share.decideShare(ctx, req.params.id, req.body.decision, req.body.reason), {
        write: true,
      }),
  );

  r.post(
    '/assessment/item-files',
    {
      config: { policy: bank },
      schema: {
        tags,
        summary:
          '上传试题图片（PNG/JPEG/WebP，按内容识别类型，不超过 5 MB）；在题目中以 hanlin-file:<key> 引用',
        consumes: ['multipart/form-data'],
        response: {
          200: z.object({ key: z.string(), mime: z.string(), size: z.number() }),
          ...errorResponses,
          413: ZErrorBody,
          415: ZErrorBody,
        },
      },
    },
    async (req) => {
      const part = await uploadedFile(req, '图片');
      return runAs(req, (ctx) => uploadPicture(ctx, part.filename, part.file), { write: true });
    },
  );

  r.get(
    '/assessment/item-files',
    {
      config: { policy: bank },
      schema: {
        tags,
        summary: '试题图片（我能看到的试题中的，或我刚上传的）',
        querystring: z.strictObject({ key: z.string().regex(/^assessment(\/[a-z0-9-]{1,64}){1,6}$/) }),
        response: { ...errorResponses },
      },
    },
    async (req, typedReply) => {
      const reply = typedReply as unknown as FastifyReply;
      const { file, stream } = await runAs(req, (ctx) => openPicture(ctx, req.query.key));
      return sendStoredFile(reply, file, undefined, stream);
    },
  );
}

import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAs } from '../../platform/http/context.ts';
import { sendStoredFile } from '../../platform/http/file-reply.ts';
import { ADMINS, type RoutePolicy } from '../../platform/http/policy.ts';
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
import * as files from './post-files.service.ts';
import * as posts from './posts.service.ts';
import { POST_KINDS, SPACE_KINDS } from './spaces.schema.ts';
import * as spaces from './spaces.service.ts';
import * as studios from './studios.service.ts';
import { spaceUsage } from './usage.service.ts';

const tags = ['spaces'];
const inSpace: RoutePolicy = { allow: 'session', params: { id: 'space' } };
const onPost: RoutePolicy = { allow: 'session', params: { id: 'space_post' } };

const ZFile = z.object({ id: z.string(), fileName: z.string(), mime: z.string(), size: z.number() });
const ZSpace = z.object({
  id: z.string(),
  kind: z.enum(SPACE_KINDS),
  name: z.string(),
  unitName: z.string(),
  path: z.string(),
  ownerId: z.string().nullable(),
  mine: z.boolean(),
  canPost: z.boolean(),
  canNotice: z.boolean(),
  canAddWork: z.boolean(),
  canComment: z.boolean(),
  canLike: z.boolean(),
  canModerate: z.boolean(),
  posts: z.number(),
  works: z.number(),
  notices: z.number(),
  collections: z.number(),
  members: z.number(),
  headTeachers: z.array(z.string()),
  lead: z.string().nullable(),
  studioMembers: z.array(z.object({ id: z.string(), name: z.string() })),
});
const ZPost = z.object({
  id: z.string(),
  kind: z.enum(POST_KINDS),
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
  authorName: z.string(),
  mine: z.boolean(),
  canDelete: z.boolean(),
  likes: z.number(),
  liked: z.boolean(),
  readByMe: z.boolean(),
  reads: z.number().nullable(),
  recipients: z.number().nullable(),
  files: z.array(ZFile),
  comments: z.array(
    z.object({
      id: z.string(),
      body: z.string(),
      createdAt: z.string(),
      authorName: z.string(),
      canDelete: z.boolean(),
    }),
  ),
});
const ZShare = z.number().nullable();

/** 网络学习空间 (S1–S3): spaces, posts, comments, likes, notices, portfolio, collections, studios, usage. */
export async function spaceRoutes(app: FastifyInstance) {
  await app.register(multipart, {
    limits: { files: 1, fields: 2, parts: 3, fileSize: Number.MAX_SAFE_INTEGER },
  });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/spaces/mine',
    {
      config: { policy: { allow: 'session' } },
      schema: {
        tags,
        summary: '我的空间：个人空间、班级、学校、任课教师和工作室',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                kind: z.enum(SPACE_KINDS),
                name: z.string(),
                unitName: z.string(),
                relation: z.enum(['own', 'child', 'head', 'teach', 'member', 'teacher', 'school', 'lead']),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, async (ctx) => ({ items: await spaces.mySpaces(ctx) })),
  );

  r.get(
    '/spaces/usage',
    {
      config: { policy: { allow: ADMINS } },
      schema: {
        tags,
        summary: '空间应用统计：截至昨日的 30 天内至少使用 4 天的师生占比（目标 80%）与优秀空间（每日汇总）',
        response: {
          200: z.object({
            level: z.enum(['district', 'school', 'class']),
            target: z.number(),
            activeDays: z.number(),
            windowDays: z.number(),
            /** The last day of the 30-day window (a closed day, Beijing time); null before the first daily rollup. */
            asOf: z.iso.date().nullable(),
            total: z.object({
              teachers: z.number(),
              activeTeachers: z.number(),
              students: z.number(),
              activeStudents: z.number(),
              teacherShare: ZShare,
              studentShare: ZShare,
            }),
            rows: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                teachers: z.number(),
                activeTeachers: z.number(),
                students: z.number(),
                activeStudents: z.number(),
                teacherShare: ZShare,
                studentShare: ZShare,
              }),
            ),
            outstanding: z.array(
              z.object({
                id: z.string(),
                kind: z.string(),
                name: z.string(),
                unitName: z.string(),
                posts: z.number(),
                comments: z.number(),
                likes: z.number(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => spaceUsage(ctx)),
  );

  r.get(
    '/spaces/:id',
    {
      config: { policy: inSpace },
      schema: { tags, summary: '空间主页', params: ZIdParams, response: { 200: ZSpace, ...errorResponses } },
    },
    // Counts the visitor's day of use (usage statistics, no cached table): a write.
    (req) => runAs(req, (ctx) => spaces.getSpace(ctx, req.params.id), { write: true, syncCaches: false }),
  );

  r.get(
    '/spaces/:id/posts',
    {
      config: { policy: inSpace },
      schema: {
        tags,
        summary: '空间动态（按类型筛选：动态、通知、作品）',
        params: ZIdParams,
        querystring: z.strictObject({
          kind: z.enum(POST_KINDS).optional(),
          before: z.iso.datetime({ offset: true }).optional(),
          limit: z.coerce.number().int().min(1).max(50).default(20),
        }),
        response: { 200: z.object({ items: z.array(ZPost), more: z.boolean() }), ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => posts.listPosts(ctx, req.params.id, req.query)),
  );

  r.post(
    '/spaces/:id/posts',
    {
      config: { policy: inSpace },
      schema: {
        tags,
        summary: '发帖、发布通知（班主任）或添加作品（个人空间）',
        params: ZIdParams,
        body: z.strictObject({
          kind: z.enum(POST_KINDS).default('post'),
          title: ZLine(60, 0).optional(),
          body: ZText(5000),
        }),
        response: { 200: z.object({ id: z.string(), notified: z.number() }), ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => posts.createPost(ctx, req.params.id, req.body), { write: true }),
  );

  r.get(
    '/spaces/:id/collections',
    {
      config: { policy: inSpace },
      schema: {
        tags,
        summary: '个人空间收藏的资源',
        params: ZIdParams,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                kind: z.string(),
                title: z.string(),
                subjectCode: z.string().nullable(),
                gradeCode: z.string().nullable(),
                collectedAt: z.string(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => spaces.listCollections(ctx, req.params.id)),
  );

  r.post(
    '/space-posts/:id/files',
    {
      config: { policy: onPost },
      schema: {
        tags,
        summary: '给自己的帖子添加附件（图片、文档、视频；按内容识别类型，最多 9 个）',
        consumes: ['multipart/form-data'],
        params: ZIdParams,
        response: { 200: ZFile, ...errorResponses, 413: ZErrorBody, 415: ZErrorBody },
      },
    },
    async (req) => {
      const part = await uploadedFile(req, '附件');
      return runAs(req, (ctx) => files.attachFile(ctx, req.params.id, part.filename, part.file), {
        write: true,
      });
    },
  );

  r.get(
    '/space-posts/:id/files/:fileId',
    {
      config: { policy: { ...onPost, unscopedParams: ['fileId'] } },
      schema: {
        tags,
        summary: '查看附件（支持 HTTP Range）',
        params: z.strictObject({ id: ZId, fileId: ZId }),
        response: { ...errorResponses, 416: ZErrorBody },
      },
    },
    async (req, typedReply) => {
      const reply = typedReply as unknown as FastifyReply;
      const { file, range, stream } = await runAs(req, (ctx) =>
        files.openAttachment(ctx, req.params.id, req.params.fileId, req.headers.range),
      );
      return sendStoredFile(reply, file, range, stream);
    },
  );

  r.post(
    '/space-posts/:id/delete',
    {
      config: { policy: onPost },
      schema: {
        tags,
        summary: '删除帖子（作者或空间管理者）',
        params: ZIdParams,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (req) => {
      const { storageKeys } = await runAs(req, (ctx) => posts.deletePost(ctx, req.params.id), {
        write: true,
      });
      await files.removeStored(req.server, storageKeys);
      return { ok: true as const };
    },
  );

  r.post(
    '/space-posts/:id/comments',
    {
      config: { policy: onPost },
      schema: {
        tags,
        summary: '评论',
        params: ZIdParams,
        body: z.strictObject({ body: ZText(1000) }),
        response: { 200: z.object({ id: z.string() }), ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => posts.addComment(ctx, req.params.id, req.body.body), { write: true }),
  );

  r.post(
    '/space-posts/:id/comments/:commentId/delete',
    {
      config: { policy: { ...onPost, unscopedParams: ['commentId'] } },
      schema: {
        tags,
        summary: '删除评论（作者或空间管理者）',
        params: z.strictObject({ id: ZId, commentId: ZId }),
        response: { 200: ZOk, ...errorResponses },
      },
    },
    (req) =>
      runAs(req, (ctx) => posts.deleteComment(ctx, req.params.id, req.params.commentId), { write: true }),
  );

  r.post(
    '/space-posts/:id/like',
    {
      config: { policy: onPost },
      schema: {
        tags,
        summary: '点赞或取消点赞',
        params: ZIdParams,
        body: z.strictObject({ liked: z.boolean() }),
        response: { 200: z.object({ liked: z.boolean(), likes: z.number() }), ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => posts.setLike(ctx, req.params.id, req.body.liked), { write: true }),
  );

  r.post(
    '/space-posts/:id/read',
    {
      config: { policy: onPost },
      schema: { tags, summary: '确认已读通知', params: ZIdParams, response: { 200: ZOk, ...errorResponses } },
    },
    (req) => runAs(req, (ctx) => posts.markNoticeRead(ctx, req.params.id), { write: true }),
  );

  r.get(
    '/resources/:id/collected',
    {
      config: { policy: { allow: 'session', params: { id: 'resource' } } },
      schema: {
        tags,
        summary: '我是否收藏了此资源',
        params: ZIdParams,
        response: { 200: z.object({ collected: z.boolean() }), ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => spaces.isCollected(ctx, req.params.id)),
  );

  r.post(
    '/resources/:id/collected',
    {
      config: { policy: { allow: ['teacher', 'head_teacher', 'student'], params: { id: 'resource' } } },
      schema: {
        tags,
        summary: '收藏到我的空间，或取消收藏',
        params: ZIdParams,
        body: z.strictObject({ collected: z.boolean() }),
        response: { 200: z.object({ collected: z.boolean() }), ...errorResponses },
      },
    },
    (req) =>
      runAs(req, (ctx) => spaces.setCollected(ctx, req.params.id, req.body.collected), { write: true }),
  );

  r.get(
    '/studios',
    {
      config: { policy: { allow: 'session' } },
      schema: {
        tags,
        summary: '名师工作室',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                description: z.string(),
                subjectCode: z.string().nullable(),
                leadName: z.string(),
                unitName: z.string(),
                members: z.number(),
                posts: z.number(),
                manageable: z.boolean(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => studios.listStudios(ctx)),
  );

  r.post(
    '/studios',
    {
      config: { policy: { allow: ADMINS } },
      schema: {
        tags,
        summary: '设立名师工作室（本单位教师任主持人和成员）',
        body: z.strictObject({
          name: ZLine(40),
          description: ZText(500, 0).optional(),
          subjectCode: z
            .string()
            .regex(/^[0-9]{2}$/, '应为两位代码')
            .nullable()
            .optional(),
          leadId: ZId,
          memberIds: z.array(ZId).max(50).optional(),
        }),
        response: { 200: z.object({ id: z.string() }), ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => studios.createStudio(ctx, req.body), { write: true }),
  );

  r.post(
    '/studios/:id/members',
    {
      config: { policy: { allow: ADMINS, params: { id: 'space' } } },
      schema: {
        tags,
        summary: '添加工作室成员',
        params: ZIdParams,
        body: z.strictObject({ personId: ZId }),
        response: { 200: ZOk, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => studios.addMember(ctx, req.params.id, req.body.personId), { write: true }),
  );

  r.post(
    '/studios/:id/members/:personId/delete',
    {
      config: { policy: { allow: ADMINS, params: { id: 'space', personId: 'teacher' } } },
      schema: {
        tags,
        summary: '移除工作室成员',
        params: z.strictObject({ id: ZId, personId: ZId }),
        response: { 200: ZOk, ...errorResponses },
      },
    },
    (req) =>
      runAs(req, (ctx) => studios.removeMember(ctx, req.params.id, req.params.personId), { write: true }),
  );

  r.post(
    '/studios/:id/retire',
    {
      config: { policy: { allow: ADMINS, params: { id: 'space' } } },
      schema: { tags, summary: '撤销工作室', params: ZIdParams, response: { 200: ZOk, ...errorResponses } },
    },
    (req) => runAs(req, (ctx) => studios.retireStudio(ctx, req.params.id), { write: true }),
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAs } from '../../platform/http/context.ts';
import type { RoutePolicy } from '../../platform/http/policy.ts';
import { errorResponses, ZId, ZIdParams, ZLine, ZText } from '../../platform/http/schemas.ts';
import { MARKING_ROLES } from './assessment.scope.ts';
import { ASSIGNMENT_KINDS, MARK_ROUNDS } from './attempts.schema.ts';
import { rubricLine } from './item-model.ts';
import * as marking from './marking-flow.service.ts';

const tags = ['marking'];
const onAssignment: RoutePolicy = { allow: MARKING_ROLES, params: { id: 'marking' } };

const ZNumber = z.coerce.number().int().min(1).max(1000);
const ZPart = z.coerce.number().int().min(0).max(30).default(0);
const ZLeaf = z.strictObject({ number: ZNumber, part: ZPart });
const ZProgress = z.object({
  total: z.number(),
  counted: z.number(),
  mine: z.number(),
  awaitingSecond: z.number(),
  awaitingArbitration: z.number(),
});
const ZItem = z.object({
  number: z.number(),
  part: z.number(),
  type: z.enum(['short_answer', 'essay']),
  maxScore: z.number(),
  stimulus: z.string().nullable(),
  stem: z.string(),
  reference: z.string().nullable(),
  rubric: z.array(rubricLine),
});
const ZMarker = z.object({
  number: z.number(),
  part: z.number(),
  personId: z.string(),
  role: z.enum(['marker', 'arbiter']),
  name: z.string(),
  unitName: z.string().nullable(),
});

/** 流水批阅 (A5): the marking flow, double marking and arbitration, and the markers of a 统考. */
export async function markingFlowRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/marking/tasks',
    {
      config: { policy: { allow: MARKING_ROLES } },
      schema: {
        tags,
        summary: '我的阅卷任务：有主观题待批阅的作业和考试',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                title: z.string(),
                kind: z.enum(ASSIGNMENT_KINDS),
                doubleMarking: z.boolean(),
                closesAt: z.string(),
                releasedAt: z.string().nullable(),
                total: z.number(),
                counted: z.number(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => marking.listTasks(ctx)),
  );

  r.get(
    '/marking/assignments/:id',
    {
      config: { policy: onAssignment },
      schema: {
        tags,
        summary: '一次作业或考试的主观题、评分细则与批阅进度',
        params: ZIdParams,
        response: {
          200: z.object({
            id: z.string(),
            title: z.string(),
            kind: z.enum(ASSIGNMENT_KINDS),
            doubleMarking: z.boolean(),
            markGap: z.number().nullable(),
            anonymous: z.boolean(),
            releasedAt: z.string().nullable(),
            lead: z.boolean(),
            items: z.array(
              ZItem.extend({ canMark: z.boolean(), canArbitrate: z.boolean(), progress: ZProgress }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => marking.getMarkingOverview(ctx, req.params.id)),
  );

  r.get(
    '/marking/assignments/:id/scripts',
    {
      config: { policy: onAssignment },
      schema: {
        tags,
        summary: '一道主观题的答卷，按批阅顺序（统考隐去姓名，显示密号；双评时只见自己的评分）',
        params: ZIdParams,
        // Without a number: the first item the actor marks.
        querystring: z.strictObject({ number: ZNumber.optional(), part: ZPart }),
        response: {
          200: z.object({
            item: ZItem,
            doubleMarking: z.boolean(),
            releasedAt: z.string().nullable(),
            lead: z.boolean(),
            progress: ZProgress,
            scripts: z.array(
              z.object({
                id: z.string(),
                label: z.string(),
                answer: z.string(),
                myScore: z.number().nullable(),
                myComment: z.string().nullable(),
                state: z.enum(['todo', 'mine', 'done', 'arbitration']),
                counted: z.number().nullable(),
                marks: z.array(
                  z.object({ round: z.enum(MARK_ROUNDS), score: z.number(), comment: z.string().nullable() }),
                ),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (req) =>
      runAs(req, (ctx) => marking.listItemScripts(ctx, req.params.id, req.query.number, req.query.part)),
  );

  r.post(
    '/marking/assignments/:id/marks',
    {
      config: { policy: onAssignment },
      schema: {
        tags,
        summary: '评分：给一份答卷打分（或改分；成绩发布后改分须填写原因）',
        params: ZIdParams,
        body: z.strictObject({
          scriptId: ZId,
          score: z.number().min(0).max(200),
          comment: ZText(500, 0).optional(),
          reason: ZText(500, 0).optional(),
        }),
        response: {
          200: z.object({
            round: z.enum(MARK_ROUNDS),
            myScore: z.number(),
            state: z.enum(['mine', 'done', 'arbitration']),
            counted: z.number().nullable(),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => marking.scoreScript(ctx, req.params.id, req.body), { write: true }),
  );

  r.get(
    '/marking/assignments/:id/arbitration',
    {
      config: { policy: onAssignment },
      schema: {
        tags,
        summary: '仲裁队列：两位阅卷人评分差超过阈值的答卷',
        params: ZIdParams,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                number: z.number(),
                part: z.number(),
                maxScore: z.number(),
                label: z.string(),
                answer: z.string(),
                first: z.number().nullable(),
                second: z.number().nullable(),
                arbitration: z.number().nullable(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => marking.listArbitration(ctx, req.params.id)),
  );

  r.get(
    '/marking/assignments/:id/markers',
    {
      config: { policy: onAssignment },
      schema: {
        tags,
        summary: '阅卷分工（考试负责人）',
        params: ZIdParams,
        response: { 200: z.object({ items: z.array(ZMarker) }), ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => marking.listAssignmentMarkers(ctx, req.params.id)),
  );

  r.get(
    '/marking/assignments/:id/marker-candidates',
    {
      config: { policy: onAssignment },
      schema: {
        tags,
        summary: '可安排阅卷的教师（考试所属单位的教师，按姓名查找）',
        params: ZIdParams,
        querystring: z.strictObject({ q: ZLine(20, 0).default('') }),
        response: {
          200: z.object({
            items: z.array(z.object({ personId: z.string(), name: z.string(), unitName: z.string() })),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => marking.listMarkerCandidates(ctx, req.params.id, req.query.q)),
  );

  const ZMarkerBody = ZLeaf.extend({ personId: ZId });
  r.post(
    '/marking/assignments/:id/markers',
    {
      config: { policy: onAssignment },
      schema: {
        tags,
        summary: '安排阅卷教师或仲裁教师（一道题）',
        params: ZIdParams,
        body: ZMarkerBody.extend({ role: z.enum(['marker', 'arbiter']).default('marker') }),
        response: { 200: z.object({ items: z.array(ZMarker) }), ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => marking.changeMarker(ctx, req.params.id, req.body, false), { write: true }),
  );

  r.post(
    '/marking/assignments/:id/markers/remove',
    {
      config: { policy: onAssignment },
      schema: {
        tags,
        summary: '取消一位教师的阅卷分工（一道题）',
        params: ZIdParams,
        body: ZMarkerBody,
        response: { 200: z.object({ items: z.array(ZMarker) }), ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => marking.changeMarker(ctx, req.params.id, req.body, true), { write: true }),
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAs } from '../../platform/http/context.ts';
import { errorResponses, ZId, ZIdParams, ZText } from '../../platform/http/schemas.ts';
import { answerValue, itemContent, ZPracticeItem } from '../assessment/item-model.ts';
import * as practice from './practice.service.ts';
import * as push from './push.service.ts';
import { adviceFor } from './recommend.service.ts';

const tags = ['practice'];
const TEACHERS = ['teacher', 'head_teacher'] as const;

const ZLevel = z.enum(['weak', 'developing', 'mastered']);
const ZPoint = z.object({ id: z.string(), name: z.string() });
const ZRecent = z.object({ n: z.number(), wrong: z.number() }).nullable();
const ZCause = z.object({ id: z.string(), name: z.string(), p: z.number(), reason: z.string() });

const ZRecommendation = z.object({
  knowledgePoint: ZPoint.extend({ subjectCode: z.string() }),
  p: z.number(),
  level: ZLevel,
  correct: z.number(),
  wrong: z.number(),
  recent: ZRecent,
  reason: z.string(),
  cause: ZCause.nullable(),
  items: z.number(),
  resources: z.array(z.object({ id: z.string(), title: z.string(), kind: z.string() })),
});

const ZStudentPush = z.object({
  id: z.string(),
  knowledgePoint: ZPoint,
  byName: z.string(),
  note: z.string(),
  reason: z.string(),
  createdAt: z.string(),
  items: z.number(),
  answered: z.number(),
  correct: z.number(),
  done: z.boolean(),
  pBefore: z.number().nullable(),
  pNow: z.number().nullable(),
});

/** A practice item as the student is shown it, and whether they have answered it right (null: not yet). */
const ZSetItem = ZPracticeItem.extend({ answered: z.boolean().nullable() });

const ZMastery = z.object({ p: z.number(), level: ZLevel, answers: z.number() }).nullable();

const ZPushBody = z.strictObject({
  /** The client's idempotency key of this submission (one per filled-in form): a retry returns the first push. */
  key: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  knowledgePointId: ZId,
  itemIds: z.array(ZId).min(1).max(20),
  studentIds: z.array(ZId).min(1).max(200),
  note: ZText(200, 0).default(''),
});

const ZClassParams = z.strictObject({ id: ZId });
const ZClassPointParams = z.strictObject({ id: ZId, kpId: ZId });

/** 个性化练习 (A8): recommendations, practice, teachers' pushes and adjustments. */
export async function practiceRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/diagnosis/practice/students/:id',
    {
      config: {
        policy: {
          allow: ['student', 'parent', 'teacher', 'head_teacher'],
          params: { id: 'practice_target' },
        },
      },
      schema: {
        tags,
        summary: '为学生推荐的练习：教师推送在前，再是按薄弱知识点的推荐（附原因），不做排名',
        params: ZIdParams,
        response: {
          200: z.object({
            student: ZPoint,
            pushes: z.array(ZStudentPush),
            recommendations: z.array(ZRecommendation),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => adviceFor(ctx, req.params.id)),
  );

  r.get(
    '/diagnosis/practice/set',
    {
      config: { policy: { allow: ['student'] } },
      schema: {
        tags,
        summary: '我的练习题：推荐知识点上的题（未做过的在前、难度贴近水平）或老师推送的题，不含答案',
        querystring: z.strictObject({ kp: ZId.optional(), push: ZId.optional() }),
        response: {
          200: z.object({
            knowledgePoint: ZPoint,
            pushId: z.string().nullable(),
            push: z.object({ byName: z.string(), note: z.string() }).nullable(),
            reason: z
              .object({ text: z.string(), p: z.number(), recent: ZRecent, cause: ZCause.nullable() })
              .nullable(),
            mastery: ZMastery,
            items: z.array(ZSetItem),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => practice.practiceSet(ctx, req.query)),
  );

  r.post(
    '/diagnosis/practice/answers',
    {
      config: { policy: { allow: ['student'] } },
      schema: {
        tags,
        summary: '提交练习答案：立即判分并给出解析，知识点掌握度随之更新；重复提交不改变任何结果',
        body: z.strictObject({
          itemId: ZId,
          knowledgePointId: ZId,
          pushId: ZId.optional(),
          value: answerValue,
        }),
        response: {
          200: z.object({
            correct: z.boolean(),
            solution: itemContent,
            before: z.number().nullable(),
            mastery: ZMastery,
            repeated: z.boolean(),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => practice.answer(ctx, req.body), { write: true }),
  );

  r.get(
    '/diagnosis/practice/classes/:id',
    {
      config: { policy: { allow: TEACHERS, params: { id: 'practice_class' } } },
      schema: {
        tags,
        summary: '班级的个性化练习：各知识点推荐给多少学生，以及已推送的练习',
        params: ZClassParams,
        response: {
          200: z.object({
            class: ZPoint,
            points: z.array(
              z.object({
                kp: z.string(),
                name: z.string(),
                subjectCode: z.string(),
                students: z.number(),
                avgP: z.number(),
                muted: z.boolean(),
              }),
            ),
            pushes: z.array(
              z.object({
                id: z.string(),
                knowledgePoint: ZPoint,
                items: z.number(),
                note: z.string(),
                byName: z.string(),
                createdAt: z.string(),
                students: z.number(),
                practised: z.number(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => push.classPractice(ctx, req.params.id)),
  );

  r.get(
    '/diagnosis/practice/classes/:id/points/:kpId',
    {
      config: {
        policy: { allow: TEACHERS, params: { id: 'practice_class' }, unscopedParams: ['kpId'] },
      },
      schema: {
        tags,
        summary: '班级一个知识点：薄弱的学生、建议的题目、是否关闭了自动推荐',
        params: ZClassPointParams,
        response: {
          200: z.object({
            class: ZPoint,
            knowledgePoint: ZPoint.extend({ subjectCode: z.string() }),
            muted: z.boolean(),
            students: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                p: z.number().nullable(),
                answers: z.number(),
                level: ZLevel.nullable(),
                weak: z.boolean(),
              }),
            ),
            items: z.array(
              z.object({ id: z.string(), content: itemContent, difficulty: z.number(), type: z.string() }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => push.pointPractice(ctx, req.params.id, req.params.kpId)),
  );

  r.post(
    '/diagnosis/practice/classes/:id/pushes',
    {
      config: { policy: { allow: TEACHERS, params: { id: 'practice_class' } } },
      schema: {
        tags,
        summary:
          '推送练习：把一个知识点的题目推送给班里选定的学生，学生首页优先显示并收到通知（幂等：同一提交编号重复提交只推送一次）',
        params: ZClassParams,
        body: ZPushBody,
        response: { 200: z.object({ id: z.string(), repeated: z.boolean() }), ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => push.createPush(ctx, req.params.id, req.body), { write: true }),
  );

  r.post(
    '/diagnosis/practice/classes/:id/mutes',
    {
      config: { policy: { allow: TEACHERS, params: { id: 'practice_class' } } },
      schema: {
        tags,
        summary: '调整：为本班关闭（或重新开启）某个知识点的自动推荐',
        params: ZClassParams,
        body: z.strictObject({ knowledgePointId: ZId, muted: z.boolean() }),
        response: { 200: z.object({ muted: z.boolean() }), ...errorResponses },
      },
    },
    (req) =>
      runAs(req, (ctx) => push.setMute(ctx, req.params.id, req.body.knowledgePointId, req.body.muted), {
        write: true,
      }),
  );

  r.get(
    '/diagnosis/practice/pushes/:id',
    {
      config: { policy: { allow: TEACHERS, params: { id: 'practice_push' } } },
      schema: {
        tags,
        summary: '一次推送的进展：谁练了、答对几道、知识点掌握度自推送以来的变化',
        params: ZIdParams,
        response: {
          200: z.object({
            id: z.string(),
            classId: z.string(),
            knowledgePoint: ZPoint,
            items: z.number(),
            note: z.string(),
            byName: z.string(),
            createdAt: z.string(),
            students: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                answered: z.number(),
                correct: z.number(),
                pBefore: z.number().nullable(),
                pNow: z.number().nullable(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => push.pushDetail(ctx, req.params.id)),
  );
}

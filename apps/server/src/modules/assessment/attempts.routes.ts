import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAs } from '../../platform/http/context.ts';
import { errorResponses, ZIdParams } from '../../platform/http/schemas.ts';
import { ASSIGNMENT_KINDS, ATTEMPT_STATUSES } from './attempts.schema.ts';
import {
  attemptView,
  moveToItem,
  reportFocusLosses,
  saveAnswer,
  startAttempt,
  submitAttempt,
} from './attempts.service.ts';
import { answerValue } from './item-model.ts';

/** An attempt id names only the caller's own attempt: the service matches it to the student. */
const OWN_ATTEMPT = { allow: ['student'] as const, unscopedParams: ['id'] };

const ZContent = z.record(z.string(), z.unknown());

const ZAttempt = z.object({
  id: z.string(),
  assignmentId: z.string(),
  title: z.string(),
  kind: z.enum(ASSIGNMENT_KINDS),
  status: z.enum(ATTEMPT_STATUSES),
  paperFree: z.boolean(),
  forwardOnly: z.boolean(),
  startedAt: z.string(),
  deadlineAt: z.string(),
  submittedAt: z.string().nullable(),
  /** The server's clock when it answered: the countdown runs from the server's deadline. */
  serverNow: z.string(),
  furthest: z.number(),
  focusLosses: z.number(),
  /** The highest sequence number saved: a client that lost its own counter continues above it. */
  lastSeq: z.number(),
  paper: z.object({
    title: z.string(),
    subtitle: z.string().optional(),
    subjectCode: z.string(),
    gradeCode: z.string(),
    minutes: z.number(),
    totalScore: z.number(),
    navigation: z.enum(['free', 'forward_only']),
    sections: z.array(
      z.object({
        title: z.string(),
        instructions: z.string().optional(),
        items: z.array(z.object({ number: z.number(), score: z.number(), content: ZContent })),
      }),
    ),
  }),
  answers: z.array(
    z.object({
      number: z.number(),
      part: z.number(),
      value: answerValue,
      seq: z.number(),
      savedAt: z.string(),
    }),
  ),
  released: z.boolean(),
  score: z.number().nullable().optional(),
  totalScore: z.number().optional(),
  results: z
    .array(
      z.object({ number: z.number(), part: z.number(), score: z.number().nullable(), maxScore: z.number() }),
    )
    .optional(),
  /** The paper with its key and explanations: only once the scores are released. */
  key: ZContent.optional(),
});

/** Answering: the student's own attempt, its answers saved one by one, paper-free moves, submission. */
export async function attemptRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/assignments/:id/start',
    {
      config: { policy: { allow: ['student'], params: { id: 'assignment' } } },
      schema: {
        tags: ['assessment'],
        summary: '开始作答（已开始则继续）',
        params: ZIdParams,
        response: { 200: ZAttempt, ...errorResponses },
      },
    },
    // Starting touches no table a cache depends on (attempt and the audit trail announce nothing).
    (req) => runAs(req, (ctx) => startAttempt(ctx, req.params.id), { write: true, syncCaches: false }),
  );
  r.get(
    '/attempts/:id',
    {
      config: { policy: OWN_ATTEMPT },
      schema: {
        tags: ['assessment'],
        summary: '我的作答：试卷（发布前不含答案）、已保存的答案、截止时间',
        params: ZIdParams,
        response: { 200: ZAttempt, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => attemptView(ctx, req.params.id)),
  );
  r.post(
    '/attempts/:id/answers',
    {
      config: { policy: OWN_ATTEMPT },
      schema: {
        tags: ['assessment'],
        summary: '保存一道题的答案（幂等：同一保存编号重复提交只保存一次）',
        params: ZIdParams,
        body: z.strictObject({
          /** The client's idempotency key of this save. */
          key: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
          /** The client's sequence number within the attempt: a lower one never replaces a higher one. */
          seq: z.number().int().min(1).max(2_000_000_000),
          number: z.number().int().min(1).max(1000),
          part: z.number().int().min(0).max(30),
          value: answerValue,
        }),
        response: {
          200: z.object({
            key: z.string(),
            seq: z.number(),
            number: z.number(),
            part: z.number(),
            savedAt: z.string(),
            current: z.boolean(),
            repeated: z.boolean(),
          }),
          ...errorResponses,
        },
      },
    },
    // Saves touch no table a cache depends on (response, response_save and attempt announce nothing).
    (req) =>
      runAs(req, (ctx) => saveAnswer(ctx, req.params.id, req.body), { write: true, syncCaches: false }),
  );
  r.post(
    '/attempts/:id/position',
    {
      config: { policy: OWN_ATTEMPT },
      schema: {
        tags: ['assessment'],
        summary: '无纸化考试：转到第几题（只能向前的试卷不能返回）',
        params: ZIdParams,
        body: z.strictObject({ index: z.number().int().min(0).max(1000) }),
        response: { 200: z.object({ furthest: z.number() }), ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => moveToItem(ctx, req.params.id, req.body.index), { write: true }),
  );
  r.post(
    '/attempts/:id/focus',
    {
      config: { policy: OWN_ATTEMPT },
      schema: {
        tags: ['assessment'],
        summary: '无纸化考试：记录切屏（离开作答页面）次数',
        params: ZIdParams,
        body: z.strictObject({ count: z.number().int().min(0).max(100_000) }),
        response: { 200: z.object({ focusLosses: z.number() }), ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => reportFocusLosses(ctx, req.params.id, req.body.count), { write: true }),
  );
  r.post(
    '/attempts/:id/submit',
    {
      config: { policy: OWN_ATTEMPT },
      schema: {
        tags: ['assessment'],
        summary: '交卷（客观题立即评分）',
        params: ZIdParams,
        response: {
          200: z.object({ status: z.enum(ATTEMPT_STATUSES), submittedAt: z.string().nullable() }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => submitAttempt(ctx, req.params.id), { write: true }),
  );
}

import { ITEM_FLAG_CODES } from '@hanlin/analytics/items';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAs } from '../../platform/http/context.ts';
import { errorResponses, ZId, ZIdParams } from '../../platform/http/schemas.ts';
import { sendXlsx } from '../../platform/xlsx/xlsx-reply.ts';
import { ASSIGNMENT_KINDS } from './attempts.schema.ts';
import { ANALYSTS } from './item-analysis.policy.ts';
import { itemAnalysisOf, itemAnalysisWorkbook, listAnalysableExams } from './item-analysis.service.ts';
import { ITEM_TYPES } from './item-model.ts';

/** A statistic that is not defined on these data (no variance, too few students) is null. */
const ZStat = z.number().nullable();

const ZQuery = z.strictObject({
  /** One of the assignment's classes in the viewer's reach; absent: all of them. */
  classId: ZId.optional(),
});

const ZItemAnalysis = z.object({
  assignment: z.object({
    id: z.string(),
    title: z.string(),
    kind: z.enum(ASSIGNMENT_KINDS),
    subjectCode: z.string(),
    totalScore: z.number(),
    releasedAt: z.string().nullable(),
  }),
  /** The assignment's classes in the viewer's reach, with graded and not yet fully marked attempts. */
  classes: z.array(z.object({ id: z.string(), name: z.string(), graded: z.number(), pending: z.number() })),
  classId: z.string().nullable(),
  /** Graded attempts counted (N). */
  persons: z.number(),
  pending: z.number(),
  /** True when a researcher's selection holds too few students for aggregates to stay anonymous. */
  withheld: z.boolean(),
  /** Students in each of the upper and lower 27 % groups. */
  groupSize: z.number(),
  reliability: z.object({ alpha: ZStat, splitHalf: ZStat, splitHalfR: ZStat, sem: ZStat }).nullable(),
  scores: z
    .object({
      persons: z.number(),
      maxTotal: z.number(),
      mean: ZStat,
      sd: ZStat,
      min: ZStat,
      median: ZStat,
      max: ZStat,
      bins: z.array(z.object({ from: z.number(), to: z.number(), count: z.number() })),
    })
    .nullable(),
  items: z.array(
    z.object({
      number: z.number(),
      part: z.number(),
      label: z.string(),
      type: z.enum(ITEM_TYPES),
      knowledgePoints: z.array(z.object({ id: z.string(), name: z.string() })),
      maxScore: z.number(),
      /** Correct option(s) of a choice item (`T`/`F` for a judgement); empty otherwise. */
      key: z.array(z.string()),
      mean: ZStat,
      /** Difficulty index: mean ÷ full mark. */
      p: ZStat,
      /** Corrected item–rest point-biserial. */
      rpb: ZStat,
      /** Upper–lower 27 % discrimination. */
      d: ZStat,
      upperP: ZStat,
      lowerP: ZStat,
      alphaIfDeleted: ZStat,
      flags: z.array(
        z.object({
          code: z.enum(ITEM_FLAG_CODES),
          severity: z.enum(['serious', 'warning', 'info']),
          option: z.string().nullable(),
        }),
      ),
      /** Choice and judgement items: one row per option, then blanks (option null). */
      distractors: z
        .array(
          z.object({
            option: z.string().nullable(),
            isKey: z.boolean(),
            count: z.number(),
            share: ZStat,
            upper: ZStat,
            middle: ZStat,
            lower: ZStat,
            rpb: ZStat,
          }),
        )
        .nullable(),
    }),
  ),
});

/** Item analysis after a paper (试题分析): the figures, and the same as a workbook. */
export async function itemAnalysisRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/item-analysis/exams',
    {
      config: { policy: { allow: ANALYSTS } },
      schema: {
        tags: ['assessment'],
        summary: '可查看试题分析的统考（本人班级、本单位或所辖区域）',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                title: z.string(),
                subjectCode: z.string(),
                gradeCode: z.string(),
                opensAt: z.string(),
                releasedAt: z.string().nullable(),
                classes: z.number(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => listAnalysableExams(ctx)),
  );
  r.get(
    '/assignments/:id/item-analysis',
    {
      config: { policy: { allow: ANALYSTS, params: { id: 'itemAnalysis' } } },
      schema: {
        tags: ['assessment'],
        summary: '试题分析：难度、区分度、选项分析、信度与问题试题（仅汇总，不含学生个人数据）',
        params: ZIdParams,
        querystring: ZQuery,
        response: { 200: ZItemAnalysis, ...errorResponses },
      },
    },
    (req) =>
      runAs(req, (ctx) => itemAnalysisOf(ctx, { assignmentId: req.params.id, classId: req.query.classId })),
  );
  r.get(
    '/assignments/:id/item-analysis/export',
    {
      config: { policy: { allow: ANALYSTS, params: { id: 'itemAnalysis' } } },
      schema: {
        tags: ['assessment'],
        summary: '导出试题分析（.xlsx：概览、试题、选项）',
        params: ZIdParams,
        querystring: ZQuery,
        response: errorResponses,
      },
    },
    async (req, reply) =>
      sendXlsx(
        reply,
        await runAs(req, (ctx) =>
          itemAnalysisWorkbook(ctx, { assignmentId: req.params.id, classId: req.query.classId }),
        ),
      ),
  );
}

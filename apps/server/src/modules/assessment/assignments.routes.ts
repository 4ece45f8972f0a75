import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAs } from '../../platform/http/context.ts';
import { errorResponses, ZId, ZIdParams, ZLine } from '../../platform/http/schemas.ts';
import { ASSIGNERS } from './assignments.policy.ts';
import {
  assignmentProgress,
  childHomework,
  createAssignment,
  listAssignableClasses,
  listAssignments,
  listFinalPapers,
  listMyHomework,
} from './assignments.service.ts';
import { ASSIGNMENT_KINDS } from './attempts.schema.ts';
import { regradeBlank, releaseScores } from './marking.service.ts';

const ZTime = z.iso.datetime({ offset: true });

const ZAssignment = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(ASSIGNMENT_KINDS),
  subjectCode: z.string(),
  paperId: z.string(),
  paperFree: z.boolean(),
  opensAt: z.string(),
  closesAt: z.string(),
  lateUntil: z.string().nullable(),
  minutes: z.number().nullable(),
  doubleMarking: z.boolean(),
  markGap: z.number().nullable(),
  releasedAt: z.string().nullable(),
  totalScore: z.number(),
  createdBy: z.string(),
  creatorName: z.string().nullable(),
  state: z.enum(['upcoming', 'open', 'closed', 'released']),
});

const ZStanding = z.enum(['not_started', 'in_progress', 'submitted', 'late', 'expired', 'missing']);

const ZHomework = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(ASSIGNMENT_KINDS),
  subjectCode: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  lateUntil: z.string().nullable(),
  minutes: z.number().nullable(),
  paperFree: z.boolean(),
  attemptId: z.string().nullable(),
  standing: ZStanding,
  deadlineAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  released: z.boolean(),
  /** Only once released; never a rank. */
  score: z.number().nullable(),
  totalScore: z.number(),
  open: z.boolean(),
});

/** Setting homework and exams, following them, and the students' and parents' lists. */
export async function assignmentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/assignments/classes',
    {
      config: { policy: { allow: ASSIGNERS } },
      schema: {
        tags: ['assessment'],
        summary: '可布置的班级（本人任教或管理的行政班、教学班）',
        querystring: z.strictObject({
          gradeCode: z
            .string()
            .regex(/^[0-9A-Za-z]{1,10}$/)
            .optional(),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                kind: z.enum(['class', 'teaching_class']),
                gradeCode: z.string().nullable(),
                schoolId: z.string().nullable(),
                schoolName: z.string(),
                students: z.number(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => listAssignableClasses(ctx, req.query.gradeCode)),
  );
  r.get(
    '/assignments/papers',
    {
      config: { policy: { allow: ASSIGNERS } },
      schema: {
        tags: ['assessment'],
        summary: '可布置的定稿试卷',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                title: z.string(),
                status: z.string(),
                subjectCode: z.string(),
                gradeCode: z.string(),
                minutes: z.number(),
                totalScore: z.number(),
                navigation: z.enum(['free', 'forward_only']),
                finalisedAt: z.string().nullable(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => listFinalPapers(ctx)),
  );
  r.post(
    '/assignments',
    {
      config: { policy: { allow: ASSIGNERS } },
      schema: {
        tags: ['assessment'],
        summary: '布置作业或考试',
        body: z.strictObject({
          paperId: ZId,
          title: ZLine(100, 0).optional(),
          kind: z.enum(ASSIGNMENT_KINDS),
          classIds: z.array(ZId).min(1).max(2000),
          opensAt: ZTime,
          closesAt: ZTime,
          lateUntil: ZTime.nullable().optional(),
          minutes: z.number().int().min(1).max(600).nullable().optional(),
          paperFree: z.boolean().default(false),
          doubleMarking: z.boolean().default(false),
          markGap: z.number().min(0).max(200).nullable().optional(),
        }),
        response: { 200: z.object({ id: z.string() }), ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => createAssignment(ctx, req.body), { write: true }),
  );
  r.get(
    '/assignments',
    {
      config: { policy: { allow: ASSIGNERS } },
      schema: {
        tags: ['assessment'],
        summary: '我布置的和我的班级收到的作业、考试',
        response: {
          200: z.object({
            items: z.array(
              ZAssignment.extend({
                classes: z.array(z.object({ id: z.string(), name: z.string() })),
                students: z.number(),
                started: z.number(),
                submitted: z.number(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => listAssignments(ctx)),
  );
  r.get(
    '/assignments/:id',
    {
      config: { policy: { allow: ASSIGNERS, params: { id: 'assignment' } } },
      schema: {
        tags: ['assessment'],
        summary: '作答情况：各班已开始、已提交、迟交、未交',
        params: ZIdParams,
        response: {
          200: z.object({
            assignment: ZAssignment,
            classes: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                students: z.number(),
                counts: z.record(ZStanding, z.number()),
              }),
            ),
            students: z.array(
              z.object({
                classId: z.string(),
                studentId: z.string(),
                name: z.string(),
                studentNo: z.string(),
                attemptId: z.string().nullable(),
                standing: ZStanding,
                startedAt: z.string().nullable(),
                submittedAt: z.string().nullable(),
                objectiveScore: z.number().nullable(),
                score: z.number().nullable(),
                focusLosses: z.number().nullable(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => assignmentProgress(ctx, req.params.id)),
  );
  r.post(
    '/assignments/:id/release',
    {
      config: { policy: { allow: ASSIGNERS, params: { id: 'assignment' } } },
      schema: {
        tags: ['assessment'],
        summary: '发布成绩（学生和家长可见得分与答案，不排名）',
        params: ZIdParams,
        response: { 200: z.object({ releasedAt: z.string() }), ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => releaseScores(ctx, req.params.id), { write: true }),
  );
  r.post(
    '/assignments/:id/regrade',
    {
      config: { policy: { allow: ASSIGNERS, params: { id: 'assignment' } } },
      schema: {
        tags: ['assessment'],
        summary: '改判填空：增加可接受的答案，重新评分所有已交答卷',
        params: ZIdParams,
        body: z.strictObject({
          number: z.number().int().min(1).max(1000),
          part: z.number().int().min(0).max(30),
          blankId: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/),
          accepted: z.array(ZLine(500)).min(1).max(20),
          reason: z.string().trim().max(500).optional(),
        }),
        response: { 200: z.object({ examined: z.number(), changed: z.number() }), ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => regradeBlank(ctx, req.params.id, req.body), { write: true }),
  );
  r.get(
    '/homework',
    {
      config: { policy: { allow: ['student'] } },
      schema: {
        tags: ['assessment'],
        summary: '我的作业与考试（待完成、已完成、已发布的成绩）',
        response: { 200: z.object({ items: z.array(ZHomework) }), ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => listMyHomework(ctx)),
  );
  r.get(
    '/students/:id/homework',
    {
      config: { policy: { allow: ['parent'], params: { id: 'student' } } },
      schema: {
        tags: ['assessment'],
        summary: '孩子的作业：未交、迟交、待完成与已发布的成绩',
        params: ZIdParams,
        response: {
          200: z.object({
            summary: z.object({ missing: z.number(), late: z.number(), toDo: z.number() }),
            // The child's attempts are addressed by the child only.
            items: z.array(ZHomework.omit({ attemptId: true })),
          }),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => childHomework(ctx, req.params.id)),
  );
}

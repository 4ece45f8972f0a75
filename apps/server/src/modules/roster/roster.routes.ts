import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAs } from '../../platform/http/context.ts';
import { ADMINS, STAFF } from '../../platform/http/policy.ts';
import { errorResponses, ZId, ZLine, ZOk } from '../../platform/http/schemas.ts';
import * as enrolment from './enrolment.service.ts';
import * as staff from './staff.service.ts';
import * as students from './students.service.ts';

const tags = ['roster'];
const ZDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });
const ZCodeValue = z
  .string()
  .trim()
  .regex(/^[0-9A-Z]{1,4}$/, '代码格式不正确');

const ZRoster = z.object({
  class: z.object({
    id: z.string(),
    name: z.string(),
    kind: z.string(),
    schoolName: z.string(),
    gradeCode: z.string().nullable(),
  }),
  students: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      gender: z.string(),
      studentNo: z.string(),
      birthDate: z.string().nullable(),
      status: z.string(),
    }),
  ),
  teachers: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      subjectCode: z.string().nullable(),
      isHeadTeacher: z.boolean(),
    }),
  ),
});

const ZStudent = z.object({
  personId: z.string(),
  name: z.string(),
  gender: z.string(),
  birthDate: z.string().nullable(),
  ethnicity: z.string().nullable(),
  nationality: z.string().nullable(),
  idType: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  /** 全国学籍号 holds the ID number: masked; `POST /students/:id/reveal` shows it in full, audited. */
  nationalNoMasked: z.string().nullable(),
  studentNo: z.string(),
  classId: z.string(),
  className: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  entryYear: z.number(),
  entryMode: z.string().nullable(),
  studyMode: z.string().nullable(),
  householdType: z.string().nullable(),
  householdPlace: z.string().nullable(),
  birthplace: z.string().nullable(),
  migrant: z.boolean(),
  status: z.string(),
  under14: z.boolean(),
  guardians: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      relation: z.string(),
      phone: z.string().nullable(),
      primary: z.boolean(),
    }),
  ),
});

const ZSensitive = z.object({
  health: z.string().nullable(),
  disability: z.string().nullable(),
  leftBehind: z.string().nullable(),
  orphan: z.boolean(),
});

const classParams = z.strictObject({ id: ZId });
const classRead = { allow: STAFF, params: { id: 'org_unit' as const } };
const classWrite = { allow: ADMINS, params: { id: 'org_unit' as const } };
const studentRead = { allow: [...STAFF, 'student', 'parent'] as const, params: { id: 'student' as const } };

export async function rosterRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/classes/:id/roster',
    {
      config: { policy: classRead },
      schema: {
        tags,
        summary: '班级（行政班或教学班）花名册',
        params: classParams,
        response: { 200: ZRoster, ...errorResponses },
      },
    },
    // A read: its audit row is written on its own, no transaction needed.
    (req) => runAs(req, (ctx) => students.getRoster(ctx, req.params.id)),
  );

  r.post(
    '/classes/:id/teachers',
    {
      config: { policy: classWrite },
      schema: {
        tags,
        summary: '安排任课教师（班级 × 学科）',
        params: classParams,
        body: z.strictObject({ teacherId: ZId, subjectCode: ZCodeValue }),
        response: { 200: ZOk, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => staff.assignTeacher(ctx, req.params.id, req.body), { write: true }),
  );

  r.post(
    '/classes/:id/teachers/remove',
    {
      config: { policy: classWrite },
      schema: {
        tags,
        summary: '取消任课安排',
        params: classParams,
        body: z.strictObject({ teacherId: ZId, subjectCode: ZCodeValue }),
        response: { 200: ZOk, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => staff.unassignTeacher(ctx, req.params.id, req.body), { write: true }),
  );

  r.post(
    '/classes/:id/head-teacher',
    {
      config: { policy: classWrite },
      schema: {
        tags,
        summary: '任命班主任',
        params: classParams,
        body: z.strictObject({ teacherId: ZId }),
        response: { 200: ZOk, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => staff.appointHeadTeacher(ctx, req.params.id, req.body), { write: true }),
  );

  r.post(
    '/classes/:id/members',
    {
      config: { policy: classWrite },
      schema: {
        tags,
        summary: '教学班选课学生',
        params: classParams,
        body: z.strictObject({ studentId: ZId }),
        response: { 200: ZOk, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => staff.addTeachingClassMember(ctx, req.params.id, req.body), { write: true }),
  );

  r.get(
    '/schools/:id/teachers',
    {
      config: { policy: { allow: ADMINS, params: { id: 'org_unit' } } },
      schema: {
        tags,
        params: classParams,
        response: {
          200: z.array(
            z.object({
              personId: z.string(),
              name: z.string(),
              staffNo: z.string(),
              subjects: z.array(z.string()),
              gender: z.string(),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    (req) => runAs(req, (ctx) => staff.listSchoolTeachers(ctx, req.params.id)),
  );

  r.get(
    '/students/:id',
    {
      config: { policy: studentRead },
      schema: {
        tags,
        summary: '学生学籍信息（不含敏感字段）',
        params: classParams,
        response: { 200: ZStudent, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => students.getStudent(ctx, req.params.id)),
  );

  r.get(
    '/students/:id/sensitive',
    {
      config: {
        policy: {
          allow: ['city_admin', 'district_admin', 'school_admin', 'head_teacher', 'parent'],
          params: { id: 'student' },
        },
      },
      schema: {
        tags,
        summary: '学生敏感信息（健康、残疾、留守、孤儿；每次查看均审计）',
        params: classParams,
        response: { 200: ZSensitive, ...errorResponses },
      },
    },
    (req) =>
      runAs(req, (ctx) => students.getStudentSensitive(ctx, req.params.id), {
        write: true,
        keepOnError: true,
      }),
  );

  r.post(
    '/students/:id/reveal',
    {
      config: { policy: { allow: [...ADMINS, 'student', 'parent'], params: { id: 'student' } } },
      schema: {
        tags,
        summary: '查看完整全国学籍号或证件号码（每次均审计）',
        params: classParams,
        body: z.strictObject({ field: z.enum(['nationalNo', 'idNumber']) }),
        response: { 200: z.object({ value: z.string() }), ...errorResponses },
      },
    },
    (req) =>
      runAs(req, (ctx) => students.revealStudentField(ctx, req.params.id, req.body.field), {
        write: true,
        keepOnError: true,
      }),
  );

  r.post(
    '/students',
    {
      config: { policy: { allow: ADMINS } },
      schema: {
        tags,
        summary: '新生入学（录入学籍）',
        body: z.strictObject({
          classId: ZId,
          name: ZLine(30),
          gender: z.enum(['1', '2']),
          birthDate: ZDate,
          ethnicity: z
            .string()
            .regex(/^[0-9]{2}$/)
            .optional(),
          idType: ZCodeValue,
          idNumber: ZLine(30, 6),
          nationalNo: z
            .string()
            .trim()
            .regex(/^[A-Z0-9]{10,20}$/, '全国学籍号格式不正确'),
          studentNo: z
            .string()
            .trim()
            .regex(/^[A-Za-z0-9-]{1,20}$/, '学号格式不正确'),
          entryYear: z.number().int().min(2000).max(2100),
          studyMode: z.enum(['1', '2']).optional(),
          householdType: z.enum(['1', '2']).optional(),
          migrant: z.boolean().optional(),
        }),
        response: { 200: ZStudent, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => enrolment.enrollStudent(ctx, req.body), { write: true }),
  );

  r.post(
    '/students/:id/transfer',
    {
      config: { policy: { allow: ADMINS, params: { id: 'student' } } },
      schema: {
        tags,
        summary: '转班/转学',
        params: classParams,
        body: z.strictObject({ classId: ZId }),
        response: { 200: ZStudent, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => enrolment.transferStudent(ctx, req.params.id, req.body), { write: true }),
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAs } from '../../platform/http/context.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import { getHome } from './portal.service.ts';

const ZUnitRef = z.object({ id: z.string(), name: z.string() });
const ZClass = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  schoolName: z.string(),
  subjects: z.array(z.string()),
  students: z.number(),
});
const ZTeacherRef = z.object({
  name: z.string(),
  subjectCodes: z.array(z.string()),
  isHeadTeacher: z.boolean(),
});

export const ZHome = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('city'),
    unit: ZUnitRef,
    totals: z.object({
      districts: z.number(),
      schools: z.number(),
      classes: z.number(),
      students: z.number(),
      teachers: z.number(),
    }),
    byDistrict: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        schools: z.number(),
        students: z.number(),
        teachers: z.number(),
      }),
    ),
  }),
  z.object({
    kind: z.literal('district'),
    unit: ZUnitRef,
    totals: z.object({
      schools: z.number(),
      classes: z.number(),
      students: z.number(),
      teachers: z.number(),
    }),
    bySchool: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        stage: z.string().nullable(),
        students: z.number(),
        teachers: z.number(),
      }),
    ),
  }),
  z.object({
    kind: z.literal('school'),
    unit: ZUnitRef,
    totals: z.object({ grades: z.number(), classes: z.number(), students: z.number(), teachers: z.number() }),
    byGrade: z.array(
      z.object({ id: z.string(), name: z.string(), classes: z.number(), students: z.number() }),
    ),
  }),
  z.object({ kind: z.literal('teacher'), unit: ZUnitRef, classes: z.array(ZClass) }),
  z.object({
    kind: z.literal('head_teacher'),
    unit: ZUnitRef,
    headClass: z
      .object({
        id: z.string(),
        name: z.string(),
        schoolName: z.string(),
        students: z.number(),
        boys: z.number(),
        girls: z.number(),
      })
      .nullable(),
    classes: z.array(ZClass),
  }),
  z.object({
    kind: z.literal('student'),
    me: z
      .object({ personId: z.string(), name: z.string(), className: z.string(), schoolName: z.string() })
      .nullable(),
    classes: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
    teachers: z.array(ZTeacherRef.extend({ personId: z.string() })),
  }),
  z.object({
    kind: z.literal('parent'),
    children: z.array(
      z.object({
        personId: z.string(),
        name: z.string(),
        classId: z.string(),
        className: z.string(),
        schoolName: z.string(),
        teachers: z.array(ZTeacherRef),
      }),
    ),
  }),
  z.object({
    kind: z.enum(['auditor', 'system_admin', 'security_admin', 'researcher', 'expert']),
    unit: ZUnitRef,
  }),
]);

export async function portalRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/portal/home',
    {
      config: { policy: { allow: 'session' } },
      schema: {
        tags: ['portal'],
        summary: '当前角色的首页数据',
        response: { 200: ZHome, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => getHome(ctx)),
  );
}

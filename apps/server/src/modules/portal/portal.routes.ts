import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAs } from '../../platform/http/context.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import { getHome } from './portal.service.ts';
import { SECTION_KEYS } from './sections.ts';

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

/** One entry of a home section: a notice, an answer, a resource, a review waiting … */
const ZHomeItem = z.object({
  id: z.string(),
  /** Empty when the first tag names the item (a subject code the page labels). */
  title: z.string(),
  detail: z.string().nullable(),
  link: z.string().nullable(),
  at: z.string().nullable(),
  tags: z.array(z.object({ type: z.enum(['text', 'subject', 'grade', 'resource_kind']), value: z.string() })),
  figures: z.array(z.object({ key: z.enum(['lessons', 'withoutPoints', 'uncovered']), value: z.number() })),
  flag: z.enum(['overdue', 'unread']).nullable(),
});

/**
 * A typed section of a home, most urgent first (lower `priority`): later modules add a key, and
 * the page shows it in its place without changing the others.
 */
const ZHomeSection = z.object({
  key: z.enum(SECTION_KEYS),
  priority: z.number(),
  count: z.number(),
  items: z.array(ZHomeItem),
  link: z.string().nullable(),
});
const ZSections = z.array(ZHomeSection);

export const ZHome = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('city'),
    unit: ZUnitRef,
    sections: ZSections,
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
    sections: ZSections,
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
    sections: ZSections,
    totals: z.object({ grades: z.number(), classes: z.number(), students: z.number(), teachers: z.number() }),
    byGrade: z.array(
      z.object({ id: z.string(), name: z.string(), classes: z.number(), students: z.number() }),
    ),
  }),
  z.object({ kind: z.literal('teacher'), unit: ZUnitRef, classes: z.array(ZClass), sections: ZSections }),
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
    sections: ZSections,
  }),
  z.object({
    kind: z.literal('student'),
    me: z
      .object({ personId: z.string(), name: z.string(), className: z.string(), schoolName: z.string() })
      .nullable(),
    classes: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
    teachers: z.array(ZTeacherRef.extend({ personId: z.string() })),
    sections: ZSections,
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
        /** Unread notices of the child's class, and its latest news. */
        unreadNotices: z.number(),
        news: z.array(ZHomeItem),
      }),
    ),
    sections: ZSections,
  }),
  z.object({ kind: z.enum(['researcher', 'expert']), unit: ZUnitRef, sections: ZSections }),
  z.object({
    kind: z.enum(['auditor', 'system_admin', 'security_admin']),
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

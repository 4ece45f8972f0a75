/** Request and response shapes of the mastery views (issue 11 §5). */
import { z } from 'zod';
import { ZId } from '../../platform/http/schemas.ts';

export const ZLevel = z.enum(['weak', 'developing', 'mastered']);
/** A subject code of GB/T 4658 style (两位数字), e.g. 14 数学. */
export const ZSubject = z.string().regex(/^\d{2}$/, { message: '学科代码应为两位数字' });
export const ZSubjectQuery = z.strictObject({ subject: ZSubject.optional() });
export const ZClassParams = z.strictObject({ classId: ZId });
export const ZClassPointParams = z.strictObject({ classId: ZId, kpId: ZId });
export const ZStudentPointParams = z.strictObject({ id: ZId, kpId: ZId });

const ZPointRef = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  strand: z.string(),
  subjectCode: z.string(),
});

export const ZClassHeatmap = z.object({
  class: z.object({ id: z.string(), name: z.string() }),
  /** Subjects with estimates in the class; `taught`: the viewer teaches it there (listed first). */
  subjects: z.array(z.object({ code: z.string(), taught: z.boolean() })),
  subject: z.string().nullable(),
  thresholds: z.object({ weakBelow: z.number(), masteredFrom: z.number() }),
  students: z.array(z.object({ id: z.string(), name: z.string(), studentNo: z.string() })),
  /**
   * Weakest first. Each point's cells are parallel arrays indexed like `students` (null: the student
   * has not answered on it): the mastery `p` (its level: below `thresholds.weakBelow` 薄弱, from
   * `masteredFrom` 掌握, else 待巩固) and the answers counted right and wrong.
   */
  points: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      strand: z.string(),
      students: z.number(),
      mean: z.number().nullable(),
      level: ZLevel.nullable(),
      weak: z.number(),
      p: z.array(z.number().nullable()),
      correct: z.array(z.number().nullable()),
      wrong: z.array(z.number().nullable()),
    }),
  ),
});

const ZClassSummary = {
  students: z.number(),
  mean: z.number().nullable(),
  level: ZLevel.nullable(),
  weak: z.number(),
};

export const ZClassPoint = z.object({
  class: z.object({ id: z.string(), name: z.string() }),
  point: ZPointRef,
  ...ZClassSummary,
  weakStudents: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      studentNo: z.string(),
      p: z.number(),
      correct: z.number(),
      wrong: z.number(),
    }),
  ),
  prerequisites: z.array(z.object({ id: z.string(), name: z.string(), depth: z.number(), ...ZClassSummary })),
});

export const ZCause = z.object({
  point: z.object({ id: z.string(), name: z.string() }),
  kind: z.enum(['weak', 'untested']),
  depth: z.number(),
  via: z.array(z.string()),
  p: z.number().nullable(),
  level: ZLevel.nullable(),
  sentence: z.string(),
});

export const ZStudentPoint = z.object({
  point: ZPointRef,
  p: z.number(),
  level: ZLevel,
  label: z.string(),
  correct: z.number(),
  wrong: z.number(),
  lastAt: z.string(),
  sentence: z.string(),
  contributions: z.array(
    z.object({ feature: z.string(), zh: z.string(), en: z.string(), effect: z.number() }),
  ),
  groups: z.array(z.object({ group: z.string(), zh: z.string(), en: z.string(), effect: z.number() })),
  prerequisites: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      depth: z.number(),
      p: z.number().nullable(),
      level: ZLevel.nullable(),
    }),
  ),
  causes: z.array(ZCause),
});

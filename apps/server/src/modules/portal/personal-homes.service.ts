import type { Ctx } from '../../platform/http/context.ts';
import { useGenericPlans } from './portal.repository.ts';
import * as repo from './today.repository.ts';
import { parentSections, SHOWN_ELSEWHERE, studentSections, teacherSections } from './today.service.ts';

/**
 * The homes of the many, read on every visit (issue 8's benchmark): teachers, pupils and parents.
 * Each is one statement (today.repository.ts) run with its generic plan.
 */

/** 教师 and 班主任: their unit, classes (and the class headed), and what waits for them today. */
export async function getTeacherHome(ctx: Ctx, head: boolean) {
  await useGenericPlans(ctx.db);
  const h = await repo.readTeacherHome(ctx.db, {
    personId: ctx.actor.personId,
    unitId: ctx.actor.orgUnitId,
    schoolId: ctx.actor.schoolId,
    paths: ctx.scope.paths,
    head,
    exceptKinds: SHOWN_ELSEWHERE.teacher,
  });
  const unit = h.unit ?? { id: ctx.actor.orgUnitId, name: '' };
  const classes = h.classes.map((c) => ({ ...c, subjects: c.subjects ?? [] }));
  const sections = teacherSections(ctx, h);
  if (head) return { kind: 'head_teacher' as const, unit, headClass: h.headClass, classes, sections };
  return { kind: 'teacher' as const, unit, classes, sections };
}

/** 学生: their place, classes and teachers (each once, with all their subjects), and their day. */
export async function getStudentHome(ctx: Ctx) {
  await useGenericPlans(ctx.db);
  const h = await repo.readStudentHome(ctx.db, {
    personId: ctx.actor.personId,
    classPaths: ctx.scope.memberPaths,
    exceptKinds: SHOWN_ELSEWHERE.student,
  });
  const merged = new Map<
    string,
    { personId: string; name: string; subjectCodes: string[]; isHeadTeacher: boolean }
  >();
  for (const t of h.teachers) {
    const m = merged.get(t.personId) ?? {
      personId: t.personId,
      name: t.name,
      subjectCodes: [],
      isHeadTeacher: false,
    };
    m.subjectCodes = [...new Set([...m.subjectCodes, ...t.subjectCodes])];
    m.isHeadTeacher ||= t.isHeadTeacher;
    merged.set(t.personId, m);
  }
  return {
    kind: 'student' as const,
    me: h.me,
    classes: h.classes,
    teachers: [...merged.values()],
    sections: studentSections(ctx, h),
  };
}

/** 家长: their children with each class's teachers and news, and what waits for the parent. */
export async function getParentHome(ctx: Ctx) {
  await useGenericPlans(ctx.db);
  const h = await repo.readParentHome(ctx.db, {
    personId: ctx.actor.personId,
    classPaths: ctx.scope.memberPaths,
    exceptKinds: SHOWN_ELSEWHERE.parent,
  });
  const today = parentSections(ctx, h);
  return {
    kind: 'parent' as const,
    children: h.children.map((k) => ({
      ...k,
      teachers: h.teachers
        .filter((t) => t.classId === k.classId)
        .map(({ name, subjectCodes, isHeadTeacher }) => ({ name, subjectCodes, isHeadTeacher })),
      ...(today.byClass.get(k.classId) ?? { unreadNotices: 0, news: [] }),
    })),
    sections: today.sections,
  };
}

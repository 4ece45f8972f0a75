import type { Ctx } from '../../platform/http/context.ts';
import * as repo from './portal.repository.ts';
import { parentSections, reviewerSections, studentSections, teacherSections } from './today.service.ts';

const unitOf = async (ctx: Ctx) =>
  (await repo.findUnit(ctx.db, ctx.actor.orgUnitId)) ?? { id: ctx.actor.orgUnitId, name: '' };

/** Counts per child unit of the actor's unit: schools per district, students and teachers. */
function childStats(ctx: Ctx, childKind: 'district' | 'school' | 'grade') {
  return repo.childStats(ctx.db, ctx.actor.orgUnitId, childKind);
}

async function myClasses(ctx: Ctx) {
  if (ctx.scope.paths.length === 0) return [];
  const rows = await repo.listTaughtClasses(ctx.db, ctx.actor.personId, ctx.scope.paths);
  return rows.map((r) => ({ ...r, subjects: r.subjects ?? [] }));
}

async function classTeachers(ctx: Ctx, classPaths: string[]) {
  if (classPaths.length === 0) return [];
  return repo.listClassTeachers(ctx.db, classPaths);
}

/** The homes read on every visit by the many (issue 8's benchmark): teachers, pupils, parents. */
const PERSONAL_HOMES = new Set(['teacher', 'head_teacher', 'student', 'parent']);

/** What each role needs on its home page today (P9). */
export async function getHome(ctx: Ctx) {
  const role = ctx.actor.role;
  if (PERSONAL_HOMES.has(role)) await repo.useGenericPlans(ctx.db);
  if (role === 'city_admin') {
    const byDistrict = await childStats(ctx, 'district');
    return {
      kind: 'city' as const,
      unit: await unitOf(ctx),
      sections: await reviewerSections(ctx),
      totals: {
        districts: byDistrict.length,
        schools: byDistrict.reduce((a, d) => a + d.schools, 0),
        classes: await repo.countActiveClasses(ctx.db),
        students: byDistrict.reduce((a, d) => a + d.students, 0),
        teachers: byDistrict.reduce((a, d) => a + d.teachers, 0),
      },
      byDistrict: byDistrict.map(({ id, name, schools, students, teachers }) => ({
        id,
        name,
        schools,
        students,
        teachers,
      })),
    };
  }
  if (role === 'district_admin') {
    const bySchool = await childStats(ctx, 'school');
    return {
      kind: 'district' as const,
      unit: await unitOf(ctx),
      sections: await reviewerSections(ctx),
      totals: {
        schools: bySchool.length,
        classes: bySchool.reduce((a, d) => a + d.classes, 0),
        students: bySchool.reduce((a, d) => a + d.students, 0),
        teachers: bySchool.reduce((a, d) => a + d.teachers, 0),
      },
      bySchool: bySchool.map(({ id, name, stage, students, teachers }) => ({
        id,
        name,
        stage,
        students,
        teachers,
      })),
    };
  }
  if (role === 'school_admin') {
    const byGrade = await childStats(ctx, 'grade');
    return {
      kind: 'school' as const,
      unit: await unitOf(ctx),
      sections: await reviewerSections(ctx),
      totals: {
        grades: byGrade.length,
        classes: byGrade.reduce((a, d) => a + d.classes, 0),
        students: byGrade.reduce((a, d) => a + d.students, 0),
        teachers: await repo.countSchoolTeachers(ctx.db, ctx.actor.schoolId),
      },
      byGrade: byGrade.map(({ id, name, classes, students }) => ({ id, name, classes, students })),
    };
  }
  if (role === 'teacher')
    return {
      kind: 'teacher' as const,
      unit: await unitOf(ctx),
      classes: await myClasses(ctx),
      sections: await teacherSections(ctx),
    };
  if (role === 'head_teacher') {
    return {
      kind: 'head_teacher' as const,
      unit: await unitOf(ctx),
      headClass: (await repo.findHeadClass(ctx.db, ctx.actor.orgUnitId)) ?? null,
      classes: await myClasses(ctx),
      sections: await teacherSections(ctx),
    };
  }
  if (role === 'student') {
    const me = await repo.findStudentPlace(ctx.db, ctx.actor.personId);
    const classes = await repo.listUnitsAt(ctx.db, ctx.scope.memberPaths);
    const teachers = await classTeachers(ctx, ctx.scope.memberPaths);
    const merged = new Map<
      string,
      { personId: string; name: string; subjectCodes: string[]; isHeadTeacher: boolean }
    >();
    for (const t of teachers) {
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
      me: me ?? null,
      classes,
      teachers: [...merged.values()],
      sections: await studentSections(ctx),
    };
  }
  if (role === 'parent') {
    const kids = await repo.listChildren(ctx.db, ctx.actor.personId);
    const teachers = await classTeachers(
      ctx,
      kids.map((k) => k.path),
    );
    const today = await parentSections(ctx, kids);
    return {
      kind: 'parent' as const,
      children: kids.map(({ path: _p, ...k }) => ({
        ...k,
        teachers: teachers
          .filter((t) => t.classId === k.classId)
          .map(({ name, subjectCodes, isHeadTeacher }) => ({ name, subjectCodes, isHeadTeacher })),
        ...(today.byClass.get(k.classId) ?? { unreadNotices: 0, news: [] }),
      })),
      sections: today.sections,
    };
  }
  if (role === 'researcher' || role === 'expert')
    return { kind: role, unit: await unitOf(ctx), sections: await reviewerSections(ctx) };
  return {
    kind: role as 'auditor' | 'system_admin' | 'security_admin',
    unit: await unitOf(ctx),
  };
}

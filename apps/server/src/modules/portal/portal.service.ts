import type { Ctx } from '../../platform/http/context.ts';
import { getParentHome, getStudentHome, getTeacherHome } from './personal-homes.service.ts';
import * as repo from './portal.repository.ts';
import { reviewerSections } from './today.service.ts';

const unitOf = async (ctx: Ctx) =>
  (await repo.findUnit(ctx.db, ctx.actor.orgUnitId)) ?? { id: ctx.actor.orgUnitId, name: '' };

/** Counts per child unit of the actor's unit: schools per district, students and teachers. */
function childStats(ctx: Ctx, childKind: 'district' | 'school' | 'grade') {
  return repo.childStats(ctx.db, ctx.actor.orgUnitId, childKind);
}

/** What each role needs on its home page today (P9). */
export async function getHome(ctx: Ctx) {
  const role = ctx.actor.role;
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
  if (role === 'teacher' || role === 'head_teacher') return getTeacherHome(ctx, role === 'head_teacher');
  if (role === 'student') return getStudentHome(ctx);
  if (role === 'parent') return getParentHome(ctx);
  if (role === 'researcher' || role === 'expert')
    return { kind: role, unit: await unitOf(ctx), sections: await reviewerSections(ctx) };
  return {
    kind: role as 'auditor' | 'system_admin' | 'security_admin',
    unit: await unitOf(ctx),
  };
}

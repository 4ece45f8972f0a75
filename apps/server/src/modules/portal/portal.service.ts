import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/http/context.ts';

const unitOf = async (ctx: Ctx) => {
  const res = await ctx.db.execute<{ id: string; name: string }>(
    sql`select id, name from org_unit where id = ${ctx.actor.orgUnitId}`,
  );
  return res.rows[0] ?? { id: ctx.actor.orgUnitId, name: '' };
};

/** Counts per child unit of the actor's unit: schools per district, students and teachers. */
async function childStats(ctx: Ctx, childKind: 'district' | 'school' | 'grade') {
  const res = await ctx.db.execute<{
    id: string;
    name: string;
    stage: string | null;
    schools: number;
    classes: number;
    students: number;
    teachers: number;
  }>(sql`
    with kids as (select id, name, path, stage from org_unit where parent_id = ${ctx.actor.orgUnitId} and kind = ${childKind} and active)
    select k.id, k.name, k.stage,
      (select count(*)::int from org_unit o where o.path <@ k.path and o.kind = 'school' and o.active) as schools,
      (select count(*)::int from org_unit o where o.path <@ k.path and o.kind = 'class' and o.active) as classes,
      (select count(*)::int from student s where s.path <@ k.path and s.status = 'enrolled') as students,
      (select count(*)::int from teacher t where t.path <@ k.path and t.status = 'active') as teachers
    from kids k order by k.path`);
  return res.rows;
}

async function myClasses(ctx: Ctx) {
  if (ctx.scope.paths.length === 0) return [];
  const res = await ctx.db.execute<{
    id: string;
    name: string;
    kind: string;
    schoolName: string;
    subjects: string[] | null;
    students: number;
  }>(sql`
    select o.id, o.name, o.kind, sc.name as "schoolName",
      (select array_agg(distinct ta.subject_code) from teaching_assignment ta join term t on t.id = ta.term_id and t.current
        where ta.class_id = o.id and ta.teacher_id = ${ctx.actor.personId}) as subjects,
      case when o.kind = 'teaching_class'
        then (select count(*)::int from teaching_class_member m where m.teaching_class_id = o.id)
        else (select count(*)::int from student s where s.class_id = o.id and s.status = 'enrolled') end as students
    from org_unit o join org_unit sc on sc.id = o.school_id
    where o.path = any(string_to_array(${ctx.scope.paths.join(',')}, ',')::ltree[]) order by o.path`);
  return res.rows.map((r) => ({ ...r, subjects: r.subjects ?? [] }));
}

async function classTeachers(ctx: Ctx, classPaths: string[]) {
  if (classPaths.length === 0) return [];
  const res = await ctx.db.execute<{
    personId: string;
    name: string;
    classId: string;
    subjectCodes: string[];
    isHeadTeacher: boolean;
  }>(sql`
    with cls as (select id from org_unit where path = any(string_to_array(${classPaths.join(',')}, ',')::ltree[])),
    t as (
      select ta.teacher_id as person_id, ta.class_id, ta.subject_code, false as head
        from teaching_assignment ta join term tm on tm.id = ta.term_id and tm.current where ta.class_id in (select id from cls)
      union all
      select ra.person_id, ra.org_unit_id, null, true from role_assignment ra
       where ra.role = 'head_teacher' and ra.active and ra.org_unit_id in (select id from cls))
    select t.person_id as "personId", p.name, t.class_id as "classId",
           coalesce(array_agg(distinct t.subject_code) filter (where t.subject_code is not null), '{}') as "subjectCodes",
           bool_or(t.head) as "isHeadTeacher"
      from t join person p on p.id = t.person_id group by t.person_id, p.name, t.class_id
     order by bool_or(t.head) desc, p.name`);
  return res.rows;
}

/** What each role needs on its home page today (P9). */
export async function getHome(ctx: Ctx) {
  const role = ctx.actor.role;
  if (role === 'city_admin') {
    const byDistrict = await childStats(ctx, 'district');
    const classes = await ctx.db.execute<{ n: number }>(
      sql`select count(*)::int as n from org_unit where kind = 'class' and active`,
    );
    return {
      kind: 'city' as const,
      unit: await unitOf(ctx),
      totals: {
        districts: byDistrict.length,
        schools: byDistrict.reduce((a, d) => a + d.schools, 0),
        classes: classes.rows[0]?.n ?? 0,
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
    const teachers = await ctx.db.execute<{
      n: number;
    }>(sql`select count(distinct person_id)::int as n from role_assignment
      where school_id = ${ctx.actor.schoolId} and role = 'teacher' and active`);
    return {
      kind: 'school' as const,
      unit: await unitOf(ctx),
      totals: {
        grades: byGrade.length,
        classes: byGrade.reduce((a, d) => a + d.classes, 0),
        students: byGrade.reduce((a, d) => a + d.students, 0),
        teachers: teachers.rows[0]?.n ?? 0,
      },
      byGrade: byGrade.map(({ id, name, classes, students }) => ({ id, name, classes, students })),
    };
  }
  if (role === 'teacher')
    return { kind: 'teacher' as const, unit: await unitOf(ctx), classes: await myClasses(ctx) };
  if (role === 'head_teacher') {
    const res = await ctx.db.execute<{
      id: string;
      name: string;
      schoolName: string;
      students: number;
      boys: number;
      girls: number;
    }>(sql`
      select o.id, o.name, sc.name as "schoolName",
        count(s.person_id)::int as students,
        count(*) filter (where p.gender = '1')::int as boys, count(*) filter (where p.gender = '2')::int as girls
      from org_unit o join org_unit sc on sc.id = o.school_id
      left join student s on s.class_id = o.id and s.status = 'enrolled' left join person p on p.id = s.person_id
      where o.id = ${ctx.actor.orgUnitId} group by o.id, o.name, sc.name`);
    return {
      kind: 'head_teacher' as const,
      unit: await unitOf(ctx),
      headClass: res.rows[0] ?? null,
      classes: await myClasses(ctx),
    };
  }
  if (role === 'student') {
    const me = await ctx.db.execute<{
      personId: string;
      name: string;
      className: string;
      schoolName: string;
    }>(sql`
      select s.person_id as "personId", p.name, c.name as "className", sc.name as "schoolName"
        from student s join person p on p.id = s.person_id join org_unit c on c.id = s.class_id join org_unit sc on sc.id = s.school_id
       where s.person_id = ${ctx.actor.personId}`);
    const classes = await ctx.db.execute<{ id: string; name: string; kind: string }>(sql`
      select id, name, kind from org_unit where path = any(string_to_array(${ctx.scope.memberPaths.join(',')}, ',')::ltree[]) order by kind, path`);
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
      me: me.rows[0] ?? null,
      classes: classes.rows,
      teachers: [...merged.values()],
    };
  }
  if (role === 'parent') {
    const kids = await ctx.db.execute<{
      personId: string;
      name: string;
      classId: string;
      className: string;
      schoolName: string;
      path: string;
    }>(sql`
      select s.person_id as "personId", p.name, s.class_id as "classId", c.name as "className", sc.name as "schoolName", s.path::text as path
        from guardian g join student s on s.person_id = g.student_id join person p on p.id = s.person_id
        join org_unit c on c.id = s.class_id join org_unit sc on sc.id = s.school_id
       where g.parent_id = ${ctx.actor.personId} order by s.entry_year, p.name`);
    const teachers = await classTeachers(
      ctx,
      kids.rows.map((k) => k.path),
    );
    return {
      kind: 'parent' as const,
      children: kids.rows.map(({ path: _p, ...k }) => ({
        ...k,
        teachers: teachers
          .filter((t) => t.classId === k.classId)
          .map(({ name, subjectCodes, isHeadTeacher }) => ({ name, subjectCodes, isHeadTeacher })),
      })),
    };
  }
  return {
    kind: role as 'auditor' | 'system_admin' | 'security_admin' | 'researcher' | 'expert',
    unit: await unitOf(ctx),
  };
}

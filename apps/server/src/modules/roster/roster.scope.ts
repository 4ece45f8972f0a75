import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { execPrepared } from '../../platform/db/prepared.ts';
import { or, ownerFunction, RLS, underMembers, underPaths } from '../../platform/db/row-security.ts';
import { ADMINS } from '../../platform/http/policy.ts';
import { firstId, notOwn } from '../../platform/scope/matrix.ts';
import type { ScopeRules } from '../../platform/scope/registry.ts';
import {
  type Actor,
  EMPTY_SCOPE,
  inScope,
  pathWithin,
  type Scope,
  textArray,
} from '../../platform/scope/scope.ts';

declare module '../../platform/scope/registry.ts' {
  interface ScopedEntityKinds {
    /** A student, addressed by their person id. */
    student: true;
    /** A teacher, addressed by their person id. */
    teacher: true;
  }
}
declare module '../../platform/scope/matrix.ts' {
  interface MatrixTargets {
    student: string;
    teacher: string;
  }
}

/** A person row is visible through its path, an explicit grant, or a teaching class in scope. */
export function studentVisible(scope: Scope, personIdCol: SQL | unknown, pathCol: SQL | unknown): SQL {
  if (scope.all) return sql`true`;
  const parts: SQL[] = [];
  if (scope.paths.length > 0) {
    parts.push(pathWithin(pathCol, scope.paths));
    parts.push(
      sql`exists (select 1 from teaching_class_member m where m.student_id = ${personIdCol} and ${pathWithin(sql`m.path`, scope.paths)})`,
    );
  }
  if (scope.personIds.length > 0)
    parts.push(sql`${personIdCol} = any(${textArray(scope.personIds, 'uuid')})`);
  if (parts.length === 0) return sql`false`;
  return sql`(${sql.join(parts, sql` or `)})`;
}

/**
 * Roles with a reason to browse the org tree of their unit but none to see pupils or staff: the
 * 三员 (auditor, system and security administrators: 等保 2.0 三员分立) and the reviewers (教研员,
 * 专家). They get the structure of their subtree (units, codes, head counts) and no `paths`, so
 * every personal table's row policy shows them nothing.
 */
export const STRUCTURE_ROLES = ['auditor', 'system_admin', 'security_admin', 'researcher', 'expert'] as const;

/** Computes the scope of the actor's active role. Called once per request (the guard caches it). */
export async function resolveScope(tx: Tx, actor: Actor): Promise<Scope> {
  if ((ADMINS as readonly string[]).includes(actor.role)) {
    return { all: actor.role === 'city_admin', paths: [actor.orgPath], personIds: [], memberPaths: [] };
  }
  if (actor.role === 'teacher' || actor.role === 'head_teacher') {
    // Both roles cover what the person teaches or heads in the school of the active role
    // (city.district.school = the first three labels), not in a second school.
    const rows = await execPrepared<{ path: string }>(
      tx,
      sql`
      with school as (select subpath(${actor.orgPath}::ltree, 0, 3) as p)
      select ta.path::text as path from teaching_assignment ta
        join term t on t.id = ta.term_id and t.current, school
       where ta.teacher_id = ${actor.personId} and ta.path <@ school.p
      union
      select ra.path::text from role_assignment ra, school
       where ra.person_id = ${actor.personId} and ra.role = 'head_teacher' and ra.active
         and ra.path <@ school.p`,
    );
    return { all: false, paths: rows.map((r) => r.path), personIds: [], memberPaths: [] };
  }
  if (actor.role === 'student') {
    const rows = await execPrepared<{ path: string }>(
      tx,
      sql`
      select s.path::text as path from student s where s.person_id = ${actor.personId}
      union select m.path::text from teaching_class_member m where m.student_id = ${actor.personId}`,
    );
    return { all: false, paths: [], personIds: [actor.personId], memberPaths: rows.map((r) => r.path) };
  }
  if (actor.role === 'parent') {
    const rows = await execPrepared<{ id: string; path: string }>(
      tx,
      sql`
      select g.student_id as id, s.path::text as path from guardian g
        join student s on s.person_id = g.student_id where g.parent_id = ${actor.personId}`,
    );
    return {
      all: false,
      paths: [],
      personIds: rows.map((r) => r.id),
      memberPaths: [...new Set(rows.map((r) => r.path))],
    };
  }
  if ((STRUCTURE_ROLES as readonly string[]).includes(actor.role)) {
    return { ...EMPTY_SCOPE, structurePaths: [actor.orgPath] };
  }
  return EMPTY_SCOPE;
}

/**
 * Who sees whom (P3): administrators their subtree, teachers the classes they teach or head,
 * students themselves, parents their children; the actor's scope is computed here for every role.
 */
/**
 * Whether the scope sees student row `s`: in its subtrees, one of its persons, or a member of a
 * teaching class in its subtrees. `schema` qualifies the tables it reads ('public.' inside an
 * owner-rights function, where a temporary table could otherwise stand in for one).
 */
const studentSeen = (s: string, schema: string) =>
  or(
    underPaths(`${s}.path`),
    `${s}.person_id = any(${RLS.persons})`,
    `exists (select 1 from ${schema}teaching_class_member m where m.student_id = ${s}.person_id and ${underPaths('m.path')})`,
  );

export const rosterScope: ScopeRules = {
  module: 'roster',
  // Row-level security: the same visibility as the guard's `student` and `teacher` kinds.
  rowSecurity: [
    {
      table: 'student',
      read: studentSeen('student', ''),
      write: underPaths('path'),
      // The same rule, for the policies of other tables that ask whether a student is seen.
      functions: ownerFunction(
        'hanlin_student_visible',
        'p_student uuid',
        `exists (select 1 from public.student s where s.person_id = p_student and ${studentSeen('s', 'public.')})`,
      ),
    },
    // Health, disability, left-behind status: the class's staff, admins and guardians, no teaching classes.
    {
      table: 'student_sensitive',
      read: or(underPaths('path'), `person_id = any(${RLS.persons})`),
      write: underPaths('path'),
    },
    // Teachers' professional records (school, subjects) are seen platform-wide: their spaces,
    // studios and resources are open to all; their personal data (person) is not.
    { table: 'teacher', read: RLS.signedIn, write: underPaths('path') },
    {
      table: 'teaching_assignment',
      read: or(`teacher_id = ${RLS.actor}`, underPaths('path'), underMembers('path')),
      write: underPaths('path'),
    },
    {
      table: 'teaching_class_member',
      read: or(underPaths('path'), `student_id = any(${RLS.persons})`, underMembers('path')),
      write: underPaths('path'),
    },
    {
      table: 'guardian',
      read: or(
        `parent_id = ${RLS.actor}`,
        `student_id = any(${RLS.persons})`,
        'hanlin_student_visible(guardian.student_id)',
      ),
      write: underPaths('path'),
    },
  ],
  resolver: {
    resolve: resolveScope,
    tables: [
      'role_assignment',
      'term',
      'teaching_assignment',
      'student',
      'teaching_class_member',
      'guardian',
    ],
  },
  kinds: [
    {
      kind: 'student',
      visible: ({ scope }, id) =>
        sql`exists (select 1 from student s where s.person_id = ${id} and ${studentVisible(scope, sql`s.person_id`, sql`s.path`)})`,
      tables: ['student', 'teaching_class_member'],
      matrix: { outOfScope: (t) => [t.student] },
    },
    {
      // A teacher is visible to admins of their school and to anyone whose scope covers a class they teach.
      kind: 'teacher',
      visible: ({ scope }, id) => {
        const member = [...scope.paths, ...scope.memberPaths];
        return sql`exists (select 1 from teacher t where t.person_id = ${id} and (${inScope(scope, sql`t.path`)}
          or exists (select 1 from teaching_assignment ta where ta.teacher_id = t.person_id
                     and ${pathWithin(sql`ta.path`, member)})))`;
      },
      tables: ['teacher', 'teaching_assignment'],
      matrix: { outOfScope: (t) => [t.teacher] },
    },
  ],
  matrix: {
    targets: async (tx, places) => {
      return {
        student: await firstId(
          tx,
          sql`select s.person_id as id from student s where s.class_id = ${places.memberClassId}
                and s.status = 'enrolled' and ${notOwn(sql`s.person_id`, places)}
              order by s.student_no limit 1`,
        ),
        teacher: await firstId(
          tx,
          sql`select t.person_id as id from teacher t join org_unit c on c.id = ${places.staffClassId}
               where t.school_id = c.school_id and ${notOwn(sql`t.person_id`, places)}
               order by t.staff_no limit 1`,
        ),
      };
    },
    writes: {
      'POST /api/classes/:id/teachers': (t, own) => [
        { url: `/api/classes/${t.class}/teachers`, body: { teacherId: t.teacher, subjectCode: '13' } },
        ...(own
          ? [{ url: `/api/classes/${own.class}/teachers`, body: { teacherId: t.teacher, subjectCode: '13' } }]
          : []),
      ],
      'POST /api/classes/:id/teachers/remove': (t) => [
        { url: `/api/classes/${t.class}/teachers/remove`, body: { teacherId: t.teacher, subjectCode: '13' } },
      ],
      'POST /api/classes/:id/head-teacher': (t, own) => [
        { url: `/api/classes/${t.class}/head-teacher`, body: { teacherId: t.teacher } },
        ...(own ? [{ url: `/api/classes/${own.class}/head-teacher`, body: { teacherId: t.teacher } }] : []),
      ],
      'POST /api/classes/:id/members': (t) => [
        { url: `/api/classes/${t.class}/members`, body: { studentId: t.student } },
      ],
      'POST /api/students': (t) => [
        {
          url: '/api/students',
          body: {
            classId: t.class,
            name: '范测试',
            gender: '1',
            birthDate: '2015-03-02',
            idType: '1',
            idNumber: '440104201503020016',
            nationalNo: 'G440104201503020016',
            studentNo: 'X0001',
            entryYear: 2021,
          },
        },
      ],
      'POST /api/students/:id/reveal': (t) => [
        { url: `/api/students/${t.student}/reveal`, body: { field: 'nationalNo' } },
      ],
      'POST /api/students/:id/transfer': (t, own) => [
        { url: `/api/students/${t.student}/transfer`, body: { classId: own?.class ?? t.class } },
        ...(own ? [{ url: `/api/students/${own.student}/transfer`, body: { classId: t.class } }] : []),
      ],
    },
  },
};

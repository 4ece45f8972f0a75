import { type SQL, sql } from 'drizzle-orm';
import { or, RLS, roleIn, underPaths } from '../../platform/db/row-security.ts';
import { ADMINS } from '../../platform/http/policy.ts';
import { firstId, NO_SUCH_ID, notOwn } from '../../platform/scope/matrix.ts';
import type { ScopeRules, Viewer } from '../../platform/scope/registry.ts';
import { type Actor, inScope, pathWithin, type Scope, textArray } from '../../platform/scope/scope.ts';
import { bankKinds, bankMatrix } from './bank.scope.ts';

const STAFF = [
  'teacher',
  'head_teacher',
  'researcher',
  'expert',
  'city_admin',
  'district_admin',
  'school_admin',
];
const ADMIN = ['city_admin', 'district_admin', 'school_admin'];

/** `col` lies in the actor's own district (the first two levels of their unit's path), or school (three). */
const inOwn = (col: string, levels: number) =>
  `${col} <@ subpath(${RLS.orgPath}, 0, least(${levels}, nlevel(${RLS.orgPath})))`;

/** A student's own rows, a guardian's children's, or the rows of classes in the staff member's scope. */
/** The assignments the actor marks as a 统考 marker, and their papers (functions on marking_marker). */
const MARKED = {
  // The casts keep `= any(...)` an array comparison, not ANY over a subquery's rows.
  assignments: '(select hanlin_assessment_marked())::uuid[]',
  papers: '(select hanlin_assessment_marked_papers())::uuid[]',
} as const;

const learnerRows = (student: string, path: string) =>
  or(`${student} = ${RLS.actor}`, `${student} = any(${RLS.persons})`, underPaths(path));

/**
 * The assessment module (A2–A6). Items hold their answers, so no learner reads the bank: students
 * see an item's content through a paper given to their class (with the key stripped until release)
 * and, with its key, in their own mistake notebook; guardians likewise for their children. Staff see
 * their own items, what was shared to their school, district or city, and administrators what their
 * unit's teachers wrote. Attempts and everything hanging from them belong to the student, their
 * guardians and the staff whose scope holds the student's class.
 */
export const assessmentScope: ScopeRules = {
  module: 'assessment',
  kinds: bankKinds,
  matrix: bankMatrix,
  rowSecurity: [
    {
      table: 'item',
      read: or(
        `author_id = ${RLS.actor}`,
        `(${roleIn(...ADMIN)} and ${underPaths('path')})`,
        // `share` is the level in force (set only by an approval); a request to widen it is
        // `share_requested` while pending, and the item stays where it was meanwhile.
        `(${roleIn(...STAFF)} and (share = 'city'
           or (share = 'district' and ${inOwn('path', 2)}) or (share = 'school' and ${inOwn('path', 3)})))`,
        // Reviewers of a share asked of their unit, and of one they returned.
        `(${roleIn('researcher', 'expert', ...ADMIN)} and share_status in ('pending', 'returned') and path <@ ${RLS.orgPath})`,
        // An item of the learner's (or child's) notebook, once its assignment's scores are released:
        // until then its key must not reach them by any query.
        `(${roleIn('student', 'parent')} and exists (select 1 from mistake m
           left join attempt t on t.id = m.attempt_id left join assignment a on a.id = t.assignment_id
           where m.item_id = item.id and (m.attempt_id is null or a.released_at is not null)))`,
      ),
      write: or(
        `author_id = ${RLS.actor}`,
        `(${roleIn(...ADMIN)} and ${underPaths('path')})`,
        // A researcher's decision on a share asked of their unit (the read rule picks the pending row).
        `(${roleIn('researcher')} and share_status in ('approved', 'returned') and path <@ ${RLS.orgPath})`,
      ),
    },
    {
      table: 'item_file',
      read: `owner_id = ${RLS.actor} or exists (select 1 from item i where i.id = item_file.item_id)`,
      write: `owner_id = ${RLS.actor}`,
    },
    {
      table: 'blueprint',
      read: or(
        `owner_id = ${RLS.actor}`,
        `(shared and ${roleIn(...STAFF)} and ${inOwn('path', 3)})`,
        `(${roleIn(...ADMIN)} and ${underPaths('path')})`,
      ),
      write: `owner_id = ${RLS.actor}`,
    },
    {
      table: 'paper',
      read: or(
        `owner_id = ${RLS.actor}`,
        `(${roleIn(...ADMIN)} and ${underPaths('path')})`,
        `(${roleIn('researcher', 'expert')} and path <@ ${RLS.orgPath})`,
        // A paper given to a class in the actor's scope or one they (or their child) belong to.
        `exists (select 1 from assignment a join assignment_class ac on ac.assignment_id = a.id
                  where a.paper_id = paper.id
                    and (ac.path <@ any(${RLS.paths}) or ac.path <@ any(${RLS.members})))`,
        // A 统考 marker reads the rubric of the paper they mark.
        `id = any(${MARKED.papers})`,
      ),
      write: or(`owner_id = ${RLS.actor}`, `(${roleIn(...ADMIN)} and ${underPaths('path')})`),
    },
    {
      table: 'assignment',
      read: or(
        `created_by = ${RLS.actor}`,
        `(${roleIn(...ADMIN)} and ${underPaths('path')})`,
        `exists (select 1 from assignment_class ac where ac.assignment_id = assignment.id
                  and (ac.path <@ any(${RLS.paths}) or ac.path <@ any(${RLS.members})))`,
        `id = any(${MARKED.assignments})`,
      ),
      write: or(`created_by = ${RLS.actor}`, `(${roleIn(...ADMIN)} and ${underPaths('path')})`),
    },
    {
      table: 'attempt',
      // A 统考 marker reads the scripts of the exam they mark (names are left out by the queries).
      read: or(learnerRows('student_id', 'path'), `assignment_id = any(${MARKED.assignments})`),
      write: or(`student_id = ${RLS.actor}`, underPaths('path')),
    },
    {
      table: 'response',
      read: 'exists (select 1 from attempt t where t.id = response.attempt_id)',
      write: `exists (select 1 from attempt t where t.id = response.attempt_id
                       and (t.student_id = ${RLS.actor} or ${underPaths('t.path')}))`,
    },
    {
      table: 'response_save',
      read: 'exists (select 1 from attempt t where t.id = response_save.attempt_id)',
      write: `exists (select 1 from attempt t where t.id = response_save.attempt_id
                       and (t.student_id = ${RLS.actor} or ${underPaths('t.path')}))`,
    },
    {
      table: 'mark',
      read: 'exists (select 1 from response r where r.id = mark.response_id)',
      write: `marker_id = ${RLS.actor}`,
    },
    {
      table: 'mistake',
      read: learnerRows('student_id', 'path'),
      write: or(`student_id = ${RLS.actor}`, underPaths('path')),
    },
    {
      table: 'practice_answer',
      read: learnerRows('student_id', 'path'),
      write: `student_id = ${RLS.actor}`,
    },
  ],
};

// ——— Marking (流水批阅, double marking, arbitration) and the mistake notebook (错题本) ———

declare module '../../platform/scope/registry.ts' {
  interface ScopedEntityKinds {
    /** An assignment as its markers address it (流水批阅), by the assignment's id. */
    marking: true;
    /** An entry of a student's mistake notebook (错题), by its id. */
    mistake: true;
  }
}
declare module '../../platform/scope/matrix.ts' {
  interface MatrixTargets {
    /** an assignment (not a 统考) given to the class, set by someone else */
    markingAssignment: string;
    /** an answer of a student of the class (a script, as markers address it) */
    markingScript: string;
    /** a notebook entry of a student of the class */
    mistake: string;
  }
}

/** Roles that mark (teachers, and 统考 markers, who are teachers) or lead the marking (administrators). */
export const MARKING_ROLES = ['teacher', 'head_teacher', ...ADMINS] as const;

/**
 * Who may address an assignment for marking: whoever set it, administrators whose unit holds the
 * unit that set it, its assigned markers and arbiters (统考), and — except in a 统考, which only
 * assigned markers mark — teachers whose scope holds one of its classes. `a` aliases an `assignment`.
 */
export function markingVisible(viewer: Viewer, a: SQL): SQL {
  const { actor, scope } = viewer;
  const admin = (ADMIN as readonly string[]).includes(actor.role)
    ? sql` or ${inScope(scope, sql`${a}.path`)}`
    : sql``;
  const teacher =
    actor.role === 'teacher' || actor.role === 'head_teacher'
      ? sql` or (${a}.kind <> 'unified_exam' and exists (select 1 from assignment_class ac
                 where ac.assignment_id = ${a}.id and ${pathWithin(sql`ac.path`, scope.paths)}))`
      : sql``;
  return sql`(${a}.created_by = ${actor.personId}${admin}${teacher}
    or exists (select 1 from marking_marker m where m.assignment_id = ${a}.id and m.person_id = ${actor.personId}))`;
}

/** A notebook entry: its student's, their guardians', and the staff whose scope holds the student's class. */
export function mistakeVisible(scope: Scope, actor: Pick<Actor, 'personId'>, m: SQL): SQL {
  return sql`(${m}.student_id = ${actor.personId} or ${inScope(scope, sql`${m}.path`)}
    or ${m}.student_id = any(${textArray(scope.personIds.length > 0 ? scope.personIds : [NO_SUCH_ID], 'uuid')}))`;
}

export const markingNotebookScope: ScopeRules = {
  module: 'assessment (marking and mistake notebook)',
  rowSecurity: [
    {
      table: 'marking_marker',
      // The marker sees their own rows; the exam's leaders (its creator, administrators of its unit) all.
      read: or(
        `person_id = ${RLS.actor}`,
        `exists (select 1 from assignment a where a.id = marking_marker.assignment_id
                  and (a.created_by = ${RLS.actor} or (${roleIn(...ADMIN)} and ${underPaths('a.path')})))`,
      ),
      write: `exists (select 1 from assignment a where a.id = marking_marker.assignment_id
                       and (a.created_by = ${RLS.actor} or (${roleIn(...ADMIN)} and ${underPaths('a.path')})))`,
      // Read by the policies of assignment, paper and attempt: owner's rights, so this table's own
      // policy (which reads assignment) is not expanded into theirs. Each gives the actor's marked
      // assignments (or their papers) once per statement (`MARKED`), usually none: asked per row
      // instead, a district's paper list called it for each of the city's 52,000 assignments
      // (0.5 s on 1,000,000 students).
      functions: `
create or replace function hanlin_assessment_marked() returns uuid[]
  language plpgsql stable security definer as
  $fn$ begin return array(select distinct m.assignment_id from public.marking_marker m
                           where m.person_id = ${RLS.actor}); end $fn$;
create or replace function hanlin_assessment_marked_papers() returns uuid[]
  language plpgsql stable security definer as
  $fn$ begin return array(select distinct a.paper_id from public.marking_marker m
                           join public.assignment a on a.id = m.assignment_id
                          where m.person_id = ${RLS.actor} and a.paper_id is not null); end $fn$;`,
    },
  ],
  kinds: [
    {
      kind: 'marking',
      visible: (viewer, id) =>
        sql`exists (select 1 from assignment a where a.id = ${id}::uuid and ${markingVisible(viewer, sql`a`)})`,
      tables: ['assignment', 'assignment_class', 'marking_marker'],
      matrix: { outOfScope: (t) => [t.markingAssignment] },
    },
    {
      kind: 'mistake',
      visible: ({ scope, actor }, id) =>
        sql`exists (select 1 from mistake m where m.id = ${id}::uuid and ${mistakeVisible(scope, actor, sql`m`)})`,
      tables: ['mistake'],
      matrix: { outOfScope: (t) => [t.mistake] },
    },
  ],
  matrix: {
    targets: async (tx, places) => ({
      // Given to another school's class (a colleague may share one of the teacher's classes); a 统考
      // is left out, since the demo may have made the teacher one of its markers.
      markingAssignment: await firstId(
        tx,
        sql`select a.id from assignment a join assignment_class ac on ac.assignment_id = a.id
             where ac.class_id = ${places.staffClassId} and a.kind <> 'unified_exam'
               and ${notOwn(sql`a.created_by`, places)} order by a.id limit 1`,
      ),
      markingScript: await firstId(
        tx,
        sql`select r.id from response r join attempt t on t.id = r.attempt_id
             where t.class_id = ${places.staffClassId}
               and ${notOwn(sql`t.student_id`, places)} order by r.id limit 1`,
      ),
      mistake: await firstId(
        tx,
        sql`select m.id from mistake m join org_unit c on c.id = ${places.memberClassId}
             where m.path <@ c.path and ${notOwn(sql`m.student_id`, places)} order by m.id limit 1`,
      ),
    }),
    writes: {
      // Another school's assignment; the actor's own class's assignment with another school's script.
      'POST /api/marking/assignments/:id/marks': (t, own) => [
        {
          url: `/api/marking/assignments/${t.markingAssignment}/marks`,
          body: { scriptId: t.markingScript, score: 1 },
        },
        ...(own
          ? [
              {
                url: `/api/marking/assignments/${own.markingAssignment}/marks`,
                body: { scriptId: t.markingScript, score: 1 },
              },
            ]
          : []),
      ],
      'POST /api/marking/assignments/:id/markers': (t) => [
        {
          url: `/api/marking/assignments/${t.markingAssignment}/markers`,
          body: { number: 1, part: 0, personId: t.teacher, role: 'marker' },
        },
      ],
      'POST /api/marking/assignments/:id/markers/remove': (t) => [
        {
          url: `/api/marking/assignments/${t.markingAssignment}/markers/remove`,
          body: { number: 1, part: 0, personId: t.teacher },
        },
      ],
      'POST /api/notebook/mistakes/:id/practice': (t) => [
        {
          url: `/api/notebook/mistakes/${t.mistake}/practice`,
          body: { itemId: NO_SUCH_ID, value: { choice: 'A' } },
        },
      ],
    },
  },
};

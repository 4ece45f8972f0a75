import { type SQL, sql } from 'drizzle-orm';
import { firstId, NO_SUCH_ID, notOwn } from '../../platform/scope/matrix.ts';
import type { ScopeRules } from '../../platform/scope/registry.ts';
import { type Actor, inScope, pathWithin, type Scope } from '../../platform/scope/scope.ts';

declare module '../../platform/scope/registry.ts' {
  interface ScopedEntityKinds {
    /** Homework or an exam given to classes (作业、考试), addressed by its id. */
    assignment: true;
  }
}
declare module '../../platform/scope/matrix.ts' {
  interface MatrixTargets {
    /** an assignment given to the class, set by someone else */
    assignment: string;
    /** an attempt of a student of the class at such an assignment */
    attempt: string;
    /** a finalised paper of the school of the class whose staff lie outside the scope */
    finalPaper: string;
  }
}

/**
 * Who may address an assignment: whoever set it, administrators whose unit holds the unit that set
 * it, and anyone whose scope holds one of its classes (their teachers; the students of the class
 * and their parents, as members).
 */
export function assignmentVisible(scope: Scope, actor: Pick<Actor, 'personId'>, id: SQL): SQL {
  const classes = scope.all
    ? sql`true`
    : sql`exists (select 1 from assignment_class ac where ac.assignment_id = a.id
                  and (${pathWithin(sql`ac.path`, scope.paths)} or ${pathWithin(sql`ac.path`, scope.memberPaths)}))`;
  return sql`exists (select 1 from assignment a where a.id = ${id}
    and (a.created_by = ${actor.personId} or ${inScope(scope, sql`a.path`)} or ${classes}))`;
}

/**
 * Homework and exams (A4): the guard's `assignment` kind and this part's share of the route × role
 * matrix. The row policies of its tables are the module's (`assessment.scope.ts`). Attempts are
 * addressed by their student only, who is matched in the service (as one's own messages are), so
 * the hot path of saving answers costs no visibility check beyond the save's own condition.
 */
export const assignmentScope: ScopeRules = {
  module: 'assessment (homework and exams)',
  kinds: [
    {
      kind: 'assignment',
      visible: ({ scope, actor }, id) => assignmentVisible(scope, actor, sql`${id}::uuid`),
      tables: ['assignment', 'assignment_class'],
      matrix: { outOfScope: (t) => [t.assignment] },
    },
  ],
  matrix: {
    targets: async (tx, places) => ({
      assignment: await firstId(
        tx,
        sql`select a.id from assignment a join assignment_class ac on ac.assignment_id = a.id
             where ac.class_id = ${places.classId} and ${notOwn(sql`a.created_by`, places)}
             order by a.id limit 1`,
      ),
      attempt: await firstId(
        tx,
        sql`select t.id from attempt t where t.class_id = ${places.classId}
               and ${notOwn(sql`t.student_id`, places)} order by t.id limit 1`,
      ),
      finalPaper: await firstId(
        tx,
        sql`select p.id from paper p join org_unit c on c.id = ${places.staffClassId}
             where p.status = 'final' and p.path <@ subpath(c.path, 0, 3) order by p.id limit 1`,
      ),
    }),
    writes: {
      // Another class, another school's paper; another's assignment and attempt.
      'POST /api/assignments': (t, own) => [
        {
          url: '/api/assignments',
          body: {
            paperId: own?.finalPaper ?? t.finalPaper,
            kind: 'homework',
            classIds: [t.class],
            opensAt: '2026-01-01T00:00:00Z',
            closesAt: '2099-01-01T00:00:00Z',
          },
        },
        {
          url: '/api/assignments',
          body: {
            paperId: t.finalPaper,
            kind: 'homework',
            classIds: [own?.class ?? t.class],
            opensAt: '2026-01-01T00:00:00Z',
            closesAt: '2099-01-01T00:00:00Z',
          },
        },
      ],
      'POST /api/assignments/:id/start': (t) => [{ url: `/api/assignments/${t.assignment}/start` }],
      'POST /api/assignments/:id/release': (t) => [{ url: `/api/assignments/${t.assignment}/release` }],
      'POST /api/assignments/:id/regrade': (t) => [
        {
          url: `/api/assignments/${t.assignment}/regrade`,
          body: { number: 1, part: 0, blankId: 'b1', accepted: ['越界'] },
        },
      ],
      'POST /api/attempts/:id/answers': (t) => [
        {
          url: `/api/attempts/${t.attempt}/answers`,
          body: { key: 'matrix-probe-0001', seq: 1, number: 1, part: 0, value: { choice: 'A' } },
        },
        {
          url: `/api/attempts/${NO_SUCH_ID}/answers`,
          body: { key: 'matrix-probe-0002', seq: 1, number: 1, part: 0, value: { choice: 'A' } },
        },
      ],
      'POST /api/attempts/:id/position': (t) => [
        { url: `/api/attempts/${t.attempt}/position`, body: { index: 0 } },
      ],
      'POST /api/attempts/:id/focus': (t) => [
        { url: `/api/attempts/${t.attempt}/focus`, body: { count: 1 } },
      ],
      'POST /api/attempts/:id/submit': (t) => [{ url: `/api/attempts/${t.attempt}/submit` }],
    },
  },
};

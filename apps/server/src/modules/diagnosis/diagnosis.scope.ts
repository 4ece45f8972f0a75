import { sql } from 'drizzle-orm';
import { or, RLS, underPaths } from '../../platform/db/row-security.ts';
import type { ScopeRules } from '../../platform/scope/registry.ts';
import { inScope } from '../../platform/scope/scope.ts';
import { practiceKinds, practiceMatrix, practiceRowSecurity } from './practice.scope.ts';

declare module '../../platform/scope/registry.ts' {
  interface ScopedEntityKinds {
    /** A class as its mastery heatmap addresses it (by the class's org unit id): staff of the class. */
    masteryClass: true;
  }
}

/** A student's own rows, a guardian's children's, or the rows of classes in the staff member's scope. */
const learnerRows = or(`student_id = ${RLS.actor}`, `student_id = any(${RLS.persons})`, underPaths('path'));

/**
 * The diagnosis module (A7, A8): knowledge mastery belongs to the student, their guardians and the
 * staff whose scope holds the student's class. Only the system writes it (grading, practice and
 * the nightly recompute fold answers in under a system scope of their own). A class's heatmap is
 * for the staff whose scope holds the class (its teachers, its school's administrators), never its
 * members; one student's mastery is addressed through the roster's `student` kind.
 */
export const diagnosisScope: ScopeRules = {
  module: 'diagnosis',
  rowSecurity: [
    { table: 'mastery_state', read: learnerRows, write: RLS.all },
    { table: 'knowledge_mastery', read: learnerRows, write: RLS.all },
    // The classes' sums behind 学情分析: read and written under the roll-up's system scopes.
    { table: 'level_score_rollup', read: underPaths('path'), write: RLS.all },
    { table: 'point_mastery_rollup', read: underPaths('path'), write: RLS.all },
    ...practiceRowSecurity,
  ],
  // The heatmap's class (masteryClass), and personalised practice's classes, pushes and
  // recommendation targets (practice.scope.ts, A8).
  kinds: [
    {
      kind: 'masteryClass',
      visible: ({ scope }, id) =>
        sql`exists (select 1 from org_unit o where o.id = ${id} and o.kind in ('class', 'teaching_class')
                      and ${inScope(scope, sql`o.path`)})`,
      tables: ['org_unit'],
      matrix: { outOfScope: (t) => [t.class] },
    },
    ...practiceKinds,
  ],
  matrix: practiceMatrix,
};

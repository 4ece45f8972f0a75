import { or, RLS, underPaths } from '../../platform/db/row-security.ts';
import type { ScopeRules } from '../../platform/scope/registry.ts';
import { practiceKinds, practiceMatrix, practiceRowSecurity } from './practice.scope.ts';

/** A student's own rows, a guardian's children's, or the rows of classes in the staff member's scope. */
const learnerRows = or(`student_id = ${RLS.actor}`, `student_id = any(${RLS.persons})`, underPaths('path'));

/**
 * The diagnosis module (A7, A8): knowledge mastery belongs to the student, their guardians and the
 * staff whose scope holds the student's class. Only the system writes it (grading, practice and
 * the nightly recompute fold answers in under a system scope of their own).
 */
export const diagnosisScope: ScopeRules = {
  module: 'diagnosis',
  rowSecurity: [
    { table: 'mastery_state', read: learnerRows, write: RLS.all },
    { table: 'knowledge_mastery', read: learnerRows, write: RLS.all },
    ...practiceRowSecurity,
  ],
  // Personalised practice (A8): classes, pushes and recommendation targets (practice.scope.ts).
  kinds: practiceKinds,
  matrix: practiceMatrix,
};

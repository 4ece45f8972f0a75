import { or, RLS, roleIn, underPaths } from '../../platform/db/row-security.ts';
import type { ScopeRules } from '../../platform/scope/registry.ts';
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
        `(${roleIn('student', 'parent')} and exists (select 1 from mistake m where m.item_id = item.id))`,
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
      ),
      write: or(`created_by = ${RLS.actor}`, `(${roleIn(...ADMIN)} and ${underPaths('path')})`),
    },
    {
      table: 'attempt',
      read: learnerRows('student_id', 'path'),
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

/**
 * The markers of an exam (阅卷分工): in a district 统考 the exam office assigns each subjective item
 * (题组) to markers, who then mark that item on every script of the exam, whichever school wrote it,
 * without seeing names; arbiters (仲裁) take the scripts whose two marks differ by more than the gap.
 * Homework and school exams need no rows here: the teachers of the class mark them.
 */
import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, ltree } from '../../platform/db/types.ts';
import { inventory, NONE, personal } from '../../platform/privacy/data-classes.ts';
import { assignments } from './attempts.schema.ts';

export const MARKER_ROLES = ['marker', 'arbiter'] as const;
export type TMarkerRole = (typeof MARKER_ROLES)[number];

export const markingMarkers = pgTable(
  'marking_marker',
  {
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    /** The item's number on the paper and the part of a composite (0 for a plain item). */
    number: smallint('number').notNull(),
    part: smallint('part').notNull().default(0),
    personId: uuid('person_id').notNull(),
    role: text('role').$type<TMarkerRole>().notNull(),
    assignedBy: uuid('assigned_by').notNull(),
    /** The assignment's unit (the district of a 统考), for scope. */
    path: ltree('path').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.assignmentId, t.number, t.part, t.personId] }),
    // A marker's work list: the exams they were given items of.
    index('marking_marker_person_idx').on(t.personId),
    check('marking_marker_role_ck', sql`${t.role} in ('marker','arbiter')`),
  ],
);

export const markingFlowInventory = [
  inventory(markingMarkers, {
    description: '统考阅卷分工（阅卷教师与仲裁教师）',
    retention: '随考试成绩保存 3 年',
    subjects: ['personId', 'assignedBy'],
    erasure: 'retain',
    columns: {
      assignmentId: NONE,
      number: NONE,
      part: NONE,
      personId: personal('general', 'contract', '统考阅卷分工（教师职务行为）'),
      role: NONE,
      assignedBy: personal('general', 'contract', '统考阅卷分工（教师职务行为）'),
      path: NONE,
      createdAt: NONE,
    },
  }),
];

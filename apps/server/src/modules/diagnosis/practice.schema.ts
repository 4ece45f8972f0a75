/**
 * Personalised practice (A8, issue 11 §6): what teachers add to the automatic recommendations.
 * `practice_push` is a teacher's push of items on one knowledge point to some students of a class
 * (推送练习), `practice_push_student` its students with their mastery of the point when it was
 * pushed (so the teacher sees how it moved since), and `practice_mute` a point a teacher turned
 * off for the class's automatic recommendations (调整). The recommendations themselves are read
 * from the mastery estimates on every visit and stored nowhere.
 */

import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, real, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, ltree, newId } from '../../platform/db/types.ts';
import { inventory, NONE, personal } from '../../platform/privacy/data-classes.ts';
import { knowledgePoints } from '../curriculum/curriculum.schema.ts';

export const practicePushes = pgTable(
  'practice_push',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    /** The class (administrative or teaching) whose students it went to. */
    classId: uuid('class_id').notNull(),
    /** The class's path, for scope. */
    path: ltree('path').notNull(),
    knowledgePointId: uuid('knowledge_point_id')
      .notNull()
      .references(() => knowledgePoints.id),
    /** The bank items pushed, in the order the students answer them. */
    itemIds: uuid('item_ids').array().notNull(),
    /** The teacher's word to the students (may be empty). */
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').notNull(),
    /**
     * The teacher's client's idempotency key of the submission (one per filled-in form): a
     * retried request (double click, dropped connection) finds the push it made the first time.
     * Null on pushes made before keys were required.
     */
    clientKey: text('client_key'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('practice_push_client_key_uq').on(t.createdBy, t.clientKey),
    index('practice_push_path_gist').using('gist', t.path),
    index('practice_push_class_idx').on(t.classId, t.createdAt),
    check('practice_push_items_ck', sql`cardinality(${t.itemIds}) between 1 and 20`),
  ],
);

export const practicePushStudents = pgTable(
  'practice_push_student',
  {
    pushId: uuid('push_id')
      .notNull()
      .references(() => practicePushes.id, { onDelete: 'cascade' }),
    studentId: uuid('student_id').notNull(),
    /** The student's class path, for scope. */
    path: ltree('path').notNull(),
    /** The student's mastery of the point when it was pushed (null: no estimate yet). */
    pBefore: real('p_before'),
  },
  (t) => [
    primaryKey({ columns: [t.pushId, t.studentId] }),
    index('practice_push_student_idx').on(t.studentId),
    index('practice_push_student_path_gist').using('gist', t.path),
  ],
);

export const practiceMutes = pgTable(
  'practice_mute',
  {
    classId: uuid('class_id').notNull(),
    path: ltree('path').notNull(),
    knowledgePointId: uuid('knowledge_point_id')
      .notNull()
      .references(() => knowledgePoints.id),
    mutedBy: uuid('muted_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.classId, t.knowledgePointId] }),
    index('practice_mute_path_gist').using('gist', t.path),
  ],
);

const PRACTICE = '学情诊断与精准教学：个性化练习的推荐与教师推送（教育教学）';

export const practiceInventory = [
  inventory(practicePushes, {
    description: '教师向班级部分学生推送的知识点练习（推送人、时间、题目与留言）',
    retention: '随班级教学记录保存 3 年',
    subjects: ['createdBy'],
    erasure: 'retain',
    columns: {
      id: NONE,
      classId: NONE,
      path: NONE,
      knowledgePointId: NONE,
      itemIds: NONE,
      note: personal('general', 'statutory_duty', PRACTICE),
      createdBy: personal('general', 'statutory_duty', PRACTICE),
      clientKey: NONE,
      createdAt: NONE,
    },
  }),
  inventory(practicePushStudents, {
    description: '推送练习的学生及推送时该知识点的掌握度（用于查看练习后掌握度的变化）',
    retention: '在校期间；毕业后 1 年删除',
    subjects: ['studentId'],
    erasure: 'delete',
    columns: {
      pushId: NONE,
      studentId: personal('important', 'statutory_duty', PRACTICE),
      path: personal('important', 'statutory_duty', PRACTICE),
      pBefore: personal('important', 'statutory_duty', PRACTICE),
    },
  }),
  inventory(practiceMutes, {
    description: '教师为班级关闭自动推荐的知识点',
    retention: '随班级教学记录保存 3 年',
    subjects: ['mutedBy'],
    erasure: 'retain',
    columns: {
      classId: NONE,
      path: NONE,
      knowledgePointId: NONE,
      mutedBy: personal('general', 'statutory_duty', PRACTICE),
      createdAt: NONE,
    },
  }),
];

/**
 * Knowledge mastery (A7, issue 11 §3): what the mastery model (`@hanlin/analytics/tracing`) knows
 * about each student. `mastery_state` keeps the model's memory of the student — counts and recent
 * outcomes per knowledge point, one JSON document — updated with every graded answer (homework,
 * exams, practice) and rebuilt from the answers by the nightly recompute. `knowledge_mastery` is
 * what the views read: one row per student and knowledge point they have answered on, with the
 * estimated probability of mastery and the counts behind it, written in the same transaction as
 * the state it comes from.
 */

import type { MasteryState } from '@hanlin/analytics/tracing';
import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { ltree, updatedAt } from '../../platform/db/types.ts';
import { inventory, NONE, personal } from '../../platform/privacy/data-classes.ts';
import { knowledgePoints } from '../curriculum/curriculum.schema.ts';

export const masteryStates = pgTable(
  'mastery_state',
  {
    studentId: uuid('student_id').primaryKey(),
    /** The student's class path when last updated, for scope. */
    path: ltree('path').notNull(),
    state: jsonb('state').$type<MasteryState>().notNull(),
    /** Graded answers folded into the state. */
    answers: integer('answers').notNull().default(0),
    /**
     * The student's rows of `knowledge_mastery` packed for the class heatmap (heatmap-cells.ts),
     * written with them: a class's heatmap reads a row per student, not one per point.
     */
    cells: text('cells'),
    updatedAt: updatedAt(),
  },
  (t) => [index('mastery_state_path_gist').using('gist', t.path)],
);

export const knowledgeMastery = pgTable(
  'knowledge_mastery',
  {
    studentId: uuid('student_id').notNull(),
    knowledgePointId: uuid('knowledge_point_id')
      .notNull()
      .references(() => knowledgePoints.id),
    path: ltree('path').notNull(),
    /** Estimated probability that the student answers an item on this point correctly now. */
    p: real('p').notNull(),
    /** Answers on the point counted correct (≥ 60 % of the marks) and not. */
    correct: integer('correct').notNull(),
    wrong: integer('wrong').notNull(),
    /** When the student last answered on this point. */
    lastAt: timestamp('last_at', { withTimezone: true }).notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.studentId, t.knowledgePointId] }),
    index('knowledge_mastery_path_gist').using('gist', t.path),
    index('knowledge_mastery_point_idx').on(t.knowledgePointId),
    check('knowledge_mastery_p_ck', sql`${t.p} between 0 and 1`),
  ],
);

const DIAGNOSIS = '学情诊断与精准教学：知识点掌握度估计、薄弱点归因与个性化练习（教育教学）';

export const masteryInventory = [
  inventory(masteryStates, {
    description: '知识点掌握模型对每个学生的记忆（各知识点答对、答错次数与最近的作答结果）',
    retention: '在校期间；毕业后 1 年删除',
    subjects: ['studentId'],
    erasure: 'delete',
    columns: {
      studentId: personal('important', 'statutory_duty', DIAGNOSIS),
      path: personal('important', 'statutory_duty', DIAGNOSIS),
      state: personal('important', 'statutory_duty', DIAGNOSIS),
      answers: personal('important', 'statutory_duty', DIAGNOSIS),
      cells: personal('important', 'statutory_duty', DIAGNOSIS),
      updatedAt: NONE,
    },
  }),
  inventory(knowledgeMastery, {
    description: '学生各知识点的掌握度估计（学情热力图、学生报告、个性化练习的依据）',
    retention: '在校期间；毕业后 1 年删除',
    subjects: ['studentId'],
    erasure: 'delete',
    columns: {
      studentId: personal('important', 'statutory_duty', DIAGNOSIS),
      knowledgePointId: NONE,
      path: personal('important', 'statutory_duty', DIAGNOSIS),
      p: personal('important', 'statutory_duty', DIAGNOSIS),
      correct: personal('important', 'statutory_duty', DIAGNOSIS),
      wrong: personal('important', 'statutory_duty', DIAGNOSIS),
      lastAt: personal('important', 'statutory_duty', DIAGNOSIS),
      updatedAt: NONE,
    },
  }),
];

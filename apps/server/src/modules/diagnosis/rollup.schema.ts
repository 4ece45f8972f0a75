/**
 * The cognitive-level part of the mastery roll-ups (学情分析, rollup.service.ts), summed per class
 * ahead of time. Read live, a city's roll-up went through every graded answer of the term: 26–30 s
 * on a city of 1,000,000 students (1.2 million attempts, 7.5 million answers). The rebuild
 * (level-score-rollup job, hourly when answers changed) does that pass once for every unit; a
 * roll-up then adds up its classes' rows.
 */
import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { ltree } from '../../platform/db/types.ts';
import { inventory, NONE, personal } from '../../platform/privacy/data-classes.ts';

/**
 * Per class (the path the attempts were written under: the student's class when they answered),
 * subject and cognitive level of the items: how many students answered such items in finished,
 * graded attempts, and the sum of their scores and of the items' full marks.
 */
export const levelScoreRollups = pgTable(
  'level_score_rollup',
  {
    path: ltree('path').notNull(),
    subjectCode: text('subject_code').notNull(),
    level: text('level').notNull(),
    students: integer('students').notNull(),
    score: doublePrecision('score').notNull(),
    max: doublePrecision('max').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.path, t.subjectCode, t.level] }),
    index('level_score_rollup_path_gist').using('gist', t.path),
  ],
);

/** When the rollup was last rebuilt (one row): the roll-up page says "as of". */
export const levelScoreRollupBuilds = pgTable(
  'level_score_rollup_build',
  {
    id: smallint('id').primaryKey().default(1),
    builtAt: timestamp('built_at', { withTimezone: true }).notNull(),
    /** Graded attempts the rebuild read. */
    attempts: integer('attempts').notNull(),
  },
  (t) => [check('level_score_rollup_build_one_ck', sql`${t.id} = 1`)],
);

// A class's sums hold its students' scores: with one student in a cell, that student's. The
// roll-up withholds cells of fewer than 5 students; the table is read under its own scope only.
const ROLLUP = '学情分析：各班级认知层次得分的汇总（教育质量监测）';

export const rollupInventory = [
  inventory(levelScoreRollups, {
    description: '学情分析的认知层次得分汇总（按班级、学科、认知层次的作答人数与得分合计，不含个人标识）',
    retention: '有新作答时每小时重算（至少每天一次），只保留最新一次',
    columns: {
      path: NONE,
      subjectCode: NONE,
      level: NONE,
      students: NONE,
      score: personal('important', 'statutory_duty', ROLLUP),
      max: NONE,
    },
  }),
  inventory(levelScoreRollupBuilds, {
    description: '学情分析汇总的重算时间',
    retention: '只保留最新一次',
    columns: { id: NONE, builtAt: NONE, attempts: NONE },
  }),
];

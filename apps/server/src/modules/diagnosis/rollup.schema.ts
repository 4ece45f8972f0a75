/**
 * The mastery roll-ups (学情分析, rollup.service.ts), summed per class ahead of time. Read live, a
 * city's cognitive-level part went through every graded answer of the term (26–30 s on a city of
 * 1,000,000 students: 1.2 million attempts, 7.5 million answers), and its knowledge-point part
 * through every student's estimates (1.3–1.4 s on 200,000 students once every class's homework had
 * knowledge points). The rebuild (level-score-rollup job, hourly when answers changed) does those
 * passes once for every unit; a roll-up then adds up its classes' rows.
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
  uuid,
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

/**
 * Per class (the path of the student's estimates: their class when last estimated) and knowledge
 * point: the students with an estimate, the sum of their mastery estimates, and how many of them are
 * weak (p below WEAK_BELOW) or have mastered it (p from MASTERED_FROM), as the roll-up counts them.
 */
export const pointMasteryRollups = pgTable(
  'point_mastery_rollup',
  {
    path: ltree('path').notNull(),
    knowledgePointId: uuid('knowledge_point_id').notNull(),
    subjectCode: text('subject_code').notNull(),
    students: integer('students').notNull(),
    pSum: doublePrecision('p_sum').notNull(),
    weak: integer('weak').notNull(),
    mastered: integer('mastered').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.path, t.knowledgePointId] }),
    index('point_mastery_rollup_path_gist').using('gist', t.path),
  ],
);

/** When both tables were last rebuilt (one row): the roll-up page says "as of". */
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

// A class's sums hold its students' scores and estimates: with one student in a cell, that
// student's. The roll-up withholds cells of fewer than 5 students; the tables are read under their
// own scope only.
const ROLLUP = '学情分析：各班级认知层次得分的汇总（教育质量监测）';
const POINTS = '学情分析：各班级知识点掌握度的汇总（教育质量监测）';

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
  inventory(pointMasteryRollups, {
    description:
      '学情分析的知识点掌握度汇总（按班级、知识点的学生数、掌握度合计与薄弱、已掌握人数，不含个人标识）',
    retention: '有新作答时每小时重算（至少每天一次），只保留最新一次',
    columns: {
      path: NONE,
      knowledgePointId: NONE,
      subjectCode: NONE,
      students: NONE,
      pSum: personal('important', 'statutory_duty', POINTS),
      weak: personal('important', 'statutory_duty', POINTS),
      mastered: personal('important', 'statutory_duty', POINTS),
    },
  }),
  inventory(levelScoreRollupBuilds, {
    description: '学情分析汇总的重算时间',
    retention: '只保留最新一次',
    columns: { id: NONE, builtAt: NONE, attempts: NONE },
  }),
];

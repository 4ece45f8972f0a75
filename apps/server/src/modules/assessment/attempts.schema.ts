/**
 * Homework and exams online (A4), their grading (A5) and the mistake notebook (A6). An assignment
 * gives a finalised paper to classes in a window; each student has at most one attempt, whose
 * answers are saved one by one as they are given (`response_save` is the append-only log of every
 * save, keyed by the client's idempotency key: a save retried after a dropped connection is
 * acknowledged again and never applied twice; `response` holds the latest answer per item).
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, ltree, newId, updatedAt } from '../../platform/db/types.ts';
import { inventory, NONE, personal } from '../../platform/privacy/data-classes.ts';
import { items, papers } from './bank.schema.ts';
import type { AnswerValue } from './item-model.ts';

export const ASSIGNMENT_KINDS = ['homework', 'exam', 'unified_exam'] as const;
export type TAssignmentKind = (typeof ASSIGNMENT_KINDS)[number];

export const assignments = pgTable(
  'assignment',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    paperId: uuid('paper_id')
      .notNull()
      .references(() => papers.id),
    title: text('title').notNull(),
    kind: text('kind').$type<TAssignmentKind>().notNull(),
    /** 无纸化考试: one item at a time, the paper's navigation rule, focus loss recorded. */
    paperFree: boolean('paper_free').notNull().default(false),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    /** The due time (截止时间): a submission after it is late, and a student who never started is missing. */
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    /** Homework only: late submissions (补交) are accepted until then; null: none after `closesAt`. */
    lateUntil: timestamp('late_until', { withTimezone: true }),
    /** Minutes from a student's start; null: until the window closes. */
    minutes: integer('minutes'),
    /** Double marking (统考 practice): a second marker; arbitration when they differ by more than `markGap`. */
    doubleMarking: boolean('double_marking').notNull().default(false),
    markGap: real('mark_gap'),
    /**
     * Answers the teacher accepted after the paper was given (the regrade of a blank), applied on top
     * of the paper's key whenever this assignment's attempts are graded.
     */
    keyChanges: jsonb('key_changes').$type<TKeyChange[]>().notNull().default(sql`'[]'::jsonb`),
    /** Set by the deadline job once every attempt still open was closed. */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    createdBy: uuid('created_by').notNull(),
    /** The unit that set it: the teacher's school, or the district for a 统考. */
    path: ltree('path').notNull(),
    districtId: uuid('district_id'),
    schoolId: uuid('school_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('assignment_path_gist').using('gist', t.path),
    index('assignment_creator_idx').on(t.createdBy, t.opensAt),
    // A paper's assignments: the paper's row policy asks whether one reaches the reader's class.
    index('assignment_paper_idx').on(t.paperId),
    // The deadline job's work: windows closed, attempts not yet closed.
    index('assignment_open_idx').on(t.closesAt).where(sql`${t.closedAt} is null`),
    check('assignment_kind_ck', sql`${t.kind} in ('homework','exam','unified_exam')`),
    check('assignment_window_ck', sql`${t.closesAt} > ${t.opensAt}`),
    check('assignment_late_ck', sql`${t.lateUntil} is null or ${t.lateUntil} > ${t.closesAt}`),
  ],
);

/** One change of an assignment's key: more answers accepted for one blank of one item (part of a composite). */
export interface TKeyChange {
  number: number;
  part: number;
  blankId: string;
  accepted: string[];
  by: string;
  at: string;
  reason: string | null;
}

/** The classes (administrative or teaching classes) an assignment was given to. */
export const assignmentClasses = pgTable(
  'assignment_class',
  {
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    classId: uuid('class_id').notNull(),
    /** The class's path, for scope. */
    path: ltree('path').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.assignmentId, t.classId] }),
    index('assignment_class_class_idx').on(t.classId),
    index('assignment_class_path_gist').using('gist', t.path),
  ],
);

export const ATTEMPT_STATUSES = ['in_progress', 'submitted', 'expired'] as const;
export type TAttemptStatus = (typeof ATTEMPT_STATUSES)[number];

export const attempts = pgTable(
  'attempt',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id),
    studentId: uuid('student_id').notNull(),
    classId: uuid('class_id').notNull(),
    /** The student's path (their class), for scope. */
    path: ltree('path').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    /** The server's deadline: the earlier of the window's close and the start plus the time limit. */
    deadlineAt: timestamp('deadline_at', { withTimezone: true }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    status: text('status').$type<TAttemptStatus>().notNull().default('in_progress'),
    /** Paper-free exams: the furthest item reached (forward-only papers lock those before it). */
    furthest: smallint('furthest').notNull().default(0),
    focusLosses: integer('focus_losses').notNull().default(0),
    /** Sums of the responses' scores; `score` is final once every subjective response is marked. */
    objectiveScore: real('objective_score'),
    score: real('score'),
    markedAt: timestamp('marked_at', { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('attempt_student_uq').on(t.assignmentId, t.studentId),
    index('attempt_student_idx').on(t.studentId, t.startedAt),
    index('attempt_path_gist').using('gist', t.path),
    index('attempt_open_idx').on(t.deadlineAt).where(sql`${t.status} = 'in_progress'`),
    check('attempt_status_ck', sql`${t.status} in ('in_progress','submitted','expired')`),
  ],
);

/**
 * A student's latest answer to one leaf item of the paper (`part` is the composite's part index, 0
 * for a plain item), its machine grade and its final score.
 */
export const responses = pgTable(
  'response',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    attemptId: uuid('attempt_id')
      .notNull()
      .references(() => attempts.id, { onDelete: 'cascade' }),
    /** The item's number on the paper, and the part of a composite item. */
    number: smallint('number').notNull(),
    part: smallint('part').notNull().default(0),
    value: jsonb('value').$type<AnswerValue>().notNull(),
    /** The client's sequence number of the save this value came from: an older save never overwrites. */
    seq: integer('seq').notNull(),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull(),
    /** Machine grade (objective items) and what it found per blank or option. */
    autoScore: real('auto_score'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    needsMarking: boolean('needs_marking').notNull().default(false),
    /** The score that counts: the machine's, a marker's, or the arbitration's. */
    score: real('score'),
    maxScore: real('max_score').notNull(),
  },
  (t) => [
    uniqueIndex('response_item_uq').on(t.attemptId, t.number, t.part),
    // The answers to mark, few beside the machine-graded: the marking lists start from them.
    index('response_marking_idx').on(t.attemptId).where(sql`${t.needsMarking}`),
  ],
);

/** Every save as the server received it, once per client idempotency key. */
export const responseSaves = pgTable(
  'response_save',
  {
    attemptId: uuid('attempt_id')
      .notNull()
      .references(() => attempts.id, { onDelete: 'cascade' }),
    clientKey: text('client_key').notNull(),
    number: smallint('number').notNull(),
    part: smallint('part').notNull().default(0),
    seq: integer('seq').notNull(),
    value: jsonb('value').$type<AnswerValue>().notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.attemptId, t.clientKey] })],
);

export const MARK_ROUNDS = ['first', 'second', 'arbitration', 'regrade'] as const;
export type TMarkRound = (typeof MARK_ROUNDS)[number];

/** A marker's score for a subjective response (流水批阅), or a change of a score after grading. */
export const marks = pgTable(
  'mark',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    responseId: uuid('response_id')
      .notNull()
      .references(() => responses.id, { onDelete: 'cascade' }),
    round: text('round').$type<TMarkRound>().notNull(),
    markerId: uuid('marker_id').notNull(),
    score: real('score').notNull(),
    comment: text('comment'),
    /** Required for a change after the scores were released. */
    reason: text('reason'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('mark_response_idx').on(t.responseId, t.at),
    check('mark_round_ck', sql`${t.round} in ('first','second','arbitration','regrade')`),
  ],
);

/** A wrong answer in the student's mistake notebook (错题本), closed after two correct similar answers. */
export const mistakes = pgTable(
  'mistake',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    studentId: uuid('student_id').notNull(),
    /** The student's path, for scope. */
    path: ltree('path').notNull(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id),
    part: smallint('part').notNull().default(0),
    subjectCode: text('subject_code').notNull(),
    knowledgePointIds: uuid('knowledge_point_ids').array().notNull().default(sql`'{}'`),
    /** Where it was made: the attempt and the item's number there; null for practice. */
    attemptId: uuid('attempt_id').references(() => attempts.id, { onDelete: 'set null' }),
    number: smallint('number'),
    answer: jsonb('answer').$type<AnswerValue>(),
    correctSimilar: smallint('correct_similar').notNull().default(0),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('mistake_student_idx').on(t.studentId, t.subjectCode, t.createdAt),
    uniqueIndex('mistake_open_uq').on(t.studentId, t.itemId, t.part).where(sql`${t.closedAt} is null`),
    index('mistake_path_gist').using('gist', t.path),
    // An item's entries: the item's row policy lets a learner read an item of their notebook.
    index('mistake_item_idx').on(t.itemId),
  ],
);

/** A practice answer ("practise similar") to an item drawn for a notebook entry. */
export const practiceAnswers = pgTable(
  'practice_answer',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    studentId: uuid('student_id').notNull(),
    path: ltree('path').notNull(),
    mistakeId: uuid('mistake_id').references(() => mistakes.id, { onDelete: 'set null' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id),
    value: jsonb('value').$type<AnswerValue>().notNull(),
    correct: boolean('correct').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('practice_student_idx').on(t.studentId, t.at)],
);

const TEACHING = '作业与考试：布置、作答、批改与学情反馈（教育教学）';
const LEARNING = '学生作答与成绩（教育教学）';

export const attemptsInventory = [
  inventory(assignments, {
    description: '作业与考试的布置',
    retention: '随成绩保存 3 年',
    subjects: ['createdBy'],
    erasure: 'retain',
    columns: {
      id: NONE,
      paperId: NONE,
      title: NONE,
      kind: NONE,
      paperFree: NONE,
      opensAt: NONE,
      closesAt: NONE,
      lateUntil: NONE,
      minutes: NONE,
      doubleMarking: NONE,
      markGap: NONE,
      // Who changed the key, and when: a teacher's action on the grades.
      keyChanges: personal('general', 'contract', TEACHING),
      closedAt: NONE,
      releasedAt: NONE,
      createdBy: personal('general', 'contract', TEACHING),
      path: NONE,
      districtId: NONE,
      schoolId: NONE,
      createdAt: NONE,
      updatedAt: NONE,
    },
  }),
  inventory(assignmentClasses, {
    description: '作业与考试面向的班级',
    retention: '随布置保存',
    columns: { assignmentId: NONE, classId: NONE, path: NONE },
  }),
  inventory(attempts, {
    description: '学生的作答记录（开始、提交、用时、切屏、得分）',
    retention: '3 年（学业记录）',
    subjects: ['studentId'],
    erasure: 'retain',
    columns: {
      id: NONE,
      assignmentId: NONE,
      studentId: personal('important', 'statutory_duty', LEARNING),
      classId: personal('important', 'statutory_duty', LEARNING),
      path: personal('important', 'statutory_duty', LEARNING),
      startedAt: personal('important', 'statutory_duty', LEARNING),
      deadlineAt: NONE,
      submittedAt: personal('important', 'statutory_duty', LEARNING),
      status: personal('important', 'statutory_duty', LEARNING),
      furthest: NONE,
      focusLosses: personal('important', 'statutory_duty', '无纸化考试的考试纪律记录'),
      objectiveScore: personal('important', 'statutory_duty', LEARNING),
      score: personal('important', 'statutory_duty', LEARNING),
      markedAt: NONE,
      updatedAt: NONE,
    },
  }),
  inventory(responses, {
    description: '学生对每道题的作答与得分',
    retention: '3 年（学业记录）',
    subjects: [],
    erasure: 'retain',
    columns: {
      id: NONE,
      attemptId: personal('important', 'statutory_duty', LEARNING),
      number: NONE,
      part: NONE,
      value: personal('important', 'statutory_duty', LEARNING),
      seq: NONE,
      savedAt: NONE,
      autoScore: personal('important', 'statutory_duty', LEARNING),
      detail: personal('important', 'statutory_duty', LEARNING),
      needsMarking: NONE,
      score: personal('important', 'statutory_duty', LEARNING),
      maxScore: NONE,
    },
  }),
  inventory(responseSaves, {
    description: '作答的每一次保存（防丢失、防重复的日志）',
    retention: '考试结束后 180 天删除',
    purge: { column: 'receivedAt', days: 180 },
    columns: {
      attemptId: personal('important', 'statutory_duty', LEARNING),
      clientKey: NONE,
      number: NONE,
      part: NONE,
      seq: NONE,
      value: personal('important', 'statutory_duty', LEARNING),
      receivedAt: NONE,
    },
  }),
  inventory(marks, {
    description: '阅卷评分与改分记录',
    retention: '3 年（学业记录）',
    subjects: ['markerId'],
    erasure: 'retain',
    columns: {
      id: NONE,
      responseId: personal('important', 'statutory_duty', LEARNING),
      round: NONE,
      markerId: personal('general', 'contract', TEACHING),
      score: personal('important', 'statutory_duty', LEARNING),
      comment: personal('important', 'statutory_duty', LEARNING),
      reason: NONE,
      at: NONE,
    },
  }),
  inventory(mistakes, {
    description: '学生错题本',
    retention: '在校期间；毕业后 1 年删除',
    subjects: ['studentId'],
    erasure: 'delete',
    columns: {
      id: NONE,
      studentId: personal('important', 'statutory_duty', '错题本与同类练习（教育教学）'),
      path: personal('important', 'statutory_duty', '错题本与同类练习（教育教学）'),
      itemId: NONE,
      part: NONE,
      subjectCode: NONE,
      knowledgePointIds: NONE,
      attemptId: NONE,
      number: NONE,
      answer: personal('important', 'statutory_duty', '错题本与同类练习（教育教学）'),
      correctSimilar: NONE,
      closedAt: NONE,
      createdAt: NONE,
    },
  }),
  inventory(practiceAnswers, {
    description: '同类题练习的作答',
    retention: '在校期间；毕业后 1 年删除',
    subjects: ['studentId'],
    erasure: 'delete',
    columns: {
      id: NONE,
      studentId: personal('important', 'statutory_duty', '错题本与同类练习（教育教学）'),
      path: personal('important', 'statutory_duty', '错题本与同类练习（教育教学）'),
      mistakeId: NONE,
      itemId: NONE,
      value: personal('important', 'statutory_duty', '错题本与同类练习（教育教学）'),
      correct: personal('important', 'statutory_duty', '错题本与同类练习（教育教学）'),
      at: NONE,
    },
  }),
];

import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, ltree, newId } from '../../platform/db/types.ts';
import { inventory, NONE, personal } from '../../platform/privacy/data-classes.ts';
import { resources } from '../resources/resources.schema.ts';

/** Where a reviewer sits relative to the resource's school. */
export type TReviewLevel = 'author' | 'school' | 'district' | 'city' | 'district_or_city';

export interface StepDef {
  name: string;
  /** Roles that may decide this step (any one of them, at the level below). */
  roles: string[];
  level: TReviewLevel;
  /** Days before an item waiting at this step counts as overdue. */
  dueDays: number;
}

/**
 * R3: which steps a resource passes before publication. Chains are configured per resource kind
 * (null: any kind) and per subtree of the org tree; the most specific one applies.
 */
export const reviewChains = pgTable(
  'review_chain',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    name: text('name').notNull(),
    kind: text('kind'),
    path: ltree('path').notNull(),
    steps: jsonb('steps').$type<StepDef[]>().notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index('review_chain_path_gist').using('gist', t.path)],
);

export const REVIEW_STATUSES = ['in_review', 'returned', 'rejected', 'approved'] as const;
export type TReviewStatus = (typeof REVIEW_STATUSES)[number];

/** One resource's passage through its chain; the steps are copied so a later chain edit changes nothing. */
export const reviews = pgTable(
  'review',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id),
    chainId: uuid('chain_id')
      .notNull()
      .references(() => reviewChains.id),
    steps: jsonb('steps').$type<StepDef[]>().notNull(),
    /** 0-based index of the step that decides next. */
    currentStep: integer('current_step').notNull(),
    stepStartedAt: timestamp('step_started_at', { withTimezone: true }).notNull().defaultNow(),
    status: text('status').$type<TReviewStatus>().notNull().default('in_review'),
    /** The resource's school path, for matching reviewers. */
    path: ltree('path').notNull(),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('review_resource_idx').on(t.resourceId),
    index('review_waiting_idx').on(t.status, t.currentStep),
    check('review_status_ck', sql`${t.status} in ('in_review','returned','rejected','approved')`),
  ],
);

/** The full history: every submission and decision, with who, when and why. Append-only. */
export const reviewEvents = pgTable(
  'review_event',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id),
    step: integer('step').notNull(),
    stepName: text('step_name').notNull(),
    action: text('action').notNull(),
    actorId: uuid('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role').notNull(),
    comment: text('comment').notNull().default(''),
    /** Scored expert review (R4), 0–100. */
    score: integer('score'),
    at: createdAt(),
  },
  (t) => [
    index('review_event_review_idx').on(t.reviewId, t.at),
    check('review_event_action_ck', sql`${t.action} in ('submit','resubmit','approve','reject','return')`),
    check('review_event_score_ck', sql`${t.score} is null or ${t.score} between 0 and 100`),
  ],
);

/** 数据分级分类 (platform/privacy). */
export const reviewInventory = [
  inventory(reviewChains, {
    description: '审核流程配置',
    retention: '长期保存',
    columns: {
      id: NONE,
      name: NONE,
      kind: NONE,
      path: NONE,
      steps: NONE,
      active: NONE,
      createdAt: NONE,
    },
  }),
  inventory(reviews, {
    description: '资源的审核进程',
    retention: '随资源保存',
    columns: {
      id: NONE,
      resourceId: NONE,
      chainId: NONE,
      steps: NONE,
      currentStep: NONE,
      stepStartedAt: NONE,
      status: NONE,
      path: NONE,
      createdAt: NONE,
      finishedAt: NONE,
    },
  }),
  inventory(reviewEvents, {
    description: '审核记录：每一步的审核人、结论与意见',
    retention: '随资源保存',
    subjects: ['actorId'],
    erasure: 'retain',
    columns: {
      id: NONE,
      reviewId: NONE,
      step: NONE,
      stepName: NONE,
      action: NONE,
      actorId: personal('general', 'contract', '六审审核记录（审核人职务行为）'),
      actorName: personal('general', 'contract', '六审审核记录（审核人职务行为）'),
      actorRole: NONE,
      comment: personal('general', 'contract', '六审审核记录（审核人职务行为）'),
      score: personal('general', 'contract', '六审审核记录（审核人职务行为）'),
      at: NONE,
    },
  }),
];

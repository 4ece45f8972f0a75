import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, ltree, newId } from '../../platform/db/types.ts';
import { inventory, NONE, personal } from '../../platform/privacy/data-classes.ts';

/** Who a privacy notice speaks to: learners, guardians, or staff. */
export const NOTICE_AUDIENCES = ['student', 'guardian', 'staff'] as const;
export type TNoticeAudience = (typeof NOTICE_AUDIENCES)[number];

/**
 * 告知 (PIPL Art. 17, COMPLIANCE §3): a versioned privacy notice per audience. A new version is
 * shown to everyone of its audience at their next sign-in until they acknowledge it.
 */
export const privacyNotices = pgTable(
  'privacy_notice',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    audience: text('audience').$type<TNoticeAudience>().notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    /** Plain text with blank-line paragraphs; shown as text, never as markup. */
    body: text('body').notNull(),
    publishedBy: uuid('published_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('privacy_notice_version_uq').on(t.audience, t.version),
    check('privacy_notice_audience_ck', sql`${t.audience} in ('student','guardian','staff')`),
  ],
);

/** A person's acknowledgement of a notice version. */
export const noticeAcks = pgTable(
  'notice_ack',
  {
    personId: uuid('person_id').notNull(),
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => privacyNotices.id),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('notice_ack_uq').on(t.personId, t.noticeId)],
);

/**
 * Optional processing a person (or, under 14, a guardian) turns on or off (同意/撤回同意): one row
 * per decision, the latest per subject and purpose in force. Records who decided, in which
 * capacity, under which notice version, and when.
 */
export const consentRecords = pgTable(
  'consent_record',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    subjectId: uuid('subject_id').notNull(),
    purpose: text('purpose').notNull(),
    granted: boolean('granted').notNull(),
    decidedBy: uuid('decided_by').notNull(),
    /** 'self', or 'guardian' when a linked guardian decided for a child. */
    decidedAs: text('decided_as').notNull(),
    noticeId: uuid('notice_id'),
    /** The subject's org path at the time, for the school's view and row-level security. */
    path: ltree('path'),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('consent_record_subject_idx').on(t.subjectId, t.purpose, t.decidedAt),
    check('consent_record_as_ck', sql`${t.decidedAs} in ('self','guardian')`),
  ],
);

export const REQUEST_KINDS = ['access', 'correction', 'deletion', 'explanation'] as const;
export type TRequestKind = (typeof REQUEST_KINDS)[number];
export const REQUEST_STATUSES = ['open', 'done', 'refused'] as const;
export type TRequestStatus = (typeof REQUEST_STATUSES)[number];

/**
 * 个人信息权利请求 (PIPL Art. 44–48): access and copy, correction, deletion, explanation, by the
 * person or a guardian for a child, handled by the responsible school within a deadline.
 */
export const dataRequests = pgTable(
  'data_request',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    subjectId: uuid('subject_id').notNull(),
    requestedBy: uuid('requested_by').notNull(),
    requestedAs: text('requested_as').notNull(),
    kind: text('kind').$type<TRequestKind>().notNull(),
    /** What the person asks, in their words. */
    details: text('details').notNull().default(''),
    /** The responsible unit's path (the subject's school or class): who handles it. */
    path: ltree('path').notNull(),
    status: text('status').$type<TRequestStatus>().notNull().default('open'),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    response: text('response'),
    handledBy: uuid('handled_by'),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('data_request_path_gist').using('gist', t.path),
    index('data_request_subject_idx').on(t.subjectId, t.createdAt),
    check('data_request_kind_ck', sql`${t.kind} in ('access','correction','deletion','explanation')`),
    check('data_request_status_ck', sql`${t.status} in ('open','done','refused')`),
    check('data_request_as_ck', sql`${t.requestedAs} in ('self','guardian')`),
  ],
);

const RIGHTS = '个人信息主体权利的行使与答复（PIPL 第44–48条）';

/** 数据分级分类 (platform/privacy). */
export const privacyInventory = [
  inventory(privacyNotices, {
    description: '个人信息处理告知书（按学生、监护人、教职工分版本）',
    retention: '长期保存（证明告知内容）',
    subjects: ['publishedBy'],
    erasure: 'retain',
    columns: {
      id: NONE,
      audience: NONE,
      version: NONE,
      title: NONE,
      body: NONE,
      publishedBy: personal('general', 'statutory_duty', '告知书发布人（职务行为）'),
      publishedAt: NONE,
    },
  }),
  inventory(noticeAcks, {
    description: '告知书阅知记录',
    retention: '随人员记录保存',
    subjects: ['personId'],
    erasure: 'retain',
    columns: {
      personId: personal('general', 'statutory_duty', '证明已履行告知义务'),
      noticeId: personal('general', 'statutory_duty', '证明已履行告知义务'),
      acknowledgedAt: personal('general', 'statutory_duty', '证明已履行告知义务'),
    },
  }),
  inventory(consentRecords, {
    description: '可选处理目的的同意与撤回记录（不满 14 周岁由监护人决定）',
    retention: '撤回或离校后 3 年（证明同意）',
    subjects: ['subjectId'],
    erasure: 'retain',
    columns: {
      id: NONE,
      subjectId: personal('general', 'consent', '记录同意的主体'),
      purpose: personal('general', 'consent', '同意的处理目的'),
      granted: personal('general', 'consent', '同意或撤回'),
      decidedBy: personal('general', 'consent', '作出决定的本人或监护人'),
      decidedAs: personal('general', 'consent', '本人或监护人'),
      noticeId: personal('general', 'consent', '所依据的告知书版本'),
      path: personal('general', 'consent', '数据范围'),
      decidedAt: personal('general', 'consent', '决定时间'),
    },
  }),
  inventory(dataRequests, {
    description: '个人信息查阅复制、更正、删除、解释说明请求及答复',
    retention: '办结后 3 年',
    subjects: ['subjectId'],
    erasure: 'retain',
    columns: {
      id: NONE,
      subjectId: personal('general', 'statutory_duty', RIGHTS),
      requestedBy: personal('general', 'statutory_duty', RIGHTS),
      requestedAs: personal('general', 'statutory_duty', RIGHTS),
      kind: personal('general', 'statutory_duty', RIGHTS),
      details: personal('important', 'statutory_duty', RIGHTS),
      path: personal('general', 'statutory_duty', '承办学校（数据范围）'),
      status: NONE,
      dueAt: NONE,
      response: personal('important', 'statutory_duty', RIGHTS),
      handledBy: personal('general', 'statutory_duty', '承办人（职务行为）'),
      handledAt: NONE,
      createdAt: NONE,
    },
  }),
];

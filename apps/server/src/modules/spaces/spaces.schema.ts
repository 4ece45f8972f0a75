import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, ltree, newId, updatedAt } from '../../platform/db/types.ts';
import { inventory, NONE, personal } from '../../platform/privacy/data-classes.ts';
import { resources } from '../resources/resources.schema.ts';

/**
 * 网络学习空间 (S1–S3). Every teacher, student, class, school and master-teacher studio has a space;
 * a space is addressed by the id of what it belongs to (the person, the org unit or the studio),
 * so no space row has to exist before someone writes in it.
 */
export const SPACE_KINDS = ['teacher', 'student', 'class', 'school', 'studio'] as const;
export type TSpaceKind = (typeof SPACE_KINDS)[number];

/** A post, a notice (class, school or studio announcement) or a work for the portfolio (作品集). */
export const POST_KINDS = ['post', 'notice', 'work'] as const;
export type TPostKind = (typeof POST_KINDS)[number];

/** 名师工作室: designated by a bureau or school, led by a master teacher, with member teachers. */
export const studios = pgTable(
  'studio',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    leadId: uuid('lead_id').notNull(),
    subjectCode: text('subject_code'),
    /** The bureau or school that set the studio up; administrators above it manage it. */
    orgUnitId: uuid('org_unit_id').notNull(),
    path: ltree('path').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('studio_path_gist').using('gist', t.path), index('studio_lead_idx').on(t.leadId)],
);

export const studioMembers = pgTable(
  'studio_member',
  {
    studioId: uuid('studio_id')
      .notNull()
      .references(() => studios.id),
    personId: uuid('person_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.studioId, t.personId] }),
    index('studio_member_person_idx').on(t.personId),
  ],
);

export const spacePosts = pgTable(
  'space_post',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    /** The person, class, school or studio the space belongs to. */
    spaceId: uuid('space_id').notNull(),
    spaceKind: text('space_kind').$type<TSpaceKind>().notNull(),
    /** Where the space lives in the org tree (a person's school or class): for statistics and audit. */
    spacePath: ltree('space_path').notNull(),
    authorId: uuid('author_id').notNull(),
    kind: text('kind').$type<TPostKind>().notNull().default('post'),
    title: text('title').notNull().default(''),
    body: text('body').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('space_post_space_idx').on(t.spaceId, t.createdAt),
    index('space_post_path_gist').using('gist', t.spacePath),
    index('space_post_created_idx').on(t.createdAt),
    check('space_post_kind_ck', sql`${t.kind} in ('post','notice','work')`),
    check('space_post_space_kind_ck', sql`${t.spaceKind} in ('teacher','student','class','school','studio')`),
  ],
);

export const spacePostFiles = pgTable(
  'space_post_file',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    postId: uuid('post_id')
      .notNull()
      .references(() => spacePosts.id, { onDelete: 'cascade' }),
    storageKey: text('storage_key').notNull(),
    fileName: text('file_name').notNull(),
    /** The sniffed type, never the one the browser claimed. */
    mime: text('mime').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('space_post_file_post_idx').on(t.postId)],
);

export const spaceComments = pgTable(
  'space_comment',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    postId: uuid('post_id')
      .notNull()
      .references(() => spacePosts.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('space_comment_post_idx').on(t.postId, t.createdAt)],
);

export const spaceLikes = pgTable(
  'space_like',
  {
    postId: uuid('post_id')
      .notNull()
      .references(() => spacePosts.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.personId] })],
);

/** Notices read by their recipients (students and parents of the class), for 已读 counts. */
export const spaceNoticeReads = pgTable(
  'space_notice_read',
  {
    postId: uuid('post_id')
      .notNull()
      .references(() => spacePosts.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.personId] })],
);

/** Resources a teacher or student collected into their own space (收藏). */
export const spaceCollections = pgTable(
  'space_collection',
  {
    personId: uuid('person_id').notNull(),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.resourceId] })],
);

/**
 * Days on which a person used learning spaces (a visit, a post, a comment, a like, a collection), with
 * how many uses. The S3 target counts days: a teacher or student who used their spaces on at least 4
 * of the last 30 days is an active user.
 */
export const spaceUseDays = pgTable(
  'space_use_day',
  {
    personId: uuid('person_id').notNull(),
    day: date('day').notNull(),
    uses: integer('uses').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.personId, t.day] }), index('space_use_day_day_idx').on(t.day)],
);

/**
 * The space-use dashboard's rollup (S3), rebuilt once a day for the 30 closed days ending `day`
 * (usage.service.ts): per org path, the active teachers (a teacher's path is the school's) and
 * enrolled students (a class's path), and how many of them used their spaces on at least 4 of those
 * days. The dashboard sums it by district, school or class instead of reading every person's days,
 * which at city scale takes seconds. Counts only, no person.
 */
export const spaceUseRollups = pgTable(
  'space_use_rollup',
  {
    day: date('day').notNull(),
    path: ltree('path').notNull(),
    teachers: integer('teachers').notNull(),
    activeTeachers: integer('active_teachers').notNull(),
    students: integer('students').notNull(),
    activeStudents: integer('active_students').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.path] })],
);

/**
 * The activity of each space in the 30 closed days ending `day` (posts written then, and comments
 * and likes given then to posts of any age), rebuilt with `space_use_rollup`: the dashboard's
 * liveliest spaces are its top rows under a unit. `path` is where the space's latest post was written.
 */
export const spaceActivityRollups = pgTable(
  'space_activity_rollup',
  {
    day: date('day').notNull(),
    spaceId: uuid('space_id').notNull(),
    spaceKind: text('space_kind').$type<TSpaceKind>().notNull(),
    spacePath: ltree('space_path').notNull(),
    posts: integer('posts').notNull(),
    comments: integer('comments').notNull(),
    likes: integer('likes').notNull(),
    /** Posts weigh 3, comments 2, likes 1. */
    score: integer('score').notNull(),
    /**
     * May be shown beyond its class: not a child's space, or a guardian's consent to the showcase held
     * when the rollup was built (the dashboard checks the consent again when it shows the space, so a
     * withdrawal holds at once; a new consent shows from the next rollup on).
     */
    showable: boolean('showable').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.spaceId] }),
    index('space_activity_rollup_score_idx').on(t.day, t.score.desc(), t.spaceId),
    index('space_activity_rollup_path_gist').using('gist', t.spacePath),
  ],
);

/** 数据分级分类 (platform/privacy). */
export const spacesInventory = [
  inventory(studios, {
    description: '名师工作室',
    retention: '关闭后 3 年',
    subjects: ['leadId'],
    erasure: 'retain',
    columns: {
      id: NONE,
      name: NONE,
      description: NONE,
      leadId: personal('general', 'contract', '名师工作室（教师职务活动）'),
      subjectCode: NONE,
      orgUnitId: NONE,
      path: NONE,
      active: NONE,
      createdAt: NONE,
      updatedAt: NONE,
    },
  }),
  inventory(studioMembers, {
    description: '名师工作室成员',
    retention: '关闭后 3 年',
    subjects: ['personId'],
    erasure: 'retain',
    columns: {
      studioId: personal('general', 'contract', '名师工作室（教师职务活动）'),
      personId: personal('general', 'contract', '名师工作室（教师职务活动）'),
      createdAt: NONE,
    },
  }),
  inventory(spacePosts, {
    description: '空间动态、作品、通知',
    retention: '学生离校 3 年后删除其作品与动态',
    subjects: ['authorId'],
    erasure: 'delete',
    columns: {
      id: NONE,
      spaceId: personal('general', 'statutory_duty', '网络学习空间：班级与个人空间中的教学互动'),
      spaceKind: NONE,
      spacePath: personal('general', 'statutory_duty', '网络学习空间：班级与个人空间中的教学互动'),
      authorId: personal('general', 'statutory_duty', '网络学习空间：班级与个人空间中的教学互动'),
      kind: NONE,
      title: personal(
        'important',
        'statutory_duty',
        '网络学习空间内容（未成年人作品超出班级展示须监护人同意）',
      ),
      body: personal(
        'important',
        'statutory_duty',
        '网络学习空间内容（未成年人作品超出班级展示须监护人同意）',
      ),
      createdAt: NONE,
      updatedAt: NONE,
    },
  }),
  inventory(spacePostFiles, {
    description: '动态与作品的附件（图片、文档、视频）',
    retention: '随动态删除',
    columns: {
      id: NONE,
      postId: NONE,
      storageKey: NONE,
      fileName: personal(
        'important',
        'statutory_duty',
        '网络学习空间内容（未成年人作品超出班级展示须监护人同意）',
      ),
      mime: NONE,
      size: NONE,
      sha256: NONE,
      createdAt: NONE,
    },
  }),
  inventory(spaceComments, {
    description: '评论',
    retention: '随动态删除',
    subjects: ['authorId'],
    erasure: 'delete',
    columns: {
      id: NONE,
      postId: NONE,
      authorId: personal('general', 'statutory_duty', '网络学习空间：班级与个人空间中的教学互动'),
      body: personal(
        'important',
        'statutory_duty',
        '网络学习空间内容（未成年人作品超出班级展示须监护人同意）',
      ),
      createdAt: NONE,
    },
  }),
  inventory(spaceLikes, {
    description: '点赞',
    retention: '随动态删除',
    subjects: ['personId'],
    erasure: 'delete',
    columns: {
      postId: personal('general', 'statutory_duty', '网络学习空间：班级与个人空间中的教学互动'),
      personId: personal('general', 'statutory_duty', '网络学习空间：班级与个人空间中的教学互动'),
      createdAt: NONE,
    },
  }),
  inventory(spaceNoticeReads, {
    description: '班级通知已读回执',
    retention: '随通知删除',
    subjects: ['personId'],
    erasure: 'delete',
    columns: {
      postId: personal('general', 'statutory_duty', '网络学习空间：班级与个人空间中的教学互动'),
      personId: personal('general', 'statutory_duty', '网络学习空间：班级与个人空间中的教学互动'),
      readAt: personal('general', 'statutory_duty', '网络学习空间：班级与个人空间中的教学互动'),
    },
  }),
  inventory(spaceCollections, {
    description: '收藏的资源',
    retention: '本人删除或离校 3 年后删除',
    subjects: ['personId'],
    erasure: 'delete',
    columns: {
      personId: personal('general', 'statutory_duty', '网络学习空间：班级与个人空间中的教学互动'),
      resourceId: personal('general', 'statutory_duty', '网络学习空间：班级与个人空间中的教学互动'),
      createdAt: personal('general', 'statutory_duty', '网络学习空间：班级与个人空间中的教学互动'),
    },
  }),
  inventory(spaceUseDays, {
    description: '空间使用天数（应用统计）',
    retention: '2 年后删除',
    subjects: ['personId'],
    erasure: 'delete',
    purge: { column: 'day', days: 730 },
    columns: {
      personId: personal('general', 'statutory_duty', '空间应用统计（常态化使用率）'),
      day: personal('general', 'statutory_duty', '空间应用统计（常态化使用率）'),
      uses: personal('general', 'statutory_duty', '空间应用统计（常态化使用率）'),
    },
  }),
  inventory(spaceUseRollups, {
    description: '空间应用统计汇总（按班级、学校的人数与活跃人数，不含个人）',
    retention: '每日重算，只保留最新一天',
    columns: {
      day: NONE,
      path: NONE,
      teachers: NONE,
      activeTeachers: NONE,
      students: NONE,
      activeStudents: NONE,
    },
  }),
  inventory(spaceActivityRollups, {
    description: '空间活跃度汇总（近 30 天各空间的动态、评论、点赞数，用于优秀空间展示）',
    retention: '每日重算，只保留最新一天',
    subjects: ['spaceId'],
    erasure: 'delete',
    columns: {
      day: NONE,
      spaceId: personal('general', 'statutory_duty', '空间应用统计（优秀空间展示）'),
      spaceKind: NONE,
      spacePath: personal('general', 'statutory_duty', '空间应用统计（优秀空间展示）'),
      posts: personal('general', 'statutory_duty', '空间应用统计（优秀空间展示）'),
      comments: personal('general', 'statutory_duty', '空间应用统计（优秀空间展示）'),
      likes: personal('general', 'statutory_duty', '空间应用统计（优秀空间展示）'),
      score: personal('general', 'statutory_duty', '空间应用统计（优秀空间展示）'),
      showable: NONE,
    },
  }),
];

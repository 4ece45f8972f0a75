import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, ltree, newId, updatedAt } from '../../platform/db/types.ts';
import { inventory, NONE, personal } from '../../platform/privacy/data-classes.ts';
import { curriculumNodes, knowledgePoints, textbookEditions } from '../curriculum/curriculum.schema.ts';

/** R1 resource types; a lesson package is a 共享课堂 lesson (R2). */
export const RESOURCE_KINDS = [
  'lesson_package',
  'video',
  'courseware',
  'micro_lesson',
  'exercise_set',
  'theme',
  'third_party',
] as const;
export type TResourceKind = (typeof RESOURCE_KINDS)[number];

/** 专题 (theme resources): the topics the seed plan names. */
export const THEMES = [
  'patriotism',
  'law',
  'mental_health',
  'labor',
  'safety',
  'tradition',
  'ecology',
  'family',
] as const;
export type TTheme = (typeof THEMES)[number];

/**
 * draft → in_review → published, or back to returned (revise and resubmit) / rejected; published
 * resources may later be retired. Only published resources are seen beyond their author.
 */
export const RESOURCE_STATUSES = [
  'draft',
  'in_review',
  'returned',
  'rejected',
  'published',
  'retired',
] as const;
export type TResourceStatus = (typeof RESOURCE_STATUSES)[number];

/** `resource_search.search_keys`: written out, since a generated column may not refer to other columns' generation. */
const sampleKey = (n: number) =>
  `case when ((get_byte(uuid_send(id), 14) << 8) | get_byte(uuid_send(id), 15)) & ${2 ** n - 1} = 0 then '~${n}' end`;
const SEARCH_KEYS =
  sql.raw(`array_remove(array['k:' || kind, 's:' || subject_code, 'g:' || grade_code, 't:' || theme_code,
  ${Array.from({ length: 12 }, (_, i) => sampleKey(i + 1)).join(', ')}], null)`);

/** PostgreSQL full-text vector; filled by the app from jieba segmentation (platform/search). */
const tsvector = customType<{ data: string }>({
  dataType() {
    return 'tsvector';
  },
});

export const resources = pgTable(
  'resource',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    kind: text('kind').$type<TResourceKind>().notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    tags: text('tags').array().notNull().default(sql`'{}'`),
    subjectCode: text('subject_code'),
    gradeCode: text('grade_code'),
    term: smallint('term'),
    editionId: uuid('edition_id').references(() => textbookEditions.id),
    lessonId: uuid('lesson_id').references(() => curriculumNodes.id),
    themeCode: text('theme_code').$type<TTheme>(),
    /** Third-party resources: who provides it and under which licence. */
    provider: text('provider'),
    license: text('license'),
    /** Lesson packages (共享课堂): key and difficult points analysis (重难点分析). */
    analysis: text('analysis'),
    /** Lesson packages: after-class exercises, as text (a worksheet may come as an attachment). */
    exercises: text('exercises'),
    authorId: uuid('author_id').notNull(),
    /** The author's unit (school, or bureau) — where the resource belongs for scope and statistics. */
    path: ltree('path').notNull(),
    districtId: uuid('district_id'),
    schoolId: uuid('school_id'),
    status: text('status').$type<TResourceStatus>().notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('resource_status_idx').on(t.status, t.subjectCode, t.gradeCode),
    index('resource_author_idx').on(t.authorId, t.status),
    index('resource_lesson_idx').on(t.lessonId),
    index('resource_path_gist').using('gist', t.path),
    // The newest published resources of a subject and grade, for the home pages (portal).
    index('resource_recent_idx')
      .on(t.subjectCode, t.gradeCode, t.publishedAt)
      .where(sql`${t.status} = 'published'`),
    check(
      'resource_kind_ck',
      sql`${t.kind} in ('lesson_package','video','courseware','micro_lesson','exercise_set','theme','third_party')`,
    ),
    check(
      'resource_status_ck',
      sql`${t.status} in ('draft','in_review','returned','rejected','published','retired')`,
    ),
    check('resource_term_ck', sql`${t.term} is null or ${t.term} in (1, 2)`),
  ],
);

/**
 * R5: the search index of resources, one row per resource, beside it rather than in it. It holds no
 * personal data (no author, no unit), so it needs no row-level security, and the index can answer
 * the words first: under RLS PostgreSQL must check a row's policy before any condition whose
 * operator is not leakproof, `@@` included, so a search inside `resource` reads every row. A search
 * joins each match found here to `resource` by id, where the policy and the scope filter decide
 * what the viewer sees. Written by reindexResources on every create and edit.
 */
export const resourceSearch = pgTable(
  'resource_search',
  {
    id: uuid('id')
      .primaryKey()
      .references(() => resources.id, { onDelete: 'cascade' }),
    /** The catalogue values of the resource, copied when it is indexed (for search_keys). */
    kind: text('kind').$type<TResourceKind>().notNull(),
    subjectCode: text('subject_code'),
    gradeCode: text('grade_code'),
    themeCode: text('theme_code'),
    /** Title (A), tags (B), description, lesson and knowledge points (C), segmented by jieba. */
    searchVector: tsvector('search_vector').notNull(),
    /**
     * Keys the search index holds beside the words, so filters and sampling need no row visits:
     * the catalogue values (`k:` kind, `s:` subject, `g:` grade, `t:` theme) and `~n` when the row
     * belongs to the random 1/2ⁿ sample (n = 1…12, from the random bits that end a UUIDv7).
     */
    searchKeys: text('search_keys').array().generatedAlwaysAs(SEARCH_KEYS),
    /**
     * Popularity levels for ranking large result sets: `j` when the resource is among the top 1/2ʲ
     * published resources by use and ratings (j = 1…12). Recomputed by refreshSearchPopularity.
     */
    searchPopularity: smallint('search_popularity').array().notNull().default(sql`'{}'`),
  },
  (t) => [
    // One scan answers words AND catalogue filters AND a sample or popularity level (search.repository).
    index('resource_search_gin').using('gin', t.searchVector, t.searchKeys, t.searchPopularity),
    // The same for words of the title and tags only: the strongest matches of a large result set.
    index('resource_search_title_gin').using(
      'gin',
      sql`ts_filter(${t.searchVector}, '{a,b}')`,
      t.searchKeys,
      t.searchPopularity,
    ),
  ],
);

export const FILE_ROLES = ['main', 'slides', 'attachment', 'cover'] as const;
export type TFileRole = (typeof FILE_ROLES)[number];

export const resourceFiles = pgTable(
  'resource_file',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id),
    role: text('role').$type<TFileRole>().notNull(),
    storageKey: text('storage_key').notNull(),
    fileName: text('file_name').notNull(),
    /** The sniffed type, never the one the browser claimed. */
    mime: text('mime').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('resource_file_resource_idx').on(t.resourceId),
    check('resource_file_role_ck', sql`${t.role} in ('main','slides','attachment','cover')`),
  ],
);

export const resourceKnowledgePoints = pgTable(
  'resource_knowledge_point',
  {
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id),
    knowledgePointId: uuid('knowledge_point_id')
      .notNull()
      .references(() => knowledgePoints.id),
  },
  (t) => [
    primaryKey({ columns: [t.resourceId, t.knowledgePointId] }),
    index('resource_knowledge_point_kp_idx').on(t.knowledgePointId),
  ],
);

/** 互动答疑 (R2): questions on a resource, answered by its author or a teacher of its subject. */
export const resourceQuestions = pgTable(
  'resource_question',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id),
    askerId: uuid('asker_id').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('resource_question_resource_idx').on(t.resourceId, t.createdAt),
    // A learner's own questions and their answers, for their home page (portal).
    index('resource_question_asker_idx').on(t.askerId, t.createdAt),
  ],
);

export const resourceAnswers = pgTable(
  'resource_answer',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    questionId: uuid('question_id')
      .notNull()
      .references(() => resourceQuestions.id),
    answererId: uuid('answerer_id').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('resource_answer_question_idx').on(t.questionId, t.createdAt)],
);

/** R4 usage and ratings, kept apart from `resource` so counting a view never touches the row scope caches read. */
export const resourceStats = pgTable('resource_stat', {
  resourceId: uuid('resource_id')
    .primaryKey()
    .references(() => resources.id),
  views: integer('views').notNull().default(0),
  completions: integer('completions').notNull().default(0),
  downloads: integer('downloads').notNull().default(0),
  ratingCount: integer('rating_count').notNull().default(0),
  ratingSum: integer('rating_sum').notNull().default(0),
});

/** R4: one rating (1–5 stars) and optional comment per person and resource; changing it replaces it. */
export const resourceRatings = pgTable(
  'resource_rating',
  {
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id),
    personId: uuid('person_id').notNull(),
    stars: smallint('stars').notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.resourceId, t.personId] }),
    check('resource_rating_stars_ck', sql`${t.stars} between 1 and 5`),
  ],
);

/**
 * R4 use by the viewer's unit and day: plays, completions and downloads counted where the viewer
 * belongs (their school, or their bureau), so a district sees how much its schools use resources,
 * not only how much they contribute.
 */
export const resourceUses = pgTable(
  'resource_use',
  {
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id),
    /** The viewer's school, or their bureau's unit for bureau staff. */
    viewerPath: ltree('viewer_path').notNull(),
    day: date('day').notNull(),
    views: integer('views').notNull().default(0),
    completions: integer('completions').notNull().default(0),
    downloads: integer('downloads').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.resourceId, t.viewerPath, t.day] }),
    index('resource_use_viewer_gist').using('gist', t.viewerPath),
    index('resource_use_day_idx').on(t.day),
  ],
);

/** A learner finished a resource (watched to the end, or marked a document done); once per person. */
export const resourceCompletions = pgTable(
  'resource_completion',
  {
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id),
    personId: uuid('person_id').notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.resourceId, t.personId] })],
);

export const RETIREMENT_REASONS = ['low_rating', 'unused'] as const;
export type TRetirementReason = (typeof RETIREMENT_REASONS)[number];

/**
 * R4 retirement: the scheduled check flags published resources with low ratings or no use; an
 * administrator of the resource's unit confirms (retire) or keeps it. A kept resource is not flagged
 * again for the same reason until the quiet period has passed.
 */
export const resourceRetirements = pgTable(
  'resource_retirement',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id),
    reason: text('reason').$type<TRetirementReason>().notNull(),
    /** The figures that triggered the flag: average and count of ratings, last use. */
    details: jsonb('details').notNull(),
    status: text('status').$type<'pending' | 'retired' | 'kept'>().notNull().default('pending'),
    flaggedAt: timestamp('flagged_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    note: text('note').notNull().default(''),
  },
  (t) => [
    uniqueIndex('resource_retirement_pending_uq').on(t.resourceId).where(sql`${t.status} = 'pending'`),
    index('resource_retirement_resource_idx').on(t.resourceId, t.flaggedAt),
    check('resource_retirement_reason_ck', sql`${t.reason} in ('low_rating','unused')`),
    check('resource_retirement_status_ck', sql`${t.status} in ('pending','retired','kept')`),
  ],
);

/** 数据分级分类 (platform/privacy). */
export const resourcesInventory = [
  inventory(resources, {
    description: '数字教育资源',
    retention: '随资源保存；淘汰后 3 年删除',
    subjects: ['authorId'],
    erasure: 'retain',
    columns: {
      id: NONE,
      kind: NONE,
      title: NONE,
      description: NONE,
      tags: NONE,
      subjectCode: NONE,
      gradeCode: NONE,
      term: NONE,
      editionId: NONE,
      lessonId: NONE,
      themeCode: NONE,
      provider: NONE,
      license: NONE,
      analysis: NONE,
      exercises: NONE,
      authorId: personal('general', 'contract', '资源建设与署名（教师职务行为）'),
      path: personal('general', 'contract', '资源所属单位与草稿可见范围'),
      districtId: NONE,
      schoolId: NONE,
      status: NONE,
      publishedAt: NONE,
      createdAt: NONE,
      updatedAt: NONE,
    },
  }),
  inventory(resourceSearch, {
    description: '资源检索索引（分词、编目值、热度分层；不含作者与单位）',
    retention: '随资源保存',
    columns: {
      id: NONE,
      kind: NONE,
      subjectCode: NONE,
      gradeCode: NONE,
      themeCode: NONE,
      searchVector: NONE,
      searchKeys: NONE,
      searchPopularity: NONE,
    },
  }),
  inventory(resourceFiles, {
    description: '资源文件（视频、课件）',
    retention: '随资源保存',
    columns: {
      id: NONE,
      resourceId: NONE,
      role: NONE,
      storageKey: NONE,
      fileName: NONE,
      mime: NONE,
      size: NONE,
      sha256: NONE,
      createdAt: NONE,
    },
  }),
  inventory(resourceKnowledgePoints, {
    description: '资源与知识点的关联',
    retention: '随资源保存',
    columns: {
      resourceId: NONE,
      knowledgePointId: NONE,
    },
  }),
  inventory(resourceQuestions, {
    description: '互动答疑：学习者的提问',
    retention: '随资源保存；提问者离校 3 年后匿名化',
    subjects: ['askerId'],
    erasure: { anonymise: ['body'] },
    columns: {
      id: NONE,
      resourceId: NONE,
      askerId: personal(
        'general',
        'statutory_duty',
        '教育教学服务：学习记录与互动（学生内容向其他学习者只显示「X同学」）',
      ),
      body: personal('important', 'statutory_duty', '教育教学服务：学习者提问与评论内容'),
      createdAt: NONE,
    },
  }),
  inventory(resourceAnswers, {
    description: '互动答疑：教师的回答',
    retention: '随资源保存',
    subjects: ['answererId'],
    erasure: 'retain',
    columns: {
      id: NONE,
      questionId: NONE,
      answererId: personal('general', 'contract', '答疑署名（教师职务行为）'),
      body: personal('general', 'contract', '答疑内容'),
      createdAt: NONE,
    },
  }),
  inventory(resourceStats, {
    description: '资源的浏览、完成、下载与评分汇总（不含个人信息）',
    retention: '随资源保存',
    columns: {
      resourceId: NONE,
      views: NONE,
      completions: NONE,
      downloads: NONE,
      ratingCount: NONE,
      ratingSum: NONE,
    },
  }),
  inventory(resourceRatings, {
    description: '资源评分与评论',
    retention: '随资源保存；评分人离校 3 年后匿名化',
    subjects: ['personId'],
    erasure: { anonymise: ['comment'] },
    columns: {
      resourceId: NONE,
      personId: personal(
        'general',
        'statutory_duty',
        '教育教学服务：学习记录与互动（学生内容向其他学习者只显示「X同学」）',
      ),
      stars: personal(
        'general',
        'statutory_duty',
        '教育教学服务：学习记录与互动（学生内容向其他学习者只显示「X同学」）',
      ),
      comment: personal('important', 'statutory_duty', '教育教学服务：学习者提问与评论内容'),
      createdAt: NONE,
      updatedAt: NONE,
    },
  }),
  inventory(resourceUses, {
    description: '资源使用量按单位和日期汇总（不含个人信息）',
    retention: '3 年',
    columns: {
      resourceId: NONE,
      viewerPath: NONE,
      day: NONE,
      views: NONE,
      completions: NONE,
      downloads: NONE,
    },
  }),
  inventory(resourceCompletions, {
    description: '学习完成记录',
    retention: '2 年',
    subjects: ['personId'],
    erasure: { anonymise: [] },
    purge: { column: 'completedAt', days: 730 },
    columns: {
      resourceId: personal(
        'general',
        'statutory_duty',
        '教育教学服务：学习记录与互动（学生内容向其他学习者只显示「X同学」）',
      ),
      personId: personal(
        'general',
        'statutory_duty',
        '教育教学服务：学习记录与互动（学生内容向其他学习者只显示「X同学」）',
      ),
      completedAt: personal(
        'general',
        'statutory_duty',
        '教育教学服务：学习记录与互动（学生内容向其他学习者只显示「X同学」）',
      ),
    },
  }),
  inventory(resourceRetirements, {
    description: '资源淘汰检查与处理记录',
    retention: '随资源保存',
    subjects: ['decidedBy'],
    erasure: 'retain',
    columns: {
      id: NONE,
      resourceId: NONE,
      reason: NONE,
      details: NONE,
      status: NONE,
      flaggedAt: NONE,
      decidedBy: personal('general', 'contract', '资源淘汰决定（管理员职务行为）'),
      decidedAt: NONE,
      note: personal('general', 'contract', '资源淘汰决定说明'),
    },
  }),
];

/**
 * The item bank (A2), blueprints (双向细目表, A3) and papers. An item belongs to its author's unit
 * (`path`) and is seen beyond its author once shared to the school, district or city after a light
 * review; a paper keeps a snapshot of every item's content once finalised, so a later edit of the
 * bank does not change a paper already given.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
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
import { knowledgePoints } from '../curriculum/curriculum.schema.ts';
import type { CognitiveLevel, ItemContent, ItemType } from './item-model.ts';
import type { PaperDocument } from './paper-model.ts';

/** How far an item is shared: its author's own, or every teacher of the school, district or city. */
export const SHARE_LEVELS = ['private', 'school', 'district', 'city'] as const;
export type TShareLevel = (typeof SHARE_LEVELS)[number];

/** The light review of a share: `pending` until an administrator or researcher of that level decides. */
export const SHARE_STATUSES = ['none', 'pending', 'approved', 'returned'] as const;
export type TShareStatus = (typeof SHARE_STATUSES)[number];

/** PostgreSQL full-text vector; filled by the app from jieba segmentation (platform/search). */
const tsvector = customType<{ data: string }>({
  dataType() {
    return 'tsvector';
  },
});

export const items = pgTable(
  'item',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    type: text('type').$type<ItemType>().notNull(),
    content: jsonb('content').$type<ItemContent>().notNull(),
    /** The stem, options and parts as plain text (formulas as TeX): search and duplicate detection. */
    stemText: text('stem_text').notNull(),
    subjectCode: text('subject_code').notNull(),
    gradeCode: text('grade_code').notNull(),
    cognitiveLevel: text('cognitive_level').$type<CognitiveLevel>().notNull(),
    /** Expected proportion correct (难度系数 P), set by the author; `pValue` once answered. */
    difficulty: real('difficulty').notNull(),
    score: real('score').notNull(),
    seconds: integer('seconds').notNull(),
    source: text('source'),
    year: smallint('year'),
    /** Calibrated IRT parameters (diagnosis, issue 11): discrimination a, difficulty b. */
    irtA: real('irt_a'),
    irtB: real('irt_b'),
    calibratedAt: timestamp('calibrated_at', { withTimezone: true }),
    /** Observed proportion correct and how many answers it rests on. */
    pValue: real('p_value'),
    answered: integer('answered').notNull().default(0),
    /** Times the item stood on an assigned paper, and when last (the blueprint's exposure limit). */
    exposure: integer('exposure').notNull().default(0),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    authorId: uuid('author_id').notNull(),
    /** The author's unit (school, or bureau) — where the item belongs for scope and sharing. */
    path: ltree('path').notNull(),
    districtId: uuid('district_id'),
    schoolId: uuid('school_id'),
    share: text('share').$type<TShareLevel>().notNull().default('private'),
    /** The level asked for while `shareStatus` is pending. */
    shareRequested: text('share_requested').$type<TShareLevel>(),
    shareStatus: text('share_status').$type<TShareStatus>().notNull().default('none'),
    /** The reviewer's reason when a share was returned. */
    shareNote: text('share_note'),
    retired: boolean('retired').notNull().default(false),
    /** The item this one was copied from (a teacher adapts a shared item into their own). */
    copiedFrom: uuid('copied_from'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('item_author_idx').on(t.authorId, t.updatedAt),
    index('item_catalogue_idx').on(t.subjectCode, t.gradeCode, t.type),
    index('item_path_gist').using('gist', t.path),
    index('item_share_pending_idx').on(t.shareStatus).where(sql`${t.shareStatus} = 'pending'`),
    // Near-identical stems (duplicate detection on import): trigram similarity.
    index('item_stem_trgm').using('gin', sql`${t.stemText} gin_trgm_ops`),
    check(
      'item_type_ck',
      sql`${t.type} in ('single_choice','multiple_choice','true_false','fill_in','short_answer','essay','composite')`,
    ),
    check('item_level_ck', sql`${t.cognitiveLevel} in ('remember','understand','apply','analyse')`),
    check('item_difficulty_ck', sql`${t.difficulty} between 0 and 1`),
    check('item_share_ck', sql`${t.share} in ('private','school','district','city')`),
    check('item_share_status_ck', sql`${t.shareStatus} in ('none','pending','approved','returned')`),
  ],
);

/**
 * The search index of items, beside them (as `resource_search` is, and for the same reason: no
 * personal data, so no row-level security, and the words are answered by the index first).
 */
export const itemSearch = pgTable(
  'item_search',
  {
    id: uuid('id')
      .primaryKey()
      .references(() => items.id, { onDelete: 'cascade' }),
    subjectCode: text('subject_code').notNull(),
    gradeCode: text('grade_code').notNull(),
    type: text('type').$type<ItemType>().notNull(),
    cognitiveLevel: text('cognitive_level').$type<CognitiveLevel>().notNull(),
    /** Stem and options (A), knowledge points (B), source (C), segmented by jieba. */
    searchVector: tsvector('search_vector').notNull(),
  },
  (t) => [
    index('item_search_gin').using('gin', t.searchVector),
    index('item_search_catalogue_idx').on(t.subjectCode, t.gradeCode, t.type, t.cognitiveLevel),
  ],
);

export const itemKnowledgePoints = pgTable(
  'item_knowledge_point',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    knowledgePointId: uuid('knowledge_point_id')
      .notNull()
      .references(() => knowledgePoints.id),
  },
  (t) => [
    primaryKey({ columns: [t.itemId, t.knowledgePointId] }),
    index('item_kp_kp_idx').on(t.knowledgePointId),
  ],
);

/** Pictures of an item (`hanlin-file:<storageKey>` in its rich text), stored in the storage backend. */
export const itemFiles = pgTable(
  'item_file',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    itemId: uuid('item_id').references(() => items.id, { onDelete: 'cascade' }),
    /** Who uploaded it (before the item is saved, an import's pictures belong to the importer). */
    ownerId: uuid('owner_id').notNull(),
    storageKey: text('storage_key').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('item_file_item_idx').on(t.itemId), uniqueIndex('item_file_key_uq').on(t.storageKey)],
);

/** A 双向细目表 and the rest of an assembly request, kept as the teacher's template. */
export const blueprints = pgTable(
  'blueprint',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    name: text('name').notNull(),
    subjectCode: text('subject_code').notNull(),
    gradeCode: text('grade_code').notNull(),
    /** The blueprint as the assembly form holds it (validated by the assembly routes' schema). */
    spec: jsonb('spec').$type<Record<string, unknown>>().notNull(),
    ownerId: uuid('owner_id').notNull(),
    path: ltree('path').notNull(),
    /** Shown to the owner's school as a template. */
    shared: boolean('shared').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('blueprint_owner_idx').on(t.ownerId), index('blueprint_path_gist').using('gist', t.path)],
);

export const PAPER_STATUSES = ['draft', 'final'] as const;

/** A section of a draft paper: its title (一、选择题 …) and instructions; its items are in `paper_item`. */
export type TPaperSectionHead = { title: string; instructions?: string };
export type TPaperStatus = (typeof PAPER_STATUSES)[number];

export const papers = pgTable(
  'paper',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    title: text('title').notNull(),
    subtitle: text('subtitle'),
    subjectCode: text('subject_code').notNull(),
    gradeCode: text('grade_code').notNull(),
    minutes: integer('minutes').notNull(),
    totalScore: real('total_score').notNull(),
    navigation: text('navigation').$type<'free' | 'forward_only'>().notNull().default('free'),
    /** The sections' titles and instructions while a draft is built; `paper_item.section` indexes them. */
    sections: jsonb('sections').$type<TPaperSectionHead[]>().notNull().default([]),
    status: text('status').$type<TPaperStatus>().notNull().default('draft'),
    /** The blueprint it was assembled from, and the assembly's figures (objective, gap, seconds). */
    blueprintId: uuid('blueprint_id').references(() => blueprints.id, { onDelete: 'set null' }),
    assembly: jsonb('assembly').$type<Record<string, unknown>>(),
    /** Parallel forms (A/B 卷) assembled together share a group; `form` is the letter. */
    formGroup: uuid('form_group'),
    form: text('form'),
    /** The printable and answerable document, written when the paper is finalised. */
    document: jsonb('document').$type<PaperDocument>(),
    ownerId: uuid('owner_id').notNull(),
    path: ltree('path').notNull(),
    districtId: uuid('district_id'),
    schoolId: uuid('school_id'),
    finalisedAt: timestamp('finalised_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('paper_owner_idx').on(t.ownerId, t.updatedAt),
    index('paper_path_gist').using('gist', t.path),
    check('paper_status_ck', sql`${t.status} in ('draft','final')`),
    check('paper_navigation_ck', sql`${t.navigation} in ('free','forward_only')`),
  ],
);

/** The items of a paper in order, by section; the finalised `paper.document` snapshots their content. */
export const paperItems = pgTable(
  'paper_item',
  {
    paperId: uuid('paper_id')
      .notNull()
      .references(() => papers.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id),
    section: smallint('section').notNull().default(0),
    score: real('score').notNull(),
  },
  (t) => [primaryKey({ columns: [t.paperId, t.position] }), index('paper_item_item_idx').on(t.itemId)],
);

const AUTHORSHIP = '题库与组卷（教师职务行为）';

export const bankInventory = [
  inventory(items, {
    description: '题库试题',
    retention: '随题库保存；退役后 3 年删除',
    subjects: ['authorId'],
    erasure: 'retain',
    columns: {
      id: NONE,
      type: NONE,
      content: NONE,
      stemText: NONE,
      subjectCode: NONE,
      gradeCode: NONE,
      cognitiveLevel: NONE,
      difficulty: NONE,
      score: NONE,
      seconds: NONE,
      source: NONE,
      year: NONE,
      irtA: NONE,
      irtB: NONE,
      calibratedAt: NONE,
      pValue: NONE,
      answered: NONE,
      exposure: NONE,
      lastUsedAt: NONE,
      authorId: personal('general', 'contract', AUTHORSHIP),
      path: personal('general', 'contract', '试题所属单位与共享范围'),
      districtId: NONE,
      schoolId: NONE,
      share: NONE,
      shareRequested: NONE,
      shareStatus: NONE,
      shareNote: NONE,
      retired: NONE,
      copiedFrom: NONE,
      createdAt: NONE,
      updatedAt: NONE,
    },
  }),
  inventory(itemSearch, {
    description: '试题检索索引（分词与编目值；不含作者与单位）',
    retention: '随试题保存',
    columns: {
      id: NONE,
      subjectCode: NONE,
      gradeCode: NONE,
      type: NONE,
      cognitiveLevel: NONE,
      searchVector: NONE,
    },
  }),
  inventory(itemKnowledgePoints, {
    description: '试题的知识点标注',
    retention: '随试题保存',
    columns: { itemId: NONE, knowledgePointId: NONE },
  }),
  inventory(itemFiles, {
    description: '试题中的图片',
    retention: '随试题保存',
    subjects: ['ownerId'],
    erasure: 'retain',
    columns: {
      id: NONE,
      itemId: NONE,
      ownerId: personal('general', 'contract', AUTHORSHIP),
      storageKey: NONE,
      mime: NONE,
      size: NONE,
      sha256: NONE,
      createdAt: NONE,
    },
  }),
  inventory(blueprints, {
    description: '双向细目表与组卷模板',
    retention: '随模板保存',
    subjects: ['ownerId'],
    erasure: 'retain',
    columns: {
      id: NONE,
      name: NONE,
      subjectCode: NONE,
      gradeCode: NONE,
      spec: NONE,
      ownerId: personal('general', 'contract', AUTHORSHIP),
      path: personal('general', 'contract', '模板所属单位'),
      shared: NONE,
      createdAt: NONE,
      updatedAt: NONE,
    },
  }),
  inventory(papers, {
    description: '试卷',
    retention: '随试卷保存；用于考试的试卷随成绩保存',
    subjects: ['ownerId'],
    erasure: 'retain',
    columns: {
      id: NONE,
      title: NONE,
      subtitle: NONE,
      subjectCode: NONE,
      gradeCode: NONE,
      minutes: NONE,
      totalScore: NONE,
      navigation: NONE,
      sections: NONE,
      status: NONE,
      blueprintId: NONE,
      assembly: NONE,
      formGroup: NONE,
      form: NONE,
      document: NONE,
      ownerId: personal('general', 'contract', AUTHORSHIP),
      path: personal('general', 'contract', '试卷所属单位'),
      districtId: NONE,
      schoolId: NONE,
      finalisedAt: NONE,
      createdAt: NONE,
      updatedAt: NONE,
    },
  }),
  inventory(paperItems, {
    description: '试卷的题目与分值',
    retention: '随试卷保存',
    columns: { paperId: NONE, position: NONE, itemId: NONE, section: NONE, score: NONE },
  }),
];

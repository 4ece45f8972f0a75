import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, newId, updatedAt } from '../../platform/db/types.ts';
import { inventory, NONE } from '../../platform/privacy/data-classes.ts';

/**
 * The curriculum backbone (A1, R1), city-wide: textbook editions per subject, their volumes, units
 * and lessons, and the subject's knowledge graph. Researchers (教研员) of the city edit it; every
 * signed-in user reads it. Resources are catalogued against it.
 */
export const textbookEditions = pgTable(
  'textbook_edition',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    /** JY/T 1001 中小学课程代码. */
    subjectCode: text('subject_code').notNull(),
    /** Short name, e.g. 人教版, 统编版. */
    name: text('name').notNull(),
    publisher: text('publisher').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('textbook_edition_uq').on(t.subjectCode, t.name)],
);

export const NODE_KINDS = ['volume', 'unit', 'lesson'] as const;
export type TNodeKind = (typeof NODE_KINDS)[number];

/**
 * Volume (a grade's 上册/下册) → unit → lesson. Grade and term are copied down from the volume so
 * any node can be filtered by them without walking up.
 */
export const curriculumNodes = pgTable(
  'curriculum_node',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => textbookEditions.id),
    parentId: uuid('parent_id').references((): AnyPgColumn => curriculumNodes.id),
    kind: text('kind').$type<TNodeKind>().notNull(),
    /** Position among siblings, from 1. */
    seq: integer('seq').notNull(),
    title: text('title').notNull(),
    gradeCode: text('grade_code').notNull(),
    /** 1 上册, 2 下册. */
    term: smallint('term').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('curriculum_node_seq_uq').on(t.parentId, t.seq).where(sql`${t.parentId} is not null`),
    index('curriculum_node_edition_idx').on(t.editionId, t.gradeCode, t.term),
    uniqueIndex('curriculum_volume_uq').on(t.editionId, t.gradeCode, t.term).where(sql`${t.kind} = 'volume'`),
    check('curriculum_node_kind_ck', sql`${t.kind} in ('volume','unit','lesson')`),
    check('curriculum_node_term_ck', sql`${t.term} in (1, 2)`),
    check('curriculum_node_parent_ck', sql`(${t.kind} = 'volume') = (${t.parentId} is null)`),
  ],
);

export const knowledgePoints = pgTable(
  'knowledge_point',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    subjectCode: text('subject_code').notNull(),
    /** Stable code within the subject, e.g. MA-14-012; imports match on it. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** Grade where it is first taught. */
    gradeCode: text('grade_code').notNull(),
    /** Strand of the curriculum standard (课程标准), e.g. 数与代数. */
    strand: text('strand').notNull(),
    description: text('description'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('knowledge_point_code_uq').on(t.subjectCode, t.code),
    index('knowledge_point_grade_idx').on(t.subjectCode, t.gradeCode),
  ],
);

/** `prerequisiteId` must be learnt before `knowledgePointId`. The graph is kept acyclic. */
export const knowledgeEdges = pgTable(
  'knowledge_edge',
  {
    prerequisiteId: uuid('prerequisite_id')
      .notNull()
      .references(() => knowledgePoints.id),
    knowledgePointId: uuid('knowledge_point_id')
      .notNull()
      .references(() => knowledgePoints.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.prerequisiteId, t.knowledgePointId] }),
    index('knowledge_edge_point_idx').on(t.knowledgePointId),
    check('knowledge_edge_self_ck', sql`${t.prerequisiteId} <> ${t.knowledgePointId}`),
  ],
);

export const lessonKnowledgePoints = pgTable(
  'lesson_knowledge_point',
  {
    lessonId: uuid('lesson_id')
      .notNull()
      .references(() => curriculumNodes.id),
    knowledgePointId: uuid('knowledge_point_id')
      .notNull()
      .references(() => knowledgePoints.id),
  },
  (t) => [
    primaryKey({ columns: [t.lessonId, t.knowledgePointId] }),
    index('lesson_knowledge_point_kp_idx').on(t.knowledgePointId),
  ],
);

/** 数据分级分类 (platform/privacy): the curriculum backbone holds no personal data. */
export const curriculumInventory = [
  inventory(textbookEditions, {
    description: '教材版本',
    retention: '长期保存',
    columns: {
      id: NONE,
      subjectCode: NONE,
      name: NONE,
      publisher: NONE,
      createdAt: NONE,
      updatedAt: NONE,
    },
  }),
  inventory(curriculumNodes, {
    description: '教材目录（册、单元、课）',
    retention: '长期保存',
    columns: {
      id: NONE,
      editionId: NONE,
      parentId: NONE,
      kind: NONE,
      seq: NONE,
      title: NONE,
      gradeCode: NONE,
      term: NONE,
      createdAt: NONE,
      updatedAt: NONE,
    },
  }),
  inventory(knowledgePoints, {
    description: '知识点',
    retention: '长期保存',
    columns: {
      id: NONE,
      subjectCode: NONE,
      code: NONE,
      name: NONE,
      gradeCode: NONE,
      strand: NONE,
      description: NONE,
      active: NONE,
      createdAt: NONE,
      updatedAt: NONE,
    },
  }),
  inventory(knowledgeEdges, {
    description: '知识点先修关系',
    retention: '长期保存',
    columns: {
      prerequisiteId: NONE,
      knowledgePointId: NONE,
      createdAt: NONE,
    },
  }),
  inventory(lessonKnowledgePoints, {
    description: '课与知识点的关联',
    retention: '长期保存',
    columns: {
      lessonId: NONE,
      knowledgePointId: NONE,
    },
  }),
];

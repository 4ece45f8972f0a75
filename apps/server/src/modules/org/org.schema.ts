import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, ltree, newId, updatedAt } from '../../platform/db/types.ts';
import { inventory, NONE } from '../../platform/privacy/data-classes.ts';

export const ORG_KINDS = ['city', 'district', 'school', 'grade', 'class', 'teaching_class'] as const;
export type TOrgKind = (typeof ORG_KINDS)[number];

/**
 * One node of the org tree: city → district → school → grade → class, plus teaching classes
 * (教学班) under a school. `path` is an ltree of codes and is what scope checks compare.
 */
export const orgUnits = pgTable(
  'org_unit',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    kind: text('kind').$type<TOrgKind>().notNull(),
    parentId: uuid('parent_id'),
    code: text('code').notNull(),
    name: text('name').notNull(),
    path: ltree('path').notNull(),
    districtId: uuid('district_id'),
    schoolId: uuid('school_id'),
    /** Stage code (学段) for schools, grades and classes. */
    stage: text('stage'),
    /** 办学类型 (BXLX) for schools. */
    schoolType: text('school_type'),
    /** 学校标识码: 10-digit national school identification code. */
    schoolCode: text('school_code'),
    /** GB/T 2260 administrative-division code for the city and districts. */
    divisionCode: text('division_code'),
    /** 年级 code (NJ) for grades and classes. */
    gradeCode: text('grade_code'),
    entryYear: integer('entry_year'),
    /** Course code (ZXXKC) of a teaching class. */
    subjectCode: text('subject_code'),
    address: text('address'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('org_unit_path_uq').on(t.path),
    uniqueIndex('org_unit_school_code_uq').on(t.schoolCode),
    index('org_unit_path_gist').using('gist', t.path),
    index('org_unit_parent_idx').on(t.parentId),
    index('org_unit_school_idx').on(t.schoolId, t.kind),
    check(
      'org_unit_kind_ck',
      sql`${t.kind} in ('city','district','school','grade','class','teaching_class')`,
    ),
    check('org_unit_school_code_ck', sql`${t.schoolCode} is null or ${t.schoolCode} ~ '^[0-9]{10}$'`),
  ],
);

export const academicYears = pgTable('academic_year', {
  id: uuid('id').primaryKey().$defaultFn(newId),
  name: text('name').notNull().unique(),
  startDate: date('start_date').notNull(),
  endDate: date('end_date').notNull(),
  current: boolean('current').notNull().default(false),
});

export const terms = pgTable('term', {
  id: uuid('id').primaryKey().$defaultFn(newId),
  academicYearId: uuid('academic_year_id')
    .notNull()
    .references(() => academicYears.id),
  seq: integer('seq').notNull(),
  name: text('name').notNull(),
  startDate: date('start_date').notNull(),
  endDate: date('end_date').notNull(),
  current: boolean('current').notNull().default(false),
});

/** 数据分级分类 (platform/privacy): the org tree and calendar hold no personal data. */
export const orgInventory = [
  inventory(orgUnits, {
    description: '组织机构树：市、区、学校、年级、班级（机构信息，不含个人信息）',
    retention: '长期保存',
    columns: {
      id: NONE,
      kind: NONE,
      parentId: NONE,
      code: NONE,
      name: NONE,
      path: NONE,
      districtId: NONE,
      schoolId: NONE,
      stage: NONE,
      schoolType: NONE,
      schoolCode: NONE,
      divisionCode: NONE,
      gradeCode: NONE,
      entryYear: NONE,
      subjectCode: NONE,
      address: NONE,
      active: NONE,
      createdAt: NONE,
      updatedAt: NONE,
    },
  }),
  inventory(academicYears, {
    description: '学年',
    retention: '长期保存',
    columns: {
      id: NONE,
      name: NONE,
      startDate: NONE,
      endDate: NONE,
      current: NONE,
    },
  }),
  inventory(terms, {
    description: '学期',
    retention: '长期保存',
    columns: {
      id: NONE,
      academicYearId: NONE,
      seq: NONE,
      name: NONE,
      startDate: NONE,
      endDate: NONE,
      current: NONE,
    },
  }),
];

import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, createdAt, ltree, newId, updatedAt } from '../../platform/db/types.ts';
import { inventory, NONE, personal } from '../../platform/privacy/data-classes.ts';

/** 学籍: a student's enrolment record. `path` is the administrative class path. */
export const students = pgTable(
  'student',
  {
    personId: uuid('person_id').primaryKey(),
    /**
     * 全国学籍号 (national student number), AES-256-GCM encrypted: it is "G" + the resident ID
     * number, so it is protected as the ID number it contains.
     */
    nationalNoEnc: bytea('national_no_enc'),
    /** HMAC-SHA256 of the normalised 全国学籍号: the lookup and upsert key of imports. */
    nationalNoHash: text('national_no_hash'),
    /** 学号 within the school. */
    studentNo: text('student_no').notNull(),
    districtId: uuid('district_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    classId: uuid('class_id').notNull(),
    path: ltree('path').notNull(),
    entryYear: integer('entry_year').notNull(),
    entryMode: text('entry_mode'),
    /** 就读方式: 1 走读, 2 住校. */
    studyMode: text('study_mode'),
    householdType: text('household_type'),
    /** 户口所在地 (GB/T 2260 code), encrypted. */
    householdPlaceEnc: bytea('household_place_enc'),
    /** 出生地 (GB/T 2260 code), encrypted. */
    birthplaceEnc: bytea('birthplace_enc'),
    /** 随迁子女 */
    migrant: boolean('migrant').notNull().default(false),
    status: text('status').notNull().default('enrolled'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('student_national_no_hash_uq').on(t.nationalNoHash),
    index('student_path_gist').using('gist', t.path),
    index('student_class_idx').on(t.classId),
    index('student_school_idx').on(t.schoolId),
    check('student_status_ck', sql`${t.status} in ('enrolled','transferred','graduated','withdrawn')`),
  ],
);

/**
 * Sensitive 学籍 fields (health, disability, left-behind, orphan) kept apart, encrypted, and read
 * only through the roster service, which audits every read.
 */
export const studentSensitive = pgTable('student_sensitive', {
  personId: uuid('person_id').primaryKey(),
  path: ltree('path').notNull(),
  dataEnc: bytea('data_enc').notNull(),
  updatedAt: updatedAt(),
});

export const teachers = pgTable(
  'teacher',
  {
    personId: uuid('person_id').primaryKey(),
    staffNo: text('staff_no').notNull(),
    /** The school that employs the teacher; teaching elsewhere shows in teaching assignments. */
    schoolId: uuid('school_id').notNull(),
    districtId: uuid('district_id').notNull(),
    path: ltree('path').notNull(),
    subjects: text('subjects').array().notNull().default(sql`'{}'::text[]`),
    title: text('title'),
    status: text('status').notNull().default('active'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('teacher_staff_no_uq').on(t.staffNo), index('teacher_path_gist').using('gist', t.path)],
);

/** A teacher teaching a subject to a class (administrative or teaching class) in a term. */
export const teachingAssignments = pgTable(
  'teaching_assignment',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    teacherId: uuid('teacher_id').notNull(),
    classId: uuid('class_id').notNull(),
    subjectCode: text('subject_code').notNull(),
    termId: uuid('term_id').notNull(),
    path: ltree('path').notNull(),
    schoolId: uuid('school_id').notNull(),
    districtId: uuid('district_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('teaching_assignment_uq').on(t.teacherId, t.classId, t.subjectCode, t.termId),
    index('teaching_assignment_class_idx').on(t.classId),
  ],
);

/** Students of a teaching class (教学班); they keep their administrative class. */
export const teachingClassMembers = pgTable(
  'teaching_class_member',
  {
    teachingClassId: uuid('teaching_class_id').notNull(),
    studentId: uuid('student_id').notNull(),
    path: ltree('path').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('teaching_class_member_uq').on(t.teachingClassId, t.studentId),
    index('teaching_class_member_student_idx').on(t.studentId),
  ],
);

/** A guardian (家长) of a student; a parent may have several children. */
export const guardians = pgTable(
  'guardian',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    parentId: uuid('parent_id').notNull(),
    studentId: uuid('student_id').notNull(),
    /** GB/T 4761 family-relation code. */
    relation: text('relation').notNull(),
    primary: boolean('is_primary').notNull().default(false),
    path: ltree('path').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('guardian_uq').on(t.parentId, t.studentId),
    index('guardian_student_idx').on(t.studentId),
  ],
);

const XUEJI = '学籍管理（《中小学生学籍管理办法》，教育主管部门法定职责）';
const TEACHING = '教学组织：编班、任课安排与数据范围';

/** 数据分级分类 of the roster tables (platform/privacy). */
export const rosterInventory = [
  inventory(students, {
    description: '学生学籍记录',
    retention: '学籍档案按《中小学生学籍管理办法》长期保存；删除请求不适用于学籍，仅可更正',
    subjects: ['personId'],
    erasure: 'retain',
    columns: {
      personId: personal('general', 'statutory_duty', XUEJI),
      nationalNoEnc: personal('sensitive', 'statutory_duty', `${XUEJI}；含身份证号，加密存储`),
      nationalNoHash: personal('sensitive', 'statutory_duty', '按全国学籍号导入更新（带密钥散列，不可逆）'),
      studentNo: personal('important', 'statutory_duty', XUEJI),
      districtId: personal('important', 'statutory_duty', XUEJI),
      schoolId: personal('important', 'statutory_duty', XUEJI),
      classId: personal('important', 'statutory_duty', XUEJI),
      path: personal('important', 'statutory_duty', `${XUEJI}；数据范围`),
      entryYear: personal('important', 'statutory_duty', XUEJI),
      entryMode: personal('important', 'statutory_duty', XUEJI),
      studyMode: personal('important', 'statutory_duty', XUEJI),
      householdType: personal('important', 'statutory_duty', XUEJI),
      householdPlaceEnc: personal('sensitive', 'statutory_duty', `${XUEJI}（户口所在地）`),
      birthplaceEnc: personal('sensitive', 'statutory_duty', `${XUEJI}（出生地）`),
      migrant: personal('important', 'statutory_duty', `${XUEJI}（进城务工人员随迁子女统计与资助）`),
      status: personal('important', 'statutory_duty', XUEJI),
      createdAt: NONE,
      updatedAt: NONE,
    },
  }),
  inventory(studentSensitive, {
    description: '学生敏感信息：健康状况、残疾、留守儿童、孤儿（加密存储，每次查看均审计）',
    retention: '随学籍保存；学生离校 3 年后删除',
    subjects: ['personId'],
    erasure: 'retain',
    columns: {
      personId: personal('general', 'statutory_duty', XUEJI),
      path: personal('important', 'statutory_duty', '数据范围'),
      dataEnc: personal('sensitive', 'statutory_duty', '关爱帮扶、资助与特殊教育安排'),
      updatedAt: NONE,
    },
  }),
  inventory(teachers, {
    description: '教职工任职记录',
    retention: '离职后 3 年',
    subjects: ['personId'],
    erasure: 'retain',
    columns: {
      personId: personal('general', 'contract', '人力资源管理'),
      staffNo: personal('important', 'contract', '人力资源管理'),
      schoolId: personal('important', 'contract', '人力资源管理'),
      districtId: personal('important', 'contract', '人力资源管理'),
      path: personal('important', 'contract', '人力资源管理；数据范围'),
      subjects: personal('general', 'contract', TEACHING),
      title: personal('important', 'contract', '人力资源管理（职称）'),
      status: personal('general', 'contract', '人力资源管理'),
      createdAt: NONE,
      updatedAt: NONE,
    },
  }),
  inventory(teachingAssignments, {
    description: '教师任课安排（学期 × 班级 × 学科）',
    retention: '学期结束后 3 年',
    subjects: ['teacherId'],
    erasure: 'retain',
    columns: {
      id: NONE,
      teacherId: personal('general', 'contract', TEACHING),
      classId: personal('general', 'contract', TEACHING),
      subjectCode: personal('general', 'contract', TEACHING),
      termId: NONE,
      path: personal('general', 'contract', `${TEACHING}`),
      schoolId: NONE,
      districtId: NONE,
      createdAt: NONE,
    },
  }),
  inventory(teachingClassMembers, {
    description: '教学班（选课走班）学生名单',
    retention: '学期结束后 3 年',
    subjects: ['studentId'],
    erasure: 'retain',
    columns: {
      teachingClassId: personal('general', 'statutory_duty', TEACHING),
      studentId: personal('general', 'statutory_duty', TEACHING),
      path: personal('general', 'statutory_duty', TEACHING),
      createdAt: NONE,
    },
  }),
  inventory(guardians, {
    description: '学生的监护人关系',
    retention: '随学籍保存',
    subjects: ['parentId', 'studentId'],
    erasure: 'retain',
    columns: {
      id: NONE,
      parentId: personal('important', 'statutory_duty', '家校联系与监护人同意'),
      studentId: personal('important', 'statutory_duty', '家校联系与监护人同意'),
      relation: personal('important', 'statutory_duty', '家校联系与监护人同意'),
      primary: personal('general', 'statutory_duty', '家校联系'),
      path: personal('important', 'statutory_duty', '数据范围'),
      createdAt: NONE,
    },
  }),
];

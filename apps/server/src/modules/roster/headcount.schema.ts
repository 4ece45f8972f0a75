/**
 * Head counts per org path, kept by the database itself: enrolled students per class path and
 * active teachers per school path, adjusted by statement triggers on `student` and `teacher`
 * (migration 0046) in the transaction of every change, COPY and imports included. The org browser
 * and the administrators' homes add up a unit's rows instead of counting its people: on a city of
 * 1,000,000 students counting them took half a second per read, and grows with the city.
 */
import { index, integer, pgTable } from 'drizzle-orm/pg-core';
import { ltree } from '../../platform/db/types.ts';
import { inventory, NONE } from '../../platform/privacy/data-classes.ts';

export const headcounts = pgTable(
  'headcount',
  {
    path: ltree('path').primaryKey(),
    students: integer('students').notNull().default(0),
    teachers: integer('teachers').notNull().default(0),
  },
  (t) => [index('headcount_path_gist').using('gist', t.path)],
);

export const headcountInventory = [
  inventory(headcounts, {
    description: '各班级在籍学生数、各学校在职教师数（随学籍、教师信息变动由数据库自动更新，不含个人）',
    retention: '随学籍、教师信息',
    columns: { path: NONE, students: NONE, teachers: NONE },
  }),
];

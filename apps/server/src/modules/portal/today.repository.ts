import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { execPrepared } from '../../platform/db/prepared.ts';
import { textArray } from '../../platform/scope/scope.ts';
import { type LessonCoverage, lessonCoverage } from '../curriculum/today.repository.ts';
import { type UnreadMessages, unreadMessages } from '../notifications/today.repository.ts';
import {
  type Answers,
  answersToQuestionsOf,
  type OpenQuestions,
  openQuestionsOnResourcesOf,
  publishedForLesson,
  type RecentItem,
  recentPublished,
  resourcesToReviseOf,
  type ToRevise,
} from '../resources/today.repository.ts';
import {
  classNews,
  type NewsItem,
  type UnreadNotices,
  unreadClassNotices,
  unreadStaffNotices,
} from '../spaces/today.repository.ts';

import {
  type Child,
  type ClassTeacher,
  childrenOf,
  classTeachers,
  type HeadClass,
  headClass,
  rowJson,
  rowsJson,
  type StudentPlace,
  studentPlace,
  type TaughtClass,
  taughtClasses,
  type UnitRef,
  unitsAt,
} from './home-parts.repository.ts';

/**
 * A person's whole home in one statement: every visit reads a home, so the portal's own parts
 * (classes, teachers, children) and the owning modules' fragments of what waits today (notices,
 * answers, questions, resources, messages) are composed into one named prepared statement, one
 * round trip, whose generic plan serves everyone (portal.repository `useGenericPlans`).
 */

/** How many items a home-page list carries; the page links to the full list. */
export const SHOWN = 5;

/** The (subject, grade) pairs taught this term in the classes at `paths`. */
const subjectsOfClasses = (paths: readonly string[]) =>
  sql`select ta.subject_code, o.grade_code from org_unit o
        join teaching_assignment ta on ta.class_id = o.id join term t on t.id = ta.term_id and t.current
       where o.path = any(${textArray(paths, 'ltree')})`;

/** The (subject, grade) pairs a teacher teaches this term. */
const subjectsOfTeacher = (teacherId: string) =>
  sql`select ta.subject_code, o.grade_code from teaching_assignment ta
        join term t on t.id = ta.term_id and t.current join org_unit o on o.id = ta.class_id
       where ta.teacher_id = ${teacherId}`;

async function one<T>(tx: Tx, query: SQL): Promise<T> {
  const rows = await execPrepared<T>(tx, query);
  return rows[0]!;
}

type FamilyParams = { personId: string; classPaths: readonly string[]; exceptKinds: readonly string[] };

export type StudentHomeRow = {
  me: StudentPlace | null;
  classes: UnitRef[];
  teachers: ClassTeacher[];
  notices: UnreadNotices;
  answers: Answers;
  news: NewsItem[];
  resources: RecentItem[];
  messages: UnreadMessages;
};

/**
 * A pupil's home: their place, classes and teachers; their classes' unread notices and news,
 * answers to their questions, new lessons of their grade and subjects, their messages.
 */
export const readStudentHome = (tx: Tx, p: FamilyParams) => one<StudentHomeRow>(tx, studentHome(p));

export const studentHome = (p: FamilyParams): SQL =>
  sql`select ${rowJson(studentPlace(p.personId))} as me,
             ${rowsJson(unitsAt(p.classPaths))} as classes,
             ${rowsJson(classTeachers(p.classPaths))} as teachers,
             ${unreadClassNotices(p.personId, p.classPaths, SHOWN)} as notices,
             ${answersToQuestionsOf(p.personId, SHOWN)} as answers,
             ${classNews(p.personId, p.classPaths, 3)} as news,
             ${recentPublished(subjectsOfClasses(p.classPaths), SHOWN + 1)} as resources,
             ${unreadMessages(p.personId, p.exceptKinds)} as messages`;

export type ParentHomeRow = {
  children: Child[];
  teachers: ClassTeacher[];
  notices: UnreadNotices;
  news: NewsItem[];
  messages: UnreadMessages;
};

/** A parent's home: the children and their teachers, unread notices and news of their classes, messages. */
export const readParentHome = (tx: Tx, p: FamilyParams) => one<ParentHomeRow>(tx, parentHome(p));

export const parentHome = (p: FamilyParams): SQL =>
  sql`select ${rowsJson(childrenOf(p.personId))} as children,
             ${rowsJson(classTeachers(p.classPaths))} as teachers,
             ${unreadClassNotices(p.personId, p.classPaths, 2 * SHOWN)} as notices,
             ${classNews(p.personId, p.classPaths, 2)} as news,
             ${unreadMessages(p.personId, p.exceptKinds)} as messages`;

export type TeacherHomeRow = {
  unit: { id: string; name: string } | null;
  classes: TaughtClass[];
  headClass: HeadClass | null;
  notices: UnreadNotices;
  questions: OpenQuestions;
  revise: ToRevise;
  resources: RecentItem[];
  messages: UnreadMessages;
};

type TeacherParams = {
  personId: string;
  unitId: string;
  schoolId: string | null;
  /** The classes taught or headed (the scope's paths). */
  paths: readonly string[];
  /** The active role is head teacher of the class `unitId`. */
  head: boolean;
  exceptKinds: readonly string[];
};

/**
 * A teacher's home: their unit, classes (and the class they head), questions on their resources,
 * resources returned to them, notices, new resources of their subjects and grades, messages.
 */
export const readTeacherHome = (tx: Tx, p: TeacherParams) => one<TeacherHomeRow>(tx, teacherHome(p));

export const teacherHome = (p: TeacherParams): SQL =>
  sql`select ${rowJson(sql`select id, name from org_unit where id = ${p.unitId}`)} as unit,
             ${rowsJson(taughtClasses(p.personId, p.paths))} as classes,
             (select row_to_json(x) from (${headClass(p.unitId)}) x where ${p.head}::boolean) as "headClass",
             ${unreadStaffNotices(p.personId, p.schoolId, SHOWN)} as notices,
             ${openQuestionsOnResourcesOf(p.personId, SHOWN)} as questions,
             ${resourcesToReviseOf(p.personId, SHOWN)} as revise,
             ${recentPublished(subjectsOfTeacher(p.personId), SHOWN + 1)} as resources,
             ${unreadMessages(p.personId, p.exceptKinds)} as messages`;

/** A reviewer's unread messages (their queue comes from the review module's use case). */
export function readMessages(
  tx: Tx,
  p: { personId: string; exceptKinds: readonly string[] },
): Promise<{ messages: UnreadMessages }> {
  return one(tx, sql`select ${unreadMessages(p.personId, p.exceptKinds)} as messages`);
}

/** Per subject: lessons of the backbone, those with no knowledge point, those with no published resource. */
export function readLessonCoverage(tx: Tx): Promise<LessonCoverage[]> {
  return execPrepared<LessonCoverage>(tx, lessonCoverage(publishedForLesson));
}

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

/**
 * What waits for a person today, read in one statement per home: every visit reads a home, so the
 * owning modules' fragments (notices, answers, resources, messages) are composed here into one
 * named prepared statement, one round trip, planned once per connection.
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

export type StudentToday = {
  notices: UnreadNotices;
  answers: Answers;
  news: NewsItem[];
  resources: RecentItem[];
  messages: UnreadMessages;
};

type StudentParams = { personId: string; classPaths: readonly string[]; exceptKinds: readonly string[] };

/** A pupil's day: their classes' unread notices and news, answers to their questions, new lessons. */
export const readStudentToday = (tx: Tx, p: StudentParams) => one<StudentToday>(tx, studentToday(p));

export function studentToday(p: StudentParams): SQL {
  return sql`select ${unreadClassNotices(p.personId, p.classPaths, SHOWN)} as notices,
               ${answersToQuestionsOf(p.personId, SHOWN)} as answers,
               ${classNews(p.personId, p.classPaths, 3)} as news,
               ${recentPublished(subjectsOfClasses(p.classPaths), SHOWN + 1)} as resources,
               ${unreadMessages(p.personId, p.exceptKinds)} as messages`;
}

export type ParentToday = { notices: UnreadNotices; news: NewsItem[]; messages: UnreadMessages };

/** A parent's day: unread notices of the children's classes, their news, the parent's messages. */
export const readParentToday = (tx: Tx, p: StudentParams) => one<ParentToday>(tx, parentToday(p));

export function parentToday(p: StudentParams): SQL {
  return sql`select ${unreadClassNotices(p.personId, p.classPaths, 2 * SHOWN)} as notices,
               ${classNews(p.personId, p.classPaths, 2)} as news,
               ${unreadMessages(p.personId, p.exceptKinds)} as messages`;
}

export type TeacherToday = {
  notices: UnreadNotices;
  questions: OpenQuestions;
  revise: ToRevise;
  resources: RecentItem[];
  messages: UnreadMessages;
};

type TeacherParams = { personId: string; schoolId: string | null; exceptKinds: readonly string[] };

/** A teacher's day: questions on their resources, resources returned to them, notices, new resources. */
export const readTeacherToday = (tx: Tx, p: TeacherParams) => one<TeacherToday>(tx, teacherToday(p));

export function teacherToday(p: TeacherParams): SQL {
  return sql`select ${unreadStaffNotices(p.personId, p.schoolId, SHOWN)} as notices,
               ${openQuestionsOnResourcesOf(p.personId, SHOWN)} as questions,
               ${resourcesToReviseOf(p.personId, SHOWN)} as revise,
               ${recentPublished(subjectsOfTeacher(p.personId), SHOWN + 1)} as resources,
               ${unreadMessages(p.personId, p.exceptKinds)} as messages`;
}

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

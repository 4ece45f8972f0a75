import { type SQL, sql } from 'drizzle-orm';

/**
 * What resources hold for a person's home page today, as SQL fragments the portal composes into
 * one statement (every visit reads a home): each is a scalar subquery giving one json value, with
 * fixed text and values bound, so the statement can be prepared once per connection.
 */

/** How far back a learner's home shows answers to their questions. */
const ANSWER_DAYS = 30;

export type AnswerItem = {
  id: string;
  resourceId: string;
  resourceTitle: string;
  question: string;
  body: string;
  answererName: string;
  at: string;
};
export type Answers = { count: number; items: AnswerItem[] };

/** Answers of the last 30 days to questions `personId` asked, as `{ count, items }` (the latest `shown`). */
export function answersToQuestionsOf(personId: string, shown: number): SQL {
  return sql`(select json_build_object('count', count(*)::int,
      'items', coalesce(json_agg(json_build_object('id', x.id, 'resourceId', x.resource_id, 'resourceTitle', x.title,
                                                   'question', left(x.question, 80), 'body', left(x.body, 120),
                                                   'answererName', x.answerer_name, 'at', x.created_at)
                                 order by x.created_at desc) filter (where x.rn <= ${shown}), '[]'))
      from (select a.id, q.resource_id, r.title, q.body as question, a.body, ap.name as answerer_name, a.created_at,
                   row_number() over (order by a.created_at desc) as rn
              from resource_question q join resource_answer a on a.question_id = q.id
              join resource r on r.id = q.resource_id join person_directory ap on ap.id = a.answerer_id
             where q.asker_id = ${personId} and a.answerer_id <> ${personId}
               and a.created_at > now() - make_interval(days => ${ANSWER_DAYS})) x)`;
}

export type QuestionItem = {
  id: string;
  resourceId: string;
  resourceTitle: string;
  body: string;
  askerId: string;
  askerName: string;
  /** The asker speaks as staff (resources/learner-names). */
  askerStaff: boolean;
  at: string;
};
export type OpenQuestions = { count: number; items: QuestionItem[] };

/**
 * Questions nobody has answered yet on the resources `authorId` wrote, as `{ count, items }` (the
 * oldest `shown` first: they have waited longest).
 */
export function openQuestionsOnResourcesOf(authorId: string, shown: number): SQL {
  return sql`(select json_build_object('count', count(*)::int,
      'items', coalesce(json_agg(json_build_object('id', x.id, 'resourceId', x.resource_id, 'resourceTitle', x.title,
                                                   'body', left(x.body, 120), 'askerId', x.asker_id, 'askerName', x.asker_name,
                                                   'askerStaff', x.asker_staff, 'at', x.created_at)
                                 order by x.created_at) filter (where x.rn <= ${shown}), '[]'))
      from (select q.id, q.resource_id, r.title, q.body, q.asker_id, p.name as asker_name,
                   (p.staff and not p.learner) as asker_staff, q.created_at,
                   row_number() over (order by q.created_at) as rn
              from resource r join resource_question q on q.resource_id = r.id
              join person_directory p on p.id = q.asker_id
             where r.author_id = ${authorId} and r.status = 'published' and q.asker_id <> ${authorId}
               and not exists (select 1 from resource_answer a where a.question_id = q.id)) x)`;
}

export type ReviseItem = { id: string; title: string; kind: string; at: string };
export type ToRevise = { count: number; items: ReviseItem[] };

/** The author's resources returned for revision, as `{ count, items }` (the latest `shown`). */
export function resourcesToReviseOf(authorId: string, shown: number): SQL {
  return sql`(select json_build_object('count', count(*)::int,
      'items', coalesce(json_agg(json_build_object('id', x.id, 'title', x.title, 'kind', x.kind, 'at', x.updated_at)
                                 order by x.updated_at desc) filter (where x.rn <= ${shown}), '[]'))
      from (select r.id, r.title, r.kind, r.updated_at, row_number() over (order by r.updated_at desc) as rn
              from resource r where r.author_id = ${authorId} and r.status = 'returned') x)`;
}

export type RecentItem = {
  id: string;
  title: string;
  kind: string;
  subjectCode: string;
  gradeCode: string;
  at: string;
};

/**
 * The newest published resources of the (subject, grade) pairs `pairs` returns (a query with
 * columns `subject_code` and `grade_code`), `shown` in all, newest first, as a json array. Each
 * pair reads its newest few from `resource_recent_idx`, so a large library costs no more.
 */
export function recentPublished(pairs: SQL, shown: number): SQL {
  return sql`(select coalesce(json_agg(json_build_object('id', x.id, 'title', x.title, 'kind', x.kind,
                                   'subjectCode', x.subject_code, 'gradeCode', x.grade_code, 'at', x.published_at)
                                   order by x.published_at desc), '[]')
      from (select r.* from (select distinct subject_code, grade_code from (${pairs}) p) p
              cross join lateral (select r.id, r.title, r.kind, r.subject_code, r.grade_code, r.published_at from resource r
                                   where r.status = 'published' and r.subject_code = p.subject_code
                                     and r.grade_code = p.grade_code
                                   order by r.published_at desc limit ${shown}) r
             order by r.published_at desc limit ${shown}) x)`;
}

/** Whether a published resource is catalogued against the lesson `lessonId` (a condition). */
export const publishedForLesson = (lessonId: SQL): SQL =>
  sql`exists (select 1 from resource r where r.lesson_id = ${lessonId} and r.status = 'published')`;

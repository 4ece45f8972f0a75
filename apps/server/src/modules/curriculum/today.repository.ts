import { type SQL, sql } from 'drizzle-orm';

export type LessonCoverage = {
  subjectCode: string;
  lessons: number;
  /** Lessons linked to no knowledge point yet. */
  withoutPoints: number;
  /** Lessons that `covered` says have nothing yet (e.g. no published resource). */
  uncovered: number;
};

/**
 * The backbone's open work per subject, for a researcher's home page: how many lessons are linked
 * to no knowledge point, and how many `covered` (a condition on a lesson id, from the module that
 * knows, e.g. resources' `publishedForLesson`) does not hold for. A query with one row per subject.
 */
export function lessonCoverage(covered: (lessonId: SQL) => SQL): SQL {
  return sql`select e.subject_code as "subjectCode", count(*)::int as lessons,
      count(*) filter (where not exists (select 1 from lesson_knowledge_point k where k.lesson_id = n.id))::int as "withoutPoints",
      count(*) filter (where not ${covered(sql`n.id`)})::int as uncovered
    from curriculum_node n join textbook_edition e on e.id = n.edition_id
   where n.kind = 'lesson' group by e.subject_code order by e.subject_code`;
}

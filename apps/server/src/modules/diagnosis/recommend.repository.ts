/**
 * The SQL of personalised practice recommendations (A8): a student's weakest points with the
 * evidence behind them, the prerequisite graph around them, the bank items a student may be given
 * on a point and the published resources on it. Every function takes the transaction; the bank
 * reads run under a system scope in the service (learners never read the bank).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import type { ItemContent } from '../assessment/item-model.ts';

/** One point a student is weak on, with the counts and recent outcomes behind the estimate. */
export interface WeakPoint {
  kp: string;
  name: string;
  subjectCode: string;
  gradeCode: string | null;
  p: number;
  correct: number;
  wrong: number;
  /** The model's last outcomes on the point as bits, newest in bit 0 (null: no state). */
  hist: number | null;
  path: string;
}

/**
 * The student's points below `weakBelow` on at least `minAnswers` answers, not turned off by a
 * teacher of one of their classes: per subject the newest curriculum (the highest grade) first,
 * weakest first within it, at most `perSubject` points.
 */
export async function weakPoints(
  tx: Tx,
  o: { studentId: string; weakBelow: number; minAnswers: number; perSubject: number; kp?: string },
): Promise<WeakPoint[]> {
  const r = await tx.execute<WeakPoint & Record<string, unknown>>(
    sql`with mine as (
          select km.knowledge_point_id as kp, k.name, k.subject_code as "subjectCode", k.grade_code as "gradeCode",
                 km.p, km.correct, km.wrong, km.path::text as path,
                 (ms.state->'skills'->(km.knowledge_point_id::text)->>'hist')::int as hist,
                 row_number() over (partition by k.subject_code order by k.grade_code desc nulls last, km.p, k.code) as n
            from knowledge_mastery km join knowledge_point k on k.id = km.knowledge_point_id
            left join mastery_state ms on ms.student_id = km.student_id
           where km.student_id = ${o.studentId} and km.p < ${o.weakBelow}
             and km.correct + km.wrong >= ${o.minAnswers}
             and ${o.kp ? sql`km.knowledge_point_id = ${o.kp}` : sql`true`}
             and not exists (select 1 from practice_mute pm where pm.knowledge_point_id = km.knowledge_point_id
                   and (pm.class_id in (select s.class_id from student s where s.person_id = km.student_id)
                        or pm.class_id in (select m.teaching_class_id from teaching_class_member m
                                            where m.student_id = km.student_id))))
        select kp, name, "subjectCode", "gradeCode", p, correct, wrong, path, hist from mine
         where n <= ${o.perSubject} order by "subjectCode", n`,
  );
  return r.rows;
}

/** The student's estimates of every point they have answered on, for tracing causes. */
export async function studentMastery(tx: Tx, studentId: string) {
  return (
    await tx.execute<{ kp: string; p: number; answers: number }>(
      sql`select knowledge_point_id as kp, p, correct + wrong as answers from knowledge_mastery
           where student_id = ${studentId}`,
    )
  ).rows;
}

/** Prerequisite edges reaching `points` within `depth` steps (prerequisite → point). */
export async function prerequisiteEdges(tx: Tx, points: readonly string[], depth: number) {
  if (points.length === 0) return [];
  return (
    await tx.execute<{ pre: string; kp: string }>(
      sql`with recursive up(kp, d) as (
            select unnest(${sql.param([...points])}::uuid[]), 0
            union select e.prerequisite_id, up.d + 1 from knowledge_edge e join up on e.knowledge_point_id = up.kp
             where up.d < ${depth})
          select distinct e.prerequisite_id as pre, e.knowledge_point_id as kp
            from knowledge_edge e where e.knowledge_point_id in (select kp from up)`,
    )
  ).rows;
}

export async function pointNames(tx: Tx, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { name: string; subjectCode: string }>();
  const r = await tx.execute<{ id: string; name: string; subjectCode: string }>(
    sql`select id, name, subject_code as "subjectCode" from knowledge_point where id = any(${sql.param([...ids])}::uuid[])`,
  );
  return new Map(r.rows.map((x) => [x.id, { name: x.name, subjectCode: x.subjectCode }]));
}

export interface PracticeItemRow {
  id: string;
  content: ItemContent;
  difficulty: number;
  /** The student has seen its key before (their notebook, or a paper given to them). */
  seen: boolean;
}

/** Objective items, not retired, not on an exam whose scores are not yet released. */
const OBJECTIVE = sql`not i.retired and i.type in ('single_choice', 'multiple_choice', 'true_false', 'fill_in')
  and not exists (select 1 from paper_item pi join assignment a on a.paper_id = pi.paper_id
                   where pi.item_id = i.id and a.kind in ('exam', 'unified_exam') and a.released_at is null)`;

/** Items the student may be given: shared with their school, district or city, or by one of their teachers. */
const MAY_BE_GIVEN = (student: SQL) => sql`(i.share = 'city'
  or exists (select 1 from student s where s.person_id = ${student}
              and ((i.share = 'district' and i.path <@ subpath(s.path, 0, 2))
                   or (i.share = 'school' and i.path <@ subpath(s.path, 0, 3))))
  or i.author_id in (select ta.teacher_id from teaching_assignment ta where ta.class_id in (
        select s.class_id from student s where s.person_id = ${student}
        union select m.teaching_class_id from teaching_class_member m where m.student_id = ${student})))`;

/**
 * Items on `kp` the student may be given and has not practised yet: unseen ones first, then
 * difficulty (expected proportion correct) nearest `target`; `itemId` checks one item.
 */
export async function itemsForStudent(
  tx: Tx,
  o: { studentId: string; kp: string; target: number; limit: number; itemId?: string },
): Promise<PracticeItemRow[]> {
  const student = sql`${o.studentId}::uuid`;
  const r = await tx.execute<PracticeItemRow & Record<string, unknown>>(
    sql`select i.id, i.content, i.difficulty,
               (exists (select 1 from mistake x where x.student_id = ${student} and x.item_id = i.id)
                or exists (select 1 from attempt t join assignment a on a.id = t.assignment_id
                            join paper_item pi on pi.paper_id = a.paper_id
                           where t.student_id = ${student} and pi.item_id = i.id)) as seen
          from item i
         where ${OBJECTIVE} and ${o.itemId ? sql`i.id = ${o.itemId}` : sql`true`}
           and exists (select 1 from item_knowledge_point k where k.item_id = i.id and k.knowledge_point_id = ${o.kp})
           and ${MAY_BE_GIVEN(student)}
           and not exists (select 1 from practice_answer pa where pa.student_id = ${student} and pa.item_id = i.id)
         order by 4, abs(i.difficulty - ${o.target}), md5(i.id::text || ${o.studentId}) limit ${o.limit}`,
  );
  return r.rows;
}

/** Items on `kp` every student of the class may be given (for a teacher's push), nearest `target` first. */
export async function itemsForClass(
  tx: Tx,
  o: { classId: string; kp: string; target: number; limit: number; itemIds?: readonly string[] },
) {
  const r = await tx.execute<{ id: string; content: ItemContent; difficulty: number; type: string }>(
    sql`select i.id, i.content, i.difficulty, i.type from item i
         where ${OBJECTIVE}
           and ${o.itemIds ? sql`i.id = any(${sql.param([...o.itemIds])}::uuid[])` : sql`exists (select 1 from item_knowledge_point k where k.item_id = i.id and k.knowledge_point_id = ${o.kp})`}
         order by abs(i.difficulty - ${o.target}), md5(i.id::text || ${o.classId}) limit ${o.limit}`,
  );
  return r.rows;
}

/** Published resources on `kp` (tagged with it, or of a lesson that teaches it), newest first. */
export async function resourcesOn(tx: Tx, kp: string, limit: number) {
  return (
    await tx.execute<{ id: string; title: string; kind: string }>(
      sql`select r.id, r.title, r.kind from resource r
           where r.status = 'published'
             and (exists (select 1 from resource_knowledge_point rk where rk.resource_id = r.id and rk.knowledge_point_id = ${kp})
                  or r.lesson_id in (select lk.lesson_id from lesson_knowledge_point lk where lk.knowledge_point_id = ${kp}))
           order by r.published_at desc nulls last, r.id limit ${limit}`,
    )
  ).rows;
}

/** The student's current estimate of one point. */
export async function masteryOf(tx: Tx, studentId: string, kp: string) {
  const r = await tx.execute<{ p: number; correct: number; wrong: number }>(
    sql`select p, correct, wrong from knowledge_mastery where student_id = ${studentId} and knowledge_point_id = ${kp}`,
  );
  return r.rows[0];
}

/** The student's class path (for a practice answer's scope). */
export async function studentPath(tx: Tx, studentId: string) {
  const r = await tx.execute<{ path: string }>(
    sql`select path::text as path from student where person_id = ${studentId}`,
  );
  return r.rows[0]?.path;
}

/** A person's name (the student whose advice is read; row-level security decides). */
export async function personName(tx: Tx, personId: string) {
  const r = await tx.execute<{ name: string }>(sql`select name from person where id = ${personId}`);
  return r.rows[0]?.name ?? '';
}

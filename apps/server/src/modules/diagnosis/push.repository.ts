/**
 * The SQL of teachers' practice pushes (推送练习, A8): a class's recommendations in figures, the
 * students weak on a point, the pushes and how their students have practised since, and the
 * points turned off for a class. Every function takes the transaction.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { newId } from '../../platform/db/types.ts';
import { iso } from '../assessment/marking-flow.repository.ts';

/** The class (administrative or teaching) with its path and students. */
export async function classOf(tx: Tx, classId: string) {
  const r = await tx.execute<{ id: string; name: string; path: string }>(
    sql`select id, name, path::text as path from org_unit where id = ${classId} and kind in ('class', 'teaching_class')`,
  );
  return r.rows[0];
}

/** The enrolled students of a class (its members, for a teaching class). */
const STUDENTS = (classId: string) =>
  sql`(select s.person_id from student s where s.class_id = ${classId} and s.status = 'enrolled'
       union select m.student_id from teaching_class_member m where m.teaching_class_id = ${classId})`;

/**
 * The class's points with students weak on them (below `weakBelow` on at least `minAnswers`
 * answers), most students first: what the class is recommended.
 */
export async function classWeakPoints(tx: Tx, o: { classId: string; weakBelow: number; minAnswers: number }) {
  return (
    await tx.execute<{
      kp: string;
      name: string;
      subjectCode: string;
      students: number;
      avgP: number;
      muted: boolean;
    }>(
      sql`select k.id as kp, k.name, k.subject_code as "subjectCode", count(*)::int as students, avg(km.p)::real as "avgP",
                 exists (select 1 from practice_mute pm where pm.class_id = ${o.classId} and pm.knowledge_point_id = k.id) as muted
            from knowledge_mastery km join knowledge_point k on k.id = km.knowledge_point_id
           where km.student_id in ${STUDENTS(o.classId)} and km.p < ${o.weakBelow}
             and km.correct + km.wrong >= ${o.minAnswers}
           group by k.id, k.name, k.subject_code order by students desc, avg(km.p), k.name limit 60`,
    )
  ).rows;
}

/** The class's students with their estimate of the point (null when they never answered on it). */
export async function studentsOnPoint(tx: Tx, classId: string, kp: string) {
  return (
    await tx.execute<{ id: string; name: string; p: number | null; answers: number }>(
      sql`select p.id, p.name, km.p, coalesce(km.correct + km.wrong, 0)::int as answers
            from person p left join knowledge_mastery km on km.student_id = p.id and km.knowledge_point_id = ${kp}
           where p.id in ${STUDENTS(classId)} order by km.p nulls last, p.name`,
    )
  ).rows;
}

export async function isMuted(tx: Tx, classId: string, kp: string) {
  const r = await tx.execute(
    sql`select 1 from practice_mute where class_id = ${classId} and knowledge_point_id = ${kp}`,
  );
  return r.rows.length > 0;
}

export async function setMuted(
  tx: Tx,
  o: { classId: string; path: string; kp: string; by: string; muted: boolean },
): Promise<boolean> {
  const r = o.muted
    ? await tx.execute(
        sql`insert into practice_mute (class_id, path, knowledge_point_id, muted_by)
            values (${o.classId}, ${o.path}::ltree, ${o.kp}, ${o.by}) on conflict do nothing returning 1`,
      )
    : await tx.execute(
        sql`delete from practice_mute where class_id = ${o.classId} and knowledge_point_id = ${o.kp} returning 1`,
      );
  return r.rows.length > 0;
}

/** Of `studentIds`, those enrolled in the class, with their class path and current estimate of the point. */
export async function classStudents(tx: Tx, classId: string, kp: string, studentIds: readonly string[]) {
  return (
    await tx.execute<{ id: string; path: string; p: number | null }>(
      sql`select s.person_id as id, s.path::text as path, km.p from student s
            left join knowledge_mastery km on km.student_id = s.person_id and km.knowledge_point_id = ${kp}
           where s.person_id = any(${sql.param([...studentIds])}::uuid[]) and s.person_id in ${STUDENTS(classId)}`,
    )
  ).rows;
}

/**
 * Stores a push and its students, unless the teacher already made one with this client key (a
 * retried submission): then nothing is stored and undefined is returned. A concurrent twin waits
 * on the unique index and finds the winner's row once it commits.
 */
export async function insertPush(
  tx: Tx,
  p: {
    classId: string;
    path: string;
    kp: string;
    itemIds: readonly string[];
    note: string;
    by: string;
    key: string;
    students: readonly { id: string; path: string; p: number | null }[];
  },
): Promise<string | undefined> {
  const id = newId();
  const r = await tx.execute(
    sql`insert into practice_push (id, class_id, path, knowledge_point_id, item_ids, note, created_by, client_key)
        values (${id}, ${p.classId}, ${p.path}::ltree, ${p.kp}, ${sql.param([...p.itemIds])}::uuid[], ${p.note}, ${p.by}, ${p.key})
        on conflict (created_by, client_key) do nothing returning id`,
  );
  if (r.rows.length === 0) return undefined;
  await tx.execute(
    sql`insert into practice_push_student (push_id, student_id, path, p_before)
        select ${id}, x.id, x.path::ltree, x.p
          from jsonb_to_recordset(${JSON.stringify(p.students)}::jsonb) as x(id uuid, path text, p real)`,
  );
  return id;
}

/** The push a teacher made with this client key, if any (a retried submission). */
export async function pushByKey(tx: Tx, by: string, key: string) {
  const r = await tx.execute<{ id: string; classId: string; kp: string }>(
    sql`select id, class_id as "classId", knowledge_point_id as kp from practice_push
         where created_by = ${by} and client_key = ${key}`,
  );
  return r.rows[0];
}

export interface PushRow {
  id: string;
  classId: string;
  kp: string;
  kpName: string;
  itemIds: string[];
  note: string;
  by: string;
  byName: string;
  createdAt: string;
}

/** Pushes of a class (`classId`), one push (`id`), or to a student (`studentId`), newest first. */
export async function listPushes(
  tx: Tx,
  o: { classId?: string; id?: string; studentId?: string; limit?: number },
): Promise<PushRow[]> {
  const where = o.id
    ? sql`p.id = ${o.id}`
    : o.classId
      ? sql`p.class_id = ${o.classId}`
      : sql`exists (select 1 from practice_push_student ps where ps.push_id = p.id and ps.student_id = ${o.studentId!})`;
  const r = await tx.execute<PushRow & Record<string, unknown>>(
    sql`select p.id, p.class_id as "classId", p.knowledge_point_id as kp, k.name as "kpName",
               p.item_ids as "itemIds", p.note, p.created_by as by, coalesce(d.name, '') as "byName",
               p.created_at as "createdAt"
          from practice_push p join knowledge_point k on k.id = p.knowledge_point_id
          left join person_directory d on d.id = p.created_by
         where ${where} order by p.created_at desc, p.id desc limit ${o.limit ?? 50}`,
  );
  return r.rows.map((x) => ({ ...x, createdAt: iso(x.createdAt)! }));
}

/** Each student of the pushes: their answers on the push's items, and the point's estimate when pushed and now. */
export async function pushProgress(tx: Tx, pushIds: readonly string[], studentId?: string) {
  if (pushIds.length === 0) return [];
  return (
    await tx.execute<{
      pushId: string;
      studentId: string;
      name: string;
      answered: number;
      correct: number;
      pBefore: number | null;
      pNow: number | null;
    }>(
      sql`select ps.push_id as "pushId", ps.student_id as "studentId", coalesce(pr.name, '') as name,
                 count(pa.id)::int as answered, count(pa.id) filter (where pa.correct)::int as correct,
                 ps.p_before as "pBefore", km.p as "pNow"
            from practice_push_student ps join practice_push p on p.id = ps.push_id
            left join person pr on pr.id = ps.student_id
            left join practice_answer pa on pa.student_id = ps.student_id and pa.item_id = any(p.item_ids)
                 and pa.mistake_id is null
            left join knowledge_mastery km on km.student_id = ps.student_id and km.knowledge_point_id = p.knowledge_point_id
           where ps.push_id = any(${sql.param([...pushIds])}::uuid[])
             and ${studentId ? sql`ps.student_id = ${studentId}` : sql`true`}
           group by ps.push_id, ps.student_id, pr.name, ps.p_before, km.p
           order by ps.push_id, pr.name`,
    )
  ).rows;
}

/** A knowledge point by id. */
export async function pointOf(tx: Tx, kp: string) {
  const r = await tx.execute<{ id: string; name: string; subjectCode: string }>(
    sql`select id, name, subject_code as "subjectCode" from knowledge_point where id = ${kp}`,
  );
  return r.rows[0];
}

/** The students of a push, as a recipients query for `notifyEach` (a column `id`). */
export const pushRecipients = (pushId: string): SQL =>
  sql`select student_id as id from practice_push_student where push_id = ${pushId}`;

/**
 * The SQL of assignments: the classes and papers a teacher may assign, giving a paper to classes,
 * the teacher's list and progress per class, a student's and a parent's view of their homework.
 * Every function takes the transaction; row-level security narrows every read to the actor's scope.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { pathWithin, type Scope, textArray } from '../../platform/scope/scope.ts';
import { oneOf, rowsOf } from './attempts.rows.ts';
import type { TAssignmentKind, TAttemptStatus } from './attempts.schema.ts';
import { assignmentClasses, assignments } from './attempts.schema.ts';
import type { PaperDocument } from './paper-model.ts';

const rows = rowsOf;
const one = oneOf;
const ASSIGNMENT_DATES = ['opensAt', 'closesAt', 'lateUntil', 'finalAt', 'closedAt', 'releasedAt', 'now'];

/**
 * The students of the class `classId` (an expression of the outer query, for a lateral join):
 * enrolled in it as an administrative class, or members of it as a teaching class. The class is
 * named inside both branches, so each looks its students up by index; joined to a union that
 * names it outside, PostgreSQL read every student of the city once per class (a city
 * administrator's list of 200 assignments took 41 s on a 200,000-student city).
 */
const membersOf = (classId: SQL) => sql`(
    select s.person_id as student_id, s.student_no from student s
      join org_unit c on c.id = s.class_id and c.kind = 'class'
     where s.class_id = ${classId} and s.status = 'enrolled'
    union all
    select m.student_id, s.student_no from teaching_class_member m
      join student s on s.person_id = m.student_id and s.status = 'enrolled'
     where m.teaching_class_id = ${classId})`;

export interface AssignableClass {
  id: string;
  name: string;
  kind: 'class' | 'teaching_class';
  gradeCode: string | null;
  schoolId: string | null;
  schoolName: string;
  students: number;
  path: string;
}

/**
 * Active classes and teaching classes in the actor's subtrees, optionally of one grade, each with
 * its enrolled students as the assignment's progress will count them.
 */
export const assignableClasses = (tx: Tx, scope: Scope, gradeCode: string | undefined) =>
  rows<AssignableClass>(
    tx,
    sql`select o.id, o.name, o.kind, o.grade_code as "gradeCode", o.school_id as "schoolId",
               coalesce(sc.name, '') as "schoolName", o.path::text as path,
               (select count(*) from ${membersOf(sql`o.id`)} m)::int as students
          from org_unit o left join org_unit sc on sc.id = o.school_id
         where o.kind in ('class', 'teaching_class') and o.active
           and ${scope.all ? sql`true` : pathWithin(sql`o.path`, scope.paths)}
           and (${gradeCode ?? null}::text is null or o.grade_code = ${gradeCode ?? null})
         order by sc.name, o.path
         limit 3000`,
  );

export interface PaperToAssign {
  id: string;
  title: string;
  status: string;
  subjectCode: string;
  gradeCode: string;
  minutes: number;
  totalScore: number;
  navigation: 'free' | 'forward_only';
  document: PaperDocument | null;
  finalisedAt: Date | null;
}

const PAPER_COLUMNS = sql`p.id, p.title, p.status, p.subject_code as "subjectCode", p.grade_code as "gradeCode",
  p.minutes, p.total_score as "totalScore", p.navigation, p.finalised_at as "finalisedAt"`;

export const findPaper = (tx: Tx, paperId: string) =>
  one<PaperToAssign>(tx, sql`select ${PAPER_COLUMNS}, p.document from paper p where p.id = ${paperId}`, [
    'finalisedAt',
  ]);

/** Finalised papers the actor can see (their own, their unit's for administrators), newest first. */
export const finalPapers = (tx: Tx) =>
  rows<Omit<PaperToAssign, 'document'>>(
    tx,
    sql`select ${PAPER_COLUMNS} from paper p where p.status = 'final' and p.document is not null
         order by p.finalised_at desc nulls last limit 200`,
    ['finalisedAt'],
  );

export const insertAssignment = (tx: Tx, values: typeof assignments.$inferInsert) =>
  tx.insert(assignments).values(values);

export const insertAssignmentClasses = (tx: Tx, values: (typeof assignmentClasses.$inferInsert)[]) =>
  tx.insert(assignmentClasses).values(values);

/** The classes among `ids` the actor may assign to, with their paths. */
export const classesIn = (tx: Tx, scope: Scope, ids: readonly string[]) =>
  rows<{ id: string; path: string; schoolId: string | null; districtId: string | null }>(
    tx,
    sql`select o.id, o.path::text as path, o.school_id as "schoolId", o.district_id as "districtId"
          from org_unit o
         where o.id = any(${textArray(ids, 'uuid')}) and o.kind in ('class', 'teaching_class') and o.active
           and ${scope.all ? sql`true` : pathWithin(sql`o.path`, scope.paths)}`,
  );

export interface AssignmentRow {
  id: string;
  title: string;
  kind: TAssignmentKind;
  paperId: string;
  paperFree: boolean;
  opensAt: Date;
  closesAt: Date;
  lateUntil: Date | null;
  finalAt: Date;
  minutes: number | null;
  doubleMarking: boolean;
  markGap: number | null;
  closedAt: Date | null;
  releasedAt: Date | null;
  createdBy: string;
  creatorName: string | null;
  subjectCode: string;
  totalScore: number;
  now: Date;
}

const ASSIGNMENT_COLUMNS = sql`a.id, a.title, a.kind, a.paper_id as "paperId", a.paper_free as "paperFree",
  a.opens_at as "opensAt", a.closes_at as "closesAt", a.late_until as "lateUntil",
  coalesce(a.late_until, a.closes_at) as "finalAt", a.minutes, a.double_marking as "doubleMarking",
  a.mark_gap as "markGap", a.closed_at as "closedAt", a.released_at as "releasedAt",
  a.created_by as "createdBy", (select d.name from person_directory d where d.id = a.created_by) as "creatorName",
  p.subject_code as "subjectCode", p.total_score as "totalScore", now() as now`;

/** An assignment given to one of the student's classes (or any the student can see, with `any`). */
export const findAssignmentForStudent = (tx: Tx, id: string, memberPaths: readonly string[], any = false) =>
  one<AssignmentRow>(
    tx,
    sql`select ${ASSIGNMENT_COLUMNS} from assignment a join paper p on p.id = a.paper_id
         where a.id = ${id}
           and (${any} or exists (select 1 from assignment_class ac where ac.assignment_id = a.id
                                   and ${pathWithin(sql`ac.path`, [...memberPaths])}))`,
    ASSIGNMENT_DATES,
  );

export const findAssignment = (tx: Tx, id: string) =>
  one<AssignmentRow>(
    tx,
    sql`select ${ASSIGNMENT_COLUMNS} from assignment a join paper p on p.id = a.paper_id where a.id = ${id}`,
    ASSIGNMENT_DATES,
  );

/** Which of the assignment's classes lie in the scope (all of them for its creator and admins above). */
const classesSeen = (scope: Scope, actorId: string) =>
  scope.all ? sql`true` : sql`(a.created_by = ${actorId} or ${pathWithin(sql`ac.path`, scope.paths)})`;

export interface ListedAssignment extends AssignmentRow {
  classes: { id: string; name: string }[];
  students: number;
  started: number;
  submitted: number;
}

/** The assignments a staff member set or that were given to classes in their scope, newest first. */
export const listForStaff = (tx: Tx, scope: Scope, actorId: string, limit: number) =>
  rows<ListedAssignment>(
    tx,
    sql`with mine as (
          select distinct a.id from assignment a join assignment_class ac on ac.assignment_id = a.id
           where ${classesSeen(scope, actorId)}
           order by a.id desc limit ${limit})
        select ${ASSIGNMENT_COLUMNS},
               (select coalesce(json_agg(json_build_object('id', o.id, 'name', o.name) order by o.path), '[]')
                  from assignment_class ac join org_unit o on o.id = ac.class_id
                 where ac.assignment_id = a.id and ${classesSeen(scope, actorId)}) as classes,
               (select count(*)::int from assignment_class ac cross join lateral ${membersOf(sql`ac.class_id`)} m
                 where ac.assignment_id = a.id and ${classesSeen(scope, actorId)}) as students,
               n.started, n.submitted
          from mine join assignment a on a.id = mine.id join paper p on p.id = a.paper_id
          -- Starts and submissions in one pass over the assignment's attempts.
          cross join lateral (
            select count(*)::int as started, (count(*) filter (where t.status <> 'in_progress'))::int as submitted
              from attempt t join assignment_class ac
                on ac.assignment_id = t.assignment_id and ac.class_id = t.class_id
             where t.assignment_id = a.id and ${classesSeen(scope, actorId)}) n
         order by a.opens_at desc, a.id desc`,
    ASSIGNMENT_DATES,
  );

export interface StudentProgress {
  classId: string;
  className: string;
  studentId: string;
  name: string;
  studentNo: string;
  attemptId: string | null;
  status: TAttemptStatus | null;
  startedAt: Date | null;
  submittedAt: Date | null;
  deadlineAt: Date | null;
  objectiveScore: number | null;
  score: number | null;
  focusLosses: number | null;
}

/** Every student of the assignment's classes in the scope, with their attempt if they started. */
export const progressOf = (tx: Tx, scope: Scope, actorId: string, assignmentId: string) =>
  rows<StudentProgress>(
    tx,
    sql`select ac.class_id as "classId", o.name as "className", m.student_id as "studentId", p.name,
               m.student_no as "studentNo", t.id as "attemptId", t.status, t.started_at as "startedAt",
               t.submitted_at as "submittedAt", t.deadline_at as "deadlineAt",
               t.objective_score as "objectiveScore", t.score, t.focus_losses as "focusLosses"
          from assignment a join assignment_class ac on ac.assignment_id = a.id
          join org_unit o on o.id = ac.class_id
          cross join lateral ${membersOf(sql`ac.class_id`)} m
          join person p on p.id = m.student_id
          left join attempt t on t.assignment_id = a.id and t.student_id = m.student_id
         where a.id = ${assignmentId} and ${classesSeen(scope, actorId)}
         order by o.path, m.student_no`,
    ['startedAt', 'submittedAt', 'deadlineAt'],
  );

export interface StudentHomework {
  id: string;
  title: string;
  kind: TAssignmentKind;
  subjectCode: string;
  opensAt: Date;
  closesAt: Date;
  lateUntil: Date | null;
  minutes: number | null;
  paperFree: boolean;
  releasedAt: Date | null;
  totalScore: number;
  attemptId: string | null;
  status: TAttemptStatus | null;
  submittedAt: Date | null;
  deadlineAt: Date | null;
  score: number | null;
  now: Date;
}

/** The assignments given to a student's classes, with the student's attempt; newest first. */
export const homeworkOf = (tx: Tx, studentId: string, classPaths: readonly string[], limit: number) =>
  rows<StudentHomework>(
    tx,
    sql`select a.id, a.title, a.kind, p.subject_code as "subjectCode", a.opens_at as "opensAt",
               a.closes_at as "closesAt", a.late_until as "lateUntil", a.minutes, a.paper_free as "paperFree",
               a.released_at as "releasedAt", p.total_score as "totalScore", t.id as "attemptId", t.status,
               t.submitted_at as "submittedAt", t.deadline_at as "deadlineAt",
               case when a.released_at is not null then t.score end as score, now() as now
          from assignment a join paper p on p.id = a.paper_id
          left join attempt t on t.assignment_id = a.id and t.student_id = ${studentId}
         where exists (select 1 from assignment_class ac where ac.assignment_id = a.id
                        and ${pathWithin(sql`ac.path`, [...classPaths])})
         order by a.closes_at desc, a.id desc
         limit ${limit}`,
    ['opensAt', 'closesAt', 'lateUntil', 'releasedAt', 'submittedAt', 'deadlineAt', 'now'],
  );

/** The classes (administrative and teaching) a student belongs to, as paths. */
export const classPathsOf = async (tx: Tx, studentId: string) =>
  (
    await rows<{ path: string }>(
      tx,
      sql`select s.path::text as path from student s where s.person_id = ${studentId}
          union select m.path::text from teaching_class_member m where m.student_id = ${studentId}`,
    )
  ).map((r) => r.path);

/** Whether the actor set the assignment, and whether its unit lies in the actor's subtrees. */
export const findManagement = (tx: Tx, scope: Scope, actorId: string, id: string) =>
  one<{ mine: boolean; above: boolean }>(
    tx,
    sql`select a.created_by = ${actorId} as mine, ${scope.all ? sql`true` : pathWithin(sql`a.path`, scope.paths)} as above
          from assignment a where a.id = ${id}`,
  );

/**
 * Setting homework and exams (A4): a teacher gives a finalised paper to classes of theirs (a district
 * or school administrator to classes of their unit: a 统考) in a window; the teacher follows who has
 * started, submitted, is late or missing, per class; students see their list, parents their
 * child's missing and late work. Never a ranking (COMPLIANCE §3).
 */
import { newId } from '../../platform/db/types.ts';
import { AppError, badRequest, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { UNIFIED_EXAM_SETTERS } from './assignments.policy.ts';
import * as repo from './assignments.repository.ts';
import type { TAssignmentKind, TAttemptStatus } from './attempts.schema.ts';

export interface TNewAssignment {
  paperId: string;
  title?: string;
  kind: TAssignmentKind;
  classIds: string[];
  opensAt: string;
  closesAt: string;
  lateUntil?: string | null;
  minutes?: number | null;
  paperFree: boolean;
  doubleMarking: boolean;
  markGap?: number | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Classes the actor may give work to (their own; their unit's for administrators). */
export async function listAssignableClasses(ctx: Ctx, gradeCode?: string) {
  const items = await repo.assignableClasses(ctx.db, ctx.scope, gradeCode);
  return { items: items.map(({ path: _path, ...c }) => c) };
}

export async function listFinalPapers(ctx: Ctx) {
  const items = await repo.finalPapers(ctx.db);
  return { items: items.map((p) => ({ ...p, finalisedAt: iso(p.finalisedAt) })) };
}

/** The unit that sets the work: a teacher's school, an administrator's own unit. */
const settingPath = (ctx: Ctx) =>
  ctx.actor.role === 'teacher' || ctx.actor.role === 'head_teacher'
    ? ctx.actor.orgPath.split('.').slice(0, 3).join('.')
    : ctx.actor.orgPath;

export async function createAssignment(ctx: Ctx, input: TNewAssignment) {
  const opensAt = new Date(input.opensAt);
  const closesAt = new Date(input.closesAt);
  const lateUntil = input.lateUntil ? new Date(input.lateUntil) : null;
  if (closesAt <= opensAt) throw badRequest('截止时间须晚于开始时间', { field: 'closesAt' });
  if (closesAt.getTime() <= Date.now()) throw badRequest('截止时间已过', { field: 'closesAt' });
  if (lateUntil && input.kind !== 'homework') throw badRequest('只有作业可以补交', { field: 'lateUntil' });
  if (lateUntil && lateUntil <= closesAt) throw badRequest('补交截止须晚于截止时间', { field: 'lateUntil' });
  if (input.doubleMarking && (input.markGap === undefined || input.markGap === null))
    throw badRequest('双评须设定仲裁分差', { field: 'markGap' });
  if (input.kind === 'unified_exam' && !UNIFIED_EXAM_SETTERS.includes(ctx.actor.role))
    throw badRequest('统考由教育局或学校布置', { field: 'kind' });
  const paper = await repo.findPaper(ctx.db, input.paperId);
  if (!paper) throw notFound('试卷');
  if (paper.status !== 'final' || !paper.document)
    throw badRequest('试卷尚未定稿，不能布置', { field: 'paperId' });
  const ids = [...new Set(input.classIds)];
  const classes = await repo.classesIn(ctx.db, ctx.scope, ids);
  if (classes.length !== ids.length) {
    const found = new Set(classes.map((c) => c.id));
    // Another school's class is "not found", as its id is anywhere else (no probing of ids).
    throw new AppError('not_found', '只能布置给自己任教或管理的班级', {
      field: 'classIds',
      classIds: ids.filter((id) => !found.has(id)),
    });
  }
  const path = settingPath(ctx);
  const id = newId();
  await repo.insertAssignment(ctx.db, {
    id,
    paperId: paper.id,
    title: input.title?.trim() || paper.title,
    kind: input.kind,
    paperFree: input.paperFree,
    opensAt,
    closesAt,
    lateUntil,
    minutes: input.minutes ?? null,
    doubleMarking: input.doubleMarking,
    markGap: input.doubleMarking ? (input.markGap ?? null) : null,
    createdBy: ctx.actor.personId,
    path,
    districtId: ctx.actor.districtId,
    schoolId: ctx.actor.schoolId,
  });
  await repo.insertAssignmentClasses(
    ctx.db,
    classes.map((c) => ({ assignmentId: id, classId: c.id, path: c.path })),
  );
  await ctx.audit({
    action: 'assignment.create',
    targetType: 'assignment',
    targetId: id,
    orgPath: path,
    details: {
      paperId: paper.id,
      kind: input.kind,
      classes: ids.length,
      opensAt: input.opensAt,
      closesAt: input.closesAt,
    },
  });
  return { id };
}

/** Where a student stands on one assignment, as the teacher and the parent see it. */
export type TStanding = 'not_started' | 'in_progress' | 'submitted' | 'late' | 'expired' | 'missing';

export function standingOf(
  a: { closesAt: Date; now: Date },
  t: { status: TAttemptStatus | null; submittedAt: Date | null },
): TStanding {
  if (!t.status) return a.now >= a.closesAt ? 'missing' : 'not_started';
  if (t.status === 'in_progress') return 'in_progress';
  if (t.status === 'expired') return 'expired';
  return t.submittedAt && t.submittedAt > a.closesAt ? 'late' : 'submitted';
}

const stateOf = (a: {
  opensAt: Date;
  finalAt: Date;
  releasedAt: Date | null;
  now: Date;
}): 'released' | 'upcoming' | 'open' | 'closed' =>
  a.releasedAt ? 'released' : a.now < a.opensAt ? 'upcoming' : a.now < a.finalAt ? 'open' : 'closed';

const assignmentFields = (a: repo.AssignmentRow) => ({
  id: a.id,
  title: a.title,
  kind: a.kind,
  subjectCode: a.subjectCode,
  paperId: a.paperId,
  paperFree: a.paperFree,
  opensAt: a.opensAt.toISOString(),
  closesAt: a.closesAt.toISOString(),
  lateUntil: iso(a.lateUntil),
  minutes: a.minutes,
  doubleMarking: a.doubleMarking,
  markGap: a.markGap,
  releasedAt: iso(a.releasedAt),
  totalScore: a.totalScore,
  createdBy: a.createdBy,
  creatorName: a.creatorName,
  state: stateOf(a),
});

export async function listAssignments(ctx: Ctx) {
  const items = await repo.listForStaff(ctx.db, ctx.scope, ctx.actor.personId, 200);
  return {
    items: items.map((a) => ({
      ...assignmentFields(a),
      classes: a.classes,
      students: a.students,
      started: a.started,
      submitted: a.submitted,
    })),
  };
}

/**
 * One assignment with every student of the actor's classes in it and where they stand, and the
 * counts per class. Names and scores of students are personal data: the read is audited.
 */
export async function assignmentProgress(ctx: Ctx, id: string) {
  const a = await repo.findAssignment(ctx.db, id);
  if (!a) throw notFound('作业');
  const students = await repo.progressOf(ctx.db, ctx.scope, ctx.actor.personId, id);
  const classes = new Map<
    string,
    { id: string; name: string; counts: Record<TStanding, number>; students: number }
  >();
  const list = students.map((s) => {
    const standing = standingOf(a, s);
    let c = classes.get(s.classId);
    if (!c) {
      c = {
        id: s.classId,
        name: s.className,
        students: 0,
        counts: { not_started: 0, in_progress: 0, submitted: 0, late: 0, expired: 0, missing: 0 },
      };
      classes.set(s.classId, c);
    }
    c.students++;
    c.counts[standing]++;
    return {
      classId: s.classId,
      studentId: s.studentId,
      name: s.name,
      studentNo: s.studentNo,
      attemptId: s.attemptId,
      standing,
      startedAt: iso(s.startedAt),
      submittedAt: iso(s.submittedAt),
      objectiveScore: s.objectiveScore,
      score: s.score,
      focusLosses: s.focusLosses,
    };
  });
  await ctx.audit({
    action: 'assignment.progress.read',
    targetType: 'assignment',
    targetId: id,
    subjectIds: list.map((s) => s.studentId),
  });
  return { assignment: assignmentFields(a), classes: [...classes.values()], students: list };
}

const homeworkItem = (h: repo.StudentHomework) => ({
  id: h.id,
  title: h.title,
  kind: h.kind,
  subjectCode: h.subjectCode,
  opensAt: h.opensAt.toISOString(),
  closesAt: h.closesAt.toISOString(),
  lateUntil: iso(h.lateUntil),
  minutes: h.minutes,
  paperFree: h.paperFree,
  attemptId: h.attemptId,
  standing: standingOf(h, h),
  deadlineAt: iso(h.deadlineAt),
  submittedAt: iso(h.submittedAt),
  released: h.releasedAt !== null,
  score: h.score,
  totalScore: h.totalScore,
  open: h.now >= h.opensAt && h.now < (h.lateUntil ?? h.closesAt),
});

/** The student's own homework and exams: to do, done, and scores once released. */
export async function listMyHomework(ctx: Ctx) {
  const items = await repo.homeworkOf(ctx.db, ctx.actor.personId, ctx.scope.memberPaths, 200);
  return { items: items.map(homeworkItem) };
}

/**
 * A parent's view of one child's homework: what is missing or late, what is to do, and released
 * scores. The guard has checked that the child is the parent's.
 */
export async function childHomework(ctx: Ctx, studentId: string) {
  const paths = await repo.classPathsOf(ctx.db, studentId);
  const items = (await repo.homeworkOf(ctx.db, studentId, paths, 200)).map(homeworkItem);
  await ctx.audit({
    action: 'homework.child.read',
    targetType: 'student',
    targetId: studentId,
    subjectPersonId: studentId,
  });
  const count = (s: TStanding) => items.filter((i) => i.standing === s).length;
  return {
    summary: {
      missing: count('missing'),
      late: count('late'),
      toDo: count('not_started') + count('in_progress'),
    },
    items: items.map(({ attemptId: _a, ...i }) => i),
  };
}

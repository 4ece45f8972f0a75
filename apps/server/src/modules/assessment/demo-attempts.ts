/**
 * The demo's students at work on an assignment: who starts it when (homework in the evening, the
 * 统考 at nine in the morning), who is late or missing, every answer with its save, the machine's
 * grade of objective answers, the teachers' marks of written ones (double marking with arbitration
 * in the 统考), and the mistakes released results leave in the notebooks. Pure: rows in the
 * column order of `ATTEMPT_ROWS`.
 */

import { hashMany, Rng } from '../../demo/prng.ts';
import { answerLeaf } from './demo-answers.ts';
import { gradeDemoLeaf } from './demo-grade.ts';
import type { DemoAssignment } from './demo-homework.ts';
import { doubleMark, teacherMark } from './demo-marking.ts';
import type { PaperLeaf } from './demo-paper.ts';
import { at, beijingMidnight, DAY, hashText, idFrom, iso, MINUTE } from './demo-time.ts';

export const ATTEMPT_ROWS = {
  attempt: [
    'id',
    'assignment_id',
    'student_id',
    'class_id',
    'path',
    'started_at',
    'deadline_at',
    'submitted_at',
    'status',
    'furthest',
    'focus_losses',
    'objective_score',
    'score',
    'marked_at',
    'updated_at',
  ],
  response: [
    'id',
    'attempt_id',
    'number',
    'part',
    'value',
    'seq',
    'saved_at',
    'auto_score',
    'detail',
    'needs_marking',
    'score',
    'max_score',
  ],
  response_save: ['attempt_id', 'client_key', 'number', 'part', 'seq', 'value', 'received_at'],
  mark: ['id', 'response_id', 'round', 'marker_id', 'score', 'comment', 'reason', 'at'],
  mistake: [
    'id',
    'student_id',
    'path',
    'item_id',
    'part',
    'subject_code',
    'knowledge_point_ids',
    'attempt_id',
    'number',
    'answer',
    'correct_similar',
    'closed_at',
    'created_at',
  ],
} as const;
export type RowTable = keyof typeof ATTEMPT_ROWS;
export type Rows = Record<RowTable, unknown[][]>;
export const emptyRows = (): Rows => ({
  attempt: [],
  response: [],
  response_save: [],
  mark: [],
  mistake: [],
});

export interface Student {
  id: string;
  classId: string;
  /** The class's path (the student's unit). */
  path: string;
  theta: number;
  /** A hash of the id, the student's part of the seed of their draws. */
  hash: number;
}

/** A recorded mistake, for the notebook's practice afterwards. */
export interface MistakeNote {
  id: string;
  student: Student;
  itemId: string;
  kpIds: string[];
  subject: string;
  difficulty: number;
  createdAt: number;
}

export interface SimulateOptions {
  seed: number;
  now: number;
  assignment: DemoAssignment;
  students: Student[];
  /** The 统考's markers (two per written answer, the third arbitrates); homework: the teacher. */
  markers?: string[];
  /** Students who have not started the open homework yet (the demo student has it to do today). */
  notStarted?: Set<string>;
  rows: Rows;
  /** Open notebook entries by student, item and part: a second mistake on the same item is not added. */
  open: Set<string>;
  notes: MistakeNote[];
}

export function simulateAssignment(o: SimulateOptions): void {
  const a = o.assignment;
  const exam = a.kind === 'unified_exam';
  const leaves = a.paper.leaves;
  const seconds = leaves.reduce((s, l) => s + l.item.seconds * (l.part ? 0.25 : 1), 0);
  // Marking clocks: the teacher marks everything in one sitting; in the 统考 each written answer has
  // its own markers, all marking in the same afternoon.
  const clocks = new Map<string, { t: number; second: number; arbitration: number }>();
  const clockOf = (leaf: PaperLeaf) => {
    const key = exam ? `${leaf.number}.${leaf.part}` : 'teacher';
    let c = clocks.get(key);
    if (!c) {
      c = { t: a.markFrom, second: a.markFrom + 20 * MINUTE, arbitration: a.markFrom + DAY + 60 * MINUTE };
      clocks.set(key, c);
    }
    return c;
  };
  const released = a.state === 'released';
  const assignmentHash = hashText(a.id);
  // The save log of the last fortnight's homework and of the 统考 (older saves of homework are
  // only a log nobody reads again, and the bulk of the demo).
  const keepSaves = exam || o.now - a.opensAt < 14 * DAY;
  let latestMark = 0;
  for (const s of o.students) {
    const r = new Rng(hashMany(o.seed, assignmentHash, s.hash));
    const plan = exam ? examStart(r, a, s) : homeworkStart(r, a, s, seconds);
    if (!plan || (a.state === 'open' && o.notStarted?.has(s.id))) continue;
    let { start, duration, expired } = plan;
    if (start >= o.now) continue;
    const deadline = exam
      ? Math.min(a.closesAt, start + (a.minutes ?? 90) * MINUTE)
      : (a.lateUntil ?? a.closesAt);
    if (start + duration > deadline) expired = true;
    const end = expired ? deadline : start + duration;
    const inProgress = end > o.now;
    const answered = expired ? Math.ceil(leaves.length * (0.5 + r.next() * 0.3)) : leaves.length;
    const attemptId = idFrom(r, start);
    let objective = 0;
    let subjective = 0;
    let unmarked = 0;
    let lastMark = 0;
    let lastSave = start;
    const graded = !inProgress;
    leaves.slice(0, answered).forEach((leaf, k) => {
      const savedAt = Math.round(start + ((k + 1) / (answered + 1)) * (end - start) + r.next() * 20_000);
      if (savedAt >= o.now) return;
      lastSave = Math.max(lastSave, savedAt);
      const given = answerLeaf(r, leaf, s.theta, leaf.item.difficulty);
      const changed =
        !leaf.content.type.endsWith('answer') && leaf.content.type !== 'essay' && r.chance(0.07);
      const seq = changed ? 2 : 1;
      const responseId = idFrom(r, savedAt);
      if (changed && keepSaves) {
        const first = answerLeaf(r, leaf, s.theta - 1, leaf.item.difficulty);
        const before = Math.max(start + 5_000, savedAt - 40_000);
        o.rows.response_save.push([
          attemptId,
          idFrom(r, before),
          leaf.number,
          leaf.part,
          1,
          first.value,
          iso(before),
        ]);
      }
      if (keepSaves)
        o.rows.response_save.push([
          attemptId,
          idFrom(r, savedAt),
          leaf.number,
          leaf.part,
          seq,
          given.value,
          iso(savedAt),
        ]);
      const grade = gradeDemoLeaf(leaf.content, given.value, leaf.maxScore);
      let score: number | null = graded && !grade.needsMarking ? grade.score : null;
      let markedAt = 0;
      if (grade.needsMarking && graded && a.marked) {
        const marked = exam
          ? doubleMark(r, o, leaf, responseId, given.quality ?? 0.5, clockOf(leaf))
          : teacherMark(r, o, leaf, responseId, given.quality ?? 0.5, clockOf(leaf));
        score = marked.score;
        markedAt = marked.at;
        lastMark = Math.max(lastMark, marked.at);
        latestMark = Math.max(latestMark, marked.at);
      }
      if (graded && !grade.needsMarking) objective += grade.score;
      else if (score !== null) subjective += score;
      else if (grade.needsMarking) unmarked++;
      o.rows.response.push([
        responseId,
        attemptId,
        leaf.number,
        leaf.part,
        given.value,
        seq,
        iso(savedAt),
        graded && !grade.needsMarking ? grade.score : null,
        graded ? grade : null,
        grade.needsMarking && score === null,
        score,
        leaf.maxScore,
      ]);
      if (released && score !== null && score < leaf.maxScore && leaf.content.type !== 'essay')
        note(o, r, s, leaf, attemptId, given.value, markedAt || end);
    });
    const status = inProgress ? 'in_progress' : expired ? 'expired' : 'submitted';
    const focus = exam && r.chance(0.12) ? 1 + r.int(3) : 0;
    o.rows.attempt.push([
      attemptId,
      a.id,
      s.id,
      s.classId,
      s.path,
      iso(start),
      iso(deadline),
      status === 'submitted' ? iso(end) : null,
      status,
      exam ? Math.max(...leaves.slice(0, answered).map((l) => l.number)) : 0,
      focus,
      graded ? round2(objective) : null,
      graded && unmarked === 0 ? round2(objective + subjective) : null,
      lastMark ? iso(lastMark) : null,
      iso(Math.max(lastMark, inProgress ? lastSave : end)),
    ]);
  }
  if (a.releasedAt !== null && latestMark > a.releasedAt)
    throw new Error(`${a.title}: marked after its release`);
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Homework: in the evening of the day it is set, a few early the next morning; some never, some late. */
function homeworkStart(r: Rng, a: DemoAssignment, s: Student, seconds: number) {
  if (r.chance(0.02 + (s.theta < -1 ? 0.05 : 0))) return undefined;
  const evening = beijingMidnight(a.opensAt);
  const morning = beijingMidnight(a.closesAt);
  // Handed in late (补交) in the lunch break, where the teacher allows it.
  if (a.lateUntil && r.chance(0.06)) {
    const start = at(morning, 11.2 + r.next() * 0.4);
    return {
      start,
      duration: Math.min(seconds * 1000 * (0.6 + r.next() * 0.6) + 3 * MINUTE, a.lateUntil - start - MINUTE),
      expired: false,
    };
  }
  const start = r.chance(0.1)
    ? at(morning, 6.6 + r.next() * 0.6)
    : Math.max(a.opensAt + 10 * MINUTE, at(evening, 18.5 + r.next() * 3.3));
  const duration = seconds * 1000 * (0.6 + r.next() * 0.9) + 3 * MINUTE;
  return { start, duration, expired: r.chance(0.025) };
}

/** The 统考: everyone at nine, a few absent, a few run out of time. */
function examStart(r: Rng, a: DemoAssignment, s: Student) {
  if (r.chance(0.01)) return undefined;
  const start = a.opensAt + (5 + r.next() * 10) * MINUTE;
  const duration = Math.min(85, 48 + r.next() * 30 - s.theta * 5) * MINUTE;
  return { start, duration, expired: r.chance(0.015) };
}

function note(
  o: SimulateOptions,
  r: Rng,
  s: Student,
  leaf: PaperLeaf,
  attemptId: string,
  value: unknown,
  at: number,
) {
  const key = `${s.id}:${leaf.item.id}:${leaf.part}`;
  if (o.open.has(key)) return;
  o.open.add(key);
  const id = idFrom(r, at);
  const kps = `{${leaf.item.kpIds.join(',')}}`;
  o.rows.mistake.push([
    id,
    s.id,
    s.path,
    leaf.item.id,
    leaf.part,
    o.assignment.paper.subject,
    kps,
    attemptId,
    leaf.number,
    value,
    0,
    null,
    iso(at),
  ]);
  o.notes.push({
    id,
    student: s,
    itemId: leaf.item.id,
    kpIds: leaf.item.kpIds,
    subject: o.assignment.paper.subject,
    difficulty: leaf.item.difficulty,
    createdAt: at,
  });
}

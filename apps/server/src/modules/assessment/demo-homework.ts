/**
 * A term of homework in the demo classes: each subject teacher of a class sets homework a few
 * times a week after school (数学 on Tuesdays and Thursdays and every other Friday, 语文 on Mondays
 * and every other Wednesday, 英语 on Fridays), due before school the next school day,
 * on the lesson the class has reached, from the items the teacher may use: her own and those shared
 * with her school, district or city. The last one is still open. Pure.
 */

import type { BankLesson } from './demo-bank-lesson.ts';
import type { BankItem } from './demo-bank-plan.ts';
import { buildPaper, type DemoPaper, type PaperEntry } from './demo-paper.ts';
import { at, beijingMidnight, DAY, MINUTE, rngOf, schoolDay, stableId, weekday } from './demo-time.ts';

export type DemoClass = {
  id: string;
  path: string;
  name: string;
  grade: string;
  schoolId: string;
  districtId: string;
  students: string[];
};

/** A teacher of a subject in one of the demo classes. */
export type Teaching = {
  teacherId: string;
  subject: string;
  classId: string;
  schoolPath: string;
  schoolId: string;
  districtId: string;
};

export type AssignmentState = 'open' | 'closed' | 'released';

export interface DemoAssignment {
  id: string;
  kind: 'homework' | 'unified_exam';
  title: string;
  paper: DemoPaper;
  classes: DemoClass[];
  createdBy: string;
  path: string;
  districtId: string | null;
  schoolId: string | null;
  createdAt: number;
  opensAt: number;
  closesAt: number;
  /** Homework the teacher takes late (补交) until then: noon of the day it is due, before marking. */
  lateUntil: number | null;
  minutes: number | null;
  state: AssignmentState;
  /** Subjective answers are marked (by the teacher, or double-marked in a 统考) … */
  marked: boolean;
  /** … from this moment, and released at `releasedAt`. */
  markFrom: number;
  releasedAt: number | null;
  paperFree: boolean;
  doubleMarking: boolean;
  markGap: number | null;
}

const WEEKS = 8;
/** Days of the week a subject's homework is set (1 Monday … 5 Friday), and on alternate weeks. */
const DAYS: Record<string, { every: number[]; alternate: number[] }> = {
  '14': { every: [2, 4], alternate: [5] },
  '13': { every: [1], alternate: [3] },
  '41': { every: [5], alternate: [] },
};
const NAMES: Record<string, string> = { '14': '数学', '13': '语文', '41': '英语' };

/** The item may be used by a teacher: her own, or shared with her school, district or the city. */
export const usableBy = (i: BankItem, t: { teacherId: string; schoolId: string; districtId: string }) =>
  i.author.id === t.teacherId ||
  (i.shareStatus === 'approved' &&
    (i.share === 'city' ||
      (i.share === 'district' && i.author.districtId === t.districtId) ||
      (i.share === 'school' && i.author.schoolId === t.schoolId)));

export interface PlanHomeworkOptions {
  seed: number;
  now: number;
  classes: DemoClass[];
  teaching: Teaching[];
  items: BankItem[];
  lessons: BankLesson[];
  /** Her latest closed homework waits for her marking, not released. */
  demoTeacherId?: string;
}

export function planHomework(o: PlanHomeworkOptions): DemoAssignment[] {
  const today = beijingMidnight(o.now);
  const byTeacher = new Map<string, Teaching[]>();
  for (const t of o.teaching) {
    const key = `${t.teacherId}:${t.subject}`;
    byTeacher.set(key, [...(byTeacher.get(key) ?? []), t]);
  }
  const out: DemoAssignment[] = [];
  for (const [key, rows] of [...byTeacher].sort(([a], [b]) => a.localeCompare(b))) {
    const t = rows[0]!;
    const classes = o.classes.filter((c) => rows.some((x) => x.classId === c.id));
    // A teacher teaches one grade's homework at a time: the first class's grade.
    const grade = classes[0]!.grade;
    const days = scheduleDays(o.seed, key, t.subject, today);
    const lessons = o.lessons.filter((l) => l.subject === t.subject && l.grade === grade && l.term === 1);
    const pool = o.items.filter(
      (i) => i.lesson.subject === t.subject && i.lesson.grade === grade && usableBy(i, t),
    );
    const used = new Map<string, number>();
    days.forEach((day, k) => {
      const r = rngOf(o.seed, `${key}:${day}`);
      const opensAt = at(day, 16.4 + r.next() * 1.4);
      if (opensAt >= o.now) return;
      const next = nextSchoolDay(day);
      const closesAt = at(next, 7.5);
      const state: AssignmentState = closesAt > o.now ? 'open' : 'closed';
      const lesson =
        lessons[
          Math.min(
            lessons.length - 1,
            Math.floor((0.08 + (0.6 * k) / Math.max(1, days.length - 1)) * lessons.length),
          )
        ];
      if (!lesson) return;
      const demoMarking = o.demoTeacherId === t.teacherId && isLastClosed(days, k, o.now);
      const entries = pickHomework(r, pool, lessons, lesson, used, demoMarking);
      if (entries.length === 0) return;
      const writing = entries.some((e) => e.item.content.type === 'essay');
      const title = writing
        ? lesson.title
        : k % 6 === 5
          ? `第 ${lesson.unitNo} 单元 单元练习`
          : `《${lesson.title.replace(/^.*：/, '')}》课后练习`;
      const id = stableId(`${o.seed}:homework:${key}:${day}`, opensAt - 20 * MINUTE);
      const paper = buildPaper({
        id,
        title,
        subtitle: `${NAMES[t.subject]}作业`,
        subject: t.subject,
        grade,
        entries,
      });
      const closedAge = o.now - closesAt;
      const released = state === 'closed' && !demoMarking && closedAge > 1.5 * DAY;
      const markDay = nextSchoolDay(beijingMidnight(closesAt) - DAY);
      out.push({
        id,
        kind: 'homework',
        title,
        paper,
        classes,
        createdBy: t.teacherId,
        path: t.schoolPath,
        districtId: t.districtId,
        schoolId: t.schoolId,
        createdAt: opensAt - (5 + r.int(40)) * MINUTE,
        opensAt,
        closesAt,
        // A third of the older homework could be handed in late (补交), until noon of the day due.
        lateUntil: released && r.chance(0.35) ? at(beijingMidnight(closesAt), 12) : null,
        minutes: null,
        state: released ? 'released' : state,
        marked: released,
        markFrom: at(markDay, r.pick([12.2, 16.1])),
        releasedAt: released ? at(markDay, 20.5 + r.next()) : null,
        paperFree: false,
        doubleMarking: false,
        markGap: null,
      });
    });
  }
  return out;
}

/** Whether day k's homework is the teacher's latest one already closed. */
function isLastClosed(days: number[], k: number, now: number): boolean {
  const closes = (d: number) => at(nextSchoolDay(d), 7.5);
  return closes(days[k]!) <= now && (k === days.length - 1 || closes(days[k + 1]!) > now);
}

/** The first school day after a Beijing midnight. */
export function nextSchoolDay(day: number): number {
  let d = day + DAY;
  while (!schoolDay(d)) d += DAY;
  return d;
}

/** School days of the last weeks on which a subject's homework is set, oldest first. */
function scheduleDays(seed: number, key: string, subject: string, today: number): number[] {
  const plan = DAYS[subject] ?? DAYS['14']!;
  const r = rngOf(seed, `${key}:days`);
  const out: number[] = [];
  for (let d = today - WEEKS * 7 * DAY; d <= today; d += DAY) {
    if (!schoolDay(d)) continue;
    const week = Math.floor((d - today) / (7 * DAY));
    const w = weekday(d);
    if (plan.every.includes(w) || (plan.alternate.includes(w) && week % 2 === 0)) {
      // Now and then a day is skipped (a test, a holiday, a school event).
      if (r.chance(0.92)) out.push(d);
    }
  }
  return out;
}

/**
 * The items of one homework: on the lesson reached and the two before it, unused ones first; a
 * writing lesson's homework is its writing task. Five to seven items: choices, judgements and
 * fill-ins, with one written answer or passage now and then (two or three for the homework the
 * demo teacher still has to mark).
 */
function pickHomework(
  r: ReturnType<typeof rngOf>,
  pool: BankItem[],
  lessons: BankLesson[],
  lesson: BankLesson,
  used: Map<string, number>,
  subjective: boolean,
): PaperEntry[] {
  const at = lessons.indexOf(lesson);
  const near = new Set(lessons.slice(Math.max(0, at - 2), at + 1).map((l) => l.id));
  const earlier = new Set(lessons.slice(0, at + 1).map((l) => l.id));
  // Unused items of the lessons just taught first, then earlier lessons, then items used before;
  // a lesson not yet taught only when nothing else is left.
  const rank = (i: BankItem) =>
    (used.get(i.id) ?? 0) * 10 + (near.has(i.lesson.id) ? 0 : earlier.has(i.lesson.id) ? 1 : 30) + r.next();
  const ranked = pool
    .map((i) => [i, rank(i)] as const)
    .sort((a, b) => a[1] - b[1])
    .map(([i]) => i);
  const essay = ranked.find(
    (i) => i.content.type === 'essay' && i.lesson.id === lesson.id && !used.has(i.id),
  );
  const take = (list: BankItem[]) => {
    for (const i of list) used.set(i.id, (used.get(i.id) ?? 0) + 1);
    return list.map((item) => ({ item, score: item.score }));
  };
  if (essay && !subjective) return take([essay]);
  const objective = ranked.filter((i) =>
    ['single_choice', 'multiple_choice', 'true_false', 'fill_in'].includes(i.content.type),
  );
  const written = ranked.filter((i) => i.content.type === 'short_answer');
  const composites = ranked.filter((i) => i.content.type === 'composite');
  const nWritten = subjective ? Math.min(3, written.length) : r.chance(0.45) ? 1 : 0;
  const nComposite = !subjective && r.chance(0.25) ? 1 : 0;
  const nObjective = r.range(5, 7) - nWritten - nComposite;
  return take([
    ...objective.slice(0, nObjective),
    ...written.slice(0, nWritten),
    ...composites.slice(0, nComposite),
  ]);
}

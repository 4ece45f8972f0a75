/**
 * The demo's district 统考: the mid-term exam of one subject and grade across every class of the
 * grade in the district (the demo teacher's: 越秀区四年级数学期中统考), on a school morning about four
 * weeks ago, on a paper assembled to a blueprint (双向细目表) from the items shared with the district
 * on the first half of the term, answered online, double-marked on its written answers with
 * arbitration, and released. Pure.
 */

import { YEAR_NAMES } from '../curriculum/backbone.ts';
import type { BankItem } from './demo-bank-plan.ts';
import type { DemoAssignment, DemoClass } from './demo-homework.ts';
import { buildPaper, type PaperEntry } from './demo-paper.ts';
import { at, beijingMidnight, DAY, rngOf, stableId, weekday } from './demo-time.ts';

export interface ExamDistrict {
  id: string;
  path: string;
  name: string;
  /** The exam office's person (the district administrator) who sets it. */
  officeId: string;
}

export interface DemoExam extends DemoAssignment {
  /** The blueprint the paper was assembled to, as its template keeps it. */
  blueprint: { id: string; name: string; spec: Record<string, unknown> };
}

const SUBJECTS: Record<string, string> = { '14': '数学', '13': '语文', '41': '英语' };

/**
 * The paper's item types (the 双向细目表's rows): eight choices and five judgements at 2 and 1
 * points, five written answers at 6 (8 when fewer), fill-ins at 2 points making up 100.
 */
function typeRows(available: Record<string, number>) {
  const written = Math.min(5, available.short_answer ?? 0);
  if (written < 3) return undefined;
  const writtenScore = written === 5 ? 6 : 8;
  const choices = Math.min(8, available.single_choice ?? 0);
  let judgements = Math.min(5, available.true_false ?? 0);
  let rest = 100 - 2 * choices - judgements - writtenScore * written;
  if (rest % 2 !== 0) {
    if (judgements === 0) return undefined;
    judgements--;
    rest++;
  }
  if (rest < 0 || rest / 2 > (available.fill_in ?? 0)) return undefined;
  return [
    { type: 'single_choice', count: choices, score: 2 },
    { type: 'true_false', count: judgements, score: 1 },
    { type: 'fill_in', count: rest / 2, score: 2 },
    { type: 'short_answer', count: written, score: writtenScore },
  ].filter((row) => row.count > 0);
}

export function planExam(o: {
  seed: number;
  now: number;
  subject: string;
  grade: string;
  district: ExamDistrict;
  classes: DemoClass[];
  items: BankItem[];
  /** Items the classes met in homework before the exam: left out, as an exam office would. */
  seenBefore: (examDay: number) => Set<string>;
}): DemoExam | undefined {
  if (o.classes.length === 0) return undefined;
  const r = rngOf(o.seed, `exam:${o.district.id}:${o.subject}:${o.grade}`);
  // A Wednesday about four weeks ago.
  let day = beijingMidnight(o.now) - 26 * DAY;
  while (weekday(day) !== 3) day -= DAY;
  const seen = o.seenBefore(day);
  const units = Math.max(
    ...o.items
      .filter((i) => i.lesson.subject === o.subject && i.lesson.grade === o.grade && i.lesson.term === 1)
      .map((i) => i.lesson.unitNo),
  );
  const inScope = (i: BankItem) =>
    i.lesson.subject === o.subject &&
    i.lesson.grade === o.grade &&
    i.lesson.term === 1 &&
    i.lesson.unitNo <= Math.ceil(units * 0.6) + 1 &&
    // The exam office uses what its district's teachers wrote and what the city shares.
    ((i.shareStatus !== 'pending' && i.author.districtId === o.district.id) ||
      (i.shareStatus === 'approved' && i.share === 'city'));
  // Items nobody in these classes has seen first, nearest a difficulty of 0.75, one lesson at a time.
  const pool = o.items
    .filter(inScope)
    .map((i) => [i, (seen.has(i.id) ? 1 : 0) + Math.abs(i.difficulty - 0.75) + r.next() * 0.3] as const)
    .sort((a, b) => a[1] - b[1])
    .map(([i]) => i);
  const available: Record<string, number> = {};
  for (const i of pool) available[i.content.type] = (available[i.content.type] ?? 0) + 1;
  const rows = typeRows(available);
  if (!rows) return undefined;
  const chosen: PaperEntry[] = [];
  const perLesson = new Map<string, number>();
  for (const row of rows) {
    // Spread over the lessons: at most two items of a lesson while others are left.
    let need = row.count;
    for (const most of [2, Number.POSITIVE_INFINITY])
      for (const i of pool) {
        if (need === 0) break;
        if (i.content.type !== row.type || (perLesson.get(i.lesson.id) ?? 0) >= most) continue;
        if (chosen.some((c) => c.item.id === i.id)) continue;
        chosen.push({ item: i, score: row.score });
        perLesson.set(i.lesson.id, (perLesson.get(i.lesson.id) ?? 0) + 1);
        need--;
      }
  }
  const year = new Date(day + 8 * 3_600_000).getUTCFullYear();
  const schoolYear = new Date(day + 8 * 3_600_000).getUTCMonth() >= 7 ? year : year - 1;
  const title = `${o.district.name}${YEAR_NAMES[o.grade]}${SUBJECTS[o.subject]}期中统考`;
  const opensAt = at(day, 8 + 20 / 60);
  const id = stableId(`${o.seed}:exam:${o.district.id}:${o.subject}:${o.grade}`, opensAt - 9 * DAY);
  const paper = buildPaper({
    id,
    title: `${schoolYear}—${schoolYear + 1} 学年第一学期期中质量检测`,
    subtitle: `${o.district.name}${YEAR_NAMES[o.grade]}${SUBJECTS[o.subject]}`,
    subject: o.subject,
    grade: o.grade,
    minutes: 90,
    entries: chosen,
  });
  // The rows need every item they count; the 统考 is not set from a thinner bank.
  if (chosen.length !== rows.reduce((n, row) => n + row.count, 0)) return undefined;
  const releasedDay = day + 9 * DAY;
  return {
    id,
    kind: 'unified_exam',
    title,
    paper,
    classes: o.classes,
    createdBy: o.district.officeId,
    path: o.district.path,
    districtId: o.district.id,
    schoolId: null,
    createdAt: opensAt - 7 * DAY + 3 * 3_600_000,
    opensAt,
    closesAt: at(day, 10),
    lateUntil: null,
    minutes: 90,
    state: 'released',
    marked: true,
    markFrom: at(day + DAY, 14),
    releasedAt: at(
      releasedDay + (weekday(releasedDay) === 6 ? 2 : weekday(releasedDay) === 0 ? 1 : 0) * DAY,
      16.5,
    ),
    paperFree: true,
    doubleMarking: true,
    markGap: 2,
    blueprint: {
      id: stableId(`${o.seed}:blueprint:${id}`, opensAt - 10 * DAY),
      name: `${title}双向细目表`,
      // The shape of the bank's blueprint model (blueprint-model.ts): cells by each item's first
      // knowledge point and its level, the type rows, the total, the difficulty target, the time.
      spec: {
        title,
        cells: [...cellsOf(chosen)].map(([key, count]) => {
          const [knowledgePointId, cognitiveLevel] = key.split('/');
          return { knowledgePointId, cognitiveLevel, count };
        }),
        types: rows,
        totalScore: 100,
        difficulty: { mean: 0.75, tolerance: 0.05 },
        minutes: 90,
        include: [],
        exclude: [],
        enemies: [],
      },
    },
  };
}

function cellsOf(chosen: PaperEntry[]): Map<string, number> {
  const cells = new Map<string, number>();
  for (const c of chosen) {
    const key = `${c.item.kpIds[0]}/${c.item.level}`;
    cells.set(key, (cells.get(key) ?? 0) + 1);
  }
  return cells;
}

/**
 * The demo's district 统考: the mid-term exam of one subject and grade across every class of the
 * grade in the district (the demo teacher's: 越秀区四年级数学期中统考), on a school morning about four
 * weeks ago, on a paper assembled to a blueprint (双向细目表) from the items shared with the district
 * on the first half of the term, answered online, double-marked on its written answers with
 * arbitration, and released. Pure.
 */
import type { BankItem } from './demo-bank.ts';
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

const GRADE_NAMES: Record<string, string> = {
  '13': '三年级',
  '14': '四年级',
  '15': '五年级',
  '16': '六年级',
  '21': '七年级',
  '22': '八年级',
  '23': '九年级',
};
const SUBJECTS: Record<string, string> = { '14': '数学', '13': '语文', '41': '英语' };
const OBJECTIVE = ['single_choice', 'multiple_choice', 'true_false', 'fill_in'];

/**
 * Counts and scores by item type (a composite keeps its parts' scores); more fill-ins at 2 points
 * make up what is left of 100.
 */
const BLUEPRINT = [
  { types: ['single_choice'], count: 6, score: 2 },
  { types: ['true_false'], count: 5, score: 1 },
  { types: ['fill_in'], count: 10, score: 2 },
  { types: ['short_answer'], count: 5, score: 6 },
  { types: ['composite'], count: 1, score: 0 },
];

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
  const chosen: PaperEntry[] = [];
  const perLesson = new Map<string, number>();
  const take = (i: BankItem, score: number) => {
    chosen.push({ item: i, score });
    perLesson.set(i.lesson.id, (perLesson.get(i.lesson.id) ?? 0) + 1);
  };
  const free = (types: string[]) =>
    pool.filter((i) => types.includes(i.content.type) && !chosen.some((c) => c.item.id === i.id));
  for (const row of BLUEPRINT) {
    // Spread over the lessons: at most two items of a lesson while others are left.
    let need = row.count;
    for (const pass of [2, Number.POSITIVE_INFINITY])
      for (const i of free(row.types)) {
        if (need === 0) break;
        if ((perLesson.get(i.lesson.id) ?? 0) >= pass) continue;
        take(i, row.score || i.score);
        need--;
      }
  }
  // What the sections leave of 100 goes to more fill-ins (2 points, the last maybe 1), then to the
  // written answers, at most 8 points each.
  let rest = 100 - chosen.reduce((s, c) => s + scoreOf(c), 0);
  for (const i of free(['fill_in', 'true_false', 'single_choice'])) {
    const written = chosen.filter((c) => c.item.content.type === 'short_answer');
    if (rest <= written.length * 2) break;
    const score = Math.min(i.content.type === 'true_false' ? 1 : 2, rest);
    take(i, score);
    rest -= score;
  }
  const written = chosen.filter((c) => c.item.content.type === 'short_answer');
  for (let k = 0; rest > 0 && written.length > 0; k++, rest--) written[k % written.length]!.score += 1;
  if (rest !== 0 || written.length === 0) return undefined;
  const year = new Date(day + 8 * 3_600_000).getUTCFullYear();
  const schoolYear = new Date(day + 8 * 3_600_000).getUTCMonth() >= 7 ? year : year - 1;
  const title = `${o.district.name}${GRADE_NAMES[o.grade]}${SUBJECTS[o.subject]}期中统考`;
  const opensAt = at(day, 8 + 20 / 60);
  const id = stableId(`${o.seed}:exam:${o.district.id}:${o.subject}:${o.grade}`, opensAt - 9 * DAY);
  const paper = buildPaper({
    id,
    title: `${schoolYear}—${schoolYear + 1} 学年第一学期期中质量检测`,
    subtitle: `${o.district.name}${GRADE_NAMES[o.grade]}${SUBJECTS[o.subject]}`,
    subject: o.subject,
    grade: o.grade,
    minutes: 90,
    entries: chosen,
  });
  const kps = [...new Set(chosen.flatMap((c) => c.item.kpIds))];
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
      spec: {
        totalScore: 100,
        minutes: 90,
        difficulty: { mean: 0.75 },
        itemTypes: BLUEPRINT.map((b) => ({
          type: b.types[0],
          count: chosen.filter((c) => b.types.includes(c.item.content.type)).length,
        })),
        // 知识点 × 认知层次: the items the paper gives each cell.
        cells: kps.map((kp) => ({
          knowledgePointId: kp,
          levels: Object.fromEntries(
            ['remember', 'understand', 'apply', 'analyse'].map((lv) => [
              lv,
              chosen.filter((c) => c.item.kpIds.includes(kp) && c.item.level === lv).length,
            ]),
          ),
        })),
        objectiveShare:
          chosen.filter((c) => OBJECTIVE.includes(c.item.content.type)).reduce((s, c) => s + scoreOf(c), 0) /
          100,
      },
    },
  };
}

const scoreOf = (c: PaperEntry) =>
  c.item.content.type === 'composite' ? c.item.content.parts.reduce((s, x) => s + x.score, 0) : c.score;

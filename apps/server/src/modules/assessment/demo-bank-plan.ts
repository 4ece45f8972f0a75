/**
 * Plans the demo item bank from the curriculum backbone and the city's teachers: items for every
 * lesson of 语文, 数学 and 英语 in grades 3–9, each written by a teacher of that subject (and grade
 * where the city has one), most shared to the school, district or city after review, some private,
 * a few waiting for review; tagged with the lesson's knowledge points, cognitive level, difficulty,
 * score, time, source and year. Pure and deterministic: the same lessons, teachers, seed and day
 * give the same items, ids included.
 */

import { YEAR_NAMES } from '../curriculum/backbone.ts';
import type { TShareLevel, TShareStatus } from './bank.schema.ts';
import { type BankLesson, type LessonDraft, placeOf } from './demo-bank-lesson.ts';
import { chineseDrafts } from './demo-chinese.ts';
import { englishDrafts } from './demo-english.ts';
import { type Draft, itemText } from './demo-item-kit.ts';
import { mathDrafts } from './demo-math.ts';
import { at, beijingMidnight, DAY, hashText, rngOf, schoolDay, stableId } from './demo-time.ts';
import type { CognitiveLevel, ItemContent } from './item-model.ts';

export type BankAuthor = {
  id: string;
  schoolId: string;
  districtId: string;
  schoolPath: string;
  /** The district's name (越秀区), for the source of items taken from its exams. */
  district: string;
  subject: string;
  grade: string;
};

export interface BankItem {
  id: string;
  lesson: BankLesson;
  draft: Draft;
  content: ItemContent;
  stemText: string;
  kpIds: string[];
  kpNames: string[];
  level: CognitiveLevel;
  difficulty: number;
  score: number;
  seconds: number;
  source: string;
  year: number;
  author: BankAuthor;
  share: TShareLevel;
  shareRequested: TShareLevel | null;
  shareStatus: TShareStatus;
  /** Why a share came back (a returned item). */
  shareNote: string | null;
  createdAt: number;
}

/** Items asked of a lesson, by subject (mathematics varies its numbers, so it can give more). */
const PER_LESSON: Record<string, number> = { '14': 6, '13': 3, '41': 3 };
const DRAFTS: Record<string, (r: ReturnType<typeof rngOf>, l: BankLesson, n: number) => LessonDraft[]> = {
  '14': mathDrafts,
  '13': chineseDrafts,
  '41': englishDrafts,
};

export interface PlanBankOptions {
  seed: number;
  /** Now, as an instant: every item is older than today. */
  now: number;
  lessons: BankLesson[];
  authors: BankAuthor[];
  /** The demo teacher, who writes some of her grade's items herself. */
  demoTeacher?: BankAuthor;
}

export function planBank(o: PlanBankOptions): BankItem[] {
  const today = beijingMidnight(o.now);
  const pools = new Map<string, BankAuthor[]>();
  // The demo teacher writes only her own items (below), not a share of everyone's.
  for (const a of o.authors.filter((x) => x.id !== o.demoTeacher?.id))
    for (const key of [`${a.subject}:${a.grade}`, a.subject]) pools.set(key, [...(pools.get(key) ?? []), a]);
  const seen = new Set<string>();
  const items: BankItem[] = [];
  let demoOwns = 0;
  for (const lesson of o.lessons) {
    const gen = DRAFTS[lesson.subject];
    const pool = pools.get(`${lesson.subject}:${lesson.grade}`) ?? pools.get(lesson.subject);
    if (!gen || !pool?.length) continue;
    const place = placeOf(lesson);
    const r = rngOf(o.seed, place);
    // The demo teacher's subject and grade has the richest bank: the district's 统考 is set from it.
    const rich =
      o.demoTeacher && lesson.subject === o.demoTeacher.subject && lesson.grade === o.demoTeacher.grade;
    const want = PER_LESSON[lesson.subject]! * (rich ? 2 : 1);
    let made = 0;
    // Duplicates (a generator giving the same stem twice) are dropped and drawn again, a few times.
    for (let round = 0; round < 3 && made < want; round++) {
      for (const d of gen(r, lesson, want - made)) {
        const text = itemText(d.draft.content);
        if (seen.has(text)) continue;
        seen.add(text);
        const key = `${place}#${made}`;
        const mine =
          o.demoTeacher &&
          lesson.subject === o.demoTeacher.subject &&
          lesson.grade === o.demoTeacher.grade &&
          lesson.term === 1 &&
          made === 0 &&
          demoOwns < 16;
        if (mine) demoOwns++;
        const author = mine ? o.demoTeacher! : pool[Math.floor(pool.length * r.next() ** 1.6)]!;
        items.push(itemOf(o.seed, today, key, lesson, d, text, author, mine ? demoOwns : 0));
        made++;
      }
    }
  }
  return items;
}

function itemOf(
  seed: number,
  today: number,
  key: string,
  lesson: BankLesson,
  d: LessonDraft,
  text: string,
  author: BankAuthor,
  demoOrdinal: number,
): BankItem {
  const r = rngOf(seed, `${key}:item`);
  // A generator practising its grade's grammar in a lesson of other points: the lesson's points.
  const own = lesson.kps.filter((k) => d.kps.includes(k.code));
  const kps = own.length ? own : lesson.kps;
  // Written on an evening or a weekend, between a week and two and a half years ago.
  const day = today - (7 + r.int(900)) * DAY;
  const weekendWork = !schoolDay(day);
  const createdAt = at(
    day,
    weekendWork ? 9 + r.next() * 12 : r.chance(0.3) ? 12 + r.next() * 1.5 : 19 + r.next() * 3.5,
  );
  const year = new Date(createdAt + 8 * 3_600_000).getUTCFullYear();
  const source = sourceOf(r, lesson, author, year);
  const [share, shareRequested, shareStatus] = demoOrdinal ? demoShare(demoOrdinal) : shareOf(r.next());
  return {
    id: stableId(`${seed}:item:${key}`, createdAt),
    lesson,
    draft: d.draft,
    content: d.draft.content,
    stemText: text,
    kpIds: kps.map((k) => k.id),
    kpNames: kps.map((k) => k.name),
    level: d.draft.level,
    difficulty:
      Math.round(Math.min(0.92, Math.max(0.15, d.draft.difficulty + (r.next() - 0.5) * 0.08)) * 100) / 100,
    score: d.draft.score,
    seconds: d.draft.seconds,
    source: source.text,
    year: source.year,
    author,
    share,
    shareRequested,
    shareStatus,
    shareNote: shareStatus === 'returned' ? r.pick(RETURN_NOTES) : null,
    createdAt,
  };
}

const RETURN_NOTES = [
  '请补充解析后再申请',
  '题干表述不够严谨，请修改',
  '与已共享的试题重复',
  '答案有误，请核对',
];

type Share = [TShareLevel, TShareLevel | null, TShareStatus];

/** Most items are shared after review; some stay private; a few wait for review or came back. */
function shareOf(x: number): Share {
  if (x < 0.36) return ['city', null, 'approved'];
  if (x < 0.6) return ['district', null, 'approved'];
  if (x < 0.82) return ['school', null, 'approved'];
  if (x < 0.94) return ['private', null, 'none'];
  if (x < 0.985) return ['private', x < 0.96 ? 'school' : x < 0.975 ? 'district' : 'city', 'pending'];
  return ['private', null, 'returned'];
}

/** The demo teacher's own items: most shared with her school, three private, one waiting for the district. */
const demoShare = (k: number): Share =>
  k === 1
    ? ['private', 'district', 'pending']
    : k <= 4
      ? ['private', null, 'none']
      : ['school', null, 'approved'];

/** 原创, from a district exam (2025 年海珠区七年级期末), adapted from the textbook, or the school's own homework. */
function sourceOf(
  r: ReturnType<typeof rngOf>,
  l: BankLesson,
  a: BankAuthor,
  year: number,
): { text: string; year: number } {
  const x = r.next();
  if (x < 0.45) return { text: '原创', year };
  if (x < 0.8) {
    const y = year - r.int(2);
    const exam = r.pick(['期中', '期末']);
    const grade = YEAR_NAMES[l.grade] ?? '';
    return {
      text:
        l.grade === '23' && r.chance(0.3)
          ? `${y} 年广州市中考（改编）`
          : `${y} 年${a.district}${grade}${exam}`,
      year: y,
    };
  }
  if (x < 0.9)
    return {
      text: `人教版${YEAR_NAMES[l.grade]}${l.term === 1 ? '上' : '下'}册第 ${l.unitNo} 单元练习（改编）`,
      year,
    };
  return { text: '校本作业', year };
}

/** A stable check that the plan did not change (for the demo test). */
export const planFingerprint = (items: BankItem[]) =>
  hashText(items.map((i) => `${i.id}|${i.stemText}|${i.author.id}|${i.share}|${i.difficulty}`).join('\n'));

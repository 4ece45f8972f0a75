/**
 * The demo bank's 语文 items of a lesson: a writing task for 习作 and 写作 lessons; 默写, sources,
 * themes and word meanings for the classical poems and prose a lesson teaches; 名著 for the
 * lessons from the great novels; and for the other lessons, language knowledge chosen by the
 * lesson's knowledge points, with a reading comprehension now and then. Pure.
 */
import type { Rng } from '../../demo/prng.ts';
import { type BankLesson, isJunior, type LessonDraft } from './demo-bank-lesson.ts';
import { novels, poemFill, poemSource, poemTheme, proseFill, proseGloss } from './demo-chinese-classics.ts';
import {
  type CnGen,
  connectives,
  exposition,
  figures,
  idiomBlanks,
  idioms,
  phrases,
  punctuation,
  readings,
  rhetorical,
  spellings,
} from './demo-chinese-gens.ts';
import { classicsOf } from './demo-chinese-poems.data.ts';
import { readingComposite, writing } from './demo-chinese-writing.ts';
import type { Draft } from './demo-item-kit.ts';

/** Language-knowledge generators by what a knowledge point's name speaks of. */
const BY_NAME: [RegExp, CnGen][] = [
  [/比喻|拟人|排比|修辞/, figures],
  [/成语/, idioms],
  [/冒号|引号|标点/, punctuation],
  [/反问/, rhetorical],
  [/说明方法|说明文|说明对象/, exposition],
  [/短语|词性|句子成分/, phrases],
  [/名著|古典名著/, novels],
];

const NOVEL_LESSONS = /西游记|水浒传|景阳冈|草船借箭|猴王出世|红楼春趣|三顾茅庐|智取生辰纲|刘姥姥/;

export function chineseDrafts(r: Rng, lesson: BankLesson, n: number): LessonDraft[] {
  const junior = isJunior(lesson.grade);
  const codes = lesson.kps.map((k) => k.code);
  const out: LessonDraft[] = [];
  const add = (d: Draft | undefined, kps = codes) => {
    if (d) out.push({ draft: d, kps });
  };
  const topic = /^(习作|写作)：(.*)$/.exec(lesson.title)?.[2];
  if (topic) {
    add(writing(r, junior, topic));
    return out;
  }
  const { poems, prose } = classicsOf(lesson.title);
  for (const poem of poems) {
    add(poemFill(r, poem));
    if (r.chance(0.5)) add(r.chance(0.5) ? poemSource(r, poem) : poemTheme(r, poem));
  }
  for (const text of prose) {
    if (text.sentences.length) add(proseFill(r, text.sentences, text.source));
    if (text.glosses.length) add(proseGloss(r, text.glosses));
  }
  if (out.length >= n) return out.slice(0, Math.max(n, poems.length));
  const gens: CnGen[] = [readings, spellings, idiomBlanks];
  for (const k of lesson.kps)
    for (const [re, gen] of BY_NAME) if (re.test(k.name) && !gens.includes(gen)) gens.push(gen, gen);
  if (NOVEL_LESSONS.test(lesson.title)) gens.push(novels, novels);
  if (!junior) gens.push(connectives);
  if (junior) gens.push(idioms);
  const reads = lesson.kps.some((k) => k.strand === '阅读与鉴赏');
  while (out.length < n) {
    if (reads && r.chance(0.12)) add(readingComposite(r, junior));
    else add(r.pick(gens)(r, junior));
  }
  return out;
}

/**
 * The printed conventions of Chinese papers, as patterns on a line's text: section headings
 * (一、选择题 / Ⅱ. 完形填空), question numbers (1. 1． 1、), sub-questions (（1）), options (A. A．
 * A、 (A)), the answer section (参考答案 / 答案与解析), inline keys (【答案】【解析】) and scores.
 */
import type { ItemType } from '../item-model.ts';
import { IMAGE_CHAR, MATH_CHAR } from './segments.ts';

export interface SectionInfo {
  title: string;
  /** The item type the heading announces, if it does. */
  hint?: ItemType;
  perItem?: number;
  perBlank?: number;
  total?: number;
}

const NUM = '(\\d+(?:\\.\\d+)?)';
const SECTION =
  /^(?:第\s*[一二三四五六七八九十]+\s*部分|[一二三四五六七八九十]{1,3}\s*[、.．]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ]{1,3}\s*[、.．]?|(?:IX|IV|VI{0,3}|I{1,3}|X{1,2})\s*[.．、])\s*(.+)$/;
const CJK = /[\u3400-\u9fff]/;

/** A section heading: its title and what it announces; undefined when the line is not one. */
export function sectionHeading(text: string): SectionInfo | undefined {
  const t = text.trim();
  const m = SECTION.exec(t);
  if (!m) return undefined;
  // An ASCII Roman numeral also starts English sentences ("I. …" is rare, "I like" is not matched).
  if (/^[IVX]/.test(t) && !CJK.test(m[1]!)) return undefined;
  if (t.length > 120) return undefined;
  return { title: t, ...announced(t) };
}

/** What a heading (or an answer-section heading) says about type and scores. */
export function announced(t: string): Omit<SectionInfo, 'title'> {
  const out: Omit<SectionInfo, 'title'> = {};
  if (/多项选择|多选|不定项/.test(t)) out.hint = 'multiple_choice';
  else if (/判断/.test(t)) out.hint = 'true_false';
  else if (/完形|阅读|材料分析/.test(t)) out.hint = 'composite';
  else if (/作文|习作|写作|书面表达/.test(t)) out.hint = 'essay';
  else if (/选择|单选/.test(t)) out.hint = 'single_choice';
  else if (/填空|默写|看拼音|写词语|补全/.test(t)) out.hint = 'fill_in';
  else if (/解答|计算|简答|问答|应用|证明|探究|综合|实验/.test(t)) out.hint = 'short_answer';
  const per = new RegExp(`每(?:小)?题\\s*${NUM}\\s*分`).exec(t);
  const blank = new RegExp(`每空\\s*${NUM}\\s*分`).exec(t);
  const total =
    new RegExp(`(?:共|满分|计)\\s*${NUM}\\s*分`).exec(t) ??
    new RegExp(`[（(]\\s*${NUM}\\s*分\\s*[）)]`).exec(t);
  if (per) out.perItem = Number(per[1]);
  if (blank) out.perBlank = Number(blank[1]);
  if (total) out.total = Number(total[1]);
  return out;
}

/** The heading of the answer section. */
export const isKeyHeading = (text: string) =>
  /^[【[]?\s*(参考答案|答案与解析|答案及解析|答案和解析|试题答案|试卷答案|答案)(与|及|和)?(评分标准|评分参考|评分细则|解析)?\s*[】\]]?\s*[:：]?$/.test(
    text.replace(/[\s\u3000]+/g, ''),
  );

/** A question number at the start of a line: `7．` `7.` `7、` (not `1.5`). */
export function questionNumber(text: string): { n: number; end: number } | undefined {
  const m = /^[\s\u3000]*(\d{1,3})[\s\u3000]*(?:[．、]|\.(?!\d)|[:：](?!\d))/.exec(text);
  return m ? { n: Number(m[1]), end: m[0].length } : undefined;
}

/** A sub-question marker at the start of a line: `（1）` `(2)`. */
export function subNumber(text: string): { n: number; end: number } | undefined {
  const m = /^[\s\u3000]*[（(][\s\u3000]*(\d{1,2})[\s\u3000]*[)）]/.exec(text);
  return m ? { n: Number(m[1]), end: m[0].length } : undefined;
}

/** A passage heading inside a section: `（一）` `(二)`, or a lone `A` / `B` over an English passage. */
export const isPassageHeading = (text: string) =>
  /^[\s\u3000]*[（(][一二三四五六七八九十]{1,2}[)）]/.test(text) ||
  /^[\s\u3000]*[A-F][\s\u3000]*$/.test(text);

/** Inline key markers: 【答案】 / 答案： and 【解析】 / 【分析】 / 解析： …; `answer` or `explanation`. */
export const KEY_MARK =
  /[【[][\s\u3000]*(答案|参考答案|解析|分析|详解|点睛|点评|考点|思路|解答|评分标准|评分细则)[\s\u3000]*[】\]]|^[\s\u3000]*(答案|解析|分析)[\s\u3000]*[:：]/g;
export const markKind = (word: string): 'answer' | 'explanation' =>
  word === '答案' || word === '参考答案' ? 'answer' : 'explanation';

const BEFORE_OPEN = new RegExp(`[\\s\\u3000\\t${MATH_CHAR}${IMAGE_CHAR}]`);

/**
 * Where the option `letter` is marked in `text` at or after `from`: `A.` `A．` `A、` `A:` `(A)` `（A）`.
 * A marker with an ASCII dot or colon must stand after a space, a tab or a formula (so "Mr. B. Smith"
 * or "3.A" are not options); full-width and bracketed markers may follow any character but a letter.
 */
export function findOption(
  text: string,
  letter: string,
  from: number,
): { at: number; end: number } | undefined {
  const re = new RegExp(
    `[（(][\\s\\u3000]*${letter}[\\s\\u3000]*[)）]|${letter}[\\s\\u3000]*([．、]|[.:：](?!\\d))`,
    'g',
  );
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const prev = m.index > 0 ? text[m.index - 1]! : '';
    const ascii = m[1] === '.' || m[1] === ':';
    const ok = !prev || BEFORE_OPEN.test(prev) || (!ascii && !/[A-Za-z]/.test(prev));
    if (ok) return { at: m.index, end: m.index + m[0].length };
  }
  return undefined;
}

export const nextLetter = (letter: string) => String.fromCharCode(letter.charCodeAt(0) + 1);

/** A score stated in a stem: `（8 分）` `(本题 12 分)` `（满分 10 分）`. */
export const STEM_SCORE = new RegExp(
  `[（(][\\s\\u3000]*(?:本(?:小)?题)?(?:满分)?[\\s\\u3000]*${NUM}[\\s\\u3000]*分[\\s\\u3000]*[）)]`,
);

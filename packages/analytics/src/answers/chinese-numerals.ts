/**
 * Chinese numerals as children write them in maths answers: 一千零五 (1005), 一千五 (1500, the
 * spoken abbreviation), 两万三 (23000), 十五, 三点一四, 二〇二六, 壹佰, and Arabic digits mixed with
 * the large units (1.5万, 3万5千). Strict enough that nonsense (十十, 五五十) is not a number: a
 * wrong answer must never become right by accident.
 */
import { add, integer, mul, type Num, ratio } from './rational.ts';

const DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  两: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};

const SMALL_UNIT: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const LARGE_UNIT: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

/** Characters a Chinese numeral may contain (with 点 for the decimal point). */
export function isChineseNumeralChar(ch: string): boolean {
  return (
    DIGIT[ch] !== undefined || SMALL_UNIT[ch] !== undefined || LARGE_UNIT[ch] !== undefined || ch === '点'
  );
}

function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** An unsigned Arabic decimal `12`, `1.5` at `i`; returns its end and value, or null. */
function arabicAt(s: string, i: number, end: number): { end: number; value: Num } | null {
  let j = i;
  while (j < end && isAsciiDigit(s.charCodeAt(j))) j++;
  if (j === i) return null;
  let k = j;
  if (k < end && s[k] === '.') {
    k++;
    while (k < end && isAsciiDigit(s.charCodeAt(k))) k++;
    if (k === j + 1) return null;
  }
  const text = s.slice(i, k);
  const dot = text.indexOf('.');
  const digits = dot < 0 ? text : text.slice(0, dot) + text.slice(dot + 1);
  if (digits.length > 15) return null;
  const value = ratio(Number(digits), dot < 0 ? 1 : 10 ** (text.length - dot - 1));
  return value && { end: k, value };
}

/**
 * Parses `s[start, end)` as a Chinese numeral (an integer with an optional 点 fraction); null when
 * it is not one. Digits-only spellings (二〇二六, 一五) are read positionally.
 */
export function parseChineseNumeral(s: string, start: number, end: number): Num | null {
  if (start >= end) return null;
  let point = s.indexOf('点', start);
  if (point >= end) point = -1;
  if (point < 0) return parseInteger(s, start, end);
  if (point === start || point === end - 1 || end - point - 1 > 15) return null;
  const whole = parseInteger(s, start, point);
  if (!whole) return null;
  // After 点 the digits are read one by one: 三点一四 = 3.14.
  let digits = 0;
  for (let i = point + 1; i < end; i++) {
    const d = DIGIT[s[i]!];
    if (d === undefined || s[i] === '两') return null;
    digits = digits * 10 + d;
  }
  const fraction = ratio(digits, 10 ** (end - point - 1));
  return fraction && add(whole, fraction);
}

function parseInteger(s: string, start: number, end: number): Num | null {
  // All digits (no 十百千万亿): positional, as a year or a phone number is read out.
  let positional = true;
  for (let i = start; i < end; i++) {
    if (DIGIT[s[i]!] === undefined || s[i] === '两') {
      positional = false;
      break;
    }
  }
  if (positional) {
    if (end - start > 15) return null;
    let v = 0;
    for (let i = start; i < end; i++) v = v * 10 + DIGIT[s[i]!]!;
    return integer(v);
  }
  return parseGrouped(s, start, end);
}

/**
 * The grouped form: sections below 万 of digit × 千/百/十 with 零 for a gap, joined by 万 and 亿.
 * An Arabic number may stand where a digit stands (3万5千, 1.5万).
 */
function parseGrouped(s: string, start: number, end: number): Num | null {
  let total: Num = integer(0)!;
  let section: Num = integer(0)!;
  let digit: Num | null = null; // the digit waiting for its unit
  let lastSmall = 10_000; // the last small unit in this section; units must fall
  let lastLarge = Number.POSITIVE_INFINITY;
  let zeroSeen = false; // 零 just before the current digit: 一千零五 is 1005, not 1500
  let afterUnit = 0; // the unit right before a trailing digit, for 一千五 = 1500
  let i = start;
  while (i < end) {
    const ch = s[i]!;
    const code = s.charCodeAt(i);
    if (isAsciiDigit(code)) {
      if (digit !== null) return null;
      const a = arabicAt(s, i, end);
      if (!a) return null;
      digit = a.value;
      i = a.end;
      continue;
    }
    if (ch === '零' || ch === '〇') {
      if (digit !== null) return null;
      zeroSeen = true;
      afterUnit = 0;
      i++;
      continue;
    }
    const d = DIGIT[ch];
    if (d !== undefined) {
      if (digit !== null) return null;
      digit = integer(d)!;
      i++;
      continue;
    }
    const small = SMALL_UNIT[ch];
    if (small !== undefined) {
      if (small >= lastSmall) return null;
      // 十五 and 十万: a leading 十 means one ten; elsewhere a unit needs its digit.
      let times = digit;
      if (times === null) {
        const atSectionStart = section.v === 0 && lastSmall === 10_000 && !zeroSeen;
        if (small !== 10 || !atSectionStart) return null;
        times = integer(1)!;
      }
      const part = mul(times, integer(small)!);
      const sum = part && add(section, part);
      if (!sum) return null;
      section = sum;
      digit = null;
      lastSmall = small;
      afterUnit = zeroSeen ? 0 : small;
      zeroSeen = false;
      i++;
      continue;
    }
    const large = LARGE_UNIT[ch];
    if (large !== undefined) {
      const group = digit ? add(section, digit) : section;
      if (!group) return null;
      let next: Num | null;
      if (large === 1e8) {
        // 亿 multiplies everything before it (三万五千亿), but not twice (亿亿).
        if (lastLarge === 1e8) return null;
        const all = add(total, group);
        next = all && all.v !== 0 ? mul(all, integer(1e8)!) : null;
      } else {
        if (lastLarge <= 1e4 || group.v === 0) return null;
        const scaled = mul(group, integer(1e4)!);
        next = scaled && add(total, scaled);
      }
      if (!next) return null;
      total = next;
      section = integer(0)!;
      digit = null;
      lastSmall = 10_000;
      lastLarge = large;
      afterUnit = large;
      zeroSeen = false;
      i++;
      continue;
    }
    return null;
  }
  if (digit !== null) {
    // 一千五: a bare trailing digit after a unit counts in the next unit down (1500), unless 零
    // stood between them (一千零五 = 1005).
    const scale = afterUnit >= 10 && !zeroSeen ? afterUnit / 10 : 1;
    const part = mul(digit, integer(scale)!);
    const withDigit = part && add(section, part);
    if (!withDigit) return null;
    section = withDigit;
  } else if (zeroSeen) {
    return null; // a trailing 零 (一千零) is not how a number ends
  }
  return add(total, section);
}

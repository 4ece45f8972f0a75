/**
 * Numbers in fill-in answers, as Chinese pupils write them: 0.5 .5 1/2 二分之一 3分之2 50% 百分之五十,
 * −3 负三分之二, mixed numbers 1又1/2 1 1/2 1½ 一又二分之一, Chinese numerals 一千零五 两万三 1.5万,
 * scientific notation 1.5e3 1.5×10³, thousands separators 12,345 12 345, optionally followed by a
 * unit (5cm, 5 厘米, 1米20厘米, 1元5角). Every parse is exact where the value is a fraction of safe
 * integers, so 1/3 ≠ 0.333.
 */
import { isChineseNumeralChar, parseChineseNumeral } from './chinese-numerals.ts';
import { fold } from './fold.ts';
import { add, div, integer, mul, type Num, negate, powerOfTen, ratio } from './rational.ts';
import { conversion, LONGEST_UNIT, lookupUnit } from './units.ts';

/** Longer answers are not numbers; refusing them early bounds the work on any input. */
export const MAX_NUMBER_CHARS = 100;

/** A parsed number: its value (exact `n/d` when `exact`, always `v`) and the unit as written, if any. */
export interface ParsedNumber {
  value: Num;
  /** The unit after the number as written (folded: 厘米, cm, %, m^2), or null. */
  unit: string | null;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Digits of `s[i, end)` with `sep` between groups of three (12,345 or 12 345), or plain digits. */
function digitsAt(s: string, i: number, end: number): { end: number; digits: string } | null {
  let j = i;
  while (j < end && isDigit(s.charCodeAt(j))) j++;
  if (j === i) return { end: i, digits: '' };
  let digits = s.slice(i, j);
  const sep = s[j];
  if ((sep === ',' || sep === ' ') && j - i <= 3 && j + 4 <= end && isDigit(s.charCodeAt(j + 1))) {
    // Thousands groups: every group after the first has exactly three digits; a space groups only
    // when no fraction follows (1 1/2 is a mixed number, not 11/2).
    let k = j;
    let grouped = digits;
    while (k < end && s[k] === sep) {
      const g = s.slice(k + 1, k + 4);
      if (g.length !== 3 || !/^\d{3}$/.test(g)) return null;
      if (k + 4 < end && isDigit(s.charCodeAt(k + 4))) return null;
      grouped += g;
      k += 4;
    }
    if (sep === ' ' && s[k] === '/') return { end: j, digits };
    digits = grouped;
    j = k;
  }
  return { end: j, digits };
}

/** An unsigned Arabic number filling `s[i, end)`: 12, 12,345.5, .5, 1.5e3, 1.5*10^-3, 10^6. */
function arabic(s: string, i: number, end: number): Num | null {
  const whole = digitsAt(s, i, end);
  if (!whole) return null;
  let j = whole.end;
  let fraction = '';
  if (s[j] === '.') {
    let k = j + 1;
    while (k < end && isDigit(s.charCodeAt(k))) k++;
    fraction = s.slice(j + 1, k);
    if (fraction === '') return null;
    j = k;
  }
  if (whole.digits === '' && fraction === '') return null;
  const all = whole.digits + fraction;
  const significant = all.replace(/^0+/, '');
  let mantissa =
    significant.length <= 15
      ? ratio(Number(all), 10 ** fraction.length)
      : ratio(Number(`${whole.digits || 0}.${fraction || 0}`), 1);
  if (!mantissa) return null;
  if (j === end) return mantissa;
  // Exponent: e3, E-3, *10^3, x10^3 (× and ⋅ arrive folded as '*').
  let k = j;
  if (s[k] === 'e' || s[k] === 'E') k++;
  else if (s[k] === '*' || s[k] === 'x' || s[k] === 'X') {
    let m = k + 1;
    if (s[m] === ' ') m++;
    if (s.slice(m, m + 3) !== '10^') return null;
    k = m + 3;
  } else if (s[k] === '^' && all === '10' && fraction === '') {
    mantissa = integer(1)!;
    k++;
  } else return null;
  let negative = false;
  if (s[k] === '-' || s[k] === '+') {
    negative = s[k] === '-';
    k++;
  }
  const start = k;
  while (k < end && isDigit(s.charCodeAt(k))) k++;
  if (k !== end || k === start || k - start > 3) return null;
  const exponent = Number(s.slice(start, k));
  const power = powerOfTen(negative ? -exponent : exponent);
  return power && mul(mantissa, power);
}

function trimmed(s: string, i: number, end: number): [number, number] {
  while (i < end && s[i] === ' ') i++;
  while (end > i && s[end - 1] === ' ') end--;
  return [i, end];
}

/** An unsigned number without a fraction bar: Arabic, Chinese, or 半. */
function simple(s: string, i: number, end: number): Num | null {
  [i, end] = trimmed(s, i, end);
  if (i >= end) return null;
  if (end - i === 1 && s[i] === '半') return ratio(1, 2);
  if (end - i === 2 && s[i] === '一' && s[i + 1] === '半') return ratio(1, 2);
  for (let k = i; k < end; k++) {
    if (isChineseNumeralChar(s[k]!)) return parseChineseNumeral(s, i, end);
  }
  return arabic(s, i, end);
}

/** An unsigned fraction: a/b or X分之Y (both sides simple numbers), or a simple number. */
function fractionOrSimple(s: string, i: number, end: number): Num | null {
  const slash = s.indexOf('/', i);
  if (slash >= 0 && slash < end) {
    const top = simple(s, i, slash);
    const bottom = simple(s, slash + 1, end);
    return top && bottom && div(top, bottom);
  }
  const of = s.indexOf('分之', i);
  if (of >= 0 && of < end) {
    const bottom = simple(s, i, of);
    const top = simple(s, of + 2, end);
    return top && bottom && div(top, bottom);
  }
  return simple(s, i, end);
}

/** A whole number and a fraction: 1又1/2, 一又二分之一, 1 1/2. */
function mixed(s: string, i: number, end: number): Num | null {
  let cut = s.indexOf('又', i);
  let skip = 1;
  if (cut < 0 || cut >= end) {
    const space = s.indexOf(' ', i);
    const slash = s.indexOf('/', i);
    if (space < 0 || space >= end || slash < space || slash >= end) return fractionOrSimple(s, i, end);
    cut = space;
    skip = 1;
  }
  const whole = simple(s, i, cut);
  const part = fractionOrSimple(s, cut + skip, end);
  if (!whole || !part || !whole.exact || whole.d !== 1 || part.v <= 0 || part.v >= 1) return null;
  return add(whole, part);
}

/** A signed number with no unit, or 百分之/千分之 with its unit; null when `s[i, end)` is not one. */
export function parseBare(s: string, i: number, end: number): ParsedNumber | null {
  [i, end] = trimmed(s, i, end);
  let negative = false;
  if (s[i] === '-' || s[i] === '+' || s[i] === '负' || s[i] === '正') {
    negative = s[i] === '-' || s[i] === '负';
    i++;
    if (s[i] === ' ') i++;
  }
  if (i >= end) return null;
  let unit: string | null = null;
  if ((s[i] === '百' || s[i] === '千') && s[i + 1] === '分' && s[i + 2] === '之') {
    unit = s[i] === '百' ? '%' : '‰';
    i += 3;
  }
  const value = mixed(s, i, end);
  if (!value) return null;
  return { value: negative ? negate(value) : value, unit };
}

/** The longest unit spelling starting at `q`, or null. */
function unitAt(s: string, q: number, end: number): string | null {
  for (let length = Math.min(LONGEST_UNIT, end - q); length > 0; length--) {
    const spelling = s.slice(q, q + length);
    if (lookupUnit(spelling)) return spelling;
  }
  return null;
}

/**
 * Number-unit pairs with known units: 5cm, 1.5 米, 1米20厘米, 1元5角, 1时30分. A compound comes out
 * in its last unit (120 厘米). Null when `s` is not such a sequence.
 */
function withKnownUnits(s: string): ParsedNumber | null {
  let total: Num | null = null;
  let lastUnit: string | null = null;
  let position = 0;
  for (let segment = 0; position < s.length && segment < 4; segment++) {
    let found: { q: number; unit: string; value: Num } | null = null;
    for (let q = s.length - 1; q > position && !found; q--) {
      const unit = unitAt(s, q, s.length);
      if (!unit) continue;
      const bare = parseBare(s, position, q);
      if (bare && bare.unit === null) found = { q, unit, value: bare.value };
    }
    if (!found) return null;
    if (total === null) total = found.value;
    else {
      // Later parts are smaller units of the same quantity, unsigned: 1米20厘米, not 1厘米2米.
      const factor = conversion(lastUnit!, found.unit);
      if (!factor || factor.v <= 1 || found.value.v < 0 || total.v < 0) return null;
      const scaled = mul(total, factor);
      total = scaled && add(scaled, found.value);
      if (!total) return null;
    }
    lastUnit = found.unit;
    position = found.q + found.unit.length;
    while (s[position] === ' ') position++;
  }
  return total && position === s.length ? { value: total, unit: lastUnit } : null;
}

/** A number followed by a unit the table does not know (5个, 3 apples): the unit is kept as written. */
function withOtherUnit(s: string): ParsedNumber | null {
  for (let q = 1; q < s.length; q++) {
    const ch = s[q]!;
    if (ch === ' ' || isDigit(s.charCodeAt(q)) || isChineseNumeralChar(ch) || '.,/又分之半'.includes(ch))
      continue;
    const bare = parseBare(s, 0, q);
    const unit = s.slice(q).trim();
    // A unit starts with a letter and has no digit (20厘米1米 is a compound the table could not read)
    // and no numeral (五或六 is two answers).
    if (!bare || bare.unit !== null || !/^\p{L}/u.test(unit) || /\d/.test(unit)) return null;
    for (const c of unit) if (isChineseNumeralChar(c)) return null;
    return { value: bare.value, unit };
  }
  return null;
}

const TRAILING = new Set(['.', '。', ',', ';', '!', '?']);

/**
 * Parses an answer as a number with an optional unit; null when it is not one. Never throws; inputs
 * longer than `MAX_NUMBER_CHARS` are refused at once.
 */
export function parseNumber(answer: string): ParsedNumber | null {
  if (typeof answer !== 'string' || answer.length > MAX_NUMBER_CHARS) return null;
  // Spaces around operators are layout (1 / 2, 1.5 × 10³); the space of 1 1/2 and 12 345 stays.
  let s = fold(answer).replace(/ ?([*^/又]) ?/g, '$1');
  // A full stop after the number (5cm。) and brackets round it ((−3)) are not part of it.
  while (s.length > 0 && TRAILING.has(s[s.length - 1]!)) s = s.slice(0, -1).trimEnd();
  if (s.length > 2 && s[0] === '(' && s[s.length - 1] === ')') s = s.slice(1, -1).trim();
  if (s.length === 0) return null;
  if (s[0] === '¥') {
    const rest = parseBare(s, 1, s.length);
    return rest && rest.unit === null ? { value: rest.value, unit: '元' } : null;
  }
  return parseBare(s, 0, s.length) ?? withKnownUnits(s) ?? withOtherUnit(s);
}

/** Re-exported for the matcher: how many `to` one `from` is. */
export { conversion };

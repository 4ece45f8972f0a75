/**
 * Text normalisation for comparing a fill-in answer with the key: after `fold`, letters are
 * lower-cased (unless the blank is case-sensitive), sentence punctuation goes (，。、“”《》 and
 * their ASCII twins), and a space survives only between two letters of an alphabetic script or two
 * digits, so 春 眠 = 春眠 and x + y = x+y, while "New York" ≠ "NewYork" and "1 2" ≠ "12". In
 * simple algebra × · * are one operator, written by juxtaposition before a letter or a bracket
 * (2×x = 2*x = 2x, a·b = ab), and ÷ is /, − is -, ² is ^2.
 *
 * Punctuation that carries a meaning between digits stays: 3.14 (not 314), 1,2 and 3:4. A removed
 * mark counts as a space, so "1'2" cannot turn into "12".
 */
import { fold } from './fold.ts';

export interface NormaliseOptions {
  /** Keep letter case (a blank keyed `caseSensitive`). */
  caseSensitive?: boolean;
  /** Keep sentence punctuation: for keys that are punctuation (用标点填空: key "？"). */
  keepPunctuation?: boolean;
}

const REMOVABLE = new Set([
  ',',
  '.',
  ';',
  ':',
  '!',
  '?',
  '"',
  "'",
  '`',
  '。',
  '“',
  '”',
  '《',
  '》',
  '〈',
  '〉',
  '「',
  '」',
  '『',
  '』',
  '…',
  '‥',
  '〃',
  '·',
]);

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

/**
 * Letters of the alphabetic scripts students write here (Latin with accents, Greek, Cyrillic), and
 * the combining marks that stay on a letter when no precomposed form exists (x̄).
 */
function isAlphabetic(c: number): boolean {
  return (
    isAsciiLetter(c) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x300 && c <= 0x4ff)
  );
}

function isOperand(c: number): boolean {
  return isDigit(c) || isAsciiLetter(c);
}

function hasCombiningMark(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x300 && c <= 0x36f) return true;
  }
  return false;
}

/** Whether a removable mark at `i` of `s` carries a meaning where it stands. */
function keepsMeaning(s: string, i: number, previous: number): boolean {
  const ch = s[i];
  const next = i + 1 < s.length ? s.charCodeAt(i + 1) : -1;
  switch (ch) {
    case '.':
      return isDigit(next); // 3.14, .5
    case ',':
    case ':':
      return isDigit(previous) && isDigit(next); // 1,000  3:4  8:30
    case "'":
      return isAsciiLetter(previous) && isAsciiLetter(next); // don't, A'B'
    case '!':
      return isDigit(previous) || previous === 0x29; // 5! (n)!
    default:
      return false;
  }
}

/**
 * The comparable form of an answer or an accepted answer (see the file comment). Linear in the
 * length of `s`; never throws.
 */
export function normaliseText(s: string, options?: NormaliseOptions): string {
  if (typeof s !== 'string') return '';
  let folded = fold(s);
  if (!options?.caseSensitive) {
    const lower = folded.toLowerCase();
    // Lower-casing can add a combining mark (İ → i̇), which `fold` composes; fold again so that a
    // normalised text normalises to itself.
    folded = lower !== folded && hasCombiningMark(lower) ? fold(lower) : lower;
  }
  const keepPunctuation = options?.keepPunctuation === true;
  let out = '';
  let previous = -1; // last code unit written
  let pendingSpace = false;
  for (let i = 0; i < folded.length; i++) {
    const ch = folded[i]!;
    const c = folded.charCodeAt(i);
    if (c === 0x20) {
      pendingSpace = true;
      continue;
    }
    let piece = ch;
    const next = folded[i + 1];
    if (next === '=' && (ch === '<' || ch === '>' || ch === '!')) {
      piece = ch === '<' ? '≤' : ch === '>' ? '≥' : '≠';
      i++;
    } else if (ch === '·') {
      // A middle dot between operands is multiplication (a·b); elsewhere it is a name separator
      // (列夫·托尔斯泰) and goes.
      const nextCode = i + 1 < folded.length ? folded.charCodeAt(i + 1) : -1;
      if ((isOperand(previous) || previous === 0x29) && (isOperand(nextCode) || nextCode === 0x28))
        piece = '*';
      else if (!keepPunctuation) {
        pendingSpace = true;
        continue;
      }
    } else if (!keepPunctuation && REMOVABLE.has(ch) && !keepsMeaning(folded, i, previous)) {
      pendingSpace = true;
      continue;
    }
    const first = piece.charCodeAt(0);
    if ((isAsciiLetter(first) || first === 0x28) && previous === 0x2a && out.length >= 2) {
      // Multiplication before a letter or a bracket is written by juxtaposition (2x, ab, 2(a+b)), so
      // 2*x, 2×x and 2x compare equal; between digits (2×3) it stays. Decided on the output, so a
      // second pass finds nothing left to join.
      const before = out.charCodeAt(out.length - 2);
      if (isOperand(before) || before === 0x29) {
        out = out.slice(0, -1);
        previous = before;
        pendingSpace = false;
      }
    }
    if (pendingSpace && out.length > 0) {
      if ((isAlphabetic(previous) && isAlphabetic(first)) || (isDigit(previous) && isDigit(first)))
        out += ' ';
    }
    pendingSpace = false;
    out += piece;
    previous = piece.charCodeAt(piece.length - 1);
  }
  return out;
}

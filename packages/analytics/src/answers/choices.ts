/**
 * Choice and true/false answers that arrive as text (an answer sheet typed in, a spreadsheet of
 * offline answers, an old client): "A,C", "CA", "ａ、ｃ", "A和C" are the choices {A, C}; √ 对 T
 * are true and × 错 F false.
 */
import { fold } from './fold.ts';

const SEPARATORS = new Set([' ', ',', ';', '/', '、', '和', '与', '及', '.', '。']);

/**
 * The option letters in `text`, upper-case, each once, in alphabetical order; null when `text`
 * holds anything but letters and separators. An empty text gives [].
 */
export function parseChoiceLetters(text: string): string[] | null {
  if (typeof text !== 'string' || text.length > 100) return null;
  const folded = fold(text).toUpperCase();
  const seen = new Set<string>();
  for (const ch of folded) {
    if (SEPARATORS.has(ch)) continue;
    if (ch < 'A' || ch > 'Z' || ch.length !== 1) return null;
    seen.add(ch);
  }
  return [...seen].sort();
}

const TRUE = new Set(['√', '✓', '✔', '对', '正确', '是', 't', 'true', 'yes', 'y', '真', 'right', 'correct']);
// × and ✕ arrive folded as '*'.
const FALSE = new Set(['*', '✗', '✘', '错', '错误', '否', '不对', 'f', 'false', 'no', 'n', '假', 'wrong']);

/** A true/false answer written as text; null when it is neither. */
export function parseJudgement(text: string): boolean | null {
  if (typeof text !== 'string' || text.length > 20) return null;
  const word = fold(text)
    .toLowerCase()
    .replace(/[ .。!！]/g, '');
  if (TRUE.has(word)) return true;
  if (FALSE.has(word)) return false;
  return null;
}

/**
 * Fill-in blanks in a stem and their answers: blanks are written as underscores (`____`), as
 * underlined spaces, or, in primary-school papers, as empty brackets `（　　）`.
 */
import type { z } from 'zod';
import type { blankKey } from '../item-model.ts';
import { type Block, type Line, makeLine, type Seg } from './segments.ts';

const UNDERSCORES = /_{3,}|＿{2,}/g;
const BRACKETS = /[（(][\s\u3000]{1,}[)）]/g;

const isUnderlinedSpace = (s: Seg) =>
  s.kind === 'text' && s.u && s.text.length >= 2 && !/\S/.test(s.text.replace(/\u3000/g, ' '));

/** True when a stem has underscore or underline blanks (then empty brackets are not blanks). */
export function hasLineBlanks(blocks: Block[]): boolean {
  return blocks.some(
    (b) =>
      b.kind === 'line' &&
      b.segs.some(
        (s) => isUnderlinedSpace(s) || (s.kind === 'text' && new RegExp(UNDERSCORES.source).test(s.text)),
      ),
  );
}

/** The stem with each blank as a `blank` segment (ids b1, b2 … in reading order), and their count. */
export function markBlanks(blocks: Block[], brackets: boolean): { blocks: Block[]; count: number } {
  let count = 0;
  const pattern = brackets ? BRACKETS : UNDERSCORES;
  const out = blocks.map((b): Block => {
    if (b.kind !== 'line') return b;
    const segs: Seg[] = [];
    for (const s of b.segs) {
      if (isUnderlinedSpace(s) && !brackets) {
        segs.push({ kind: 'blank', id: `b${++count}` });
        continue;
      }
      if (s.kind !== 'text') {
        segs.push(s);
        continue;
      }
      let at = 0;
      for (const m of s.text.matchAll(new RegExp(pattern.source, 'g'))) {
        segs.push({ ...s, text: s.text.slice(at, m.index) }, { kind: 'blank', id: `b${++count}` });
        at = m.index + m[0].length;
      }
      segs.push({ ...s, text: s.text.slice(at) });
    }
    return makeLine(segs, b.para, (b as Line).center);
  });
  return { blocks: out, count };
}

type BlankKey = z.input<typeof blankKey>;
const NUMBER = /^[+\-−]?\d+(?:\.\d+)?(?:\/\d+)?$/;
const NOTE = /[（(](?:答案不唯一|意思对即可|意近即可|合理即可|言之有理即可)[^）)]*[）)]/g;

/**
 * The answers of `count` blanks from a key's text: one piece per blank, separated by `；` or wide
 * spaces; `或` gives alternatives. Returns the keys and a problem to report, if any.
 */
export function blankAnswers(
  text: string,
  count: number,
): { keys: BlankKey[]; problem?: string; open: boolean } {
  const open = new RegExp(NOTE.source).test(text);
  // 漂亮（或美好）: an alternative in brackets.
  const clean = text
    .replace(NOTE, '')
    .replace(/[（(][\s\u3000]*或[\s\u3000]*([^（）()]+)[）)]/g, ' 或 $1')
    .trim();
  let pieces =
    count > 1 ? clean.split(/[\s\u3000]*[;；][\s\u3000]*|\s{2,}|\u3000+/).filter(Boolean) : [clean];
  if (count > 1 && pieces.length === 1) pieces = clean.split(/[，,、]\s*/).filter(Boolean);
  let problem: string | undefined;
  if (pieces.length !== count) problem = `有 ${count} 个空，答案有 ${pieces.length} 个`;
  const keys: BlankKey[] = [];
  for (let i = 0; i < count; i++) {
    const piece = i === count - 1 && pieces.length > count ? pieces.slice(i).join('；') : pieces[i];
    const accepted = (piece ?? '')
      .split(/\s*或\s*/)
      .map((a) => a.trim())
      .filter(Boolean);
    const numeric = accepted.length > 0 && accepted.every((a) => NUMBER.test(a));
    keys.push({
      id: `b${i + 1}`,
      accepted: accepted.length ? accepted : ['（待补充）'],
      ...(numeric ? { kind: 'number' as const } : {}),
    });
  }
  return { keys, problem, open };
}

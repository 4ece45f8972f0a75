/**
 * The importer's view of a document: blocks (a paragraph as one line, or a table) made of segments
 * (text, formulas, pictures, tabs, breaks). Patterns are matched on a line's `text`, where each
 * segment that is not text stands as one character, so a match maps back to segments exactly.
 */
import type { MathResult } from './omml.ts';

export type Seg =
  | { kind: 'text'; text: string; u?: boolean; b?: boolean; i?: boolean; va?: 'sup' | 'sub' }
  | { kind: 'math'; math: MathResult }
  | { kind: 'image'; key: string; width?: number; height?: number }
  | { kind: 'tab' }
  | { kind: 'break' }
  /** A fill-in blank, once the item is known to be a fill-in. */
  | { kind: 'blank'; id: string };

export interface Line {
  kind: 'line';
  /** The paragraph's number in the document (1-based, table cells included). */
  para: number;
  segs: Seg[];
  /** Segments as text: a formula is U+E000, a picture U+E001, a tab `\t`, a line break `\n`. */
  text: string;
  center?: boolean;
}

export interface TableBlock {
  kind: 'table';
  para: number;
  /** Rows of cells; each cell's paragraphs joined into one line with breaks. */
  rows: Line[][];
}

export type Block = Line | TableBlock;

export const MATH_CHAR = '\uE000';
export const IMAGE_CHAR = '\uE001';
export const BLANK_CHAR = '\uE002';

const segText = (s: Seg): string =>
  s.kind === 'text'
    ? s.text
    : s.kind === 'math'
      ? MATH_CHAR
      : s.kind === 'image'
        ? IMAGE_CHAR
        : s.kind === 'blank'
          ? BLANK_CHAR
          : s.kind === 'tab'
            ? '\t'
            : '\n';

export function makeLine(segs: Seg[], para: number, center?: boolean): Line {
  const merged: Seg[] = [];
  for (const s of segs) {
    const prev = merged.at(-1);
    if (
      s.kind === 'text' &&
      prev?.kind === 'text' &&
      prev.u === s.u &&
      prev.b === s.b &&
      prev.i === s.i &&
      prev.va === s.va
    ) {
      merged[merged.length - 1] = { ...prev, text: prev.text + s.text };
    } else if (s.kind !== 'text' || s.text) merged.push(s);
  }
  return { kind: 'line', para, segs: merged, text: merged.map(segText).join(''), center };
}

/** The segments covering `text` offsets [from, to) of a line (text segments are cut). */
export function sliceSegs(segs: Seg[], from: number, to = Number.POSITIVE_INFINITY): Seg[] {
  const out: Seg[] = [];
  let at = 0;
  for (const s of segs) {
    const len = s.kind === 'text' ? s.text.length : 1;
    const start = Math.max(from, at);
    const end = Math.min(to, at + len);
    if (end > start) out.push(s.kind === 'text' ? { ...s, text: s.text.slice(start - at, end - at) } : s);
    at += len;
  }
  return out;
}

/** A line cut to [from, to) and trimmed of surrounding spaces. */
export function subLine(line: Line, from: number, to?: number): Line {
  return trimLine(makeLine(sliceSegs(line.segs, from, to), line.para, line.center));
}

const SPACE = /^[\s\u3000]+|[\s\u3000]+$/g;

export function trimLine(line: Line): Line {
  const lead = /^[\s\u3000]*/.exec(line.text)![0].length;
  const trail = /[\s\u3000]*$/.exec(line.text)![0].length;
  if (!lead && !trail) return line;
  return makeLine(sliceSegs(line.segs, lead, line.text.length - trail), line.para, line.center);
}

/** Plain text: formulas as their linear text, pictures dropped, tabs as spaces. */
export function plain(segs: Seg[]): string {
  return segs
    .map((s) =>
      s.kind === 'math'
        ? s.math.text
        : s.kind === 'image' || s.kind === 'blank'
          ? ''
          : s.kind === 'tab'
            ? ' '
            : segText(s),
    )
    .join('')
    .replace(SPACE, '');
}

export const isBlank = (line: Line) => !/\S/.test(line.text.replace(/\u3000/g, ' '));

import type { Item, Paper } from './bank-api';

/** A draft's layout as the builder edits it and the server takes it (PATCH sections). */
export type Layout = {
  title: string;
  instructions?: string;
  items: { itemId: string; score: number; item: Item | null }[];
}[];

export const layoutOf = (p: Paper): Layout =>
  p.sections.map((s) => ({
    title: s.title,
    ...(s.instructions ? { instructions: s.instructions } : {}),
    items: s.items.map((i) => ({ itemId: i.itemId, score: i.score, item: i.item })),
  }));

export const bodyOf = (l: Layout) =>
  l.map((s) => ({
    title: s.title,
    ...(s.instructions ? { instructions: s.instructions } : {}),
    items: s.items.map((i) => ({ itemId: i.itemId, score: i.score })),
  }));

const NUMERALS = '一二三四五六七八九十';
/** The usual title of a section of one item type: 一、选择题. */
export const sectionTitle = (index: number, name: string) => `${NUMERALS[index] ?? index + 1}、${name}`;

/** Moves the item at (s, i) by `delta` places, across sections at their ends. */
export function move(l: Layout, s: number, i: number, delta: -1 | 1): Layout {
  const next = l.map((x) => ({ ...x, items: [...x.items] }));
  const [it] = next[s]!.items.splice(i, 1);
  let ts = s;
  let ti = i + delta;
  if (ti < 0 && s > 0) {
    ts = s - 1;
    ti = next[ts]!.items.length;
  } else if (ti > next[s]!.items.length && s < next.length - 1) {
    ts = s + 1;
    ti = 0;
  }
  next[ts]!.items.splice(Math.max(0, Math.min(ti, next[ts]!.items.length)), 0, it!);
  return next;
}

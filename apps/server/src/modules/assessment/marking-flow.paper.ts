/**
 * The leaves of a finalised paper as marking and the notebook read them: one per plain item, one per
 * part of a composite (`part` 1, 2 … as responses number them; 0 for a plain item), each with its
 * bank item, its score on the paper and, for a part, the passage it hangs from. Pure, no I/O.
 */
import type { LeafItem, Rich } from './item-model.ts';
import type { PaperDocument } from './paper-model.ts';

export interface NotebookLeaf {
  itemId: string;
  number: number;
  part: number;
  content: LeafItem;
  maxScore: number;
  /** A composite's passage or figure, shown above the part. */
  stimulus?: Rich;
}

export const SUBJECTIVE_TYPES: readonly LeafItem['type'][] = ['short_answer', 'essay'];

export function paperLeaves(doc: PaperDocument): NotebookLeaf[] {
  const out: NotebookLeaf[] = [];
  for (const section of doc.sections) {
    for (const item of section.items) {
      const c = item.content;
      if (c.type === 'composite') {
        // The paper's score of a composite is shared among its parts in their own proportions.
        const own = c.parts.reduce((s, p) => s + p.score, 0);
        const scale = own > 0 ? item.score / own : 0;
        c.parts.forEach((p, i) => {
          out.push({
            itemId: item.itemId,
            number: item.number,
            part: i + 1,
            content: p.content,
            maxScore: Math.round(p.score * scale * 100) / 100,
            stimulus: c.stem,
          });
        });
      } else {
        out.push({ itemId: item.itemId, number: item.number, part: 0, content: c, maxScore: item.score });
      }
    }
  }
  return out;
}

export const leafKeyOf = (number: number, part: number) => `${number}.${part}`;

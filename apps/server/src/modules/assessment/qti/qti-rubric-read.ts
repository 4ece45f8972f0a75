import { attr, elements, type XmlElement } from '../xml-tree.ts';
import { blockContent, hasClass, issue, type ReadCtx, textOf } from './qti-body-read.ts';
import { RUBRIC_CLASS } from './qti-common.ts';

type RubricLine = { points: number; description: string };

/**
 * A marking scheme (评分细则) from a scorer's rubric block: Hanlin's lines (`<li data-points>`)
 * exactly; another tool's block as one line worth the item's score, its text as the description.
 */
export function readRubric(block: XmlElement, ctx: ReadCtx, score: number | undefined): RubricLine[] {
  const content = blockContent(block);
  if (hasClass(block, RUBRIC_CLASS)) {
    const lines: RubricLine[] = [];
    const walk = (els: XmlElement[]) => {
      for (const el of els) {
        const points = attr(el, 'data-points');
        if (el.local === 'li' && points !== undefined) {
          const n = Number(points);
          if (!Number.isFinite(n) || n < 0) issue(ctx, el, `评分细则的分值「${points}」无效`);
          lines.push({ points: n, description: textOf(el) });
        } else walk(elements(el));
      }
    };
    walk(content.filter((c): c is XmlElement => c.type === 'element'));
    return lines;
  }
  const description = content
    .map((c) => (c.type === 'text' ? c.text : textOf(c)))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 2000);
  return description ? [{ points: score ?? 1, description }] : [];
}

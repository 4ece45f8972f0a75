/**
 * The item model's rich text (an XHTML fragment) as a tree, for the printers. Everything that
 * prints walks this tree through an allow-list, so whatever a stored item holds, only paragraphs,
 * emphasis, scripts, lists, tables, pictures of our store, formulas and blanks reach the page.
 */
import { kids, parseXml, textOf, type XmlElement, type XmlNode } from '../word/xml-tree.ts';

export type { XmlElement, XmlNode };
export { kids, textOf };

/** XHTML has no named entities beyond XML's five; editors still write `&nbsp;`. */
const NAMED: Record<string, string> = {
  nbsp: '#160',
  ensp: '#8194',
  emsp: '#8195',
  thinsp: '#8201',
  ldquo: '#8220',
  rdquo: '#8221',
};

/** Parses a rich-text fragment; text that is not well-formed prints as plain text rather than failing. */
export function parseRich(xhtml: string | undefined): XmlElement {
  const source = (xhtml ?? '').replace(
    /&(nbsp|ensp|emsp|thinsp|ldquo|rdquo);/g,
    (_, n: string) => `&${NAMED[n]};`,
  );
  try {
    return parseXml(`<rich>${source}</rich>`, 'rich');
  } catch {
    return { name: 'rich', attrs: {}, children: [source.replace(/<[^>]*>/g, '')] };
  }
}

/** The TeX of a `<math>` element (its `application/x-tex` annotation), if it has one. */
export function texOf(math: XmlElement): string | undefined {
  const stack = [math];
  while (stack.length) {
    const el = stack.pop()!;
    if (el.name.endsWith('annotation') && /tex/i.test(el.attrs.encoding ?? '')) return textOf(el).trim();
    stack.push(...kids(el));
  }
  return undefined;
}

export const isMath = (el: XmlElement) => el.name === 'mml:math' || el.name === 'math';

/** The store key of `<img src="hanlin-file:<key>">`; other sources are not printed. */
export function imageKeyOf(img: XmlElement): string | undefined {
  const m = /^hanlin-file:([a-z0-9-]+(?:\/[a-z0-9-]+)*)$/.exec(img.attrs.src ?? '');
  return m?.[1];
}

/** Plain text of rich text (for measuring how long an option is). */
export function plainOf(xhtml: string | undefined): string {
  const walk = (n: XmlNode): string => {
    if (typeof n === 'string') return n;
    if (isMath(n)) return texOf(n) ?? textOf(n);
    if (n.name === 'img') return '\u25a0\u25a0\u25a0\u25a0\u25a0\u25a0\u25a0\u25a0';
    return n.children.map(walk).join('');
  };
  return walk(parseRich(xhtml)).replace(/\s+/g, ' ').trim();
}

import 'katex/dist/katex.min.css';
import katex from 'katex';
import { Fragment, type ReactNode, useMemo } from 'react';

/** Where a picture of the bank is served (`hanlin-file:<key>` in an item's rich text). */
export const pictureUrl = (key: string) => `/api/assessment/item-files?key=${encodeURIComponent(key)}`;

const KEEP = new Set([
  'p',
  'br',
  'strong',
  'b',
  'em',
  'i',
  'u',
  'sub',
  'sup',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'td',
  'th',
]);

/** A formula's TeX: the annotation KaTeX and QTI keep beside the MathML. */
function texOf(math: Element): string {
  for (const a of math.getElementsByTagName('annotation'))
    if (a.getAttribute('encoding') === 'application/x-tex') return a.textContent ?? '';
  return math.textContent ?? '';
}

function Formula({ tex }: { tex: string }) {
  // KaTeX escapes what it is given and runs no commands that load or link (trust is off).
  const html = useMemo(() => katex.renderToString(tex, { throwOnError: false, output: 'html' }), [tex]);
  // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX's own output for a TeX string, nothing of the item's markup
  return <span className="bank-formula" dangerouslySetInnerHTML={{ __html: html }} />;
}

/** Builds React elements from the allow-list only: any other element gives its text, no attribute passes. */
function render(node: Node, key: number, blanks: Map<string, number>): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const el = node as Element;
  const tag = el.localName.toLowerCase();
  const children = () => [...el.childNodes].map((c, i) => render(c, i, blanks));
  if (tag === 'math') return <Formula key={key} tex={texOf(el)} />;
  if (tag === 'img') {
    const src = el.getAttribute('src') ?? '';
    if (!src.startsWith('hanlin-file:')) return null;
    return (
      <img
        key={key}
        className="bank-picture"
        src={pictureUrl(src.slice('hanlin-file:'.length))}
        alt={el.getAttribute('alt') ?? ''}
      />
    );
  }
  if (tag === 'span' && el.hasAttribute('data-blank')) {
    const id = el.getAttribute('data-blank') ?? '';
    if (!blanks.has(id)) blanks.set(id, blanks.size + 1);
    return (
      <span key={key} className="bank-blank" data-blank={id}>
        （{blanks.get(id)}）
      </span>
    );
  }
  if (KEEP.has(tag)) {
    const Tag = tag as 'p';
    if (tag === 'br') return <br key={key} />;
    return <Tag key={key}>{children()}</Tag>;
  }
  return <Fragment key={key}>{children()}</Fragment>;
}

/**
 * An item's rich text (XHTML of the bank's allow-list) shown safely: parsed by the browser, never
 * inserted as HTML; formulas typeset by KaTeX from their TeX, pictures from the bank, blanks numbered.
 */
export function RichText({ value, inline = false }: { value: string; inline?: boolean }) {
  const nodes = useMemo(() => {
    const doc = new DOMParser().parseFromString(`<div>${value}</div>`, 'text/html');
    const root = doc.body.firstElementChild;
    const blanks = new Map<string, number>();
    return root ? [...root.childNodes].map((n, i) => render(n, i, blanks)) : [];
  }, [value]);
  return inline ? <span className="bank-rich">{nodes}</span> : <div className="bank-rich">{nodes}</div>;
}

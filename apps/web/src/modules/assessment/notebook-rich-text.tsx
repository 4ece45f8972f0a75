import { createElement, type ReactNode, useMemo } from 'react';

/**
 * Shows an item's rich text (an XHTML fragment of the item model's allow-list, with MathML formulas
 * and `<span data-blank>` blanks) as React elements. The server sanitises what it stores; this keeps
 * to the same allow-list again, element by element and attribute by attribute, so nothing it does
 * not know (a script, an event handler, a link) can reach the page. MathML is shown by the browser
 * (MathML Core); its TeX annotation is left out. Pictures (`hanlin-file:` keys) show their text.
 */
const HTML: Record<string, readonly string[]> = {
  p: [],
  br: [],
  span: [],
  strong: [],
  b: [],
  em: [],
  i: [],
  u: [],
  sub: [],
  sup: [],
  ol: ['start'],
  ul: [],
  li: [],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: ['colspan', 'rowspan'],
  td: ['colspan', 'rowspan'],
};
const MATHML = new Set([
  'math',
  'mrow',
  'mi',
  'mn',
  'mo',
  'ms',
  'mtext',
  'mspace',
  'msup',
  'msub',
  'msubsup',
  'mfrac',
  'msqrt',
  'mroot',
  'mover',
  'munder',
  'munderover',
  'mtable',
  'mtr',
  'mtd',
  'mstyle',
  'mpadded',
  'mphantom',
  'menclose',
]);
const MATH_ATTRS = new Set([
  'display',
  'mathvariant',
  'stretchy',
  'fence',
  'separator',
  'accent',
  'linethickness',
]);
const REACT_ATTR: Record<string, string> = { colspan: 'colSpan', rowspan: 'rowSpan' };

function convert(node: Node, key: string): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const el = node as Element;
  const name = el.localName.toLowerCase();
  const kids = () => Array.from(el.childNodes).map((c, i) => convert(c, `${key}.${i}`));
  if (name === 'semantics') return convert(el.firstElementChild ?? el, `${key}.0`);
  if (name === 'annotation' || name === 'annotation-xml') return null;
  if (name === 'span' && el.hasAttribute('data-blank'))
    return (
      <span
        key={key}
        style={{ display: 'inline-block', minWidth: '3em', borderBottom: '1px solid currentColor' }}
      >
        {'\u2003'}
      </span>
    );
  if (name === 'img') {
    const alt = el.getAttribute('alt') ?? '';
    return (
      <span key={key} style={{ color: '#888' }}>
        [{alt || '图'}]
      </span>
    );
  }
  if (name in HTML) {
    const props: Record<string, string> = { key };
    for (const a of HTML[name]!) {
      const v = el.getAttribute(a);
      if (v !== null && /^\d{1,3}$/.test(v)) props[REACT_ATTR[a] ?? a] = v;
    }
    return createElement(name, props, ...(name === 'br' ? [] : kids()));
  }
  if (MATHML.has(name)) {
    const props: Record<string, string> = { key };
    for (const a of Array.from(el.attributes))
      if (MATH_ATTRS.has(a.name) && /^[\w .-]{0,20}$/.test(a.value)) props[a.name] = a.value;
    return createElement(name, props, ...kids());
  }
  // Anything else: its text only.
  return kids();
}

export function RichText({ html, inline = false }: { html: string | null | undefined; inline?: boolean }) {
  const nodes = useMemo(() => {
    if (!html) return null;
    const doc = new DOMParser().parseFromString(`<div>${html}</div>`, 'text/html');
    const root = doc.body.firstElementChild;
    return root ? Array.from(root.childNodes).map((c, i) => convert(c, String(i))) : null;
  }, [html]);
  return inline ? <span className="hanlin-rich">{nodes}</span> : <div className="hanlin-rich">{nodes}</div>;
}

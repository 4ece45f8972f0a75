/**
 * An item's rich text (the XHTML fragment of the content model) as React elements: the allow-listed
 * elements only, formulas typeset by KaTeX from the TeX annotation their MathML carries, pictures of
 * the item, and each fill-in blank (`<span data-blank>`) as an input at its place in the stem.
 * Nothing is injected as HTML except KaTeX's own output.
 */
import katex from 'katex';
import 'katex/dist/katex.min.css';
import { createElement, Fragment, type ReactNode, useMemo } from 'react';

const ELEMENTS = new Set([
  'p',
  'br',
  'strong',
  'em',
  'b',
  'i',
  'u',
  's',
  'sub',
  'sup',
  'span',
  'div',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'td',
  'th',
  'blockquote',
  'code',
  'pre',
]);
const VOID = new Set(['br']);

export type BlankRenderer = (blankId: string) => ReactNode;

/** The TeX of a MathML formula (its `application/x-tex` annotation), or its text. */
function texOf(math: Element): string {
  const annotation = [...math.getElementsByTagName('annotation')].find(
    (a) => a.getAttribute('encoding') === 'application/x-tex',
  );
  return (annotation ?? math).textContent ?? '';
}

function Formula({ tex, display }: { tex: string; display: boolean }) {
  const html = useMemo(
    () =>
      katex.renderToString(tex, {
        throwOnError: false,
        displayMode: display,
        trust: false,
        strict: 'ignore',
      }),
    [tex, display],
  );
  // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX's output of TeX with trust off
  return <span className="hanlin-formula" dangerouslySetInnerHTML={{ __html: html }} />;
}

function convert(node: Node, blank: BlankRenderer | undefined, key: string): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const el = node as Element;
  const name = el.localName.toLowerCase();
  if (name === 'math')
    return <Formula key={key} tex={texOf(el)} display={el.getAttribute('display') === 'block'} />;
  if (name === 'span' && el.hasAttribute('data-blank')) {
    const id = el.getAttribute('data-blank') ?? '';
    return (
      <Fragment key={key}>{blank ? blank(id) : <span className="hanlin-blank-line">＿＿＿＿</span>}</Fragment>
    );
  }
  if (name === 'img') {
    // Pictures come from the item bank's file store (hanlin-file:<key>); until it serves them, the
    // description stands in their place.
    const alt = el.getAttribute('alt') ?? '';
    return (
      <span key={key} className="hanlin-figure" role="img" aria-label={alt}>
        {alt || '［图］'}
      </span>
    );
  }
  const children = [...el.childNodes].map((c, i) => convert(c, blank, `${key}.${i}`));
  if (!ELEMENTS.has(name)) return <Fragment key={key}>{children}</Fragment>;
  return createElement(name, { key }, VOID.has(name) ? undefined : children);
}

/** Renders `xhtml`; `blank` gives the input of each fill-in blank. */
export function RichText({ xhtml, blank }: { xhtml: string; blank?: BlankRenderer }) {
  const nodes = useMemo(() => {
    const doc = new DOMParser().parseFromString(`<div>${xhtml}</div>`, 'text/html');
    return [...(doc.body.firstElementChild?.childNodes ?? [])];
  }, [xhtml]);
  return <div className="hanlin-rich">{nodes.map((n, i) => convert(n, blank, String(i)))}</div>;
}

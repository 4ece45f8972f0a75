import katex from 'katex';

/**
 * The editor's plain-text form of an item's rich text, so a teacher types instead of writing XHTML:
 * one paragraph per line, formulas as `$TeX$`, blanks as 【空1】 (【空:id】 for other ids), pictures as
 * 【图:key】, and <sub>, <sup>, <strong>, <em>, <u> as themselves. `toXhtml` and `fromXhtml` convert
 * both ways; what the allow-list has beyond this (tables, lists) becomes its text.
 */
const INLINE = ['sub', 'sup', 'strong', 'em', 'u'];
const INLINE_TAG = new RegExp(`^</?(${INLINE.join('|')})>`);

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** KaTeX's MathML for a formula, which carries the TeX as its annotation. */
export function texToMathml(tex: string): string {
  const out = katex.renderToString(tex, { throwOnError: false, output: 'mathml' });
  const m = /<math[\s\S]*<\/math>/.exec(out);
  return m ? m[0] : escapeXml(tex);
}

const blankId = (raw: string) => (/^\d+$/.test(raw) ? `b${raw}` : raw);

function lineToXhtml(line: string): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    const rest = line.slice(i);
    const tag = INLINE_TAG.exec(rest);
    if (tag) {
      out += tag[0];
      i += tag[0].length;
      continue;
    }
    const tex = /^\$([^$]+)\$/.exec(rest);
    if (tex) {
      out += texToMathml(tex[1]!);
      i += tex[0].length;
      continue;
    }
    const blank = /^【空:?([A-Za-z0-9_-]{1,32})】/.exec(rest);
    if (blank) {
      out += `<span data-blank="${blankId(blank[1]!)}"></span>`;
      i += blank[0].length;
      continue;
    }
    const pic = /^【图:([a-z0-9/-]{1,300})】/.exec(rest);
    if (pic) {
      out += `<img src="hanlin-file:${pic[1]}" alt=""/>`;
      i += pic[0].length;
      continue;
    }
    out += escapeXml(line[i]!);
    i += 1;
  }
  return out;
}

/** The XHTML of the editor's text: one `<p>` per non-empty line. */
export function toXhtml(text: string): string {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => `<p>${lineToXhtml(l)}</p>`)
    .join('');
}

function nodeText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (node.nodeType !== Node.ELEMENT_NODE) return '';
  const el = node as Element;
  const tag = el.localName.toLowerCase();
  const inner = () => [...el.childNodes].map(nodeText).join('');
  if (tag === 'math') {
    const a = [...el.getElementsByTagName('annotation')].find(
      (x) => x.getAttribute('encoding') === 'application/x-tex',
    );
    return `$${a?.textContent ?? el.textContent ?? ''}$`;
  }
  if (tag === 'span' && el.hasAttribute('data-blank')) {
    const id = el.getAttribute('data-blank') ?? '';
    const n = /^b(\d+)$/.exec(id);
    return n ? `【空${n[1]}】` : `【空:${id}】`;
  }
  if (tag === 'img') {
    const src = el.getAttribute('src') ?? '';
    return src.startsWith('hanlin-file:') ? `【图:${src.slice(12)}】` : '';
  }
  if (tag === 'br') return '\n';
  if (INLINE.includes(tag)) return `<${tag}>${inner()}</${tag}>`;
  if (tag === 'p' || tag === 'li' || tag === 'tr' || tag === 'div') return `${inner()}\n`;
  return inner();
}

/** The editor's text of an item's rich text. */
export function fromXhtml(xhtml: string | undefined): string {
  if (!xhtml) return '';
  const doc = new DOMParser().parseFromString(`<div>${xhtml}</div>`, 'text/html');
  const root = doc.body.firstElementChild;
  return root
    ? nodeText(root)
        .replace(/\n{2,}/g, '\n')
        .trim()
    : '';
}

/** The blank ids of the editor's text, in order. */
export const blankIds = (text: string) =>
  [...text.matchAll(/【空:?([A-Za-z0-9_-]{1,32})】/g)].map((m) => blankId(m[1]!));

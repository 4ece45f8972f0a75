/** The pieces a formula is built from while OMML is read: TeX, MathML and linear text side by side. */
import { escapeXml } from './rich-html.ts';

export interface Node {
  tex: string;
  ml: string;
  text: string;
}

export const EMPTY: Node = { tex: '', ml: '', text: '' };
/** MathML draws an accent with its spacing form (a combining mark has nothing to sit on in `<mo>`). */
export const SPACING_ACCENT: Record<string, string> = {
  '\u0302': '^',
  '\u0305': '¯',
  '\u0304': '¯',
  '\u0307': '˙',
  '\u0308': '¨',
  '\u20d7': '→',
  '\u0303': '~',
  '\u030c': 'ˇ',
  '\u0301': '´',
  '\u0300': '`',
  '\u0306': '˘',
  '\u20d6': '←',
  '\u20e1': '↔',
};
export const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';

/** Joins TeX pieces, with a space where a command would otherwise run into a letter (`\times a`). */
export function joinTex(parts: string[]): string {
  let out = '';
  for (const p of parts) {
    if (!p) continue;
    if (/\\[a-zA-Z]+$/.test(out) && /^[a-zA-Z]/.test(p)) out += ' ';
    out += p;
  }
  return out;
}

/** A TeX argument: one token stays as it is, anything longer is braced. */
export function group(tex: string): string {
  if (/^(\\[a-zA-Z]+|[^\\{}\s])$/.test(tex)) return tex;
  if (tex.startsWith('{') && closingBrace(tex, 0) === tex.length - 1) return tex;
  return `{${tex}}`;
}

function closingBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

export const mrow = (n: Node) => `<mrow>${n.ml}</mrow>`;
/** Wraps a linear text in parentheses when it is more than one token (`(x+1)/2`). */
export const paren = (t: string) => (t.length > 1 && /[+\-−×÷*/ =]/.test(t.slice(1)) ? `(${t})` : t);
export const seq = (nodes: Node[]): Node => ({
  tex: joinTex(nodes.map((n) => n.tex)),
  ml: nodes.map((n) => n.ml).join(''),
  text: nodes.map((n) => n.text).join(''),
});
export const isCjk = (ch: string) => /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/.test(ch);

/** The MathML of a formula with its TeX as the annotation, as the item model stores it. */
export function mathElement(ml: string, tex: string, display: boolean): string {
  return (
    `<math xmlns="${MATHML_NS}"${display ? ' display="block"' : ''}><semantics><mrow>${ml}</mrow>` +
    `<annotation encoding="application/x-tex">${escapeXml(tex)}</annotation></semantics></math>`
  );
}

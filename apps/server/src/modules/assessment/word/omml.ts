/**
 * Word equations (OMML, ECMA-376 part 1 §22.1) → MathML carrying its TeX, as the item model stores
 * formulas (`item-model.ts`). Covers what school papers are written with: fractions, sub- and
 * superscripts (also before the base), radicals, n-ary operators (∑ ∏ ∫ …), delimiters, accents,
 * bars, group characters, lower and upper limits, function names, equation arrays, matrices, boxes,
 * phantoms. An element outside that list keeps its text and is reported (`unknown`), so the teacher
 * is told which formula to check.
 */
import { escapeXml } from './rich-html.ts';
import { isOperatorChar, TEX_ACCENTS, TEX_DELIMITERS, TEX_FUNCTIONS, TEX_OF_CHAR } from './tex-symbols.ts';
import { kid, kids, textOf, val, type XmlElement } from './xml-tree.ts';

/** A converted formula. */
export interface MathResult {
  /** `<math …><semantics>…<annotation encoding="application/x-tex">…</annotation></semantics></math>` */
  mathml: string;
  tex: string;
  /** A linear text form (`-1/3`, `a^5`): for answer keys and for search. */
  text: string;
  display: boolean;
  /** OMML elements that were not understood and kept as text (e.g. `m:foo`). */
  unknown: string[];
}

interface Node {
  tex: string;
  ml: string;
  text: string;
}

const EMPTY: Node = { tex: '', ml: '', text: '' };
/** MathML draws an accent with its spacing form (a combining mark has nothing to sit on in `<mo>`). */
const SPACING_ACCENT: Record<string, string> = {
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
const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';

/** Joins TeX pieces, with a space where a command would otherwise run into a letter (`\times a`). */
function joinTex(parts: string[]): string {
  let out = '';
  for (const p of parts) {
    if (!p) continue;
    if (/\\[a-zA-Z]+$/.test(out) && /^[a-zA-Z]/.test(p)) out += ' ';
    out += p;
  }
  return out;
}

/** A TeX argument: one token stays as it is, anything longer is braced. */
function group(tex: string): string {
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

const mrow = (n: Node) => `<mrow>${n.ml}</mrow>`;
/** Wraps a linear text in parentheses when it is more than one token (`(x+1)/2`). */
const paren = (t: string) => (t.length > 1 && /[+\-−×÷*/ =]/.test(t.slice(1)) ? `(${t})` : t);
const seq = (nodes: Node[]): Node => ({
  tex: joinTex(nodes.map((n) => n.tex)),
  ml: nodes.map((n) => n.ml).join(''),
  text: nodes.map((n) => n.text).join(''),
});
const isCjk = (ch: string) => /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/.test(ch);

class Converter {
  readonly unknown = new Set<string>();

  /** The children of an argument element (`m:e`, `m:num` …) in order. */
  arg(el: XmlElement | undefined): Node {
    if (!el) return EMPTY;
    return seq(kids(el).map((c) => this.node(c)));
  }

  node(el: XmlElement): Node {
    switch (el.name) {
      case 'm:r':
        return this.run(el);
      case 'w:r': // plain Word text inside an equation
        return this.text(kids(el, 'w:t').map(textOf).join(''), true);
      case 'm:f':
        return this.fraction(el);
      case 'm:sSup':
      case 'm:sSub':
      case 'm:sSubSup':
        return this.scripts(el);
      case 'm:sPre':
        return this.prescripts(el);
      case 'm:rad':
        return this.radical(el);
      case 'm:nary':
        return this.nary(el);
      case 'm:d':
        return this.delimiters(el);
      case 'm:acc':
        return this.accent(el);
      case 'm:bar':
        return this.bar(el);
      case 'm:groupChr':
        return this.groupChar(el);
      case 'm:limLow':
      case 'm:limUpp':
        return this.limit(el);
      case 'm:func':
        return this.func(el);
      case 'm:eqArr':
        return this.rows(
          kids(el, 'm:e').map((e) => [e]),
          '\\begin{array}{l}',
          '\\end{array}',
        );
      case 'm:m':
        return this.rows(
          kids(el, 'm:mr').map((r) => kids(r, 'm:e')),
          '\\begin{matrix}',
          '\\end{matrix}',
        );
      case 'm:box':
      case 'm:oMath':
        return this.arg(el.name === 'm:box' ? kid(el, 'm:e') : el);
      case 'm:borderBox': {
        const e = this.arg(kid(el, 'm:e'));
        return {
          tex: `\\boxed{${e.tex}}`,
          ml: `<menclose notation="box">${mrow(e)}</menclose>`,
          text: e.text,
        };
      }
      case 'm:phant': {
        const e = this.arg(kid(el, 'm:e'));
        const shown = val(kid(kid(el, 'm:phantPr'), 'm:show'), 'm:val');
        if (shown === '1' || shown === 'on' || shown === 'true') return e;
        return { tex: `\\phantom{${e.tex}}`, ml: `<mphantom>${mrow(e)}</mphantom>`, text: '' };
      }
      // Properties, control characters and markers carry no content.
      case 'm:ctrlPr':
      case 'm:argPr':
      case 'm:oMathParaPr':
      case 'w:bookmarkStart':
      case 'w:bookmarkEnd':
      case 'w:proofErr':
        return EMPTY;
      default: {
        if (el.name.endsWith('Pr')) return EMPTY;
        this.unknown.add(el.name);
        return this.text(textOf(el), true);
      }
    }
  }

  run(el: XmlElement): Node {
    const text = kids(el, 'm:t').map(textOf).join('');
    const rPr = kid(el, 'm:rPr');
    const plainText = !!kid(rPr, 'm:nor');
    const upright = plainText || val(kid(rPr, 'm:sty'), 'm:val') === 'p';
    if (plainText) return this.text(text, true);
    return this.mathText(text, upright);
  }

  /** Text of a run in math: numbers, identifiers, operators; CJK and `m:nor` runs are text. */
  mathText(text: string, upright: boolean): Node {
    if (upright && /^[A-Za-z]{2,}$/.test(text)) {
      const tex = TEX_FUNCTIONS.has(text) ? `\\${text}` : `\\mathrm{${text}}`;
      return { tex, ml: `<mi mathvariant="normal">${escapeXml(text)}</mi>`, text };
    }
    const out: Node[] = [];
    const tokens = text.match(/\d+(?:\.\d+)?|[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+|\s+|./gsu) ?? [];
    for (const t of tokens) {
      if (/^\s+$/.test(t)) continue;
      if (/^\d/.test(t)) out.push({ tex: t, ml: `<mn>${t}</mn>`, text: t });
      else if (isCjk(t[0]!)) out.push(this.text(t, false));
      else if (/^[A-Za-z]$/.test(t)) {
        const variant = upright ? ' mathvariant="normal"' : '';
        out.push({ tex: upright ? `\\mathrm{${t}}` : t, ml: `<mi${variant}>${t}</mi>`, text: t });
      } else {
        const tex = TEX_OF_CHAR[t] ?? t;
        const tag = isOperatorChar(t) ? 'mo' : 'mi';
        out.push({ tex, ml: `<${tag}>${escapeXml(t)}</${tag}>`, text: t });
      }
    }
    return seq(out);
  }

  text(text: string, forceText: boolean): Node {
    if (!text) return EMPTY;
    if (!forceText && !isCjk(text[0]!)) return this.mathText(text, false);
    const tex = `\\text{${text.replace(/[\\{}$&#^_%~]/g, (c) => `\\${c === '\\' ? 'textbackslash ' : c}`)}}`;
    return { tex, ml: `<mtext>${escapeXml(text)}</mtext>`, text };
  }

  fraction(el: XmlElement): Node {
    const num = this.arg(kid(el, 'm:num'));
    const den = this.arg(kid(el, 'm:den'));
    const type = val(kid(kid(el, 'm:fPr'), 'm:type'), 'm:val');
    const text = `${paren(num.text)}/${paren(den.text)}`;
    if (type === 'lin' || type === 'skw') {
      return { tex: `${group(num.tex)}/${group(den.tex)}`, ml: `${mrow(num)}<mo>/</mo>${mrow(den)}`, text };
    }
    if (type === 'noBar') {
      return {
        tex: `\\genfrac{}{}{0pt}{}{${num.tex}}{${den.tex}}`,
        ml: `<mfrac linethickness="0">${mrow(num)}${mrow(den)}</mfrac>`,
        text,
      };
    }
    return { tex: `\\frac{${num.tex}}{${den.tex}}`, ml: `<mfrac>${mrow(num)}${mrow(den)}</mfrac>`, text };
  }

  scripts(el: XmlElement): Node {
    const base = this.arg(kid(el, 'm:e'));
    const sub = kid(el, 'm:sub') ? this.arg(kid(el, 'm:sub')) : undefined;
    const sup = kid(el, 'm:sup') ? this.arg(kid(el, 'm:sup')) : undefined;
    let tex = group(base.tex || '{}');
    let text = base.text;
    if (sub) {
      tex += `_${group(sub.tex)}`;
      text += `_${paren(sub.text)}`;
    }
    if (sup) {
      tex += `^${group(sup.tex)}`;
      text += `^${paren(sup.text)}`;
    }
    const ml =
      sub && sup
        ? `<msubsup>${mrow(base)}${mrow(sub)}${mrow(sup)}</msubsup>`
        : sub
          ? `<msub>${mrow(base)}${mrow(sub)}</msub>`
          : `<msup>${mrow(base)}${mrow(sup ?? EMPTY)}</msup>`;
    return { tex, ml, text };
  }

  prescripts(el: XmlElement): Node {
    const base = this.arg(kid(el, 'm:e'));
    const sub = this.arg(kid(el, 'm:sub'));
    const sup = this.arg(kid(el, 'm:sup'));
    return {
      tex: `{}_{${sub.tex}}^{${sup.tex}}${group(base.tex)}`,
      ml: `<mmultiscripts>${mrow(base)}<mprescripts/>${mrow(sub)}${mrow(sup)}</mmultiscripts>`,
      text: `${sub.text}${sup.text}${base.text}`,
    };
  }

  radical(el: XmlElement): Node {
    const e = this.arg(kid(el, 'm:e'));
    const hide = val(kid(kid(el, 'm:radPr'), 'm:degHide'), 'm:val');
    const deg = this.arg(kid(el, 'm:deg'));
    const hidden = hide === '1' || hide === 'on' || hide === 'true' || (hide === undefined && !deg.tex);
    if (hidden || !deg.tex)
      return { tex: `\\sqrt{${e.tex}}`, ml: `<msqrt>${e.ml}</msqrt>`, text: `√${paren(e.text)}` };
    return {
      tex: `\\sqrt[${deg.tex}]{${e.tex}}`,
      ml: `<mroot>${mrow(e)}${mrow(deg)}</mroot>`,
      text: `${deg.text}√${paren(e.text)}`,
    };
  }

  nary(el: XmlElement): Node {
    const pr = kid(el, 'm:naryPr');
    // The spec's default operator is the integral.
    const chr = val(kid(pr, 'm:chr'), 'm:val') || '∫';
    const hidden = (name: string) => ['1', 'on', 'true'].includes(val(kid(pr, name), 'm:val') ?? '');
    const sub = hidden('m:subHide') ? undefined : this.arg(kid(el, 'm:sub'));
    const sup = hidden('m:supHide') ? undefined : this.arg(kid(el, 'm:sup'));
    const e = this.arg(kid(el, 'm:e'));
    const op = TEX_OF_CHAR[chr] ?? chr;
    const under = val(kid(pr, 'm:limLoc'), 'm:val') === 'undOvr';
    let tex = op + (under && /int/.test(op) ? '\\limits' : '');
    if (sub?.tex) tex += `_${group(sub.tex)}`;
    if (sup?.tex) tex += `^${group(sup.tex)}`;
    const mo = `<mo>${escapeXml(chr)}</mo>`;
    const s = sub?.tex ? mrow(sub) : '';
    const p = sup?.tex ? mrow(sup) : '';
    const [both, lower, upper] = under ? ['munderover', 'munder', 'mover'] : ['msubsup', 'msub', 'msup'];
    const opMl =
      s && p
        ? `<${both}>${mo}${s}${p}</${both}>`
        : s
          ? `<${lower}>${mo}${s}</${lower}>`
          : p
            ? `<${upper}>${mo}${p}</${upper}>`
            : mo;
    return {
      tex: joinTex([tex, group(e.tex)]),
      ml: `<mrow>${opMl}${mrow(e)}</mrow>`,
      text: `${chr}${sub?.text ? `_${paren(sub.text)}` : ''}${sup?.text ? `^${paren(sup.text)}` : ''}${e.text}`,
    };
  }

  delimiters(el: XmlElement): Node {
    const pr = kid(el, 'm:dPr');
    const beg = val(kid(pr, 'm:begChr'), 'm:val') ?? '(';
    const end = val(kid(pr, 'm:endChr'), 'm:val') ?? ')';
    const sep = val(kid(pr, 'm:sepChr'), 'm:val') ?? '|';
    const parts = kids(el, 'm:e').map((e) => this.arg(e));
    const left = TEX_DELIMITERS[beg];
    const right = TEX_DELIMITERS[end];
    const sepTex = TEX_OF_CHAR[sep] ?? sep;
    const inner = parts.map((p) => p.tex).join(sep === '|' ? ' \\mid ' : sepTex);
    const tex =
      left !== undefined && right !== undefined
        ? `\\left${left}${/^[a-z]/i.test(left) ? ' ' : ''}${inner}\\right${right}`
        : `${TEX_OF_CHAR[beg] ?? beg}${inner}${TEX_OF_CHAR[end] ?? end}`;
    const fence = (ch: string) => (ch ? `<mo fence="true">${escapeXml(ch)}</mo>` : '');
    const ml = `<mrow>${fence(beg)}${parts.map(mrow).join(`<mo separator="true">${escapeXml(sep)}</mo>`)}${fence(end)}</mrow>`;
    return { tex, ml, text: `${beg}${parts.map((p) => p.text).join(sep)}${end}` };
  }

  accent(el: XmlElement): Node {
    const chr = val(kid(kid(el, 'm:accPr'), 'm:chr'), 'm:val') ?? '\u0302';
    const e = this.arg(kid(el, 'm:e'));
    const cmd = TEX_ACCENTS[chr];
    if (!cmd) this.unknown.add(`m:acc(${chr})`);
    const shown = SPACING_ACCENT[chr] ?? chr;
    return {
      tex: cmd ? `${cmd}{${e.tex}}` : `\\overset{${shown}}{${e.tex}}`,
      ml: `<mover accent="true">${mrow(e)}<mo>${escapeXml(shown)}</mo></mover>`,
      text: e.text,
    };
  }

  bar(el: XmlElement): Node {
    const top = val(kid(kid(el, 'm:barPr'), 'm:pos'), 'm:val') === 'top';
    const e = this.arg(kid(el, 'm:e'));
    return top
      ? { tex: `\\overline{${e.tex}}`, ml: `<mover accent="true">${mrow(e)}<mo>‾</mo></mover>`, text: e.text }
      : {
          tex: `\\underline{${e.tex}}`,
          ml: `<munder accentunder="true">${mrow(e)}<mo>_</mo></munder>`,
          text: e.text,
        };
  }

  groupChar(el: XmlElement): Node {
    const pr = kid(el, 'm:groupChrPr');
    const chr = val(kid(pr, 'm:chr'), 'm:val') ?? '⏟';
    const top = val(kid(pr, 'm:pos'), 'm:val') === 'top';
    const e = this.arg(kid(el, 'm:e'));
    const tex =
      chr === '⏟'
        ? `\\underbrace{${e.tex}}`
        : chr === '⏞'
          ? `\\overbrace{${e.tex}}`
          : top
            ? `\\overset{${TEX_OF_CHAR[chr] ?? chr}}{${e.tex}}`
            : `\\underset{${TEX_OF_CHAR[chr] ?? chr}}{${e.tex}}`;
    const tag = top || chr === '⏞' ? 'mover' : 'munder';
    return { tex, ml: `<${tag}>${mrow(e)}<mo>${escapeXml(chr)}</mo></${tag}>`, text: e.text };
  }

  limit(el: XmlElement): Node {
    const e = this.arg(kid(el, 'm:e'));
    const lim = this.arg(kid(el, 'm:lim'));
    const low = el.name === 'm:limLow';
    const fn = /^\\(lim|max|min|sup|inf)$/.test(e.tex);
    const tex = fn
      ? `${e.tex}${low ? '_' : '^'}${group(lim.tex)}`
      : `${low ? '\\underset' : '\\overset'}{${lim.tex}}{${e.tex}}`;
    const tag = low ? 'munder' : 'mover';
    return {
      tex,
      ml: `<${tag}>${mrow(e)}${mrow(lim)}</${tag}>`,
      text: `${e.text}${low ? '_' : '^'}${paren(lim.text)}`,
    };
  }

  func(el: XmlElement): Node {
    const name = this.arg(kid(el, 'm:fName'));
    const e = this.arg(kid(el, 'm:e'));
    return {
      tex: joinTex([name.tex, group(e.tex)]),
      ml: `<mrow>${mrow(name)}<mo>&#x2061;</mo>${mrow(e)}</mrow>`,
      text: `${name.text}${e.text}`,
    };
  }

  rows(rows: XmlElement[][], begin: string, endTex: string): Node {
    const cells = rows.map((r) => r.map((c) => this.arg(c)));
    // In an equation array `&` marks the alignment point; one left-aligned column keeps it simple.
    const strip = (s: string) => s.replace(/\\&/g, '');
    const tex = `${begin}${cells.map((r) => r.map((c) => strip(c.tex)).join(' & ')).join(' \\\\ ')}${endTex}`;
    const ml = `<mtable>${cells.map((r) => `<mtr>${r.map((c) => `<mtd>${mrow(c)}</mtd>`).join('')}</mtr>`).join('')}</mtable>`;
    return { tex, ml, text: cells.map((r) => r.map((c) => c.text.replace(/&/g, '')).join(' ')).join('；') };
  }
}

/** The MathML of a formula with its TeX as the annotation, as the item model stores it. */
export function mathElement(ml: string, tex: string, display: boolean): string {
  return (
    `<math xmlns="${MATHML_NS}"${display ? ' display="block"' : ''}><semantics><mrow>${ml}</mrow>` +
    `<annotation encoding="application/x-tex">${escapeXml(tex)}</annotation></semantics></math>`
  );
}

/** Converts one `m:oMath`; `display` for an equation on its own line (`m:oMathPara`). */
export function convertOmml(oMath: XmlElement, display = false): MathResult {
  const c = new Converter();
  const n = c.arg(oMath);
  return {
    mathml: mathElement(n.ml, n.tex, display),
    tex: n.tex,
    text: n.text,
    display,
    unknown: [...c.unknown],
  };
}

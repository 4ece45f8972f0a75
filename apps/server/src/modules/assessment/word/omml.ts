/**
 * Word equations (OMML, ECMA-376 part 1 §22.1) → MathML carrying its TeX, as the item model stores
 * formulas (`item-model.ts`). Covers what school papers are written with: fractions, sub- and
 * superscripts (also before the base), radicals, n-ary operators (∑ ∏ ∫ …), delimiters, accents,
 * bars, group characters, lower and upper limits, function names, equation arrays, matrices, boxes,
 * phantoms. An element outside that list keeps its text and is reported (`unknown`), so the teacher
 * is told which formula to check.
 */
import { LayoutConstructs } from './omml-layout.ts';
import { EMPTY, group, isCjk, joinTex, mathElement, mrow, type Node, paren, seq } from './omml-node.ts';
import { escapeXml } from './rich-html.ts';
import { isOperatorChar, TEX_FUNCTIONS, TEX_OF_CHAR } from './tex-symbols.ts';
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

class Converter extends LayoutConstructs {
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

/**
 * The OMML constructs that arrange other formulas: delimiters, accents and bars, group characters,
 * limits, function names, equation arrays and matrices. A base of the converter in `omml.ts`.
 */
import { group, joinTex, mrow, type Node, paren, SPACING_ACCENT } from './omml-node.ts';
import { escapeXml } from './rich-html.ts';
import { TEX_ACCENTS, TEX_DELIMITERS, TEX_OF_CHAR } from './tex-symbols.ts';
import { kid, kids, val, type XmlElement } from './xml-tree.ts';

export abstract class LayoutConstructs {
  /** OMML elements that were not understood (their text was kept). */
  readonly unknown = new Set<string>();

  /** The children of an argument element (`m:e`, `m:num` …) as one formula. */
  abstract arg(el: XmlElement | undefined): Node;

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

/**
 * MathML (as KaTeX writes it, or as the Word import writes it) → OMML, so formulas in an exported
 * .docx are Word equations a teacher can edit. Covers fractions, scripts, radicals, n-ary operators
 * with their operand, fenced groups, accents and bars, under/over limits, tables, boxes, phantoms;
 * anything else keeps its text (reported in `unknown`).
 */
import { escapeXml } from '../word/rich-html.ts';
import { kids, textOf, type XmlElement } from './rich-tree.ts';

const NS =
  'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const NARY = new Set(['∑', '∏', '∐', '∫', '∬', '∭', '∮', '⋃', '⋂', '⋁', '⋀']);
/** Spacing accents (as MathML writes them over a base) → the combining character Word's `m:acc` wants. */
const ACCENTS: Record<string, string> = {
  '^': '\u0302',
  ˆ: '\u0302',
  ˉ: '\u0305',
  '¯': '\u0305',
  '\u0305': '\u0305',
  '→': '\u20d7',
  '\u20d7': '\u20d7',
  '~': '\u0303',
  '˜': '\u0303',
  '˙': '\u0307',
  '¨': '\u0308',
  ˇ: '\u030c',
  '´': '\u0301',
  '`': '\u0300',
  '˘': '\u0306',
  '←': '\u20d6',
  '↔': '\u20e1',
};
const OPENERS = new Set(['(', '[', '{', '|', '‖', '⟨', '〈', '⌊', '⌈', '']);

const local = (el: XmlElement) => el.name.replace(/^mml:/, '');
const val = (v: string) => `m:val="${escapeXml(v)}"`;

class Writer {
  readonly unknown = new Set<string>();

  run(raw: string, plain = false): string {
    // Invisible operators (function application, invisible times) are implied in OMML.
    const text = raw.replace(/[\u2061-\u2064]/g, '');
    if (!text) return '';
    const sty = plain ? '<m:rPr><m:sty m:val="p"/></m:rPr>' : '';
    return `<m:r>${sty}<w:rPr><w:rFonts w:ascii="Cambria Math" w:hAnsi="Cambria Math"/></w:rPr><m:t xml:space="preserve">${escapeXml(text)}</m:t></m:r>`;
  }

  /** A row of elements; an n-ary operator takes the element after it as its operand. */
  row(els: XmlElement[]): string {
    let out = '';
    for (let i = 0; i < els.length; i++) {
      const el = els[i]!;
      const op = this.naryOp(el);
      const close = this.matching(els, i);
      if (close !== undefined) {
        out += this.bracketed(els, i, close);
        i = close;
      } else if (op) {
        const operand = els[i + 1];
        if (operand) i++;
        out += this.nary(op, el, operand ? this.node(operand) : '');
      } else out += this.node(el);
    }
    return out;
  }

  /**
   * Where the bracket opened at `i` closes in the same row: at a closing `<mo>`, or at a script whose
   * base is one (KaTeX writes `(2a)^3` as `( 2 a <msup>)3</msup>`).
   */
  private matching(els: XmlElement[], i: number): number | undefined {
    const open = this.bracket(els[i]!);
    if (!open || !'([{'.includes(open)) return undefined;
    const pair = { '(': ')', '[': ']', '{': '}' }[open]!;
    let depth = 0;
    for (let k = i + 1; k < els.length; k++) {
      const el = els[k]!;
      const ch = this.bracket(el) ?? this.bracket(this.args(el)[0]);
      const scripted = ['msup', 'msub', 'msubsup'].includes(local(el));
      if (ch === open && !scripted) depth++;
      else if (ch === pair && (scripted || local(el) === 'mo')) {
        if (depth === 0) return k;
        depth--;
      }
    }
    return undefined;
  }

  private bracket(el: XmlElement | undefined): string | undefined {
    return el && local(el) === 'mo' && el.attrs.fence !== 'true' ? textOf(el).trim() : undefined;
  }

  /** A bracketed run as `m:d` (balanced, as Word and LibreOffice want it), with the closing script kept. */
  private bracketed(els: XmlElement[], open: number, close: number): string {
    const begin = this.bracket(els[open]!)!;
    const closer = els[close]!;
    const end = this.bracket(closer) ?? this.bracket(this.args(closer)[0])!;
    const d = `<m:d><m:dPr><m:begChr ${val(begin)}/><m:endChr ${val(end)}/></m:dPr><m:e>${this.row(els.slice(open + 1, close))}</m:e></m:d>`;
    const [, a, b] = this.args(closer);
    switch (local(closer)) {
      case 'msup':
        return `<m:sSup><m:e>${d}</m:e><m:sup>${a ? this.node(a) : ''}</m:sup></m:sSup>`;
      case 'msub':
        return `<m:sSub><m:e>${d}</m:e><m:sub>${a ? this.node(a) : ''}</m:sub></m:sSub>`;
      case 'msubsup':
        return `<m:sSubSup><m:e>${d}</m:e><m:sub>${a ? this.node(a) : ''}</m:sub><m:sup>${b ? this.node(b) : ''}</m:sup></m:sSubSup>`;
      default:
        return d;
    }
  }

  private args(el: XmlElement): XmlElement[] {
    return kids(el).filter((k) => !['annotation', 'annotation-xml'].includes(local(k)));
  }

  /** The operator of an n-ary construct: `<mo>∑</mo>` alone or as the base of scripts. */
  private naryOp(el: XmlElement): string | undefined {
    const name = local(el);
    const base =
      name === 'mo'
        ? el
        : ['msub', 'msup', 'msubsup', 'munder', 'mover', 'munderover'].includes(name)
          ? this.args(el)[0]
          : undefined;
    const ch = base && local(base) === 'mo' ? textOf(base).trim() : '';
    return NARY.has(ch) ? ch : undefined;
  }

  private nary(op: string, el: XmlElement, operand: string): string {
    const name = local(el);
    const [, a, b] = this.args(el);
    const under = name.startsWith('mu') || name === 'mover';
    const lower =
      name === 'msub' || name === 'msubsup' || name === 'munder' || name === 'munderover' ? a : undefined;
    const upper =
      name === 'msup' || name === 'mover' ? a : name === 'msubsup' || name === 'munderover' ? b : undefined;
    const pr = `<m:naryPr><m:chr ${val(op)}/><m:limLoc ${val(under ? 'undOvr' : 'subSup')}/>${lower ? '' : '<m:subHide m:val="1"/>'}${upper ? '' : '<m:supHide m:val="1"/>'}</m:naryPr>`;
    return `<m:nary>${pr}<m:sub>${lower ? this.node(lower) : ''}</m:sub><m:sup>${upper ? this.node(upper) : ''}</m:sup><m:e>${operand}</m:e></m:nary>`;
  }

  node(el: XmlElement): string {
    const a = this.args(el);
    const e = (x: XmlElement | undefined) => (x ? this.node(x) : '');
    switch (local(el)) {
      case 'math':
      case 'semantics':
      case 'mstyle':
      case 'mpadded':
        return this.row(a);
      case 'mrow':
        return this.fenced(a) ?? this.row(a);
      case 'mi': {
        const t = textOf(el).trim();
        return this.run(t, el.attrs.mathvariant === 'normal' || t.length > 1);
      }
      case 'mn':
      case 'mo':
        return this.run(textOf(el).trim());
      case 'mtext':
      case 'ms':
        return this.run(textOf(el), true);
      case 'mspace':
      case 'none':
      case 'mprescripts':
        return '';
      case 'mfrac': {
        const thin = el.attrs.linethickness === '0' || el.attrs.linethickness === '0px';
        const type = thin
          ? '<m:fPr><m:type m:val="noBar"/></m:fPr>'
          : el.attrs.bevelled === 'true'
            ? '<m:fPr><m:type m:val="skw"/></m:fPr>'
            : '';
        return `<m:f>${type}<m:num>${e(a[0])}</m:num><m:den>${e(a[1])}</m:den></m:f>`;
      }
      case 'msup':
        return `<m:sSup><m:e>${e(a[0])}</m:e><m:sup>${e(a[1])}</m:sup></m:sSup>`;
      case 'msub':
        return `<m:sSub><m:e>${e(a[0])}</m:e><m:sub>${e(a[1])}</m:sub></m:sSub>`;
      case 'msubsup':
        return `<m:sSubSup><m:e>${e(a[0])}</m:e><m:sub>${e(a[1])}</m:sub><m:sup>${e(a[2])}</m:sup></m:sSubSup>`;
      case 'msqrt':
        return `<m:rad><m:radPr><m:degHide m:val="1"/></m:radPr><m:deg/><m:e>${this.row(a)}</m:e></m:rad>`;
      case 'mroot':
        return `<m:rad><m:deg>${e(a[1])}</m:deg><m:e>${e(a[0])}</m:e></m:rad>`;
      case 'mover':
        return this.over(a[0], a[1]);
      case 'munder':
        return this.under(a[0], a[1]);
      case 'munderover':
        return `<m:limUpp><m:e>${this.under(a[0], a[1])}</m:e><m:lim>${e(a[2])}</m:lim></m:limUpp>`;
      case 'mtable':
        return this.table(el);
      case 'mfenced': {
        const open = el.attrs.open ?? '(';
        const close = el.attrs.close ?? ')';
        return `<m:d><m:dPr><m:begChr ${val(open)}/><m:endChr ${val(close)}/></m:dPr>${a.map((x) => `<m:e>${this.node(x)}</m:e>`).join('')}</m:d>`;
      }
      case 'menclose':
        return `<m:borderBox><m:e>${this.row(a)}</m:e></m:borderBox>`;
      case 'mphantom':
        return `<m:phant><m:e>${this.row(a)}</m:e></m:phant>`;
      case 'mmultiscripts': {
        const pre = a.findIndex((x) => local(x) === 'mprescripts');
        if (pre < 0)
          return `<m:sSubSup><m:e>${e(a[0])}</m:e><m:sub>${e(a[1])}</m:sub><m:sup>${e(a[2])}</m:sup></m:sSubSup>`;
        return `<m:sPre><m:sub>${e(a[pre + 1])}</m:sub><m:sup>${e(a[pre + 2])}</m:sup><m:e>${e(a[0])}</m:e></m:sPre>`;
      }
      default:
        this.unknown.add(local(el));
        return this.run(textOf(el), true);
    }
  }

  /** `<mrow><mo fence>(</mo>…<mo fence>)</mo></mrow>` (what `\left( … \right)` becomes) → `m:d`. */
  private fenced(a: XmlElement[]): string | undefined {
    const first = a[0];
    const last = a.at(-1);
    const isFence = (x: XmlElement | undefined) => x && local(x) === 'mo' && x.attrs.fence === 'true';
    if (a.length < 2 || !isFence(first) || !OPENERS.has(textOf(first!).trim())) return undefined;
    // `\right.` writes no closing fence at all.
    const closed = isFence(last);
    const end = closed ? textOf(last!).trim() : '';
    const pr = `<m:dPr><m:begChr ${val(textOf(first!).trim())}/><m:endChr ${val(end)}/></m:dPr>`;
    return `<m:d>${pr}<m:e>${this.row(a.slice(1, closed ? -1 : undefined))}</m:e></m:d>`;
  }

  private over(base: XmlElement | undefined, over: XmlElement | undefined): string {
    const mark = over && local(over) === 'mo' ? textOf(over).trim() : '';
    const b = base ? this.node(base) : '';
    if (mark === '‾' || (mark === '¯' && over?.attrs.stretchy === 'true'))
      return `<m:bar><m:barPr><m:pos m:val="top"/></m:barPr><m:e>${b}</m:e></m:bar>`;
    if (ACCENTS[mark])
      return `<m:acc><m:accPr><m:chr ${val(ACCENTS[mark]!)}/></m:accPr><m:e>${b}</m:e></m:acc>`;
    if (mark === '⏞')
      return `<m:groupChr><m:groupChrPr><m:chr m:val="⏞"/><m:pos m:val="top"/><m:vertJc m:val="bot"/></m:groupChrPr><m:e>${b}</m:e></m:groupChr>`;
    return `<m:limUpp><m:e>${b}</m:e><m:lim>${over ? this.node(over) : ''}</m:lim></m:limUpp>`;
  }

  private under(base: XmlElement | undefined, under: XmlElement | undefined): string {
    const mark = under && local(under) === 'mo' ? textOf(under).trim() : '';
    const b = base ? this.node(base) : '';
    if (mark === '_' || mark === '‾')
      return `<m:bar><m:barPr><m:pos m:val="bot"/></m:barPr><m:e>${b}</m:e></m:bar>`;
    if (mark === '⏟') return `<m:groupChr><m:e>${b}</m:e></m:groupChr>`;
    return `<m:limLow><m:e>${b}</m:e><m:lim>${under ? this.node(under) : ''}</m:lim></m:limLow>`;
  }

  private table(el: XmlElement): string {
    const rows = kids(el).filter((r) => local(r) === 'mtr' || local(r) === 'mlabeledtr');
    const cells = rows.map((r) => kids(r).filter((c) => local(c) === 'mtd'));
    if (cells.every((r) => r.length <= 1)) {
      return `<m:eqArr>${cells.map((r) => `<m:e>${r[0] ? this.row(this.args(r[0])) : ''}</m:e>`).join('')}</m:eqArr>`;
    }
    const width = Math.max(...cells.map((r) => r.length));
    const mr = cells.map(
      (r) =>
        `<m:mr>${Array.from({ length: width }, (_, i) => `<m:e>${r[i] ? this.row(this.args(r[i]!)) : ''}</m:e>`).join('')}</m:mr>`,
    );
    return `<m:m><m:mPr><m:mcs><m:mc><m:mcPr><m:count ${val(String(width))}/><m:mcJc m:val="center"/></m:mcPr></m:mc></m:mcs></m:mPr>${mr.join('')}</m:m>`;
  }
}

export interface OmmlResult {
  /** An `m:oMath` element (inside an `m:oMathPara` for a display formula), namespaces declared. */
  omml: string;
  unknown: string[];
}

/** Converts a `<math>` element; a display formula (`display="block"`) becomes an equation paragraph. */
export function mathmlToOmml(math: XmlElement): OmmlResult {
  const w = new Writer();
  const body = w.node(math);
  const display = math.attrs.display === 'block';
  const omml = display
    ? `<m:oMathPara ${NS}><m:oMath>${body}</m:oMath></m:oMathPara>`
    : `<m:oMath ${NS}>${body}</m:oMath>`;
  return { omml, unknown: [...w.unknown] };
}

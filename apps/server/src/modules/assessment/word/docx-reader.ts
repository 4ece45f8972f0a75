/**
 * Walks a document's body into blocks: paragraphs (runs, equations, pictures, list labels) and
 * tables, in reading order. Tracked deletions, hidden text and field instructions are left out, as
 * Word shows them; tracked insertions and field results are kept.
 */

import { docxError } from './docx-errors.ts';
import type { DocxPackage } from './docx-package.ts';
import { type ExtractedImage, imageKey, sniffImage } from './images.ts';
import { Numbering } from './numbering.ts';
import { convertOmml } from './omml.ts';
import { type Block, type Line, makeLine, type Seg } from './segments.ts';
import { find, kid, kids, parseXml, textOf, val, type XmlElement } from './xml-tree.ts';

export interface ReadDocument {
  blocks: Block[];
  images: Map<string, ExtractedImage>;
  /** Problems found while reading, by paragraph (e.g. a picture in a format browsers cannot show). */
  notes: { para: number; message: string }[];
}

const EMU_PER_PX = 9525;
const isOn = (el: XmlElement | undefined) => !!el && !['0', 'false', 'off'].includes(val(el) ?? '1');
/** Word's Symbol-font characters (w:sym) that papers use, from their private-use code points. */
const SYMBOL_FONT: Record<string, string> = {
  F0B4: '×',
  F0B8: '÷',
  F0B1: '±',
  F0A3: '≤',
  F0B3: '≥',
  F0B9: '≠',
  F0BB: '≈',
  F0D0: '∠',
  F05E: '⊥',
  F070: 'π',
  F0B0: '°',
  F0DE: '⇒',
  F0AE: '→',
  F0D6: '√',
  F0A5: '∞',
  F0CE: '∈',
  F044: 'Δ',
  F061: 'α',
  F062: 'β',
};

class Reader {
  readonly blocks: Block[] = [];
  readonly images = new Map<string, ExtractedImage>();
  readonly notes: { para: number; message: string }[] = [];
  private para = 0;
  private field: ('instr' | 'result')[] = [];

  constructor(
    private readonly pkg: DocxPackage,
    private readonly numbering: Numbering,
  ) {}

  body(el: XmlElement, into: Block[]): void {
    for (const c of kids(el)) {
      if (c.name === 'w:p') into.push(this.paragraph(c));
      else if (c.name === 'w:tbl') into.push(this.table(c));
      else if (c.name === 'w:sdt') this.body(kid(c, 'w:sdtContent') ?? c, into);
      else if (c.name === 'w:customXml' || c.name === 'w:ins') this.body(c, into);
      else if (c.name === 'mc:AlternateContent') this.body(this.choose(c), into);
    }
  }

  /** Of markup-compatibility alternatives, the first choice (what current Word writes), else the fallback. */
  private choose(alt: XmlElement): XmlElement {
    return kid(alt, 'mc:Choice') ?? kid(alt, 'mc:Fallback') ?? alt;
  }

  paragraph(p: XmlElement): Line {
    const para = ++this.para;
    const pPr = kid(p, 'w:pPr');
    const segs: Seg[] = [];
    const label = this.numbering.label(pPr);
    if (label.text)
      segs.push(
        { kind: 'text', text: label.text },
        label.tab ? { kind: 'tab' } : { kind: 'text', text: ' ' },
      );
    this.field = [];
    this.inline(p, segs, para);
    return makeLine(segs, para, val(kid(pPr, 'w:jc')) === 'center');
  }

  private table(tbl: XmlElement): Block {
    const para = this.para + 1;
    const rows: Line[][] = [];
    for (const tr of kids(tbl, 'w:tr')) {
      const cells: Line[] = [];
      for (const tc of kids(tr, 'w:tc')) {
        const inner: Block[] = [];
        this.body(tc, inner);
        const segs: Seg[] = [];
        for (const b of inner) {
          const lines = b.kind === 'line' ? [b] : b.rows.flat();
          for (const l of lines) {
            if (segs.length) segs.push({ kind: 'break' });
            segs.push(...l.segs);
          }
        }
        cells.push(makeLine(segs, inner[0]?.para ?? para));
      }
      rows.push(cells);
    }
    return { kind: 'table', para, rows };
  }

  private inline(el: XmlElement, segs: Seg[], para: number): void {
    for (const c of kids(el)) {
      switch (c.name) {
        case 'w:r':
          this.run(c, segs, para);
          break;
        case 'w:hyperlink':
        case 'w:ins':
        case 'w:moveTo':
        case 'w:smartTag':
        case 'w:customXml':
        case 'w:fldSimple':
        case 'w:dir':
        case 'w:bdo':
          this.inline(c, segs, para);
          break;
        case 'w:sdt':
          this.inline(kid(c, 'w:sdtContent') ?? c, segs, para);
          break;
        case 'mc:AlternateContent':
          this.inline(this.choose(c), segs, para);
          break;
        case 'm:oMath':
          this.math(c, false, segs, para);
          break;
        case 'm:oMathPara':
          for (const m of kids(c, 'm:oMath')) this.math(m, true, segs, para);
          break;
      }
    }
  }

  private math(oMath: XmlElement, display: boolean, segs: Seg[], para: number): void {
    const math = convertOmml(oMath, display);
    if (math.unknown.length) {
      this.notes.push({
        para,
        message: `第 ${para} 段的公式中有未能识别的结构（${math.unknown.join('、')}），已按文字导入，请核对`,
      });
    }
    segs.push({ kind: 'math', math });
  }

  private run(r: XmlElement, segs: Seg[], para: number): void {
    const rPr = kid(r, 'w:rPr');
    if (isOn(kid(rPr, 'w:vanish'))) return;
    const u = kid(rPr, 'w:u');
    const fmt = {
      u: u && val(u) !== 'none' ? true : undefined,
      b: isOn(kid(rPr, 'w:b')) || undefined,
      i: isOn(kid(rPr, 'w:i')) || undefined,
      va: ({ superscript: 'sup', subscript: 'sub' } as const)[val(kid(rPr, 'w:vertAlign')) as 'superscript'],
    };
    for (const c of kids(r)) {
      const inInstr = this.field.at(-1) === 'instr';
      switch (c.name) {
        case 'w:fldChar': {
          const type = val(c, 'w:fldCharType');
          if (type === 'begin') this.field.push('instr');
          else if (type === 'separate' && this.field.length) this.field[this.field.length - 1] = 'result';
          else if (type === 'end') this.field.pop();
          break;
        }
        case 'w:t':
          if (!inInstr) segs.push({ kind: 'text', text: textOf(c), ...fmt });
          break;
        case 'w:tab':
        case 'w:ptab':
          if (!inInstr) segs.push({ kind: 'tab' });
          break;
        case 'w:br':
        case 'w:cr':
          if (!inInstr && !['page', 'column'].includes(val(c, 'w:type') ?? '')) segs.push({ kind: 'break' });
          break;
        case 'w:noBreakHyphen':
          segs.push({ kind: 'text', text: '-', ...fmt });
          break;
        case 'w:sym': {
          const code = (val(c, 'w:char') ?? '').toUpperCase();
          const ch =
            SYMBOL_FONT[code] ??
            (/^[0-9A-F]{4}$/.test(code) && !code.startsWith('F')
              ? String.fromCharCode(Number.parseInt(code, 16))
              : '');
          if (ch) segs.push({ kind: 'text', text: ch, ...fmt });
          break;
        }
        case 'w:drawing':
          this.drawing(c, segs, para);
          break;
        case 'w:pict':
        case 'w:object':
          this.vml(c, segs, para);
          break;
        case 'mc:AlternateContent':
          this.run({ ...r, children: kids(this.choose(c)) }, segs, para);
          break;
      }
    }
  }

  private drawing(d: XmlElement, segs: Seg[], para: number): void {
    if (find(d, 'wps:txbx') || find(d, 'w:txbxContent')) {
      this.notes.push({ para, message: `第 ${para} 段有文本框，文本框中的文字未导入，请核对` });
    }
    const extent = find(d, 'wp:extent');
    const blip = find(d, 'a:blip');
    if (!blip) return;
    const cx = Number(extent?.attrs.cx);
    const cy = Number(extent?.attrs.cy);
    const size =
      cx > 0 && cy > 0 ? { width: Math.round(cx / EMU_PER_PX), height: Math.round(cy / EMU_PER_PX) } : {};
    const id = blip.attrs['r:embed'] ?? blip.attrs['r:link'];
    this.picture(id, segs, para, size);
  }

  /** Old-style pictures (`w:pict`) and embedded objects (`w:object`, e.g. MathType equations) by their preview. */
  private vml(el: XmlElement, segs: Seg[], para: number): void {
    const data = find(el, 'v:imagedata');
    const id = data?.attrs['r:id'] ?? data?.attrs['o:relid'];
    if (!id) return;
    if (el.name === 'w:object') {
      this.notes.push({
        para,
        message: `第 ${para} 段有嵌入对象（如 MathType 公式），已按图片导入，建议改为 Word 公式后重新导入`,
      });
    }
    this.picture(id, segs, para, {});
  }

  private picture(
    id: string | undefined,
    segs: Seg[],
    para: number,
    size: { width?: number; height?: number },
  ): void {
    const rel = id ? this.pkg.rels(this.pkg.documentPart).get(id) : undefined;
    if (!rel) return;
    if (rel.external) {
      this.notes.push({
        para,
        message: `第 ${para} 段的图片是外部链接，未导入，请在 Word 中嵌入图片后重新导入`,
      });
      return;
    }
    const part = this.pkg.target(this.pkg.documentPart, rel);
    if (!this.pkg.has(part)) {
      this.notes.push({ para, message: `第 ${para} 段的图片在文档中缺失（${part}）` });
      return;
    }
    const bytes = this.pkg.bytes(part);
    const kind = sniffImage(bytes);
    if (!kind) {
      this.notes.push({ para, message: `第 ${para} 段的图片格式无法识别（${part}），未导入` });
      return;
    }
    const key = imageKey(bytes);
    if (!this.images.has(key)) this.images.set(key, { key, bytes, part, ...kind });
    if (!kind.webSafe) {
      this.notes.push({
        para,
        message: `第 ${para} 段的图片是 ${kind.extension.toUpperCase()} 格式，浏览器无法显示，请替换为 PNG 或 JPEG 图片`,
      });
    }
    segs.push({ kind: 'image', key, ...size });
  }
}

/** Reads the body of an opened package into blocks, pictures and notes. */
export function readDocument(pkg: DocxPackage): ReadDocument {
  const root = parseXml(pkg.text(pkg.documentPart)!, pkg.documentPart);
  const body = kid(root, 'w:body');
  if (root.name !== 'w:document' || !body) {
    throw docxError('文件不是 Word 文档（可能是 Excel 或 PowerPoint 文件），请上传 .docx 试卷', {
      part: pkg.documentPart,
      reason: 'not_word',
    });
  }
  const rels = pkg.rels(pkg.documentPart);
  const partOf = (kind: string) => {
    const rel = [...rels.values()].find((r) => r.type.endsWith(`/${kind}`));
    return rel ? pkg.target(pkg.documentPart, rel) : undefined;
  };
  const numberingPart = partOf('numbering');
  const stylesPart = partOf('styles');
  const numbering = new Numbering(
    numberingPart ? pkg.text(numberingPart) : undefined,
    stylesPart ? pkg.text(stylesPart) : undefined,
  );
  const reader = new Reader(pkg, numbering);
  reader.body(body, reader.blocks);
  return { blocks: reader.blocks, images: reader.images, notes: reader.notes };
}

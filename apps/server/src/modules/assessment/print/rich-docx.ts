/**
 * Rich text → `docx` paragraphs, runs and tables: formulas as Word equations (via MathML → OMML),
 * pictures from the store at their size (within the column), blanks as underlined space.
 */
import {
  BorderStyle,
  ImageRun,
  ImportedXmlComponent,
  type IParagraphOptions,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { mathmlToOmml } from './mathml-omml.ts';
import type { ImageResolver } from './print-layout.ts';
import { imageKeyOf, isMath, kids, parseRich, type XmlElement, type XmlNode } from './rich-tree.ts';

type Block = Paragraph | Table;
interface Loaded {
  data: Buffer;
  type: 'png' | 'jpg' | 'gif' | 'bmp';
  width: number;
  height: number;
}
interface Style {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  va?: 'superScript' | 'subScript';
}

const TYPES: Record<string, Loaded['type']> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/bmp': 'bmp',
};

/** Pixel size from a PNG, JPEG or GIF header; undefined when unknown. */
export function imageSize(b: Buffer): { width: number; height: number } | undefined {
  if (b.readUInt32BE(0) === 0x89504e47) return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  if (b.toString('latin1', 0, 3) === 'GIF') return { width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
  if (b[0] === 0xff && b[1] === 0xd8) {
    for (let i = 2; i + 9 < b.length; ) {
      if (b[i] !== 0xff) return undefined;
      const marker = b[i + 1]!;
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
        return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
      }
      i += 2 + b.readUInt16BE(i + 2);
    }
  }
  return undefined;
}

export class RichDocx {
  readonly notes: string[] = [];
  private readonly images = new Map<string, Loaded | null>();

  constructor(
    private readonly resolve: ImageResolver,
    /** The widest a picture may print, in pixels at 96 dpi. */
    private readonly maxWidth: number,
  ) {}

  async load(richTexts: (string | undefined)[]): Promise<void> {
    const keys = new Set<string>();
    const walk = (n: XmlNode) => {
      if (typeof n === 'string') return;
      const k = n.name === 'img' ? imageKeyOf(n) : undefined;
      if (k) keys.add(k);
      n.children.forEach(walk);
    };
    for (const r of richTexts) walk(parseRich(r));
    await Promise.all(
      [...keys]
        .filter((k) => !this.images.has(k))
        .map(async (k) => {
          const img = await this.resolve(k);
          const type = img && TYPES[img.contentType];
          const size = img && type ? (imageSize(img.bytes) ?? { width: 300, height: 200 }) : undefined;
          this.images.set(k, img && type && size ? { data: img.bytes, type, ...size } : null);
        }),
    );
  }

  /** Block content; `lead` runs (the item number) open the first paragraph. */
  blocks(rich: string | undefined, lead: ParagraphChild[] = [], options: IParagraphOptions = {}): Block[] {
    const root = parseRich(rich);
    const out: Block[] = [];
    let inline: XmlNode[] = [];
    let pendingLead = lead;
    const flush = () => {
      if (!inline.length) return;
      out.push(new Paragraph({ ...options, children: [...pendingLead, ...this.runs(inline, {})] }));
      pendingLead = [];
      inline = [];
    };
    for (const c of root.children) {
      if (typeof c !== 'string' && c.name === 'p') {
        flush();
        out.push(...this.paragraph(c, pendingLead, options));
        pendingLead = [];
      } else if (typeof c !== 'string' && c.name === 'table') {
        flush();
        out.push(this.table(c));
      } else if (typeof c !== 'string' && (c.name === 'ul' || c.name === 'ol')) {
        flush();
        kids(c).forEach((li, i) => {
          out.push(
            new Paragraph({
              ...options,
              children: [new TextRun(c.name === 'ol' ? `${i + 1}. ` : '• '), ...this.runs(li.children, {})],
            }),
          );
        });
      } else inline.push(c);
    }
    flush();
    if (pendingLead.length) out.unshift(new Paragraph({ ...options, children: pendingLead }));
    return out;
  }

  inline(rich: string | undefined): ParagraphChild[] {
    return this.runs(parseRich(rich).children, {});
  }

  /** A `<p>`: a display formula alone in it becomes an equation paragraph of its own. */
  private paragraph(p: XmlElement, lead: ParagraphChild[], options: IParagraphOptions): Paragraph[] {
    const children = p.children.filter((c) => typeof c !== 'string' || c.trim());
    const only = children.length === 1 && typeof children[0] !== 'string' ? children[0] : undefined;
    if (only && isMath(only) && only.attrs.display === 'block') {
      const math = this.math(only);
      return lead.length
        ? [new Paragraph({ ...options, children: lead }), new Paragraph({ children: [math] })]
        : [new Paragraph({ children: [math] })];
    }
    return [new Paragraph({ ...options, children: [...lead, ...this.runs(p.children, {})] })];
  }

  private runs(nodes: XmlNode[], style: Style): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const n of nodes) {
      if (typeof n === 'string') {
        if (n)
          out.push(
            new TextRun({
              text: n,
              bold: style.bold,
              italics: style.italics,
              underline: style.underline ? {} : undefined,
              ...(style.va ? { [style.va]: true } : {}),
            }),
          );
        continue;
      }
      switch (n.name) {
        case 'strong':
        case 'b':
          out.push(...this.runs(n.children, { ...style, bold: true }));
          break;
        case 'em':
        case 'i':
          out.push(...this.runs(n.children, { ...style, italics: true }));
          break;
        case 'u':
          out.push(...this.runs(n.children, { ...style, underline: true }));
          break;
        case 'sup':
          out.push(...this.runs(n.children, { ...style, va: 'superScript' }));
          break;
        case 'sub':
          out.push(...this.runs(n.children, { ...style, va: 'subScript' }));
          break;
        case 'br':
          out.push(new TextRun({ text: '', break: 1 }));
          break;
        case 'img':
          out.push(this.image(n));
          break;
        case 'span':
          if (n.attrs['data-blank'] !== undefined)
            out.push(new TextRun({ text: '\u00a0'.repeat(14), underline: {} }));
          else out.push(...this.runs(n.children, style));
          break;
        default:
          if (isMath(n)) out.push(this.math(n));
          else out.push(...this.runs(n.children, style));
      }
    }
    return out;
  }

  private math(el: XmlElement): ParagraphChild {
    const { omml, unknown } = mathmlToOmml(el);
    if (unknown.length) this.notes.push(`公式中的 ${unknown.join('、')} 未能转换为 Word 公式，已按文字输出`);
    // The docx package has no builder for every OMML construct; the converted XML goes in as it is.
    return ImportedXmlComponent.fromXmlString(omml) as unknown as ParagraphChild;
  }

  private image(img: XmlElement): ParagraphChild {
    const key = imageKeyOf(img);
    const loaded = key ? this.images.get(key) : null;
    if (!loaded) return new TextRun({ text: '［图片缺失］', color: 'AA0000' });
    const w = Number(img.attrs.width) || loaded.width;
    const h = Number(img.attrs.height) || Math.round((loaded.height * w) / loaded.width);
    const scale = Math.min(1, this.maxWidth / w);
    return new ImageRun({
      type: loaded.type,
      data: loaded.data,
      transformation: { width: Math.round(w * scale), height: Math.round(h * scale) },
    });
  }

  private table(t: XmlElement): Table {
    const rows = kids(t).flatMap((x) => (x.name === 'tr' ? [x] : kids(x).filter((r) => r.name === 'tr')));
    const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
    return new Table({
      rows: rows.map(
        (r) =>
          new TableRow({
            children: kids(r)
              .filter((c) => c.name === 'td' || c.name === 'th')
              .map(
                (c) =>
                  new TableCell({
                    children: [new Paragraph({ alignment: 'center', children: this.runs(c.children, {}) })],
                    columnSpan: Number(c.attrs.colspan) || undefined,
                    rowSpan: Number(c.attrs.rowspan) || undefined,
                    borders: { top: border, bottom: border, left: border, right: border },
                  }),
              ),
          }),
      ),
      width: { size: 0, type: WidthType.AUTO },
    });
  }
}

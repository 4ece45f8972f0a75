/**
 * Rich text → HTML for printing: formulas typeset by KaTeX from their TeX annotation (MathML as a
 * fallback when there is none), pictures embedded as data URLs from the store (the page loads
 * nothing from anywhere), blanks as underlines, and every other element through an allow-list.
 */
import katex from 'katex';
import { escapeXml } from '../word/rich-html.ts';
import type { ImageResolver } from './print-layout.ts';
import { imageKeyOf, isMath, parseRich, texOf, type XmlElement, type XmlNode } from './rich-tree.ts';

const KEEP = new Set([
  'p',
  'br',
  'strong',
  'b',
  'em',
  'i',
  'u',
  'sub',
  'sup',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'td',
  'th',
]);
const WEB_IMAGES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp']);

/** Renders rich text; `lead` (e.g. the item number) goes at the start of the first paragraph. */
export class RichPrinter {
  /** Formulas without TeX, or whose TeX KaTeX refused, for the caller to report. */
  readonly notes: string[] = [];
  private readonly images = new Map<string, string | null>();

  constructor(private readonly resolve: ImageResolver) {}

  /** Fetches every picture of these rich texts once, before rendering (rendering is synchronous). */
  async load(richTexts: (string | undefined)[]): Promise<void> {
    const keys = new Set<string>();
    const walk = (n: XmlNode) => {
      if (typeof n === 'string') return;
      if (n.name === 'img') {
        const k = imageKeyOf(n);
        if (k) keys.add(k);
      }
      n.children.forEach(walk);
    };
    for (const r of richTexts) walk(parseRich(r));
    await Promise.all(
      [...keys]
        .filter((k) => !this.images.has(k))
        .map(async (k) => {
          const img = await this.resolve(k);
          this.images.set(
            k,
            img && WEB_IMAGES.has(img.contentType)
              ? `data:${img.contentType};base64,${img.bytes.toString('base64')}`
              : null,
          );
        }),
    );
  }

  html(rich: string | undefined, lead = ''): string {
    const root = parseRich(rich);
    const blocks = root.children.some(
      (c) => typeof c !== 'string' && ['p', 'table', 'ul', 'ol'].includes(c.name),
    );
    if (!blocks) return `<p>${lead}${this.children(root)}</p>`;
    let led = !lead;
    return root.children
      .map((c) => {
        if (!led && typeof c !== 'string' && c.name === 'p') {
          led = true;
          return `<p>${lead}${this.children(c)}</p>`;
        }
        return this.node(c);
      })
      .join('')
      .concat(led ? '' : `<p>${lead}</p>`);
  }

  /** Inline rendering (an option's body). */
  inline(rich: string | undefined): string {
    return this.children(parseRich(rich));
  }

  private children(el: XmlElement): string {
    return el.children.map((c) => this.node(c)).join('');
  }

  private node(n: XmlNode): string {
    if (typeof n === 'string') return escapeXml(n);
    if (isMath(n)) return this.math(n);
    if (n.name === 'img') return this.image(n);
    if (n.name === 'span' && n.attrs['data-blank'] !== undefined) return '<span class="blank"></span>';
    if (KEEP.has(n.name)) {
      const span = ['td', 'th'].includes(n.name)
        ? ['colspan', 'rowspan']
            .map((a) => (/^\d{1,2}$/.test(n.attrs[a] ?? '') ? ` ${a}="${n.attrs[a]}"` : ''))
            .join('')
        : '';
      return n.name === 'br' ? '<br>' : `<${n.name}${span}>${this.children(n)}</${n.name}>`;
    }
    return this.children(n);
  }

  private math(el: XmlElement): string {
    const display = el.attrs.display === 'block';
    const tex = texOf(el);
    if (tex) {
      try {
        // Papers set fractions at full size even in running text (as Word and MathType do).
        const set = display ? tex : tex.replace(/\\frac(?=\s*\{)/g, '\\dfrac');
        return katex.renderToString(set, {
          displayMode: display,
          output: 'html',
          throwOnError: true,
          strict: false,
        });
      } catch (err) {
        this.notes.push(`公式无法排版（${tex}）：${err instanceof Error ? err.message : err}`);
      }
    } else this.notes.push('有公式缺少 TeX 标注，已按 MathML 排版');
    return this.mathml(el);
  }

  /** MathML as it came, elements and `mathvariant` only: Chromium lays MathML out natively. */
  private mathml(el: XmlElement): string {
    const name = el.name.replace(/^mml:/, '');
    if (!/^[a-z]+$/.test(name) || name === 'annotation' || name === 'annotation-xml') return '';
    const variant = el.attrs.mathvariant ? ` mathvariant="${escapeXml(el.attrs.mathvariant)}"` : '';
    const display = name === 'math' && el.attrs.display === 'block' ? ' display="block"' : '';
    const inner = el.children.map((c) => (typeof c === 'string' ? escapeXml(c) : this.mathml(c))).join('');
    return `<${name}${variant}${display}>${inner}</${name}>`;
  }

  private image(img: XmlElement): string {
    const key = imageKeyOf(img);
    const src = key ? this.images.get(key) : null;
    if (!src) return '<span class="missing-image">［图片缺失］</span>';
    const px = (a: string) => (/^\d{1,4}$/.test(img.attrs[a] ?? '') ? Number(img.attrs[a]) : undefined);
    const width = px('width');
    // Word sizes pictures in CSS pixels at 96 dpi; print keeps that size, within the column.
    const style = width ? ` style="width:${width}px"` : '';
    return `<img src="${src}" alt="${escapeXml(img.attrs.alt ?? '')}"${style}>`;
  }
}

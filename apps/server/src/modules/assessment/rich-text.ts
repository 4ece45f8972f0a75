/**
 * Rich text of the item bank (see `item-model.ts`): parse and sanitise an XHTML fragment to the
 * allow-list, derive its plain text, and turn TeX into MathML with KaTeX. Pure functions, no I/O.
 */
import katex from 'katex';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Rich } from './item-model.ts';
import { TEX_ENCODING } from './rich-allow-list.ts';
import { type RichIssue, type SanitizeOptions, sanitizeNodes } from './rich-sanitize.ts';
import { NS, parseXml, type XmlElement, XmlError, type XmlNode } from './xml-tree.ts';

export { HANLIN_FILE, type RichIssue, type SanitizeOptions } from './rich-sanitize.ts';

/** What the item model allows a rich field to hold. */
export const MAX_RICH_CHARS = 200_000;

/** Refused rich text: every problem with its line and column in the field as given. */
export class RichTextError extends AppError {
  constructor(
    readonly issues: RichIssue[],
    field?: string,
  ) {
    const where = field ? `「${field}」` : '内容';
    const first = issues[0];
    const at = first ? `（第 ${first.line} 行第 ${first.column} 列）` : '';
    super('validation_failed', `${where}${first?.message ?? '格式无效'}${at}`, { field, issues });
  }
}

/**
 * The canonical, safe form of a rich-text field: what the bank stores. Throws `RichTextError`
 * listing every refused element or attribute (script, event handlers, `javascript:`/`data:`
 * addresses, foreign elements, pictures that are not stored files …) with where it stands.
 */
export function sanitizeRich(input: string, opts: SanitizeOptions & { field?: string } = {}): Rich {
  const { rich, issues } = checkRich(input, opts);
  if (issues.length > 0) throw new RichTextError(issues, opts.field);
  return rich;
}

/**
 * `sanitizeRich` without throwing: the canonical text and the problems found. `lineOffset` places
 * the field in a larger document (rich text escaped inside an XML element, say).
 */
export function checkRich(
  input: string,
  opts: SanitizeOptions & { lineOffset?: number } = {},
): { rich: Rich; issues: RichIssue[] } {
  const issues: RichIssue[] = [];
  let root: XmlElement;
  try {
    root = parseXml(input.replace(/\r\n?/g, '\n'), { fragment: true, lineOffset: opts.lineOffset });
  } catch (err) {
    if (!(err instanceof XmlError)) throw err;
    return { rich: '', issues: [{ message: err.message, line: err.line, column: err.column }] };
  }
  const rich = sanitizeNodes(stripWrapperBreaks(root.children), opts, issues);
  if (rich.length > MAX_RICH_CHARS)
    issues.push({
      message: `内容过长（超过 ${MAX_RICH_CHARS} 个字符）`,
      line: 1 + (opts.lineOffset ?? 0),
      column: 1,
    });
  return { rich, issues };
}

/** The fragment wrapper puts the field on lines of its own; those two line breaks are not content. */
function stripWrapperBreaks(nodes: XmlNode[]): XmlNode[] {
  const out = [...nodes];
  const first = out[0];
  if (first?.type === 'text') out[0] = { type: 'text', text: first.text.replace(/^\n/, '') };
  const last = out[out.length - 1];
  if (last?.type === 'text') out[out.length - 1] = { type: 'text', text: last.text.replace(/\n$/, '') };
  return out;
}

/** Parses stored (already canonical) rich text into nodes. */
export function richNodes(rich: Rich): XmlNode[] {
  return stripWrapperBreaks(parseXml(rich, { fragment: true }).children);
}

export interface PlainTextOptions {
  /** What surrounds a formula's TeX: nothing (search, duplicates) or `$` (cells, Word). */
  mathDelimiter?: '' | '$';
  /** What a fill-in blank reads as. */
  blank?: string;
}

const BLOCK_BREAK = new Set(['p', 'li', 'tr', 'table', 'ol', 'ul', 'thead', 'tbody']);

/**
 * The text of a rich field for search, duplicate detection, Word and print: formulas as their TeX
 * (or their MathML text when they carry none), blanks as ＿＿, paragraphs and rows on lines of their
 * own, pictures as their alternative text.
 */
export function toPlainText(rich: Rich, opts: PlainTextOptions = {}): string {
  const delim = opts.mathDelimiter ?? '';
  const blank = opts.blank ?? '＿＿';
  const walk = (nodes: XmlNode[]): string => {
    let out = '';
    for (const n of nodes) {
      if (n.type === 'text') {
        out += n.text;
        continue;
      }
      if (n.ns === NS.mathml || n.local === 'math') {
        out += `${delim}${mathText(n)}${delim}`;
        continue;
      }
      const name = n.local;
      if (name === 'br') out += '\n';
      else if (name === 'img') out += n.attrs.find((a) => a.local === 'alt')?.value ?? '';
      else if (name === 'span' && n.attrs.some((a) => a.local === 'data-blank')) out += blank;
      else if (name === 'td' || name === 'th') out += `${walk(n.children)}\t`;
      else if (BLOCK_BREAK.has(name)) out += `\n${walk(n.children)}\n`;
      else out += walk(n.children);
    }
    return out;
  };
  return walk(richNodes(rich))
    .replace(/\t\n/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .replace(/^\n+|\n+$/g, '');
}

function mathText(el: XmlElement): string {
  const tex = findTex(el);
  if (tex !== undefined) return tex;
  const all = (n: XmlNode): string => (n.type === 'text' ? n.text : n.children.map(all).join(''));
  return all(el).trim();
}

function findTex(el: XmlElement): string | undefined {
  for (const c of el.children) {
    if (c.type !== 'element') continue;
    if (c.local === 'annotation' && c.attrs.some((a) => a.local === 'encoding' && a.value === TEX_ENCODING))
      return c.children.map((t) => (t.type === 'text' ? t.text : '')).join('');
    const inner = findTex(c);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

/**
 * MathML for a TeX formula, as stored: KaTeX's presentation markup with the TeX kept in an
 * annotation, so the editor can show the teacher's TeX again. No `\href`, `\url` or HTML
 * extensions (KaTeX `trust` stays off); macro expansion is bounded.
 */
export function texToMathML(tex: string, opts: { display?: boolean } = {}): Rich {
  const source = tex.trim();
  if (source === '') throw new AppError('validation_failed', '公式不能为空');
  if (source.length > 5000) throw new AppError('validation_failed', '公式过长（超过 5000 个字符）');
  let html: string;
  try {
    html = katex.renderToString(source, {
      output: 'mathml',
      displayMode: opts.display ?? false,
      throwOnError: true,
      trust: false,
      strict: 'ignore',
      maxExpand: 1000,
      maxSize: 50,
    });
  } catch (err) {
    const e = err as { rawMessage?: string; position?: number; message: string };
    const at = e.position !== undefined ? `（第 ${e.position + 1} 个字符处）` : '';
    throw new AppError(
      'validation_failed',
      `公式「${source.slice(0, 60)}」有误：${e.rawMessage ?? e.message}${at}`,
      {
        tex: source,
        position: e.position,
      },
    );
  }
  const start = html.indexOf('<math');
  const end = html.lastIndexOf('</math>');
  return sanitizeRich(html.slice(start, end + '</math>'.length));
}

function collect(nodes: XmlNode[], visit: (el: XmlElement) => void): void {
  for (const n of nodes) {
    if (n.type !== 'element') continue;
    visit(n);
    collect(n.children, visit);
  }
}

/** The blanks of a fill-in stem, in the order they stand. */
export function blankIdsOf(rich: Rich): string[] {
  const ids: string[] = [];
  collect(richNodes(rich), (el) => {
    const id = el.local === 'span' ? el.attrs.find((a) => a.local === 'data-blank')?.value : undefined;
    if (id !== undefined) ids.push(id);
  });
  return ids;
}

/** Every picture source of a rich field (stored keys as `hanlin-file:<key>`, or package paths on import). */
export function imageSourcesOf(rich: Rich): string[] {
  const out: string[] = [];
  collect(richNodes(rich), (el) => {
    const src = el.local === 'img' ? el.attrs.find((a) => a.local === 'src')?.value : undefined;
    if (src !== undefined) out.push(src);
  });
  return out;
}

/**
 * Replaces picture sources (an imported package's paths by the stored files' `hanlin-file:` keys,
 * say) and returns the result sanitised as stored rich text.
 */
export function rewriteImageSources(rich: Rich, map: (src: string) => string): Rich {
  const nodes = richNodes(rich);
  collect(nodes, (el) => {
    if (el.local !== 'img') return;
    el.attrs = el.attrs.map((a) => (a.local === 'src' ? { ...a, value: map(a.value) } : a));
  });
  const issues: RichIssue[] = [];
  const out = sanitizeNodes(nodes, {}, issues);
  if (issues.length > 0) throw new RichTextError(issues);
  return out;
}

/**
 * XML as a small tree with namespaces and source positions, for rich text and QTI. Parsing is
 * `fast-xml-parser` after its validator (well-formedness with line and column); entities are
 * decoded here, so a DOCTYPE (the door to entity-expansion bombs and external entities) is refused
 * before the parser sees it, and only the five XML entities and character references exist.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export const NS = {
  xhtml: 'http://www.w3.org/1999/xhtml',
  mathml: 'http://www.w3.org/1998/Math/MathML',
  qti: 'http://www.imsglobal.org/xsd/imsqtiasi_v3p0',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const;

export interface XmlAttr {
  /** As written, e.g. `xml:lang`, `data-blank`. */
  name: string;
  local: string;
  ns: string | null;
  value: string;
}

export interface XmlElement {
  type: 'element';
  name: string;
  local: string;
  ns: string | null;
  attrs: XmlAttr[];
  children: XmlNode[];
  line: number;
  column: number;
}

export interface XmlText {
  type: 'text';
  text: string;
}

export type XmlNode = XmlElement | XmlText;

/** A problem at a place in the source (1-based line and column). */
export class XmlError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/** Deeper nesting than any item needs; bounds the parser's recursion. */
const MAX_DEPTH = 200;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  allowBooleanAttributes: false,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: '#cdata',
  captureMetaData: true,
  maxNestedTags: MAX_DEPTH,
});

/** Line starts of a text, to turn an offset into a line and column. */
export class Positions {
  private readonly starts: number[] = [0];
  constructor(
    text: string,
    /** Added to every line (a fragment wrapped on a line of its own). */
    private readonly lineOffset = 0,
  ) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  at(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1 + this.lineOffset, column: offset - this.starts[lo]! + 1 };
  }
}

function decode(raw: string, where: () => { line: number; column: number }): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&([^;&\s]{0,32});?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) {
      const { line, column } = where();
      throw new XmlError(`「&」须写作「&amp;」（${name ? `&${name}` : '&'}）`, line, column);
    }
    if (name.startsWith('#')) {
      const code = /^#x[0-9a-f]+$/i.test(name)
        ? Number.parseInt(name.slice(2), 16)
        : /^#[0-9]+$/.test(name)
          ? Number(name.slice(1))
          : Number.NaN;
      const ok =
        code === 0x9 ||
        code === 0xa ||
        code === 0xd ||
        (code >= 0x20 && code <= 0xd7ff) ||
        (code >= 0xe000 && code <= 0xfffd) ||
        (code >= 0x10000 && code <= 0x10ffff);
      if (ok) return String.fromCodePoint(code);
    } else if (name in PREDEFINED) return PREDEFINED[name]!;
    const { line, column } = where();
    throw new XmlError(`未定义的字符实体「${whole}」`, line, column);
  });
}

type Raw = Record<string, unknown> & { ':@'?: Record<string, string> };

/**
 * Parses an XML document (one root element) or, with `fragment`, a sequence of nodes such as a
 * rich-text field; a fragment's root is a synthetic `fragment` element. `defaultNs` is the
 * namespace unprefixed elements of a fragment belong to.
 */
export function parseXml(
  source: string,
  opts: { fragment?: boolean; defaultNs?: string; lineOffset?: number } = {},
): XmlElement {
  const text = opts.fragment
    ? `<fragment xmlns="${opts.defaultNs ?? NS.xhtml}" xmlns:m="${NS.mathml}">\n${source}\n</fragment>`
    : source;
  const lineOffset = (opts.lineOffset ?? 0) - (opts.fragment ? 1 : 0);
  const positions = new Positions(text, lineOffset);
  const doctype = /<!DOCTYPE/i.exec(text);
  if (doctype) {
    const { line, column } = positions.at(doctype.index);
    throw new XmlError('不允许 DOCTYPE 声明（实体展开可能被用于攻击）', line, column);
  }
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (valid !== true) {
    throw new XmlError(`XML 格式错误：${valid.err.msg}`, valid.err.line + lineOffset, valid.err.col);
  }
  let raw: Raw[];
  try {
    raw = parser.parse(text) as Raw[];
  } catch (err) {
    throw new XmlError(`XML 无法解析：${(err as Error).message}`, 1 + lineOffset, 1);
  }
  const roots = raw.filter((n) => !('#text' in n));
  if (roots.length !== 1) throw new XmlError('XML 文档须有且只有一个根元素', 1 + lineOffset, 1);
  return build(roots[0]!, new Map([['xml', NS.xml]]), positions);
}

function build(raw: Raw, scope: Map<string, string | null>, positions: Positions): XmlElement {
  const name = Object.keys(raw).find((k) => k !== ':@')!;
  const meta = (raw as unknown as Record<symbol, { startIndex?: number }>)[META];
  const { line, column } = positions.at(meta?.startIndex ?? 0);
  const where = () => ({ line, column });
  const rawAttrs = raw[':@'] ?? {};
  const inner = new Map(scope);
  for (const [k, v] of Object.entries(rawAttrs)) {
    if (k === 'xmlns') inner.set('', decode(v, where) || null);
    else if (k.startsWith('xmlns:')) inner.set(k.slice(6), decode(v, where));
  }
  const resolve = (qname: string, isAttr: boolean) => {
    const colon = qname.indexOf(':');
    if (colon < 0) return { local: qname, ns: isAttr ? null : (inner.get('') ?? null) };
    const prefix = qname.slice(0, colon);
    if (!inner.has(prefix)) throw new XmlError(`未声明的命名空间前缀「${prefix}」`, line, column);
    return { local: qname.slice(colon + 1), ns: inner.get(prefix) ?? null };
  };
  const attrs: XmlAttr[] = [];
  for (const [k, v] of Object.entries(rawAttrs)) {
    if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
    attrs.push({ name: k, ...resolve(k, true), value: decode(v, where) });
  }
  const children: XmlNode[] = [];
  const pushText = (s: string) => {
    if (s === '') return;
    const last = children[children.length - 1];
    if (last?.type === 'text') last.text += s;
    else children.push({ type: 'text', text: s });
  };
  for (const child of (raw[name] as Raw[]) ?? []) {
    if ('#text' in child) pushText(decode(String(child['#text']), where));
    else if ('#cdata' in child) {
      for (const c of child['#cdata'] as Raw[]) pushText(String(c['#text'] ?? ''));
    } else children.push(build(child, inner, positions));
  }
  return { type: 'element', name, ...resolve(name, false), attrs, children, line, column };
}

export function attr(el: XmlElement, local: string): string | undefined {
  return el.attrs.find((a) => a.local === local && a.ns === null)?.value;
}

export const elements = (el: XmlElement): XmlElement[] =>
  el.children.filter((c): c is XmlElement => c.type === 'element');

export const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
export const escapeAttr = (s: string) =>
  escapeText(s)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');

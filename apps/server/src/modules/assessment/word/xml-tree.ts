/**
 * A small element tree of an XML part, built with saxes.
 *
 * Why a tree and why saxes: the importer needs whole subtrees in document order (a paragraph's runs,
 * equations, drawings; an equation's nested fractions and scripts), which an event stream would make
 * us rebuild anyway, and a paper's document.xml is a few MB, so holding it is cheap (the part size is
 * capped before parsing). `mammoth` would convert to HTML directly but drops Word equations (OMML),
 * which a mathematics paper is made of. saxes is strict (a truncated or corrupt part is an error with
 * its line and column, never a silently shortened document), resolves namespaces (so a writer's
 * choice of prefixes does not matter: names here use the usual prefixes, `w:`, `m:`, `r:` …), and
 * expands no DTD entities (a document with a DOCTYPE is refused outright: no entity-expansion bombs).
 */
import { SaxesParser } from 'saxes';
import { docxError } from './docx-errors.ts';

export interface XmlElement {
  /** `prefix:local` with the usual prefix of its namespace, e.g. `w:p`, `m:f`, `a:blip`. */
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

/** Namespaces by URI → the prefix names use, whatever prefix the writer chose. */
const PREFIXES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/math': 'm',
  'http://purl.oclc.org/ooxml/officeDocument/math': 'm',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'http://purl.oclc.org/ooxml/drawingml/main': 'a',
  'http://schemas.openxmlformats.org/drawingml/2006/picture': 'pic',
  'http://purl.oclc.org/ooxml/drawingml/picture': 'pic',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing': 'wp',
  'http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing': 'wp',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingShape': 'wps',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'urn:schemas-microsoft-com:vml': 'v',
  'http://www.w3.org/1998/Math/MathML': 'mml',
  'urn:schemas-microsoft-com:office:office': 'o',
};

/** A name as `prefix:local` by its namespace; unknown namespaces keep their local name under `x:`. */
const qualify = (uri: string, local: string) => (uri ? `${PREFIXES[uri] ?? 'x'}:${local}` : local);

/**
 * Parses a part into a tree. Errors name the part, the paragraph being read (counted by `w:p` start
 * tags, 1-based) and the line and column.
 */
export function parseXml(xml: string, part: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const root: XmlElement = { name: '#root', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let paragraphs = 0;
  let failure: Error | undefined;
  const fail = (reason: string, parserMessage?: string) => {
    failure ??= docxError(
      `Word 文档已损坏：${part} 第 ${parser.line} 行第 ${parser.column} 列${paragraphs ? `（第 ${paragraphs} 段附近）` : ''}无法解析`,
      {
        part,
        paragraph: paragraphs || undefined,
        line: parser.line,
        column: parser.column,
        reason,
        parserMessage,
      },
    );
  };
  parser.on('doctype', () => fail('doctype'));
  parser.on('error', (err) => fail('xml_error', err.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '')));
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) {
      if (a.prefix === 'xmlns' || a.name === 'xmlns') continue;
      attrs[qualify(a.uri, a.local)] = a.value;
    }
    const el: XmlElement = { name: qualify(tag.uri, tag.local), attrs, children: [] };
    if (el.name === 'w:p') paragraphs++;
    stack.at(-1)!.children.push(el);
    stack.push(el);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (text) => {
    if (stack.length > 1) stack.at(-1)!.children.push(text);
  });
  try {
    parser.write(xml).close();
  } catch (err) {
    fail('xml_error', err instanceof Error ? err.message : undefined);
  }
  if (failure) throw failure;
  const top = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!top) throw docxError(`Word 文档已损坏：${part} 是空的`, { part, reason: 'empty' });
  return top;
}

/** Child elements, optionally of one name. */
export function kids(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== 'string' && (!name || c.name === name)) out.push(c);
  return out;
}

export const kid = (el: XmlElement | undefined, name: string): XmlElement | undefined =>
  el ? kids(el, name)[0] : undefined;

/** The first descendant of a name, depth first. */
export function find(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of kids(el)) {
    if (c.name === name) return c;
    const deep = find(c, name);
    if (deep) return deep;
  }
  return undefined;
}

/** All text below an element, in order. */
export function textOf(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}

/** An OOXML on/off or value attribute: `<w:b/>` is on, `<w:b w:val="0"/>` off. */
export function val(el: XmlElement | undefined, attr = 'w:val'): string | undefined {
  return el?.attrs[attr];
}

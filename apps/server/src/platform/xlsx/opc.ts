/**
 * Open Packaging Conventions (ECMA-376 part 2), as much as reading a workbook needs: relationship
 * parts and the rules that turn a relationship's target into a part name.
 */

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const unescapeXml = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] !== '#') return ENTITIES[e] ?? whole;
    const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
    return String.fromCodePoint(code);
  });

const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => `&${Object.entries(ENTITIES).find(([, v]) => v === c)![0]};`);

const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The relationships of a `.rels` part (any namespace prefix, attributes in any order). */
export function parseRels(xml: string): Relationship[] {
  const out: Relationship[] = [];
  for (const [, attrs] of xml.matchAll(/<(?:[\w.-]+:)?Relationship(?=[\s/>])([^>]*)>/g)) {
    const a = new Map<string, string>();
    for (const [, key, dq, sq] of attrs!.matchAll(ATTR)) a.set(key!, unescapeXml(dq ?? sq ?? ''));
    const id = a.get('Id');
    const type = a.get('Type');
    const target = a.get('Target');
    if (!id || !type || target === undefined) continue;
    out.push({ id, type, target, external: a.get('TargetMode') === 'External' });
  }
  return out;
}

export function writeRels(rels: Relationship[]): string {
  const items = rels.map(
    (r) =>
      `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"` +
      `${r.external ? ' TargetMode="External"' : ''}/>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`
  );
}

/**
 * The last segment of a relationship type: `worksheet`, `comments`, `officeDocument` … The same in
 * Transitional (schemas.openxmlformats.org) and Strict (purl.oclc.org) documents.
 */
export const relKind = (type: string): string => type.slice(type.lastIndexOf('/') + 1);

/** Transitional relationship types, the only ones ExcelJS compares against. */
export const REL_TYPE = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  coreProperties: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  extendedProperties:
    'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  sharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  theme: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme',
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  vmlDrawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing',
  hyperlink: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink',
} as const;

/**
 * A part name as a lookup key: zip item names and targets may carry a leading `/`, backslashes,
 * percent-escapes, and any case (part names are compared case-insensitively).
 */
export function partKey(name: string): string {
  let s = name.replace(/\\/g, '/').replace(/^\/+/, '');
  try {
    s = decodeURIComponent(s);
  } catch {
    // A stray `%` is a literal character of the name.
  }
  return s.toLowerCase();
}

/** The part a relationship of `source` points at: absolute (`/xl/…`) or relative to the source's folder. */
export function resolveTarget(source: string, target: string): string {
  const path = target.split(/[?#]/)[0]!.replace(/\\/g, '/');
  const base = path.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const seg of path.split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.' && seg !== '') base.push(seg);
  }
  return partKey(base.join('/'));
}

/** Where the relationships of a part live: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return partKey(`${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`);
}

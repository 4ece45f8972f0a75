/**
 * Rewrites of SpreadsheetML parts that are valid but that ExcelJS cannot read. Both are decided from
 * the head of a part, so the common case (nothing to rewrite) never holds a whole sheet as text.
 */

const SPREADSHEET_NS =
  /^http:\/\/(schemas\.openxmlformats\.org\/spreadsheetml\/2006|purl\.oclc\.org\/ooxml\/spreadsheetml)\/main$/;

const literal = (name: string) => name.replace(/[.]/g, '\\.');

/** The prefix a part's root element binds the SpreadsheetML namespace to (`x` in `<x:worksheet xmlns:x=…>`). */
export function spreadsheetPrefix(head: string): string | undefined {
  const prolog = head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, '');
  const root = /^\s*<([\w.-]+):[\w.-]+(\s[^>]*)?>/.exec(prolog);
  if (!root) return undefined;
  const [, prefix = '', attrs = ''] = root;
  const bound = new RegExp(`xmlns:${literal(prefix)}\\s*=\\s*["']([^"']*)["']`).exec(attrs);
  return bound && SPREADSHEET_NS.test(bound[1]!) ? prefix : undefined;
}

/**
 * `<x:row>` → `<row>`: writers built on the Open XML SDK often prefix the main namespace, and ExcelJS
 * matches unprefixed element names only (it does not resolve namespaces, so declarations can stay).
 */
export const dropPrefix = (xml: string, prefix: string): string =>
  xml.replace(new RegExp(`<(/?)${literal(prefix)}:`, 'g'), '<$1');

const PLAIN_NOTE = /<text(\s[^>]*)?>(\s*)<t(?=[\s>])([^>]*)>([\s\S]*?)<\/t>/g;

/** True when a comments part has a note written as plain text (`<text><t>…</t></text>`). */
export const hasPlainNotes = (head: string): boolean => new RegExp(PLAIN_NOTE.source).test(head);

/**
 * `<text><t>…</t></text>` → `<text><r><t>…</t></r></text>`: a note may be plain text or runs (openpyxl
 * writes plain text); ExcelJS reads runs only and would drop the text.
 */
export const wrapPlainNotes = (xml: string): string =>
  xml.replace(PLAIN_NOTE, '<text$1>$2<r><t$3>$4</t></r>');

const FIRST_ROW = /<row(?=[\s/>])([^>]*)>/;
const FIRST_CELL = /<c(?=[\s/>])([^>]*)>/;
const HAS_REF = /\sr\s*=/;

/**
 * True when the first row or cell of a sheet has no `r` reference. The attribute is optional (a row
 * follows the previous one, a cell the previous cell); a writer either always writes it or never.
 */
export function lacksRefs(head: string): boolean {
  const row = FIRST_ROW.exec(head);
  const cell = FIRST_CELL.exec(head);
  return (!!row && !HAS_REF.test(row[1]!)) || (!!cell && !HAS_REF.test(cell[1]!));
}

function columnName(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function columnNumber(ref: string): number {
  let n = 0;
  for (const ch of ref.toUpperCase().replace(/[^A-Z]/g, '')) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

const REF_OF = /\sr\s*=\s*["']([^"']*)["']/;
/** Tokens of sheetData: text in CDATA or comments is skipped, so a `<c` inside it is not a cell. */
const TOKENS = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<(row|c)(?=[\s/>])([^>]*)>/g;

/** Bounds of a sheet worth reading; the references written for more would only cost memory. */
export interface SheetLimits {
  maxRows: number;
  maxCols: number;
}

/**
 * Writes the implied `r` of every row and cell of `<sheetData>` (the spec's rule, as Excel reads
 * it). Undefined when the sheet has more rows, or a row more cells, than `limits` allow: the
 * references would grow the text by a dozen bytes a cell for a sheet that is refused anyway.
 */
export function addRefs(xml: string, limits: SheetLimits): string | undefined {
  const start = xml.indexOf('<sheetData');
  const end = xml.lastIndexOf('</sheetData>');
  if (start < 0 || end < start) return xml;
  // Pieces joined once: String.replace with a callback is ten times slower on a sheet this size.
  const out: string[] = [xml.slice(0, start)];
  let at = start;
  let row = 0;
  let col = 0;
  let rows = 0;
  let cells = 0;
  TOKENS.lastIndex = start;
  for (let m = TOKENS.exec(xml); m && m.index < end; m = TOKENS.exec(xml)) {
    const [token, name, attrs = ''] = m;
    if (!name) continue;
    const ref = REF_OF.exec(attrs)?.[1];
    let written: string;
    if (name === 'row') {
      row = ref ? Number.parseInt(ref, 10) : row + 1;
      col = 0;
      cells = 0;
      if (++rows > limits.maxRows) return undefined;
      written = `<row r="${row}"${attrs}>`;
    } else {
      col = ref ? columnNumber(ref) : col + 1;
      if (++cells > limits.maxCols) return undefined;
      written = `<c r="${columnName(col)}${row}"${attrs}>`;
    }
    if (ref) continue;
    out.push(xml.slice(at, m.index), written);
    at = m.index + token.length;
  }
  out.push(xml.slice(at));
  return out.join('');
}

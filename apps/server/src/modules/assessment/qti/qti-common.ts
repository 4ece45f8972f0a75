/**
 * What Hanlin's QTI 3.0 import and export share: namespaces, the response-processing templates,
 * the conventions Hanlin writes (and reads back), and the shape of an import error.
 */
import { escapeText, NS } from '../xml-tree.ts';

export const QTI_NS = NS.qti;
export const QTI_SCHEMA = 'https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd';
export const CP_NS = 'http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1';
export const CP_SCHEMA = 'https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqtiv3p0_imscpv1p2_v1p0.xsd';
export const LOM_NS = 'http://ltsc.ieee.org/xsd/LOM';
/** Hanlin's own metadata in the manifest: the bank's tags of an item, exactly. */
export const HANLIN_NS = 'urn:hanlin:item-bank:v1';
/** `tool-name` of what Hanlin writes: its rich text is taken as written, white space and all. */
export const TOOL_NAME = 'Hanlin';

const RP = 'https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/';
export const MATCH_CORRECT = `${RP}match_correct`;
export const MAP_RESPONSE = `${RP}map_response`;
/** Template names as written by others: with or without `.xml`, under either 1EdTech address. */
export const templateName = (uri: string) =>
  /\/rptemplates\/([a-z_]+)(\.xml)?$/i.exec(uri.trim())?.[1]?.toLowerCase();

/** Class of the division holding the stem in an item or stimulus body Hanlin writes. */
export const STEM_CLASS = 'hanlin-stem';
export const ESSAY_CLASS = 'hanlin-essay';
export const REFERENCE_CLASS = 'hanlin-reference';
export const RUBRIC_CLASS = 'hanlin-rubric';
/** Response identifier of a fill-in blank: the prefix keeps ids that start with a digit valid. */
export const BLANK_PREFIX = 'RESPONSE-';
/** The explanation is modal feedback shown after every response processing (FEEDBACK defaults to it). */
export const SOLUTION = 'SOLUTION';

export const ITEM_TYPE = 'imsqti_item_xmlv3p0';
export const STIMULUS_TYPE = 'imsqti_stimulus_xmlv3p0';

/** One problem of an import: the file, the item's identifier when known, and the place. */
export interface QtiIssue {
  file: string;
  item?: string;
  line: number;
  column: number;
  message: string;
}

/** Text or attribute value of plain strings (answers, rubric lines): carriage returns survive too. */
export const escapeValue = (s: string) => escapeText(s).replace(/\r/g, '&#13;');

export const IMAGE_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
};
export const EXTENSION_OF: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/bmp': 'bmp',
};

/** The type a picture's bytes say it is (never its name alone: an SVG could carry script). */
export function sniffImage(bytes: Uint8Array): string | undefined {
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'image/png';
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'image/jpeg';
  if (b(0) === 0x47 && b(1) === 0x49 && b(2) === 0x46 && b(3) === 0x38) return 'image/gif';
  if (b(0) === 0x52 && b(1) === 0x49 && b(2) === 0x46 && b(3) === 0x46 && b(8) === 0x57 && b(9) === 0x45)
    return 'image/webp';
  if (b(0) === 0x42 && b(1) === 0x4d) return 'image/bmp';
  return undefined;
}

/** A package path: forward slashes, no `.` or empty segments; undefined when it leaves the package. */
export function normalizePath(path: string): string | undefined {
  const out: string[] = [];
  for (const seg of path.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(seg);
  }
  return out.length > 0 ? out.join('/') : undefined;
}

/** `href` of `file` relative to `base` (a file path inside the package). */
export function resolveHref(base: string, href: string): string | undefined {
  let h = href.split(/[?#]/)[0]!;
  try {
    h = decodeURIComponent(h);
  } catch {
    // A stray `%` is part of the name.
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(h) || h.startsWith('/')) return undefined;
  const dir = base.includes('/') ? base.slice(0, base.lastIndexOf('/') + 1) : '';
  return normalizePath(dir + h);
}

/** `target` as seen from the folder of `from` (both package paths). */
export function relativeHref(from: string, target: string): string {
  const a = from.split('/').slice(0, -1);
  const b = target.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

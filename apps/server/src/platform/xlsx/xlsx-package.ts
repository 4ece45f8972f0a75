import { promisify } from 'node:util';
import { createInflateRaw, inflateRaw } from 'node:zlib';
import {
  parseRels,
  partKey,
  REL_TYPE,
  type Relationship,
  relKind,
  relsOf,
  resolveTarget,
  writeRels,
} from './opc.ts';
import {
  addRefs,
  dropPrefix,
  hasPlainNotes,
  lacksRefs,
  type SheetLimits,
  spreadsheetPrefix,
  wrapPlainNotes,
} from './sheet-xml.ts';
import { memberData, notXlsx, tooLarge, type ZipEntry } from './zip-guard.ts';
import { textMember, writeZip, type ZipMember } from './zip-write.ts';

const inflate = promisify(inflateRaw);
type Inflated = (e: ZipEntry) => Promise<Buffer>;
/** Enough of a part to see its root element and its first row and cell. */
const HEAD_BYTES = 64 * 1024;

/**
 * Rewrites an uploaded workbook into the layout ExcelJS reads. ExcelJS finds parts by fixed names
 * (`xl/worksheets/sheetN.xml`, `xl/sharedStrings.xml`, `xl/commentsN.xml` …) and comments by the
 * literal target `../commentsN.xml`, where the format says parts are found by following
 * relationships, under any name, with relative or absolute targets. openpyxl, for one, writes its
 * comments to `/xl/comments/comment1.xml`: ExcelJS then throws and the upload was refused.
 *
 * This follows the relationships from `_rels/.rels` and copies what a roster needs (workbook,
 * worksheets with their notes, shared strings, styles, theme, document properties) to the canonical
 * names, with relative targets. Compressed bytes are copied, not recompressed; only relationship
 * parts are written anew, and the few XML parts ExcelJS would misread (a prefixed namespace, rows
 * and cells without `r`, notes as plain text) are rewritten. Drawings, tables and the like are
 * left out: an import reads cell values, and the annotated workbook it returns does not need them.
 *
 * Call it after the zip guard: members are inflated here, trusting the sizes the guard verified.
 */
export async function canonicalPackage(
  buf: Buffer,
  entries: ZipEntry[],
  limits: SheetLimits,
): Promise<Buffer> {
  const parts = new Map<string, ZipEntry>();
  for (const e of entries) if (!e.name.endsWith('/')) parts.set(partKey(e.name), e);
  const bytes: Inflated = async (e) => {
    const data = memberData(buf, e);
    if (e.method === 0) return data;
    return inflate(data, { maxOutputLength: Math.max(e.declaredSize, 1) }).catch(() => {
      throw notXlsx();
    });
  };
  const text = async (name: string) => {
    const e = parts.get(name);
    return e ? (await bytes(e)).toString('utf8') : undefined;
  };
  const relsFrom = async (part: string) => parseRels((await text(relsOf(part))) ?? '');
  /** The part a relationship points at, when it is inside the package and present. */
  const target = (source: string, rel: Relationship) => {
    const part = rel.external ? undefined : resolveTarget(source, rel.target);
    return part && parts.has(part) ? part : undefined;
  };

  const out: ZipMember[] = [];
  const copy = async (from: string, to: string) =>
    out.push(await renamed(buf, parts.get(from)!, to, bytes, limits));

  const rootRels: Relationship[] = [];
  let workbook: string | undefined;
  for (const rel of await relsFrom('')) {
    const part = target('', rel);
    const kind = relKind(rel.type);
    if (!part) continue;
    if (kind === 'officeDocument' && !workbook) {
      workbook = part;
      await copy(part, 'xl/workbook.xml');
      rootRels.push({ ...rel, type: REL_TYPE.officeDocument, target: 'xl/workbook.xml' });
    } else if (kind === 'core-properties' || kind === 'extended-properties') {
      const name = kind === 'core-properties' ? 'docProps/core.xml' : 'docProps/app.xml';
      if (out.some((m) => m.name === name)) continue;
      await copy(part, name);
      rootRels.push({
        ...rel,
        type: kind === 'core-properties' ? REL_TYPE.coreProperties : REL_TYPE.extendedProperties,
        target: name,
      });
    }
  }
  if (!workbook) throw notXlsx();
  out.push(textMember('_rels/.rels', writeRels(rootRels)));

  const bookRels: Relationship[] = [];
  const sheets: { part: string; no: number }[] = [];
  let themes = 0;
  for (const rel of await relsFrom(workbook)) {
    const part = target(workbook, rel);
    const kind = relKind(rel.type);
    if (!part) continue;
    let name: string | undefined;
    if (kind === 'worksheet') {
      sheets.push({ part, no: sheets.length + 1 });
      name = `worksheets/sheet${sheets.length}.xml`;
    } else if (kind === 'sharedStrings' || kind === 'styles') name = `${kind}.xml`;
    else if (kind === 'theme') name = `theme/theme${++themes}.xml`;
    if (!name || out.some((m) => m.name === `xl/${name}`)) continue;
    await copy(part, `xl/${name}`);
    bookRels.push({ ...rel, type: REL_TYPE[kind as keyof typeof REL_TYPE], target: name });
  }
  out.push(textMember('xl/_rels/workbook.xml.rels', writeRels(bookRels)));

  let notes = 0;
  for (const { part, no } of sheets) {
    const sheetRels: Relationship[] = [];
    const rels = await relsFrom(part);
    // A VML drawing is kept for the notes it positions; without comments it holds nothing we read.
    const hasComments = rels.some((r) => relKind(r.type) === 'comments' && target(part, r));
    for (const rel of rels) {
      const kind = relKind(rel.type);
      const from = target(part, rel);
      if (kind === 'hyperlink') sheetRels.push({ ...rel, type: REL_TYPE.hyperlink });
      if (!from || !hasComments || (kind !== 'comments' && kind !== 'vmlDrawing')) continue;
      const name = kind === 'comments' ? `comments${++notes}.xml` : `drawings/vmlDrawing${++notes}.vml`;
      await copy(from, `xl/${name}`);
      sheetRels.push({ ...rel, type: REL_TYPE[kind], target: `../${name}` });
    }
    if (sheetRels.length > 0)
      out.push(textMember(`xl/worksheets/_rels/sheet${no}.xml.rels`, writeRels(sheetRels)));
  }
  return writeZip(out);
}

/** Up to `limit` inflated bytes of a member: enough to decide whether it needs rewriting. */
function head(data: Buffer, method: number, limit = HEAD_BYTES): Promise<string> {
  if (method === 0) return Promise.resolve(data.subarray(0, limit).toString('utf8'));
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let got = 0;
    const inflater = createInflateRaw();
    const done = () => {
      inflater.destroy();
      resolve(Buffer.concat(chunks).subarray(0, limit).toString('utf8'));
    };
    inflater.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      got += chunk.length;
      if (got >= limit) done();
    });
    inflater.on('end', done);
    inflater.on('error', done);
    inflater.end(data);
  });
}

/** A member under a new name: its compressed bytes copied, or rewritten where ExcelJS would misread it. */
async function renamed(
  buf: Buffer,
  e: ZipEntry,
  name: string,
  inflated: Inflated,
  limits: SheetLimits,
): Promise<ZipMember> {
  const data = memberData(buf, e);
  const copied: ZipMember = { name, method: e.method, crc32: e.crc32, size: e.declaredSize, data };
  if (!name.endsWith('.xml')) return copied;
  const raw = await head(data, e.method);
  const prefix = spreadsheetPrefix(raw);
  const start = prefix ? dropPrefix(raw, prefix) : raw;
  const refs = name.startsWith('xl/worksheets/') && lacksRefs(start);
  const notes = /^xl\/comments\d+\.xml$/.test(name) && hasPlainNotes(start);
  if (!prefix && !refs && !notes) return copied;
  let xml = (await inflated(e)).toString('utf8');
  if (prefix) xml = dropPrefix(xml, prefix);
  if (refs) {
    const withRefs = addRefs(xml, limits);
    if (withRefs === undefined) throw tooLarge();
    xml = withRefs;
  }
  if (notes) xml = wrapPlainNotes(xml);
  return textMember(name, xml);
}

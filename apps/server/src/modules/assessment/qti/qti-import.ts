/**
 * QTI 3.0 import: one item document (.xml) or a content package (.zip) becomes drafts of the bank.
 * Items sharing a stimulus become one composite item (the passage and its sub-items). Every
 * problem is collected with its file, item identifier and line; any problem means no items at all,
 * so the caller writes nothing. Pictures come back as package files with the drafts pointing at
 * their package paths: the caller stores them and rewrites the sources (`rewriteImageSources`).
 */
import { contentProblems } from '../item-consistency.ts';
import { type ItemDraft, itemDraft, type LeafItem } from '../item-model.ts';
import { checkRich, HANLIN_FILE, rewriteImageSources } from '../rich-text.ts';
import { attr, elements, parseXml, type XmlElement, XmlError } from '../xml-tree.ts';
import { interactionsOf, isExact, isQti, type ReadCtx, splitBody, textOf, toRich } from './qti-body-read.ts';
import { QTI_NS, type QtiIssue, resolveHref, sniffImage } from './qti-common.ts';
import { readItem } from './qti-item-read.ts';
import { readManifest, readTags } from './qti-manifest.ts';
import { isZip, MAX_XML_BYTES, readPackage } from './qti-package.ts';
import { fillTags, type TagDefaults } from './qti-tags.ts';

export type { QtiIssue } from './qti-common.ts';
export type { TagDefaults } from './qti-tags.ts';

export interface ImportedItem {
  draft: ItemDraft;
  /** The identifier of the item (of the stimulus, for a composite) in the package. */
  identifier: string;
  file: string;
  /** Knowledge-point codes written beside the ids, for the caller to match in its own backbone. */
  knowledgePointCodes: string[];
}

export interface PackagePicture {
  /** The path the drafts' `<img src>` hold. */
  path: string;
  bytes: Buffer;
  mediaType: string;
}

export type QtiImportResult =
  | { ok: true; items: ImportedItem[]; pictures: PackagePicture[] }
  | { ok: false; errors: QtiIssue[] };

export interface QtiImportOptions {
  /** The uploaded file's name, used in errors about a single item document. */
  fileName: string;
  /** Tags for what the file does not say (another tool's items say none of the bank's). */
  defaults: TagDefaults;
}

/** Items of one import: a teacher's or an exam office's bank, not a whole publisher's. */
export const MAX_ITEMS = 5000;

interface Doc {
  path: string;
  metadata?: XmlElement;
}

/**
 * Reads a QTI file. Throws `AppError` only for a file that is no package at all or too large; all
 * other problems come back as `errors`.
 */
export async function importQti(input: Buffer, opts: QtiImportOptions): Promise<QtiImportResult> {
  const issues: QtiIssue[] = [];
  const files = isZip(input) ? await readPackage(input) : new Map([[opts.fileName, input]]);
  const isPackage = isZip(input);
  const parse = (path: string): XmlElement | undefined => {
    const bytes = files.get(path);
    if (!bytes) return undefined;
    if (bytes.length > MAX_XML_BYTES) {
      issues.push({ file: path, line: 1, column: 1, message: `文件超过 ${MAX_XML_BYTES / 1024 / 1024} MB` });
      return undefined;
    }
    try {
      return parseXml(bytes.toString('utf8').replace(/^\uFEFF/, ''));
    } catch (err) {
      if (!(err instanceof XmlError)) throw err;
      issues.push({ file: path, line: err.line, column: err.column, message: err.message });
      return undefined;
    }
  };
  const pictures = new Map<string, PackagePicture>();
  const resolveImage = (base: string) => (src: string) => {
    const path = isPackage ? resolveHref(base, src) : undefined;
    const bytes = path ? files.get(path) : undefined;
    const mediaType = bytes ? sniffImage(bytes) : undefined;
    if (!path || !bytes || !mediaType) return undefined;
    pictures.set(path, { path, bytes, mediaType });
    return path;
  };
  const ctxFor = (path: string, root: XmlElement): ReadCtx => ({
    file: path,
    item: attr(root, 'identifier'),
    issues,
    exact: isExact(root),
    resolveImage: resolveImage(path),
  });

  // Item documents in order, with their manifest metadata.
  const docs: Doc[] = [];
  const metadataOf = new Map<string, XmlElement | undefined>();
  if (!isPackage) docs.push({ path: opts.fileName });
  else {
    const manifestPath = [...files.keys()].find((k) => k.toLowerCase() === 'imsmanifest.xml');
    const manifest = manifestPath ? parse(manifestPath) : undefined;
    if (!manifestPath)
      issues.push({ file: opts.fileName, line: 1, column: 1, message: '内容包缺少 imsmanifest.xml' });
    for (const r of manifest ? readManifest(manifest) : []) {
      const path = r.href ? resolveHref('imsmanifest.xml', r.href) : undefined;
      if (!path) continue;
      metadataOf.set(path, r.metadata);
      if (!r.type.startsWith('imsqti_item')) continue;
      if (!files.has(path))
        issues.push({
          file: manifestPath!,
          line: r.el.line,
          column: r.el.column,
          message: `清单列出的「${r.href}」不在包中`,
        });
      else docs.push({ path, metadata: r.metadata });
    }
    if (docs.length > MAX_ITEMS) {
      const message = `一次最多导入 ${MAX_ITEMS} 道题，请拆分内容包`;
      return { ok: false, errors: [{ file: manifestPath!, line: 1, column: 1, message }] };
    }
    if (manifest && docs.length === 0 && issues.length === 0)
      issues.push({
        file: manifestPath!,
        line: 1,
        column: 1,
        message: '内容包中没有题目（imsqti_item_xmlv3p0）',
      });
  }

  type Entry = { identifier: string; file: string; leaf?: LeafItem; score?: number; metadata?: XmlElement };
  const order: (Entry | { stimulus: string })[] = [];
  const composites = new Map<string, { entries: Entry[]; root?: XmlElement }>();
  for (const doc of docs) {
    const root = parse(doc.path);
    if (!root) continue;
    if (root.ns !== QTI_NS || root.local !== 'qti-assessment-item') {
      const qti2 = /imsqti_v2/.test(root.ns ?? '');
      issues.push({
        file: doc.path,
        line: root.line,
        column: root.column,
        message: qti2
          ? '这是 QTI 2.x 题目，仅支持 QTI 3.0（imsqtiasi_v3p0）'
          : `不是 QTI 3.0 题目：根元素为 <${root.name}>（命名空间 ${root.ns ?? '无'}）`,
      });
      continue;
    }
    const ctx = ctxFor(doc.path, root);
    const read = readItem(root, ctx);
    if (!read) continue;
    const entry: Entry = {
      identifier: ctx.item ?? doc.path,
      file: doc.path,
      leaf: read.content,
      score: read.score,
      metadata: doc.metadata,
    };
    if (!read.stimulusRef) {
      order.push(entry);
      continue;
    }
    const href = attr(read.stimulusRef, 'href') ?? '';
    const stimulus = isPackage ? resolveHref(doc.path, href) : undefined;
    if (!stimulus || !files.has(stimulus)) {
      ctx.issues.push({
        file: doc.path,
        item: ctx.item,
        line: read.stimulusRef.line,
        column: read.stimulusRef.column,
        message: isPackage
          ? `引用的材料「${href}」不在包中`
          : '题目引用了材料，请上传包含材料的内容包（.zip）',
      });
      continue;
    }
    if (!composites.has(stimulus)) {
      composites.set(stimulus, { entries: [] });
      order.push({ stimulus });
    }
    composites.get(stimulus)!.entries.push(entry);
  }

  const items: ImportedItem[] = [];
  for (const o of order) {
    if (!('stimulus' in o)) {
      const { tags, codes } = fillTags(readTags(o.metadata), opts.defaults, o.leaf!, o.score);
      items.push({
        draft: { content: o.leaf!, tags },
        identifier: o.identifier,
        file: o.file,
        knowledgePointCodes: codes,
      });
      continue;
    }
    const path = o.stimulus;
    const root = parse(path);
    if (!root) continue;
    if (root.ns !== QTI_NS || root.local !== 'qti-assessment-stimulus') {
      issues.push({
        file: path,
        line: root.line,
        column: root.column,
        message: `材料文件的根元素应为 <qti-assessment-stimulus>，实为 <${root.name}>`,
      });
      continue;
    }
    const ctx = ctxFor(path, root);
    const body = elements(root).find((e) => isQti(e, 'qti-stimulus-body'));
    for (const i of body ? interactionsOf(body) : [])
      issues.push({
        file: path,
        item: ctx.item,
        line: i.line,
        column: i.column,
        message: `材料中不能有作答交互 <${i.local}>`,
      });
    const stem = body ? toRich(splitBody(body, ctx, () => undefined).stem, ctx) : '';
    const meta = readTags(metadataOf.get(path));
    let explanation: string | undefined;
    if (meta.explanation) {
      const checked = checkRich(textOf(meta.explanation), {
        images: { mode: 'package', resolveImage: resolveImage('imsmanifest.xml') },
        lineOffset: meta.explanation.line - 1,
      });
      for (const i of checked.issues) issues.push({ file: 'imsmanifest.xml', item: ctx.item, ...i });
      explanation = checked.rich;
    }
    const parts = composites.get(path)!.entries.map((e) => ({ content: e.leaf!, score: e.score ?? 1 }));
    const content = {
      type: 'composite' as const,
      stem,
      ...(explanation === undefined ? {} : { explanation }),
      parts,
    };
    const { tags, codes } = fillTags(meta, opts.defaults, content, undefined);
    items.push({
      draft: { content, tags },
      identifier: ctx.item ?? path,
      file: path,
      knowledgePointCodes: codes,
    });
  }

  for (const it of items) {
    const at = { file: it.file, item: it.identifier, line: 1, column: 1 };
    const parsed = itemDraft.safeParse(it.draft);
    if (!parsed.success)
      for (const x of parsed.error.issues)
        issues.push({ ...at, message: `${x.path.join('.')}：${x.message}` });
    else {
      it.draft = parsed.data;
      for (const p of contentProblems(parsed.data.content)) issues.push({ ...at, message: p });
    }
  }
  if (issues.length > 0) return { ok: false, errors: issues };
  return { ok: true, items, pictures: [...pictures.values()] };
}

/**
 * A draft whose pictures point at stored files: `storedKey` gives the storage key the caller saved
 * each package picture under (by its path, as in `pictures`).
 */
export function withStoredPictures(draft: ItemDraft, storedKey: (path: string) => string): ItemDraft {
  const map = (r: string) => rewriteImageSources(r, (src) => `${HANLIN_FILE}${storedKey(src)}`);
  const leaf = (c: LeafItem): LeafItem => {
    const out = { ...c, stem: map(c.stem) } as LeafItem;
    if (c.explanation !== undefined) out.explanation = map(c.explanation);
    if ((out.type === 'single_choice' || out.type === 'multiple_choice') && 'options' in c)
      out.options = c.options.map((o) => ({ ...o, body: map(o.body) }));
    if ((out.type === 'short_answer' || out.type === 'essay') && out.reference !== undefined)
      out.reference = map(out.reference);
    return out;
  };
  const c = draft.content;
  if (c.type !== 'composite') return { ...draft, content: leaf(c) };
  return {
    ...draft,
    content: {
      ...c,
      stem: map(c.stem),
      ...(c.explanation === undefined ? {} : { explanation: map(c.explanation) }),
      parts: c.parts.map((p) => ({ ...p, content: leaf(p.content) })),
    },
  };
}

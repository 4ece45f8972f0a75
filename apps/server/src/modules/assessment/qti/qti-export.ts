/**
 * Items of the bank as a QTI 3.0 content package: one `qti-assessment-item` per leaf item; a
 * composite as a `qti-assessment-stimulus` (its passage) and one item per part referring to it;
 * pictures as package files; the bank's tags in the manifest. `importQti` reads it back unchanged.
 */
import { AppError } from '../../../platform/errors/app-error.ts';
import { contentProblems } from '../item-consistency.ts';
import { type ItemContent, type ItemDraft, itemDraft, type LeafItem, type Rich } from '../item-model.ts';
import { checkRich, HANLIN_FILE, imageSourcesOf } from '../rich-text.ts';
import { EXTENSION_OF, ITEM_TYPE, relativeHref, STIMULUS_TYPE } from './qti-common.ts';
import { itemXml, stimulusXml, titleOf, writeRich } from './qti-item-write.ts';
import { type ManifestResource, manifestXml } from './qti-manifest.ts';
import { writePackage } from './qti-package.ts';

export interface StoredPicture {
  bytes: Buffer;
  mediaType: string;
}

export interface QtiExportOptions {
  /** The stored pictures the items show, by storage key (`pictureKeysOf` lists them). */
  pictures?: ReadonlyMap<string, StoredPicture>;
  /** A knowledge point's code, written beside its id so another installation can match it. */
  knowledgePointCode?: (id: string) => string | undefined;
  /** Identifier of the package's manifest. */
  identifier?: string;
}

function richFields(content: ItemContent): Rich[] {
  const leaf = (c: LeafItem): Rich[] => [
    c.stem,
    ...(c.explanation === undefined ? [] : [c.explanation]),
    ...(c.type === 'single_choice' || c.type === 'multiple_choice' ? c.options.map((o) => o.body) : []),
    ...((c.type === 'short_answer' || c.type === 'essay') && c.reference !== undefined ? [c.reference] : []),
  ];
  if (content.type !== 'composite') return leaf(content);
  return [
    content.stem,
    ...(content.explanation === undefined ? [] : [content.explanation]),
    ...content.parts.flatMap((p) => leaf(p.content)),
  ];
}

/** Storage keys of every picture the items show, to fetch before exporting. */
export function pictureKeysOf(drafts: ItemDraft[]): string[] {
  const keys = new Set<string>();
  for (const d of drafts)
    for (const r of richFields(d.content))
      for (const src of imageSourcesOf(r))
        if (src.startsWith(HANLIN_FILE)) keys.add(src.slice(HANLIN_FILE.length));
  return [...keys];
}

const pad = (n: number) => String(n).padStart(4, '0');

/** Writes the package; refuses (listing every problem) items that are not valid stored items. */
export function exportQtiPackage(input: ItemDraft[], opts: QtiExportOptions = {}): Buffer {
  const problems: string[] = [];
  const drafts = input.map((d, i) => {
    const parsed = itemDraft.safeParse(d);
    if (!parsed.success) {
      problems.push(
        `第 ${i + 1} 题：${parsed.error.issues.map((x) => `${x.path.join('.')} ${x.message}`).join('；')}`,
      );
      return d;
    }
    const before = problems.length;
    for (const r of richFields(parsed.data.content)) {
      const { rich, issues } = checkRich(r);
      if (issues.length > 0) problems.push(`第 ${i + 1} 题：${issues[0]!.message}`);
      else if (rich !== r) problems.push(`第 ${i + 1} 题：富文本不是规范形式，请先经 sanitizeRich 保存`);
    }
    if (problems.length === before)
      for (const p of contentProblems(parsed.data.content)) problems.push(`第 ${i + 1} 题：${p}`);
    return parsed.data;
  });
  const pictures = new Map<string, { path: string; identifier: string; bytes: Buffer }>();
  for (const key of pictureKeysOf(drafts)) {
    const file = opts.pictures?.get(key);
    const ext = file ? EXTENSION_OF[file.mediaType] : undefined;
    if (!file || !ext) {
      problems.push(`图片「${key}」${file ? `类型 ${file.mediaType} 不支持` : '缺少文件内容'}`);
      continue;
    }
    const base = key.replace(/\//g, '-');
    pictures.set(key, { path: `media/${base}.${ext}`, identifier: `media-${base}`, bytes: file.bytes });
  }
  if (problems.length > 0) throw new AppError('validation_failed', `无法导出：${problems[0]}`, { problems });

  const files: { path: string; data: Buffer | string }[] = [];
  const resources: ManifestResource[] = [];
  /** Pictures a document shows, as hrefs from it and as manifest dependencies. */
  const media = (path: string, rich: Rich[]) => {
    const deps = new Set<string>();
    const imageHref = (src: string) => {
      const p = pictures.get(src.slice(HANLIN_FILE.length))!;
      deps.add(p.identifier);
      return relativeHref(path, p.path);
    };
    for (const r of rich) for (const src of imageSourcesOf(r)) imageHref(src);
    return { imageHref, deps: [...deps] };
  };

  drafts.forEach((draft, i) => {
    const id = `hanlin-item-${pad(i + 1)}`;
    const { content, tags } = draft;
    if (content.type !== 'composite') {
      const path = `items/${id}.xml`;
      const { imageHref, deps } = media(path, richFields(content));
      files.push({ path, data: itemXml(content, { identifier: id, score: tags.score, imageHref }) });
      resources.push({ identifier: id, type: ITEM_TYPE, href: path, tags, dependencies: deps });
      return;
    }
    const stimulusPath = `stimuli/${id}.xml`;
    const s = media(stimulusPath, [content.stem]);
    files.push({ path: stimulusPath, data: stimulusXml(id, content.stem, s.imageHref) });
    // The manifest holds a composite's explanation, pictures as paths from the package root.
    const e = media('imsmanifest.xml', content.explanation === undefined ? [] : [content.explanation]);
    resources.push({
      identifier: id,
      type: STIMULUS_TYPE,
      href: stimulusPath,
      tags,
      explanation:
        content.explanation === undefined
          ? undefined
          : writeRich(content.explanation, { imageHref: e.imageHref }),
      dependencies: [...new Set([...s.deps, ...e.deps])],
    });
    content.parts.forEach((part, j) => {
      const partId = `${id}-${j + 1}`;
      const path = `items/${partId}.xml`;
      const { imageHref, deps } = media(path, richFields(part.content));
      const stimulus = {
        identifier: id,
        href: relativeHref(path, stimulusPath),
        title: titleOf(content.stem),
      };
      files.push({
        path,
        data: itemXml(part.content, { identifier: partId, score: part.score, imageHref, stimulus }),
      });
      resources.push({ identifier: partId, type: ITEM_TYPE, href: path, dependencies: [id, ...deps] });
    });
  });
  for (const p of pictures.values()) {
    files.push({ path: p.path, data: p.bytes });
    resources.push({ identifier: p.identifier, type: 'webcontent', href: p.path, dependencies: [] });
  }
  const manifest = manifestXml(
    opts.identifier ?? 'hanlin-export',
    resources,
    opts.knowledgePointCode ?? (() => undefined),
  );
  return writePackage([{ path: 'imsmanifest.xml', data: manifest }, ...files]);
}

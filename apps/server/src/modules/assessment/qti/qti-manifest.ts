/**
 * `imsmanifest.xml` of a QTI 3.0 content package, and the metadata Hanlin keeps in it: the bank's
 * tags of each item (subject, grade, knowledge points, cognitive level, difficulty, score, time,
 * source, year) in Hanlin's namespace, and the expected time as LOM for other tools.
 */
import type { ItemTags, Rich } from '../item-model.ts';
import { attr, elements, escapeAttr, type XmlElement } from '../xml-tree.ts';
import { textOf } from './qti-body-read.ts';
import { CP_NS, CP_SCHEMA, escapeValue, HANLIN_NS, LOM_NS } from './qti-common.ts';

export interface ManifestResource {
  identifier: string;
  type: string;
  href: string;
  /** Tags of a bank item (a leaf item, or a composite on its stimulus). */
  tags?: ItemTags;
  /** A composite's explanation: its stimulus has no place for one. */
  explanation?: Rich;
  dependencies: string[];
}

export interface ReadResource {
  el: XmlElement;
  identifier: string;
  type: string;
  href?: string;
  metadata?: XmlElement;
  dependencies: string[];
}

const seconds = (s: number) => `PT${s}S`;

function tagsXml(r: ManifestResource, code: (id: string) => string | undefined): string {
  const t = r.tags;
  if (!t) return '';
  const a: [string, string | number | undefined][] = [
    ['subject', t.subjectCode],
    ['grade', t.gradeCode],
    ['cognitive-level', t.cognitiveLevel],
    ['difficulty', t.difficulty],
    ['score', t.score],
    ['seconds', t.seconds],
    ['source', t.source],
    ['year', t.year],
  ];
  const attrs = a
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`)
    .join('');
  const kps = t.knowledgePointIds
    .map((id) => {
      const c = code(id);
      return `<hanlin:knowledge-point id="${escapeAttr(id)}"${c === undefined ? '' : ` code="${escapeAttr(c)}"`}/>`;
    })
    .join('');
  const explanation =
    r.explanation === undefined
      ? ''
      : `<hanlin:explanation>${escapeValue(r.explanation)}</hanlin:explanation>`;
  return (
    `<metadata><imsmd:lom><imsmd:educational><imsmd:typicalLearningTime><imsmd:duration>${seconds(t.seconds)}` +
    '</imsmd:duration></imsmd:typicalLearningTime></imsmd:educational></imsmd:lom>' +
    `<hanlin:item${attrs}>${kps}${explanation}</hanlin:item></metadata>`
  );
}

export function manifestXml(
  identifier: string,
  resources: ManifestResource[],
  code: (knowledgePointId: string) => string | undefined,
): string {
  const body = resources
    .map(
      (r) =>
        `    <resource identifier="${escapeAttr(r.identifier)}" type="${r.type}" href="${escapeAttr(r.href)}">` +
        tagsXml(r, code) +
        `<file href="${escapeAttr(r.href)}"/>` +
        r.dependencies.map((d) => `<dependency identifierref="${escapeAttr(d)}"/>`).join('') +
        '</resource>\n',
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<manifest xmlns="${CP_NS}" xmlns:imsmd="${LOM_NS}" xmlns:hanlin="${HANLIN_NS}"` +
    ` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${CP_NS} ${CP_SCHEMA}"` +
    ` identifier="${escapeAttr(identifier)}">\n` +
    '  <metadata><schema>QTI Package</schema><schemaversion>3.0.0</schemaversion></metadata>\n' +
    '  <organizations/>\n  <resources>\n' +
    body +
    '  </resources>\n</manifest>\n'
  );
}

export function readManifest(root: XmlElement): ReadResource[] {
  const resources = elements(root).find((e) => e.local === 'resources');
  return (resources ? elements(resources) : [])
    .filter((e) => e.local === 'resource')
    .map((el) => ({
      el,
      identifier: attr(el, 'identifier') ?? '',
      type: attr(el, 'type') ?? '',
      href:
        attr(el, 'href') ??
        elements(el)
          .find((f) => f.local === 'file')
          ?.attrs.find((a) => a.local === 'href')?.value,
      metadata: elements(el).find((e) => e.local === 'metadata'),
      dependencies: elements(el)
        .filter((d) => d.local === 'dependency')
        .map((d) => attr(d, 'identifierref') ?? ''),
    }));
}

export interface ReadTags {
  tags: Partial<ItemTags>;
  knowledgePointCodes: string[];
  explanation?: XmlElement;
  at?: XmlElement;
}

const find = (el: XmlElement | undefined, pred: (e: XmlElement) => boolean): XmlElement | undefined => {
  if (!el) return undefined;
  for (const c of elements(el)) {
    if (pred(c)) return c;
    const inner = find(c, pred);
    if (inner) return inner;
  }
  return undefined;
};

/** ISO 8601 duration (`PT1M30S`) in seconds. */
function durationSeconds(s: string): number | undefined {
  const m = /^P(?:(\d+)D)?T?(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(s.trim());
  if (!m || s.trim() === 'P' || s.trim() === 'PT') return undefined;
  const [, d, h, mi, se] = m;
  return Math.round(Number(d ?? 0) * 86400 + Number(h ?? 0) * 3600 + Number(mi ?? 0) * 60 + Number(se ?? 0));
}

/** Tags from a resource's metadata: Hanlin's element exactly; otherwise what LOM says. */
export function readTags(metadata: XmlElement | undefined): ReadTags {
  const out: ReadTags = { tags: {}, knowledgePointCodes: [] };
  const item = find(metadata, (e) => e.ns === HANLIN_NS && e.local === 'item');
  const lom = find(metadata, (e) => e.local === 'typicalLearningTime');
  const duration = lom ? find(lom, (e) => e.local === 'duration') : undefined;
  if (duration) {
    const s = durationSeconds(textOf(duration));
    if (s !== undefined) out.tags.seconds = s;
  }
  if (!item) return out;
  out.at = item;
  const a = (k: string) => attr(item, k);
  const n = (k: string) => (a(k) === undefined ? undefined : Number(a(k)));
  const t = out.tags;
  if (a('subject') !== undefined) t.subjectCode = a('subject');
  if (a('grade') !== undefined) t.gradeCode = a('grade');
  if (a('cognitive-level') !== undefined)
    t.cognitiveLevel = a('cognitive-level') as ItemTags['cognitiveLevel'];
  for (const [k, key] of [
    ['difficulty', 'difficulty'],
    ['score', 'score'],
    ['seconds', 'seconds'],
    ['year', 'year'],
  ] as const) {
    const v = n(k);
    if (v !== undefined) t[key] = v;
  }
  if (a('source') !== undefined) t.source = a('source');
  const kps = elements(item).filter((e) => e.ns === HANLIN_NS && e.local === 'knowledge-point');
  t.knowledgePointIds = kps.map((k) => attr(k, 'id')).filter((id): id is string => !!id);
  out.knowledgePointCodes = kps.map((k) => attr(k, 'code')).filter((c): c is string => !!c);
  out.explanation = elements(item).find((e) => e.ns === HANLIN_NS && e.local === 'explanation');
  return out;
}

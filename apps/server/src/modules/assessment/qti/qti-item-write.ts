/**
 * One leaf item (or a composite's stimulus) as a QTI 3.0 document. Rich text goes in as it is
 * stored, apart from pictures (package paths instead of stored keys) and blanks (text-entry
 * interactions), so the import gives back exactly what went out.
 */
import type { LeafItem, Rich } from '../item-model.ts';
import { serializeAttrs } from '../rich-sanitize.ts';
import { richNodes, toPlainText } from '../rich-text.ts';
import { escapeAttr, NS, type XmlNode } from '../xml-tree.ts';
import {
  BLANK_PREFIX,
  ESSAY_CLASS,
  escapeValue,
  MATCH_CORRECT,
  QTI_NS,
  QTI_SCHEMA,
  REFERENCE_CLASS,
  RUBRIC_CLASS,
  SOLUTION,
  STEM_CLASS,
  TOOL_NAME,
} from './qti-common.ts';

export interface WriteOptions {
  identifier: string;
  /** The item's maximum score (MAXSCORE). */
  score: number;
  /** Package-relative `href` of a stored picture, as seen from this document. */
  imageHref: (src: string) => string;
  stimulus?: { identifier: string; href: string; title: string };
  /** Attributes of each blank's text entry (for fill-in items). */
  blank?: (id: string) => string;
}

const VOID = new Set(['br', 'img']);

/** Writes stored rich text into a QTI body: same markup, pictures and blanks translated. */
export function writeRich(rich: Rich, opts: Pick<WriteOptions, 'imageHref' | 'blank'>): string {
  const walk = (nodes: XmlNode[], inMath: boolean): string => {
    let out = '';
    for (const n of nodes) {
      if (n.type === 'text') {
        out += escapeValue(n.text);
        continue;
      }
      const attrs: [string, string][] = n.attrs.map((a) => [a.name, a.value]);
      const blank = n.local === 'span' ? n.attrs.find((a) => a.local === 'data-blank')?.value : undefined;
      if (blank !== undefined && opts.blank) {
        out += `<qti-text-entry-interaction${opts.blank(blank)}/>`;
        continue;
      }
      if (n.local === 'img') {
        const src = attrs.find(([k]) => k === 'src');
        if (src) src[1] = opts.imageHref(src[1]);
      }
      const math = !inMath && n.local === 'math';
      const ns = math ? ` xmlns="${NS.mathml}"` : '';
      if (VOID.has(n.local) && !inMath) out += `<${n.local}${serializeAttrs(attrs)}/>`;
      else out += `<${n.local}${ns}${serializeAttrs(attrs)}>${walk(n.children, inMath || math)}</${n.local}>`;
    }
    return out;
  };
  return walk(richNodes(rich), false);
}

export const titleOf = (stem: Rich) =>
  toPlainText(stem).replace(/\s+/g, ' ').trim().slice(0, 60) || '（无题干）';

const num = (n: number) => String(n);

function header(tag: string, identifier: string, title: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<${tag} xmlns="${QTI_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
    ` xsi:schemaLocation="${QTI_NS} ${QTI_SCHEMA}" identifier="${escapeAttr(identifier)}"` +
    ` title="${escapeAttr(title)}"` +
    (tag === 'qti-assessment-item' ? ' adaptive="false" time-dependent="false"' : '') +
    ` xml:lang="zh-CN" tool-name="${TOOL_NAME}" tool-version="1">\n`
  );
}

const outcome = (id: string, baseType: string, value?: string) =>
  `  <qti-outcome-declaration identifier="${id}" cardinality="single" base-type="${baseType}">` +
  (value === undefined ? '' : `<qti-default-value><qti-value>${value}</qti-value></qti-default-value>`) +
  '</qti-outcome-declaration>\n';

const values = (vs: string[]) => vs.map((v) => `<qti-value>${escapeValue(v)}</qti-value>`).join('');

const content = (inner: string) => `<qti-content-body>${inner}</qti-content-body>`;

/** The stimulus of a composite: its passage or figure. */
export function stimulusXml(identifier: string, stem: Rich, imageHref: (src: string) => string): string {
  return (
    header('qti-assessment-stimulus', identifier, titleOf(stem)) +
    `  <qti-stimulus-body><div class="${STEM_CLASS}">${writeRich(stem, { imageHref })}</div></qti-stimulus-body>\n` +
    '</qti-assessment-stimulus>\n'
  );
}

/** A leaf item as a `qti-assessment-item`. */
export function itemXml(item: LeafItem, opts: WriteOptions): string {
  const rich = (r: Rich) => writeRich(r, { imageHref: opts.imageHref });
  let declarations = '';
  let interaction = '';
  let processing = `  <qti-response-processing template="${MATCH_CORRECT}"/>\n`;
  let blanks: ((id: string) => string) | undefined;
  let scorer = '';
  switch (item.type) {
    case 'single_choice':
    case 'multiple_choice': {
      const multiple = item.type === 'multiple_choice';
      const correct = multiple ? item.correct : [item.correct];
      declarations = `  <qti-response-declaration identifier="RESPONSE" cardinality="${multiple ? 'multiple' : 'single'}" base-type="identifier"><qti-correct-response>${values(correct)}</qti-correct-response></qti-response-declaration>\n`;
      const choices = item.options
        .map((o) => `<qti-simple-choice identifier="${o.id}">${rich(o.body)}</qti-simple-choice>`)
        .join('');
      interaction = `<qti-choice-interaction response-identifier="RESPONSE" shuffle="false" max-choices="${multiple ? item.options.length : 1}" min-choices="1">${choices}</qti-choice-interaction>`;
      if (item.type === 'multiple_choice' && item.partial === 'half') processing = HALF_CREDIT;
      break;
    }
    case 'true_false':
      declarations = `  <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier"><qti-correct-response>${values([String(item.correct)])}</qti-correct-response></qti-response-declaration>\n`;
      interaction =
        '<qti-choice-interaction response-identifier="RESPONSE" shuffle="false" max-choices="1" min-choices="1">' +
        '<qti-simple-choice identifier="true">正确</qti-simple-choice><qti-simple-choice identifier="false">错误</qti-simple-choice>' +
        '</qti-choice-interaction>';
      break;
    case 'fill_in': {
      const share = 1 / item.blanks.length;
      for (const b of item.blanks) {
        const points = opts.score * (b.weight ?? share);
        const entries = b.accepted
          .map(
            (a) =>
              `<qti-map-entry map-key="${escapeAttr(a)}" mapped-value="${num(points)}" case-sensitive="${b.caseSensitive}"/>`,
          )
          .join('');
        declarations += `  <qti-response-declaration identifier="${BLANK_PREFIX}${b.id}" cardinality="single" base-type="string"><qti-correct-response>${values([b.accepted[0]!])}</qti-correct-response><qti-mapping default-value="0">${entries}</qti-mapping></qti-response-declaration>\n`;
      }
      const byId = new Map(item.blanks.map((b) => [b.id, b]));
      blanks = (id) => {
        const b = byId.get(id)!;
        const attrs: [string, string][] = [['response-identifier', `${BLANK_PREFIX}${id}`]];
        if (b.kind !== 'text') attrs.push(['data-kind', b.kind]);
        if (b.unit !== undefined) attrs.push(['data-unit', b.unit]);
        if (b.tolerance !== undefined) attrs.push(['data-tolerance', num(b.tolerance)]);
        if (b.weight !== undefined) attrs.push(['data-weight', num(b.weight)]);
        return serializeAttrs(attrs);
      };
      const sum = item.blanks.map((b) => `<qti-map-response identifier="${BLANK_PREFIX}${b.id}"/>`).join('');
      processing = `  <qti-response-processing><qti-set-outcome-value identifier="SCORE"><qti-sum>${sum}</qti-sum></qti-set-outcome-value></qti-response-processing>\n`;
      break;
    }
    case 'short_answer':
    case 'essay': {
      declarations =
        '  <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="string"/>\n';
      const essay = item.type === 'essay';
      const length = essay && item.minLength !== undefined ? ` expected-length="${item.minLength}"` : '';
      interaction = `<qti-extended-text-interaction response-identifier="RESPONSE"${essay ? ` class="${ESSAY_CLASS}"` : ''}${length}/>`;
      processing = '';
      if (item.reference !== undefined)
        scorer += `<qti-rubric-block view="scorer" use="reference" class="${REFERENCE_CLASS}">${content(rich(item.reference))}</qti-rubric-block>`;
      if (item.rubric.length > 0) {
        const lines = item.rubric
          .map((l) => `<li data-points="${num(l.points)}">${escapeValue(l.description)}</li>`)
          .join('');
        scorer += `<qti-rubric-block view="scorer" use="scoring" class="${RUBRIC_CLASS}">${content(`<ol>${lines}</ol>`)}</qti-rubric-block>`;
      }
      break;
    }
  }
  const stem = writeRich(item.stem, { imageHref: opts.imageHref, blank: blanks });
  const explained = item.explanation !== undefined;
  return (
    header('qti-assessment-item', opts.identifier, titleOf(item.stem)) +
    declarations +
    outcome('SCORE', 'float', '0') +
    outcome('MAXSCORE', 'float', num(opts.score)) +
    (explained ? outcome('FEEDBACK', 'identifier', SOLUTION) : '') +
    (opts.stimulus
      ? `  <qti-assessment-stimulus-ref identifier="${escapeAttr(opts.stimulus.identifier)}" href="${escapeAttr(opts.stimulus.href)}" title="${escapeAttr(opts.stimulus.title)}"/>\n`
      : '') +
    `  <qti-item-body><div class="${STEM_CLASS}">${stem}</div>${interaction}${scorer}</qti-item-body>\n` +
    processing +
    (explained
      ? `  <qti-modal-feedback outcome-identifier="FEEDBACK" identifier="${SOLUTION}" show-hide="show" title="解析">${content(rich(item.explanation!))}</qti-modal-feedback>\n`
      : '') +
    '</qti-assessment-item>\n'
  );
}

/** Full score when the answer is the key, half when it is a non-empty part of it (the 高考 rule). */
const HALF_CREDIT =
  '  <qti-response-processing><qti-response-condition>' +
  '<qti-response-if><qti-match><qti-variable identifier="RESPONSE"/><qti-correct identifier="RESPONSE"/></qti-match>' +
  '<qti-set-outcome-value identifier="SCORE"><qti-variable identifier="MAXSCORE"/></qti-set-outcome-value></qti-response-if>' +
  '<qti-response-else-if><qti-and><qti-not><qti-is-null><qti-variable identifier="RESPONSE"/></qti-is-null></qti-not>' +
  '<qti-contains><qti-correct identifier="RESPONSE"/><qti-variable identifier="RESPONSE"/></qti-contains></qti-and>' +
  '<qti-set-outcome-value identifier="SCORE"><qti-divide><qti-variable identifier="MAXSCORE"/><qti-base-value base-type="float">2</qti-base-value></qti-divide></qti-set-outcome-value>' +
  '</qti-response-else-if></qti-response-condition></qti-response-processing>\n';

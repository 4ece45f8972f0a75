/**
 * Reading the content of a QTI item body: finds the interactions, separates stem, scorer rubric
 * blocks and feedback, and turns XHTML into stored rich text through the sanitiser, keeping line
 * numbers for every error.
 */
import type { Rich } from '../item-model.ts';
import { type RichIssue, sanitizeNodes } from '../rich-sanitize.ts';
import { attr, elements, type XmlElement, type XmlNode } from '../xml-tree.ts';
import { QTI_NS, type QtiIssue, STEM_CLASS, TOOL_NAME } from './qti-common.ts';

export const SUPPORTED = new Set([
  'qti-choice-interaction',
  'qti-text-entry-interaction',
  'qti-extended-text-interaction',
]);

/** QTI body elements that carry no content of the item for the bank: left out without a word. */
const IGNORED = new Set([
  'qti-feedback-inline',
  'qti-feedback-block',
  'qti-stylesheet',
  'qti-catalog-info',
  'qti-companion-materials-info',
]);

export interface ReadCtx {
  file: string;
  item?: string;
  issues: QtiIssue[];
  /** Written by Hanlin: rich text is taken exactly, without collapsing white space. */
  exact: boolean;
  /** A picture's `src` as the package path of the file, or undefined when the package lacks it. */
  resolveImage: (src: string) => string | undefined;
}

export function issue(ctx: ReadCtx, at: { line: number; column: number }, message: string): void {
  ctx.issues.push({ file: ctx.file, item: ctx.item, line: at.line, column: at.column, message });
}

export const isQti = (el: XmlNode, local?: string): boolean =>
  el.type === 'element' && el.ns === QTI_NS && el.local.startsWith('qti-') && (!local || el.local === local);

export const hasClass = (el: XmlElement, cls: string) => (attr(el, 'class') ?? '').split(/\s+/).includes(cls);

export const isExact = (root: XmlElement) => attr(root, 'tool-name') === TOOL_NAME;

/** Stored rich text from body nodes; errors land in the import's list with their lines. */
export function toRich(nodes: XmlNode[], ctx: ReadCtx): Rich {
  const issues: RichIssue[] = [];
  const out = sanitizeNodes(
    nodes,
    { images: { mode: 'package', resolveImage: ctx.resolveImage }, collapseWhitespace: !ctx.exact },
    issues,
  );
  for (const i of issues) issue(ctx, i, i.message);
  return out;
}

/** Every interaction in a body, supported or not, in document order. */
export function interactionsOf(body: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (el: XmlElement) => {
    for (const c of elements(el)) {
      if (isQti(c) && c.local.endsWith('-interaction')) out.push(c);
      else walk(c);
    }
  };
  walk(body);
  return out;
}

export interface BodyParts {
  stem: XmlNode[];
  rubricBlocks: XmlElement[];
}

/**
 * Splits a body into the stem's nodes and the rubric blocks. Block interactions (choice, extended
 * text) leave the stem, their prompt taking their place; inline text entries become blanks through
 * `blank`. Unknown QTI elements are reported.
 */
export function splitBody(
  body: XmlElement,
  ctx: ReadCtx,
  blank: (entry: XmlElement) => XmlElement | undefined,
): BodyParts {
  const rubricBlocks: XmlElement[] = [];
  const walk = (nodes: XmlNode[]): XmlNode[] => {
    const out: XmlNode[] = [];
    for (const n of nodes) {
      if (n.type === 'text') {
        out.push(n);
        continue;
      }
      if (!isQti(n)) {
        out.push({ ...n, children: walk(n.children) });
        continue;
      }
      if (n.local === 'qti-rubric-block') rubricBlocks.push(n);
      else if (n.local === 'qti-text-entry-interaction') {
        const b = blank(n);
        if (b) out.push(b);
      } else if (n.local === 'qti-choice-interaction' || n.local === 'qti-extended-text-interaction') {
        const prompt = elements(n).find((c) => isQti(c, 'qti-prompt'));
        if (prompt) out.push(...walk(prompt.children));
      } else if (n.local.endsWith('-interaction')) {
        // Reported once by the caller, which knows the item's interactions.
      } else if (!IGNORED.has(n.local)) issue(ctx, n, `不支持的 QTI 元素 <${n.local}>`);
    }
    return out;
  };
  let stem = walk(body.children);
  // Hanlin's own stem: exactly the division's content.
  const blocks = stem.filter((n) => n.type === 'element' || n.text.trim() !== '');
  const only = blocks.length === 1 ? blocks[0] : undefined;
  if (ctx.exact && only?.type === 'element' && only.local === 'div' && hasClass(only, STEM_CLASS))
    stem = only.children;
  return { stem, rubricBlocks };
}

/** The content of a feedback or rubric block: its `qti-content-body`, or its children. */
export function blockContent(el: XmlElement): XmlNode[] {
  const body = elements(el).find((c) => isQti(c, 'qti-content-body'));
  return (body ?? el).children.filter((c) => !isQti(c, 'qti-stylesheet') && !isQti(c, 'qti-catalog-info'));
}

/** The text of an element (a `qti-value`, a rubric line), as written. */
export const textOf = (el: XmlElement): string =>
  el.children.map((c) => (c.type === 'text' ? c.text : textOf(c))).join('');

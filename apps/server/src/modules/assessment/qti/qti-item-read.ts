/**
 * One `qti-assessment-item` as a leaf item of the bank: choice (single, multiple, true/false), text
 * entry (fill-in) or extended text (short answer, essay). Every mismatch between declarations and
 * interactions is an error with its line; nothing is guessed silently.
 */
import type { LeafItem } from '../item-model.ts';
import { BLANK_ID } from '../rich-allow-list.ts';
import { attr, elements, escapeText, type XmlElement } from '../xml-tree.ts';
import {
  blockContent,
  hasClass,
  interactionsOf,
  isQti,
  issue,
  type ReadCtx,
  SUPPORTED,
  splitBody,
  textOf,
  toRich,
} from './qti-body-read.ts';
import { BLANK_PREFIX, ESSAY_CLASS, REFERENCE_CLASS, RUBRIC_CLASS, templateName } from './qti-common.ts';
import { readRubric } from './qti-rubric-read.ts';

interface Declaration {
  el: XmlElement;
  cardinality: string;
  baseType: string;
  correct: string[];
  mapping: { key: string; value: number; caseSensitive: boolean }[];
}

export interface ReadItem {
  content: LeafItem;
  /** MAXSCORE (or SCORE's normal maximum) when the item declares one. */
  score?: number;
  stimulusRef?: XmlElement;
}

const LETTERS = 'ABCDEFGHIJ';

function declarations(root: XmlElement): Map<string, Declaration> {
  const out = new Map<string, Declaration>();
  for (const d of elements(root).filter((e) => isQti(e, 'qti-response-declaration'))) {
    const correct = elements(d).find((e) => isQti(e, 'qti-correct-response'));
    const mapping = elements(d).find((e) => isQti(e, 'qti-mapping'));
    out.set(attr(d, 'identifier') ?? '', {
      el: d,
      cardinality: attr(d, 'cardinality') ?? 'single',
      baseType: attr(d, 'base-type') ?? '',
      correct: correct
        ? elements(correct)
            .filter((e) => isQti(e, 'qti-value'))
            .map(textOf)
        : [],
      mapping: mapping
        ? elements(mapping)
            .filter((e) => isQti(e, 'qti-map-entry'))
            .map((e) => ({
              key: attr(e, 'map-key') ?? '',
              value: Number(attr(e, 'mapped-value') ?? '0'),
              caseSensitive: attr(e, 'case-sensitive') !== 'false',
            }))
        : [],
    });
  }
  return out;
}

function maxScore(root: XmlElement): number | undefined {
  for (const o of elements(root).filter((e) => isQti(e, 'qti-outcome-declaration'))) {
    const id = attr(o, 'identifier');
    if (id === 'MAXSCORE') {
      const v = elements(o).find((e) => isQti(e, 'qti-default-value'));
      const n = Number(v ? textOf(v).trim() : Number.NaN);
      if (Number.isFinite(n) && n > 0) return n;
    }
    if (id === 'SCORE') {
      const n = Number(attr(o, 'normal-maximum'));
      if (Number.isFinite(n) && n > 0) return n;
    }
  }
  return undefined;
}

/** Reads an item; undefined when it has errors (all of them are in `ctx.issues`). */
export function readItem(root: XmlElement, ctx: ReadCtx): ReadItem | undefined {
  const before = ctx.issues.length;
  for (const t of elements(root).filter((e) => isQti(e, 'qti-template-declaration')))
    issue(ctx, t, '不支持模板变量（qti-template-declaration）：题目内容须是确定的');
  const decls = declarations(root);
  const body = elements(root).find((e) => isQti(e, 'qti-item-body'));
  if (!body) {
    issue(ctx, root, '题目缺少 qti-item-body');
    return undefined;
  }
  const found = interactionsOf(body);
  for (const i of found.filter((i) => !SUPPORTED.has(i.local)))
    issue(
      ctx,
      i,
      `不支持的交互类型 <${i.local}>（支持选择、填空和问答：qti-choice-interaction、qti-text-entry-interaction、qti-extended-text-interaction）`,
    );
  const kinds = new Set(found.map((i) => i.local));
  if (found.length === 0) issue(ctx, body, '题目没有作答交互（选择、填空或问答）');
  else if (
    [...kinds].every((k) => SUPPORTED.has(k)) &&
    (kinds.size > 1 || (!kinds.has('qti-text-entry-interaction') && found.length > 1))
  )
    issue(
      ctx,
      found[1] ?? body,
      '一道题只能有一种作答方式（一个选择或问答交互，或若干填空）；请拆成材料题的小题',
    );
  for (const i of found) {
    const id = attr(i, 'response-identifier') ?? '';
    if (!decls.has(id))
      issue(ctx, i, `<${i.local}> 的 response-identifier「${id}」没有对应的 qti-response-declaration`);
  }
  const stimulusRefs = elements(root).filter((e) => isQti(e, 'qti-assessment-stimulus-ref'));
  if (stimulusRefs.length > 1)
    issue(ctx, stimulusRefs[1]!, '一道题只能引用一份材料（qti-assessment-stimulus-ref）');
  if (ctx.issues.length > before) return undefined;

  const first = found[0]!;
  const modal = elements(root).filter((e) => isQti(e, 'qti-modal-feedback'));
  const explanationEl =
    modal.find(
      (m) => /^(solution|explanation)$/i.test(attr(m, 'identifier') ?? '') || attr(m, 'title') === '解析',
    ) ?? undefined;
  let content: LeafItem | undefined;
  if (first.local === 'qti-choice-interaction') content = readChoice(root, body, first, decls, ctx);
  else if (first.local === 'qti-text-entry-interaction') content = readFillIn(body, found, decls, ctx);
  else content = readExtended(body, first, decls, ctx, maxScore(root));
  if (!content) return undefined;
  if (explanationEl) content.explanation = toRich(blockContent(explanationEl), ctx);
  else {
    const block = explanationBlock(body);
    if (block) content.explanation = toRich(blockContent(block), ctx);
  }
  // Another tool's empty solution says nothing; Hanlin's empty explanation is what was stored.
  if (content.explanation === '' && !ctx.exact) delete content.explanation;
  if (ctx.issues.length > before) return undefined;
  return { content, score: maxScore(root), stimulusRef: stimulusRefs[0] };
}

function explanationBlock(body: XmlElement): XmlElement | undefined {
  let found: XmlElement | undefined;
  const walk = (el: XmlElement) => {
    for (const c of elements(el)) {
      const solution = /^(solution|explanation)$/i.test(attr(c, 'identifier') ?? '');
      if (isQti(c, 'qti-rubric-block') && attr(c, 'use') === 'explanation') found ??= c;
      else if (isQti(c, 'qti-feedback-block') && solution) found ??= c;
      else walk(c);
    }
  };
  walk(body);
  return found;
}

function readChoice(
  root: XmlElement,
  body: XmlElement,
  interaction: XmlElement,
  decls: Map<string, Declaration>,
  ctx: ReadCtx,
): LeafItem | undefined {
  const decl = decls.get(attr(interaction, 'response-identifier') ?? '')!;
  const choices = elements(interaction).filter((e) => isQti(e, 'qti-simple-choice'));
  const ids = choices.map((c) => attr(c, 'identifier') ?? '');
  const maxChoices = Number(attr(interaction, 'max-choices') ?? '1');
  if (decl.baseType !== 'identifier')
    issue(
      ctx,
      decl.el,
      `选择题的 qti-response-declaration 须为 base-type="identifier"，实为「${decl.baseType}」`,
    );
  if (decl.cardinality !== 'single' && decl.cardinality !== 'multiple')
    issue(ctx, decl.el, `选择题的 cardinality 须为 single 或 multiple，实为「${decl.cardinality}」`);
  if (decl.cardinality === 'single' && maxChoices !== 1)
    issue(
      ctx,
      interaction,
      `声明为单选（cardinality="single"），交互却允许选 ${maxChoices === 0 ? '任意' : maxChoices} 项`,
    );
  if (decl.correct.length === 0) issue(ctx, decl.el, '缺少正确答案（qti-correct-response）');
  if (decl.cardinality === 'single' && decl.correct.length > 1)
    issue(ctx, decl.el, '单选题只能有一个正确答案');
  for (const v of decl.correct)
    if (!ids.includes(v)) issue(ctx, decl.el, `正确答案「${v}」不是本题的选项（${ids.join('、')}）`);
  const lower = ids.map((i) => i.toLowerCase()).sort();
  const isTrueFalse =
    decl.cardinality === 'single' && lower.length === 2 && lower[0] === 'false' && lower[1] === 'true';
  if (!isTrueFalse && (choices.length < 2 || choices.length > LETTERS.length))
    issue(ctx, interaction, `选项须有 2–${LETTERS.length} 个，实有 ${choices.length} 个`);
  if (new Set(ids).size !== ids.length) issue(ctx, interaction, '选项标识（identifier）重复');
  const { stem } = splitBody(body, ctx, () => undefined);
  const stemRich = toRich(stem, ctx);
  if (isTrueFalse)
    return { type: 'true_false', stem: stemRich, correct: decl.correct[0]?.toLowerCase() === 'true' };
  const letter = (id: string) => LETTERS[ids.indexOf(id)] ?? 'A';
  const options = choices
    .slice(0, LETTERS.length)
    .map((c, i) => ({ id: LETTERS[i]!, body: toRich(c.children, ctx) }));
  if (decl.cardinality === 'single')
    return { type: 'single_choice', stem: stemRich, options, correct: letter(decl.correct[0] ?? '') };
  const rp = elements(root).find((e) => isQti(e, 'qti-response-processing'));
  const template = rp ? templateName(attr(rp, 'template') ?? '') : undefined;
  return {
    type: 'multiple_choice',
    stem: stemRich,
    options,
    correct: [...new Set(decl.correct.map(letter))],
    partial: template === 'match_correct' ? 'none' : 'half',
  };
}

function readFillIn(
  body: XmlElement,
  entries: XmlElement[],
  decls: Map<string, Declaration>,
  ctx: ReadCtx,
): LeafItem | undefined {
  const used = new Set<string>();
  const responses = new Set<string>();
  const blankIdOf = new Map<XmlElement, string>();
  entries.forEach((e, n) => {
    const rid = attr(e, 'response-identifier') ?? '';
    if (responses.has(rid)) issue(ctx, e, `两个填空使用了同一个 response-identifier「${rid}」`);
    responses.add(rid);
    // Hanlin writes `RESPONSE-<blank id>`; others' identifiers are kept when they fit a blank id.
    const stripped = rid.startsWith(BLANK_PREFIX) ? rid.slice(BLANK_PREFIX.length) : rid;
    let id = BLANK_ID.test(stripped) && !used.has(stripped) ? stripped : `b${n + 1}`;
    while (used.has(id)) id = `${id}_`;
    used.add(id);
    blankIdOf.set(e, id);
  });
  const blanks: Extract<LeafItem, { type: 'fill_in' }>['blanks'] = [];
  for (const e of entries) {
    const decl = decls.get(attr(e, 'response-identifier') ?? '')!;
    if (decl.cardinality !== 'single')
      issue(
        ctx,
        decl.el,
        `填空的 qti-response-declaration 须为 cardinality="single"，实为「${decl.cardinality}」`,
      );
    if (!['string', 'integer', 'float'].includes(decl.baseType))
      issue(ctx, decl.el, `填空的 base-type 须为 string、integer 或 float，实为「${decl.baseType}」`);
    const best = Math.max(0, ...decl.mapping.map((m) => m.value));
    const mapped = decl.mapping.filter((m) => m.value > 0 && m.value === best);
    const accepted = [...new Set([...decl.correct, ...mapped.map((m) => m.key)])].filter((a) => a !== '');
    if (accepted.length === 0) {
      issue(ctx, decl.el, '填空缺少正确答案（qti-correct-response 或得分的 qti-map-entry）');
      continue;
    }
    const numeric = attr(e, 'data-kind') === 'number' || decl.baseType !== 'string';
    const caseSensitive =
      decl.mapping.length > 0
        ? decl.mapping.filter((m) => accepted.includes(m.key)).every((m) => m.caseSensitive)
        : true;
    const blank: (typeof blanks)[number] = {
      id: blankIdOf.get(e)!,
      accepted,
      kind: numeric ? 'number' : 'text',
      caseSensitive,
    };
    const unit = attr(e, 'data-unit');
    if (unit !== undefined) blank.unit = unit;
    for (const key of ['tolerance', 'weight'] as const) {
      const v = attr(e, `data-${key}`);
      if (v === undefined) continue;
      const n = Number(v);
      if (!Number.isFinite(n)) issue(ctx, e, `data-${key}「${v}」不是数字`);
      else blank[key] = n;
    }
    blanks.push(blank);
  }
  const { stem } = splitBody(body, ctx, (e) => ({
    type: 'element',
    name: 'span',
    local: 'span',
    ns: null,
    attrs: [{ name: 'data-blank', local: 'data-blank', ns: null, value: blankIdOf.get(e)! }],
    children: [],
    line: e.line,
    column: e.column,
  }));
  return { type: 'fill_in', stem: toRich(stem, ctx), blanks };
}

function readExtended(
  body: XmlElement,
  interaction: XmlElement,
  decls: Map<string, Declaration>,
  ctx: ReadCtx,
  score: number | undefined,
): LeafItem | undefined {
  const decl = decls.get(attr(interaction, 'response-identifier') ?? '')!;
  if (decl.baseType !== 'string')
    issue(ctx, decl.el, `问答题的 base-type 须为 string，实为「${decl.baseType}」`);
  if (decl.cardinality !== 'single')
    issue(ctx, decl.el, `问答题的 cardinality 须为 single，实为「${decl.cardinality}」`);
  const { stem, rubricBlocks } = splitBody(body, ctx, () => undefined);
  const expected = Number(attr(interaction, 'expected-length'));
  const essay = hasClass(interaction, ESSAY_CLASS) || (!ctx.exact && expected >= 300);
  const refBlock = rubricBlocks.find((b) => hasClass(b, REFERENCE_CLASS) || attr(b, 'use') === 'reference');
  const rubricBlock = rubricBlocks.find(
    (b) =>
      hasClass(b, RUBRIC_CLASS) || (b !== refBlock && /scor/i.test(`${attr(b, 'use')} ${attr(b, 'view')}`)),
  );
  const item: Extract<LeafItem, { type: 'short_answer' | 'essay' }> = {
    type: essay ? 'essay' : 'short_answer',
    stem: toRich(stem, ctx),
    rubric: rubricBlock ? readRubric(rubricBlock, ctx, score) : [],
  };
  if (refBlock) item.reference = toRich(blockContent(refBlock), ctx);
  else if (decl.correct.length > 0) item.reference = escapeText(decl.correct.join('\n'));
  if (item.type === 'essay' && Number.isInteger(expected) && expected >= 0) item.minLength = expected;
  return item;
}

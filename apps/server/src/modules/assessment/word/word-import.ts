/**
 * Word import (A2): an ordinary .docx paper → proposed items for the teacher to correct and confirm.
 * Nothing is stored here; the caller stores the pictures (`images`) and rebinds their keys
 * (`rebindImageKeys`) before it saves confirmed drafts.
 *
 * Reading path: `docx-package` (limits, kind of file, zip-bomb guard) → `docx-reader` (paragraphs,
 * tables, equations via `omml`, pictures, list numbering) → `paper-parse` (sections, questions,
 * options, sub-questions, passages, inline keys) → `answer-key` (the answer section) →
 * `item-assemble` / `item-build` (types, answers, scores, problems).
 */
import { AppError } from '../../../platform/errors/app-error.ts';
import { type CognitiveLevel, type ItemContent, type ItemDraft, itemDraft } from '../item-model.ts';
import { parseKey } from './answer-key.ts';
import { openDocx } from './docx-package.ts';
import { readDocument } from './docx-reader.ts';
import type { ExtractedImage } from './images.ts';
import { type AssembledItem, Assembler } from './item-assemble.ts';
import { parsePaper } from './paper-parse.ts';

export { MAX_DOCX_BYTES } from './docx-errors.ts';
export type { ExtractedImage } from './images.ts';

export interface WordImportOptions {
  /** The subject and grade the teacher chose on upload (a paper rarely says them in codes). */
  subjectCode: string;
  gradeCode: string;
  /** Tags a paper does not state; the teacher adjusts them while confirming. */
  cognitiveLevel?: CognitiveLevel;
  difficulty?: number;
}

export interface ProposedItem {
  /** As printed: `7`, or `6–10` for a passage with its questions. */
  number: string;
  /** The section heading it stood under, e.g. 一、选择题（每小题 3 分，共 18 分）. */
  section?: string;
  draft: ItemDraft;
  /** 0–1: how sure the importer is; lowered by every warning. */
  confidence: number;
  /** What the teacher should check, in their words ("未找到第 7 题的答案"). */
  warnings: string[];
  /**
   * True when no usable answer was found: the draft then holds a placeholder answer (a valid item
   * needs one) that must be replaced before the item is confirmed.
   */
  missingAnswer: boolean;
  /** The paragraphs (1-based, table cells included) the item came from, to show beside it. */
  paragraphs: { from: number; to: number };
}

export interface WordImportProposal {
  title?: string;
  items: ProposedItem[];
  /** Every picture the items refer to, once each. */
  images: ExtractedImage[];
  /** Problems of the whole document (numbering gaps, an answer section entry with no question). */
  warnings: string[];
}

const SECONDS: Record<ItemContent['type'], number> = {
  single_choice: 90,
  multiple_choice: 120,
  true_false: 45,
  fill_in: 120,
  short_answer: 480,
  essay: 2400,
  composite: 0,
};
const secondsOf = (c: ItemContent): number =>
  c.type === 'composite'
    ? Math.min(
        7200,
        c.parts.reduce((s, p) => s + SECONDS[p.content.type], 60),
      )
    : SECONDS[c.type];

/** Parses an uploaded .docx into proposed items. Unreadable input throws an AppError saying where. */
export async function proposeItemsFromDocx(
  bytes: Buffer,
  options: WordImportOptions,
): Promise<WordImportProposal> {
  const pkg = await openDocx(bytes);
  const doc = readDocument(pkg);
  const paper = parsePaper(doc.blocks);
  const key = parseKey(paper.key);
  const counts = new Map(paper.units.map((u) => [u.section, 0]));
  for (const u of paper.units) counts.set(u.section, counts.get(u.section)! + u.questions.length);
  const assembler = new Assembler(key, counts);
  const assembled = paper.units.flatMap((u) => assembler.unit(u));
  if (!assembled.length) {
    throw new AppError(
      'validation_failed',
      '文档中没有找到题目：请确认题目按“1．”“2．”编号，大题按“一、选择题”分节',
      {
        paragraphs: doc.blocks.length,
      },
    );
  }

  const warnings = [...paper.notes];
  const notes = [...doc.notes];
  const hasAnyKey = key.size > 0 || assembled.some((a) => !a.missingAnswer);
  if (!paper.key.length && !hasAnyKey)
    warnings.push('未找到参考答案部分（如“参考答案”），所有题目的答案都需要补充');
  for (const n of key.keys()) {
    if (!assembler.used.has(n)) warnings.push(`答案部分的第 ${n} 题在试题中找不到`);
  }
  const year = Number(/((?:19|20)\d{2})/.exec(paper.title ?? '')?.[1]) || undefined;

  const items = assembled.map((a) => {
    const own = notes.filter((n) => n.para >= a.paragraphs.from && n.para <= a.paragraphs.to);
    for (const n of own) notes.splice(notes.indexOf(n), 1);
    const problems = [...a.problems, ...own.map((n) => ({ message: n.message, weight: 0.1 }))];
    return propose(a, problems, options, paper.title, year);
  });
  warnings.push(...notes.map((n) => n.message));
  const used = JSON.stringify(items.map((i) => i.draft.content));
  const images = [...doc.images.values()].filter((img) => used.includes(`hanlin-file:${img.key}`));
  return { title: paper.title, items, images, warnings };
}

function propose(
  a: AssembledItem,
  problems: { message: string; weight: number }[],
  options: WordImportOptions,
  title: string | undefined,
  year: number | undefined,
): ProposedItem {
  const draft = {
    content: a.content,
    tags: {
      subjectCode: options.subjectCode,
      gradeCode: options.gradeCode,
      knowledgePointIds: [],
      cognitiveLevel: options.cognitiveLevel ?? 'understand',
      difficulty: options.difficulty ?? 0.6,
      score: Math.min(200, a.score),
      seconds: secondsOf(a.content),
      ...(title ? { source: title.slice(0, 200) } : {}),
      ...(year && year >= 1990 && year <= 2100 ? { year } : {}),
    },
  };
  const checked = itemDraft.safeParse(draft);
  let final: ItemDraft;
  if (checked.success) final = checked.data;
  else {
    // Whatever went wrong, the teacher still gets the text to correct, as a short-answer item.
    const issue = checked.error.issues[0];
    problems.push({
      message: `第 ${a.number} 题无法按识别的题型导入（${issue?.path.join('.')}：${issue?.message}），已按解答题导入`,
      weight: 0.4,
    });
    final = itemDraft.parse({
      ...draft,
      content: { type: 'short_answer', stem: a.content.stem || '<p>（题干缺失）</p>', rubric: [] },
    });
  }
  const confidence = Math.max(0.05, Math.min(1, 1 - problems.reduce((s, p) => s + p.weight, 0)));
  return {
    number: a.number,
    section: a.section,
    draft: final,
    confidence: Math.round(confidence * 100) / 100,
    warnings: problems.map((p) => p.message),
    missingAnswer: a.missingAnswer,
    paragraphs: a.paragraphs,
  };
}

/**
 * Replaces the importer's picture keys by the keys the store gave them, in every rich field of a
 * draft (`hanlin-file:<old>` → `hanlin-file:<new>`). Keys are `[a-z0-9-]`, so text cannot match by accident.
 */
export function rebindImageKeys(draft: ItemDraft, keys: ReadonlyMap<string, string>): ItemDraft {
  const json = JSON.stringify(draft).replace(
    /hanlin-file:([a-z0-9-]+(?:\/[a-z0-9-]+)*)/g,
    (whole, k: string) => (keys.has(k) ? `hanlin-file:${keys.get(k)}` : whole),
  );
  return itemDraft.parse(JSON.parse(json));
}

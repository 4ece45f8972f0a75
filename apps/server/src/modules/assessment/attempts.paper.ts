/**
 * A paper as a student answers it (A4): the answerable leaves of a finalised paper document, the
 * document with every key taken out, and the check that an answer fits the item it is given to.
 * Pure, no I/O.
 *
 * A leaf is one item of the paper, or one part of a composite item; responses are keyed by the
 * item's number on the paper and `part`: 0 for a plain item, 1, 2 … for the parts of a composite
 * (小题 (1), (2) …).
 */
import type { AnswerValue, ItemContent, LeafItem } from './item-model.ts';
import { OBJECTIVE_TYPES } from './item-model.ts';
import type { PaperDocument } from './paper-model.ts';

export interface PaperLeaf {
  /** The item's position in the paper (0, 1, 2 … across sections): what paper-free navigation counts. */
  index: number;
  number: number;
  part: number;
  content: LeafItem;
  maxScore: number;
  objective: boolean;
}

/** `number.part`, the key of a leaf in maps. */
export const leafKey = (number: number, part: number) => `${number}.${part}`;

/** Every answerable leaf of the paper, in paper order. */
export function leavesOf(doc: PaperDocument): PaperLeaf[] {
  const out: PaperLeaf[] = [];
  let index = 0;
  for (const section of doc.sections) {
    for (const item of section.items) {
      const c = item.content;
      if (c.type === 'composite') {
        c.parts.forEach((p, i) => {
          out.push(leaf(index, item.number, i + 1, p.content, p.score));
        });
      } else {
        out.push(leaf(index, item.number, 0, c, item.score));
      }
      index++;
    }
  }
  return out;
}

const leaf = (
  index: number,
  number: number,
  part: number,
  content: LeafItem,
  maxScore: number,
): PaperLeaf => ({
  index,
  number,
  part,
  content,
  maxScore,
  objective: OBJECTIVE_TYPES.includes(content.type),
});

/** How many items (not leaves) the paper has: paper-free navigation goes from 0 to this − 1. */
export const itemCount = (doc: PaperDocument) => doc.sections.reduce((n, s) => n + s.items.length, 0);

/** A leaf as a student sees it before release: the stem and options, never the key. */
function stripLeaf(c: LeafItem): Record<string, unknown> {
  switch (c.type) {
    case 'single_choice':
      return { type: c.type, stem: c.stem, options: c.options };
    case 'multiple_choice':
      return { type: c.type, stem: c.stem, options: c.options, partial: c.partial };
    case 'true_false':
      return { type: c.type, stem: c.stem };
    case 'fill_in':
      // A blank's kind says whether a number is asked for (a numeric keyboard on a phone); its
      // accepted answers, unit, tolerance and weight are the key.
      return { type: c.type, stem: c.stem, blanks: c.blanks.map((b) => ({ id: b.id, kind: b.kind })) };
    case 'short_answer':
      return { type: c.type, stem: c.stem };
    case 'essay':
      return { type: c.type, stem: c.stem, ...(c.minLength !== undefined ? { minLength: c.minLength } : {}) };
  }
}

function stripContent(c: ItemContent): Record<string, unknown> {
  if (c.type === 'composite') {
    return {
      type: c.type,
      stem: c.stem,
      parts: c.parts.map((p) => ({ score: p.score, content: stripLeaf(p.content) })),
    };
  }
  return stripLeaf(c);
}

/**
 * The paper without answers, explanations, reference answers or rubrics: built field by field
 * from what a student may see (an allow-list), so a field the content model gains later stays
 * out until it is added here.
 */
export function studentPaper(doc: PaperDocument) {
  return {
    title: doc.title,
    subtitle: doc.subtitle,
    subjectCode: doc.subjectCode,
    gradeCode: doc.gradeCode,
    minutes: doc.minutes,
    totalScore: doc.totalScore,
    navigation: doc.navigation,
    sections: doc.sections.map((s) => ({
      title: s.title,
      instructions: s.instructions,
      items: s.items.map((i) => ({ number: i.number, score: i.score, content: stripContent(i.content) })),
    })),
  };
}

/** Why `value` cannot be an answer to `c` (a choice the item does not offer, a blank it lacks), or null. */
export function answerMismatch(c: LeafItem, value: AnswerValue): string | null {
  const letters = () => ('options' in c ? new Set(c.options.map((o) => o.id)) : new Set<string>());
  switch (c.type) {
    case 'single_choice':
      if (!('choice' in value)) return '单选题的答案应为一个选项';
      return letters().has(value.choice) ? null : '没有这个选项';
    case 'multiple_choice': {
      if (!('choices' in value)) return '多选题的答案应为若干选项';
      const offered = letters();
      if (value.choices.some((x) => !offered.has(x))) return '没有这个选项';
      return new Set(value.choices).size === value.choices.length ? null : '选项重复';
    }
    case 'true_false':
      return 'judgement' in value ? null : '判断题的答案应为对或错';
    case 'fill_in': {
      if (!('blanks' in value)) return '填空题的答案应按空填写';
      const ids = new Set(c.blanks.map((b) => b.id));
      return Object.keys(value.blanks).every((k) => ids.has(k)) ? null : '没有这个空';
    }
    case 'short_answer':
    case 'essay':
      return 'text' in value ? null : '请以文字作答';
  }
}

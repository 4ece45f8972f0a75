/**
 * What the Zod schema of an item cannot say: options lettered A, B, C … in order, keys among the
 * options, a fill-in's blanks standing in its stem in the order of its keys, blanks nowhere else.
 * Shared by the QTI and workbook imports and exports; messages in Chinese for the teacher.
 */
import type { ItemContent, LeafItem, Rich } from './item-model.ts';
import { blankIdsOf } from './rich-text.ts';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function leafProblems(item: LeafItem, where: string): string[] {
  const out: string[] = [];
  const noBlanks = (r: Rich | undefined, what: string) => {
    if (r !== undefined && blankIdsOf(r).length > 0) out.push(`${where}${what}中不能有填空`);
  };
  noBlanks(item.explanation, '解析');
  if (item.type === 'single_choice' || item.type === 'multiple_choice') {
    noBlanks(item.stem, '题干');
    item.options.forEach((o, i) => {
      if (o.id !== LETTERS[i]) out.push(`${where}第 ${i + 1} 个选项应为「${LETTERS[i]}」，实为「${o.id}」`);
      noBlanks(o.body, `选项 ${o.id} `);
    });
    const ids = new Set(item.options.map((o) => o.id));
    const correct = item.type === 'single_choice' ? [item.correct] : item.correct;
    for (const c of correct) if (!ids.has(c)) out.push(`${where}答案「${c}」不是选项`);
    if (new Set(correct).size !== correct.length) out.push(`${where}答案有重复的选项`);
  } else if (item.type === 'fill_in') {
    const inStem = blankIdsOf(item.stem);
    const keys = item.blanks.map((b) => b.id);
    if (inStem.join('\u0000') !== keys.join('\u0000'))
      out.push(`${where}题干中的填空（${inStem.join('、') || '无'}）与答案（${keys.join('、')}）不一致`);
  } else {
    noBlanks(item.stem, '题干');
    if (item.type === 'short_answer' || item.type === 'essay') noBlanks(item.reference, '参考答案');
  }
  return out;
}

/** Every inconsistency of an item's content; empty when it is sound. */
export function contentProblems(content: ItemContent): string[] {
  if (content.type !== 'composite') return leafProblems(content, '');
  const out: string[] = [];
  if (blankIdsOf(content.stem).length > 0) out.push('材料中不能有填空');
  for (const [i, p] of content.parts.entries()) out.push(...leafProblems(p.content, `第 ${i + 1} 小题：`));
  return out;
}

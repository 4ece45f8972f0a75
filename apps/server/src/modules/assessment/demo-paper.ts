/**
 * Papers of the demo (homework and the 统考): items of the bank arranged in sections by type, as
 * a teacher's paper is printed — 一、选择题（每小题 2 分，共 6 分）… — with the finalised document
 * snapshot and the leaves a student answers. Pure.
 */
import type { BankItem } from './demo-bank-plan.ts';
import type { LeafHint } from './demo-item-kit.ts';
import type { ItemType, LeafItem } from './item-model.ts';
import type { PaperDocument } from './paper-model.ts';

export interface PaperEntry {
  item: BankItem;
  /** The item's score on this paper (a composite: the sum of its parts'). */
  score: number;
}

/** One answerable leaf of a paper: a plain item (part 0) or a part of a composite (1, 2 …). */
export interface PaperLeaf {
  number: number;
  part: number;
  item: BankItem;
  content: LeafItem;
  hint: LeafHint;
  maxScore: number;
}

export interface DemoPaper {
  id: string;
  title: string;
  subtitle?: string;
  subject: string;
  grade: string;
  minutes: number;
  totalScore: number;
  document: PaperDocument;
  /** In paper order: position = number, and the section index. */
  entries: (PaperEntry & { number: number; section: number })[];
  leaves: PaperLeaf[];
}

const CN = ['一', '二', '三', '四', '五', '六', '七', '八'];
const GROUPS: { types: ItemType[]; name: Record<string, string> }[] = [
  { types: ['single_choice', 'multiple_choice'], name: { '14': '选择题', '13': '选择题', '41': '单项选择' } },
  { types: ['true_false'], name: { '14': '判断题', '13': '判断题', '41': '判断正误' } },
  { types: ['fill_in'], name: { '14': '填空题', '13': '填空题', '41': '填空' } },
  { types: ['short_answer'], name: { '14': '解答题', '13': '简答题', '41': '翻译' } },
  { types: ['composite'], name: { '14': '综合题', '13': '阅读理解', '41': '完形填空与阅读理解' } },
  { types: ['essay'], name: { '14': '作文', '13': '习作', '41': '书面表达' } },
];
const fmt = (x: number) => String(Math.round(x * 100) / 100);

/**
 * Arranges entries into the sections of their types, numbered through. Composite scores are the
 * sums of their parts' (as the paper model has it), the others' as given.
 */
export function buildPaper(o: {
  id: string;
  title: string;
  subtitle?: string;
  subject: string;
  grade: string;
  minutes?: number;
  entries: PaperEntry[];
}): DemoPaper {
  const sections: DemoPaper['entries'][] = [];
  let number = 0;
  for (const g of GROUPS) {
    const mine = o.entries.filter((e) => g.types.includes(e.item.content.type));
    if (mine.length === 0) continue;
    sections.push(mine.map((e) => ({ ...e, score: scoreOf(e), number: ++number, section: sections.length })));
  }
  const entries = sections.flat();
  const totalScore = entries.reduce((s, e) => s + e.score, 0);
  const titleOf = (list: DemoPaper['entries'], k: number) => {
    const g = GROUPS.find((x) => x.types.includes(list[0]!.item.content.type))!;
    const sum = list.reduce((s, e) => s + e.score, 0);
    const same = list.every((e) => e.score === list[0]!.score);
    const each = same && list.length > 1 ? `每小题 ${fmt(list[0]!.score)} 分，` : '';
    return `${CN[k]}、${g.name[o.subject] ?? g.name['14']}（${each}共 ${fmt(sum)} 分）`;
  };
  const minutes =
    o.minutes ?? Math.max(10, Math.ceil(entries.reduce((s, e) => s + e.item.seconds, 0) / 60 / 5) * 5);
  const document: PaperDocument = {
    title: o.title,
    ...(o.subtitle ? { subtitle: o.subtitle } : {}),
    subjectCode: o.subject,
    gradeCode: o.grade,
    minutes,
    totalScore,
    navigation: 'free',
    sections: sections.map((list, k) => ({
      title: titleOf(list, k),
      items: list.map((e) => ({
        itemId: e.item.id,
        number: e.number,
        score: e.score,
        content: e.item.content,
      })),
    })),
  };
  const leaves: PaperLeaf[] = entries.flatMap((e): PaperLeaf[] => {
    const c = e.item.content;
    if (c.type !== 'composite')
      return [
        {
          number: e.number,
          part: 0,
          item: e.item,
          content: c,
          hint: e.item.draft.hints[0] ?? {},
          maxScore: e.score,
        },
      ];
    return c.parts.map((x, i) => ({
      number: e.number,
      part: i + 1,
      item: e.item,
      content: x.content,
      hint: e.item.draft.hints[i] ?? {},
      maxScore: x.score,
    }));
  });
  return {
    id: o.id,
    title: o.title,
    subtitle: o.subtitle,
    subject: o.subject,
    grade: o.grade,
    minutes,
    totalScore,
    document,
    entries,
    leaves,
  };
}

const scoreOf = (e: PaperEntry) =>
  e.item.content.type === 'composite' ? e.item.content.parts.reduce((s, x) => s + x.score, 0) : e.score;

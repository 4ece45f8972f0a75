/**
 * The printable mistake notebook: the open entries as a `PaperDocument` for the printing module,
 * one section per subject, each entry an item whose stem carries, below the question, the student's
 * answer, the correct answer and the explanation (a short answer keeps its lines to answer again).
 * Pure, no I/O.
 */
import type { AnswerValue, LeafItem } from './item-model.ts';
import type { PaperDocument, PaperItem } from './paper-model.ts';
import { escapeXml } from './word/rich-html.ts';

export interface PrintableEntry {
  itemId: string;
  subjectCode: string;
  source: string | null;
  knowledgePoints: { name: string }[];
  stimulus: string | null;
  item: LeafItem | null;
  answer: AnswerValue | null;
  maxScore: number | null;
}

/** A student's answer in words. */
export function answerWords(item: LeafItem, answer: AnswerValue | null): string {
  if (!answer) return '未作答';
  if ('choice' in answer) return answer.choice;
  if ('choices' in answer) return answer.choices.join('、') || '未作答';
  if ('judgement' in answer) return answer.judgement ? '对' : '错';
  if ('blanks' in answer && item.type === 'fill_in')
    return item.blanks.map((b, i) => `（${i + 1}）${answer.blanks[b.id] || '—'}`).join('　');
  if ('text' in answer) return answer.text.trim() || '未作答';
  return '未作答';
}

/** The key in words; a short answer's reference answer is rich text of its own (null here). */
export function keyWords(item: LeafItem): string | null {
  switch (item.type) {
    case 'single_choice':
      return item.correct;
    case 'multiple_choice':
      return item.correct.join('、');
    case 'true_false':
      return item.correct ? '对' : '错';
    case 'fill_in':
      return item.blanks.map((b, i) => `（${i + 1}）${b.accepted[0]}`).join('　');
    default:
      return null;
  }
}

const line = (label: string, text: string) => `<p><strong>${label}</strong>${escapeXml(text)}</p>`;

/** The entry as an item to print: question, then answer, key and explanation. */
function printed(e: PrintableEntry & { item: LeafItem }, number: number): PaperItem {
  const c = e.item;
  const key = keyWords(c);
  const source = [e.source, e.knowledgePoints.map((k) => k.name).join('、')].filter(Boolean).join(' · ');
  const after = [
    source ? line('', `【${source}】`) : '',
    line('我的答案：', answerWords(c, e.answer)),
    key !== null ? line('正确答案：', key) : '',
    key === null && 'reference' in c && c.reference ? `<p><strong>参考答案：</strong></p>${c.reference}` : '',
    c.explanation ? `<p><strong>解析：</strong></p>${c.explanation}` : '',
  ].join('');
  // A choice's options go into the stem, so the answers come after them.
  const options =
    'options' in c
      ? `<p>${c.options.map((o) => `${o.id}．${o.body.replace(/^<p>|<\/p>$/g, '')}`).join('　')}</p>`
      : '';
  const stem = `${e.stimulus ?? ''}${c.stem}${options}${after}`;
  const content: LeafItem = 'options' in c ? { ...c, stem, options: [] } : { ...c, stem };
  return { itemId: e.itemId, number, score: e.maxScore && e.maxScore > 0 ? e.maxScore : 1, content };
}

/** The open entries as a document, by subject in code order; null when there is nothing to print. */
export function notebookDocument(o: {
  studentName: string;
  printedOn: string;
  entries: readonly PrintableEntry[];
  subjectLabel: (code: string) => string;
}): PaperDocument | null {
  const entries = o.entries.filter((e): e is PrintableEntry & { item: LeafItem } => e.item !== null);
  if (entries.length === 0) return null;
  const subjects = [...new Set(entries.map((e) => e.subjectCode))].sort();
  let number = 0;
  const sections = subjects.map((s) => {
    const mine = entries.filter((e) => e.subjectCode === s);
    return {
      title: `${o.subjectLabel(s)}（${mine.length} 题）`,
      items: mine.map((e) => printed(e, ++number)),
    };
  });
  const items = sections.flatMap((s) => s.items);
  return {
    title: '错题本',
    subtitle: `${o.studentName} · ${o.printedOn}`,
    subjectCode: subjects[0]!,
    gradeCode: '00',
    minutes: 1,
    totalScore: items.reduce((t, i) => t + i.score, 0),
    navigation: 'free',
    sections,
  };
}

/**
 * The print HTML of a paper without what belongs to an exam: the time and full-marks line and the
 * score table (the printing module's class names). Anything else of the page stays as it prints.
 */
export const withoutExamHeader = (html: string) =>
  html.replace(/<p class="meta">[\s\S]*?<\/p>/, '').replace(/<table class="scores">[\s\S]*?<\/table>/, '');

/**
 * Layout decisions shared by the PDF and the .docx printers, so both look alike: page geometry,
 * how many options share a line, how much room a written answer gets, what the answer key says.
 */
import type { ItemContent, LeafItem } from '../item-model.ts';
import type { PaperDocument } from '../paper-model.ts';
import { plainOf } from './rich-tree.ts';

export type PaperSize = 'A4' | 'A3';

/** Where the printers get a picture of `<img src="hanlin-file:<key>">`; undefined prints a placeholder. */
export type ImageResolver = (key: string) => Promise<{ bytes: Buffer; contentType: string } | undefined>;

export interface PrintOptions {
  /** A4: portrait, one column. A3: landscape, two columns, with the sealing line (密封线) on the left. */
  size: PaperSize;
  resolveImage: ImageResolver;
}

/** Page geometry in millimetres. */
export interface PageGeometry {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  columns: 1 | 2;
  columnGap: number;
  /** Width of the sealing-line strip inside the left margin (0 = none). */
  seal: number;
}

export function geometry(size: PaperSize): PageGeometry {
  return size === 'A3'
    ? {
        width: 420,
        height: 297,
        margin: { top: 15, right: 15, bottom: 16, left: 12 },
        columns: 2,
        columnGap: 16,
        seal: 28,
      }
    : {
        width: 210,
        height: 297,
        margin: { top: 18, right: 18, bottom: 18, left: 20 },
        columns: 1,
        columnGap: 0,
        seal: 0,
      };
}

/** Width of one text column in millimetres. */
export function columnWidth(g: PageGeometry): number {
  return (g.width - g.margin.left - g.margin.right - g.seal - (g.columns - 1) * g.columnGap) / g.columns;
}

/** Body text size in points (五号, the size of Chinese exam papers). */
export const BODY_PT = 10.5;
const EM_MM = (BODY_PT * 25.4) / 72;

/** How wide a piece of rich text prints, in ems: CJK is 1, Latin and digits about half, a formula by its TeX. */
export function widthEm(rich: string): number {
  const text = plainOf(rich)
    .replace(/\\(frac|dfrac)\{([^{}]*)\}\{([^{}]*)\}/g, (_, __, a: string, b: string) =>
      a.length > b.length ? a : b,
    )
    .replace(/\\[a-zA-Z]+/g, 'x')
    .replace(/[{}^_]/g, '');
  let em = 0;
  for (const ch of text) em += /[\u2e80-\uffef\u25a0]/.test(ch) ? 1 : 0.55;
  return em;
}

/** Options per line: 4 when all are short, 2 when they fit half a line, else one each. */
export function optionColumns(options: { body: string }[], g: PageGeometry): 1 | 2 | 4 {
  const lineEm = columnWidth(g) / EM_MM - 2;
  const widest = Math.max(...options.map((o) => widthEm(o.body) + 2.5));
  if (/<img/.test(options.map((o) => o.body).join('')))
    return options.length <= 4 && widest < lineEm / 2 ? 2 : 1;
  if (options.length <= 4 && widest <= lineEm / 4) return 4;
  if (widest <= lineEm / 2) return 2;
  return 1;
}

/** Ruled lines left for a written answer, by the points it is worth. */
export function answerLines(item: LeafItem, score: number): number {
  if (item.type === 'short_answer') return Math.max(4, Math.min(16, Math.round(score * 0.9)));
  return 0;
}

/** Rows of a 20-square composition grid (作文格) for an essay: its minimum length and a fifth more. */
export function essayRows(item: Extract<LeafItem, { type: 'essay' }>): number {
  return Math.max(10, Math.min(45, Math.ceil(((item.minLength ?? 300) * 1.2) / 20)));
}
export const ESSAY_COLUMNS = 20;

const NUMERALS = [
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
  '十四',
  '十五',
  '十六',
  '十七',
  '十八',
  '十九',
  '二十',
];
/** 一、二、三 … for the score table of a paper's sections. */
export const sectionNumeral = (i: number) => NUMERALS[i] ?? String(i + 1);

/** `（12 分）` shown beside written and composite items; choice sections state their scores in the heading. */
export const showsScore = (c: ItemContent) =>
  c.type === 'short_answer' || c.type === 'essay' || c.type === 'composite';
export const scoreText = (n: number) => `（${n} 分）`;

export const metaLine = (p: PaperDocument) => `考试时间：${p.minutes} 分钟　　满分：${p.totalScore} 分`;
export const STUDENT_FIELDS = ['学校', '班级', '姓名', '考号'] as const;
export const SEAL_TEXT = '密　封　线　内　不　要　答　题';

const BRACKET = /[（(]\s*[　 ]*\s*[）)]\s*[。．.]?\s*(<\/p>\s*)?$/;

/** A 判断题's stem with the （　　） a student marks √ or × in, unless it has one already. */
function judged(c: LeafItem): LeafItem {
  if (c.type !== 'true_false' || BRACKET.test(c.stem)) return c;
  const stem = /<\/p>\s*$/.test(c.stem) ? c.stem.replace(/<\/p>\s*$/, '（　　）</p>') : `${c.stem}（　　）`;
  return { ...c, stem };
}

/** The paper as it prints: true/false items get their answer brackets. */
export function forPrint(paper: PaperDocument): PaperDocument {
  return {
    ...paper,
    sections: paper.sections.map((s) => ({
      ...s,
      items: s.items.map((i) => ({
        ...i,
        content:
          i.content.type === 'composite'
            ? { ...i.content, parts: i.content.parts.map((p) => ({ ...p, content: judged(p.content) })) }
            : judged(i.content),
      })),
    })),
  };
}

/** Every rich text of a paper (to fetch its pictures once before rendering). */
export function richTexts(paper: PaperDocument): (string | undefined)[] {
  const leaf = (c: LeafItem) => [
    c.stem,
    c.explanation,
    ...('options' in c ? c.options.map((o) => o.body) : []),
    ...('reference' in c ? [c.reference] : []),
  ];
  return paper.sections.flatMap((s) =>
    s.items.flatMap((i) =>
      i.content.type === 'composite'
        ? [i.content.stem, i.content.explanation, ...i.content.parts.flatMap((p) => leaf(p.content))]
        : leaf(i.content),
    ),
  );
}

// ------------------------------------------------------------------- the answer key

/** The printed answer of an objective item: B, ACD, √, or the blanks' first accepted answers. */
export function objectiveAnswer(c: LeafItem): string | undefined {
  switch (c.type) {
    case 'single_choice':
      return c.correct;
    case 'multiple_choice':
      return [...c.correct].sort().join('');
    case 'true_false':
      return c.correct ? '√' : '×';
    case 'fill_in':
      return c.blanks
        .map((b) =>
          b.accepted.length > 1 ? `${b.accepted[0]}（或 ${b.accepted.slice(1).join('、')}）` : b.accepted[0],
        )
        .join('；');
    default:
      return undefined;
  }
}

export interface KeyEntry {
  /** What opens the entry: `7．`; for a composite's parts `13．（1）`, then `（2）` … */
  label: string;
  score: number;
  type: LeafItem['type'];
  /** For objective items. */
  answer?: string;
  /** Rich text: the reference answer of a written item. */
  reference?: string;
  rubric: { points: number; description: string }[];
  explanation?: string;
}

export interface KeySection {
  title: string;
  /** Choice and true/false items, shown as a 题号/答案 table. */
  table: { label: string; answer: string }[];
  entries: KeyEntry[];
}

function entry(label: string, score: number, c: LeafItem): KeyEntry {
  return {
    label,
    score,
    type: c.type,
    answer: objectiveAnswer(c),
    reference: c.type === 'short_answer' || c.type === 'essay' ? c.reference : undefined,
    rubric: c.type === 'short_answer' || c.type === 'essay' ? c.rubric : [],
    explanation: c.explanation,
  };
}

/** The answer key and marking scheme (参考答案及评分标准) of a paper, section by section. */
export function buildKey(paper: PaperDocument): KeySection[] {
  return paper.sections.map((s) => {
    const out: KeySection = { title: s.title, table: [], entries: [] };
    for (const item of s.items) {
      const c = item.content;
      if (c.type === 'composite') {
        c.parts.forEach((p, i) => {
          out.entries.push(entry(`${i ? '' : `${item.number}．`}（${i + 1}）`, p.score, p.content));
        });
        if (c.explanation) out.entries.at(-1)!.explanation ??= c.explanation;
      } else if (c.type === 'single_choice' || c.type === 'multiple_choice' || c.type === 'true_false') {
        out.table.push({ label: String(item.number), answer: objectiveAnswer(c)! });
        if (c.explanation) out.entries.push(entry(`${item.number}．`, item.score, c));
      } else {
        out.entries.push(entry(`${item.number}．`, item.score, c));
      }
    }
    return out;
  });
}

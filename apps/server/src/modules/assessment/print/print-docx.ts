/**
 * A paper and its answer key as .docx (the `docx` package), laid out as the PDF is: A4 portrait in
 * one column, or A3 landscape in two columns with the sealing line in the left margin (a floating
 * table in the header with vertical text, so it repeats on every page), 第 x 页 共 y 页 in the footer,
 * formulas as Word equations.
 */
import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import type { LeafItem } from '../item-model.ts';
import type { PaperDocument, PaperItem } from '../paper-model.ts';
import { type Block, gridTable, heading, INDENT, px, tw, writeDocx } from './docx-page.ts';
import {
  answerLines,
  buildKey,
  columnWidth,
  ESSAY_COLUMNS,
  essayRows,
  forPrint,
  geometry,
  metaLine,
  optionColumns,
  type PageGeometry,
  type PrintOptions,
  richTexts,
  STUDENT_FIELDS,
  scoreText,
  sectionNumeral,
  showsScore,
} from './print-layout.ts';
import { RichDocx } from './rich-docx.ts';

class PaperDocx {
  private readonly textMm: number;

  constructor(
    private readonly rich: RichDocx,
    private readonly g: PageGeometry,
  ) {
    this.textMm = columnWidth(g);
  }

  private options(c: Extract<LeafItem, { options: unknown }>): Paragraph[] {
    const cols = optionColumns(c.options, this.g);
    const step = (tw(this.textMm) - INDENT) / cols;
    const tabStops = Array.from({ length: cols - 1 }, (_, i) => ({
      type: TabStopType.LEFT,
      position: INDENT + Math.round(step * (i + 1)),
    }));
    const out: Paragraph[] = [];
    for (let i = 0; i < c.options.length; i += cols) {
      const children: ParagraphChild[] = [];
      c.options.slice(i, i + cols).forEach((o, j) => {
        if (j) children.push(new TextRun({ text: '\t' }));
        children.push(new TextRun(`${o.id}．`), ...this.rich.inline(o.body));
      });
      out.push(
        new Paragraph({
          indent: { left: INDENT },
          tabStops,
          keepNext: i + cols < c.options.length,
          children,
        }),
      );
    }
    return out;
  }

  private space(c: LeafItem, score: number): Block[] {
    const lines = answerLines(c, score);
    const ruled = { style: BorderStyle.DASHED, size: 4, color: '888888' };
    const out: Block[] = Array.from(
      { length: lines },
      () =>
        new Paragraph({
          indent: { left: INDENT },
          spacing: { line: tw(8.5), lineRule: 'exact' },
          border: { between: ruled, bottom: ruled },
          children: [],
        }),
    );
    if (c.type === 'essay') {
      const cell = tw(Math.min(this.textMm, 160) / ESSAY_COLUMNS);
      const b = { style: BorderStyle.SINGLE, size: 4, color: '555555' };
      out.push(
        new Table({
          rows: Array.from(
            { length: essayRows(c) },
            () =>
              new TableRow({
                height: { value: cell, rule: HeightRule.EXACT },
                children: Array.from(
                  { length: ESSAY_COLUMNS },
                  () =>
                    new TableCell({
                      width: { size: cell, type: WidthType.DXA },
                      borders: { top: b, bottom: b, left: b, right: b },
                      children: [new Paragraph({})],
                    }),
                ),
              }),
          ),
        }),
        new Paragraph({}),
      );
    }
    return out;
  }

  private leaf(c: LeafItem, score: number, lead: ParagraphChild[]): Block[] {
    return [
      ...this.rich.blocks(c.stem, lead, { keepNext: 'options' in c }),
      ...('options' in c ? this.options(c) : []),
      ...this.space(c, score),
    ];
  }

  item(item: PaperItem): Block[] {
    const c = item.content;
    const lead = [new TextRun(`${item.number}．${showsScore(c) ? scoreText(item.score) : ''}`)];
    if (c.type !== 'composite') return this.leaf(c, item.score, lead);
    return [
      ...this.rich.blocks(c.stem, lead),
      ...c.parts.flatMap((p, i) =>
        this.leaf(p.content, p.score, [
          new TextRun(`（${i + 1}）${showsScore(p.content) ? scoreText(p.score) : ''}`),
        ]),
      ),
    ];
  }

  header(p: PaperDocument, seal: boolean): Block[] {
    const center = AlignmentType.CENTER;
    const out: Block[] = [
      new Paragraph({ alignment: center, spacing: { after: 60 }, children: [heading(p.title, 32)] }),
    ];
    if (p.subtitle)
      out.push(new Paragraph({ alignment: center, children: [new TextRun({ text: p.subtitle, size: 24 })] }));
    out.push(new Paragraph({ alignment: center, children: [new TextRun(metaLine(p))] }));
    if (!seal) {
      out.push(
        new Paragraph({
          alignment: center,
          spacing: { before: 120, after: 120 },
          children: STUDENT_FIELDS.flatMap((f) => [
            new TextRun(`${f}：`),
            new TextRun({ text: '\u00a0'.repeat(16), underline: {} }),
            new TextRun('\u3000'),
          ]),
        }),
      );
    }
    out.push(
      gridTable(
        [
          ['题号', ...p.sections.map((_, i) => sectionNumeral(i)), '总分'],
          ['得分', ...p.sections.map(() => ''), ''],
        ],
        13,
      ),
      new Paragraph({}),
    );
    return out;
  }
}

export interface PrintDocx {
  docx: Buffer;
  notes: string[];
}

/** The paper as .docx. */
export async function paperDocx(given: PaperDocument, options: PrintOptions): Promise<PrintDocx> {
  const paper = forPrint(given);
  const g = geometry(options.size);
  const rich = new RichDocx(options.resolveImage, px(columnWidth(g)) - 40);
  await rich.load(richTexts(paper));
  const doc = new PaperDocx(rich, g);
  const seal = g.seal > 0;
  const children: Block[] = doc.header(paper, seal);
  for (const s of paper.sections) {
    children.push(new Paragraph({ spacing: { before: 120 }, keepNext: true, children: [heading(s.title)] }));
    if (s.instructions)
      children.push(
        new Paragraph({ indent: { firstLine: INDENT }, children: [new TextRun(s.instructions)] }),
      );
    for (const item of s.items) children.push(...doc.item(item));
  }
  return { docx: await writeDocx(g, children, seal, paper.title), notes: rich.notes };
}

/** The answer key and marking scheme (参考答案及评分标准) as .docx, A4. */
export async function keyDocx(
  paper: PaperDocument,
  options: Pick<PrintOptions, 'resolveImage'>,
): Promise<PrintDocx> {
  const g = geometry('A4');
  const rich = new RichDocx(options.resolveImage, px(columnWidth(g)) - 40);
  await rich.load(richTexts(paper));
  const title = `${paper.title} 参考答案及评分标准`;
  const right = tw(columnWidth(g));
  const children: Block[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [heading(title, 30)] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun(`满分：${paper.totalScore} 分`)],
    }),
  ];
  for (const s of buildKey(paper)) {
    children.push(new Paragraph({ spacing: { before: 160 }, keepNext: true, children: [heading(s.title)] }));
    if (s.table.length) {
      for (let i = 0; i < s.table.length; i += 15) {
        const chunk = s.table.slice(i, i + 15);
        children.push(
          gridTable(
            [
              ['题号', ...chunk.map((t) => t.label)],
              ['答案', ...chunk.map((t) => t.answer)],
            ],
            11,
          ),
          new Paragraph({}),
        );
      }
    }
    for (const e of s.entries) {
      const lead = [
        new TextRun({ text: e.label, bold: true }),
        new TextRun(scoreText(e.score)),
        ...(e.answer ? [new TextRun({ text: e.answer, bold: true })] : []),
      ];
      children.push(...(e.reference ? rich.blocks(e.reference, lead) : [new Paragraph({ children: lead })]));
      for (const r of e.rubric) {
        children.push(
          new Paragraph({
            indent: { left: INDENT },
            tabStops: [{ type: TabStopType.RIGHT, position: right, leader: 'dot' }],
            children: [new TextRun(r.description), new TextRun(`\t${r.points} 分`)],
          }),
        );
      }
      if (e.explanation)
        children.push(...rich.blocks(e.explanation, [new TextRun({ text: '【解析】', bold: true })]));
    }
  }
  return { docx: await writeDocx(g, children, false, title), notes: rich.notes };
}

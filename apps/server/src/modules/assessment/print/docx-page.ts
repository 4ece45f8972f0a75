/**
 * The page of a printed .docx: A4 portrait or A3 landscape in two columns, the sealing line (a
 * floating one-cell table in the header with vertical text, so it repeats on every page), 第 x 页
 * 共 y 页 in the footer, and the small tables both the paper and the key use.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeightRule,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TextDirection,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { BODY_PT, type PageGeometry, SEAL_TEXT, STUDENT_FIELDS } from './print-layout.ts';

export const TWIPS_PER_MM = 1440 / 25.4;
export const tw = (mm: number) => Math.round(mm * TWIPS_PER_MM);
export const px = (mm: number) => Math.round((mm * 96) / 25.4);
export const SANS = '黑体';
export const INDENT = tw(7.5);

export type Block = Paragraph | Table;
const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const noBorder = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
export const heading = (text: string, size = BODY_PT * 2) =>
  new TextRun({ text, bold: true, size, font: { eastAsia: SANS, ascii: 'Arial', hAnsi: 'Arial' } });

/** A table of labelled cells (the score table, the key's 题号/答案 table). */
export function gridTable(rows: string[][], cellMm: number): Table {
  const count = Math.max(...rows.map((r) => r.length));
  // The label column (题号 / 得分) holds two characters and the cell margins.
  const widths = Array.from({ length: count }, (_, i) => tw(i ? cellMm : Math.max(cellMm, 15)));
  return new Table({
    alignment: AlignmentType.CENTER,
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: rows.map(
      (r) =>
        new TableRow({
          height: { value: tw(7.5), rule: HeightRule.ATLEAST },
          children: r.map(
            (text, i) =>
              new TableCell({
                width: { size: widths[i]!, type: WidthType.DXA },
                verticalAlign: VerticalAlign.CENTER,
                borders: { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder },
                children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(text)] })],
              }),
          ),
        }),
    ),
  });
}

/** The sealing line: a floating one-cell table at the left page edge, text running bottom to top. */
export function sealHeader(g: PageGeometry): Header {
  const field = (f: string) => [
    new TextRun(`${f}：`),
    new TextRun({ text: '\u00a0'.repeat(18), underline: {} }),
    new TextRun('\u00a0'.repeat(6)),
  ];
  const height = g.height - g.margin.top - g.margin.bottom;
  const cell = new TableCell({
    textDirection: TextDirection.BOTTOM_TO_TOP_LEFT_TO_RIGHT,
    verticalAlign: VerticalAlign.CENTER,
    width: { size: tw(g.seal - 6), type: WidthType.DXA },
    borders: {
      top: noBorder,
      bottom: noBorder,
      left: noBorder,
      right: { style: BorderStyle.DASHED, size: 6, color: '000000' },
    },
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: STUDENT_FIELDS.flatMap(field) }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 120 },
        children: [new TextRun({ text: SEAL_TEXT, size: 20 })],
      }),
    ],
  });
  return new Header({
    children: [
      new Table({
        float: {
          horizontalAnchor: TableAnchorType.PAGE,
          verticalAnchor: TableAnchorType.PAGE,
          absoluteHorizontalPosition: tw(g.margin.left - 2),
          absoluteVerticalPosition: tw(g.margin.top),
        },
        rows: [new TableRow({ height: { value: tw(height), rule: HeightRule.EXACT }, children: [cell] })],
      }),
      new Paragraph({}),
    ],
  });
}

export const pageFooter = () =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: ['第 ', PageNumber.CURRENT, ' 页　共 ', PageNumber.TOTAL_PAGES, ' 页'],
            size: 18,
          }),
        ],
      }),
    ],
  });

export function writeDocx(g: PageGeometry, children: Block[], seal: boolean, title: string): Promise<Buffer> {
  const doc = new Document({
    title,
    creator: 'Hanlin',
    styles: {
      default: {
        document: {
          run: {
            size: BODY_PT * 2,
            font: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' },
          },
          paragraph: { spacing: { line: 360, lineRule: 'auto' } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            // The docx package swaps width and height itself for a landscape page.
            size: {
              width: tw(Math.min(g.width, g.height)),
              height: tw(Math.max(g.width, g.height)),
              orientation: g.width > g.height ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: {
              top: tw(g.margin.top),
              right: tw(g.margin.right),
              bottom: tw(g.margin.bottom),
              left: tw(g.margin.left + g.seal),
              header: tw(6),
              footer: tw(6),
            },
          },
          column: g.columns === 2 ? { count: 2, space: tw(g.columnGap), equalWidth: true } : undefined,
        },
        headers: seal ? { default: sealHeader(g) } : undefined,
        footers: { default: pageFooter() },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

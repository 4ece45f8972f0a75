import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paperDocument } from '../paper-model.ts';
import { FIGURE_KEY, sampleImages, samplePaper } from './fixtures/sample-paper.ts';
import { printKeyDocx, printPaperPdf } from './paper-print.ts';
import { inspectPdf } from './pdf-inspect.ts';
import { keyHtml, paperHtml } from './print-html.ts';
import type { ImageResolver } from './print-layout.ts';
import { chromiumPath, closePrinter, printPdf, printPreview } from './print-pdf.ts';

/** Where the first pages go as PNGs, to look at (not committed). */
const SHOTS = 'test-results/print';
const PT_PER_MM = 72 / 25.4;
/** Text as a reader sees it: Chromium's font maps name some CJK glyphs by their radical forms. */
const readable = (t: string) => t.normalize('NFKC').replace(/\n+/g, '');

let resolveImage: ImageResolver;
const paper = paperDocument.parse(samplePaper());
const itemNumbers = paper.sections.flatMap((s) => s.items.map((i) => i.number));

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  resolveImage = await sampleImages();
});
afterAll(closePrinter);

function expectPageSize(pdf: Buffer, widthMm: number, heightMm: number) {
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pages = inspectPdf(pdf);
  for (const p of pages) {
    expect(p.mediaBox[2]! / PT_PER_MM).toBeCloseTo(widthMm, 0);
    expect(p.mediaBox[3]! / PT_PER_MM).toBeCloseTo(heightMm, 0);
  }
  return pages;
}

describe('printing a paper to PDF with Chromium', () => {
  it('A4: portrait pages with the title, every item number, the figure and 第 x 页 共 y 页', async () => {
    const doc = await paperHtml(paper, { size: 'A4', resolveImage });
    expect(doc.notes).toEqual([]);
    expect(doc.html).toContain('data:image/png;base64,');
    expect(doc.html).toContain('class="katex"');
    expect(doc.html).not.toContain(FIGURE_KEY);
    const pdf = await printPdf(doc);
    const pages = expectPageSize(pdf, 210, 297);
    expect(pages.length).toBe(4);
    const text = readable(pages.map((p) => p.text).join(''));
    expect(text).toContain('学年第一学期七年级数学期中检测');
    for (const n of itemNumbers) expect(text).toContain(`${n}.`);
    pages.forEach((p, i) => {
      expect(readable(p.text)).toMatch(new RegExp(`第 ${i + 1} \\S　?\\s*共 ${pages.length} \\S`));
    });
    writeFileSync(`${SHOTS}/paper-a4.pdf`, pdf);
    writeFileSync(`${SHOTS}/paper-a4-page1.png`, await printPreview(doc));
  });

  it('A3: landscape pages in two columns with the sealing line', async () => {
    const doc = await paperHtml(paper, { size: 'A3', resolveImage });
    expect(doc.html).toContain('密　封　线　内　不　要　答　题');
    const pdf = await printPdf(doc);
    const pages = expectPageSize(pdf, 420, 297);
    expect(pages.length).toBe(2);
    const first = readable(pages[0]!.text);
    for (const field of ['学校', '班级', '姓名', '考号']) expect(first).toContain(field);
    expect(first).toMatch(/密 封/);
    expect(readable(pages[1]!.text)).toMatch(/密 封/);
    writeFileSync(`${SHOTS}/paper-a3.pdf`, pdf);
    writeFileSync(`${SHOTS}/paper-a3-page1.png`, await printPreview(doc));
  });

  it('the answer key and marking scheme', async () => {
    const doc = await keyHtml(paper, { resolveImage });
    const pdf = await printPdf(doc);
    const pages = expectPageSize(pdf, 210, 297);
    const text = readable(pages.map((p) => p.text).join(''));
    expect(text).toContain('参考答案及评分标准');
    // Choice answers in the 题号/答案 table, blanks, true/false, rubric points.
    expect(text).toContain('答案BBBB');
    expect(text).toContain('±5(或 5 或 −5);2');
    expect(text).toContain('√×');
    expect(text).toContain('去分母正确......4 分');
    writeFileSync(`${SHOTS}/key-a4.pdf`, pdf);
    writeFileSync(`${SHOTS}/key-a4-page1.png`, await printPreview(doc));
  });

  it('prints a missing picture as a placeholder and loads nothing from outside', async () => {
    const noImages: ImageResolver = async () => undefined;
    const p = structuredClone(paper);
    const first = p.sections[0]!.items[0]!.content;
    first.stem =
      '<p>看图：<img src="https://example.com/x.png" alt=""/><img src="hanlin-file:nowhere/x" alt=""/></p>';
    const doc = await paperHtml(p, { size: 'A4', resolveImage: noImages });
    expect(doc.html).not.toContain('example.com');
    expect(doc.html.match(/［图片缺失］/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it('says how to install Chromium when it is not there', () => {
    const saved = process.env.HANLIN_CHROMIUM;
    process.env.HANLIN_CHROMIUM = '/nonexistent/chromium';
    try {
      expect(() => chromiumPath()).toThrow(/apt-get install chromium fonts-noto-cjk/);
    } finally {
      if (saved === undefined) delete process.env.HANLIN_CHROMIUM;
      else process.env.HANLIN_CHROMIUM = saved;
    }
  });

  it('prints several papers at once through the queue, with what a download needs', async () => {
    const files = await Promise.all([
      printPaperPdf(paper, { size: 'A4', resolveImage }),
      printPaperPdf(paper, { size: 'A3', resolveImage }),
      printPaperPdf(paper, { size: 'A4', resolveImage }),
      printKeyDocx(paper, { resolveImage }),
    ]);
    expect(files.map((f) => f.contentType)).toEqual([
      'application/pdf',
      'application/pdf',
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ]);
    expect(files.slice(0, 3).map((f) => inspectPdf(f.bytes).length)).toEqual([4, 2, 4]);
  });
});

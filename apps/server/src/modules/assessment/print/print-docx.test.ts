import { mkdirSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { paperDocument } from '../paper-model.ts';
import { openDocx } from '../word/docx-package.ts';
import { proposeItemsFromDocx } from '../word/word-import.ts';
import { sampleImages, samplePaper } from './fixtures/sample-paper.ts';
import { keyDocx, paperDocx } from './print-docx.ts';
import type { ImageResolver } from './print-layout.ts';

const OUT = 'test-results/print';
let resolveImage: ImageResolver;
const paper = paperDocument.parse(samplePaper());

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  resolveImage = await sampleImages();
});

/** The parts of a .docx, read back with the same zip reader the Word import uses. */
async function parts(docx: Buffer) {
  const pkg = await openDocx(docx);
  return { document: pkg.text('word/document.xml')!, pkg };
}
const texts = (xml: string) =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe('printing a paper to .docx', () => {
  it('A4: every item, Word equations, the picture, page numbers', async () => {
    const { docx, notes } = await paperDocx(paper, { size: 'A4', resolveImage });
    writeFileSync(`${OUT}/paper-a4.docx`, docx);
    expect(notes).toEqual([]);
    const { document, pkg } = await parts(docx);
    const text = texts(document);
    expect(text).toContain('2026—2027 学年第一学期七年级数学期中检测');
    for (const s of paper.sections) {
      expect(text).toContain(s.title);
      for (const i of s.items) expect(text).toContain(`${i.number}．`);
    }
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document.match(/<m:oMath\b/g)!.length).toBeGreaterThan(20);
    expect(document).toContain('<m:f><m:num>');
    expect(document).toContain('<m:rad>');
    expect(document).toContain('<m:oMathPara');
    expect(document).toContain('<m:chr m:val="∑"/>');
    expect(document).toContain('<w:drawing>');
    expect([...pkg.rels('word/document.xml').values()].some((r) => /media\/.+\.png$/.test(r.target))).toBe(
      true,
    );
    const footer = [...pkg.rels('word/document.xml').values()].find((r) => r.type.endsWith('/footer'))!;
    const footerXml = pkg.text(pkg.target('word/document.xml', footer))!;
    expect(footerXml).toContain('PAGE');
    expect(footerXml).toContain('NUMPAGES');
  });

  it('A3: landscape, two columns, the sealing line in the header', async () => {
    const { docx } = await paperDocx(paper, { size: 'A3', resolveImage });
    writeFileSync(`${OUT}/paper-a3.docx`, docx);
    const { document, pkg } = await parts(docx);
    expect(document).toMatch(/<w:pgSz w:w="23811" w:h="16838" w:orient="landscape"/);
    expect(document).toMatch(/<w:cols [^>]*w:num="2"/);
    const header = [...pkg.rels('word/document.xml').values()].find((r) => r.type.endsWith('/header'))!;
    const headerXml = pkg.text(pkg.target('word/document.xml', header))!;
    expect(texts(headerXml)).toContain('密　封　线　内　不　要　答　题');
    for (const f of ['学校', '班级', '姓名', '考号']) expect(texts(headerXml)).toContain(f);
    expect(headerXml).toContain('<w:textDirection w:val="btLr"/>');
    expect(headerXml).toContain('<w:tblpPr');
  });

  it('the answer key and marking scheme', async () => {
    const { docx } = await keyDocx(paper, { resolveImage });
    writeFileSync(`${OUT}/key-a4.docx`, docx);
    const text = texts((await parts(docx)).document);
    expect(text).toContain('参考答案及评分标准');
    expect(text).toContain('答案BBBB');
    expect(text).toContain('±5（或 5 或 −5）；2');
    expect(text).toContain('去分母正确\t4 分');
  });

  it('round trip: a printed .docx imports back with the same items and answers', async () => {
    const { docx } = await paperDocx(paper, { size: 'A4', resolveImage });
    const back = await proposeItemsFromDocx(docx, { subjectCode: '14', gradeCode: '21' });
    const types = paper.sections.flatMap((s) => s.items.map((i) => i.content.type));
    expect(back.items.map((i) => i.draft.content.type)).toEqual(types);
    const first = back.items[0]!.draft.content;
    expect(
      first.type === 'single_choice' && first.options.map((o) => o.body.replace(/<[^>]+>/g, '')),
    ).toEqual(['−3', '3', expect.stringContaining('-\\frac{1}{3}'), expect.stringContaining('\\frac{1}{3}')]);
    expect(back.images).toHaveLength(1);
  });
});

import { readFileSync } from 'node:fs';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { refusal } from '../../../testing/refusal.ts';
import { craftZipBomb } from '../../../testing/zip-bomb.ts';
import { MAX_DOCX_BYTES, proposeItemsFromDocx } from './word-import.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const options = { subjectCode: '14', gradeCode: '21' };
const refuse = (bytes: Buffer) => refusal(proposeItemsFromDocx(bytes, options));

describe('Word import refuses what it cannot read, saying what and where', () => {
  it('a .doc renamed to .docx', async () => {
    const err = await refuse(fixture('broken-renamed-doc.docx'));
    expect(err.code).toBe('unsupported_media_type');
    expect(err.message).toContain('Word 97-2003');
    expect(err.details).toMatchObject({ reason: 'doc_binary' });
  });

  it('a document with an opening password', async () => {
    const err = await refuse(fixture('broken-encrypted.docx'));
    expect(err.message).toContain('打开密码');
    expect(err.details).toMatchObject({ reason: 'encrypted' });
  });

  it('a text file renamed to .docx', async () => {
    const err = await refuse(fixture('broken-renamed-txt.docx'));
    expect(err.message).toContain('不是 Word 文档');
    expect(err.details).toMatchObject({ reason: 'not_zip' });
  });

  it('a truncated upload', async () => {
    const err = await refuse(fixture('broken-truncated.docx'));
    expect(err.message).toContain('不完整或已损坏');
    expect(err.details).toMatchObject({ reason: 'bad_zip' });
  });

  it('a zip without word/document.xml', async () => {
    const err = await refuse(fixture('broken-no-document.docx'));
    expect(err.message).toContain('word/document.xml');
    expect(err.details).toMatchObject({ part: 'word/document.xml', reason: 'no_document' });
  });

  it('a corrupt document part, by part, paragraph, line and column', async () => {
    const err = await refuse(fixture('broken-corrupt-xml.docx'));
    expect(err.code).toBe('unsupported_media_type');
    expect(err.message).toMatch(
      /^Word 文档已损坏：word\/document\.xml 第 2 行第 \d+ 列（第 5 段附近）无法解析$/,
    );
    expect(err.details).toMatchObject({
      part: 'word/document.xml',
      paragraph: 5,
      line: 2,
      reason: 'xml_error',
    });
  });

  it('a part whose bytes do not match its checksum', async () => {
    const good = fixture('chinese-grade3.docx');
    const at = good.indexOf('word/document.xml');
    const bytes = Buffer.from(good);
    // Flip a byte of the stored data right after the local header's name and extra field.
    const start = at + 'word/document.xml'.length + bytes.readUInt16LE(at - 2);
    bytes[start + 100] = bytes[start + 100]! ^ 0xff;
    const err = await refuse(bytes);
    expect(err.message).toMatch(/已损坏/);
  });

  it('a file of 30 MB or more, before reading it', async () => {
    const err = await refuse(Buffer.alloc(MAX_DOCX_BYTES));
    expect(err.code).toBe('payload_too_large');
    expect(err.status).toBe(413);
    expect(err.message).toContain('30 MB');
  });

  it('a zip bomb: a part declaring 1 KB that inflates to 64 MB', async () => {
    const bomb = await craftZipBomb(fixture('chinese-grade3.docx'), 'word/document.xml', 64 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(MAX_DOCX_BYTES);
    const err = await refuse(bomb);
    expect(err.code).toBe('payload_too_large');
    expect(err.details).toMatchObject({ reason: 'zip_bomb' });
  });

  it('a Word document with no numbered questions', async () => {
    const doc = new Document({
      sections: [{ children: [new Paragraph('一封给家长的信'), new Paragraph('各位家长：……')] }],
    });
    const err = await refuse(await Packer.toBuffer(doc));
    expect(err.code).toBe('validation_failed');
    expect(err.message).toContain('没有找到题目');
  });

  it('an Excel workbook renamed to .docx', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('成绩').addRow(['姓名', '分数']);
    const err = await refuse(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(err.message).toContain('不是 Word 文档');
  });
});

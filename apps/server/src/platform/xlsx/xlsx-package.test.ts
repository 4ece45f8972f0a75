import { crc32, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { refusal } from '../../testing/refusal.ts';
import { parseRels, resolveTarget } from './opc.ts';
import { addRefs, dropPrefix, spreadsheetPrefix, wrapPlainNotes } from './sheet-xml.ts';
import { loadWorkbook, workbookBuffer } from './xlsx-file.ts';
import { memberData, readZipEntries } from './zip-guard.ts';
import { textMember, writeZip, type ZipMember } from './zip-write.ts';

/** The members of a workbook ExcelJS wrote, to rearrange as another writer would. */
async function members(): Promise<ZipMember[]> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('学生');
  ws.addRow(['姓名', '学号']);
  ws.addRow(['张三', 'X0001']);
  const buf = await workbookBuffer(wb);
  return readZipEntries(buf)
    .filter((e) => !e.name.endsWith('/'))
    .map((e) => ({
      name: e.name,
      method: e.method,
      crc32: e.crc32,
      size: e.declaredSize,
      data: memberData(buf, e),
    }));
}

describe('OPC relationships', () => {
  it('resolves relative, absolute, dotted and escaped targets to case-insensitive part names', () => {
    expect(resolveTarget('xl/workbook.xml', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl/worksheets/sheet1.xml', '../comments1.xml')).toBe('xl/comments1.xml');
    expect(resolveTarget('xl/worksheets/sheet1.xml', '/xl/Comments/Comment1.xml')).toBe(
      'xl/comments/comment1.xml',
    );
    expect(resolveTarget('xl/workbook.xml', './worksheets/%E5%AD%A6%E7%94%9F.xml')).toBe(
      'xl/worksheets/学生.xml',
    );
    expect(resolveTarget('', 'xl/workbook.xml')).toBe('xl/workbook.xml');
  });

  it('reads relationships with any attribute order, quotes and prefix', () => {
    const rels = parseRels(
      `<r:Relationships xmlns:r="…"><r:Relationship Target='/xl/a&amp;b.xml' Id="rId2" Type="t/comments"/>` +
        `<Relationship Id="rId3" TargetMode="External" Type="t/hyperlink" Target="https://x.cn/?a=1&amp;b=2"/></r:Relationships>`,
    );
    expect(rels).toEqual([
      { id: 'rId2', type: 't/comments', target: '/xl/a&b.xml', external: false },
      { id: 'rId3', type: 't/hyperlink', target: 'https://x.cn/?a=1&b=2', external: true },
    ]);
  });
});

describe('SpreadsheetML rewrites', () => {
  it('writes the implied references of rows and cells', () => {
    const xml =
      '<worksheet><sheetData><row><c t="s"><v>0</v></c><c/></row><row r="4"><c><v>1</v></c><c r="D4"/><c/></row></sheetData></worksheet>';
    expect(addRefs(xml, { maxRows: 10, maxCols: 10 })).toBe(
      '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"/></row>' +
        '<row r="4"><c r="A4"><v>1</v></c><c r="D4"/><c r="E4"/></row></sheetData></worksheet>',
    );
    // Beyond what an import reads, no references are written (they would only cost memory).
    expect(addRefs(xml, { maxRows: 1, maxCols: 10 })).toBeUndefined();
    expect(addRefs(xml, { maxRows: 10, maxCols: 2 })).toBeUndefined();
  });

  it('drops the prefix of the SpreadsheetML namespace, and only that one', () => {
    const xml =
      '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<x:sheetData><mc:AlternateContent/></x:sheetData></x:worksheet>';
    const prefix = spreadsheetPrefix(xml);
    expect(prefix).toBe('x');
    expect(dropPrefix(xml, prefix!)).toContain('<worksheet xmlns:x=');
    expect(dropPrefix(xml, prefix!)).toContain('<sheetData><mc:AlternateContent/></sheetData></worksheet>');
    expect(spreadsheetPrefix('<mc:Foo xmlns:mc="urn:other"/>')).toBeUndefined();
    expect(
      spreadsheetPrefix('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'),
    ).toBeUndefined();
  });

  it('turns notes written as plain text into runs', () => {
    expect(wrapPlainNotes('<comment ref="A1"><text><t xml:space="preserve">必填</t></text></comment>')).toBe(
      '<comment ref="A1"><text><r><t xml:space="preserve">必填</t></r></text></comment>',
    );
  });
});

describe('loading a workbook laid out by another writer', () => {
  it('finds the workbook and its sheets through relationships, under any part names', async () => {
    const rename: Record<string, string> = {
      'xl/workbook.xml': 'Book/Main.xml',
      'xl/_rels/workbook.xml.rels': 'Book/_rels/Main.xml.rels',
      'xl/worksheets/sheet1.xml': 'Book/Data/first.xml',
      'xl/sharedStrings.xml': 'Book/Strings.xml',
      'xl/styles.xml': 'Book/Styles.xml',
      'xl/theme/theme1.xml': 'Book/Theme.xml',
    };
    // The workbook's own relationships, with each target written another valid way.
    const targets: Record<string, string> = {
      'worksheets/sheet1.xml': 'Data/first.xml',
      'sharedStrings.xml': '/Book/Strings.xml',
      'styles.xml': './Styles.xml',
      'theme/theme1.xml': 'Theme.xml',
    };
    const out = (await members()).map((m) => {
      const name = rename[m.name] ?? m.name;
      if (name === '_rels/.rels') {
        const type = 'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument';
        return textMember(
          name,
          `<Relationships><Relationship Id="r" Type="${type}" Target="Book/Main.xml"/></Relationships>`,
        );
      }
      if (name !== 'Book/_rels/Main.xml.rels') return { ...m, name };
      const xml = inflateRawSync(m.data).toString('utf8');
      return textMember(
        name,
        xml.replace(/Target="([^"]+)"/g, (_, t: string) => `Target="${targets[t] ?? t}"`),
      );
    });
    const wb = await loadWorkbook(writeZip(out));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['学生']);
    expect(wb.worksheets[0]!.getCell('A2').value).toBe('张三');
  });

  it('refuses a zip that is no package, or whose main part is missing, as not a workbook', async () => {
    const all = await members();
    const noRels = writeZip(all.filter((m) => m.name !== '_rels/.rels'));
    expect((await refusal(loadWorkbook(noRels))).code).toBe('unsupported_media_type');
    const noBook = writeZip(all.filter((m) => m.name !== 'xl/workbook.xml'));
    expect((await refusal(loadWorkbook(noBook))).code).toBe('unsupported_media_type');
    const text = Buffer.from('not a zip at all');
    const stored = writeZip([
      { name: 'a.txt', method: 0, crc32: crc32(text), size: text.length, data: text },
    ]);
    expect((await refusal(loadWorkbook(stored))).message).toContain('不是有效的 Excel 工作簿');
  });

  it('tells an old .xls or a password-protected workbook apart, with the same error code', async () => {
    const cfb = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]);
    const err = await refusal(loadWorkbook(cfb));
    expect(err.code).toBe('unsupported_media_type');
    expect(err.message).toContain('.xls');
  });
});

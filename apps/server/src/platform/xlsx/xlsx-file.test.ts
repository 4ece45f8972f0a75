import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { refusal } from '../../testing/refusal.ts';
import { craftZipBomb, zipOf } from '../../testing/zip-bomb.ts';
import { loadWorkbook, workbookBuffer } from './xlsx-file.ts';
import { memberData, readZipEntries } from './zip-guard.ts';

const SHEET = 'xl/worksheets/sheet1.xml';

async function smallWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('学生');
  ws.addRow(['姓名', '学号']);
  ws.addRow(['张三', 'X0001']);
  return workbookBuffer(wb);
}

describe('workbook zip-bomb guard (review finding 6)', () => {
  it('loads an honest workbook', async () => {
    const wb = await loadWorkbook(await smallWorkbook());
    expect(wb.worksheets[0]!.getCell('A2').value).toBe('张三');
  });

  it('refuses a member that declares 1 KB but inflates far beyond it, before ExcelJS inflates it', async () => {
    const bomb = await craftZipBomb(await smallWorkbook(), SHEET, 64 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const sheet = readZipEntries(bomb).find((e) => e.name === SHEET)!;
    expect(sheet.declaredSize).toBe(1024);
    const err = await refusal(loadWorkbook(bomb));
    expect(err.code).toBe('payload_too_large');
    expect(err.status).toBe(413);
  });

  it('refuses a stored member longer than it declares', async () => {
    const xlsx = await smallWorkbook();
    const members = readZipEntries(xlsx).map((e) => ({ ...e, data: memberData(xlsx, e) }));
    const padded = Buffer.alloc(4096, 0x20);
    const lying = members.map((m) =>
      m.name === SHEET ? { ...m, method: 0, data: padded, declaredSize: 10 } : m,
    );
    expect((await refusal(loadWorkbook(zipOf(lying)))).code).toBe('payload_too_large');
  });

  it('refuses what is not a workbook', async () => {
    expect((await refusal(loadWorkbook(Buffer.from('PK\u0003\u0004 not really')))).code).toBe(
      'unsupported_media_type',
    );
  });
});

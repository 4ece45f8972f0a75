/**
 * Journey: a school admin imports a student workbook with one bad row — the error is listed and
 * nothing is written — then the fixed workbook imports. Then a workbook a school's script filled
 * with openpyxl: accepted, every error listed at once, and the downloaded error workbook marks
 * exactly the cells in error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../server/src/modules/roster/id-number.ts';
import {
  cellsOf,
  expectedErrors,
  expectedRed,
  redCells,
  WRITER_FIXTURES,
} from '../../server/src/modules/roster-import/fixtures/students.expected.ts';
import { baseUrl, DESKTOP, launch, loginAs, PHONE, SHOTS } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/**
 * The student export of one class of the school (a whole school's would wait for a second
 * administrator's approval): its header row tells the columns, its first row the class.
 */
async function exportedStudents(page: Page) {
  const get = async (path: string) => (await page.request.get(`${baseUrl()}${path}`)).json();
  const me = await get('/api/auth/me');
  const grades = await get(`/api/org/units/${me.orgUnitId}/children`);
  const classes = await get(`/api/org/units/${grades[0].id}/children`);
  const res = await page.request.get(`${baseUrl()}/api/roster/exports/students?orgUnitId=${classes[0].id}`);
  expect(res.status()).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.body()) as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0]!;
  const header = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => header.set(String(cell.value).replace('*', '').trim(), col));
  return { wb, sheet, header, rows: sheet.actualRowCount - 1 };
}

const NEW_STUDENTS = [
  ['陈思远', '1', '2016-04-12'],
  ['黄雨桐', '2', '2016-07-30'],
  ['梁子轩', '1', '2016-11-05'],
] as const;

async function workbookWith(page: Page, badRow: boolean): Promise<{ path: string; before: number }> {
  const { sheet, header, rows } = await exportedStudents(page);
  const sample = sheet.getRow(2);
  const at = (name: string) => {
    const col = header.get(name);
    if (!col) throw new Error(`no column ${name} in the export`);
    return col;
  };
  const out = new ExcelJS.Workbook();
  const ws = out.addWorksheet(sheet.name);
  ws.addRow(sheet.getRow(1).values as ExcelJS.CellValue[]);
  NEW_STUDENTS.forEach(([name, gender, birth], i) => {
    const first17 = `440104${birth.replaceAll('-', '')}9${i}${gender === '1' ? 1 : 2}`;
    let id = first17 + idCheckChar(first17);
    if (badRow && i === 1) id = first17 + (idCheckChar(first17) === '0' ? '1' : '0');
    const row = ws.getRow(i + 2);
    row.getCell(at('姓名')).value = name;
    row.getCell(at('性别')).value = gender === '1' ? '男' : '女';
    row.getCell(at('出生日期')).value = birth;
    row.getCell(at('民族')).value = '汉族';
    row.getCell(at('证件类型')).value = sample.getCell(at('证件类型')).value;
    row.getCell(at('证件号码')).value = id;
    row.getCell(at('全国学籍号')).value = `G${first17}${idCheckChar(first17)}`;
    row.getCell(at('学号')).value = `E2E${i + 1}`;
    row.getCell(at('学校标识码')).value = sample.getCell(at('学校标识码')).value;
    row.getCell(at('班级名称')).value = sample.getCell(at('班级名称')).value;
    row.getCell(at('入学年份')).value = 2022;
    row.commit();
  });
  const path = `${SHOTS}/students-${badRow ? 'bad' : 'fixed'}.xlsx`;
  await out.xlsx.writeFile(path);
  return { path, before: rows };
}

async function upload(page: Page, path: string, bytes?: Buffer) {
  if (bytes) writeFileSync(path, bytes);
  await page.goto(`${baseUrl()}/import`);
  await page.getByTestId('import-title').waitFor();
  await page.locator('input[type=file]').setInputFiles(path);
  await page.getByTestId('import-start').click();
}

describe('roster import', () => {
  it('lists the bad row and writes nothing, then imports the fixed workbook', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await loginAs(page, 'school_admin');

    const bad = await workbookWith(page, true);
    await upload(page, bad.path);
    const errors = page.getByTestId('import-errors');
    await errors.waitFor({ timeout: 60_000 });
    const text = await errors.textContent();
    expect(text).toContain('3');
    expect(text).toContain('证件号码');
    expect(text).toContain('校验位');
    await page.screenshot({ path: `${SHOTS}/import-bad-row.png`, fullPage: true });
    expect((await exportedStudents(page)).rows).toBe(bad.before);

    const fixed = await workbookWith(page, false);
    await upload(page, fixed.path);
    const summary = page.getByTestId('import-summary');
    await summary.waitFor({ timeout: 60_000 });
    expect(await summary.textContent()).toContain('3');
    await page.screenshot({ path: `${SHOTS}/import-fixed.png`, fullPage: true });
    expect((await exportedStudents(page)).rows).toBe(bad.before + 3);
    await page.close();
  });

  it('accepts a workbook filled by openpyxl, lists all its errors at once, and marks exactly those cells', async () => {
    for (const [label, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      const page = await browser.newPage({ viewport, acceptDownloads: true });
      await loginAs(page, 'school_admin');
      const fixture = WRITER_FIXTURES.find((f) => f.writer === 'openpyxl')!;
      await upload(page, `${SHOTS}/students-openpyxl.xlsx`, fixture.file);
      const errors = page.getByTestId('import-errors');
      await errors.waitFor({ timeout: 60_000 });
      const rows = await errors.locator('tbody tr.ant-table-row').allInnerTexts();
      const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
      expect(rows.map(squash)).toEqual(
        expectedErrors().map((e) => squash(`${e.row} ${e.column} ${e.message}`)),
      );
      expect(rows.join('\n')).toContain('该校没有此行政班');
      await page.screenshot({ path: `${SHOTS}/import-openpyxl-errors-${label}.png`, fullPage: true });

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('import-errors-xlsx').click(),
      ]);
      const annotated = readFileSync((await download.path())!);
      expect(cellsOf(await redCells(annotated))).toEqual(expectedRed(expectedErrors()));
      await page.close();
    }
  });
});

/**
 * Journey of the auditor (P4, issue 9 §2): opens the audit page at desktop and phone width, starts
 * from the presets (sensitive reads, refusals, exports), opens the names behind a bulk export, finds
 * a pupil by name, narrows by a group of actions, saves and deletes a search, and exports the view to
 * Excel. Fails on a console error or a page wider than the screen; keeps the screenshots.
 */
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, confirmPopup, DESKTOP, launch, loginAs, SHOTS, settled } from './browser.ts';

/** The phone of the issue (an iPhone 12–15). */
const PHONE = { width: 390, height: 844 };

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** Console errors and uncaught exceptions after sign-in (the login page's own 401 probe is expected). */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

async function fits(page: Page, width: number) {
  expect((await page.evaluate('document.documentElement.scrollWidth')) as number).toBeLessThanOrEqual(width);
}

async function shot(page: Page, name: string) {
  await page.evaluate('window.scrollTo(0, 0)');
  await settled(page);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Signs the auditor in and opens the audit page. */
async function openAudit(page: Page): Promise<string[]> {
  await loginAs(page, 'auditor');
  const errors = watchErrors(page);
  await page.goto(`${baseUrl()}/audit`);
  await page.getByTestId('audit-title').waitFor();
  await page.getByTestId('audit-preset-sensitive_reads').waitFor();
  return errors;
}

const rowsText = (page: Page, list: 'audit-table' | 'audit-list') =>
  page.getByTestId(list).locator(list === 'audit-table' ? 'tbody tr.ant-table-row' : '.ant-list-item');

describe('the auditor', () => {
  it('works from presets, names and filters to an Excel export on a desktop', async () => {
    const page = await browser.newPage({ viewport: DESKTOP, acceptDownloads: true });
    const errors = await openAudit(page);
    const rows = rowsText(page, 'audit-table');
    await rows.first().waitFor();
    await fits(page, DESKTOP.width);
    await shot(page, 'audit-desktop');

    // 近 7 天敏感信息查看: every row is a read of protected fields, in Chinese.
    await page.getByTestId('audit-preset-sensitive_reads').click();
    await expect
      .poll(() => page.getByTestId('audit-filters-toggle').textContent())
      .toMatch(/筛选条件（1 项）/);
    // Reads of protected fields: health and the like, full ID numbers, exports and copies holding them.
    const SENSITIVE = /敏感|证件号|导出|副本|错误标注/;
    await expect.poll(() => rows.first().textContent()).toMatch(SENSITIVE);
    const actions = await rows.locator('td:nth-child(4) > div').allTextContents();
    expect(actions.length).toBeGreaterThan(0);
    for (const a of actions) expect(a).toMatch(SENSITIVE);
    await shot(page, 'audit-desktop-sensitive');

    // 近 30 天导出: exports only (a roster, a class's heatmap: whichever journeys ran before); a bulk
    // export is one row, its names open on request.
    await page.getByTestId('audit-preset-exports').click();
    const open = page.getByTestId('audit-subjects').first();
    await open.waitFor();
    await expect.poll(() => rows.filter({ hasNotText: '导出' }).count()).toBe(0);
    await open.click();
    const names = page.getByTestId('audit-subject-list').locator('.ant-list-item');
    await names.first().waitFor();
    const pupil = (await names.first().locator('span').first().textContent())!.trim();
    expect(pupil).toMatch(/^\p{Script=Han}{2,4}$/u);
    await shot(page, 'audit-desktop-export-names');
    await page.keyboard.press('Escape');
    await page.getByTestId('audit-subject-list').waitFor({ state: 'detached' });

    // By name: the pupil of that export, then only rows about or by them.
    await page.getByTestId('audit-filters-toggle').click();
    const person = page.getByTestId('audit-person');
    await person.click();
    await person.locator('input').pressSequentially(pupil);
    // Chosen with the keyboard (see `choose`, which waits for options before typing; these come
    // from the search): the first person found is the active option.
    await page.locator('.ant-select-item-option-active').filter({ hasText: pupil }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('audit-search').click();
    await expect.poll(() => page.getByTestId('audit-filters-toggle').textContent()).toMatch(/2 项/);
    await expect.poll(() => rows.filter({ hasText: '导出名册' }).count()).toBeGreaterThan(0);
    await fits(page, DESKTOP.width);
    await shot(page, 'audit-desktop-person');

    // A whole group of actions from the grouped filter: 登录与账号, over the last 7 days.
    // 重置 keeps the filters open.
    await page.getByRole('button', { name: /重\s*置/ }).click();
    await expect.poll(() => page.getByTestId('audit-filters-toggle').textContent()).not.toMatch(/项/);
    await page.getByTestId('audit-actions').click();
    const group = page.locator('.ant-select-tree-treenode').filter({ hasText: '登录与账号' }).first();
    await group.waitFor();
    await settled(page);
    await group.locator('.ant-select-tree-checkbox').click();
    await page.getByTestId('audit-title').click();
    await page.getByTestId('audit-search').click();
    await expect.poll(() => page.getByTestId('audit-filters-toggle').textContent()).toMatch(/1 项/);
    await expect
      .poll(async () => (await rows.locator('td:nth-child(4)').allTextContents()).join('|'))
      .toMatch(/登录与账号/);
    for (const cell of await rows.locator('td:nth-child(4)').allTextContents())
      expect(cell).toContain('登录与账号');

    // Saved as the auditor's own search, applied, deleted.
    await page.getByTestId('audit-save').click();
    // The pop-up form, standing still, before it is filled and sent (a busy machine once sent nothing).
    await page.getByTestId('audit-save-name').waitFor();
    await settled(page);
    await page.getByTestId('audit-save-name').fill('近 7 天登录');
    await expect.poll(() => page.getByTestId('audit-save-name').inputValue()).toBe('近 7 天登录');
    await page.getByTestId('audit-save-ok').click();
    const saved = page.getByTestId('audit-saved').filter({ hasText: '近 7 天登录' });
    await saved.waitFor();
    await page.getByTestId('audit-preset-refusals').click();
    await saved.click();
    await expect.poll(() => page.getByTestId('audit-filters-toggle').textContent()).toMatch(/1 项/);
    await page.getByRole('button', { name: '删除这个常用查询' }).click();
    await confirmPopup(page);
    await saved.waitFor({ state: 'detached' });

    // The view as a workbook, with Chinese headers and labels.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('audit-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^审计记录-.*\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual(
      expect.arrayContaining(['时间（北京时间）', '操作人', '操作', '机构']),
    );
    expect(ws.rowCount).toBeGreaterThan(1);
    expect(String(ws.getRow(2).getCell(4).value)).toBe('登录与账号');

    expect(errors).toEqual([]);
    await page.close();
  });

  it('reads the presets and the latest records first on a phone', async () => {
    const page = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    const errors = await openAudit(page);
    const rows = rowsText(page, 'audit-list');
    await rows.first().waitFor();
    await fits(page, PHONE.width);
    // The presets come before the list, the folded filters between them.
    const presetsTop = (await page.getByTestId('audit-preset-sensitive_reads').boundingBox())!.y;
    expect(presetsTop).toBeLessThan(PHONE.height);
    expect((await rows.first().boundingBox())!.y).toBeGreaterThan(presetsTop);
    await shot(page, 'audit-phone');

    await page.getByTestId('audit-preset-refusals').click();
    await expect.poll(() => rows.first().textContent()).toMatch(/拒绝|失败/);
    await page.getByTestId('audit-filters-toggle').click();
    await page.getByTestId('audit-form').waitFor();
    await fits(page, PHONE.width);
    await shot(page, 'audit-phone-refusals');
    expect(errors).toEqual([]);
    await page.close();
  });
});

/**
 * Journey: a teacher imports an ordinary Word paper (七年级数学期中检测, formulas and pictures, an
 * answer section that skips question 7). Hanlin proposes 15 items; the teacher cannot confirm while
 * question 7 has no answer, corrects it in the item editor, confirms, and finds the items in the
 * bank. The proposal is also checked at phone width (390 px).
 */
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DESKTOP, launch, loginAs, SHOTS } from './browser.ts';
import { expectNoOverflow, PHONE_390, watchConsole } from './page-health.ts';

const PAPER = fileURLToPath(
  new URL('../../server/src/modules/assessment/word/fixtures/math-grade7.docx', import.meta.url),
);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('item import', () => {
  it('imports a .docx paper, corrects one item, confirms, and finds the items in the bank', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await loginAs(page, 'teacher_demo');
    const console = watchConsole(page);

    await page.goto(`${baseUrl()}/bank`);
    await page.getByTestId('item-import').click();
    await page.getByTestId('import-title').waitFor();
    await page.locator('input[type=file]').setInputFiles(PAPER);

    const cards = page.getByTestId('proposed-item');
    await expect.poll(() => cards.count(), { timeout: 60_000 }).toBe(15);
    expect(await page.getByTestId('import-summary').textContent()).toContain('15');
    // Formulas are rendered by KaTeX, pictures are served from the bank's store.
    await expect.poll(() => page.locator('.bank-formula').count()).toBeGreaterThan(5);
    const picture = page.locator('[data-testid=proposed-item] img').first();
    await picture.waitFor();
    await expect
      .poll(() => picture.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
      .toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/item-import-proposal.png`, fullPage: true });

    // Question 7 has no answer in the paper: confirming is refused until the teacher gives one.
    const q7 = cards.filter({ hasText: '第 7 题' });
    await q7.getByTestId('proposed-missing').waitFor();
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-problems').waitFor();
    expect(await page.getByTestId('import-problems').textContent()).toContain('第 7 题');

    await q7.getByTestId('proposed-edit').click();
    const blank = page.getByTestId('proposed-blank').first();
    await blank.waitFor();
    expect(await blank.inputValue()).toBe('');
    await blank.fill('<');
    await page.screenshot({ path: `${SHOTS}/item-import-edit.png` });
    await page.getByTestId('proposed-save').click();
    await q7.getByTestId('proposed-missing').waitFor({ state: 'detached' });

    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: `${SHOTS}/item-import-done.png`, fullPage: true });

    // The proposal stays at its address: at phone width it fits without sideways scrolling.
    const phone = await browser.newPage({ viewport: PHONE_390 });
    await phone.context().addCookies(await page.context().cookies());
    await phone.goto(page.url());
    await expect.poll(() => phone.getByTestId('proposed-item').count(), { timeout: 30_000 }).toBe(15);
    await expectNoOverflow(phone);
    await phone.screenshot({ path: `${SHOTS}/item-import-phone.png`, fullPage: false });
    await phone.close();

    await page.getByTestId('import-to-bank').click();
    // Ant Design puts the test id on the input itself or on its wrapper, depending on the version.
    const search = page.locator('input[data-testid=bank-search], [data-testid=bank-search] input').first();
    await search.fill('相反数');
    await search.press('Enter');
    await expect
      .poll(async () => (await page.getByTestId('item-card').allTextContents()).join('|'), {
        timeout: 30_000,
      })
      .toContain('相反数');
    await search.fill('比较大小');
    await search.press('Enter');
    await expect
      .poll(async () => (await page.getByTestId('item-card').allTextContents()).join('|'), {
        timeout: 30_000,
      })
      .toContain('比较大小');
    await page.getByTestId('item-select').first().click();
    await page.getByTestId('export-qti').waitFor();
    await page.screenshot({ path: `${SHOTS}/item-import-bank.png`, fullPage: true });
    expect(console.errors).toEqual([]);
    await page.close();
  });

  it('offers import, export and the template on a phone (390 px) without sideways scrolling', async () => {
    const page = await browser.newPage({ viewport: PHONE_390 });
    await loginAs(page, 'teacher_demo');
    await page.goto(`${baseUrl()}/bank?mine=true`);
    await page.getByTestId('item-select').first().click();
    await page.getByTestId('export-xlsx').waitFor();
    await expectNoOverflow(page);
    await page.screenshot({ path: `${SHOTS}/item-import-bank-phone.png` });
    const download = page.waitForEvent('download');
    await page.getByTestId('export-xlsx').click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    await page.getByTestId('item-import').click();
    await page.getByTestId('import-title').waitFor();
    await page.locator('.ant-upload-drag').waitFor();
    await expectNoOverflow(page);
    await page.screenshot({ path: `${SHOTS}/item-import-upload-phone.png` });
    await page.close();
  });
});

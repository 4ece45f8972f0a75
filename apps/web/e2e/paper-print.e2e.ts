/**
 * Journey (issue 10 §4): a teacher opens one of their finalised papers and downloads it as an A4
 * PDF and its answer key and marking scheme from the 打印/下载 menu, as real browser downloads
 * with Chinese file names; the print preview shows page 1. A student who tries the key's address
 * is refused.
 */
import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/platform/db/client.ts';
import { connectOwner } from '../../server/src/platform/db/setup.ts';
import { baseUrl, DESKTOP, databaseUrl, launch, loginAs, PHONE, SHOTS, settled } from './browser.ts';

let browser: Browser;
let db: Database;
let paper: { id: string; title: string };

beforeAll(async () => {
  browser = await launch();
  db = connectOwner(databaseUrl(), 1);
  const rows = (
    await db.db.execute<{ id: string; title: string }>(sql`select p.id, p.title from paper p
      join account a on a.person_id = p.owner_id
     where a.username = 'teacher_demo' and p.status = 'final' order by p.finalised_at desc, p.id limit 1`)
  ).rows;
  expect(rows.length, 'the demo gives teacher_demo finalised homework papers').toBe(1);
  paper = rows[0]!;
});
afterAll(async () => {
  await browser?.close();
  await db?.close();
});

/** Chooses an entry of the 打印/下载 menu and returns the browser's download. */
async function downloadFrom(page: Page, entry: string) {
  await page.getByTestId('paper-print').click();
  const item = page.getByRole('menuitem', { name: entry, exact: true });
  await item.waitFor();
  await settled(page);
  const [download] = await Promise.all([page.waitForEvent('download'), item.click()]);
  return download;
}

describe('printing a paper', () => {
  it('a teacher downloads the A4 PDF and the answer key of a paper', async () => {
    const page = await browser.newPage({ viewport: DESKTOP, acceptDownloads: true });
    await loginAs(page, 'teacher_demo');
    await page.goto(`${baseUrl()}/papers/${paper.id}`);
    await expect.poll(() => page.getByTestId('paper-title').textContent()).toContain(paper.title);

    const a4 = await downloadFrom(page, 'A4 PDF');
    expect(a4.suggestedFilename()).toMatch(/\.pdf$/);
    expect(a4.suggestedFilename()).toContain(paper.title.replace(/[\\/:*?"<>|]+/g, '_'));
    const pdf = await readFile((await a4.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const key = await downloadFrom(page, '答案与评分标准 PDF');
    expect(key.suggestedFilename()).toMatch(/参考答案及评分标准\.pdf$/);
    const keyPdf = await readFile((await key.path())!);
    expect(keyPdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(keyPdf.equals(pdf)).toBe(false);

    const word = await downloadFrom(page, 'Word 文档（.docx）');
    expect(word.suggestedFilename()).toMatch(/\.docx$/);
    const docx = await readFile((await word.path())!);
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');

    // The preview: page 1 as it prints, loaded as an image.
    await page.getByTestId('paper-print').click();
    const previewItem = page.getByRole('menuitem', { name: '打印预览（第 1 页）' });
    await previewItem.waitFor();
    await settled(page);
    await previewItem.click();
    const img = page.getByTestId('paper-print-preview');
    await expect
      .poll(() => img.evaluate((e) => (e as unknown as { naturalWidth: number }).naturalWidth))
      .toBeGreaterThan(500);
    await settled(page);
    await page.screenshot({ path: `${SHOTS}/paper-print-preview.png` });
    await page.keyboard.press('Escape');

    // At phone width the menu still opens and its entries fit.
    await page.setViewportSize(PHONE);
    await page.getByTestId('paper-print').click();
    await page.getByRole('menuitem', { name: 'A3 双栏 PDF（带密封线）' }).waitFor();
    await settled(page);
    await page.screenshot({ path: `${SHOTS}/paper-print-menu-phone.png` });
  });

  it('a student asking for the key is refused, with no file', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await loginAs(page, 'student_demo');
    const res = await page.request.get(`${baseUrl()}/api/assessment/papers/${paper.id}/key`);
    expect(res.status()).toBe(403);
    expect((await res.json()).error.code).toBe('forbidden');
  });
});

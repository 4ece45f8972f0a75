/**
 * Journey (issue 11 §5): a teacher opens 学情热力图 from the menu, opens a weak knowledge point for
 * the class, follows it to one of its prerequisites, opens a student's cell for the explanation,
 * and saves the heatmap as a workbook and a picture; on a 375 px phone the heatmap scrolls inside
 * its box. A parent reads the child's 学情报告 on a phone (no rank, no classmate); the student reads
 * theirs; the city researcher reads 学情分析 and drills down a level. Screenshots of each.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DESKTOP, launch, loginAs, PHONE, SHOTS, settled } from './browser.ts';
import { expectNoOverflow, watchConsole } from './page-health.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function openHeatmap(page: Page) {
  await page.getByRole('menuitem', { name: '学情热力图' }).first().click();
  await page.getByTestId('mastery-heatmap-title').waitFor();
  await page.getByTestId('mastery-heatmap').waitFor();
}

describe('mastery views', () => {
  it('a teacher follows a weak point to its prerequisite and explains a cell, on a desktop', async () => {
    const page = await browser.newPage({ viewport: DESKTOP, acceptDownloads: true });
    await loginAs(page, 'teacher_demo');
    const console = watchConsole(page);
    await openHeatmap(page);
    await page.screenshot({ path: `${SHOTS}/mastery-heatmap-teacher-desktop.png`, fullPage: true });
    // The weakest points come first: open them in turn until one has recorded prerequisites.
    const drawer = page.getByTestId('mastery-point-drawer');
    const headers = page.getByTestId('mastery-point');
    let followed = false;
    for (let i = 0; i < Math.min(8, await headers.count()) && !followed; i++) {
      await headers.nth(i).click();
      const list = drawer.getByTestId('mastery-prerequisites');
      await list.or(drawer.getByText('没有登记的先修知识')).first().waitFor();
      if (await list.isVisible()) {
        expect(await drawer.getByTestId('mastery-practice').getAttribute('href')).toMatch(
          /^\/diagnosis\/practice\?class=.+&kp=.+/,
        );
        await settled(page);
        await page.screenshot({ path: `${SHOTS}/mastery-point-teacher-desktop.png` });
        const name = (await list
          .locator('.ant-list-item')
          .first()
          .locator('.ant-typography')
          .first()
          .textContent())!;
        await list.getByRole('button', { name: '查看' }).first().click();
        await expect.poll(() => drawer.locator('.ant-drawer-title').textContent()).toBe(name);
        followed = true;
      }
      await page.keyboard.press('Escape');
      await drawer.getByTestId('mastery-practice').waitFor({ state: 'hidden' });
    }
    expect(followed).toBe(true);
    // A cell: the estimate in words.
    await page.getByTestId('mastery-cell').first().click();
    const cell = page.getByTestId('mastery-cell-drawer');
    await cell.getByTestId('mastery-sentence').waitFor();
    expect(await cell.getByTestId('mastery-sentence').textContent()).toMatch(/答对 \d+ 次、答错 \d+ 次/);
    await settled(page);
    await page.screenshot({ path: `${SHOTS}/mastery-cell-teacher-desktop.png` });
    await page.keyboard.press('Escape');
    await cell.getByTestId('mastery-sentence').waitFor({ state: 'hidden' });
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByText('导出 Excel').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/学情热力图\.xlsx$/);
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByText('保存图片').click()]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    expect(console.errors).toEqual([]);
  });

  it('the heatmap scrolls inside its box on a 375 px phone', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await loginAs(page, 'teacher_demo');
    await page.goto(`${baseUrl()}/diagnosis/heatmap`);
    await page.getByTestId('mastery-heatmap').waitFor();
    await settled(page);
    await expectNoOverflow(page);
    await page.screenshot({ path: `${SHOTS}/mastery-heatmap-teacher-phone.png`, fullPage: true });
  });

  it("a parent reads the child's report on a phone: no rank, no classmate", async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await loginAs(page, 'parent_demo');
    const console = watchConsole(page);
    await page.goto(`${baseUrl()}/diagnosis/report`);
    await page.getByTestId('mastery-report-summary').waitFor();
    await page.getByTestId('mastery-strand').first().waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(/排名|名次|班级平均/);
    await settled(page);
    await expectNoOverflow(page);
    await page.screenshot({ path: `${SHOTS}/mastery-report-parent-phone.png`, fullPage: true });
    expect(console.errors).toEqual([]);
  });

  it('the student reads their report on a desktop', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await loginAs(page, 'student_demo');
    await page.getByRole('menuitem', { name: '学情报告' }).first().click();
    await page.getByTestId('mastery-report-summary').waitFor();
    await settled(page);
    await page.screenshot({ path: `${SHOTS}/mastery-report-student-desktop.png`, fullPage: true });
  });

  it('the researcher reads 学情分析 and drills down, on a desktop and a phone', async () => {
    for (const [viewport, name] of [
      [DESKTOP, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      const page = await browser.newPage({ viewport });
      await loginAs(page, 'researcher_demo');
      const console = watchConsole(page);
      await page.goto(`${baseUrl()}/diagnosis/rollup`);
      await page.getByTestId('mastery-rollup').waitFor();
      const title = page.getByTestId('mastery-rollup-title');
      const before = await title.textContent();
      // Drill into the unit with the most students counted (the demo's data lie in a few schools).
      const drills = page.getByTestId('mastery-drill');
      const counts = await drills.evaluateAll((els) =>
        els.map((e) => Number(e.getAttribute('data-students'))),
      );
      await drills.nth(counts.indexOf(Math.max(...counts))).click();
      await expect.poll(() => title.textContent()).not.toBe(before);
      await page.getByTestId('mastery-rollup').waitFor();
      await settled(page);
      await expectNoOverflow(page);
      await page.screenshot({ path: `${SHOTS}/mastery-rollup-researcher-${name}.png`, fullPage: true });
      expect(console.errors).toEqual([]);
    }
  });
});

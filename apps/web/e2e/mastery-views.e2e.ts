/**
 * Journey (issue 11 §5): on a 375 px phone the teacher's heatmap scrolls inside its box. A parent
 * reads the child's 学情报告 on a phone (no rank, no classmate); the student reads theirs; the city
 * researcher reads 学情分析 and drills down a level. Screenshots of each. The teacher's heatmap at
 * desktop width (a weak point, its prerequisite, a student's explanation, the workbook and the
 * picture) is a step of the whole story, diagnosis.e2e.ts.
 */
import type { Browser } from 'playwright-core';
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

describe('mastery views', () => {
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

/** Journey: a researcher browses the backbone, links a lesson, is refused a cycle; a student reads only. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, choose, DESKTOP, launch, loginAs, PHONE, SHOTS } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('curriculum backbone', () => {
  it('lets a city researcher browse a volume, open a knowledge point and refuses a prerequisite cycle', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await loginAs(page, 'researcher_demo');
    await expect.poll(() => page.getByTestId('home-title').textContent()).toBe('教研工作台');
    await page.getByTestId('tool-curriculum').click();
    await page.getByTestId('curriculum-title').waitFor();
    // 数学 四年级上册 is the default view.
    await expect.poll(() => page.getByTestId('curriculum-volume').textContent()).toContain('四年级上册');
    await page.getByTestId('curriculum-tree').getByText('大数的认识').first().waitFor();
    const lesson = page.getByTestId('curriculum-tree').locator('.ant-tree-treenode-leaf').first();
    await lesson.click();
    const tags = page.getByTestId('lesson-points').locator('.ant-tag');
    await expect.poll(() => tags.count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/curriculum-catalog.png`, fullPage: true });

    // Open the point, then try to make one of the points that depend on it its prerequisite.
    await tags.first().click();
    const drawer = page.getByTestId('point-drawer');
    await drawer.waitFor();
    const dependents = drawer.locator('.ant-tag-green');
    await expect.poll(() => dependents.count()).toBeGreaterThan(0);
    const dependent = (await dependents.first().textContent())!.trim();
    await choose(page.getByTestId('prerequisite-select'), dependent, { search: dependent });
    await page.getByTestId('prerequisite-add').click();
    await expect.poll(() => drawer.getByRole('alert').textContent()).toContain('循环');
    await page.screenshot({ path: `${SHOTS}/curriculum-cycle-refused.png` });
    await page.keyboard.press('Escape');

    await page.goto(`${baseUrl()}/curriculum?subject=14&grade=21&tab=graph`);
    await page.getByTestId('knowledge-graph').locator('canvas').waitFor();
    await expect.poll(() => page.getByTestId('graph-points').locator('tbody tr').count()).toBeGreaterThan(5);
    await page.waitForTimeout(1500); // let the force layout settle for the screenshot
    await page.screenshot({ path: `${SHOTS}/curriculum-graph.png`, fullPage: true });
    await page.close();
  });

  it('shows a student the same backbone read-only on a phone', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await loginAs(page, 'student_demo');
    await page.goto(`${baseUrl()}/curriculum?subject=13&grade=13&term=1`);
    await expect.poll(() => page.getByTestId('curriculum-volume').textContent()).toContain('三年级上册');
    expect(await page.getByTestId('curriculum-import').count()).toBe(0);
    expect(await page.getByTestId('curriculum-export').count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/curriculum-student-phone.png`, fullPage: true });
    await page.close();
  });
});

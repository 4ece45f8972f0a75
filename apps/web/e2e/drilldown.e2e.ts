/** Journey: an administrator drills city → district → school → grade → class → student and back. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DESKTOP, launch, loginAs, PHONE, SHOTS } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** Opens the first unit listed one level down and waits for its page. */
async function openFirstChild(page: Page): Promise<string> {
  const link = page.getByTestId('org-children').locator('tbody a').first();
  await link.waitFor();
  const name = (await link.textContent()) ?? '';
  await link.click();
  return name;
}

describe('drill-down keeps its way back', () => {
  for (const [label, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`shows the whole path and the org section at ${label} width`, async () => {
      const page = await browser.newPage({ viewport });
      await loginAs(page, 'city_admin');
      await page.goto(`${baseUrl()}/org`);
      // The city administrator starts in the city (one root: straight into it).
      await page.getByTestId('org-unit-name').waitFor();
      const city = (await page.getByTestId('org-unit-name').textContent()) ?? '';
      const district = await openFirstChild(page);
      await expect.poll(() => page.getByTestId('org-unit-name').textContent()).toBe(district);
      const school = await openFirstChild(page);
      await expect.poll(() => page.getByTestId('org-unit-name').textContent()).toBe(school);
      const grade = await openFirstChild(page);
      await expect.poll(() => page.getByTestId('org-unit-name').textContent()).toBe(grade);
      const cls = await openFirstChild(page);
      await expect.poll(() => page.getByTestId('roster-title').textContent()).toBe(cls);
      await expect
        .poll(() => page.getByTestId('page-breadcrumb').textContent())
        .toContain(`${city}/${district}/${school}/${grade}/${cls}`);

      const student = page.getByTestId('roster-student-link').first();
      const name = (await student.textContent()) ?? '';
      await student.click();
      await expect.poll(() => page.getByTestId('student-name').textContent()).toBe(name);
      const trail = page.getByTestId('page-breadcrumb');
      await expect
        .poll(() => trail.textContent())
        .toContain(`${city}/${district}/${school}/${grade}/${cls}/${name}`);
      // Every step but the page itself is a link.
      expect(await trail.locator('a').allTextContents()).toEqual(
        expect.arrayContaining([city, district, school, grade, cls]),
      );
      if (label === 'desktop') {
        // The menu shows the section: the org browser, not the home.
        await expect
          .poll(() => page.locator('.ant-menu-item-selected').first().textContent())
          .toBe('组织机构');
      }
      const overflow = await page.evaluate(() => {
        type Root = { scrollWidth: number; clientWidth: number };
        const root = (globalThis as unknown as { document: { documentElement: Root } }).document
          .documentElement;
        return root.scrollWidth - root.clientWidth;
      });
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${SHOTS}/drilldown-student-${label}.png`, fullPage: true });

      // Back up two steps with the breadcrumb.
      await trail.getByRole('link', { name: school }).click();
      await expect.poll(() => page.getByTestId('org-unit-name').textContent()).toBe(school);
      await page.close();
    });
  }
});

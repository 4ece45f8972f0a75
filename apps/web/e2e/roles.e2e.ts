/** Journey: every role signs in through the login page and lands on its own home. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launch, PHONE, SHOTS, signInThroughPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const HOMES: [username: string, title: string][] = [
  ['city_admin', '全市教育概览'],
  ['district_yuexiu', '区级教育概览'],
  ['school_admin', '学校概览'],
  ['teacher_demo', '班主任工作台'],
  ['student_demo', '学生主页'],
  ['parent_demo', '家长主页'],
  ['researcher_demo', '教研工作台'],
  ['auditor', '审计工作台'],
];

describe('role homes', () => {
  for (const [username, title] of HOMES) {
    it(`${username} sees “${title}”`, async () => {
      const page = await browser.newPage({ viewport: DESKTOP });
      await signInThroughPage(page, username);
      await expect.poll(() => page.getByTestId('home-title').textContent()).toBe(title);
      await page.waitForLoadState('networkidle');
      if (['city_admin', 'district_yuexiu', 'school_admin'].includes(username))
        await page.locator('canvas').first().waitFor();
      await page.screenshot({ path: `${SHOTS}/home-${username}.png`, fullPage: true });
      await page.close();
    });
  }

  it('a school home shows its grades chart and switches to English', async () => {
    // A TOTP code is accepted once per account and time step, so this journey uses the school admin.
    const page = await browser.newPage({ viewport: DESKTOP });
    await signInThroughPage(page, 'school_admin');
    await page.locator('canvas').first().waitFor();
    await page.getByTestId('lang-switch').click();
    const english = page.getByText('English', { exact: false });
    if (await english.count()) await english.first().click();
    await expect.poll(() => page.getByTestId('home-title').textContent()).toBe('School overview');
    await page.screenshot({ path: `${SHOTS}/home-school-en.png` });
    await page.close();
  });

  it('a parent sees both children on a phone-width screen', async () => {
    const page = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    await signInThroughPage(page, 'parent_demo');
    await expect.poll(() => page.getByTestId('child-card').count()).toBe(2);
    const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: `${SHOTS}/home-parent-phone.png`, fullPage: true });
    await page.close();
  });
});

/**
 * Journey (issue 9 §1): the system administrator's Monday morning — the home says what needs
 * attention and leads to 系统运行, every tab shows what it measured, a backup is taken and then
 * verified from the page; and the 三员 and the researcher browse the org tree (units and head
 * counts, no one's name). The home and every tab of 系统运行 at desktop and phone width (390×844),
 * failing on an empty page, a console error or a page wider than the screen; screenshots kept in
 * test-results/e2e. The rest of the menu is opened by menus.e2e.ts.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, confirmPopup, DESKTOP, launch, loginAs, SHOTS, settled } from './browser.ts';

const PHONE = { width: 390, height: 844 };
const VIEWPORTS = [
  ['desktop', { viewport: DESKTOP }],
  ['phone', { viewport: PHONE, isMobile: true, hasTouch: true }],
] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** Signs in, then records every console error and failed request from here on. */
async function signedIn(username: string, options: (typeof VIEWPORTS)[number][1]) {
  const page = await browser.newPage(options);
  await loginAs(page, username);
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

/** The page has content, fits the screen, and logged no error; then its screenshot is kept. */
async function check(page: Page, errors: string[], shot: string, content: string) {
  await page.getByTestId(content).first().waitFor();
  await page.waitForLoadState('networkidle');
  await settled(page);
  const text = ((await page.locator('main').textContent()) ?? '').trim();
  expect(text.length, `${shot}: empty page`).toBeGreaterThan(40);
  const [scrollWidth, innerWidth] = (await page.evaluate(
    '[document.documentElement.scrollWidth, innerWidth]',
  )) as [number, number];
  expect(scrollWidth, `${shot}: wider than the screen`).toBeLessThanOrEqual(innerWidth);
  expect(errors, `${shot}: console errors`).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/${shot}.png`, fullPage: true });
}

const TABS = [
  ['health', 'ops-health'],
  ['jobs', 'ops-jobs'],
  ['backups', 'ops-backups'],
  ['storage', 'ops-storage'],
  ['codes', 'ops-codes'],
] as const;

describe('系统运行, as the system administrator', () => {
  for (const [name, options] of VIEWPORTS) {
    it(`opens the home and every tab of 系统运行 (${name})`, async () => {
      const { page, errors } = await signedIn('sysadmin', options);
      await page.getByTestId('ops-home').waitFor();
      await page.getByTestId('ops-attention').or(page.getByTestId('ops-attention-none')).first().waitFor();
      await check(page, errors, `ops-home-${name}`, 'ops-home');
      await page.getByTestId('ops-home-open').click();
      await page.getByTestId('ops-title').waitFor();
      for (const [tab, content] of TABS) {
        await page.goto(`${baseUrl()}/operations?tab=${tab}`);
        await check(page, errors, `ops-${tab}-${name}`, content);
      }
      await page.close();
    });
  }

  it('takes a backup now and verifies it by a trial restore, both listed in the history', async () => {
    const { page, errors } = await signedIn('sysadmin', { viewport: DESKTOP });
    await page.goto(`${baseUrl()}/operations?tab=backups`);
    await page.getByTestId('ops-backup-list').waitFor();
    const rows = page.getByTestId('ops-backup-list').locator('tbody tr.ant-table-row');
    const before = await rows.count();
    await page.getByTestId('ops-backup-now').click();
    await confirmPopup(page);
    // The backup runs in the background; the page follows it until the new one is listed.
    await expect.poll(() => rows.count(), { timeout: 120_000, interval: 500 }).toBe(before + 1);
    const history = page.getByTestId('ops-backup-history').locator('tbody tr.ant-table-row');
    await expect.poll(() => history.first().textContent()).toContain('系统管理员');
    await page.getByTestId('ops-backup-activity').waitFor({ state: 'detached', timeout: 120_000 });

    await page.locator('[data-testid^="ops-verify-"]').first().click();
    await expect
      .poll(() => history.first().textContent(), { timeout: 180_000, interval: 1000 })
      .toMatch(/校验[\s\S]*成功[\s\S]*检查全部通过/);
    await expect
      .poll(() => page.getByTestId('ops-backup-list').textContent(), { timeout: 20_000 })
      .toContain('通过');
    await check(page, errors, 'ops-backups-verified-desktop', 'ops-backup-history');
    await page.close();
  }, 400_000);
});

describe('the org tree, for roles without personal data', () => {
  for (const username of ['auditor', 'secadmin', 'researcher_demo']) {
    for (const [name, options] of VIEWPORTS) {
      it(`${username} drills from the city to a class, seeing units and counts (${name})`, async () => {
        const { page, errors } = await signedIn(username, options);
        await page.goto(`${baseUrl()}/org`);
        // One starting unit (the city): the browser opens it at once.
        await expect.poll(() => page.getByTestId('org-unit-name').textContent()).toBe('广州市');
        const children = page.getByTestId('org-children');
        await children.locator('tbody tr.ant-table-row').first().waitFor();
        await check(page, errors, `org-${username}-city-${name}`, 'org-children');
        // District → school → grade → class, always into the first unit with pupils.
        for (const level of ['district', 'school', 'grade']) {
          const link = children.locator('tbody tr.ant-table-row a').first();
          const unit = (await link.textContent()) ?? '';
          await link.click();
          await expect.poll(() => page.getByTestId('org-unit-name').textContent()).toBe(unit);
          await children.locator('tbody tr.ant-table-row').first().waitFor();
          if (level === 'school') await check(page, errors, `org-${username}-school-${name}`, 'org-children');
        }
        const cls = children.locator('tbody tr.ant-table-row a').first();
        const className = (await cls.textContent()) ?? '';
        await cls.click();
        await expect.poll(() => page.getByTestId('org-unit-name').textContent()).toBe(className);
        // A class shows its counts, and no roster to open.
        await expect.poll(() => page.locator('main').textContent()).toMatch(/学生\s*[1-9]/);
        expect(await page.getByText('查看花名册').count()).toBe(0);
        await check(page, errors, `org-${username}-class-${name}`, 'org-unit-name');
        await page.close();
      });
    }
  }
});

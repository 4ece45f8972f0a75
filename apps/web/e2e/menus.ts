/**
 * Journey: every demo user opens every page of their role's menu at desktop and phone width. A page
 * fails when it shows an error or nothing (almost no text, or an empty list that does not say why
 * it is empty), logs a console error once signed in, or is wider than the screen. Screenshots of
 * every page are kept under test-results/e2e/menus/. The users are split over two files
 * (menus.e2e.ts, menus-staff.e2e.ts) so that two journey workers share them.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, eventually, launch, loginAs, PHONE, SHOTS } from './browser.ts';

// The page's globals, for the functions evaluated in the browser (this file compiles without the
// DOM library, beside the server's code).
interface El {
  textContent: string | null;
  classList: { contains(c: string): boolean };
  getBoundingClientRect(): { width: number };
  querySelectorAll(selector: string): Iterable<El>;
  closest(selector: string): El | null;
}
declare const document: {
  querySelector(selector: string): El | null;
  documentElement: { scrollWidth: number; clientWidth: number };
};
declare const window: {
  history: { pushState(state: unknown, title: string, url: string): void };
  dispatchEvent(event: unknown): void;
};
declare const PopStateEvent: new (type: string) => unknown;

const DIR = `${SHOTS}/menus`;
mkdirSync(DIR, { recursive: true });

/** The paths of the role's menu, submenus opened (rc-menu keeps each item's key in data-menu-id). */
export async function menuPaths(page: Page): Promise<string[]> {
  const menu = page.locator('.ant-layout-sider .ant-menu');
  await menu.waitFor();
  for (const title of await menu
    .locator('.ant-menu-submenu:not(.ant-menu-submenu-open) > .ant-menu-submenu-title')
    .all())
    await title.click();
  const ids = await menu
    .locator('li.ant-menu-item')
    .evaluateAll((items) => items.map((li) => li.getAttribute('data-menu-id') ?? ''));
  const paths = ids.map((id) => id.slice(id.indexOf('-/') + 1)).filter((p) => p.startsWith('/'));
  return [...new Set(paths)];
}

/** Requests the page has sent and not yet seen answered. */
function inFlight(page: Page): () => number {
  let n = 0;
  page.on('request', () => n++);
  page.on('requestfinished', () => n--);
  page.on('requestfailed', () => n--);
  return () => n;
}

/**
 * Navigates inside the single-page app, as a menu click does, without reloading it, and waits until
 * the page has loaded and shows what it should: no request in flight and nothing spinning, twice in
 * a row, and no problem found. A page that goes on to another (the org browser with a single root
 * unit) is briefly empty and quiet in between, and a busy machine can stretch that moment: a page
 * is judged by what it shows once it stays right, or by what it still shows after 60 s.
 * Returns the problems found (none for a good page).
 */
async function open(page: Page, path: string, pending: () => number, width: number): Promise<string[]> {
  await page.evaluate((p) => {
    window.history.pushState({}, '', p);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await expect.poll(() => new URL(page.url()).pathname.startsWith(path)).toBe(true);
  const idle = async () =>
    pending() === 0 &&
    (await page.locator('main .ant-spin-spinning, main .ant-skeleton-active').count()) === 0;
  let calm = 0;
  let found = ['still loading after 60 s'];
  await eventually(async () => {
    calm = (await idle()) ? calm + 1 : 0;
    if (calm < 2) return false;
    found = await problems(page, width);
    return found.length === 0;
  }, 60_000);
  return found;
}

/** What is wrong with the page as shown, or nothing. */
async function problems(page: Page, width: number): Promise<string[]> {
  return page.evaluate((screenWidth) => {
    const found: string[] = [];
    const main = document.querySelector('main');
    const text = (main?.textContent ?? '').replace(/\s+/g, '');
    const BARE = ['', '暂无数据', 'No data'];
    const explained = [...(main?.querySelectorAll('.ant-empty-description') ?? [])].some(
      (e) => !BARE.includes((e.textContent ?? '').trim()),
    );
    if (text.length < 40 && !explained) found.push(`almost no content (${text.length} characters)`);
    // The system administrator's attention list reports the host as it is (a nearly full disk on a
    // busy CI machine is a true finding): it is the page's content, not an error of the page.
    for (const alert of main?.querySelectorAll('[role="alert"]') ?? [])
      if (alert.closest('[data-testid="ops-attention"]')) continue;
      else if (alert.classList.contains('ant-alert-error') || alert.classList.contains('ant-alert-warning'))
        found.push(`an error: ${alert.textContent}`);
    // An empty list must say why ("没有待审核的资源"), not only 暂无数据.
    for (const empty of main?.querySelectorAll('.ant-empty-description') ?? []) {
      const visible = empty.getBoundingClientRect().width > 0;
      if (visible && BARE.includes((empty.textContent ?? '').trim()))
        found.push('an empty list that does not say why');
    }
    const overflow = document.documentElement.scrollWidth - document.documentElement.clientWidth;
    if (overflow > 0) found.push(`${overflow}px wider than the ${screenWidth}px screen`);
    return found;
  }, width);
}

/**
 * Registers the journey for these demo users (each signs in with the role the README gives them):
 * one test per user, every page of their menu at desktop and phone width.
 */
export function everyMenuPage(title: string, users: readonly string[]): void {
  describe(title, () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launch();
    });
    afterAll(() => browser?.close());
    for (const username of users) {
      it(`${username}: each menu page has content, no console error and fits desktop and phone`, async () => {
        const page = await browser.newPage({ viewport: DESKTOP });
        const pending = inFlight(page);
        await loginAs(page, username);
        const errors: string[] = [];
        page.on('console', (m) => {
          if (m.type() === 'error') errors.push(`${new URL(page.url()).pathname}: ${m.text()}`);
        });
        page.on('pageerror', (e) => errors.push(`${new URL(page.url()).pathname}: ${e.message}`));
        const paths = await menuPaths(page);
        expect(paths.length).toBeGreaterThan(1);
        const report: string[] = [];
        for (const [label, viewport] of [
          ['desktop', DESKTOP],
          ['phone', PHONE],
        ] as const) {
          await page.setViewportSize(viewport);
          for (const path of paths) {
            const found = await open(page, path, pending, viewport.width);
            const slug = path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home';
            await page.screenshot({ path: `${DIR}/${username}-${slug}-${label}.png`, fullPage: true });
            for (const p of found) report.push(`${label} ${path}: ${p}`);
          }
        }
        expect([...report, ...errors]).toEqual([]);
        await page.close();
        // Some twenty pages twice: room for a busy machine (a passing test ends when it is done).
      }, 300_000);
    }
  });
}

/** Journey: a teacher opens their own class roster and cannot open another class's. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DESKTOP, launch, loginAs, SHOTS } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('teacher roster', () => {
  it('shows the teacher their own class and refuses another class of the same school', async () => {
    // A class of the school the teacher neither teaches nor heads, found by the school admin.
    const admin = await browser.newPage();
    await loginAs(admin, 'school_admin');
    const all = (await (
      await admin.request.get(`${baseUrl()}/api/org/units?kind=class&limit=200`)
    ).json()) as {
      id: string;
      name: string;
    }[];
    await admin.close();

    const page = await browser.newPage({ viewport: DESKTOP });
    await loginAs(page, 'teacher_demo');
    const home = (await (await page.request.get(`${baseUrl()}/api/portal/home`)).json()) as {
      classes: { id: string; name: string }[];
    };
    const mine = new Set(home.classes.map((c) => c.id));
    const foreign = all.find((c) => !mine.has(c.id));
    expect(foreign).toBeDefined();

    await page.getByTestId('class-card').first().click();
    const rows = page.getByTestId('roster-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(20);
    await page.screenshot({ path: `${SHOTS}/teacher-roster.png`, fullPage: true });

    await page.goto(`${baseUrl()}/classes/${foreign!.id}`);
    await expect.poll(() => page.getByText('不存在或无权访问').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('roster-table').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/teacher-foreign-class.png` });
    await page.close();
  });
});

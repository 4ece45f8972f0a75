/**
 * Journeys of P5 (COMPLIANCE §3, §5.4): the bureau publishes a new guardian notice; a parent on a
 * phone reads and acknowledges it at sign-in, turns an optional purpose on for an under-14 child
 * and asks for deletion; the child sees it on, cannot turn others on, and turns it off; the school
 * previews and answers the deletion, and the parent reads the answer. Then a bulk export waits for a
 * second administrator and is downloaded once.
 */
import ExcelJS from 'exceljs';
import { type Browser, type Page, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/src/bootstrap.ts';
import { baseUrl, DESKTOP, launch, loginAs, PHONE, SHOTS } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** Who a demo login is (name, person id), asked of the API as that person. */
async function whoIs(username: string): Promise<{ name: string; personId: string }> {
  const ctx = await request.newContext({ baseURL: baseUrl() });
  try {
    const login = await ctx.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
    expect(login.status()).toBe(200);
    return (await (await ctx.get('/api/auth/me')).json()) as { name: string; personId: string };
  } finally {
    await ctx.dispose();
  }
}

/**
 * A full-page screenshot once nothing moves: finite animations (a modal fading in) have finished,
 * and the page is scrolled to the top so the sticky header and menu are drawn where they belong.
 */
async function shot(page: Page, name: string, fullPage = true) {
  await page.evaluate(
    "window.scrollTo(0, 0); document.querySelectorAll('.ant-modal-wrap').forEach((w) => { w.scrollTop = 0; })",
  );
  await page.evaluate(
    `Promise.all(document.getAnimations()
      .filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
      .map((a) => a.finished.catch(() => undefined)))`,
  );
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}

const fitsPhone = async (page: Page) =>
  expect((await page.evaluate('document.documentElement.scrollWidth')) as number).toBeLessThanOrEqual(
    PHONE.width,
  );

const NOTICE_TITLE = '翰林智慧教育平台 监护人告知书（修订版）';
const DELETION = '请删除孩子在学习空间发布的动态和评论';

describe('notice, consent and data-subject requests', () => {
  it('runs from a new notice to an answered deletion request', async () => {
    const child = await whoIs('student_demo');

    // The bureau publishes a new version for guardians: every parent is asked again.
    const city = await browser.newPage({ viewport: DESKTOP });
    await loginAs(city, 'city_admin');
    await city.goto(`${baseUrl()}/privacy/notices`);
    await city.getByTestId('notice-versions').locator('tbody tr.ant-table-row').first().waitFor();
    await city.getByTestId('notice-publish-open').click();
    await city.getByTestId('notice-title-input').fill(NOTICE_TITLE);
    await expect.poll(() => city.getByTestId('notice-body-input').inputValue()).toContain('尊敬的家长');
    await city.getByTestId('notice-publish-submit').click();
    await city.getByTestId('notice-publish-confirm').waitFor();
    await shot(city, 'privacy-notice-publish');
    await city.getByTestId('notice-publish-confirm').click();
    const current = city
      .getByTestId('notice-versions')
      .locator('tbody tr.ant-table-row')
      .filter({ hasText: NOTICE_TITLE });
    await current.waitFor();
    expect(await current.textContent()).toContain('当前版本');
    await shot(city, 'privacy-notices-admin');
    await city.close();

    // The parent signs in on a phone and meets the notice before anything else.
    const parent = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    await parent.goto(`${baseUrl()}/login`);
    await parent.getByTestId('login-username').fill('parent_demo');
    await parent.getByTestId('login-password').fill(DEMO_PASSWORD);
    await parent.getByTestId('login-submit').click();
    const notice = parent.getByTestId('privacy-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain(NOTICE_TITLE);
    expect(await parent.getByTestId('home-title').count()).toBe(0);
    await fitsPhone(parent);
    // What the phone shows: the notice's start, the buttons kept in reach at the bottom.
    await shot(parent, 'privacy-notice-phone', false);
    await parent.getByTestId('notice-ack').click();
    await parent.getByTestId('home-title').waitFor();
    // Acknowledged once: a reload goes straight home.
    await parent.reload();
    await parent.getByTestId('home-title').waitFor();
    expect(await notice.count()).toBe(0);

    // 隐私与授权 from the menu: turn 作品与空间展示 on for the under-14 child.
    await parent.getByTestId('nav-toggle').click();
    await parent.getByRole('menuitem', { name: '隐私与授权' }).click();
    await parent.getByTestId('privacy-title').waitFor();
    const card = parent.getByTestId('consent-subject').filter({ hasText: child.name });
    const showcase = card.getByTestId('consent-purpose').filter({ hasText: '作品与空间展示' });
    const showcaseSwitch = showcase.getByRole('switch');
    await showcaseSwitch.waitFor();
    expect(await card.textContent()).toContain('未满 14 周岁');
    expect(await showcaseSwitch.getAttribute('aria-checked')).toBe('false');
    await showcaseSwitch.click();
    await expect.poll(() => showcaseSwitch.getAttribute('aria-checked')).toBe('true');
    await expect.poll(() => showcase.getByTestId('consent-decision').textContent()).toContain('监护人');

    // …and ask the school to delete what the child posted.
    const form = parent.getByTestId('request-form');
    await form.getByTestId('request-subject').getByText(child.name).click();
    await form.getByTestId('request-kind').getByText('删除', { exact: true }).click();
    await form.getByTestId('request-details').fill(DELETION);
    await form.getByTestId('request-submit').click();
    const filed = parent.getByTestId('my-request').filter({ hasText: DELETION });
    await filed.waitFor();
    expect(await filed.getByTestId('request-status').textContent()).toBe('办理中');
    await fitsPhone(parent);
    await shot(parent, 'privacy-parent-phone');

    // The child sees the guardian's consent, may not turn other purposes on, and turns it off.
    const student = await browser.newPage({ viewport: DESKTOP });
    await loginAs(student, 'student_demo');
    await student.goto(`${baseUrl()}/privacy`);
    const own = student.getByTestId('consent-subject').first();
    const ownShowcase = own.getByTestId('consent-purpose').filter({ hasText: '作品与空间展示' });
    const ownSwitch = ownShowcase.getByRole('switch');
    await ownSwitch.waitFor();
    expect(await ownSwitch.getAttribute('aria-checked')).toBe('true');
    const recommendation = own.getByTestId('consent-purpose').filter({ hasText: '个性化推荐' });
    expect(await recommendation.getByRole('switch').isDisabled()).toBe(true);
    expect(await recommendation.getByTestId('consent-blocked').textContent()).toBe('须监护人同意');
    await shot(student, 'privacy-student');
    await ownSwitch.click();
    await expect.poll(() => ownSwitch.getAttribute('aria-checked')).toBe('false');
    await expect.poll(() => ownShowcase.getByTestId('consent-decision').textContent()).toContain('本人');
    // Off again, it is one of those the child cannot turn back on.
    expect(await ownSwitch.isDisabled()).toBe(true);
    await student.close();

    // The school finds the request on its home, previews the deletion and answers it.
    const admin = await browser.newPage({ viewport: DESKTOP });
    await loginAs(admin, 'school_admin');
    const todo = admin.getByTestId('todo-privacy-requests');
    await expect.poll(() => todo.textContent()).toMatch(/待办 [1-9]/);
    await shot(admin, 'privacy-admin-home');
    await todo.click();
    const row = admin.getByTestId('register-table').locator('tbody tr').filter({ hasText: child.name });
    await row.filter({ hasText: '删除' }).first().waitFor();
    await shot(admin, 'privacy-register');
    await row.filter({ hasText: '删除' }).first().getByTestId('register-handle').click();
    const modal = admin.getByTestId('answer-modal');
    await modal.getByTestId('erasure-retain').first().waitFor();
    expect(await modal.getByTestId('erasure-preview').textContent()).toContain('student');
    await modal.getByTestId('answer-response').fill('已按申请删除孩子在学习空间发布的内容。');
    // The whole dialog is taller than the screen: a taller window shows it at once.
    await admin.setViewportSize({ width: DESKTOP.width, height: 1700 });
    await shot(admin, 'privacy-erasure-preview', false);
    await admin.setViewportSize(DESKTOP);
    await admin.getByTestId('answer-submit').click();
    await modal.waitFor({ state: 'detached' });
    await expect.poll(() => row.filter({ hasText: '删除' }).count()).toBe(0);
    await admin.getByTestId('register-filter').getByText('已办结').click();
    await row.filter({ hasText: '已办结' }).first().waitFor();
    await admin.close();

    // The parent reads the answer.
    await parent.reload();
    await filed.waitFor();
    await expect.poll(() => filed.getByTestId('request-status').textContent()).toBe('已办结');
    expect(await filed.getByTestId('request-response').textContent()).toContain('学籍');
    await fitsPhone(parent);
    await shot(parent, 'privacy-answer-phone');
    await parent.close();
  });
});

describe('bulk export approval', () => {
  it('holds a school export for a second administrator; the requester downloads it once', async () => {
    const REASON = '学期末学籍核对，报送区教育局';
    const school = await browser.newPage({ viewport: DESKTOP });
    await loginAs(school, 'school_admin');
    await school.goto(`${baseUrl()}/import`);
    await school.getByTestId('export-download').click();
    const ask = school.getByTestId('export-approval');
    await ask.waitFor();
    expect(await ask.textContent()).toContain('须经另一位管理员审批');
    await school.getByTestId('export-reason').fill(REASON);
    await shot(school, 'export-approval-ask');
    await school.getByTestId('export-request-submit').click();
    await ask.waitFor({ state: 'detached' });
    const mine = school.getByTestId('export-requests-mine').locator('tbody tr').filter({ hasText: REASON });
    await expect.poll(() => mine.getByTestId('export-request-status').textContent()).toBe('待审批');

    const district = await browser.newPage({ viewport: DESKTOP });
    await loginAs(district, 'district_yuexiu');
    const todo = district.getByTestId('todo-export-requests');
    await expect.poll(() => todo.textContent()).toMatch(/待我审批 [1-9]/);
    await todo.click();
    const pending = district
      .getByTestId('export-requests-to-decide')
      .locator('tbody tr')
      .filter({ hasText: REASON });
    await pending.waitFor();
    await pending.getByTestId('export-approve').click();
    await district.getByTestId('export-note').fill('同意，仅用于学籍核对');
    await shot(district, 'export-approval-decide');
    await district.getByTestId('export-decide-submit').click();
    await expect.poll(() => pending.count()).toBe(0);
    await district.close();

    await school.reload();
    await expect.poll(() => mine.getByTestId('export-request-status').textContent()).toBe('已批准');
    expect(await mine.getByTestId('export-request-note').textContent()).toBe('同意，仅用于学籍核对');
    const [download] = await Promise.all([
      school.waitForEvent('download'),
      mine.getByTestId('export-fetch').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    expect(wb.worksheets[0]!.actualRowCount).toBeGreaterThan(200);
    await mine.getByTestId('export-fetched').waitFor();
    expect(await mine.getByTestId('export-fetch').count()).toBe(0);
    await shot(school, 'export-approval-fetched');

    // Once only: the file is gone from the server.
    const list = (await (await school.request.get(`${baseUrl()}/api/roster/export-requests`)).json()) as {
      id: string;
      reason: string;
    }[];
    const id = list.find((r) => r.reason === REASON)!.id;
    expect((await school.request.get(`${baseUrl()}/api/roster/export-requests/${id}/file`)).status()).toBe(
      409,
    );
    await school.close();
  });
});

describe('personal data inventory', () => {
  it('lists the personal columns, narrows them by a search and exports them', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await loginAs(page, 'school_admin');
    await page.goto(`${baseUrl()}/privacy/inventory`);
    const rows = page.getByTestId('inventory-table').locator('tbody tr.ant-table-row-level-0');
    await expect.poll(() => rows.count()).toBeGreaterThan(10);
    const all = await rows.count();
    await page.getByTestId('inventory-search').fill('身份证');
    await expect.poll(() => rows.count()).toBeLessThan(all);
    expect(await page.getByTestId('inventory-table').textContent()).toContain('敏感个人信息');
    await shot(page, 'privacy-inventory');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('inventory-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^个人信息清单-.*\.xlsx$/);
    await page.close();
  });
});

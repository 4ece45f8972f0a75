/**
 * Journey (issue 3 item 9, second half): a head teacher posts a class notice with a picture in the
 * class space; a parent of a student in that class sees it on a phone-width screen, from the bell
 * and in the class space, and confirms reading it; the head teacher sees the read count move.
 * Also: the school's space-use dashboard against the 80% target.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DESKTOP, launch, loginAs, openSelect, PHONE, SHOTS } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const TITLE = '下周一秋游：越秀公园';

describe('class notices', () => {
  it('reaches a parent on a phone, who confirms reading it', async () => {
    const teacher = await browser.newPage({ viewport: DESKTOP });
    await loginAs(teacher, 'teacher_demo');
    await teacher.goto(`${baseUrl()}/spaces`);
    await teacher.getByTestId('space-link-class').first().waitFor();
    await teacher.getByTestId('space-link-class').first().click();
    await teacher.getByTestId('space-composer').waitFor();
    await teacher.getByTestId('composer-kind').getByText('发通知').click();
    await teacher.getByTestId('composer-title').fill(TITLE);
    await teacher
      .getByTestId('composer-body')
      .fill('周一上午 8:30 在学校门口集合，步行前往越秀公园。请穿校服、运动鞋，自带水和午餐。');
    await teacher
      .locator('input[type=file]')
      .setInputFiles({ name: '路线图.png', mimeType: 'image/png', buffer: PNG });
    await teacher.getByTestId('composer-submit').click();
    const notice = teacher.getByTestId('space-notice').filter({ hasText: TITLE });
    await notice.waitFor();
    await expect.poll(() => notice.locator('img').count()).toBe(1);
    await expect.poll(() => notice.getByTestId('notice-reads').textContent()).toMatch(/^已读 0 \/ \d+$/);
    const classUrl = teacher.url().split('?')[0]!;
    await teacher.screenshot({ path: `${SHOTS}/spaces-class-notice.png`, fullPage: true });

    const parent = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    await loginAs(parent, 'parent_demo');
    await parent.goto(`${baseUrl()}/spaces`);
    await parent.getByTestId('space-link-class').first().waitFor();
    // The parent has two children in two classes: open the class the notice went to.
    await parent.locator(`a[href="${new URL(classUrl).pathname}"]`).click();
    await parent.getByRole('tab', { name: /通知/ }).click();
    const seen = parent.getByTestId('space-notice').filter({ hasText: TITLE });
    await seen.waitFor();
    // Parents read the class space; they do not post or comment there.
    expect(await parent.getByTestId('space-composer').count()).toBe(0);
    expect(await seen.getByTestId('comment-input').count()).toBe(0);
    const width = (await parent.evaluate('document.documentElement.scrollWidth')) as number;
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await parent.screenshot({ path: `${SHOTS}/spaces-parent-phone.png`, fullPage: true });
    await seen.getByTestId('notice-confirm').click();
    await seen.getByTestId('notice-read').waitFor();

    await teacher.reload();
    await expect
      .poll(() =>
        teacher
          .getByTestId('space-notice')
          .filter({ hasText: TITLE })
          .getByTestId('notice-reads')
          .textContent(),
      )
      .toMatch(/^已读 1 \/ \d+$/);
  });

  it('shows the school its space use against the 80% target', async () => {
    const admin = await browser.newPage({ viewport: DESKTOP });
    await loginAs(admin, 'school_admin');
    await admin.goto(`${baseUrl()}/spaces`);
    await admin.getByTestId('usage-link').click();
    await admin.getByTestId('usage-students').waitFor();
    await expect.poll(() => admin.getByTestId('usage-table').locator('tbody tr').count()).toBeGreaterThan(3);
    await expect.poll(() => admin.getByTestId('outstanding-space').count()).toBeGreaterThan(0);
    expect(await admin.getByTestId('usage-students').textContent()).toContain('目标 80%');
    await admin.screenshot({ path: `${SHOTS}/spaces-usage.png`, fullPage: true });
  });

  it('lets a school set up a studio and manage its members', async () => {
    const admin = await browser.newPage({ viewport: DESKTOP });
    await loginAs(admin, 'school_admin');
    await admin.goto(`${baseUrl()}/spaces`);
    await admin.getByTestId('studio-new').click();
    const form = admin.getByTestId('studio-form');
    await form.getByLabel('工作室名称').fill('东风西路小学青年教师成长工作室');
    // Pick with the keyboard: the first teacher leads, the third and fourth join.
    const lead = form.locator('.ant-select').filter({ has: admin.getByLabel('主持人') });
    await openSelect(lead);
    await admin.keyboard.press('Enter');
    await expect.poll(() => lead.textContent()).not.toBe('');
    const members = form.locator('.ant-select').filter({ has: admin.getByLabel('成员') });
    await openSelect(members);
    for (const key of ['ArrowDown', 'ArrowDown', 'Enter', 'ArrowDown', 'Enter'])
      await admin.keyboard.press(key);
    await expect.poll(() => members.locator('.ant-select-selection-item').count()).toBe(2);
    await admin.keyboard.press('Escape');
    await form
      .getByRole('button', { name: '设 立' })
      .or(form.getByRole('button', { name: '设立' }))
      .click();
    await expect
      .poll(() => admin.getByTestId('space-name').textContent())
      .toBe('东风西路小学青年教师成长工作室');
    const manage = admin.getByTestId('studio-manage');
    await expect.poll(() => manage.locator('.ant-tag').count()).toBe(2);
    await openSelect(admin.getByTestId('studio-add-select'));
    for (const key of ['ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'Enter'])
      await admin.keyboard.press(key);
    await admin.getByTestId('studio-add').click();
    await expect.poll(() => manage.locator('.ant-tag').count()).toBe(3);
    await manage.locator('.ant-tag .ant-tag-close-icon').first().click();
    await expect.poll(() => manage.locator('.ant-tag').count()).toBe(2);
    await admin.screenshot({ path: `${SHOTS}/spaces-studio-manage.png`, fullPage: true });
  });
});

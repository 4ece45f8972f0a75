/**
 * Journey (issue 10, A4): a paper-free exam (无纸化考试) on a 390 px phone, one item at a time on a
 * forward-only paper: going on is confirmed and there is no way back; leaving the page is shown to
 * the student and counted, and the teacher sees the count beside the student on the class's progress.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/platform/db/client.ts';
import { connectOwner } from '../../server/src/platform/db/setup.ts';
import { baseUrl, databaseUrl, launch, loginAs, SHOTS, settled } from './browser.ts';
import {
  assignToDemoClass,
  choice,
  insertOwnPaper,
  onPhone,
  PHONE_390,
  pageWidth,
  saveStatus,
} from './homework-steps.ts';

let browser: Browser;
let db: Database;

beforeAll(async () => {
  browser = await launch();
  db = connectOwner(databaseUrl(), 2);
});
afterAll(async () => {
  await browser?.close();
  await db?.close();
});

describe('a paper-free exam on a phone', () => {
  it('shows one item at a time, locks the way back, and the teacher sees the focus loss', async () => {
    const exam = '分数比较（无纸化随堂测）';
    await insertOwnPaper(db, {
      title: `${exam}试卷`,
      navigation: 'forward_only',
      points: 1,
      items: [
        { content: choice('1/2 和 1/3 哪个大？', 'A', ['1/2', '1/3']), score: 5, kp: 0 },
        { content: choice('2/5 和 3/5 哪个大？', 'B', ['2/5', '3/5']), score: 5, kp: 0 },
        { content: choice('3/4 和 3/8 哪个大？', 'A', ['3/4', '3/8']), score: 5, kp: 0 },
      ],
    });
    const { teacher, assignmentId: examId } = await assignToDemoClass(browser, db, {
      paperTitle: `${exam}试卷`,
      title: exam,
      exam: { minutes: 20 },
    });

    const page = await onPhone(browser);
    await loginAs(page, 'student_demo');
    await page.goto(`${baseUrl()}/homework`);
    await page.getByTestId('homework-card').filter({ hasText: exam }).getByTestId('start').click();
    const item = page.getByTestId('exam-item');
    const position = () => item.locator('.ant-card-head').textContent();
    await expect.poll(position).toContain('第 1 题 / 共 3 题');
    expect(await page.getByTestId('exam-prev').isDisabled()).toBe(true);
    await item.getByTestId('option-1-0-A').click();
    await expect.poll(() => saveStatus(page)).toBe('saved');
    // Forward only: moving on is confirmed, and there is no way back.
    await page.getByTestId('exam-next').click();
    await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await expect.poll(position).toContain('第 2 题 / 共 3 题');
    expect(await page.getByTestId('item-1').count()).toBe(0);
    expect(await page.getByTestId('exam-prev').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: '第 1 题' }).isDisabled()).toBe(true);
    // Leaving the page (another app on the phone) is shown to the student and recorded.
    await page.evaluate("window.dispatchEvent(new Event('blur'))");
    await page.getByText('检测到离开考试页面 1 次').waitFor();
    await settled(page);
    await page.screenshot({ path: `${SHOTS}/student-exam-phone.png`, fullPage: true });
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE_390.width);

    // The teacher sees it on the class's progress, beside the student.
    await expect
      .poll(async () => {
        await teacher.goto(`${baseUrl()}/homework/${examId}`);
        const row = teacher
          .getByRole('row')
          .filter({ has: teacher.locator('[data-standing="in_progress"]') });
        await row.first().waitFor();
        return row.first().getByTestId('focus-losses').textContent();
      })
      .toBe('1');
    await teacher.screenshot({ path: `${SHOTS}/teacher-exam-focus.png`, fullPage: true });
  });
});

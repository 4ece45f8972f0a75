/**
 * Journey (issue 3 item 9, first half): a teacher builds a lesson package and submits it; six steps
 * of 六审 decide in turn, one returns it once and the teacher revises; it is published; a student of
 * another district finds it with a Chinese search on a phone, plays the video and asks a question;
 * the teacher answers and the student sees the answer. Each reviewer hears of the item in the bell
 * when it reaches their step, and the queue shows how long it has waited there (issue 9 §6).
 */
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, choose, DESKTOP, databaseUrl, launch, loginAs, PHONE, SHOTS, settled } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const TITLE = '《亿以内数的认识》共享课堂（越秀区东风西路小学）';

/** As if the item had waited `interval` at its current step: its arrival moved back, as the database's owner. */
async function backdateStep(interval: string) {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    await client.query(
      `update review set step_started_at = now() - $2::interval
        where status = 'in_review' and resource_id in (select id from resource where title = $1)`,
      [TITLE, interval],
    );
  } finally {
    await client.end();
  }
}

/** The bell counts the arrival; opened, it names the item (书名号 nested, not doubled) and the step. */
async function seesArrival(page: Page, step: string) {
  await expect.poll(() => page.locator('.ant-badge-count').count()).toBeGreaterThan(0);
  await page.getByTestId('notification-bell').click();
  // (The daily digest may list it too, once it is overdue.)
  const item = page
    .getByTestId('notification-item')
    .filter({ hasText: '《〈亿以内数的认识〉共享课堂（越秀区东风西路小学）》待您审核' });
  await item.first().waitFor();
  await settled(page);
  const text = (await item.first().textContent()) ?? '';
  expect(text).toContain(step);
  expect(text).not.toContain('《《');
  return item.first();
}

/** The item's row in the queue: its wait at this step, and whether it is marked overdue. */
async function queueRow(page: Page) {
  await page.goto(`${baseUrl()}/reviews`);
  const row = page.locator('tr').filter({ has: page.getByTestId('review-open').filter({ hasText: TITLE }) });
  await row.waitFor();
  return row;
}

const overflows = (page: Page) =>
  page.evaluate(() => {
    const doc = (
      globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
    ).document.documentElement;
    return doc.scrollWidth > doc.clientWidth;
  });

async function openFromQueue(page: Page) {
  await page.goto(`${baseUrl()}/reviews`);
  const link = page.getByTestId('review-open').filter({ hasText: TITLE });
  await link.waitFor();
  await link.click();
  await page.getByTestId('review-approve').waitFor();
}

describe('六审', () => {
  it('publishes a lesson package after six steps with one return and a revision', async () => {
    const teacher = await browser.newPage({ viewport: DESKTOP });
    await loginAs(teacher, 'teacher_demo');
    const list = (await (
      await teacher.request.get(`${baseUrl()}/api/resources?kind=micro_lesson&limit=1`)
    ).json()) as {
      items: { id: string }[];
    };
    const demo = list.items[0]!.id;
    const detail = (await (await teacher.request.get(`${baseUrl()}/api/resources/${demo}`)).json()) as {
      files: { id: string }[];
    };
    const mp4 = await (
      await teacher.request.get(`${baseUrl()}/api/resources/${demo}/files/${detail.files[0]!.id}`)
    ).body();

    await teacher.goto(`${baseUrl()}/resources`);
    await teacher.getByTestId('resource-new').click();
    // Fill the title first: it also waits for the drawer to finish opening.
    await teacher.getByTestId('resource-title-input').fill(TITLE);
    await choose(teacher.getByTestId('resource-kind'), '共享课堂');
    await choose(teacher.getByTestId('resource-subject'), '数学');
    await choose(teacher.getByTestId('resource-grade'), '小学四年级');
    // The lessons load once subject and grade are chosen.
    await choose(teacher.getByTestId('resource-lesson'), '亿以内数的认识');
    await teacher
      .getByTestId('resource-analysis')
      .fill('重点：亿以内数的读写；难点：中间和末尾有 0 的数的读法。');
    await teacher.getByTestId('resource-exercises-input').fill('1. 读出 40080000。');
    await teacher.getByTestId('resource-create').click();
    await expect.poll(() => teacher.getByTestId('resource-status').textContent()).toBe('草稿');
    await teacher
      .locator('input[type=file]')
      .setInputFiles({ name: '课堂.mp4', mimeType: 'video/mp4', buffer: mp4 });
    await teacher.getByTestId('resource-video').waitFor();
    await teacher.getByTestId('review-submit').click();
    await expect.poll(() => teacher.getByTestId('resource-status').textContent()).toBe('审核中');
    const resourceUrl = teacher.url();
    // It has waited at the school's experts for six days and five hours: past their five days.
    await backdateStep('6 days 5 hours');
    const phone = await browser.newPage({ viewport: PHONE });
    await loginAs(phone, 'expert_school');
    await seesArrival(phone, '学校专家组审核');
    await phone.screenshot({ path: `${SHOTS}/review-notified-phone.png` });
    const phoneRow = await queueRow(phone);
    await expect.poll(() => phoneRow.getByTestId('review-wait').textContent()).toBe('6 天 5 小时');
    await phoneRow.getByTestId('review-overdue').waitFor();
    expect(await overflows(phone)).toBe(false);
    await phone.screenshot({ path: `${SHOTS}/review-queue-wait-phone.png`, fullPage: true });
    await phone.close();

    const reviewers = ['expert_school', 'school_admin', 'expert_city', 'researcher_demo', 'city_admin'];
    for (const [i, username] of reviewers.entries()) {
      const page = await browser.newPage({ viewport: DESKTOP });
      await loginAs(page, username);
      if (i === 0) {
        const row = await queueRow(page);
        await expect.poll(() => row.getByTestId('review-wait').textContent()).toBe('6 天 5 小时');
        await row.getByTestId('review-overdue').waitFor();
        await page.screenshot({ path: `${SHOTS}/review-queue-wait.png`, fullPage: true });
      }
      if (i === 1) {
        // Passed on just now: its wait here counts from its arrival at this step, not the submission.
        const row = await queueRow(page);
        await expect
          .poll(() => row.getByTestId('review-wait').textContent())
          .toMatch(/^(刚刚到达|\d+ 分钟)$/);
        expect(await row.getByTestId('review-overdue').count()).toBe(0);
      }
      // The bell tells each reviewer; a tap opens the item.
      const step = ['学校专家组审核', '学校领导审核', '区/市专家组审核', '业务部门审核', '局领导审核'][i]!;
      const told = await seesArrival(page, step);
      if (i === 0) await page.screenshot({ path: `${SHOTS}/review-notified.png` });
      await told.click();
      await page.getByTestId('review-approve').waitFor();
      if (i === 2) {
        await page.getByTestId('review-comment').fill('请在课后练习中给出答案。');
        await page.getByTestId('review-return').click();
        // Returned, it is the author's again: the reviewer's buttons go with their access.
        await expect.poll(() => page.getByTestId('review-return').count(), { timeout: 15_000 }).toBe(0);
        // The teacher revises and resubmits; it comes back to this step.
        await teacher.goto(resourceUrl);
        await expect.poll(() => teacher.getByTestId('resource-status').textContent()).toBe('退回修改');
        await teacher.screenshot({ path: `${SHOTS}/review-returned.png`, fullPage: true });
        await teacher.getByTestId('edit-exercises').fill('1. 读出 40080000。（答案：四千零八万）');
        await teacher.getByTestId('edit-save').click();
        await expect
          .poll(() => teacher.getByTestId('resource-exercises').textContent())
          .toContain('四千零八万');
        await teacher.getByTestId('review-comment').fill('已补充答案');
        await teacher.getByTestId('review-submit').click();
        await expect.poll(() => teacher.getByTestId('resource-status').textContent()).toBe('审核中');
        await openFromQueue(page);
      }
      await page.getByTestId('review-comment').fill('同意');
      await page.getByTestId('review-approve').click();
      // Decided: the step moves on, so this reviewer's buttons go (a toast could pass unseen under load).
      await expect.poll(() => page.getByTestId('review-approve').count(), { timeout: 15_000 }).toBe(0);
      if (i === reviewers.length - 1)
        await page.screenshot({ path: `${SHOTS}/review-published.png`, fullPage: true });
      await page.close();
    }
    await teacher.reload();
    await expect.poll(() => teacher.getByTestId('resource-status').textContent()).toBe('已发布');

    const learner = await browser.newPage({ viewport: PHONE });
    await loginAs(learner, 'student_haizhu');
    await learner.goto(`${baseUrl()}/resources`);
    await learner.getByTestId('resource-search').locator('input').fill('共享课堂 亿以内数');
    await learner.keyboard.press('Enter');
    const card = learner.getByTestId('resource-card').filter({ hasText: '共享课堂（越秀区东风西路小学）' });
    await card.first().waitFor();
    await learner.screenshot({ path: `${SHOTS}/search-phone.png`, fullPage: true });
    await card.first().click();
    const duration = await learner.getByTestId('resource-video').evaluate(
      (el) =>
        new Promise<number>((resolve) => {
          const v = el as unknown as {
            readyState: number;
            duration: number;
            addEventListener(t: string, f: () => void): void;
          };
          if (v.readyState >= 1) resolve(v.duration);
          else v.addEventListener('loadedmetadata', () => resolve(v.duration));
        }),
    );
    expect(duration).toBeGreaterThan(1);
    await learner.getByTestId('qa-input').fill('老师，40080000 为什么只读一个“零”？');
    await learner.getByTestId('qa-ask').click();
    await expect.poll(() => learner.getByTestId('qa-question').count()).toBeGreaterThan(0);

    await teacher.reload();
    await teacher
      .getByTestId('qa-answer-input')
      .first()
      .fill('每一级末尾的 0 都不读，中间连续几个 0 只读一个“零”。');
    await teacher.getByTestId('qa-reply').first().click();
    await expect.poll(() => teacher.getByTestId('qa-answer').count()).toBeGreaterThan(0);
    await teacher.close();

    await learner.reload();
    await expect.poll(() => learner.getByTestId('qa-answer').first().textContent()).toContain('只读一个“零”');
    await expect.poll(() => learner.locator('.ant-badge-count').count()).toBeGreaterThan(0);
    await learner.screenshot({ path: `${SHOTS}/qa-answered-phone.png`, fullPage: true });
    await learner.close();
    // Eight people in turn, each signing in, with the bell and the queue looked at: on a busy
    // two-core machine this journey takes longer than the default two minutes.
  }, 300_000);

  it('shows a district administrator the chains that apply and lets them add one for the district', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await loginAs(page, 'district_yuexiu');
    await page.goto(`${baseUrl()}/reviews`);
    await page.getByTestId('open-chains').click();
    await expect.poll(() => page.locator('.ant-table-tbody').textContent()).toContain('六审');
    await page.screenshot({ path: `${SHOTS}/review-chains.png`, fullPage: true });
    await page.close();
  });
});

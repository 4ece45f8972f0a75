/**
 * Journey (issue 10, A4): a teacher assigns the school's practice paper to her class in the assign
 * dialog; a student on a 390 px phone starts it, answers, reloads mid-way (the answers come back from
 * the server), loses the connection (offline in the browser) and answers on (kept in the browser),
 * comes back online (sent with their keys) and submits; the objective items are graded at once.
 */
import pg from 'pg';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, choose, DESKTOP, databaseUrl, launch, loginAs, SHOTS } from './browser.ts';

const PHONE_390 = { width: 390, height: 844 };
const TITLE = '第三单元课堂练习（手机作答）';

let browser: Browser;
let db: pg.Client;
beforeAll(async () => {
  browser = await launch();
  db = new pg.Client({ connectionString: databaseUrl() });
  await db.connect();
});
afterAll(async () => {
  await db?.end();
  await browser?.close();
});

const one = async <T>(q: string, params: unknown[]) => (await db.query(q, params)).rows[0] as T;

/** How many answers the server holds for the attempt. */
const savedAnswers = (attemptId: string) =>
  one<{ n: number }>('select count(*)::int as n from response where attempt_id = $1', [attemptId]).then(
    (r) => r.n,
  );

/**
 * The teacher gives the practice paper to the class of `student_demo` in the assign dialog, named
 * `title`, with `more` settings; returns the teacher's page, on the list.
 */
async function assign(title: string, more?: (dialog: Locator) => Promise<void>): Promise<Page> {
  const { className } = await one<{ className: string }>(
    `select c.name as "className" from student s join org_unit c on c.id = s.class_id
       join account a on a.person_id = s.person_id where a.username = 'student_demo'`,
    [],
  );
  const teacher = await browser.newPage({ viewport: DESKTOP });
  await loginAs(teacher, 'teacher_demo');
  await teacher.goto(`${baseUrl()}/homework`);
  await teacher.getByTestId('assign-open').click();
  const dialog = teacher.getByRole('dialog');
  // The list is long (each grade's practice paper, and other journeys add papers): search for the
  // paper of the class's grade by its title.
  await choose(dialog.getByTestId('assign-paper'), '数学单元练习（四年级）', { search: '数学单元练习' });
  await dialog.getByLabel('名称').fill(title);
  await more?.(dialog);
  const escaped = className.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await dialog.getByRole('checkbox', { name: new RegExp(`^${escaped}`) }).check();
  await dialog.getByTestId('assign-submit').click();
  await teacher.getByRole('link', { name: title }).waitFor();
  return teacher;
}

const saveStatus = (page: Page) => page.getByTestId('save-status').getAttribute('data-status');

describe('homework on a phone', () => {
  it('survives a reload and a lost connection, and is graded at submission', async () => {
    // The teacher assigns the practice paper to her class.
    const teacher = await assign(TITLE);

    // The student starts it on a phone.
    const page = await browser.newPage({ viewport: PHONE_390, isMobile: true, hasTouch: true });
    const context = page.context();
    await loginAs(page, 'student_demo');
    await page.goto(`${baseUrl()}/homework`);
    const card = page.getByTestId('homework-card').filter({ hasText: TITLE });
    await card.getByTestId('start').click();
    await page.waitForURL(/\/attempts\//);
    const attemptId = page.url().split('/attempts/')[1]!;
    await page.getByTestId('item-1').waitFor();
    await expect.poll(() => page.getByTestId('countdown').textContent()).toMatch(/剩余/);

    await page.getByTestId('option-1-0-C').click();
    await page.getByTestId('option-2-0-B').click();
    await expect.poll(() => saveStatus(page)).toBe('saved');
    await expect.poll(() => savedAnswers(attemptId)).toBe(2);

    // A reload: the answers come back from the server.
    await page.reload();
    await page.getByTestId('item-1').waitFor();
    await expect.poll(() => page.getByTestId('option-1-0-C').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.getByTestId('option-2-0-B').getAttribute('aria-pressed')).toBe('true');

    // Offline: answers are kept in the browser and shown as waiting.
    await context.setOffline(true);
    await page.getByTestId('option-3-0-A').click();
    await page.getByTestId('option-3-0-C').click();
    await page.getByTestId('judge-4-0-false').click();
    await page.getByTestId('blank-5-0-b1').fill('8400');
    await page.getByTestId('blank-5-0-b2').fill('1200');
    await page.getByTestId('blank-5-0-b2').blur();
    await page.getByTestId('option-6-0-C').click();
    await expect.poll(() => saveStatus(page)).toBe('offline');
    expect(await savedAnswers(attemptId)).toBe(2);
    await page.screenshot({ path: `${SHOTS}/homework-phone-offline.png`, fullPage: true });
    const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
    expect(width).toBeLessThanOrEqual(PHONE_390.width);

    // Back online: what waited is sent with its keys, once.
    await context.setOffline(false);
    await expect.poll(() => saveStatus(page)).toBe('saved');
    await expect.poll(() => savedAnswers(attemptId)).toBe(6);

    await page.getByTestId('submit-attempt').click();
    await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await page.getByTestId('attempt-closed').waitFor();
    await page.screenshot({ path: `${SHOTS}/homework-phone-submitted.png`, fullPage: true });

    // Graded at once: every objective item of the practice paper was answered right.
    const graded = await one<{ status: string; objective: number; total: number }>(
      `select t.status, t.objective_score as objective, p.total_score as total from attempt t
         join assignment a on a.id = t.assignment_id join paper p on p.id = a.paper_id where t.id = $1`,
      [attemptId],
    );
    expect(graded).toEqual({ status: 'submitted', objective: graded.total, total: graded.total });
    const saves = await one<{ n: number }>(
      'select count(*)::int as n from response_save where attempt_id = $1',
      [attemptId],
    );
    expect(saves.n).toBeGreaterThanOrEqual(6);

    // The teacher sees the submission and its score.
    await teacher.getByRole('link', { name: TITLE }).click();
    const row = teacher.getByRole('row').filter({ has: teacher.locator('[data-standing="submitted"]') });
    await expect.poll(() => row.count()).toBe(1);
    await teacher.screenshot({ path: `${SHOTS}/homework-teacher-progress.png`, fullPage: true });
  });

  it('shows a paper-free exam one item at a time and records leaving the page', async () => {
    await assign('无纸化随堂测验', async (dialog) => {
      await dialog.getByText('考试', { exact: true }).click();
      await dialog.getByLabel('限时').fill('30');
      await dialog.getByLabel('无纸化考试').click();
    });

    const page = await browser.newPage({ viewport: PHONE_390, isMobile: true, hasTouch: true });
    await loginAs(page, 'student_demo');
    await page.goto(`${baseUrl()}/homework`);
    await page
      .getByTestId('homework-card')
      .filter({ hasText: '无纸化随堂测验' })
      .getByTestId('start')
      .click();
    const item = page.getByTestId('exam-item');
    await expect.poll(() => item.locator('.ant-card-head').textContent()).toContain('第 1 题 / 共 6 题');
    await item.getByTestId('option-1-0-C').click();
    await page.getByTestId('exam-next').click();
    await expect.poll(() => item.locator('.ant-card-head').textContent()).toContain('第 2 题 / 共 6 题');
    expect(await page.getByTestId('item-1').count()).toBe(0);
    // Leaving the page (another app on the phone) is counted by the server.
    await page.evaluate("window.dispatchEvent(new Event('blur'))");
    const attemptId = page.url().split('/attempts/')[1]!;
    await expect
      .poll(
        async () =>
          (await one<{ n: number }>('select focus_losses as n from attempt where id = $1', [attemptId])).n,
      )
      .toBe(1);
    await page.screenshot({ path: `${SHOTS}/homework-paper-free-phone.png` });
  });
});

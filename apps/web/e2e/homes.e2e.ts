/**
 * Journey (issue 9 §7): each person's home shows what they need today — a pupil's unread notices,
 * answers and new lessons; a parent's notices first and each child's news; a teacher's questions to
 * answer; a reviewer's queue — at desktop and phone width, the most urgent first on the phone, with
 * no console error and nothing wider than the screen.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './api.ts';
import { baseUrl, DESKTOP, launch, loginAs, SHOTS } from './browser.ts';

/** The phone of the issue: an iPhone 12–15 sized screen. */
const PHONE = { width: 390, height: 844 };

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  await arrangeReviews();
  await arrangeNotice();
  await arrangeAnswer();
});
afterAll(() => browser?.close());

type Section = { key: string; items: { title: string }[] };
type Home = { kind: string; sections: Section[] };

/**
 * Two micro-lessons of the demo teacher in review: one waits for the school's expert group, the
 * other has passed the school and the city's experts and waits for the researcher (业务部门审核).
 */
async function arrangeReviews() {
  const teacher = await apiAs('teacher_demo');
  const list = await teacher.get<{ items: { id: string }[] }>('/api/resources?kind=micro_lesson&limit=1');
  const demo = list.items[0]!.id;
  const detail = await teacher.get<{ files: { id: string }[] }>(`/api/resources/${demo}`);
  const mp4 = await teacher.bytes(`/api/resources/${demo}/files/${detail.files[0]!.id}`);
  const submit = async (title: string) => {
    const { id } = await teacher.post<{ id: string }>('/api/resources', {
      kind: 'micro_lesson',
      title,
      subjectCode: '14',
      gradeCode: '14',
    });
    expect(
      (await teacher.upload(`/api/resources/${id}/files?role=main`, mp4, '微课.mp4', 'video/mp4')).status,
    ).toBe(200);
    await teacher.post(`/api/resources/${id}/submit`);
    return id;
  };
  await submit('《亿以内数的读法》微课（待学校审核）');
  const far = await submit('《大数的认识》微课（待业务部门审核）');
  for (const reviewer of ['expert_school', 'school_admin', 'expert_city'])
    await (await apiAs(reviewer)).post(`/api/resources/${far}/review`, { action: 'approve', score: 90 });
}

/** The head teacher tells the class (its pupils and their parents) about tomorrow's outing. */
async function arrangeNotice() {
  const head = await apiAs('teacher_demo');
  const mine = await head.get<{ items: { id: string; kind: string; relation: string }[] }>(
    '/api/spaces/mine',
  );
  const classId = mine.items.find((s) => s.kind === 'class' && s.relation === 'head')!.id;
  await head.post(`/api/spaces/${classId}/posts`, {
    kind: 'notice',
    title: '明天上午春游',
    body: '请穿校服、带好水壶和午餐，早上 8:00 在校门口集合。',
  });
}

/**
 * The pupil asks about the teacher's micro-lesson and the teacher answers (the demo's own question
 * may be gone: the privacy journey erases the pupil's contributions).
 */
async function arrangeAnswer() {
  const teacher = await apiAs('teacher_demo');
  const mine = await teacher.get<{ items: { id: string; status: string }[] }>(
    '/api/resources?mine=true&kind=micro_lesson&limit=50',
  );
  const lesson = mine.items.find((r) => r.status === 'published')!.id;
  const pupil = await apiAs('student_demo');
  const { id } = await pupil.post<{ id: string }>(`/api/resources/${lesson}/questions`, {
    body: '例题里的线段图是怎么画出来的？',
  });
  await teacher.post(`/api/resources/${lesson}/questions/${id}/answers`, {
    body: '先画一条线段表示总数，再按题意分成几段，标上已知的数。',
  });
}

/**
 * Signs in, then opens the home afresh with listeners for console errors, so the session check of
 * the sign-in page (a 401 before anyone signed in) is not counted. Returns the errors seen.
 */
async function openHome(page: Page, username: string): Promise<string[]> {
  await loginAs(page, username);
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.reload();
  await page.getByTestId('home-title').waitFor();
  await page.getByTestId('home-sections').or(page.getByTestId('home-nothing-today')).first().waitFor();
  await page.waitForLoadState('networkidle');
  return errors;
}

/** The home as the server gave it, read with the page's own session. */
async function homeOf(page: Page): Promise<Home> {
  return (await (await page.request.get(`${baseUrl()}/api/portal/home`)).json()) as Home;
}

const width = (page: Page) => page.evaluate('document.documentElement.scrollWidth') as Promise<number>;

/** The tops of the home's sections and of what follows them, in page order. */
async function tops(page: Page, selector: string) {
  const boxes = await page.locator(selector).evaluateAll((els) =>
    els.map((e) => ({
      id: e.getAttribute('data-testid') ?? '',
      top: (e as unknown as { getBoundingClientRect(): { top: number } }).getBoundingClientRect().top,
    })),
  );
  return boxes;
}

const HOMES: [username: string, title: string, first: string][] = [
  ['student_demo', '学生主页', 'notices'],
  ['parent_demo', '家长主页', 'notices'],
  ['teacher_demo', '班主任工作台', 'questions'],
  ['researcher_demo', '教研工作台', 'reviews'],
  ['expert_school', '专家审核工作台', 'reviews'],
];

describe('homes that show today', () => {
  for (const [username, title, first] of HOMES) {
    for (const [device, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      it(`${username} on a ${device}: what waits comes first`, async () => {
        const phone = device === 'phone';
        const page = await browser.newPage({ viewport, isMobile: phone, hasTouch: phone });
        const errors = await openHome(page, username);
        await expect.poll(() => page.getByTestId('home-title').textContent()).toBe(title);
        const home = await homeOf(page);
        expect(home.sections.length).toBeGreaterThan(0);
        // The most urgent section, by the server's order, is the first thing under the title.
        expect(home.sections[0]!.key).toBe(first);
        const sections = await tops(
          page,
          '[data-testid^="home-section-"]:not([data-testid$="-count"]):not([data-testid$="-more"])',
        );
        expect(sections.map((s) => s.id)).toEqual(home.sections.map((s) => `home-section-${s.key}`));
        if (phone) {
          const rest = await tops(
            page,
            '[data-testid="child-card"], [data-testid="class-card"], [data-testid^="tool-"]',
          );
          // A pupil's homework and exams of today come before everything else (issue 10).
          const homework = await tops(page, '[data-testid="home-homework-card"]');
          const top = homework[0]?.top ?? sections[0]!.top;
          expect(sections.every((s) => s.top >= top) && rest.every((r) => r.top > top)).toBe(true);
          const title0 = await page.getByTestId('home-title').boundingBox();
          expect(top).toBeLessThan(title0!.y + 200);
        }
        expect(await width(page)).toBeLessThanOrEqual(viewport.width);
        await page.screenshot({ path: `${SHOTS}/homes-${username}-${device}.png`, fullPage: true });
        expect(errors).toEqual([]);
        await page.close();
      });
    }
  }

  it('a pupil reads the answer to their question and new lessons of their grade on their home', async () => {
    const page = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    await openHome(page, 'student_demo');
    await expect
      .poll(() => page.getByTestId('home-section-answers').textContent())
      .toContain('我的提问：例题里的线段图是怎么画出来的？');
    const resources = page.getByTestId('home-section-resources');
    await expect.poll(() => resources.getByTestId('home-item').count()).toBeGreaterThan(0);
    expect(await resources.textContent()).toContain('小学四年级');
    await page.close();
  });

  it('a parent confirms a class notice on the home with one tap', async () => {
    const page = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    await openHome(page, 'parent_demo');
    const notices = page.getByTestId('home-section-notices');
    const before = (await homeOf(page)).sections.find((s) => s.key === 'notices')!.items.length;
    expect(before).toBeGreaterThan(0);
    await notices.getByTestId('home-notice-confirm').first().tap();
    await expect
      .poll(async () => (await homeOf(page)).sections.find((s) => s.key === 'notices')?.items.length ?? 0)
      .toBe(before - 1);
    await expect
      .poll(() =>
        notices
          .getByTestId('home-item')
          .count()
          .catch(() => 0),
      )
      .toBe(before - 1);
    await page.screenshot({ path: `${SHOTS}/homes-parent-confirmed-phone.png`, fullPage: true });
    await page.close();
  });

  it('a teacher opens a question waiting on the home and lands on the resource', async () => {
    const page = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    await openHome(page, 'teacher_demo');
    const question = page.getByTestId('home-section-questions').getByTestId('home-item-open').first();
    await question.tap();
    await expect.poll(() => page.url()).toMatch(/\/resources\/[0-9a-f-]+$/);
    await page.close();
  });
});

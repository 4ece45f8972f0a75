/** Journey: a teacher drafts a micro-lesson, a disguised executable is refused, the real video plays. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, choose, DESKTOP, databaseUrl, launch, loginAs, PHONE, SHOTS } from './browser.ts';
import { expectNoOverflow, PHONE_390, watchConsole } from './page-health.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

type Item = { id: string; kind: string };
/** The parts of HTMLVideoElement used here (the e2e files compile without the DOM library). */
interface VideoEl {
  readyState: number;
  duration: number;
  currentTime: number;
  muted: boolean;
  error: { code: number } | null;
  play(): Promise<void>;
  addEventListener(type: string, listener: () => void): void;
}
type Detail = { files: { id: string; mime: string }[] };

async function firstPublished(page: Page, kind: string) {
  const list = (await (await page.request.get(`${baseUrl()}/api/resources?kind=${kind}&limit=1`)).json()) as {
    items: Item[];
  };
  const id = list.items[0]!.id;
  const detail = (await (await page.request.get(`${baseUrl()}/api/resources/${id}`)).json()) as Detail;
  return { id, file: detail.files[0]! };
}

/** A published resource of `username`'s, read as the database's owner (the journey's fixture). */
async function publishedBy(username: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const res = await client.query<{ id: string }>(
      `select r.id from resource r join account a on a.person_id = r.author_id
        where a.username = $1 and r.status = 'published' and r.kind = 'micro_lesson' order by r.id limit 1`,
      [username],
    );
    return res.rows[0]!.id;
  } finally {
    await client.end();
  }
}

/** Waits until the page's video element has loaded its metadata and can seek. */
const videoReady = (page: Page) =>
  page.getByTestId('resource-video').evaluate(
    (el) =>
      new Promise<number>((resolve, reject) => {
        const v = el as unknown as VideoEl;
        if (v.readyState >= 1) return resolve(v.duration);
        v.addEventListener('loadedmetadata', () => resolve(v.duration));
        v.addEventListener('error', () => reject(new Error(`video error ${v.error?.code}`)));
      }),
  );

describe('resources', () => {
  it('lets a teacher draft a micro-lesson, refuses a renamed executable and plays the real video', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await loginAs(page, 'teacher_demo');
    const demo = await firstPublished(page, 'micro_lesson');
    const mp4 = await (
      await page.request.get(`${baseUrl()}/api/resources/${demo.id}/files/${demo.file.id}`)
    ).body();

    await page.goto(`${baseUrl()}/resources`);
    await expect.poll(() => page.getByTestId('resource-card').count()).toBeGreaterThan(3);
    await page.screenshot({ path: `${SHOTS}/resources-list.png`, fullPage: true });
    await page.getByTestId('resource-new').click();
    await page.getByTestId('resource-title-input').fill('《亿以内数的认识》微课（试讲版）');
    await choose(page.getByTestId('resource-subject'), '数学');
    await choose(page.getByTestId('resource-grade'), '小学四年级');
    await choose(page.getByTestId('resource-lesson'), '亿以内数的认识');
    await page.getByTestId('resource-create').click();
    await expect.poll(() => page.getByTestId('resource-status').textContent()).toBe('草稿');

    const chooser = page.locator('input[type=file]');
    const exe = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), randomBytes(4096)]);
    await chooser.setInputFiles({ name: '课堂实录.mp4', mimeType: 'video/mp4', buffer: exe });
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('已拒绝');
    await page.screenshot({ path: `${SHOTS}/resources-upload-refused.png` });

    await chooser.setInputFiles({ name: '课堂实录.mp4', mimeType: 'video/mp4', buffer: mp4 });
    await page.getByTestId('resource-video').waitFor();
    expect(await videoReady(page)).toBeGreaterThan(1);
    await page.screenshot({ path: `${SHOTS}/resources-draft-video.png` });
    await page.close();
  });

  it('plays a published lesson for a student on a phone and previews a PDF', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await loginAs(page, 'student_demo');
    const demo = await firstPublished(page, 'micro_lesson');
    await page.goto(`${baseUrl()}/resources/${demo.id}`);
    expect(await videoReady(page)).toBeGreaterThan(1);
    // Seek: the browser asks for a byte range and keeps playing from there.
    await page.getByTestId('resource-video').evaluate(async (el) => {
      const v = el as unknown as VideoEl;
      v.muted = true;
      v.currentTime = 3;
      await v.play();
    });
    await expect
      .poll(() => page.getByTestId('resource-video').evaluate((el) => (el as unknown as VideoEl).currentTime))
      .toBeGreaterThan(3);
    // Rate it: five stars and a comment.
    await page.getByTestId('rate-stars').locator('.ant-rate-star').nth(4).click();
    await page.getByTestId('ratings-panel').locator('textarea').fill('讲得很清楚，谢谢老师');
    await page.getByTestId('rate-send').click();
    await expect.poll(() => page.getByTestId('ratings-panel').textContent()).toContain('讲得很清楚');
    // Watching to the end counts as finishing it.
    await page.getByTestId('resource-video').evaluate(async (el) => {
      const v = el as unknown as VideoEl & { duration: number };
      v.currentTime = Math.max(0, v.duration - 0.3);
      await v.play();
    });
    await page.getByTestId('resource-completed').waitFor();
    await page.screenshot({ path: `${SHOTS}/resources-student-phone.png`, fullPage: true });

    const pdf = await firstPublished(page, 'third_party');
    await page.goto(`${baseUrl()}/resources/${pdf.id}`);
    await page.getByTestId('resource-pdf').waitFor();
    const res = await page.request.get(`${baseUrl()}/api/resources/${pdf.id}/files/${pdf.file.id}`);
    expect(res.headers()['content-type']).toBe('application/pdf');
    // A document is finished by saying so; it downloads as an attachment.
    await page.getByTestId('resource-mark-done').click();
    await page.getByTestId('resource-completed').waitFor();
    const href = await page.getByTestId('resource-download').getAttribute('href');
    const download = await page.request.get(`${baseUrl()}${href}`);
    expect(download.headers()['content-disposition']).toMatch(/^attachment;/);
    await page.close();
  });

  // Issue 9 §8: learners get the lesson, its materials, ratings and Q&A in the main column; the
  // review record (reviewers, scores, comments) only reaches the author, reviewers and admins.
  const VIEWERS: [user: string, seesRecord: boolean][] = [
    ['student_demo', false],
    ['teacher_demo', true],
    ['researcher_demo', true],
    ['school_admin', true],
  ];
  for (const [name, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE_390],
  ] as const) {
    for (const [user, seesRecord] of VIEWERS) {
      it(`shows ${user} a reviewed lesson with ratings and Q&A under the video (${name})`, async () => {
        const page = await browser.newPage({ viewport });
        await loginAs(page, user);
        const health = watchConsole(page);
        const asked: string[] = [];
        page.on('request', (r) => {
          if (/^\/api\/resources\/[^/]+\/review$/.test(new URL(r.url()).pathname)) asked.push(r.url());
        });
        // teacher_demo's published micro-lesson: the demo gave it a full 六审 record with scores.
        const own = await publishedBy('teacher_demo');
        await page.goto(`${baseUrl()}/resources/${own}`);
        await videoReady(page);
        await page.getByTestId('qa-panel').waitFor();
        await page.getByTestId('resource-same-lesson').waitFor();
        await page
          .getByTestId('lesson-resources')
          .or(page.getByTestId('lesson-resources-empty'))
          .first()
          .waitFor();
        const video = (await page.getByTestId('resource-video').boundingBox())!;
        for (const panel of ['resource-about', 'ratings-panel', 'qa-panel']) {
          const box = (await page.getByTestId(panel).boundingBox())!;
          // In the main column: under the video and as wide as it.
          expect(Math.abs(box.x - video.x), panel).toBeLessThan(3);
          expect(Math.abs(box.width - video.width), panel).toBeLessThan(3);
          expect(box.y, panel).toBeGreaterThan(video.y + video.height);
        }
        if (seesRecord) {
          const review = page.getByTestId('review-panel');
          await expect.poll(() => review.textContent()).toContain('审核记录');
          const box = (await review.boundingBox())!;
          // Beside the lesson on a desktop; after its Q&A on a phone.
          if (name === 'desktop') expect(box.x).toBeGreaterThan(video.x + video.width);
          else expect(box.y).toBeGreaterThan((await page.getByTestId('qa-panel').boundingBox())!.y);
        } else {
          expect(await page.getByTestId('review-panel').count()).toBe(0);
          expect(await page.locator('body').textContent()).not.toContain('审核记录');
          expect(asked, 'the page asked for the review record').toEqual([]);
        }
        await expectNoOverflow(page);
        await page.screenshot({ path: `${SHOTS}/resource-${user}-${name}.png`, fullPage: true });
        expect(health.errors).toEqual([]);
        await page.close();
      });
    }
  }

  it('suggests searches that find published lessons, each one a tap away on a phone', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await loginAs(page, 'student_haizhu');
    await page.goto(`${baseUrl()}/resources`);
    const examples = page.getByTestId('search-example');
    await examples.first().waitFor();
    const n = await examples.count();
    expect(n).toBeGreaterThan(3);
    for (let i = 0; i < n; i++) {
      await page.goto(`${baseUrl()}/resources`);
      const example = examples.nth(i);
      const words = (await example.textContent())!;
      await example.click();
      // The search's own answer (its facets show once it is there), not the list browsed before.
      await page.getByTestId('search-facets').waitFor();
      expect(await page.getByTestId('resource-search').locator('input').inputValue()).toBe(words);
      await expect
        .poll(() => page.getByTestId('resource-card').count(), { message: words })
        .toBeGreaterThan(0);
      if (i === 0)
        await page.screenshot({ path: `${SHOTS}/resources-search-example-phone.png`, fullPage: true });
    }
    await page.close();
  });

  it('lets the city retire a resource the daily check flagged as unused', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await loginAs(page, 'city_admin');
    await page.goto(`${baseUrl()}/resources`);
    const item = page.getByTestId('retirement-item').filter({ hasText: '自然拼读' });
    await item.waitFor();
    await page.screenshot({ path: `${SHOTS}/resources-retirement.png`, fullPage: true });
    await item.locator('input').fill('授权已到期');
    await item.getByTestId('retire').click();
    await expect.poll(() => item.count()).toBe(0);
    await page.close();
  });
});

/**
 * Journey (issue 11 §6, A8): a teacher opens the personalised practice of a weak point of their
 * class (as the mastery heatmap links it), pushes practice to the weak students; a pupil of them
 * sees the push first on their home with the teacher's name as the reason, practises item by item
 * with the result and explanation at once, and sees the point's mastery move; their parent sees
 * the advice. Teacher at desktop width, pupil and parent on a phone.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/src/bootstrap.ts';
import { baseUrl, DESKTOP, launch, loginAs, PHONE, SHOTS } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** A signed-in API client of the demo city, for picking the journey's point. */
async function apiAs(username: string) {
  const res = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return {
    get: async <T>(path: string) => {
      const r = await fetch(`${baseUrl()}${path}`, { headers: { cookie } });
      expect(r.status, `GET ${path}`).toBe(200);
      return (await r.json()) as T;
    },
  };
}

type ClassPractice = { points: { kp: string; name: string; students: number }[] };
type Point = { students: { id: string; weak: boolean }[]; items: { id: string }[] };

/**
 * A class of the demo teacher and a point of it with items to push, on which the demo pupil is
 * weak if any such point exists (the pupil is ticked by hand otherwise).
 */
async function pickPoint() {
  const teacher = await apiAs('teacher_demo');
  const student = await apiAs('student_demo');
  const me = await student.get<{ personId: string }>('/api/auth/me');
  const { items: classes } = await teacher.get<{ items: { id: string }[] }>('/api/assignments/classes');
  let fallback: { classId: string; kp: string; name: string; weak: boolean } | undefined;
  for (const c of classes) {
    const practice = await teacher.get<ClassPractice>(`/api/diagnosis/practice/classes/${c.id}`);
    for (const p of practice.points.slice(0, 12)) {
      const point = await teacher.get<Point>(`/api/diagnosis/practice/classes/${c.id}/points/${p.kp}`);
      const pupil = point.students.find((s) => s.id === me.personId);
      if (!pupil || point.items.length === 0) continue;
      if (pupil.weak) return { classId: c.id, kp: p.kp, name: p.name, weak: true, studentId: me.personId };
      fallback ??= { classId: c.id, kp: p.kp, name: p.name, weak: false };
    }
  }
  if (!fallback) throw new Error('no point of the demo class with items to push');
  return { ...fallback, studentId: me.personId };
}

/** Answers the current item: the first option, true, or "1" in each blank. */
async function answerItem(page: Page) {
  const item = page.getByTestId('practice-item');
  await item.waitFor();
  const option = item.getByTestId('practice-option');
  const blank = item.getByTestId('practice-blank');
  if ((await option.count()) > 0) await option.first().click();
  else if ((await blank.count()) > 0) for (const b of await blank.all()) await b.fill('1');
  else await item.locator('.ant-radio-button-wrapper').first().click();
  await item.getByTestId('practice-submit').click();
  await item.getByTestId('practice-result').waitFor();
}

describe('personalised practice', () => {
  it('a teacher pushes practice on a weak point; the pupil practises it and their parent sees it', async () => {
    const pick = await pickPoint();
    const note = `练习${Date.now() % 10_000}`;

    // The teacher, at desktop width, from the heatmap's link.
    const teacher = await browser.newPage({ viewport: DESKTOP });
    await loginAs(teacher, 'teacher_demo');
    await teacher.goto(`${baseUrl()}/diagnosis/practice?class=${pick.classId}&kp=${pick.kp}`);
    const panel = teacher.getByTestId('practice-point');
    await panel.waitFor();
    await expect
      .poll(() => panel.getByTestId('practice-items').locator('.ant-list-item').count())
      .toBeGreaterThan(0);
    // The weak students come ticked; the pupil is one of them, or is ticked by hand.
    const weak = panel.getByTestId('practice-student-weak');
    const checked = () =>
      weak.evaluateAll((els) => els.filter((e) => (e as unknown as { checked: boolean }).checked).length);
    if (pick.weak) await expect.poll(checked).toBe(await weak.count());
    const pupil = panel.locator(`input[value="${pick.studentId}"]`);
    if (!(await pupil.isChecked())) await pupil.check();
    await expect.poll(() => pupil.isChecked()).toBe(true);
    await panel.getByTestId('practice-note').fill(note);
    await teacher.screenshot({ path: `${SHOTS}/practice-teacher.png`, fullPage: true });
    const pushes = teacher.getByTestId('practice-pushes').locator('tbody tr.ant-table-row');
    const before = await pushes.count();
    await panel.getByTestId('practice-push-button').click();
    await expect.poll(() => pushes.count()).toBe(before + 1);

    // The pupil, on a phone: the push first on the home, with the teacher's name as the reason.
    const student = await browser.newPage({ viewport: PHONE });
    await loginAs(student, 'student_demo');
    const card = student.getByTestId('practice-card');
    await card.getByTestId('practice-push').first().waitFor();
    await expect
      .poll(() => card.getByTestId('practice-push').first().getByTestId('practice-reason').textContent())
      .toMatch(new RegExp(`老师推送：${note}$`));
    await student.screenshot({ path: `${SHOTS}/practice-student-home.png`, fullPage: true });
    await card.getByTestId('practice-push').first().getByTestId('practice-go').click();
    await student.getByTestId('practice-title').waitFor();
    const mastery = student.getByTestId('practice-mastery');
    await mastery.waitFor();
    for (let n = 0; n < 20; n++) {
      await answerItem(student);
      if (n === 0) await student.screenshot({ path: `${SHOTS}/practice-student-item.png`, fullPage: true });
      await student.getByTestId('practice-next').click();
      if (await student.getByTestId('practice-finished').isVisible()) break;
    }
    await student.getByTestId('practice-finished').waitFor();
    // The point's mastery moved, shown from where it stood when the page opened.
    await expect.poll(() => mastery.getByTestId('mastery-change').textContent()).toMatch(/% → \d+%/);
    await student.screenshot({ path: `${SHOTS}/practice-student-done.png`, fullPage: true });

    // The teacher sees who practised and how the mastery moved.
    await teacher.reload();
    await teacher.getByTestId('practice-pushes').locator('.ant-table-row-expand-icon').first().click();
    const row = teacher
      .getByTestId('push-students')
      .locator('tr', { has: teacher.getByTestId('mastery-change') });
    await expect.poll(() => row.count()).toBeGreaterThan(0);
    await teacher.screenshot({ path: `${SHOTS}/practice-teacher-pushes.png`, fullPage: true });

    // The parent, on a phone: the child's advice, the push done.
    const parent = await browser.newPage({ viewport: PHONE });
    await loginAs(parent, 'parent_demo');
    const advice = parent.getByTestId('practice-card').first();
    await advice.getByTestId('practice-push').first().waitFor();
    await parent.screenshot({ path: `${SHOTS}/practice-parent-home.png`, fullPage: true });
    await parent.goto(`${baseUrl()}/diagnosis/practice/children/${pick.studentId}`);
    const pushed = parent.getByTestId('practice-push').filter({ hasText: note });
    await pushed.waitFor();
    await expect.poll(() => pushed.getByTestId('mastery-change').count()).toBe(1);
    await parent.screenshot({ path: `${SHOTS}/practice-parent.png`, fullPage: true });
  });
});

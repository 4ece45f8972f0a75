/**
 * Journey (issue 11, the whole story): after the demo 统考, a teacher opens 学情热力图 from the
 * menu, saves it (workbook, picture), opens a weak point of the class, follows it to a weak
 * prerequisite, reads why one pupil is weak on it, and pushes practice on it to the weak students
 * from the heatmap's 推送练习; the pupil, on a phone, sees the push first in 为你推荐 with its reason,
 * practises item by item and sees the point's mastery move; the teacher sees who practised and how
 * the mastery moved; the city's researcher opens the 统考's item analysis and sees a flagged item
 * with its reason; the pupil's parent, on a phone, sees the push done with the mastery change.
 * Teacher and researcher at desktop width, pupil and parent on a 375 px phone.
 */
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './api.ts';
import { choose, DESKTOP, databaseUrl, launch, loginAs, PHONE, SHOTS, settled } from './browser.ts';
import { watchConsole } from './page-health.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

type Heatmap = { students: { id: string }[]; points: { id: string; name: string }[] };
type ClassPoint = { prerequisites: { id: string; name: string; depth: number; weak: number }[] };
type PointPractice = {
  students: { id: string; name: string; p: number | null; weak: boolean }[];
  items: { id: string }[];
};

/**
 * The items the pupil has answered in personalised practice: a push of only those would count as
 * done at once (an item is graded once), so it would not wait on their home. Read from the
 * database, as a rerun on the same platform must not depend on what an earlier run practised.
 */
async function practised(personId: string): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const r = await client.query<{ item_id: string }>(
      'select distinct item_id from practice_answer where student_id = $1 and mistake_id is null',
      [personId],
    );
    return new Set(r.rows.map((x) => x.item_id));
  } finally {
    await client.end();
  }
}

/**
 * What the story follows, chosen from the demo city as the teacher would see it: the class of the
 * demo pupil, and its weakest point (the heatmap's order) with a direct prerequisite on which some
 * of the class are weak, the pupil among them with an estimate already (so the change of their
 * mastery can be shown), and items to push that the pupil has not practised yet. The API and the
 * database only choose; every step is taken in the pages.
 */
async function pickStory() {
  const teacher = await apiAs('teacher_demo');
  const { personId } = await (await apiAs('student_demo')).get<{ personId: string }>('/api/auth/me');
  const answered = await practised(personId);
  const home = await teacher.get<{ classes?: { id: string; name: string; kind: string }[] }>(
    '/api/portal/home',
  );
  for (const c of (home.classes ?? []).filter((x) => x.kind === 'class')) {
    const heatmap = await teacher.get<Heatmap>(`/api/classes/${c.id}/mastery`);
    if (!heatmap.students.some((s) => s.id === personId)) continue;
    for (const point of heatmap.points) {
      const open = await teacher.get<ClassPoint>(`/api/classes/${c.id}/mastery/${point.id}`);
      for (const pre of open.prerequisites.filter((p) => p.depth === 1 && p.weak > 0)) {
        const practice = await teacher.get<PointPractice>(
          `/api/diagnosis/practice/classes/${c.id}/points/${pre.id}`,
        );
        const pupil = practice.students.find((s) => s.id === personId);
        if (pupil?.weak && pupil.p !== null && practice.items.some((i) => !answered.has(i.id)))
          return { classId: c.id, className: c.name, point, prerequisite: pre, pupil };
      }
    }
  }
  throw new Error(
    "no weak point of the demo pupil's class has a prerequisite the pupil is weak on and has not practised",
  );
}

/** Matches exactly `text` (names hold brackets and are parts of other names: 条形统计图). */
const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

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

describe('diagnosis', () => {
  it('from the 统考 to a weak prerequisite, a push, practice that moves the mastery, and a flagged item', async () => {
    const story = await pickStory();
    const { point, prerequisite, pupil } = story;
    // This push among any other (a rerun's, another journey's): by its note.
    const note = `先补好『${prerequisite.name}』 ${Date.now().toString(36)}`;

    // 1. The teacher, at desktop width, opens the heatmap from the menu and saves it.
    const teacher = await browser.newPage({ viewport: DESKTOP, acceptDownloads: true });
    await loginAs(teacher, 'teacher_demo');
    const teacherConsole = watchConsole(teacher);
    await teacher.getByRole('menuitem', { name: '学情热力图' }).first().click();
    await teacher.getByTestId('mastery-heatmap-title').waitFor();
    await teacher.getByTestId('mastery-heatmap').waitFor();
    const classSelect = teacher.getByTestId('mastery-class');
    if ((await classSelect.count()) > 0 && !(await classSelect.textContent())?.includes(story.className))
      await choose(classSelect, story.className);
    await teacher.screenshot({ path: `${SHOTS}/diagnosis-heatmap.png`, fullPage: true });
    const [xlsx] = await Promise.all([
      teacher.waitForEvent('download'),
      teacher.getByText('导出 Excel').click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/学情热力图\.xlsx$/);
    const [png] = await Promise.all([
      teacher.waitForEvent('download'),
      teacher.getByText('保存图片').click(),
    ]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);

    // The weak point for the class, then its prerequisite, both in the point's panel.
    await teacher
      .getByTestId('mastery-point')
      .filter({ hasText: exactly(point.name) })
      .click();
    const drawer = teacher.getByTestId('mastery-point-drawer');
    const title = drawer.locator('.ant-drawer-title');
    await expect.poll(() => title.textContent()).toBe(point.name);
    const prerequisites = drawer.getByTestId('mastery-prerequisites');
    const pre = prerequisites
      .locator('.ant-list-item')
      .filter({ has: teacher.getByText(exactly(prerequisite.name)) });
    await pre.waitFor();
    expect(await pre.textContent()).toMatch(/\d+ 人薄弱|\d+ weak/);
    await settled(teacher);
    await teacher.screenshot({ path: `${SHOTS}/diagnosis-point.png` });
    await pre.getByRole('button', { name: '查看' }).click();
    await expect.poll(() => title.textContent()).toBe(prerequisite.name);

    // Why the pupil is weak on it: their estimate in words.
    await drawer
      .getByTestId('mastery-weak-students')
      .getByRole('button', { name: new RegExp(`^${pupil.name} \\d+%$`) })
      .click();
    const cell = teacher.getByTestId('mastery-cell-drawer');
    const sentence = cell.getByTestId('mastery-sentence');
    await sentence.waitFor();
    expect(await sentence.textContent()).toMatch(/答对 \d+ 次、答错 \d+ 次/);
    await settled(teacher);
    await teacher.screenshot({ path: `${SHOTS}/diagnosis-cell.png` });
    await cell.locator('.ant-drawer-close').click();
    await sentence.waitFor({ state: 'hidden' });

    // 推送练习: the practice page of the prerequisite, its weak students ticked, the pupil among them.
    await drawer.getByTestId('mastery-practice').click();
    const panel = teacher.getByTestId('practice-point');
    await expect.poll(() => panel.locator('.ant-card-head-title').textContent()).toBe(prerequisite.name);
    await expect
      .poll(() => panel.getByTestId('practice-items').locator('.ant-list-item').count())
      .toBeGreaterThan(0);
    const weak = panel.getByTestId('practice-student-weak');
    // (Ant Design gives the test id to the checkbox's input.)
    const ticked = () =>
      weak.evaluateAll((els) => els.filter((e) => (e as unknown as { checked: boolean }).checked).length);
    await expect.poll(ticked).toBe(await weak.count());
    expect(await panel.locator(`input[value="${pupil.id}"]`).isChecked()).toBe(true);
    await panel.getByTestId('practice-note').fill(note);
    await teacher.screenshot({ path: `${SHOTS}/diagnosis-push.png`, fullPage: true });
    await panel.getByTestId('practice-push-button').click();
    const pushed = teacher.getByTestId('practice-pushes').locator('tr.ant-table-row', { hasText: note });
    await pushed.waitFor();

    // 2. The pupil, on a phone: the push first in 为你推荐, the teacher's note as the reason.
    const student = await browser.newPage({ viewport: PHONE });
    await loginAs(student, 'student_demo');
    const card = student.getByTestId('practice-card');
    const push = card.getByTestId('practice-push').first();
    await expect.poll(() => push.getByTestId('practice-reason').textContent()).toMatch(/老师推送：/);
    expect(await push.getByTestId('practice-reason').textContent()).toContain(note);
    await student.screenshot({ path: `${SHOTS}/diagnosis-student-home.png`, fullPage: true });
    await push.getByTestId('practice-go').click();
    await student.getByTestId('practice-push-reason').filter({ hasText: note }).waitFor();
    const mastery = student.getByTestId('practice-mastery');
    await mastery.waitFor();
    // Item by item, each graded at once, until the set is finished.
    const finished = student.getByTestId('practice-finished');
    const unanswered = student
      .getByTestId('practice-item')
      .filter({ hasNot: student.getByTestId('practice-result') });
    for (let n = 0; n < 20 && !(await finished.isVisible()); n++) {
      await answerItem(student);
      if (n === 0) await student.screenshot({ path: `${SHOTS}/diagnosis-student-item.png`, fullPage: true });
      await student.getByTestId('practice-next').click();
      await finished.or(unanswered).first().waitFor();
    }
    await finished.waitFor();
    // The point's mastery moved, from where it stood when the page opened.
    await expect.poll(() => mastery.getByTestId('mastery-change').textContent()).toMatch(/\d+% → \d+%/);
    await student.screenshot({ path: `${SHOTS}/diagnosis-student-done.png`, fullPage: true });

    // 3. The teacher sees who practised and how their mastery moved.
    await teacher.reload();
    await pushed.locator('.ant-table-row-expand-icon').click();
    const practised = teacher
      .getByTestId('push-students')
      .locator('tr', { has: teacher.getByRole('cell', { name: pupil.name, exact: true }) });
    await practised.getByTestId('mastery-change').waitFor();
    await teacher.screenshot({ path: `${SHOTS}/diagnosis-teacher-pushes.png`, fullPage: true });
    expect(teacherConsole.errors).toEqual([]);

    // 4. The researcher opens the 统考's item analysis from the menu: a flagged item, with why.
    const researcher = await browser.newPage({ viewport: DESKTOP, acceptDownloads: true });
    await loginAs(researcher, 'researcher_demo');
    const researcherConsole = watchConsole(researcher);
    await researcher.getByRole('menuitem', { name: '试题分析' }).first().click();
    await researcher
      .getByTestId('analysis-exam')
      .filter({ hasText: '统考' })
      .first()
      .getByRole('link')
      .click();
    await researcher.getByTestId('item-analysis-title').waitFor();
    expect(await researcher.getByTestId('item-analysis-title').textContent()).toContain('统考');
    const flagged = researcher.getByTestId('flagged-item').first();
    await flagged.waitFor();
    expect((await flagged.textContent())!.length).toBeGreaterThan(20);
    expect(await researcher.getByTestId('reliability-reading').textContent()).toMatch(/α = \d\.\d\d/);
    // The flagged item opens its row; a choice item shows its options by ability group.
    await flagged.click();
    await researcher.getByTestId('distractor-table').first().waitFor();
    // The chart as a picture, the figures as a workbook.
    await researcher.getByTestId('item-analysis-chart').locator('canvas').first().waitFor();
    await settled(researcher);
    const [chart] = await Promise.all([
      researcher.waitForEvent('download'),
      researcher.getByTestId('analysis-picture').click(),
    ]);
    expect(chart.suggestedFilename()).toMatch(/\.png$/);
    const [figures] = await Promise.all([
      researcher.waitForEvent('download'),
      researcher.getByTestId('analysis-export').click(),
    ]);
    expect(figures.suggestedFilename()).toMatch(/\.xlsx$/);
    await researcher.screenshot({ path: `${SHOTS}/diagnosis-item-analysis.png`, fullPage: true });
    expect(researcherConsole.errors).toEqual([]);

    // 5. The parent, on a phone: the child's advice, the push done and how the mastery moved.
    const parent = await browser.newPage({ viewport: PHONE });
    await loginAs(parent, 'parent_demo');
    const advice = parent.getByTestId('practice-card').first();
    await advice.getByTestId('practice-push').first().waitFor();
    await parent.screenshot({ path: `${SHOTS}/diagnosis-parent-home.png`, fullPage: true });
    await advice.getByRole('link', { name: '查看全部' }).click();
    const done = parent.getByTestId('practice-push').filter({ hasText: note });
    await done.getByTestId('mastery-change').waitFor();
    await parent.screenshot({ path: `${SHOTS}/diagnosis-parent.png`, fullPage: true });
    // What three journeys did before, each with the default 120 s: the same room for the whole story.
  }, 240_000);
});

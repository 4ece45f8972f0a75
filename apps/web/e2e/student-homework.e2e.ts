/**
 * Journey (issue 10, the student's and the parent's part): a teacher assigns a paper to her class;
 * the student finds it first on the home of a 390 px phone and starts it there, reloads mid-way (the
 * answers come back), loses the connection and answers on (离线，恢复后自动保存), comes back and
 * submits; the objective items are graded at once. The teacher marks the short answer in the 流水批阅
 * flow and releases the scores; the student sees the score with each item's answer, key and
 * explanation (no ranking), finds the wrong answer in the 错题本 under its knowledge point and
 * practises similar items until the entry closes; the parent sees the child's homework and
 * notebook summary. (The paper-free exam: student-exam.e2e.ts.)
 */
import { sql } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeLeaf } from '../../server/src/modules/assessment/grading.ts';
import type { ItemContent, LeafItem } from '../../server/src/modules/assessment/item-model.ts';
import { insertItem } from '../../server/src/modules/assessment/marking-flow.fixtures.ts';
import type { Database } from '../../server/src/platform/db/client.ts';
import { connectOwner } from '../../server/src/platform/db/setup.ts';
import { baseUrl, DESKTOP, databaseUrl, launch, loginAs, SHOTS } from './browser.ts';
import {
  assignToDemoClass,
  choice,
  demoClass,
  insertOwnPaper,
  type OwnPaper,
  one,
  onPhone,
  PHONE_390,
  pageWidth,
  saveStatus,
} from './homework-steps.ts';

const PAPER = '分数的初步认识（手机作答卷）';
const TITLE = '分数的初步认识 · 课后作业';
const RANKING = /排名|名次|第\s*\d+\s*名|班级平均|最高分/;

/** 1 choice (knowledge point 0), 2 fill-in, 3 true/false (point 1), 4 short answer (point 1). */
const ITEMS: { content: ItemContent; score: number; kp: number }[] = [
  {
    content: choice(
      '把一个蛋糕平均分成 4 份，1 份是它的（　）',
      'B',
      ['1/2', '1/4', '4', '3/4'],
      '平均分成 4 份，每份是 1/4。',
    ),
    score: 4,
    kp: 0,
  },
  {
    content: {
      type: 'fill_in',
      stem: '<p>1/2 = <span data-blank="b1"></span>（填小数），3/4 = <span data-blank="b2"></span>（填小数）</p>',
      blanks: [
        { id: 'b1', accepted: ['0.5'], kind: 'number', caseSensitive: false },
        { id: 'b2', accepted: ['0.75'], kind: 'number', caseSensitive: false },
      ],
      explanation: '<p>分子除以分母。</p>',
    },
    score: 4,
    kp: 1,
  },
  {
    content: {
      type: 'true_false',
      stem: '<p>1/3 比 1/4 大。</p>',
      correct: true,
      explanation: '<p>分子相同，分母小的分数大。</p>',
    },
    score: 2,
    kp: 1,
  },
  {
    content: {
      type: 'short_answer',
      stem: '<p>说说 3/5 表示什么。</p>',
      reference: '<p>把单位“1”平均分成 5 份，表示其中 3 份的数。</p>',
      rubric: [{ points: 6, description: '说出平均分与取份数' }],
    },
    score: 6,
    kp: 1,
  },
];

/** What the student answers: 1 wrong, 2 half right, 3 right, 4 for the teacher to mark. */
const GIVEN = {
  choice: { choice: 'A' },
  blanks: { blanks: { b1: '0.5', b2: '0.7' } },
  judgement: { judgement: true },
  text: { text: '把一个整体平均分成 5 份，取其中的 3 份。' },
};

let browser: Browser;
let db: Database;
let paper: OwnPaper;
let studentId: string;
/** Carried from one step of the journey to the next. */
let attemptId: string;
let assignmentId: string;
let objective: number;

beforeAll(async () => {
  browser = await launch();
  db = connectOwner(databaseUrl(), 2);
  const own = await insertOwnPaper(db, { title: PAPER, items: ITEMS, points: 2 });
  paper = own;
  studentId = (await demoClass(db)).studentId;
  // Two similar items of the first item's knowledge point at nearby difficulty, shared with the
  // school: what 练一练 draws (the right option is always the first).
  for (const [i, stem] of [
    '把一根绳子平均分成 5 段，1 段是全长的（　）',
    '一个披萨平均切成 8 块，1 块是它的（　）',
  ].entries())
    await insertItem(db, {
      content: choice(stem, 'A', [i === 0 ? '1/5' : '1/8', '5', '1/2']),
      score: 2,
      authorId: own.teacher.id,
      path: own.teacher.school,
      kps: [own.points[0]!.id],
      share: 'school',
      difficulty: 0.6 + i * 0.05,
    });
});
afterAll(async () => {
  await browser?.close();
  await db?.close();
});

const savedAnswers = (attemptId: string) =>
  one<{ n: number }>(db, sql`select count(*)::int as n from response where attempt_id = ${attemptId}`).then(
    (r) => r.n,
  );

describe('homework on a phone, from the home to the mistake notebook', () => {
  it('a student answers through a reload and a lost connection, and is graded at once', async () => {
    const assigned = await assignToDemoClass(browser, db, { paperTitle: PAPER, title: TITLE });
    const teacher = assigned.teacher;
    assignmentId = assigned.assignmentId;
    // Due this afternoon (arranged in the database rather than in the dialog's date picker).
    await db.db.execute(
      sql`update assignment set closes_at = now() + interval '3 hours' where id = ${assignmentId}`,
    );

    // The home shows today's homework first; the student starts it there.
    const page = await onPhone(browser);
    const context = page.context();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await loginAs(page, 'student_demo');
    const card = page.getByTestId('home-homework-card');
    const line = card.getByTestId('home-homework').filter({ hasText: TITLE });
    await line.waitFor();
    await expect.poll(() => line.textContent()).toContain('即将截止');
    const cardBox = await card.boundingBox();
    const sectionsBox = await page.getByTestId('home-sections').boundingBox();
    expect(cardBox!.y).toBeLessThan(sectionsBox!.y);
    await page.screenshot({ path: `${SHOTS}/student-home-homework-phone.png`, fullPage: true });
    await line.getByTestId('start').click();
    await page.waitForURL(/\/attempts\//);
    attemptId = page.url().split('/attempts/')[1]!;
    await page.getByTestId('item-1').waitFor();

    await page.getByTestId('option-1-0-A').click();
    await expect.poll(() => saveStatus(page)).toBe('saved');
    await expect.poll(() => savedAnswers(attemptId)).toBe(1);

    // A reload mid-way: the answer comes back from the server.
    await page.reload();
    await page.getByTestId('item-1').waitFor();
    await expect.poll(() => page.getByTestId('option-1-0-A').getAttribute('aria-pressed')).toBe('true');

    // Offline: the student answers on; the answers wait in the browser, and the page says so.
    await context.setOffline(true);
    await page.getByTestId('blank-2-0-b1').fill(GIVEN.blanks.blanks.b1);
    await page.getByTestId('blank-2-0-b2').fill(GIVEN.blanks.blanks.b2);
    await page.getByTestId('blank-2-0-b2').blur();
    await page.getByTestId('judge-3-0-true').click();
    await page.getByTestId('item-4').getByTestId('text-answer').fill(GIVEN.text.text);
    await page.getByTestId('item-4').getByTestId('text-answer').blur();
    await expect.poll(() => saveStatus(page)).toBe('offline');
    await expect.poll(() => page.getByTestId('save-status').textContent()).toContain('离线，恢复后自动保存');
    expect(await savedAnswers(attemptId)).toBe(1);
    await page.screenshot({ path: `${SHOTS}/student-homework-offline-phone.png`, fullPage: true });
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE_390.width);

    // Back online: what waited is saved, each answer once.
    await context.setOffline(false);
    await expect.poll(() => saveStatus(page)).toBe('saved');
    await expect.poll(() => savedAnswers(attemptId)).toBe(4);

    await page.getByTestId('submit-attempt').click();
    await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await page.getByTestId('attempt-closed').waitFor();

    // Graded at submission: the objective items have their scores, the short answer waits.
    const leaves = paper.document.sections[0]!.items;
    const expected = [GIVEN.choice, GIVEN.blanks, GIVEN.judgement].reduce(
      (s, v, i) => s + gradeLeaf(leaves[i]!.content as LeafItem, v, leaves[i]!.score).score,
      0,
    );
    const graded = await one<{ status: string; objective: number }>(
      db,
      sql`select status, objective_score as objective from attempt where id = ${attemptId}`,
    );
    expect(graded).toEqual({ status: 'submitted', objective: expected });
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(10);

    // The teacher sees the submission on the class's progress.
    await teacher.getByRole('link', { name: TITLE }).click();
    const row = teacher.getByRole('row').filter({ has: teacher.locator('[data-standing="submitted"]') });
    await expect.poll(() => row.count()).toBe(1);
    await teacher.close();
    expect(errors).toEqual([]);
    objective = expected;
  });

  it('the teacher marks the short answer with the keyboard and releases the scores', async () => {
    // The window closes (arranged behind the app's back, instead of waiting for the deadline).
    await db.db.execute(
      sql`update assignment set opens_at = now() - interval '1 day', closes_at = now() - interval '1 minute'
           where id = ${assignmentId}`,
    );
    const teacher = await browser.newPage({ viewport: DESKTOP });
    await loginAs(teacher, 'teacher_demo');
    await teacher.goto(`${baseUrl()}/marking/${assignmentId}/items/4/0`);
    await teacher.getByTestId('score-input').waitFor();
    await teacher.keyboard.type('4');
    await teacher.keyboard.press('Enter');
    await teacher.getByTestId('marking-all-done').waitFor();
    await teacher.goto(`${baseUrl()}/homework/${assignmentId}`);
    await teacher.getByTestId('release').click();
    await expect.poll(() => teacher.getByTestId('release').textContent()).toContain('成绩已发布');
    await expect
      .poll(
        async () =>
          (
            await one<{ r: boolean }>(
              db,
              sql`select released_at is not null as r from assignment where id = ${assignmentId}`,
            )
          ).r,
      )
      .toBe(true);
    await teacher.close();
  });

  it('the student sees the score and each item, the notebook, and practises until the entry closes', async () => {
    const page = await onPhone(browser);
    await loginAs(page, 'student_demo');
    const result = page
      .getByTestId('home-homework-card')
      .getByTestId('home-result')
      .filter({ hasText: TITLE });
    await expect.poll(() => result.textContent()).toContain(`得分 ${objective + 4} / 16`);
    await result.getByRole('link').click();
    await page.getByTestId('attempt-result').waitFor();
    await expect.poll(() => page.getByTestId('result-score').textContent()).toBe(String(objective + 4));
    const first = page.getByTestId('result-item').filter({ hasText: '平均分成 4 份' });
    await expect.poll(() => first.getByTestId('result-given').textContent()).toBe('A');
    await expect.poll(() => first.getByTestId('result-correct').textContent()).toBe('B');
    await expect.poll(() => first.getByTestId('result-leaf-score').textContent()).toBe('0 / 4');
    expect(await first.textContent()).toContain('每份是 1/4');
    expect(await page.locator('body').textContent()).not.toMatch(RANKING);
    // Only the student's own attempt is readable: a classmate's is refused.
    const other = await one<{ id: string }>(
      db,
      sql`select t.id from attempt t join attempt mine on mine.id = ${attemptId}
           where t.student_id <> ${studentId} and t.class_id = mine.class_id limit 1`,
    );
    expect([403, 404]).toContain((await page.request.get(`${baseUrl()}/api/attempts/${other.id}`)).status());
    await page.screenshot({ path: `${SHOTS}/student-homework-result-phone.png`, fullPage: true });
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE_390.width);

    // Only the items that lost points: 1, 2 and the short answer; 3 was right.
    await page.getByTestId('result-filter').getByText('失分题 3').click();
    await expect.poll(() => page.getByTestId('result-item').count()).toBe(3);
    expect(await page.locator('[data-testid="result-item"][data-number="3"]').count()).toBe(0);

    // The wrong answers are in the 错题本, under 数学 and their knowledge point, with key and explanation.
    await page.getByTestId('result-notebook').click();
    await page.getByTestId('notebook-title').waitFor();
    await page.getByRole('tab', { name: /^数学/ }).click();
    const entry = page.getByTestId('notebook-entry').filter({ hasText: '平均分成 4 份' });
    await entry.waitFor();
    await expect.poll(() => entry.getByTestId('entry-given').textContent()).toBe('A');
    await expect.poll(() => entry.getByTestId('entry-correct').textContent()).toBe('B');
    const group = page.locator('.ant-collapse-item').filter({ has: entry });
    expect(await group.locator('.ant-collapse-header').textContent()).toContain(paper.points[0]!.name);
    await expect
      .poll(() =>
        page
          .getByTestId('notebook-entry')
          .filter({ hasText: /3\/4\s*=/ })
          .count(),
      )
      .toBe(1);

    // 练一练: a similar item of the same knowledge point, graded at once; two right answers close it.
    await entry.getByTestId('practise').click();
    for (const n of [1, 2]) {
      const item = page.getByTestId('practice-item');
      await item.waitFor();
      await expect.poll(() => item.textContent()).toMatch(/平均分成 5 段|平均切成 8 块/);
      await page.getByTestId('practice-option').first().click();
      await page.getByTestId('practice-submit').click();
      if (n === 1) {
        await expect.poll(() => page.getByTestId('practice-result').textContent()).toContain('答对了');
        await expect.poll(() => page.getByTestId('practice-progress').textContent()).toBe('已答对同类题 1/2');
        await page.screenshot({ path: `${SHOTS}/student-practice-phone.png`, fullPage: true });
        await page.getByTestId('practice-next').click();
      }
    }
    await page.getByTestId('practice-mastered').waitFor();
    await expect
      .poll(
        async () =>
          (
            await one<{ closed: boolean }>(
              db,
              sql`select closed_at is not null as closed from mistake
          where attempt_id = ${attemptId} and number = 1`,
            )
          ).closed,
      )
      .toBe(true);
  });

  it('the parent sees the child’s homework, the released score and the notebook summary, with no ranking', async () => {
    const page = await onPhone(browser);
    await loginAs(page, 'parent_demo');
    const child = page
      .getByTestId('child-card')
      .filter({ has: page.getByTestId('child-homework') })
      .first();
    await child.getByTestId('child-homework').waitFor();
    await expect.poll(() => child.getByTestId('summary-open').count()).toBe(1);
    expect(await child.textContent()).not.toMatch(RANKING);
    await page.screenshot({ path: `${SHOTS}/parent-home-phone.png`, fullPage: true });
    await child.getByTestId('child-homework').getByRole('link').first().click();
    const card = page.getByTestId('homework-card').filter({ hasText: TITLE });
    await expect.poll(() => card.getByTestId('released-score').textContent()).toContain('得分');
    await page.getByTestId('child-summary').waitFor();
    expect(await page.locator('body').textContent()).not.toMatch(RANKING);
    await page.screenshot({ path: `${SHOTS}/parent-homework-phone.png`, fullPage: true });
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE_390.width);
  });
});

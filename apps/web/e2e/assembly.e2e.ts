/**
 * Journey (issue 10, A3): a teacher builds a 双向细目表 on the 按细目表组卷 page, saves it as a
 * template, asks for more than the bank holds and reads why in place, corrects the table, assembles
 * a draft paper, lands on it and swaps an item (换一题); the swapped paper still meets the table.
 * The blueprint is built from the demo bank the server generated: the knowledge point and level
 * with the most single-choice items of medium difficulty the teacher sees.
 */
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { baseUrl, DESKTOP, launch, loginAs, SHOTS } from './browser.ts';

const PHONE_390 = { width: 390, height: 844 };
const TITLE = '分数单元自动组卷检测';
const LEVEL: Record<string, string> = {
  remember: '识记',
  understand: '理解',
  apply: '应用',
  analyse: '分析综合',
};

let browser: Browser;
let db: pg.Client;
beforeAll(async () => {
  browser = await launch();
  db = new pg.Client({ connectionString: inject('databaseUrl') });
  await db.connect();
});
afterAll(async () => {
  await db?.end();
  await browser?.close();
});

const rows = async <T>(q: string, params: unknown[]) => (await db.query(q, params)).rows as T[];

/** The 细目表 cell the journey asks for: ≥ 3 single-choice items with P in 0.66–0.74 (target 0.7 ± 0.05). */
async function richestCell() {
  const [cell] = await rows<{
    id: string;
    name: string;
    level: string;
    n: number;
    subject: string;
    grade: string;
  }>(
    `with t as (
       select ta.teacher_id, ta.subject_code, c.grade_code from teaching_assignment ta
         join term tm on tm.id = ta.term_id and tm.current
         join account a on a.person_id = ta.teacher_id and a.username = 'teacher_demo'
         join org_unit c on c.id = ta.class_id
        where ta.subject_code in ('13', '14', '41') order by ta.subject_code, c.grade_code limit 1)
     select k.id, k.name, i.cognitive_level as level, count(*)::int as n, t.subject_code as subject, t.grade_code as grade
       from t join item i on i.subject_code = t.subject_code and i.grade_code = t.grade_code
       join item_knowledge_point ik on ik.item_id = i.id
       join knowledge_point k on k.id = ik.knowledge_point_id and k.grade_code = t.grade_code
      where i.type = 'single_choice' and not i.retired and i.difficulty between 0.66 and 0.74
        and (i.share = 'city' or i.author_id = t.teacher_id)
      group by k.id, k.name, i.cognitive_level, t.subject_code, t.grade_code
     having count(*) >= 3 order by count(*) desc, k.id limit 1`,
    [],
  );
  if (!cell) throw new Error('the demo bank has no knowledge point with three medium single-choice items');
  return cell;
}

const paperItems = async (paperId: string) =>
  (
    await rows<{ item_id: string }>('select item_id from paper_item where paper_id = $1 order by position', [
      paperId,
    ])
  ).map((r) => r.item_id);

async function fillCell(page: Page, label: string, n: number) {
  const input = page.getByLabel(label, { exact: true });
  await input.fill(String(n));
  await input.blur();
}

describe('automatic test assembly', () => {
  it('builds a 细目表, reads why it cannot be met, assembles a paper and swaps an item', async () => {
    const cell = await richestCell();
    expect([cell.subject, cell.grade], 'the page starts at 数学 四年级, as the demo teacher').toEqual([
      '14',
      '14',
    ]);
    const cellLabel = `${cell.name} ${LEVEL[cell.level]}`;

    const page = await browser.newPage({ viewport: DESKTOP });
    await loginAs(page, 'teacher_demo');
    await page.goto(`${baseUrl()}/papers`);
    await page.getByTestId('paper-assemble').click();
    await page.waitForURL(/\/papers\/assemble$/);
    await page.getByTestId('assemble-paper-title').fill(TITLE);

    // The 双向细目表: one knowledge point, its level's cell, and the single-choice row.
    await page.getByTestId('blueprint-add-point').click();
    await page.keyboard.type(cell.name);
    // With the keyboard (see `choose`): the first option matching the name is the active one.
    await page.locator('.ant-select-item-option-active').filter({ hasText: cell.name }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByLabel(cellLabel, { exact: true }).waitFor();

    // More than the bank holds: the explanation names the cell and what the bank has.
    await fillCell(page, cellLabel, 50);
    await page.getByTestId('type-count-0').fill('50');
    await page.getByTestId('type-count-0').blur();
    await page.getByTestId('assemble').click();
    const conflict = page.getByTestId('assembly-conflict');
    await conflict.waitFor();
    await expect
      .poll(() => conflict.textContent())
      .toMatch(new RegExp(`细目表要求 50 道『${cell.name}·${LEVEL[cell.level]}』题，题库只有 \\d+ 道`));
    await page.screenshot({ path: `${SHOTS}/assembly-conflict.png`, fullPage: true });

    // Two items of that cell: saved as a template, then assembled.
    await fillCell(page, cellLabel, 2);
    await page.getByTestId('type-count-0').fill('2');
    await page.getByTestId('type-count-0').blur();
    await page.getByPlaceholder('模板名称').fill('分数单元细目表');
    await page.getByTestId('blueprint-save').click();
    await expect
      .poll(async () => (await rows('select 1 from blueprint where name = $1', ['分数单元细目表'])).length)
      .toBe(1);
    await page.getByTestId('assemble').click();
    await page.waitForURL(/\/papers\/[0-9a-f-]{36}$/);
    const paperId = page.url().split('/papers/')[1]!;
    await expect.poll(() => page.getByTestId('paper-item').count()).toBe(2);
    expect(await page.getByTestId('paper-title').textContent()).toContain(TITLE);
    const before = await paperItems(paperId);
    expect(before).toHaveLength(2);
    await page.screenshot({ path: `${SHOTS}/assembly-paper.png`, fullPage: true });

    // 换一题: the first item is replaced in its place; the paper still has two items of the cell.
    await page.getByTestId('item-swap').first().click();
    await expect.poll(async () => (await paperItems(paperId))[0]).not.toBe(before[0]);
    const after = await paperItems(paperId);
    expect(after[1]).toBe(before[1]);
    const [meets] = await rows<{ n: number }>(
      `select count(*)::int as n from item i join item_knowledge_point ik on ik.item_id = i.id
        where i.id = any($1::uuid[]) and ik.knowledge_point_id = $2 and i.cognitive_level = $3
          and i.type = 'single_choice'`,
      [after, cell.id, cell.level],
    );
    expect(meets!.n).toBe(2);
    await expect.poll(() => page.getByTestId('paper-item').count()).toBe(2);

    // The paper page at phone width: nothing wider than the screen.
    await page.setViewportSize(PHONE_390);
    await page.screenshot({ path: `${SHOTS}/assembly-paper-phone.png`, fullPage: true });
    const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
    expect(width).toBeLessThanOrEqual(PHONE_390.width);
    await page.goto(`${baseUrl()}/papers/assemble`);
    await page.getByTestId('assemble').waitFor();
    await page.screenshot({ path: `${SHOTS}/assembly-form-phone.png`, fullPage: true });
    const formWidth = (await page.evaluate('document.documentElement.scrollWidth')) as number;
    expect(formWidth).toBeLessThanOrEqual(PHONE_390.width);
  });
});

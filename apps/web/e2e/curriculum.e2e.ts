/** Journey: a researcher browses the backbone, links a lesson, is refused a cycle; a student reads only. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, choose, DESKTOP, launch, loginAs, PHONE, SHOTS, settled } from './browser.ts';
import { expectNoOverflow, inViewport, PHONE_390, watchConsole } from './page-health.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** The legend sits above the drawing, never on it, and the drawing fits the page's width. */
async function expectReadableGraph(page: Page) {
  const canvas = page.getByTestId('knowledge-graph').locator('canvas');
  await canvas.waitFor();
  await expect.poll(() => page.getByTestId('graph-points').locator('tbody tr').count()).toBeGreaterThan(5);
  const legend = (await page.getByTestId('graph-legend').boundingBox())!;
  const drawing = (await canvas.boundingBox())!;
  expect(legend.y + legend.height).toBeLessThanOrEqual(drawing.y + 1);
  expect(drawing.x + drawing.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  await expectNoOverflow(page);
}

describe('curriculum backbone', () => {
  it('lets a city researcher browse a volume, open a knowledge point and refuses a prerequisite cycle', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await loginAs(page, 'researcher_demo');
    await expect.poll(() => page.getByTestId('home-title').textContent()).toBe('教研工作台');
    await page.getByTestId('tool-curriculum').click();
    await page.getByTestId('curriculum-title').waitFor();
    // 数学 四年级上册 is the default view.
    await expect.poll(() => page.getByTestId('curriculum-volume').textContent()).toContain('四年级上册');
    await page.getByTestId('curriculum-tree').getByText('大数的认识').first().waitFor();
    const lesson = page.getByTestId('curriculum-tree').locator('.ant-tree-treenode-leaf').first();
    await lesson.click();
    const tags = page.getByTestId('lesson-points').locator('.ant-tag');
    await expect.poll(() => tags.count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/curriculum-catalog.png`, fullPage: true });

    // Open the point, then try to make one of the points that depend on it its prerequisite.
    await tags.first().click();
    const drawer = page.getByTestId('point-drawer');
    await drawer.waitFor();
    const dependents = drawer.locator('.ant-tag-green');
    await expect.poll(() => dependents.count()).toBeGreaterThan(0);
    const dependent = (await dependents.first().textContent())!.trim();
    await choose(page.getByTestId('prerequisite-select'), dependent, { search: dependent });
    await page.getByTestId('prerequisite-add').click();
    await expect.poll(() => drawer.getByRole('alert').textContent()).toContain('循环');
    await page.screenshot({ path: `${SHOTS}/curriculum-cycle-refused.png` });
    await page.keyboard.press('Escape');

    await page.goto(`${baseUrl()}/curriculum?subject=14&grade=21&tab=graph`);
    await expectReadableGraph(page);
    await page.screenshot({ path: `${SHOTS}/curriculum-graph.png`, fullPage: true });
    await page.close();
  });

  it('shows a student the same backbone read-only on a phone', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await loginAs(page, 'student_demo');
    await page.goto(`${baseUrl()}/curriculum?subject=13&grade=13&term=1`);
    await expect.poll(() => page.getByTestId('curriculum-volume').textContent()).toContain('三年级上册');
    expect(await page.getByTestId('curriculum-import').count()).toBe(0);
    expect(await page.getByTestId('curriculum-export').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/curriculum-student-phone.png`, fullPage: true });
    await page.close();
  });

  // Issue 9 §9, as each role uses the page at desktop and phone width: a lesson low in the tree
  // shows its details in view, with its published resources; the graph's legend stays off the
  // points; the workbook card only for those who can use it.
  const ROLES: [user: string, card: 'none' | 'export' | 'import'][] = [
    ['student_demo', 'none'],
    ['parent_demo', 'none'],
    ['teacher_demo', 'export'],
    ['researcher_demo', 'import'],
    ['city_admin', 'export'],
  ];
  for (const [name, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE_390],
  ] as const) {
    for (const [user, card] of ROLES) {
      it(`shows ${user} a lesson's details and resources beside the tree, and a readable graph (${name})`, async () => {
        const page = await browser.newPage({ viewport });
        await loginAs(page, user);
        const health = watchConsole(page);
        // A lesson with a published resource: the first demo micro-lesson placed in the backbone
        // (other journeys publish micro-lessons of no lesson).
        type Found = {
          title: string;
          subjectCode: string;
          gradeCode: string;
          term: number | null;
          lesson: { id: string; title: string } | null;
        };
        const list = (await (
          await page.request.get(`${baseUrl()}/api/resources?kind=micro_lesson&limit=20`)
        ).json()) as { items: { id: string }[] };
        let res: Found | undefined;
        for (const { id } of list.items) {
          const found = (await (await page.request.get(`${baseUrl()}/api/resources/${id}`)).json()) as Found;
          if (found.lesson && found.term) {
            res = found;
            break;
          }
        }
        if (!res?.lesson) throw new Error('no demo micro-lesson placed in the backbone');
        const lesson = res.lesson;
        // The lesson's panel lists its newest published resources: look for the newest.
        const shown = (await (
          await page.request.get(`${baseUrl()}/api/curriculum/lessons/${lesson.id}/resources?limit=20`)
        ).json()) as { items: { title: string }[] };
        const newest = shown.items[0]!.title;
        await page.goto(
          `${baseUrl()}/curriculum?subject=${res.subjectCode}&grade=${res.gradeCode}&term=${res.term}`,
        );
        const tree = page.getByTestId('curriculum-tree');
        await tree.locator('.ant-tree-treenode-leaf').first().waitFor();

        // The last lesson of the volume, at the bottom of a long tree: its details are in view.
        await tree.locator('.ant-tree-treenode-leaf').last().click();
        await page
          .getByTestId('lesson-resources')
          .or(page.getByTestId('lesson-resources-empty'))
          .first()
          .waitFor();
        await settled(page);
        const node = await inViewport(page, 'curriculum-node');
        expect(node.top).toBeGreaterThanOrEqual(0);
        expect(node.bottom).toBeLessThanOrEqual(node.height);
        await page.screenshot({ path: `${SHOTS}/curriculum-low-lesson-${user}-${name}.png` });
        if (name === 'phone') {
          await page.locator('.ant-drawer-close').click();
          await settled(page);
        }

        // The lesson of the micro-lesson lists it; its link opens the resource.
        const title = new RegExp(`^\\d+\\. ${lesson.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
        await tree.locator('.ant-tree-treenode-leaf').getByText(title).first().click();
        const link = page.getByTestId('lesson-resource').filter({ hasText: newest }).first();
        await link.waitFor();
        await settled(page);
        expect((await inViewport(page, 'curriculum-node')).visible).toBe(true);
        await expectNoOverflow(page);
        await page.screenshot({ path: `${SHOTS}/curriculum-lesson-${user}-${name}.png` });
        await link.click();
        await expect.poll(() => page.getByTestId('resource-title').textContent()).toBe(newest);

        await page.goto(`${baseUrl()}/curriculum?subject=14&grade=21&tab=graph`);
        await expectReadableGraph(page);
        expect(await page.getByTestId('curriculum-export').count()).toBe(card === 'none' ? 0 : 1);
        expect(await page.getByTestId('curriculum-import').count()).toBe(card === 'import' ? 1 : 0);
        await page.screenshot({ path: `${SHOTS}/curriculum-graph-${user}-${name}.png`, fullPage: true });
        expect(health.errors).toEqual([]);
        await page.close();
      });
    }
  }
});

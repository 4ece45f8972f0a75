/**
 * Journey (issue 11 §1): a district researcher opens the 统考's item analysis on a 375 px phone and
 * sees a flagged item, the page never scrolling sideways (the table scrolls inside its card); a
 * teacher opens the analysis of their homework from its progress page, on a desktop and a phone.
 * The researcher at desktop width (a flagged item with its reason, the reliability with its
 * reading, the options of a choice item by ability group, the chart as a picture and the figures
 * as a workbook) is a step of the whole story, diagnosis.e2e.ts.
 *
 * The demo's one researcher login is the city's (教研院): the district's researcher is made as a
 * security administrator makes one, by granting a teacher of the district the role 教研员 at the
 * district (withdrawn again at the end).
 */
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/platform/db/client.ts';
import { connectOwner } from '../../server/src/platform/db/setup.ts';
import { baseUrl, DESKTOP, databaseUrl, launch, loginAs, PHONE, SHOTS, settled } from './browser.ts';
import { expectNoOverflow, watchConsole } from './page-health.ts';

let browser: Browser;
let db: Database;
let homeworkId: string;
/** The district researcher's login, and the grant that made them one. */
let researcher: { username: string; personId: string; grantId: string };

/** A request of the signed-in page's session (cookie, and the CSRF token from "who am I"). */
async function call(page: Page, method: string, url: string, body?: unknown) {
  return page.evaluate(
    async ({ method, url, body }) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const res = await fetch(url, {
        method,
        headers: {
          'x-csrf-token': me.csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    { method, url, body },
  );
}

beforeAll(async () => {
  browser = await launch();
  db = connectOwner(databaseUrl(), 2);
  // The demo teacher's latest released homework with marked scripts: what they review tomorrow.
  const r = await db.db.execute<{ id: string }>(sql`
    select a.id from assignment a join account u on u.person_id = a.created_by and u.username = 'teacher_demo'
     where a.kind = 'homework' and a.released_at is not null
       and (select count(*) from attempt t where t.assignment_id = a.id and t.score is not null) >= 10
     order by a.opens_at desc limit 1`);
  homeworkId = r.rows[0]!.id;
  // A teacher of another school of the 统考's district, holding no other role.
  const p = await db.db.execute<{ username: string; personId: string; district: string }>(sql`
    select u.username, u.person_id as "personId", a.district_id as district
      from assignment a join org_unit s on s.district_id = a.district_id and s.kind = 'school'
      join role_assignment ra on ra.school_id = s.id and ra.role = 'teacher' and ra.active
      join account u on u.person_id = ra.person_id
     where a.kind = 'unified_exam' and u.username <> 'teacher_demo'
       and not exists (select 1 from role_assignment r2 where r2.person_id = u.person_id and r2.role <> 'teacher')
     order by u.username limit 1`);
  const { username, personId, district } = p.rows[0]!;
  const secadmin = await browser.newPage({ viewport: DESKTOP });
  await loginAs(secadmin, 'secadmin');
  const grant = await call(secadmin, 'POST', `/api/accounts/${personId}/roles`, {
    role: 'researcher',
    orgUnitId: district,
  });
  expect(grant.status, JSON.stringify(grant.body)).toBe(200);
  researcher = { username, personId, grantId: String(grant.body.id) };
});
afterAll(async () => {
  if (researcher) {
    // Each test's pages are closed when it ends: sign the security administrator in again.
    const page = await browser.newPage({ viewport: DESKTOP });
    await loginAs(page, 'secadmin');
    const revoke = await call(
      page,
      'POST',
      `/api/accounts/${researcher.personId}/roles/${researcher.grantId}/revoke`,
    );
    expect(revoke.status).toBe(200);
    await page.context().close();
  }
  await browser?.close();
  await db?.pool.end();
});

/** The district researcher signs in (as 教研员 of the district) and opens the 统考 from the list. */
async function researcherOpensExam(page: Page) {
  await loginAs(page, researcher.username);
  const switcher = page.getByTestId('role-switcher');
  if (!(await switcher.getAttribute('title'))?.startsWith('教研员')) {
    await switcher.click();
    await page.getByTestId('role-option-researcher').click();
    await expect.poll(() => switcher.getAttribute('title')).toMatch(/^教研员/);
  }
  const console = watchConsole(page);
  await page.goto(`${baseUrl()}/item-analysis`);
  await page.getByTestId('analysis-exam').first().getByRole('link').click();
  await page.getByTestId('item-analysis-title').waitFor();
  const flagged = page.getByTestId('flagged-item').or(page.getByTestId('extreme-item'));
  await flagged.first().waitFor();
  return console;
}

describe('item analysis', () => {
  it('the district researcher reads it on a 375 px phone without sideways scrolling', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    const console = await researcherOpensExam(page);
    await page.getByTestId('item-table').waitFor();
    await settled(page);
    await expectNoOverflow(page);
    await page.screenshot({ path: `${SHOTS}/item-analysis-researcher-phone.png`, fullPage: true });
    expect(console.errors).toEqual([]);
  });

  it("a teacher opens their homework's analysis from its progress page", async () => {
    for (const [viewport, name] of [
      [DESKTOP, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      const page = await browser.newPage({ viewport });
      await loginAs(page, 'teacher_demo');
      const console = watchConsole(page);
      await page.goto(`${baseUrl()}/homework/${homeworkId}`);
      await page.getByTestId('open-item-analysis').click();
      await page.getByTestId('item-analysis-title').waitFor();
      await page.getByTestId('item-table').waitFor();
      await page.getByTestId('analysis-reliability').waitFor();
      await settled(page);
      await expectNoOverflow(page);
      await page.screenshot({ path: `${SHOTS}/item-analysis-teacher-${name}.png`, fullPage: true });
      expect(console.errors).toEqual([]);
    }
  });
});

import { mkdirSync } from 'node:fs';
import { generate } from 'otplib';
import pg from 'pg';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { expect, inject, type TestContext } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../server/src/bootstrap.ts';

export const SHOTS = 'test-results/e2e';
/** Where a failing test leaves a screenshot of each page it had open and a Playwright trace. */
export const FAILURES = 'test-results/e2e-failures';
mkdirSync(SHOTS, { recursive: true });

/**
 * The platform of this worker: global-setup.ts starts one per Vitest worker, and the worker's pool
 * id (1 … maxWorkers) picks it, so the journeys running at the same time never share a database.
 */
function server() {
  const servers = inject('servers');
  return servers[(Number(process.env.VITEST_POOL_ID ?? 1) - 1) % servers.length]!;
}

export const baseUrl = () => server().baseUrl;
/** The database owner's connection string of this worker's platform (for fixtures and checks). */
export const databaseUrl = () => server().databaseUrl;

/** The contexts opened during the running test; each one is traced until the test ends. */
const traced = new Set<BrowserContext>();

/**
 * Debian's Chromium, headless, with no background traffic (the CI network is closed).
 * `browser.newPage()` opens each page in its own traced context (as Playwright's own does), kept
 * until the test ends so a failure can save what every page of the test did.
 */
export async function launch(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  browser.newPage = async (options) => {
    const context = await browser.newContext(options);
    traced.add(context);
    await context.tracing.start({ screenshots: false, snapshots: true });
    return context.newPage();
  };
  return browser;
}

/**
 * After each test (registered in `setup.ts`): when it failed, a full-page screenshot of every page
 * still open and the trace of every context (`npx playwright-core show-trace <zip>`) go to
 * `test-results/e2e-failures/<test>/`; when it passed, the traces are dropped. Contexts are closed.
 */
export async function keepFailureEvidence({ task }: TestContext): Promise<void> {
  const failed = task.result?.state === 'fail';
  const dir = `${FAILURES}/${`${task.file.name}-${task.name}`.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 120)}`;
  if (failed) mkdirSync(dir, { recursive: true });
  let n = 0;
  for (const context of traced) {
    n++;
    try {
      if (failed) {
        for (const [i, page] of context.pages().entries())
          await page.screenshot({ path: `${dir}/page-${n}.${i + 1}.png`, fullPage: true });
        await context.tracing.stop({ path: `${dir}/trace-${n}.zip` });
      } else {
        await context.tracing.stop();
      }
      await context.close();
    } catch (err) {
      // A crashed browser or a page that is gone: keep what could be saved, report the rest.
      console.error(`[e2e] could not save or close context ${n} of "${task.name}":`, err);
    }
  }
  traced.clear();
  if (failed) console.error(`[e2e] "${task.name}" failed: screenshots and traces in ${dir}`);
}

export const PHONE = { width: 375, height: 812 };
export const DESKTOP = { width: 1280, height: 800 };

/**
 * A TOTP code is accepted once per account (replay protection), and the journeys sign the same
 * administrators in several times a minute: as the server tests do, forget the last step used
 * (directly in the database, as its owner) so the current code is accepted without waiting.
 */
async function allowCurrentTotpCode(username: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    await client.query('update account set totp_last_step = null where lower(username) = lower($1)', [
      username,
    ]);
  } finally {
    await client.end();
  }
}

/**
 * Signs in as the login page does, through the same API calls (password, then the TOTP code when
 * the account needs one), in the page's own browser context, and opens the home: what most journeys
 * need before their own steps, a second or two faster than typing into the login page, which has a
 * journey of its own (roles.e2e.ts, with `signInThroughPage`).
 */
export async function loginAs(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  const res = await page.request.post(`${baseUrl()}/api/auth/login`, { data: { username, password } });
  expect(res.status(), `${username} signs in: ${await res.text()}`).toBe(200);
  const { next, csrfToken } = (await res.json()) as { next: string; csrfToken: string };
  if (next === 'totp') {
    await allowCurrentTotpCode(username);
    const verified = await page.request.post(`${baseUrl()}/api/auth/totp/verify`, {
      data: { code: await generate({ secret: DEMO_TOTP_SECRET }) },
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(verified.status(), `${username}'s TOTP code: ${await verified.text()}`).toBe(200);
  }
  await page.goto(`${baseUrl()}/`);
  await reachHome(page);
}

/** Signs in by typing into the login page (and the TOTP page when the account needs a code). */
export async function signInThroughPage(
  page: Page,
  username: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(`${baseUrl()}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  const totp = page.getByTestId('totp-code');
  await totp.or(page.getByTestId('home-title')).or(page.getByTestId('privacy-notice')).first().waitFor();
  if (await totp.isVisible()) {
    await allowCurrentTotpCode(username);
    await totp.fill(await generate({ secret: DEMO_TOTP_SECRET }));
    await page.getByTestId('totp-submit').click();
  }
  await reachHome(page);
}

/** Waits for the home; a person with a privacy notice to read sees it first (privacy.e2e.ts). */
async function reachHome(page: Page): Promise<void> {
  const home = page.getByTestId('home-title');
  const notice = page.getByTestId('privacy-notice');
  await home.or(notice).first().waitFor();
  if (await notice.isVisible()) await page.getByTestId('notice-ack').click();
  await home.waitFor();
}

/**
 * Asks `ready` every 100 ms until it says yes, or `ms` have passed; returns whether it did. For a
 * check that reports what it found itself rather than failing at the first look.
 */
export async function eventually(ready: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!(await ready())) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}

/**
 * Presses the confirming button of the pop-up confirmation that just opened, once it stands still,
 * and waits for it to close. Pressed while it zooms in, a click can land on nothing (the audit
 * journey once waited 30 s for a deletion that was never sent).
 */
export async function confirmPopup(page: Page, kind: 'primary' | 'dangerous' = 'primary'): Promise<void> {
  const popup = page.locator('.ant-popconfirm:visible');
  const button = popup.locator(`.ant-btn-${kind}`);
  await button.waitFor();
  await settled(page);
  await button.click();
  await popup.waitFor({ state: 'hidden' });
  await settled(page);
}

/**
 * Waits until nothing on the page moves: no finite CSS animation or transition is running (a
 * drawer sliding in, a dropdown unfolding). Endless ones, such as a loading spinner, do not count.
 */
export async function settled(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(() => {
        type Anim = { playState: string; effect: { getComputedTiming(): { endTime: number } } | null };
        const doc = (globalThis as unknown as { document: { getAnimations(): Anim[] } }).document;
        return doc
          .getAnimations()
          .filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity)
          .length;
      }),
    )
    .toBe(0);
}

/**
 * Chooses the option showing `text` in an Ant Design Select (`select` is its root element) with the
 * keyboard, and waits until the Select shows it. Not with a click: on a busy machine a click that
 * lands while the dropdown unfolds, or while it is moved after the page scrolled the Select into
 * view, presses on one option (or beside the list) and releases elsewhere, which selects nothing,
 * so a later step waits for a state that never comes (an assignment never made, the lessons of a
 * grade never chosen). The arrow keys move the active option whatever the dropdown's position.
 * Options fed by a query appear some time after the Select opens. `search` is typed first, for a
 * Select with search.
 */
export async function choose(select: Locator, text: string, opts: { search?: string } = {}): Promise<void> {
  const dropdown = await openSelect(select);
  const combobox = select.getByRole('combobox');
  if (opts.search) await combobox.pressSequentially(opts.search);
  await dropdown.locator('.ant-select-item-option').filter({ hasText: text }).first().waitFor();
  const active = dropdown.locator('.ant-select-item-option-active');
  const activeText = async () => ((await active.count()) === 1 ? ((await active.textContent()) ?? '') : '');
  const options = await dropdown.locator('.ant-select-item-option').count();
  for (let moves = 0; !(await activeText()).includes(text); moves++) {
    // A virtual list renders only what is near the active option: count what was there at first.
    if (moves > Math.max(options, 50)) throw new Error(`the Select never made "${text}" its active option`);
    const before = await activeText();
    await combobox.press('ArrowDown');
    await expect.poll(activeText).not.toBe(before);
  }
  await combobox.press('Enter');
  await expect.poll(() => select.textContent()).toContain(text);
}

/**
 * Opens an Ant Design Select (`select` is its root element) once the page stands still, and
 * returns its own dropdown (not another Select's that is still folding away) once it lists options.
 * For choosing with the keyboard, whose keys do nothing before the options have arrived.
 */
export async function openSelect(select: Locator): Promise<Locator> {
  const page = select.page();
  await settled(page);
  await select.click();
  const combobox = select.getByRole('combobox');
  await expect.poll(() => combobox.getAttribute('aria-controls')).toBeTruthy();
  const listId = await combobox.getAttribute('aria-controls');
  const dropdown = page.locator('.ant-select-dropdown').filter({ has: page.locator(`[id="${listId}"]`) });
  await dropdown.locator('.ant-select-item-option').first().waitFor();
  return dropdown;
}

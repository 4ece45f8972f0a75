import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The phone the issue 9 journeys use (an iPhone 12–15 class screen). */
export const PHONE_390 = { width: 390, height: 844 };

/**
 * Collects the page's console errors and uncaught exceptions from now on (after signing in: the
 * login page's own "who am I" probe answers 401 by design). A failed request shows up here too,
 * so a page that asks for what the viewer may not read fails its journey.
 */
export function watchConsole(page: Page): { errors: string[] } {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  return { errors };
}

/** Fails when anything makes the document wider than the viewport (a horizontal scrollbar). */
export async function expectNoOverflow(page: Page): Promise<void> {
  const [scroll, client] = (await page.evaluate(
    '[document.documentElement.scrollWidth, document.documentElement.clientWidth]',
  )) as [number, number];
  expect(scroll, `page ${page.url()} is ${scroll} px wide in a ${client} px viewport`).toBeLessThanOrEqual(
    client,
  );
}

/** The part of the element that lies inside the viewport, in the viewport's coordinates. */
export async function inViewport(page: Page, testId: string) {
  return page.getByTestId(testId).evaluate((el) => {
    const r = el.getBoundingClientRect();
    const h = (globalThis as unknown as { innerHeight: number }).innerHeight;
    return { top: r.top, bottom: r.bottom, visible: r.bottom > 0 && r.top < h, height: h };
  });
}

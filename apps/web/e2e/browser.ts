import { mkdirSync } from 'node:fs';
import { generate } from 'otplib';
import { type Browser, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../server/src/bootstrap.ts';

export const SHOTS = 'test-results/e2e';
mkdirSync(SHOTS, { recursive: true });

export const baseUrl = () => inject('baseUrl');

/** Debian's Chromium, headless, with no background traffic (the CI network is closed). */
export function launch(): Promise<Browser> {
  return chromium.launch({
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
}

export const PHONE = { width: 375, height: 812 };
export const DESKTOP = { width: 1280, height: 800 };

/** Logs in through the login page, giving the TOTP code when the account needs one. */
export async function loginAs(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl()}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  const totp = page.getByTestId('totp-code');
  const home = page.getByTestId('home-title');
  // A person with a privacy notice to read sees it before the home page (privacy.e2e.ts).
  const notice = page.getByTestId('privacy-notice');
  const signedIn = home.or(notice);
  await Promise.race([totp.waitFor({ timeout: 20_000 }), signedIn.waitFor({ timeout: 20_000 })]);
  if (await totp.isVisible()) {
    // A code is accepted once (replay protection): when another journey just used this 30-second
    // step's code for the same account, wait for the next step and give the new code.
    for (let attempt = 0; attempt < 3; attempt++) {
      await totp.fill(await generate({ secret: DEMO_TOTP_SECRET }));
      await page.getByTestId('totp-submit').click();
      if (
        await signedIn.waitFor({ timeout: 8_000 }).then(
          () => true,
          () => false,
        )
      )
        break;
      await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 500);
    }
  }
  await signedIn.waitFor({ timeout: 20_000 });
  if (await notice.isVisible()) await page.getByTestId('notice-ack').click();
  await home.waitFor({ timeout: 20_000 });
}

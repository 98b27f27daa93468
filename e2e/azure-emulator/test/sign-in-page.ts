import type { Browser } from 'playwright-core';
import { demoPassword } from './emulator-fixtures.ts';

/**
 * Does in Chromium what a user does on the emulator's sign-in page opened at `url`: types the user
 * name and the test password, signs in, and waits for the "You can close this tab" page our
 * loopback listener answers with.
 */
export async function signInOnPage(browser: Browser, url: string, userName: string): Promise<void> {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    await page.getByLabel('Email, phone, or Skype').fill(userName);
    await page.getByLabel('Password').fill(demoPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('You can close this tab').waitFor();
  } finally {
    await page.close();
  }
}

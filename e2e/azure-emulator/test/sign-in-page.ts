import type { Browser, Page } from 'playwright-core';
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
    await typeCredentials(page, userName);
    await page.getByText('You can close this tab').waitFor();
  } finally {
    await page.close();
  }
}

/** Does in Chromium what a user does on the device-code page at `verificationUri`: enters the code, signs in, and sees it done. */
export async function enterDeviceCodeInBrowser(
  browser: Browser,
  verificationUri: string,
  userCode: string,
  userName: string,
): Promise<void> {
  const page = await browser.newPage();
  try {
    await page.goto(verificationUri);
    await page.getByLabel('Code').fill(userCode);
    await page.getByRole('button', { name: 'Next' }).click();
    await typeCredentials(page, userName);
    await page.getByText('You have signed in').waitFor();
  } finally {
    await page.close();
  }
}

/** On the emulator's sign-in page: types the user name and the test password, and presses Sign in. */
export async function typeCredentials(page: Page, userName: string): Promise<void> {
  await page.getByLabel('Email, phone, or Skype').fill(userName);
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

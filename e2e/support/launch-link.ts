import type { Page } from '@playwright/test';

/**
 * Opens a launch link in the page the way a user does, and waits until the app has loaded from it:
 * the link lands on /auth, whose script trades the token and then goes on to the app, after the
 * navigation Playwright waits for has already finished.
 */
export async function openLaunchLink(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await page.waitForURL((url) => url.pathname === '/');
}

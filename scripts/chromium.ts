import { chromium, type Browser } from '@playwright/test';

/** Debian's Chromium, headless, as the end-to-end tests run it (CHROMIUM_PATH names another): for `npm run screenshots` and `npm run
 * bench`. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

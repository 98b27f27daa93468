/**
 * `npm run screenshots`: renders the main screens of the built renderer in Chromium, light and dark,
 * into docs/screenshots/ for the README. Uses a throwaway data folder.
 */
import { chromium } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../electron/core/core.ts';
import { startWebServer } from '../electron/web/server.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = path.join(root, 'docs/screenshots');
const dataFolder = await mkdtemp(path.join(os.tmpdir(), 'azcred-shots-'));
const core = createCore({ mode: 'browser', dataFolder: { path: dataFolder, source: 'AZCRED_HOME' }, version: '0.1.0' });
const server = await startWebServer({ core });
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 760 }, colorScheme: scheme });
    await page.goto(server.launchUrl);
    for (const section of ['accounts', 'settings']) {
      await page.goto(`${server.url}#/${section}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      const file = path.join(out, `${section}-${scheme}.png`);
      await page.screenshot({ path: file });
      console.log(`wrote ${path.relative(root, file)}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
  await rm(dataFolder, { recursive: true, force: true });
}

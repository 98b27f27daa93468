/**
 * `npm run screenshots`: renders the main screens of the built renderer in Chromium, light and dark,
 * into docs/screenshots/ for the README. The data is the demo's (scripts/demo-seed.ts: accounts,
 * identities, live tokens, a role audit) at the project's emulator, in a throwaway data folder. The
 * keychain is an in-memory stand-in (createMemoryKeychain), so the pictures never touch the real one.
 */
import type { Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../electron/core/core.ts';
import { createMemoryKeychain } from '../electron/core/vault/keychain.ts';
import { startWebServer } from '../electron/web/server.ts';
import { openLaunchLink } from '../e2e/support/launch-link.ts';
import { buildRendererIfStale, root } from './app-launch.ts';
import { launchChromium } from './chromium.ts';
import { contractCall } from './contract-call.ts';
import { seedDemo, startDemoEmulator } from './demo-seed.ts';

const out = path.join(root, 'docs/screenshots');
/** Wide enough for the role matrix beside its details, short enough to read in a README table. */
const viewport = { width: 1280, height: 760 };

/** What each screen shows before its picture is taken: the page's own data, loaded, with one item open where the page has details
 * (secrets stay masked). */
const screens: { section: string; name?: string; ready(page: Page): Promise<void> }[] = [
  { section: 'today', ready: (page) => page.getByRole('region', { name: 'Pinned recipes' }).waitFor() },
  {
    section: 'accounts',
    ready: async (page) => {
      await page.getByText('Showroom', { exact: true }).first().click();
      await page.getByRole('heading', { name: 'Showroom' }).waitFor();
    },
  },
  { section: 'identities', ready: (page) => page.getByText('Render pipeline').first().waitFor() },
  {
    section: 'tokens',
    ready: async (page) => {
      await page.getByText('Showroom (primary key)').click();
      await page.getByRole('heading', { name: /ARR access token/ }).waitFor();
    },
  },
  {
    section: 'roles',
    ready: async (page) => {
      await page.getByRole('button', { name: /^Run the audit/ }).click();
      await page
        .getByRole('table', { name: 'Role matrix' })
        .getByRole('button', { name: /on Showroom:/ })
        .first()
        .waitFor();
    },
  },
  { section: 'settings', ready: (page) => page.getByText('Azure emulator (local)').first().waitFor() },
  {
    section: 'tokens',
    name: 'palette',
    ready: async (page) => {
      await page.getByRole('listbox', { name: 'Tokens' }).waitFor();
      await page.keyboard.press('Control+k');
      await page.keyboard.type('copy token support');
      await page.getByRole('listbox', { name: 'Results' }).getByRole('option').first().waitFor();
    },
  },
];

/** pngquant, when installed, makes each picture about half the size with no visible change; without it they are kept as Chromium wrote
 * them. */
function shrink(file: string): void {
  const result = spawnSync('pngquant', [
    '--quality',
    '80-100',
    '--speed',
    '1',
    '--strip',
    '--skip-if-larger',
    '--force',
    '--output',
    file,
    file,
  ]);
  if (result.error) console.log(`(pngquant is not installed: ${path.basename(file)} is left unquantised)`);
}

buildRendererIfStale();
// A fixed name, so the Settings picture does not change with every run.
const dataFolder = path.join(os.tmpdir(), 'azcred-screenshots');
await rm(dataFolder, { recursive: true, force: true });
await mkdir(dataFolder, { recursive: true, mode: 0o700 });
const core = createCore({
  mode: 'browser',
  dataFolder: { path: dataFolder, source: 'AZCRED_HOME' },
  version: '0.1.0',
  vault: { keychain: createMemoryKeychain() },
});
const emulator = await startDemoEmulator(path.join(dataFolder, 'emulator-ca'));
const server = await startWebServer({ core });
const browser = await launchChromium();
try {
  await seedDemo(contractCall(core), emulator);
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport, colorScheme: scheme });
    await openLaunchLink(page, server.newLaunchLink().url);
    for (const { section, name, ready } of screens) {
      await page.goto(`${server.url}#/${section}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await ready(page);
      // The page's event stream stays open, so 'networkidle' never comes: a moment for fonts and transitions instead.
      await page.waitForLoadState('load');
      await page.waitForTimeout(400);
      const file = path.join(out, `${name ?? section}-${scheme}.png`);
      await page.screenshot({ path: file });
      shrink(file);
      console.log(`wrote ${path.relative(root, file)}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
  await core.close();
  await emulator.close();
  await rm(dataFolder, { recursive: true, force: true });
}

import { test as base, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../../electron/core/core.ts';
import { startWebServer, type WebServer } from '../../electron/web/server.ts';
import { openLaunchLink } from './launch-link.ts';

export interface AppUnderTest {
  server: WebServer;
  dataFolder: string;
  /** Opens the app in the page the way a user does: through a fresh launch link. */
  open(page: Page, section?: string): Promise<void>;
}

/**
 * Each test gets the real browser-mode host and core, on a free port, with a data folder of its
 * own that is removed afterwards. The renderer is the production build (`npm run build:renderer`).
 */
export const test = base.extend<{ app: AppUnderTest }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  app: async ({}, use) => {
    const dataFolder = await mkdtemp(path.join(os.tmpdir(), 'azcred-e2e-'));
    const core = createCore({ mode: 'browser', dataFolder: { path: dataFolder, source: 'AZCRED_HOME' }, version: '0.0.0-test' });
    const server = await startWebServer({ core });
    await use({
      server,
      dataFolder,
      async open(page, section) {
        await openLaunchLink(page, server.newLaunchLink().url);
        if (section) await page.goto(`${server.url}#/${section}`);
      },
    });
    await server.close();
    await core.close();
    await rm(dataFolder, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';

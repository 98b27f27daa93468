import { defineConfig } from '@playwright/test';

// End-to-end tests: the built renderer in Debian's Chromium, served by the real browser-mode host
// and core (see e2e/support/app-fixture.ts). Playwright cannot download browsers here.
// As in vitest.config.ts: a managed-identity credential's metadata-service probe goes to a loopback port nothing listens on.
process.env['AZURE_POD_IDENTITY_AUTHORITY_HOST'] ??= 'http://127.0.0.1:9';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  // Limits for a busy machine (2 cores shared with a build or a second run): a test waits on the
  // state it needs, never on time, so a long limit costs nothing when all is well; on a quiet
  // machine every test uses well under a quarter of it.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  retries: 0,
  reporter: process.env['CI'] ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    headless: true,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});

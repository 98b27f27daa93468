import { defineConfig } from 'vitest/config';

// Unit and integration tests (Node). Playwright specs are *.spec.ts and run under `npm run test:e2e`.
export default defineConfig({
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['**/node_modules/**', 'dist/**', '**/*.spec.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The emulator's CA for the SDKs; the azcred bundle the CLI tests run, rebuilt when older than its sources.
    globalSetup: ['e2e/azure-emulator/test/global-setup.ts', 'electron/cli/test-support/build-cli-if-stale.ts'],
  },
});

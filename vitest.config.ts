import { defineConfig } from 'vitest/config';

// Unit and integration tests (Node). Playwright specs are *.spec.ts and run under `npm run test:e2e`.
export default defineConfig({
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['**/node_modules/**', 'dist/**', '**/*.spec.ts'],
    pool: 'forks',
    // No test may reach a non-loopback address: a managed-identity credential with no endpoint configured probes the
    // instance metadata service, which this sends to a loopback port nothing listens on (a test may name its own).
    env: { AZURE_POD_IDENTITY_AUTHORITY_HOST: 'http://127.0.0.1:9' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The emulator's CA for the SDKs; the azcred bundle the CLI tests run, rebuilt when older than its sources.
    globalSetup: ['e2e/azure-emulator/test/global-setup.ts', 'electron/cli/test-support/build-cli-if-stale.ts'],
  },
});

import { test as base } from '@playwright/test';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startEmulator, type RunningEmulator } from '../azure-emulator/server.ts';
import { defaultScenario } from '../azure-emulator/test/emulator-fixtures.ts';
import { startBrowserModeApp, type BrowserModeApp } from './browser-mode-app.ts';

export interface TestEmulator extends RunningEmulator {
  /** Every refresh token the emulator issued, including those already redeemed (they rotate). */
  issuedRefreshTokens: Set<string>;
}

export type AppOnEmulator = BrowserModeApp;

/**
 * The real browser-mode host and core, signed in against the Azure emulator: one emulator per
 * worker (its own CA in a temporary folder), whose cloud profile each test's fresh data folder has
 * imported and made the default. Chromium trusts the emulator's TLS key by its SPKI hash, passed
 * at launch, which is why the emulator is per worker like the browser.
 */
export const test = base.extend<{ app: AppOnEmulator; scratch: string }, { emulator: TestEmulator }>({
  emulator: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const caFolder = await mkdtemp(path.join(os.tmpdir(), 'azcred-e2e-emulator-ca-'));
      const running = await startEmulator({ scenario: defaultScenario({ deviceCodeIntervalSeconds: 1 }), caFolder });
      const issuedRefreshTokens = new Set<string>();
      const refreshTokens = running.context.entra.refreshTokens;
      const set = refreshTokens.set.bind(refreshTokens);
      refreshTokens.set = (token, grant) => (issuedRefreshTokens.add(token), set(token, grant));
      await use(Object.assign(running, { issuedRefreshTokens }));
      await running.close();
      await rm(caFolder, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  launchOptions: [
    async ({ launchOptions, emulator }, use) => {
      await use({
        ...launchOptions,
        args: [...(launchOptions.args ?? []), `--ignore-certificate-errors-spki-list=${emulator.serverSpkiSha256}`],
      });
    },
    { scope: 'worker' },
  ],
  app: async ({ emulator }, use) => {
    const app = await startBrowserModeApp('azcred-e2e-identities-');
    await app.core.clouds.save(emulator.cloudProfile);
    await app.core.settings.update({ defaultCloud: emulator.cloudProfile.name });
    await use(app);
    await app.close();
  },
  /** A temporary folder for what a test writes (exports), removed after the test, passed or failed. */
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  scratch: async ({}, use) => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'azcred-e2e-scratch-'));
    await use(folder);
    await rm(folder, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';

/** Resolves to whether something accepts TCP connections on 127.0.0.1:`port`. */
export function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setTimeout(2_000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

/** The text of every file under `folder` except the vault (vault.bin and its backups), with its path. */
export async function filesOutsideVault(folder: string): Promise<{ file: string; text: string }[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && !e.name.startsWith('vault.bin')).map((e) => path.join(e.parentPath, e.name));
  return Promise.all(files.map(async (file) => ({ file: path.relative(folder, file), text: await readFile(file, 'latin1') })));
}

/** JWTs (access and ID tokens) in `text`: three base64url parts, the first two JSON objects. */
export function jwtsIn(text: string): string[] {
  return text.match(/eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]+/g) ?? [];
}

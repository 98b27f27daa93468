import { expect, test as base, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../electron/core/core.ts';
import { fastScrypt } from '../../electron/core/test-support/test-core.ts';
import type { KeychainPort } from '../../electron/core/vault/keychain.ts';
import { startWebServer, type WebServer } from '../../electron/web/server.ts';
import { openLaunchLink } from './launch-link.ts';

/** What libsecret says on a machine with a session bus but no Secret Service on it. */
const noSecretService: KeychainPort = {
  getPassword: () => Promise.reject(new Error('The name org.freedesktop.secrets was not provided by any .service files')),
  setPassword: () => Promise.reject(new Error('The name org.freedesktop.secrets was not provided by any .service files')),
  deletePassword: () => Promise.reject(new Error('The name org.freedesktop.secrets was not provided by any .service files')),
};

export interface AppWithoutKeychain {
  readonly server: WebServer;
  dataFolder: string;
  open(page: Page, section?: string): Promise<void>;
  /** Quits and starts the app again on the same data folder, as a user does the next day. */
  restart(): Promise<void>;
}

/**
 * The real browser-mode host and core on a machine where no keychain works, so the vault's other
 * modes are the user's choice. The passphrase vault uses the lowest scrypt cost to stay quick.
 */
export const test = base.extend<{ app: AppWithoutKeychain }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  app: async ({}, use) => {
    const dataFolder = await mkdtemp(path.join(os.tmpdir(), 'azcred-e2e-nokeychain-'));
    let core: Core | undefined;
    let server: WebServer | undefined;
    const start = async () => {
      await server?.close();
      await core?.close();
      core = createCore({
        mode: 'browser',
        dataFolder: { path: dataFolder, source: 'AZCRED_HOME' },
        version: '0.0.0-test',
        vault: { keychain: noSecretService, scryptParams: fastScrypt },
      });
      server = await startWebServer({ core });
    };
    await start();
    await use({
      get server() {
        if (!server) throw new Error('the app is not running');
        return server;
      },
      dataFolder,
      async open(page, section) {
        if (!server) throw new Error('the app is not running');
        await openLaunchLink(page, server.newLaunchLink().url);
        if (section) await page.goto(`${server.url}#/${section}`);
      },
      restart: start,
    });
    await server?.close();
    await core?.close();
    await rm(dataFolder, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';

/** Chooses a passphrase vault from Settings, as a user on a machine without a keychain does: the passphrase typed twice. */
export async function createPassphraseVault(app: AppWithoutKeychain, page: Page, passphrase: string): Promise<void> {
  await app.open(page, 'settings');
  await page.getByTestId('secret-storage').getByRole('button', { name: 'Use a passphrase vault…' }).click();
  const create = page.getByRole('dialog', { name: 'Use a passphrase vault' });
  await create.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(passphrase);
  await create.getByRole('textbox', { name: 'Confirm passphrase' }).fill(passphrase);
  await create.getByRole('button', { name: 'Create passphrase vault' }).click();
  await expect(create).toBeHidden();
}

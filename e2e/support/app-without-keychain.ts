import { expect, test as base, type Page } from '@playwright/test';
import { fastScrypt } from '../../electron/core/test-support/test-core.ts';
import type { KeychainPort } from '../../electron/core/vault/keychain.ts';
import { startBrowserModeApp, type BrowserModeApp } from './browser-mode-app.ts';

/** What libsecret says on a machine with a session bus but no Secret Service on it. */
const noSecretService: KeychainPort = {
  getPassword: () => Promise.reject(new Error('The name org.freedesktop.secrets was not provided by any .service files')),
  setPassword: () => Promise.reject(new Error('The name org.freedesktop.secrets was not provided by any .service files')),
  deletePassword: () => Promise.reject(new Error('The name org.freedesktop.secrets was not provided by any .service files')),
};

export type AppWithoutKeychain = BrowserModeApp;

/**
 * The real browser-mode host and core on a machine where no keychain works, so the vault's other
 * modes are the user's choice. The passphrase vault uses the lowest scrypt cost to stay quick.
 */
export const test = base.extend<{ app: AppWithoutKeychain }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  app: async ({}, use) => {
    const app = await startBrowserModeApp('azcred-e2e-nokeychain-', { keychain: noSecretService, scryptParams: fastScrypt });
    await use(app);
    await app.close();
  },
});

export { expect } from '@playwright/test';

/** Starts the app again (as the next day), opens it and unlocks the passphrase vault from the page's notice. */
export async function restartAndUnlock(app: AppWithoutKeychain, page: Page, passphrase: string): Promise<void> {
  await app.restart();
  await app.open(page);
  const locked = page.getByRole('region', { name: 'Secrets are not available' });
  await locked.getByLabel('Vault passphrase').fill(passphrase);
  await locked.getByRole('button', { name: 'Unlock' }).click();
}

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

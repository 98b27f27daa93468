import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runPrintedCli, startDemo } from '../scripts/test-support/demo-run.ts';
import { test as withoutKeychain } from './support/app-without-keychain.ts';
import { expect, test } from '@playwright/test';

/** `npm run demo` on a machine without a Secret Service: the vault the user chooses in the banner gets the sample data, and the page
 * shows it. */

const noSecretService = 'unix:path=/nonexistent';

test(
  'choosing a passphrase vault in the banner fills the page with the sample data without a reload, and the printed CLI opens it ' +
    'with the passphrase',
  async ({ page }) => {
    test.setTimeout(120_000);
    const home = await mkdtemp(path.join(os.tmpdir(), 'azcred-e2e-demo-'));
    // No Secret Service on the session bus.
    const run = startDemo(home, ['--fresh'], { ...process.env, DBUS_SESSION_BUS_ADDRESS: noSecretService });
    try {
      const link = await run.waitFor(/Open: (\S+)/);
      expect(run.output()).toContain(
        "Choose in the app's banner: a passphrase vault (the CLI can open it too) or memory only (the CLI cannot read it).",
      );
      expect(run.output()).not.toContain('CLI on the same data');

      await page.goto(link);
      const banner = page.getByRole('region', { name: 'Secrets are not available' });
      const empty = page.getByRole('region', { name: 'No accounts yet' });
      await expect(empty).toContainText(
        'when you add a key, choose a passphrase vault (the azcred CLI can open it too, with the passphrase), or memory only',
      );
      await expect(empty).not.toContainText('your OS keychain');
      // Set on this page only: still there afterwards means the page was not loaded again.
      await page.evaluate(() => Object.assign(window, { notReloaded: true }));

      const passphrase = 'demo passphrase 42';
      await banner.getByRole('button', { name: 'Use a passphrase vault…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Use a passphrase vault' });
      await dialog.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(passphrase);
      await dialog.getByRole('textbox', { name: 'Confirm passphrase' }).fill(passphrase);
      await dialog.getByRole('button', { name: 'Create passphrase vault' }).click();

      const accounts = page.getByRole('listbox', { name: 'Accounts' }).getByRole('option');
      await expect(accounts).toHaveCount(5, { timeout: 60_000 });
      await expect(banner).toBeHidden();
      // The emulator's cloud came with the data: the page read the clouds again too.
      await expect(page.getByRole('option', { name: /Showroom/ })).toContainText('Azure emulator (local)');
      expect(await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);

      // The summary and the CLI's lines are printed one after the other, and may arrive in separate reads: wait for the last.
      await run.waitFor(/Sample data added; the page shows it now/);
      await run.waitFor(/reads it from AZCRED_VAULT_PASSPHRASE/);
      const cli = runPrintedCli(run.output(), { AZCRED_VAULT_PASSPHRASE: passphrase, DBUS_SESSION_BUS_ADDRESS: noSecretService });
      expect(cli.dataFolder).toBe(path.join(home, 'data'));
      expect(cli.token).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    } finally {
      run.child.kill('SIGINT');
      await run.exited;
      await rm(home, { recursive: true, force: true });
    }
  },
);

withoutKeychain(
  'the empty Accounts page names where keys go in the vault mode in use: never the OS keychain for a passphrase vault or memory only',
  async ({ app, page }) => {
    await app.open(page, 'accounts');
    const empty = page.getByRole('region', { name: 'No accounts yet' });
    const banner = page.getByRole('region', { name: 'Secrets are not available' });
    await expect(empty).toContainText('This machine has no keychain the app can use: when you add a key, choose a passphrase vault');

    await banner.getByRole('button', { name: 'Use memory only for this session' }).click();
    await expect(banner).toBeHidden();
    await expect(empty).toContainText(
      'Keys are stored in memory for this session only: they are forgotten when the app closes, and the azcred CLI cannot read them.',
    );
    await expect(empty).not.toContainText(/keychain/i);

    await app.restart();
    await app.open(page, 'accounts');
    await banner.getByRole('button', { name: 'Use a passphrase vault…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Use a passphrase vault' });
    await dialog.getByRole('textbox', { name: 'Passphrase', exact: true }).fill('a long passphrase');
    await dialog.getByRole('textbox', { name: 'Confirm passphrase' }).fill('a long passphrase');
    await dialog.getByRole('button', { name: 'Create passphrase vault' }).click();
    await expect(banner).toBeHidden();
    await expect(empty).toContainText('Keys are stored in an encrypted vault whose key comes from your passphrase, never in a plain file.');
    await expect(empty).not.toContainText(/keychain/i);
  },
);

import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createPassphraseVault, expect, test } from './support/app-without-keychain.ts';

const passphrase = 'correct horse battery staple';
const newPassphrase = 'a brand new passphrase';

// A passphrase vault whose header is damaged and whose record keeps nothing to check a passphrase
// against (as an older version wrote it): no passphrase opens it, and the way out is the explicit,
// confirmed start of a new, empty vault, which moves the old file aside.
test('a passphrase vault no passphrase can open is replaced only by the confirmed Start a new, empty vault', async ({ app, page }) => {
  await createPassphraseVault(app, page, passphrase);

  await app.restart();
  const record = path.join(app.dataFolder, 'vault.json');
  const { passphraseCheck: _dropped, ...older } = JSON.parse(await readFile(record, 'utf8')) as Record<string, unknown>;
  await writeFile(record, JSON.stringify(older));
  const vaultFile = path.join(app.dataFolder, 'vault.bin');
  const bytes = await readFile(vaultFile);
  // Byte 10 sits in the file's JSON header: the salt and key check there can no longer be read.
  bytes[10] = '!'.charCodeAt(0);
  await writeFile(vaultFile, bytes);

  await app.open(page);
  const locked = page.getByRole('region', { name: 'Secrets are not available' });
  const field = locked.getByLabel('Vault passphrase');
  await field.fill(passphrase);
  await locked.getByRole('button', { name: 'Unlock' }).click();
  await expect(field).toHaveAccessibleDescription(/no passphrase can be checked/);

  await locked.getByRole('button', { name: 'Start a new, empty vault…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start a new, empty vault' });
  await dialog.getByRole('textbox', { name: 'New passphrase' }).fill('short');
  await dialog.getByRole('textbox', { name: 'Confirm passphrase' }).fill('short');
  await dialog.getByRole('button', { name: 'Start a new vault' }).click();
  // The rules for a new passphrase, and the confirmation, hold before anything changes.
  await expect(dialog.getByRole('textbox', { name: 'New passphrase' })).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('checkbox', { name: 'I understand the new vault starts empty' })).toHaveAccessibleDescription(
    'Confirm that the new vault starts empty',
  );
  expect(await readFile(vaultFile)).toEqual(bytes);

  await dialog.getByRole('textbox', { name: 'New passphrase' }).fill(newPassphrase);
  await dialog.getByRole('textbox', { name: 'Confirm passphrase' }).fill(newPassphrase);
  await dialog.getByRole('checkbox', { name: 'I understand the new vault starts empty' }).check();
  await dialog.getByRole('button', { name: 'Start a new vault' }).click();
  await expect(dialog).toBeHidden();
  await expect(locked).toBeHidden();
  // The old file was moved aside, never deleted.
  const files = await readdir(app.dataFolder);
  const asideNames = files.filter((name) => name.startsWith('vault.bin.') && name !== 'vault.bin.bak');
  expect(asideNames.length).toBeGreaterThan(0);
  const aside = await Promise.all(asideNames.map((name) => readFile(path.join(app.dataFolder, name))));
  expect(aside.some((b) => b.equals(bytes))).toBe(true);

  // The new vault opens with the new passphrase after a restart.
  await app.restart();
  await app.open(page);
  await page.getByRole('region', { name: 'Secrets are not available' }).getByLabel('Vault passphrase').fill(newPassphrase);
  await page.getByRole('region', { name: 'Secrets are not available' }).getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('region', { name: 'Secrets are not available' })).toBeHidden();
});

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { addArrAccount, addSampleArrAccount, arr, seriousAccessibilityProblems } from './support/accounts-page.ts';
import { createPassphraseVault, expect, restartAndUnlock, test } from './support/app-without-keychain.ts';

const passphrase = 'correct horse battery staple';

test('without a keychain the Accounts page says why and the user chooses a passphrase vault, unlocked after a restart', async ({
  app,
  page,
}) => {
  await app.open(page);
  const banner = page.getByRole('region', { name: 'Secrets are not available' });
  await expect(banner).toContainText('No Secret Service is running');
  await expect(banner.getByRole('button', { name: 'Try the keychain again' })).toBeVisible();
  await expect(banner).toContainText('Memory only saves nothing');
  expect(await seriousAccessibilityProblems(page), 'Accounts page with the vault banner').toEqual([]);

  // Adding an account with a key offers the choice of vault inside the form; left unchosen, nothing is added.
  let dialog = await addArrAccount(page, { name: arr.name, accountId: arr.accountId, domain: arr.region, primaryKey: arr.primaryKey });
  await expect(dialog.getByTestId('vault-choice')).toContainText('Choose where the key is stored');
  await expect(dialog.getByTestId('vault-choice')).toContainText('No Secret Service is running');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'No accounts yet' })).toBeVisible();

  // A new passphrase vault asks for the passphrase twice.
  await banner.getByRole('button', { name: 'Use a passphrase vault…' }).click();
  dialog = page.getByRole('dialog', { name: 'Use a passphrase vault' });
  await dialog.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(passphrase);
  await dialog.getByRole('textbox', { name: 'Confirm passphrase' }).fill('something else');
  await dialog.getByRole('button', { name: 'Create passphrase vault' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Confirm passphrase' })).toHaveAccessibleDescription('The two passphrases differ');
  await dialog.getByRole('textbox', { name: 'Confirm passphrase' }).fill(passphrase);
  await dialog.getByRole('button', { name: 'Create passphrase vault' }).click();
  await expect(dialog).toBeHidden();
  await expect(banner).toBeHidden();

  await addSampleArrAccount(page);
  await page.getByRole('navigation').getByText('Settings', { exact: true }).click();
  await expect(page.getByTestId('secret-storage')).toContainText('Passphrase');
  await expect(page.getByTestId('vault-location')).toContainText(app.dataFolder);
  await expect(page.getByTestId('vault-secret-count')).toHaveText('1');

  // Next start: the vault is locked until the passphrase is typed; the accounts are listed meanwhile.
  await app.restart();
  await app.open(page);
  const locked = page.getByRole('region', { name: 'Secrets are not available' });
  await expect(locked).toContainText('The vault is locked');
  await expect(page.getByRole('listbox', { name: 'Accounts' }).getByRole('option')).toHaveText([/Contoso dev/]);
  const field = locked.getByLabel('Vault passphrase');
  await field.fill('not the passphrase');
  await locked.getByRole('button', { name: 'Unlock' }).click();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await field.fill(passphrase);
  await locked.getByRole('button', { name: 'Unlock' }).click();
  await expect(locked).toBeHidden();
  await page.getByRole('option', { name: /Contoso dev/ }).click();
  await page.getByRole('button', { name: 'Reveal primary key' }).click();
  await expect(page.getByTestId('secret-primaryKey')).toHaveText(arr.primaryKey);
});

test('a memory-only session is the user’s explicit choice and Settings says nothing is saved', async ({ app, page }) => {
  await app.open(page, 'settings');
  const storage = page.getByTestId('secret-storage');
  await expect(storage).toContainText('Stored keys cannot be used right now');
  await storage.getByRole('button', { name: 'Use memory only for this session' }).click();
  await expect(storage).toContainText('Memory only');
  await expect(page.getByTestId('vault-location')).toHaveText('None: this session keeps secrets in memory only.');
  await page.getByRole('navigation').getByText('Accounts', { exact: true }).click();
  await expect(page.getByRole('region', { name: 'Secrets are not available' })).toBeHidden();
  await addSampleArrAccount(page);
  await expect(page.getByRole('listbox', { name: 'Accounts' }).getByRole('option')).toHaveCount(1);
});

test('a damaged vault file is set aside, the page says where, and the lost key is added again with Edit', async ({ app, page }) => {
  await createPassphraseVault(app, page, passphrase);
  await page.getByRole('navigation').getByText('Accounts', { exact: true }).click();
  await addSampleArrAccount(page);

  await writeFile(path.join(app.dataFolder, 'vault.bin'), 'not a vault any more');
  await restartAndUnlock(app, page, passphrase);
  await expect(page.getByText('The vault file was damaged')).toBeVisible();
  await expect(page.getByText(/It was moved aside, not deleted: .*vault/)).toContainText(app.dataFolder);

  const list = page.getByRole('listbox', { name: 'Accounts' });
  await expect(list.getByRole('option', { name: /Contoso dev/ })).toContainText('Key missing');
  await list.getByRole('option', { name: /Contoso dev/ }).click();
  const detail = page.getByRole('region', { name: arr.name });
  await expect(detail).toContainText('Primary key missing');
  await expect(detail.getByRole('button', { name: 'Reveal primary key' })).toHaveCount(0);
  await detail.getByRole('button', { name: 'Edit to add the key again' }).click();
  const edit = page.getByRole('dialog', { name: `Edit ${arr.name}` });
  await edit.getByRole('textbox', { name: 'Primary key' }).fill(arr.primaryKey);
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  await expect(detail).not.toContainText('Primary key missing');
  await detail.getByRole('button', { name: 'Reveal primary key' }).click();
  await expect(detail.getByTestId('secret-primaryKey')).toHaveText(arr.primaryKey);
});

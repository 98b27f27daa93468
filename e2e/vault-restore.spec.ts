import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { addSampleArrAccount, arr } from './support/accounts-page.ts';
import { createPassphraseVault, expect, restartAndUnlock, test } from './support/app-without-keychain.ts';

const passphrase = 'correct horse battery staple';

test('a damaged vault file is set aside and "Restore the last backup" on the notice brings the lost key back', async ({ app, page }) => {
  await createPassphraseVault(app, page, passphrase);
  await page.getByRole('navigation').getByText('Accounts', { exact: true }).click();
  await addSampleArrAccount(page);

  // A bad block in the ciphertext: the header still reads, the file no longer decrypts.
  const file = path.join(app.dataFolder, 'vault.bin');
  const bytes = await readFile(file);
  bytes[bytes.length - 3]! ^= 0xff;
  await writeFile(file, bytes);
  await restartAndUnlock(app, page, passphrase);
  await expect(page.getByText('The vault file was damaged')).toBeVisible();
  await expect(page.getByText(/restore the last backup: Restore the last backup on this notice/)).toBeVisible();

  await page.getByRole('button', { name: 'Restore the last backup' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Restored.' })).toContainText('The vault holds 1 secret');
  await page.reload();
  await expect(page.getByText('The vault file was damaged')).toHaveCount(0);
  const list = page.getByRole('listbox', { name: 'Accounts' });
  await expect(list.getByRole('option', { name: /Contoso dev/ })).not.toContainText('Key missing');
  await list.getByRole('option', { name: /Contoso dev/ }).click();
  const detail = page.getByRole('region', { name: arr.name });
  await detail.getByRole('button', { name: 'Reveal primary key' }).click();
  await expect(detail.getByTestId('secret-primaryKey')).toHaveText(arr.primaryKey);
});

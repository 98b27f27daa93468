import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sessionSecretHeader, sessionSecretKey } from '../shared/browser-session.ts';
import { acs, arr, chooseAccountAction } from './support/accounts-page.ts';
import { expect, test } from './support/app-fixture.ts';

const contosoEnv = [`ARR_ACCOUNT_ID=${arr.accountId}`, `ARR_ACCOUNT_DOMAIN=${arr.region}`, `ARR_ACCOUNT_KEY=${arr.primaryKey}`, ''].join(
  '\n',
);
const passphrase = 'correct horse battery staple';

test('a user imports a connection string and a .env file, exports them encrypted, and imports the file back', async ({ app, page }) => {
  const exports = await mkdtemp(path.join(os.tmpdir(), 'azcred-e2e-exports-'));
  await app.open(page);
  const list = page.getByRole('listbox', { name: 'Accounts' });

  // Pasted connection string: previewed first, then added.
  await page.getByRole('button', { name: 'Import' }).click();
  let dialog = page.getByRole('dialog', { name: 'Import accounts' });
  await dialog.getByRole('textbox', { name: 'Text to import' }).fill(acs.connectionString);
  await dialog.getByRole('button', { name: 'Preview' }).click();
  const preview = dialog.getByRole('table', { name: 'Accounts in the file' });
  await expect(preview.getByRole('row')).toHaveCount(2);
  await expect(preview).toContainText('Ready');
  await expect(preview).toContainText('access key');
  await dialog.getByRole('button', { name: 'Import 1 account' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Added 1 account.');
  await expect(dialog.getByRole('button', { name: 'Close' }), 'the focus moves to Close with the result').toBeFocused();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(list.getByRole('option').first()).toContainText('fabrikam-chat.communication.azure.com');

  // A .env file, chosen rather than pasted: named after the file.
  await page.getByRole('button', { name: 'Import' }).click();
  dialog = page.getByRole('dialog', { name: 'Import accounts' });
  await dialog.getByTestId('import-file').setInputFiles({ name: 'contoso.env', mimeType: 'text/plain', buffer: Buffer.from(contosoEnv) });
  await expect(dialog).toContainText('contoso.env');
  await expect(dialog.getByRole('textbox', { name: 'Text to import' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByRole('checkbox', { name: 'Import contoso' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Import 1 account' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Added 1 account.');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(list.getByRole('option')).toHaveCount(2);
  expect(await page.content()).not.toContain(arr.primaryKey);

  // Export with keys: only into an encrypted file that only the user can read.
  await page.getByRole('button', { name: 'Export' }).click();
  dialog = page.getByRole('dialog', { name: 'Export accounts' });
  const savePath = dialog.getByRole('textbox', { name: 'Save to' });
  await expect(savePath).toHaveValue(
    new RegExp(`^${os.homedir().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/azcred-accounts-\\d{4}-\\d{2}-\\d{2}\\.json$`),
  );
  await dialog.getByRole('checkbox', { name: /Include keys and connection strings/ }).check();
  await dialog.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(passphrase);
  await dialog.getByRole('textbox', { name: 'Confirm passphrase' }).fill(passphrase);
  // The app's own data folder is refused (an export must never replace its files), on the field.
  await savePath.fill(path.join(app.dataFolder, 'vault.bin'));
  await dialog.getByRole('button', { name: 'Export' }).click();
  await expect(dialog.getByText(/inside the app's data folder.*choose another folder/)).toBeVisible();
  await expect(savePath).toHaveAttribute('aria-invalid', 'true');
  const file = path.join(exports, 'exported-accounts.json');
  await savePath.fill(file);
  await dialog.getByRole('button', { name: 'Export' }).click();
  await expect(dialog.getByRole('status')).toContainText('Exported 2 accounts with their keys, encrypted');
  await expect(dialog.getByRole('button', { name: 'Close' }), 'the focus moves to Close with the result').toBeFocused();
  await expect(dialog.getByRole('status')).toContainText(file);
  await expect(dialog.getByRole('status')).toContainText('readable only by you');
  expect((await stat(file)).mode & 0o777).toBe(0o600);
  const written = await readFile(file, 'utf8');
  expect(written).not.toContain(arr.primaryKey);
  expect(written).not.toContain(acs.accessKey);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Delete one, then bring it back from the encrypted file: the passphrase is asked for.
  await list.getByRole('option', { name: /contoso/ }).click();
  await chooseAccountAction(page, page.getByRole('region', { name: 'contoso' }), 'Delete…');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await expect(list.getByRole('option')).toHaveCount(1);

  await page.getByRole('button', { name: 'Import' }).click();
  dialog = page.getByRole('dialog', { name: 'Import accounts' });
  await dialog.getByTestId('import-file').setInputFiles(file);
  await dialog.getByRole('button', { name: 'Preview' }).click();
  const secret = dialog.getByRole('textbox', { name: 'Passphrase of the encrypted file' });
  await expect(secret).toHaveAttribute('aria-invalid', 'true');
  await secret.fill(passphrase);
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByRole('checkbox', { name: 'Import contoso' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: /Import fabrikam/ })).toBeDisabled(); // already here
  await dialog.getByRole('button', { name: 'Import 1 account' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Added 1 account.');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await list.getByRole('option', { name: /contoso/ }).click();
  const detail = page.getByRole('region', { name: 'contoso' });
  await detail.getByRole('button', { name: 'Reveal primary key' }).click();
  await expect(detail.getByTestId('secret-primaryKey')).toHaveText(arr.primaryKey);
  await rm(exports, { recursive: true, force: true });
});

test('the list stays quick with two thousand accounts: only the rows in view are rendered', async ({ app, page }) => {
  await app.open(page);
  const accounts = Array.from({ length: 2000 }, (_, i) => ({
    kind: 'arr',
    name: `Account ${i}`,
    accountId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    accountDomain: i % 2 ? 'westeurope' : 'eastus',
    tags: [i % 2 ? 'odd' : 'even'],
    // One in four (all odd) lives in Azure Government, for the cloud filter.
    cloud: i % 4 === 1 ? 'AzureUSGovernment' : 'AzureCloud',
  }));
  const report = await page.evaluate(
    async ({ text, session }) => {
      const headers = { 'Content-Type': 'application/json', [session.header]: sessionStorage.getItem(session.key) ?? '' };
      const response = await fetch('api/accounts.import', {
        method: 'POST',
        headers,
        body: JSON.stringify({ text, fileName: 'many.json' }),
      });
      return (await response.json()) as { ok: boolean; value?: { added: number } };
    },
    { text: JSON.stringify(accounts), session: { header: sessionSecretHeader, key: sessionSecretKey } },
  );
  expect(report.value?.added).toBe(2000);
  await page.reload();

  const list = page.getByRole('listbox', { name: 'Accounts' });
  await expect(page.getByTestId('account-count')).toHaveText('2,000 accounts');
  expect(await list.getByRole('option').count()).toBeLessThan(60);
  await expect(list.getByRole('option').first()).toHaveAttribute('aria-setsize', '2000');

  // End goes to the last account (names sort as numbers do), Enter opens it.
  await list.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Account 1999' })).toBeVisible();
  expect(await list.getByRole('option').count()).toBeLessThan(60);

  const search = page.getByRole('searchbox', { name: 'Search accounts' });
  const started = Date.now();
  await search.fill('Account 1234');
  await expect(page.getByTestId('account-count')).toHaveText('1 of 2,000');
  expect(Date.now() - started, 'a search over 2,000 accounts answers at once, even on a busy machine').toBeLessThan(5_000);
  await search.fill('');
  await page.getByRole('combobox', { name: 'Tag' }).click();
  await page.getByRole('option', { name: 'odd', exact: true }).click();
  await expect(page.getByTestId('account-count')).toHaveText('1,000 of 2,000');
  // The cloud filter narrows the tag's accounts further, by the cloud's display name.
  await page.getByRole('combobox', { name: 'Cloud' }).click();
  await page.getByRole('option', { name: 'Azure Government (US)', exact: true }).click();
  await expect(page.getByTestId('account-count')).toHaveText('500 of 2,000');
  await expect(list.getByRole('option').first()).toContainText('Azure Government (US)');
  await page.getByRole('combobox', { name: 'Cloud' }).click();
  await page.getByRole('option', { name: 'All clouds', exact: true }).click();
  await expect(page.getByTestId('account-count')).toHaveText('1,000 of 2,000');
});

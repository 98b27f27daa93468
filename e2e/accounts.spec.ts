import {
  acs,
  addAcsResource,
  addArrAccount,
  addSampleArrAccount,
  arr,
  chooseAccountAction,
  openAddDialog,
  seriousAccessibilityProblems,
  updateSettings,
} from './support/accounts-page.ts';
import { expect, test } from './support/app-fixture.ts';
import { pageErrors } from './support/page-errors.ts';

// The journeys run against the real core in browser mode, so the page copies through the
// browser's clipboard: the tests grant it and read it back.
test.beforeEach(async ({ context, app }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.server.url).origin });
});

test('a user adds an ARR account and an ACS resource, finds, reveals, copies, renames and annotates, and deletes them', async ({
  app,
  page,
}) => {
  const errors = pageErrors(page);
  await app.open(page);
  await expect(page.getByRole('heading', { level: 2, name: 'No accounts yet' })).toBeVisible();

  // A bad account ID is named under its field, and nothing is saved.
  let dialog = await addArrAccount(page, { name: arr.name, accountId: 'not-a-guid', domain: arr.region, primaryKey: arr.primaryKey });
  const accountId = dialog.getByRole('textbox', { name: 'Account ID' });
  await expect(accountId).toHaveAttribute('aria-invalid', 'true');
  await expect(accountId).toHaveAccessibleDescription(/An account ID is a GUID/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'No accounts yet' })).toBeVisible();

  dialog = await addArrAccount(page, {
    name: arr.name,
    accountId: arr.accountId,
    domain: arr.region,
    primaryKey: arr.primaryKey,
    tags: 'dev, team-a',
  });
  await expect(dialog).toBeHidden();
  dialog = await addAcsResource(page, { name: acs.name, connectionString: acs.connectionString, tags: 'chat' });
  await expect(dialog).toBeHidden();

  const list = page.getByRole('listbox', { name: 'Accounts' });
  await expect(list.getByRole('option')).toHaveCount(2);
  await expect(list.getByRole('option', { name: /Contoso dev/ })).toContainText('westeurope.mixedreality.azure.com');
  await expect(list.getByRole('option', { name: /Fabrikam chat/ })).toContainText('fabrikam-chat.communication.azure.com');
  await expect(page.getByTestId('account-count')).toHaveText('2 accounts');
  // Keys are never on the page unless revealed.
  expect(await page.content()).not.toContain(arr.primaryKey);
  expect(await page.content()).not.toContain(acs.accessKey);

  // Search (reached with Ctrl+F), then the kind filter.
  await list.focus();
  await page.keyboard.press('Control+f');
  const search = page.getByRole('searchbox', { name: 'Search accounts' });
  await expect(search).toBeFocused();
  await page.keyboard.type('fabrikam');
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(page.getByTestId('account-count')).toHaveText('1 of 2');
  await search.fill('team-a');
  await expect(list.getByRole('option')).toHaveText([/Contoso dev/]);
  await search.fill('');
  await page.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'Communication Services', exact: true }).click();
  await expect(list.getByRole('option')).toHaveText([/Fabrikam chat/]);
  await page.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'All kinds', exact: true }).click();
  await expect(list.getByRole('option')).toHaveCount(2);

  // Arrow keys move through the list and Enter opens the account: from the search box down.
  await search.focus();
  await page.keyboard.press('ArrowDown');
  await expect(list).toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  const detail = page.getByRole('region', { name: arr.name });
  await expect(detail.getByRole('heading', { level: 2, name: arr.name })).toBeVisible();
  await expect(detail).toContainText(arr.accountId);
  await expect(detail).toContainText('Account keys are for development only');

  // Reveal shows the key with a countdown; Hide masks it again.
  const primary = detail.getByTestId('secret-primaryKey');
  await expect(primary).not.toContainText(arr.primaryKey);
  await detail.getByRole('button', { name: 'Reveal primary key' }).click();
  await expect(primary).toHaveText(arr.primaryKey);
  await expect(detail.getByText(/Hides again in \d+ s/)).toBeVisible();
  await detail.getByRole('button', { name: 'Hide primary key' }).click();
  await expect(primary).not.toContainText(arr.primaryKey);
  expect(await page.content()).not.toContain(arr.primaryKey);

  // Copy puts the key on the clipboard without showing it.
  await detail.getByRole('button', { name: 'Copy primary key' }).click();
  await expect(detail.getByText('Copied; clipboard clears in 30 s')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(arr.primaryKey);
  expect(await page.content()).not.toContain(arr.primaryKey);

  // The ACS resource: endpoint shown, key masked, connection string copied whole.
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await list.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const acsDetail = page.getByRole('region', { name: acs.name });
  await expect(acsDetail).toContainText(acs.endpoint);
  await acsDetail.getByRole('button', { name: 'Copy connection string' }).click();
  await expect(acsDetail.getByText('Copied; clipboard clears in 30 s')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(acs.connectionString);
  expect(await page.content()).not.toContain(acs.accessKey);

  // Rename through Edit; the stored key is kept.
  await list.getByRole('option', { name: /Contoso dev/ }).click();
  await detail.getByRole('button', { name: 'Edit' }).click();
  dialog = page.getByRole('dialog', { name: `Edit ${arr.name}` });
  await expect(dialog.getByRole('textbox', { name: 'Primary key' })).toHaveAttribute('placeholder', 'Leave empty to keep the stored key');
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Contoso staging');
  await dialog.getByRole('textbox', { name: 'Notes' }).fill('Showroom build; keys rotate monthly');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  const renamed = page.getByRole('region', { name: 'Contoso staging' });
  await expect(renamed.getByRole('heading', { level: 2 })).toHaveText('Contoso staging');
  await expect(renamed).toContainText('Showroom build; keys rotate monthly');
  await expect(list.getByRole('option')).toHaveText([/Contoso staging/, /Fabrikam chat/]);
  await renamed.getByRole('button', { name: 'Reveal primary key' }).click();
  await expect(renamed.getByTestId('secret-primaryKey')).toHaveText(arr.primaryKey);

  // Delete asks first, naming the account and its keys.
  await chooseAccountAction(page, renamed, 'Delete…');
  const confirm = page.getByRole('alertdialog', { name: 'Delete “Contoso staging”?' });
  await expect(confirm).toContainText('removed from the vault');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(confirm).toBeHidden();
  await expect(list.getByRole('option')).toHaveText([/Fabrikam chat/]);
  await expect(page.getByText('Choose an account to see its details and keys.')).toBeVisible();

  // Settings says where the secrets went.
  await page.getByRole('navigation').getByText('Settings', { exact: true }).click();
  const storage = page.getByTestId('secret-storage');
  await expect(storage).toContainText('OS keychain');
  await expect(page.getByTestId('vault-location')).toContainText(app.dataFolder);
  await expect(page.getByTestId('vault-secret-count')).toHaveText('1');
  // The virtual list positions rows through the CSSOM, which the CSP allows: no violation, no error.
  expect(errors).toEqual([]);
});

test('a revealed key is masked again after the reveal time, and a copied key leaves the clipboard', async ({ app, page }) => {
  await app.open(page);
  await updateSettings(page, { revealSeconds: 3, clipboardClearSeconds: 5 });
  await page.reload();
  await addSampleArrAccount(page);
  const detail = page.getByRole('region', { name: arr.name });
  const primary = detail.getByTestId('secret-primaryKey');

  await detail.getByRole('button', { name: 'Reveal primary key' }).click();
  await expect(primary).toHaveText(arr.primaryKey);
  await expect(detail.getByText(/Hides again in [1-3] s/)).toBeVisible();
  await expect(primary).not.toContainText(arr.primaryKey);
  await expect(detail.getByRole('button', { name: 'Reveal primary key' })).toBeVisible();

  await detail.getByRole('button', { name: 'Copy primary key' }).click();
  await expect(detail.getByText('Copied; clipboard clears in 5 s')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(arr.primaryKey);
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('');

  // Something else the user copied afterwards is left alone.
  await detail.getByRole('button', { name: 'Copy primary key' }).click();
  await expect(detail.getByText('Copied; clipboard clears in 5 s')).toBeVisible();
  await page.evaluate(() => navigator.clipboard.writeText('the user’s own text'));
  await page.waitForTimeout(6_000);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('the user’s own text');
});

test('the Accounts page, its detail pane and the add dialog have no serious accessibility problems, in light and dark', async ({
  app,
  page,
}) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await app.open(page);
    if (scheme === 'light') {
      await expect(page.getByRole('heading', { level: 2, name: 'No accounts yet' })).toBeVisible();
      expect(await seriousAccessibilityProblems(page)).toEqual([]);
      await addSampleArrAccount(page, { tags: 'dev' });
      await expect(await addAcsResource(page, { name: acs.name, connectionString: acs.connectionString })).toBeHidden();
    }
    await page
      .getByRole('listbox', { name: 'Accounts' })
      .getByRole('option', { name: /Contoso dev/ })
      .click();
    await page.getByRole('button', { name: 'Reveal primary key' }).click();
    await expect(page.getByTestId('secret-primaryKey')).toHaveText(arr.primaryKey);
    expect(await seriousAccessibilityProblems(page), `Accounts page (${scheme})`).toEqual([]);

    const dialog = await openAddDialog(page);
    await dialog.getByRole('button', { name: 'Add account' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveAttribute('aria-invalid', 'true');
    expect(await seriousAccessibilityProblems(page), `Add dialog with errors (${scheme})`).toEqual([]);
    await dialog.getByRole('radio', { name: 'Communication Services resource' }).check();
    expect(await seriousAccessibilityProblems(page), `Add dialog for ACS (${scheme})`).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  }
});

test('the retirement notice can be dismissed and stays dismissed', async ({ app, page }) => {
  await app.open(page);
  await addSampleArrAccount(page);
  const notice = page.getByText('Azure Remote Rendering was retired on 30 September 2025');
  await expect(notice).toBeVisible();
  await page.getByRole('button', { name: 'Dismiss the retirement notice' }).click();
  await expect(notice).toBeHidden();
  await page.reload();
  await expect(page.getByRole('listbox', { name: 'Accounts' }).getByRole('option')).toHaveCount(1);
  await expect(notice).toBeHidden();
});

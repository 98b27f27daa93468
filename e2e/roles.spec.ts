import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { contosoSubscription } from './azure-emulator/test/emulator-fixtures.ts';
import { chooseAccountAction, seriousAccessibilityProblems } from './support/accounts-page.ts';
import { expect, test } from './support/emulator-fixture.ts';
import { callApi, identityRow, signInInteractively } from './support/identities-page.ts';
import { expectFocusOn, openWithKeyboard, pressOn, tabTo } from './support/keyboard.ts';
import { azurePrimaryKey, importAs, isaiah, matrixCell, signInIsaiah, storedAccount } from './support/roles-page.ts';
import { pageErrors } from './support/page-errors.ts';

const alex = 'alex.wilber@contoso.onmicrosoft.com'; // Owner of the subscription: lists keys, cannot render
const adele = 'adele.vance@contoso.onmicrosoft.com'; // Reader, and Remote Rendering Administrator on West Europe
const renderArtistsGroup = 'c3d2e9f4-5d6f-4071-8cbd-000000000001';

function discoverDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Discover accounts in Azure' });
}

async function lookAs(dialog: Locator, userName: string) {
  await dialog.getByRole('combobox', { name: 'Look as' }).click();
  await dialog.page().getByRole('option', { name: userName }).click();
  await expect(dialog.getByRole('table', { name: 'Resources found' })).toBeVisible();
}

test('a user discovers and imports accounts, audits the roles, reads why, exports the report and rotates a key', async ({
  app,
  page,
  context,
  emulator,
  scratch,
}) => {
  test.setTimeout(240_000);
  const errors = pageErrors(page);
  await app.open(page, 'identities');
  await signInInteractively(page, context, alex);
  await signInInteractively(page, context, adele);
  await signInIsaiah(page, context);

  // From Alex's row: Alex may list keys, so the account comes with its keys.
  await identityRow(page, /Alex Wilber/)
    .getByRole('button', { name: `Discover the accounts ${alex} can see in Azure` })
    .click();
  await expect(page).toHaveURL(/#\/accounts$/);
  let dialog = discoverDialog(page);
  await expect(dialog.getByRole('combobox', { name: 'Look as' })).toHaveText(alex);
  await expect(dialog.getByText('4 resources in 1 subscription: Contoso Mixed Reality Dev.')).toBeVisible();
  const found = dialog.getByRole('table', { name: 'Resources found' });
  await expect(found.getByRole('row')).toHaveCount(5);
  await expect(found.getByRole('row', { name: /contoso-arr-eastus/ })).toContainText('rg-mixed-reality');
  await dialog.getByRole('checkbox', { name: 'Import contoso-arr-eastus' }).check();
  await dialog.getByRole('button', { name: 'Import 1 resource' }).click();
  let results = dialog.getByRole('list', { name: 'Import results' });
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(results.getByRole('listitem')).toContainText('contoso-arr-eastus');
  await expect(results.getByRole('listitem')).toContainText('Imported with its keys');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  // From the header, as Adele: she may not list keys, so West Europe comes for Entra ID use, and the page says why.
  await page.getByRole('button', { name: 'Discover from Azure' }).click();
  dialog = discoverDialog(page);
  await lookAs(dialog, adele);
  await expect(dialog.getByRole('checkbox', { name: 'contoso-arr-eastus is already added as contoso-arr-eastus' })).toBeDisabled();
  await expect(dialog.getByRole('row', { name: /contoso-arr-eastus/ })).toContainText('Already added as “contoso-arr-eastus”');
  await dialog.getByRole('checkbox', { name: 'Import contoso-arr-westeurope' }).check();
  await dialog.getByRole('button', { name: 'Import 1 resource' }).click();
  results = dialog.getByRole('list', { name: 'Import results' });
  await expect(results).toContainText('Imported for Entra ID use, without keys.');
  await expect(results).toContainText(
    'This identity may not list keys (needs Microsoft.MixedReality/remoteRenderingAccounts/listKeys/action, e.g. ' +
      'Contributor): imported for Entra ID use.',
  );
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  const list = page.getByRole('listbox', { name: 'Accounts' });
  await expect(list.getByRole('option')).toHaveText([/contoso-arr-eastus/, /contoso-arr-westeurope/]);
  await list.getByRole('option', { name: /contoso-arr-westeurope/ }).click();
  await expect(page.getByRole('region', { name: 'contoso-arr-westeurope' })).toContainText(
    'No account key is stored: this account is used with Entra ID sign-in only.',
  );

  // The matrix: three identities on two accounts.
  await page.getByRole('navigation', { name: 'Sections' }).getByText('Roles', { exact: true }).click();
  await page.getByRole('button', { name: 'Run the audit' }).click();
  await expect(page.getByRole('table', { name: 'Role matrix' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('matrix-count')).toHaveText('3 identities × 2 resources');
  const owner = matrixCell(page, alex, 'contoso-arr-westeurope');
  await expect(owner).toHaveAccessibleName(
    /: Owner .* Can: List keys, Regenerate keys\. Missing: Convert models, Manage sessions, Render, Read diagnostics\.$/,
  );
  // What it can do shows as chips; what it lacks is read out, and left to the details rather than a red chip each.
  await expect(owner.locator('[data-granted]')).toHaveText(['List keys', 'Regenerate keys']);

  // Owner lists keys but cannot render, and the page says which roles would let it.
  await owner.click();
  let details = page.getByRole('region', { name: 'Alex Wilber on contoso-arr-westeurope' });
  await expect(details.getByRole('heading', { level: 2 })).toBeFocused();
  const render = details.locator('[data-capability="arr.render"]');
  await expect(render).toContainText('Missing');
  await expect(render.getByTestId('capability-why')).toHaveText(
    'Its role (Owner) grants control-plane actions only, not the data action ' +
      'Microsoft.MixedReality/RemoteRenderingAccounts/render/read. Remote Rendering Client or Remote Rendering Administrator ' +
      'would grant it.',
  );
  await expect(details.locator('[data-capability="arr.listKeys"]').getByTestId('capability-why')).toHaveText(
    `Granted by Owner on the subscription ${contosoSubscription} (inherited).`,
  );
  await expect(details.getByRole('table', { name: 'Role assignments' })).toContainText('the subscription (inherited)');

  // A role through a group: the group by its name from Microsoft Graph, its id still shown in the details.
  const viaGroup = matrixCell(page, isaiah, 'contoso-arr-westeurope');
  await expect(viaGroup).toContainText('via Render Artists');
  await viaGroup.click();
  details = page.getByRole('region', { name: 'Isaiah Langer (consent needed) on contoso-arr-westeurope' });
  await expect(details.locator('[data-capability="arr.render"]').getByTestId('capability-why')).toHaveText(
    'Granted by Remote Rendering Client on the resource contoso-arr-westeurope, through the group Render Artists.',
  );
  const groupRow = details.getByRole('table', { name: 'Role assignments' }).getByRole('row', { name: /Remote Rendering Client/ });
  await expect(groupRow).toContainText('The group Render Artists');
  await expect(groupRow).toContainText(renderArtistsGroup);
  await details.getByRole('button', { name: 'Close the details' }).click();
  await expect(details).toBeHidden();
  await expect(viaGroup).toBeFocused();

  // Filters: who may not list the keys? Not Alex, the Owner: his row goes; each cell left says what would grant it.
  await page.getByRole('combobox', { name: 'Capability' }).click();
  await page.getByRole('group', { name: 'Remote Rendering account' }).getByRole('option', { name: 'List keys' }).click();
  await page.getByRole('switch', { name: 'Missing only' }).check();
  await expect(page.getByTestId('matrix-count')).toHaveText('2 identities × 2 resources');
  await expect(matrixCell(page, alex, 'contoso-arr-eastus')).toHaveCount(0);
  await expect(matrixCell(page, adele, 'contoso-arr-eastus').getByTestId('verdict')).toHaveText('✗ needs Contributor');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByTestId('matrix-count')).toHaveText('3 identities × 2 resources');

  // A reloaded window shows the core's last audit without asking Azure again.
  await page.reload();
  await expect(page.getByTestId('matrix-count')).toHaveText('3 identities × 2 resources');
  await expect(page.getByRole('button', { name: 'Run the audit again' })).toBeVisible();

  // Export as CSV to a file only the user can read; a second export to the same path asks before replacing it.
  const file = path.join(scratch, 'role-audit.csv');
  for (const attempt of ['first', 'again'] as const) {
    await page.getByRole('button', { name: 'Export report' }).click();
    const exporting = page.getByRole('dialog', { name: 'Export the role audit' });
    await expect(exporting.getByRole('radio', { name: /^CSV/ })).toBeChecked();
    await exporting.getByRole('textbox', { name: 'Save to' }).fill(file);
    await exporting.getByRole('button', { name: 'Export' }).click();
    if (attempt === 'again') {
      await expect(exporting.getByText('The file exists')).toBeVisible();
      await exporting.getByRole('button', { name: 'Replace it' }).click();
    }
    await expect(exporting.getByRole('status')).toContainText('Exported 6 identity–resource pairs as CSV');
    await expect(exporting.getByRole('status')).toContainText(`Written to ${file}. The file is readable only by you.`);
    await exporting.getByRole('button', { name: 'Close' }).click();
    await expect(exporting).toBeHidden();
  }
  expect((await stat(file)).mode & 0o777).toBe(0o600);
  const csv = (await readFile(file, 'utf8')).trimEnd().split('\r\n');
  expect(csv[0]).toBe('Identity,Identity type,Resource,Resource type,Resource ID,Roles,Capability,Granted,Why');
  expect(csv).toHaveLength(1 + 6 * 6);
  expect(csv.find((l) => l.startsWith(`${alex},user,contoso-arr-westeurope,`) && l.includes(',Render,'))).toMatch(
    /,Render,no,"Its role \(Owner\) grants control-plane actions only/,
  );

  // Regenerate the primary key of the account imported with keys: the stored key follows.
  const before = azurePrimaryKey(emulator, 'contoso-arr-eastus');
  await page.getByRole('navigation', { name: 'Sections' }).getByText('Accounts', { exact: true }).click();
  await list.getByRole('option', { name: /contoso-arr-eastus/ }).click();
  const account = page.getByRole('region', { name: 'contoso-arr-eastus' });
  await expect(account.getByTestId('key-ages')).toContainText('Primary key age');
  await chooseAccountAction(page, account, 'Regenerate key…');
  const rotate = page.getByRole('alertdialog', { name: 'Regenerate a key of “contoso-arr-eastus”?' });
  await expect(rotate.getByTestId('rotation-guidance')).toContainText(
    'Move them to the secondary key first, then regenerate the primary key',
  );
  await expect(rotate.getByTestId('rotation-guidance')).toContainText('This app replaces its stored primary key with the new one.');
  await rotate.getByRole('combobox', { name: 'Regenerate as' }).click();
  await page.getByRole('option', { name: alex }).click();
  await rotate.getByRole('button', { name: 'Regenerate the primary key' }).click();
  const rotated = page.getByRole('alertdialog', { name: 'Regenerated the primary key' });
  await expect(rotated.getByRole('status')).toContainText('The stored primary key was updated');
  await expect(rotated.getByRole('status')).toContainText(`by ${alex}`);
  await expect(rotated.getByRole('button', { name: 'Close' })).toBeFocused();
  const after = azurePrimaryKey(emulator, 'contoso-arr-eastus');
  expect(after).not.toBe(before);
  const eastusId = (await storedAccount(page, 'contoso-arr-eastus'))?.id ?? '';
  expect(await callApi(page, 'accounts.reveal', { id: eastusId, secret: 'primaryKey' })).toMatchObject({
    ok: true,
    value: { value: after },
  });
  await page.keyboard.press('Escape');
  await expect(rotated).toBeHidden();
  await expect(account.getByTestId('key-ages')).toContainText(/Primary key age\s*less than a day \(regenerated here/);
  expect(await page.content()).not.toContain(after);
  expect(errors).toEqual([]);
});

test('the Roles page says what it needs, and it and its details panel have no serious accessibility problems, in light and dark', async ({
  app,
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await app.open(page, 'roles');
  const empty = page.getByRole('region', { name: 'Nothing to audit yet' });
  await expect(empty).toContainText('Sign in with an identity first.');
  expect(await seriousAccessibilityProblems(page), 'empty Roles page').toEqual([]);
  await empty.getByRole('link', { name: 'Sign in on the Identities page' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Identities' })).toBeVisible();

  await signInInteractively(page, context, alex);
  await importAs(page, alex);

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await app.open(page, 'roles');
    await page.getByRole('button', { name: 'Run the audit' }).click();
    await expect(page.getByRole('table', { name: 'Role matrix' })).toBeVisible({ timeout: 30_000 });
    expect(await seriousAccessibilityProblems(page), `Roles page (${scheme})`).toEqual([]);
    await matrixCell(page, alex, 'contoso-arr-westeurope').click();
    const details = page.getByTestId('cell-details');
    await details.getByRole('button', { name: /^Owner/ }).click(); // the role definition, opened
    await expect(details.getByText('Actions', { exact: true })).toBeVisible();
    expect(await seriousAccessibilityProblems(page), `details panel (${scheme})`).toEqual([]);
    await page.getByRole('button', { name: 'Export report' }).click();
    const exporting = page.getByRole('dialog', { name: 'Export the role audit' });
    await exporting.getByRole('radio', { name: 'Text to copy' }).check();
    await exporting.getByRole('button', { name: 'Show the text' }).click();
    await expect(exporting.getByTestId('report-text')).toContainText('Identity,Identity type,Resource');
    expect(await seriousAccessibilityProblems(page), `export dialog (${scheme})`).toEqual([]);
    await exporting.getByRole('button', { name: 'Close' }).click();
  }
});

test(
  "from the keyboard alone: run the audit, read a capability's why, export the report as Markdown, and answer the reminder to " +
    'rotate an old key with Cancel, which changes nothing',
  async ({ app, page, context, emulator }) => {
    test.setTimeout(120_000);
    await app.open(page, 'identities');
    await signInInteractively(page, context, alex);
    await importAs(page, alex, 'arr');
    // East US's keys were stored 120 days ago, as far as the app knows: past the 90-day reminder.
    const file = path.join(app.dataFolder, 'accounts.json');
    const stored = JSON.parse(await readFile(file, 'utf8')) as { accounts: { name: string; createdAt: string }[] };
    for (const account of stored.accounts)
      if (account.name === 'contoso-arr-eastus') account.createdAt = new Date(Date.now() - 120 * 86_400_000).toISOString();
    await writeFile(file, JSON.stringify(stored));

    // The audit, and a cell's details, with the arrow keys inside the matrix.
    await app.open(page, 'roles');
    await pressOn(page, page.getByRole('button', { name: 'Run the audit' }));
    await expect(page.getByTestId('matrix-count')).toHaveText('1 identity × 2 resources', { timeout: 30_000 });
    await tabTo(page, matrixCell(page, alex, 'contoso-arr-eastus'));
    await page.keyboard.press('ArrowRight');
    const owner = matrixCell(page, alex, 'contoso-arr-westeurope');
    await expectFocusOn(page, owner);
    await page.keyboard.press('Enter');
    const details = page.getByRole('region', { name: 'Alex Wilber on contoso-arr-westeurope' });
    await expect(details.getByRole('heading', { level: 2 })).toBeFocused();
    await expect(details.locator('[data-capability="arr.render"]').getByTestId('capability-why')).toContainText(
      'Remote Rendering Client or Remote Rendering Administrator would grant it.',
    );
    await pressOn(page, details.getByRole('button', { name: 'Close the details' }));
    await expect(details).toBeHidden();
    await expectFocusOn(page, owner);

    // The report as Markdown text: the radio groups take the arrow keys.
    const exporting = page.getByRole('dialog', { name: 'Export the role audit' });
    await openWithKeyboard(page, page.getByRole('button', { name: 'Export report' }), exporting);
    await tabTo(page, exporting.getByRole('radio', { name: /^CSV/ }));
    await page.keyboard.press('ArrowDown');
    await expectFocusOn(page, exporting.getByRole('radio', { name: /^Markdown/ }));
    await tabTo(page, exporting.getByRole('radio', { name: 'A file' }));
    await page.keyboard.press('ArrowRight');
    await expect(exporting.getByRole('radio', { name: 'Text to copy' })).toBeChecked();
    await pressOn(page, exporting.getByRole('button', { name: 'Show the text' }));
    await expect(exporting.getByTestId('report-text')).toContainText(
      '| alex.wilber@contoso.onmicrosoft.com | contoso-arr-westeurope | Owner | List keys, Regenerate keys |',
    );
    await page.keyboard.press('Escape');
    await expect(exporting).toBeHidden();

    // The old key: the account says it is time to rotate; the confirmation's Cancel leaves the key as it was.
    const before = azurePrimaryKey(emulator, 'contoso-arr-eastus');
    await expectFocusOn(page, page.getByRole('button', { name: 'Export report' }));
    // Back up to the navigation (its tab stop is Roles, the page on screen), arrow up to Accounts and open it.
    const sections = page.getByRole('navigation', { name: 'Sections' });
    await tabTo(page, sections.getByRole('button', { name: 'Roles', exact: true }), { backwards: true });
    for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowUp');
    await expectFocusOn(page, sections.getByRole('button', { name: 'Accounts', exact: true }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
    // A user reads the list before pressing keys: wait for each step to show, as on screen, so a
    // loaded machine's slower list load cannot swallow the arrow key.
    const list = page.getByRole('listbox', { name: 'Accounts' });
    await expect(list.getByRole('option')).toHaveCount(2);
    await page.keyboard.press('/');
    await expectFocusOn(page, page.getByRole('searchbox', { name: 'Search accounts' }));
    await page.keyboard.type('eastus');
    await expect(list.getByRole('option')).toHaveCount(1);
    await page.keyboard.press('ArrowDown');
    await expect(list.locator('[data-active="true"]')).toContainText('contoso-arr-eastus');
    await page.keyboard.press('Enter');
    const account = page.getByRole('region', { name: 'contoso-arr-eastus' });
    const ages = account.getByTestId('key-ages');
    await expect(ages).toContainText('Time to rotate');
    await expect(ages).toContainText(
      'The primary key is 120 days old; The secondary key is 120 days old: older than the reminder age set in Settings.',
    );
    const rotate = page.getByRole('alertdialog', { name: 'Regenerate a key of “contoso-arr-eastus”?' });
    await openWithKeyboard(page, ages.getByRole('button', { name: 'Regenerate key…' }), rotate);
    await expect(rotate.getByTestId('rotation-guidance')).toContainText('Move them to the secondary key first');
    await pressOn(page, rotate.getByRole('button', { name: 'Cancel' }));
    await expect(rotate).toBeHidden();
    expect(azurePrimaryKey(emulator, 'contoso-arr-eastus')).toBe(before);
    await expect(ages).toContainText('Time to rotate');
    expect((await storedAccount(page, 'contoso-arr-eastus'))?.keysRotatedAt).toBeFalsy();
  },
);

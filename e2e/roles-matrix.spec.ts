import type { Page } from '@playwright/test';
import { chooseAccountAction } from './support/accounts-page.ts';
import { expect, test } from './support/emulator-fixture.ts';
import { callApi, signInInteractively } from './support/identities-page.ts';
import { azurePrimaryKey, importAs, matrixCell, storedAccount } from './support/roles-page.ts';

/** The Roles page when Azure fails on one resource, the matrix's sort, and a key regeneration Azure refuses. */

const alex = 'alex.wilber@contoso.onmicrosoft.com'; // Owner of the subscription: lists and regenerates keys
const adele = 'adele.vance@contoso.onmicrosoft.com'; // Reader, and Remote Rendering Administrator on West Europe: may not regenerate keys

async function sortBy(page: Page, label: string) {
  await page.getByRole('combobox', { name: 'Sort by' }).click();
  await page.getByRole('option', { name: label }).click();
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveText(`Sort: ${label}`);
}

test(
  'a cell Azure keeps failing on says it could not be audited and why, the rest is audited, and the sort reorders rows and ' + 'columns',
  async ({ app, page, context, emulator }) => {
    test.setTimeout(120_000);
    await app.open(page, 'identities');
    await signInInteractively(page, context, alex);
    await importAs(page, alex);

    // ARM fails on the role assignments of East US only, on every try.
    emulator.faults.add({
      service: 'arm',
      kind: 'error',
      status: 503,
      path: 'contoso-arr-eastus/providers/Microsoft.Authorization/roleAssignments',
    });
    try {
      await app.open(page, 'roles');
      await page.getByRole('button', { name: 'Run the audit' }).click();
      await expect(page.getByTestId('matrix-count')).toHaveText('1 identity × 4 resources', { timeout: 30_000 });
      const failed = matrixCell(page, alex, 'contoso-arr-eastus');
      await expect(failed).toHaveAccessibleName('Alex Wilber on contoso-arr-eastus: Could not be audited');
      await expect(failed.getByText('Could not be audited')).toBeVisible();
      for (const resource of ['contoso-arr-westeurope', 'contoso-acs-chat', 'contoso-acs-calls'])
        await expect(matrixCell(page, alex, resource)).toContainText('Owner');
      await failed.click();
      const details = page.getByRole('region', { name: 'Alex Wilber on contoso-arr-eastus' });
      await expect(details.getByRole('heading', { level: 2 })).toBeFocused();
      await expect(details).toContainText('Could not be audited');
      await expect(details).toContainText(
        'Azure Resource Manager failed with HTTP 503 on each of 3 tries. Azure may be having a problem: check ' +
          'https://azure.status.microsoft and try again in a few minutes.',
      );
      await expect(details.getByRole('list', { name: 'Capabilities' })).toHaveCount(0);
    } finally {
      emulator.faults.clear();
    }

    // Azure answers again; with Adele signed in too, the audit run again fills the whole matrix.
    await app.open(page, 'identities');
    await signInInteractively(page, context, adele);
    await app.open(page, 'roles');
    await page.getByRole('button', { name: 'Run the audit again' }).click();
    await expect(page.getByTestId('matrix-count')).toHaveText('2 identities × 4 resources', { timeout: 30_000 });
    await expect(matrixCell(page, alex, 'contoso-arr-eastus')).toContainText('Owner');

    // The identities filter narrows the matrix to those chosen and names them: one by its name, several by how many.
    const identitiesShown = page.getByRole('combobox', { name: 'Identities' });
    await identitiesShown.click();
    // A multi-select list's items are checkboxes in a menu.
    await page.getByRole('menuitemcheckbox', { name: 'Adele Vance' }).click();
    await expect(identitiesShown).toHaveText('Adele Vance');
    await expect(page.getByTestId('matrix-count')).toHaveText('1 identity × 4 resources');
    await page.getByRole('menuitemcheckbox', { name: 'Alex Wilber' }).click();
    await expect(identitiesShown).toHaveText('2 identities');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(identitiesShown).toHaveText('All identities');

    // By name, then by capabilities granted: Alex (Owner: 2 on each ARR account, 4 on each ACS resource) has 12, Adele (4 on West Europe) 4;
    // West Europe has 6 (Alex 2, Adele 4), each ACS resource 4, East US 2.
    const matrix = page.getByRole('table', { name: 'Role matrix' });
    const rows = matrix.getByRole('rowheader');
    const columns = matrix.getByRole('columnheader');
    const corner = /Identity ↓ · Resource →/;
    await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveText('Sort: Name');
    await expect(rows).toHaveText([/^Adele Vance/, /^Alex Wilber/]);
    await expect(columns).toHaveText([corner, /^contoso-acs-calls/, /^contoso-acs-chat/, /^contoso-arr-eastus/, /^contoso-arr-westeurope/]);
    await sortBy(page, 'Most capabilities first');
    await expect(rows).toHaveText([/^Alex Wilber/, /^Adele Vance/]);
    await expect(columns).toHaveText([corner, /^contoso-arr-westeurope/, /^contoso-acs-calls/, /^contoso-acs-chat/, /^contoso-arr-eastus/]);
    await sortBy(page, 'Fewest capabilities first');
    await expect(rows).toHaveText([/^Adele Vance/, /^Alex Wilber/]);
    await expect(columns).toHaveText([corner, /^contoso-arr-eastus/, /^contoso-acs-calls/, /^contoso-acs-chat/, /^contoso-arr-westeurope/]);
    // The cells follow their row and column: the first cell is now Adele on East US, where she holds Reader only.
    await expect(matrix.getByRole('button').first()).toHaveAccessibleName(/^Adele Vance on contoso-arr-eastus: Reader/);
  },
);

test('a regeneration Azure refuses names the role that would allow it, and the stored key stays as it was', async ({
  app,
  page,
  context,
  emulator,
}) => {
  test.setTimeout(120_000);
  await app.open(page, 'identities');
  await signInInteractively(page, context, alex);
  await signInInteractively(page, context, adele);
  await importAs(page, alex, 'arr');
  const before = azurePrimaryKey(emulator, 'contoso-arr-westeurope');

  await app.open(page, 'accounts');
  await page
    .getByRole('listbox', { name: 'Accounts' })
    .getByRole('option', { name: /contoso-arr-westeurope/ })
    .click();
  const account = page.getByRole('region', { name: 'contoso-arr-westeurope' });
  await chooseAccountAction(page, account, 'Regenerate key…');
  const rotate = page.getByRole('alertdialog', { name: 'Regenerate a key of “contoso-arr-westeurope”?' });
  await rotate.getByRole('combobox', { name: 'Regenerate as' }).click();
  await page.getByRole('option', { name: adele }).click();
  await rotate.getByRole('button', { name: 'Regenerate the primary key' }).click();
  const refused = rotate.locator('[data-code="azure_forbidden"]');
  await expect(refused).toContainText('A role is missing');
  await expect(refused).toContainText(
    `${adele} may not regenerate the primary key of contoso-arr-westeurope (AuthorizationFailed). That needs the permission ` +
      `Microsoft.MixedReality/remoteRenderingAccounts/regenerateKeys/action, which Contributor or Owner grant.`,
  );
  // Nothing changed: the dialog still asks, Azure and the vault hold the old key, and no rotation is recorded.
  await expect(rotate.getByRole('button', { name: 'Regenerate the primary key' })).toBeEnabled();
  expect(azurePrimaryKey(emulator, 'contoso-arr-westeurope')).toBe(before);
  const westeurope = await storedAccount(page, 'contoso-arr-westeurope');
  expect(westeurope?.keysRotatedAt).toBeFalsy();
  expect(await callApi(page, 'accounts.reveal', { id: westeurope?.id, secret: 'primaryKey' })).toMatchObject({
    ok: true,
    value: { value: before },
  });
  await rotate.getByRole('button', { name: 'Cancel' }).click();
  await expect(rotate).toBeHidden();
  await expect(account.getByTestId('key-ages')).not.toContainText('regenerated here');
});

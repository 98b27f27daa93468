import { axeInBothThemes } from './support/accessibility.ts';
import { expect, test } from './support/emulator-fixture.ts';
import { signInInteractively } from './support/identities-page.ts';
import { matrixCell } from './support/roles-page.ts';

/**
 * With nothing added, the Roles page audits what the signed-in identity can see in Azure: Grady Archie's roles reach the Contoso
 * resources through a management group, a deny assignment keeps him from their keys, and Remote Rendering Client is only
 * PIM-eligible for him; a resource seen but not added is added from the matrix.
 */

const grady = 'grady.archie@contoso.onmicrosoft.com';

test('with nothing added, the Roles page audits what the identity can see, reads denied and eligible as such, and adds a resource from the matrix', async ({
  app,
  page,
  context,
}) => {
  test.setTimeout(180_000);
  await app.open(page, 'identities');
  await signInInteractively(page, context, grady);
  await app.open(page, 'roles');
  await expect(page.getByRole('switch', { name: 'Also what the identities can see in Azure (not added)' })).toBeChecked();
  await page.getByRole('button', { name: 'Run the audit' }).click();
  await expect(page.getByTestId('matrix-count')).toHaveText('1 identity × 3 resources', { timeout: 30_000 });

  const westeurope = matrixCell(page, grady, 'contoso-arr-westeurope');
  await expect(westeurope).toContainText('Eligible (PIM): Remote Rendering Client');
  await expect(westeurope.locator('[data-state="denied"]', { hasText: 'List keys' })).toBeVisible();
  await expect(westeurope.locator('[data-state="eligible"]', { hasText: 'Render' })).toBeVisible();
  await expect(westeurope).toContainText('Denied: List keys, Regenerate keys.');
  await expect(westeurope).toContainText('Eligible through PIM: Manage sessions, Render.');
  await westeurope.click();
  const details = page.getByRole('region', { name: 'Grady Archie (management group, deny, PIM-eligible) on contoso-arr-westeurope' });
  const why = (capability: string) => details.locator(`[data-capability="${capability}"]`).getByTestId('capability-why');
  await expect(why('arr.render')).toContainText(
    'Eligible through PIM: activate Remote Rendering Client to render (the resource contoso-arr-westeurope).',
  );
  await expect(details.locator('[data-capability="arr.listKeys"]')).toContainText('Denied');
  await expect(why('arr.listKeys')).toContainText('Denied by the deny assignment "Keys stay with the platform team"');
  await expect(why('arr.convert')).toHaveText(
    'Granted by Remote Rendering Converter (no rendering) on the management group contoso-root (inherited).',
  );
  await expect(details.getByRole('list', { name: 'Eligible roles' })).toContainText(
    'Remote Rendering Client on the resource: grants nothing until activated in Privileged Identity Management.',
  );
  await expect(details.getByRole('list', { name: 'Deny assignments' })).toContainText(
    'Keys stay with the platform team on the resource group: denies Microsoft.MixedReality/remoteRenderingAccounts/listKeys/action',
  );
  expect(await axeInBothThemes(page)).toEqual({});

  const eastus = page.getByRole('columnheader', { name: /contoso-arr-eastus/ });
  await expect(eastus).toContainText('Seen in Azure, not added');
  await eastus.getByRole('button', { name: 'Add contoso-arr-eastus' }).click();
  await expect(eastus.getByRole('status')).toHaveText('Added as contoso-arr-eastus');
  await app.open(page, 'accounts');
  await expect(page.getByText('contoso-arr-eastus').first()).toBeVisible();
});

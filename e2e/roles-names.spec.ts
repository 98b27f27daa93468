import type { Page } from '@playwright/test';
import { contosoTenantId, secretServicePrincipal } from './azure-emulator/test/emulator-fixtures.ts';
import { coreValues } from '../electron/core/test-support/test-core.ts';
import { axeInBothThemes } from './support/accessibility.ts';
import { expect, test } from './support/emulator-fixture.ts';
import { identityRow, signInInteractively } from './support/identities-page.ts';
import { importAs, isaiah, matrixCell, signInIsaiah } from './support/roles-page.ts';

/** The audit with names from Microsoft Graph: the group and the principals by name, and one notice when Graph refuses. */

const alex = 'alex.wilber@contoso.onmicrosoft.com'; // Owner of the subscription: imports what the audit covers
const guest = 'pradeep.gupta_fabrikam.com#EXT#@contoso.onmicrosoft.com'; // a guest: Graph refuses it the directory's names
const renderArtists = 'c3d2e9f4-5d6f-4071-8cbd-000000000001';

async function runAudit(page: Page, count: string) {
  await page.getByRole('button', { name: /^Run the audit/ }).click();
  await expect(page.getByTestId('matrix-count')).toHaveText(count, { timeout: 30_000 });
}

test('the audit names the group and the principals from Microsoft Graph in the matrix and the details', async ({ app, page, context }) => {
  test.setTimeout(180_000);
  await app.open(page, 'identities');
  await signInInteractively(page, context, alex);
  await signInIsaiah(page, context);
  // The pipeline is added by its client ID alone, as a user often does: Graph gives it its name.
  await coreValues(app.core).identities.addServicePrincipal({
    cloud: 'AzureEmulator',
    tenant: contosoTenantId,
    clientId: secretServicePrincipal.appId,
    clientSecret: secretServicePrincipal.secret,
  });
  // The Identities page shows it by its display name from Graph, its client ID kept under it.
  await app.open(page, 'identities');
  const pipeline = identityRow(page, /Render pipeline \(secret\)/);
  await expect(pipeline).toContainText(`App ID ${secretServicePrincipal.appId}`);
  await importAs(page, alex, 'arr');
  await app.open(page, 'roles');
  await runAudit(page, '3 identities × 2 resources');

  const matrix = page.getByRole('table', { name: 'Role matrix' });
  await expect(page.getByTestId('names-notice')).toHaveCount(0);
  // Users by their display name, their sign-in name under it; the service principal by its display name, its client ID under it.
  await expect(matrix.getByRole('rowheader', { name: /Isaiah Langer \(consent needed\)/ })).toContainText(isaiah);
  const pipelineRow = matrix.getByRole('rowheader', { name: /Render pipeline \(secret\)/ });
  await expect(pipelineRow).toContainText(secretServicePrincipal.appId);
  await expect(matrixCell(page, 'Render pipeline (secret)', 'contoso-arr-eastus')).toContainText('Remote Rendering Client');

  const viaGroup = matrixCell(page, isaiah, 'contoso-arr-westeurope');
  await expect(viaGroup).toContainText('via Render Artists');
  await viaGroup.click();
  const details = page.getByRole('region', { name: 'Isaiah Langer (consent needed) on contoso-arr-westeurope' });
  await expect(details).toContainText('Isaiah Langer (consent needed)');
  await expect(details.locator('[data-capability="arr.render"]').getByTestId('capability-why')).toHaveText(
    'Granted by Remote Rendering Client on the resource contoso-arr-westeurope, through the group Render Artists.',
  );
  const groupRow = details.getByRole('table', { name: 'Role assignments' }).getByRole('row', { name: /Remote Rendering Client/ });
  await expect(groupRow).toContainText('The group Render Artists');
  await expect(groupRow).toContainText(renderArtists);
  expect(await axeInBothThemes(page)).toEqual({});
});

test('when Microsoft Graph refuses the names, the matrix keeps IDs and says why once', async ({ app, page, context }) => {
  test.setTimeout(120_000);
  await app.open(page, 'identities');
  await signInInteractively(page, context, guest);
  await importAs(page, guest, 'arr');
  await app.open(page, 'roles');
  await runAudit(page, '1 identity × 2 resources');
  const notice = page.getByTestId('names-notice');
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText('Groups and principals are shown by ID');
  await expect(notice).toContainText('Microsoft Graph refused');
  await expect(notice).toContainText('Directory.Read.All');
  const cell = matrixCell(page, guest, 'contoso-arr-westeurope');
  await expect(cell).toContainText('Reader');
  await expect(page.getByRole('table', { name: 'Role matrix' })).not.toContainText('Microsoft Graph');
  expect(await axeInBothThemes(page)).toEqual({});
});

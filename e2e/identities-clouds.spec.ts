import { seriousAccessibilityProblems } from './support/accounts-page.ts';
import { expect, test } from './support/app-fixture.ts';
import { customCloudProfile } from './support/cloud-profiles.ts';

/** A custom cloud as an Azure Stack Hub operator would describe it (made-up hosts). */
const stackProfile = customCloudProfile('AzureStackLab', 'Azure Stack lab', 'stack.contoso.test');
const ownApp = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';

test('Settings → Clouds imports a profile (with its problems named), sets a cloud’s sign-in app, and removes a custom profile', async ({
  app,
  page,
}) => {
  await app.open(page, 'settings');
  const table = page.getByRole('table', { name: 'Cloud profiles' });
  await expect(table.getByRole('row', { name: /Azure \(global\)/ })).toContainText('Azure CLI (default)');
  await expect(table.getByRole('row', { name: /Azure \(global\)/ }).getByRole('button', { name: /^Remove/ })).toHaveCount(0);

  // Text that is not JSON is named under the field; a half profile lists what is missing.
  await page.getByRole('button', { name: 'Import profile' }).click();
  let dialog = page.getByRole('dialog', { name: 'Import a cloud profile' });
  const text = dialog.getByRole('textbox', { name: 'Profile (JSON)' });
  await text.fill('endpoint=https://x');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(text).toHaveAttribute('aria-invalid', 'true');
  await expect(text).toHaveAccessibleDescription(/Not valid JSON/);
  await text.fill(JSON.stringify({ name: 'Half', authorityHost: 'http://login.example' }));
  await dialog.getByRole('button', { name: 'Import' }).click();
  const problems = dialog.getByRole('list', { name: 'Problems in the profile' });
  await expect(problems).toContainText('authorityHost: Only https:// endpoints are allowed');
  await expect(problems).toContainText('armEndpoint');
  expect(await seriousAccessibilityProblems(page), 'import dialog with problems').toEqual([]);

  // The file chooser reads the profile; Import adds it.
  await dialog.getByTestId('cloud-profile-file').setInputFiles({
    name: 'cloud-profile.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(stackProfile, null, 2)),
  });
  await expect(dialog.getByText('Read cloud-profile.json')).toBeVisible();
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();
  const stackRow = table.getByRole('row', { name: /Azure Stack lab/ });
  await expect(stackRow).toContainText('AzureStackLab · custom');
  await expect(stackRow).toContainText('https://login.stack.contoso.test');

  // Your own app registration: a bad client ID is named under its field, then saved and shown.
  await page.getByRole('button', { name: 'Sign-in app for Azure (global)' }).click();
  dialog = page.getByRole('dialog', { name: 'Sign-in app for Azure (global)' });
  await expect(dialog.getByRole('link', { name: 'How to register an application' })).toHaveAttribute(
    'href',
    'https://learn.microsoft.com/entra/identity-platform/quickstart-register-app',
  );
  const clientId = dialog.getByRole('textbox', { name: 'Application (client) ID' });
  await clientId.fill('not-a-guid');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(clientId).toHaveAccessibleDescription(/A client ID is a GUID/);
  expect(await seriousAccessibilityProblems(page), 'sign-in app dialog with an error').toEqual([]);
  await clientId.fill(ownApp);
  await dialog.getByRole('textbox', { name: 'Tenant' }).fill('contoso.onmicrosoft.com');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const global = table.getByRole('row', { name: /Azure \(global\)/ });
  await expect(global).toContainText(ownApp);
  await expect(global).toContainText('Your app · tenant contoso.onmicrosoft.com');
  await page.reload();
  await expect(global).toContainText(ownApp);

  // Back to the default with one button.
  await page.getByRole('button', { name: 'Sign-in app for Azure (global)' }).click();
  await dialog.getByRole('button', { name: 'Use the default' }).click();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(global).toContainText('Azure CLI (default) · tenant organizations');

  // Removing the default cloud asks first, and the default falls back to Azure (global).
  const defaultCloud = page.getByRole('combobox', { name: 'Default cloud' });
  await defaultCloud.click();
  await page.getByRole('option', { name: 'Azure Stack lab' }).click();
  await expect(defaultCloud).toHaveText('Azure Stack lab');
  expect(await seriousAccessibilityProblems(page), 'Settings page').toEqual([]);
  await stackRow.getByRole('button', { name: 'Remove Azure Stack lab' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Remove “Azure Stack lab”?' });
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(confirm).toBeHidden();
  await expect(stackRow).toHaveCount(0);
  await expect(defaultCloud).toHaveText('Azure (global)');
  await page.reload();
  await expect(defaultCloud).toHaveText('Azure (global)');
});

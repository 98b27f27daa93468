import { seriousAccessibilityProblems } from './support/accounts-page.ts';
import { expect, test } from './support/app-without-keychain.ts';
import { fillServicePrincipal, openSignInDialog } from './support/identities-page.ts';

test('without a keychain the Identities page says why, a sign-in is refused in words, and the vault can be opened from the page', async ({
  app,
  page,
}) => {
  await app.open(page, 'identities');
  const banner = page.getByRole('region', { name: 'Secrets are not available' });
  await expect(banner).toContainText('Sign-ins cannot be kept right now');
  await expect(banner).toContainText('No Secret Service is running');
  expect(await seriousAccessibilityProblems(page), 'Identities page with the vault banner').toEqual([]);

  // The core refuses before any browser opens: nothing could keep the tokens.
  let dialog = await openSignInDialog(page);
  await dialog.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(dialog.locator('[data-code="vault_unavailable"]')).toBeVisible();
  await expect(page.context().pages()).toHaveLength(1);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  dialog = await fillServicePrincipal(page, {
    tenant: 'contoso.onmicrosoft.com',
    clientId: 'e5f40b16-7f81-4293-aedf-000000000001',
    clientSecret: 'a-secret',
  });
  await dialog.getByRole('button', { name: 'Add service principal' }).click();
  await expect(dialog.locator('[data-code="vault_unavailable"]')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // The banner's own choice opens the vault and goes away.
  await banner.getByRole('button', { name: 'Use memory only for this session' }).click();
  await expect(banner).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: 'No identities signed in' })).toBeVisible();
});

import type { BrowserContext, Locator, Page } from '@playwright/test';
import { applicationsOf } from './azure-emulator/graph-application-store.ts';
import { defaultPublicClientId } from '../shared/clouds.ts';
import { seriousAccessibilityProblems } from './support/accounts-page.ts';
import { expect, test, type AppOnEmulator } from './support/emulator-fixture.ts';
import { signInInteractively } from './support/identities-page.ts';
import { pageErrors } from './support/page-errors.ts';

const adele = 'adele.vance@contoso.onmicrosoft.com';
const lidia = 'lidia.holloway@contoso.onmicrosoft.com';
const emulatorCloud = 'Azure emulator (local)';

/** Signs `user` in on the Identities page, then opens Settings (whose Clouds card registers apps); returns the page's errors since. */
async function signedInOnSettings(app: AppOnEmulator, page: Page, context: BrowserContext, user: string): Promise<string[]> {
  const errors = pageErrors(page);
  await app.open(page, 'identities');
  await signInInteractively(page, context, user);
  await app.open(page, 'settings');
  return errors;
}

/** Opens the Register my app dialog of the emulator's cloud from the Clouds card. */
async function openRegisterDialog(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: `Register my app for ${emulatorCloud}` }).click();
  return page.getByRole('dialog', { name: `Register my app for ${emulatorCloud}` });
}

test('Settings → Clouds registers my app through Graph, signs me in with it after consent, and shows it as the cloud’s sign-in app', async ({
  app,
  page,
  context,
  emulator,
}) => {
  const errors = await signedInOnSettings(app, page, context, adele);
  const row = page
    .getByRole('table', { name: 'Cloud profiles' })
    .getByRole('row', { name: new RegExp(emulatorCloud.replace(/[()]/g, '\\$&')) });
  await expect(row).toContainText(defaultPublicClientId);
  const dialog = await openRegisterDialog(page);
  await expect(dialog.getByRole('list', { name: 'What will be created' })).toContainText('http://localhost');
  await expect(dialog.getByRole('combobox', { name: 'Signed-in user' })).toHaveText(`Adele Vance <${adele}>`);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousAccessibilityProblems(page, '[role="dialog"]'), `register dialog, ${colorScheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });

  const [tab] = await Promise.all([context.waitForEvent('page'), dialog.getByRole('button', { name: 'Register and sign in' }).click()]);
  await expect(dialog.getByText(/Step 2 of 2: sign in with it/)).toBeVisible();
  await expect(
    dialog.getByText(
      'API permissions: Azure Service Management (user_impersonation), Azure Communication Services (user_impersonation), Microsoft Mixed Reality (mixedreality.signin).',
    ),
  ).toBeVisible();
  // The browser still holds Adele's Entra session: the page asks only for consent to the new app.
  await expect(tab.getByRole('heading', { name: 'Permissions requested' })).toBeVisible();
  await tab.getByRole('button', { name: 'Accept' }).click();
  await expect(tab.getByText('You can close this tab')).toBeVisible();
  await tab.close();
  await expect(dialog).toBeHidden();

  const registered = [...applicationsOf(emulator.context).applications.values()].at(-1);
  expect(registered?.publicClient.redirectUris).toEqual(['http://localhost']);
  await expect(row).toContainText(registered?.appId ?? 'no app registered');
  await expect(row).toContainText('Your app');
  expect(errors).toEqual([]);
});

test('a user who may not register apps sees why and the manual steps in the dialog', async ({ app, page, context }) => {
  await signedInOnSettings(app, page, context, lidia);
  const dialog = await openRegisterDialog(page);
  await dialog.getByRole('button', { name: 'Register and sign in' }).click();
  await expect(dialog.getByText(/only some users register applications/)).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Manual steps' })).toContainText('Allow public client flows: Yes');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousAccessibilityProblems(page, '[role="dialog"]'), `manual steps, ${colorScheme}`).toEqual([]);
  }
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('a sign-in with the new app cancelled from the dialog leaves the app registered and says how to sign in with it', async ({
  app,
  page,
  context,
  emulator,
}) => {
  await signedInOnSettings(app, page, context, adele);
  const dialog = await openRegisterDialog(page);
  const [tab] = await Promise.all([context.waitForEvent('page'), dialog.getByRole('button', { name: 'Register and sign in' }).click()]);
  await expect(dialog.getByText(/Step 2 of 2/)).toBeVisible();
  await tab.close();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByText(/is registered and is the sign-in app of .* but the sign-in with it did not finish/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Register and sign in' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  const registered = [...applicationsOf(emulator.context).applications.values()].at(-1);
  await expect(page.getByRole('table', { name: 'Cloud profiles' })).toContainText(registered?.appId ?? 'no app registered');
});

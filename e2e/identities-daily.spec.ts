import type { Locator } from '@playwright/test';
import { contractCall } from '../scripts/contract-call.ts';
import { seedDemo } from '../scripts/demo-seed.ts';
import { seriousAccessibilityProblems } from './support/accounts-page.ts';
import { expect, test } from './support/emulator-fixture.ts';
import { fillServicePrincipal, openSignInDialog, signInOnEntraPage } from './support/identities-page.ts';
import { expectFocusOn, openWithKeyboard } from './support/keyboard.ts';
import { applyLook, lookName, looks, whollyInWindow } from './support/looks.ts';

// Identities and Settings with the demo's data, in the design review's four looks (1024 × 700 and
// 1400 × 900, light and dark), then the fixes that do not depend on the window: one plain message
// per field, the MFA error's switch to the browser, and where the focus lands in a dialog.

const adele = 'adele.vance@contoso.onmicrosoft.com';
const megan = 'megan.bowen@contoso.onmicrosoft.com';

const lookTitle =
  'Identities’ actions are in the window in every look, Settings lines its labels up, both pass axe; Sign out is red; ' +
  'a Test result goes when an input changes';
test(lookTitle, async ({ app, emulator, page }) => {
  test.setTimeout(120_000);
  await seedDemo(contractCall(app.core), emulator);
  await app.open(page, 'identities');
  const row = page.getByRole('table', { name: 'Identities' }).getByRole('row', { name: /Adele Vance/ });
  for (const look of looks) {
    await applyLook(page, look);
    for (const name of [`Discover the accounts ${adele} can see in Azure`, `Sign in again as ${adele}`, `Sign out ${adele}`]) {
      expect(await whollyInWindow(page, row.getByRole('button', { name })), `${name} (${lookName(look)})`).toBe(true);
    }
    // The tenant's GUID is cut in the middle and copied whole; the name keeps the room for itself.
    await expect(row.getByRole('button', { name: `Copy tenant ID of ${adele}` })).toBeVisible();
    const nameBox = await row.getByText('Adele Vance', { exact: true }).boundingBox();
    expect(nameBox?.height, `the name on one line (${lookName(look)})`).toBeLessThan(30);
    await expect(row).toContainText(/Used \w{3} \d+, \d+:\d\d/);
    if (look.width === 1024) expect(await seriousAccessibilityProblems(page), `Identities (${lookName(look)})`).toEqual([]);
  }

  await app.open(page, 'settings');
  const labels = ['Theme', 'Clear copied secrets after', 'Vault file', 'Default cloud'];
  const leftOf = async (locator: Locator) => (await locator.boundingBox())?.x ?? Number.NaN;
  for (const look of looks) {
    await applyLook(page, look);
    const lefts = await Promise.all(labels.map((label) => leftOf(page.getByText(label, { exact: true }).first())));
    expect(new Set(lefts).size, `labels in one column (${lookName(look)}): ${lefts.join(', ')}`).toBe(1);
    const theme = await leftOf(page.getByRole('radiogroup', { name: /Theme/ }));
    const seconds = await leftOf(page.getByRole('spinbutton', { name: 'Clear copied secrets after' }));
    expect(Math.abs(theme - seconds), `controls in one column (${lookName(look)})`).toBeLessThan(12);
    if (look.width === 1024) expect(await seriousAccessibilityProblems(page), `Settings (${lookName(look)})`).toEqual([]);
  }

  // Confirmations of what cannot be undone press a red button.
  await app.open(page, 'identities');
  await page.getByRole('button', { name: `Sign out ${adele}` }).click();
  const confirm = page.getByRole('alertdialog', { name: `Sign out ${adele}?` });
  const colour = await confirm.getByRole('button', { name: 'Sign out' }).evaluate((el) => getComputedStyle(el).backgroundColor);
  const [red = 0, green = 0, blue = 0] = (colour.match(/\d+/g) ?? []).map(Number);
  expect(red - Math.max(green, blue), `a red button (${colour})`).toBeGreaterThan(80);
  expect(await seriousAccessibilityProblems(page, '[role="alertdialog"]')).toEqual([]);
  await confirm.getByRole('button', { name: 'Cancel' }).click();

  // A Test result goes as soon as an input changes: it never stands next to a new error.
  await app.open(page, 'tokens');
  const tester = page.getByRole('dialog', { name: 'Test an ARR account' });
  // Opened from the keyboard it starts on its first field once its accounts have loaded (it opened on Close).
  await openWithKeyboard(page, page.getByRole('button', { name: 'Test an ARR account' }), tester);
  await expectFocusOn(page, tester.getByRole('combobox').first());
  await tester.getByRole('button', { name: 'Test', exact: true }).click();
  const result = tester.getByRole('region', { name: 'Test result' });
  await expect(result).toBeVisible();
  await tester.getByRole('radio', { name: 'An Entra identity' }).check();
  await expect(result).toBeHidden();
});

test('each field says one plain thing, with its range, and forgets it once changed', async ({ app, page }) => {
  await app.open(page, 'identities');
  const dialog = await fillServicePrincipal(page, { tenant: 'organizations' });
  await dialog.getByRole('button', { name: 'Add service principal' }).click();
  const tenant = dialog.getByRole('textbox', { name: 'Tenant' });
  const clientId = dialog.getByRole('textbox', { name: 'Application (client) ID' });
  await expect(tenant).toHaveAccessibleDescription(/^A service principal signs in to its own tenant: enter its tenant ID or domain/);
  await tenant.fill('');
  await expect(tenant).not.toHaveAttribute('aria-invalid', 'true');
  await expect(clientId).toHaveAttribute('aria-invalid', 'true'); // another field's message stays
  await dialog.getByRole('button', { name: 'Add service principal' }).click();
  // Empty: one message, not "Enter a tenant ID or domain A tenant is a GUID…".
  await expect(tenant).toHaveAccessibleDescription(/^Enter the tenant ID or domain of the app registration The directory of/);
  await expect(dialog).not.toContainText('organizations');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await app.open(page, 'settings');
  const seconds = page.getByRole('spinbutton', { name: 'Clear copied secrets after' });
  await expect(seconds).toHaveAccessibleDescription(/From 5 to 600 seconds/);
  await seconds.fill('3');
  await seconds.press('Enter');
  await expect(seconds).toHaveAttribute('aria-invalid', 'true');
  await expect(seconds).toHaveAccessibleDescription(/^Enter a whole number of seconds from 5 to 600\./);
  await expect(page.getByText(/Too small|expected number/)).toHaveCount(0);
  await seconds.pressSequentially('0');
  await expect(seconds).not.toHaveAttribute('aria-invalid', 'true');
  await seconds.fill('45');
  await seconds.press('Enter');
  await expect(seconds).toHaveValue('45');
  await expect(seconds).not.toHaveAttribute('aria-invalid', 'true');
  await app.open(page, 'settings');
  await expect(page.getByRole('spinbutton', { name: 'Clear copied secrets after' })).toHaveValue('45');
});

test('a device-code sign-in stopped by MFA offers interactive sign-in in its message, keeping what was typed', async ({
  app,
  page,
  context,
}) => {
  await app.open(page, 'identities');
  let dialog = await openSignInDialog(page);
  await dialog.getByRole('radio', { name: /Device code/ }).check();
  await dialog.getByRole('textbox', { name: 'Tenant' }).fill('contoso.onmicrosoft.com');
  await dialog.getByRole('textbox', { name: 'Login hint' }).fill(megan);
  await dialog.getByRole('button', { name: 'Sign in', exact: true }).click();
  const panel = page.getByRole('dialog', { name: 'Sign in with a device code' });
  const code = (await panel.getByTestId('device-code').textContent()) ?? '';
  const other = await context.newPage();
  await other.goto((await panel.getByRole('link').first().getAttribute('href')) ?? '');
  await other.getByLabel('Code').fill(code);
  await other.getByRole('button', { name: 'Next' }).click();
  await signInOnEntraPage(other, megan);
  await other.close();
  await page.bringToFront();

  dialog = page.getByRole('dialog', { name: 'Sign in to Entra ID' });
  await expect(dialog.getByText(/must complete multi-factor authentication/)).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /Device code/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Use interactive sign-in' }).click();
  await expect(dialog.getByRole('radio', { name: /Interactive/ })).toBeChecked();
  await expect(dialog.getByRole('textbox', { name: 'Tenant' })).toHaveValue('contoso.onmicrosoft.com');
  await expect(dialog.getByRole('textbox', { name: 'Login hint' })).toHaveValue(megan);
  // The old error goes with the change, and Enter signs in the new way.
  await expect(dialog.getByText(/multi-factor/)).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Sign in', exact: true })).toBeFocused();
  const [tab] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('Enter')]);
  expect(new URL(tab.url()).searchParams.get('login_hint')).toBe(megan);
  await tab.close();
  await page.bringToFront();
  await dialog.getByRole('button', { name: 'Cancel sign-in' }).click();
  await expect(dialog).toBeHidden();
});

test('dialogs opened from the keyboard start on their first field or their main action, not on Close or a link', async ({ app, page }) => {
  await app.open(page, 'settings');
  const cloud = 'Azure (global)';
  const signInApp = page.getByRole('dialog', { name: `Sign-in app for ${cloud}` });
  await openWithKeyboard(page, page.getByRole('button', { name: `Sign-in app for ${cloud}` }), signInApp);
  await expectFocusOn(page, signInApp.getByRole('textbox', { name: 'Application (client) ID' }));
  await page.keyboard.press('Escape');
  await expect(signInApp).toBeHidden();

  // No user signed in to that cloud: the way forward, not Cancel.
  const register = page.getByRole('dialog', { name: `Register my app for ${cloud}` });
  await openWithKeyboard(page, page.getByRole('button', { name: `Register my app for ${cloud}` }), register);
  await expectFocusOn(page, register.getByRole('button', { name: 'Sign in on the Identities page' }));
  await page.keyboard.press('Enter');
  await expect(register).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Identities' })).toBeVisible();
});

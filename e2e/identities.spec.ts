import { certificateServicePrincipalAppId, contosoTenantId, secretServicePrincipal } from './azure-emulator/test/emulator-fixtures.ts';
import { seriousAccessibilityProblems } from './support/accounts-page.ts';
import { expect, filesOutsideVault, isListening, jwtsIn, test, type AppOnEmulator, type TestEmulator } from './support/emulator-fixture.ts';
import {
  callApi,
  fillServicePrincipal,
  identityRow,
  openSignInDialog,
  signInInteractively,
  signInOnEntraPage,
  startInteractiveSignIn,
} from './support/identities-page.ts';
import { openWithKeyboard, pressOn } from './support/keyboard.ts';
import { pageErrors } from './support/page-errors.ts';

const adele = 'adele.vance@contoso.onmicrosoft.com';
const alex = 'alex.wilber@contoso.onmicrosoft.com';
const nestor = 'nestor.wilke@fabrikam.onmicrosoft.com';
const fabrikamTenantId = '2f3a8c1e-0000-4b7d-8e1f-fab000000002';
const emulatorCloud = 'Azure emulator (local)';

/** No refresh token the emulator issued, and no JWT at all, in any file of the data folder but the vault. */
async function expectNoTokensOnDisk(app: AppOnEmulator, emulator: TestEmulator, alsoAbsent: string[] = []) {
  const files = await filesOutsideVault(app.dataFolder);
  expect(files.map((f) => f.file)).toContain('identities.json'); // the control: the scan reads the data folder
  for (const { file, text } of files) {
    expect(jwtsIn(text), `JWT in ${file}`).toEqual([]);
    for (const secret of [...emulator.issuedRefreshTokens, ...alsoAbsent]) expect(text.includes(secret), `a secret in ${file}`).toBe(false);
  }
}

test('a user signs in interactively in two tenants, signs one out, and the other is still there after a restart', async ({
  app,
  page,
  context,
  emulator,
}) => {
  const errors = pageErrors(page);
  await app.open(page, 'identities');
  await expect(page.getByRole('heading', { level: 2, name: 'No identities signed in' })).toBeVisible();

  await signInInteractively(page, context, adele);
  await expect(page.getByRole('status').filter({ hasText: `Signed in as Adele Vance (${adele})` })).toBeVisible();
  const adeleRow = identityRow(page, /Adele Vance/);
  await expect(adeleRow).toContainText(adele);
  await expect(adeleRow).toContainText(contosoTenantId);
  await expect(adeleRow).toContainText(emulatorCloud);
  await expect(adeleRow).toContainText('User');
  await expect(adeleRow).toContainText('Browser (interactive)');
  await expect(adeleRow).toContainText('just now');

  // A second user in a second tenant, picked by domain, appears beside the first.
  await signInInteractively(page, context, nestor, { tenant: 'fabrikam.onmicrosoft.com' });
  await expect(identityRow(page, /Nestor Wilke/)).toContainText(fabrikamTenantId);
  await expect(page.getByRole('table', { name: 'Identities' }).getByRole('row')).toHaveCount(3); // header and two identities
  await expect(adeleRow).toBeVisible();

  // Sign-out asks first and says what goes.
  await adeleRow.getByRole('button', { name: `Sign out ${adele}` }).click();
  const confirm = page.getByRole('alertdialog', { name: `Sign out ${adele}?` });
  await expect(confirm).toContainText('removes its tokens from this computer');
  await confirm.getByRole('button', { name: 'Sign out' }).click();
  await expect(confirm).toBeHidden();
  await expect(adeleRow).toBeHidden();
  await expect(identityRow(page, /Nestor Wilke/)).toBeVisible();

  // The next day: a new core over the same data folder lists Nestor and gets a token without a sign-in.
  await app.restart();
  await app.open(page, 'identities');
  await expect(identityRow(page, /Nestor Wilke/)).toContainText(fabrikamTenantId);
  await expect(identityRow(page, /Adele Vance/)).toHaveCount(0);
  const listed = await callApi<{ id: string; username?: string }[]>(page, 'identities.list');
  const nestorId = listed.ok ? (listed.value.find((i) => i.username === nestor)?.id ?? '') : '';
  const token = await callApi(page, 'tokens.mintEntra', { identityId: nestorId, scope: 'https://management.azure.com/.default' });
  expect(token).toMatchObject({ ok: true });

  // Signing Nestor in again, by keyboard: his tokens still work, so no sign-in page opens.
  const signInAgain = page.getByRole('dialog', { name: 'Sign in to Entra ID' });
  await openWithKeyboard(page, identityRow(page, /Nestor Wilke/).getByRole('button', { name: `Sign in again as ${nestor}` }), signInAgain);
  await expect(signInAgain.getByRole('textbox', { name: 'Tenant' })).toHaveValue(fabrikamTenantId);
  await expect(signInAgain.getByRole('textbox', { name: 'Login hint' })).toHaveValue(nestor);
  await pressOn(page, signInAgain.getByRole('button', { name: 'Sign in', exact: true }));
  await expect(signInAgain).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `Signed in as Nestor Wilke (${nestor})` })).toBeVisible();
  expect(context.pages()).toHaveLength(1);

  await expectNoTokensOnDisk(app, emulator);
  // The restart closed the server the page was connected to: its event stream's retry refused then is expected.
  expect(errors.filter((e) => !e.includes('net::ERR_CONNECTION_REFUSED'))).toEqual([]);
});

test('a device-code sign-in shows the code to enter on another device, and lists who signed in', async ({ app, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.server.url).origin });
  await app.open(page, 'identities');
  const dialog = await openSignInDialog(page);
  await dialog.getByRole('radio', { name: /Device code/ }).check();
  await dialog.getByRole('button', { name: 'Sign in', exact: true }).click();

  const panel = page.getByRole('dialog', { name: 'Sign in with a device code' });
  const code = (await panel.getByTestId('device-code').textContent()) ?? '';
  expect(code).toMatch(/^[A-Z0-9]{6,}$/);
  await expect(panel.getByRole('timer')).toHaveText(/The code expires in \d+:\d\d/);
  await expect(panel).toContainText('Entra ID says:');
  await pressOn(page, panel.getByRole('button', { name: 'Copy code' }));
  await expect(panel.getByText('Copied')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);

  const verificationUri = (await panel.getByRole('link').first().getAttribute('href')) ?? '';
  const other = await context.newPage();
  await other.goto(verificationUri);
  await other.getByLabel('Code').fill(code);
  await other.getByRole('button', { name: 'Next' }).click();
  await signInOnEntraPage(other, alex);
  await expect(other.getByText('You have signed in')).toBeVisible();
  await other.close();

  await expect(panel).toBeHidden();
  const row = identityRow(page, /Alex Wilber/);
  await expect(row).toContainText('Device code');
  await expect(row).toContainText(contosoTenantId);
});

test('service principals are added with a secret and with a certificate; a wrong secret is named', async ({ app, page, emulator }) => {
  await app.open(page, 'identities');

  // Nothing filled: each problem under its field.
  let dialog = await fillServicePrincipal(page, {});
  await dialog.getByRole('button', { name: 'Add service principal' }).click();
  const tenant = dialog.getByRole('textbox', { name: 'Tenant' });
  await expect(tenant).toHaveAttribute('aria-invalid', 'true');
  await expect(tenant).toBeFocused();
  await expect(dialog.getByRole('textbox', { name: 'Application (client) ID' })).toHaveAccessibleDescription(/client\) ID is a GUID/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  dialog = await fillServicePrincipal(page, {
    tenant: contosoTenantId,
    clientId: secretServicePrincipal.appId,
    clientSecret: 'not-the-secret',
  });
  await dialog.getByRole('button', { name: 'Add service principal' }).click();
  await expect(dialog.getByText(/client secret is wrong or expired/)).toBeVisible();
  await dialog.getByLabel('Secret value').fill(secretServicePrincipal.secret);
  await dialog.getByRole('button', { name: 'Add service principal' }).click();
  await expect(dialog).toBeHidden();
  const bySecret = identityRow(page, new RegExp(secretServicePrincipal.appId));
  await expect(bySecret).toContainText('Service principal');
  await expect(bySecret).toContainText('Client secret');
  await expect(bySecret).toContainText(contosoTenantId);

  const certificate = emulator.clientCertificates[certificateServicePrincipalAppId];
  if (!certificate) throw new Error('the default scenario generates a certificate');
  dialog = await fillServicePrincipal(page, {
    tenant: 'contoso.onmicrosoft.com',
    clientId: certificateServicePrincipalAppId,
    name: 'Render farm',
    certificatePem: `${certificate.certPem}\n${certificate.privateKeyPem}`,
  });
  await dialog.getByRole('button', { name: 'Add service principal' }).click();
  await expect(dialog).toBeHidden();
  const byCertificate = identityRow(page, /Render farm/);
  await expect(byCertificate).toContainText('Certificate');
  await expect(byCertificate).toContainText(/expires \w+/);
  await expect(byCertificate).toContainText(contosoTenantId);

  expect(await page.content()).not.toContain(secretServicePrincipal.secret);
  await expectNoTokensOnDisk(app, emulator, [secretServicePrincipal.secret, certificate.privateKeyPem.split('\n')[1] ?? '']);
});

test('MFA and Conditional Access stop a sign-in with a message that says what to do', async ({ app, page, context }) => {
  await app.open(page, 'identities');
  const started = await startInteractiveSignIn(page, context);
  const dialog = started.dialog;
  let tab = started.tab;
  await signInOnEntraPage(tab, 'megan.bowen@contoso.onmicrosoft.com');
  await expect(dialog.getByText(/must complete multi-factor authentication/)).toBeVisible();
  await expect(dialog.getByText(/AADSTS50076/)).toBeVisible();
  await tab.close();

  // Try again from the same dialog, as another user.
  [tab] = await Promise.all([context.waitForEvent('page'), dialog.getByRole('button', { name: 'Try again' }).click()]);
  await signInOnEntraPage(tab, 'lee.gu@contoso.onmicrosoft.com');
  await expect(dialog.getByText(/Conditional Access policy.*blocked this sign-in/)).toBeVisible();
  await expect(dialog.getByText(/AADSTS53003/)).toBeVisible();
  await tab.close();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'No identities signed in' })).toBeVisible();
});

test('one press of Cancel sign-in stops the sign-in and closes the dialog, as Escape does; neither leaves a listener open', async ({
  app,
  page,
  context,
}) => {
  await app.open(page, 'identities');
  const { dialog, tab } = await startInteractiveSignIn(page, context);
  const port = Number(new URL(new URL(tab.url()).searchParams.get('redirect_uri') ?? '').port);
  expect(port).toBeGreaterThan(0);
  expect(await isListening(port)).toBe(true); // the control: the listener was there
  await expect(dialog.getByRole('link', { name: 'Open the sign-in page' })).toHaveAttribute('href', tab.url());
  await expect(dialog.getByRole('timer')).toHaveText(/Times out in [45]:\d\d/);

  // Back to the app's tab to press Cancel, as the user is: a tab left in the background gets no animation frames in headless
  // Chromium, so the dialog's closing transition would never end there.
  await page.bringToFront();
  await dialog.getByRole('button', { name: 'Cancel sign-in' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => isListening(port)).toBe(false);
  await tab.close();

  // Escape while waiting stops that sign-in as well.
  const second = await startInteractiveSignIn(page, context);
  const secondPort = Number(new URL(new URL(second.tab.url()).searchParams.get('redirect_uri') ?? '').port);
  expect(await isListening(secondPort)).toBe(true);
  await second.tab.close();
  await page.bringToFront();
  await page.keyboard.press('Escape');
  await expect(second.dialog).toBeHidden();
  await expect.poll(() => isListening(secondPort)).toBe(false);
  await expect(page.getByRole('heading', { level: 2, name: 'No identities signed in' })).toBeVisible();
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`in ${scheme}`, () => {
    test.use({ colorScheme: scheme });

    test('the Identities page, empty and with a user and a service principal, has no serious accessibility problems', async ({
      app,
      page,
      context,
      emulator,
    }) => {
      await app.open(page, 'identities');
      await expect(page.getByRole('heading', { level: 2, name: 'No identities signed in' })).toBeVisible();
      expect(await seriousAccessibilityProblems(page), `empty Identities page (${scheme})`).toEqual([]);
      await signInInteractively(page, context, adele);
      const certificate = emulator.clientCertificates[certificateServicePrincipalAppId];
      const sp = await fillServicePrincipal(page, {
        tenant: contosoTenantId,
        clientId: certificateServicePrincipalAppId,
        certificatePem: `${certificate?.certPem ?? ''}${certificate?.privateKeyPem ?? ''}`,
      });
      await sp.getByRole('button', { name: 'Add service principal' }).click();
      await expect(sp).toBeHidden();
      await expect(identityRow(page, /Adele Vance/)).toBeVisible();
      await expect(identityRow(page, new RegExp(certificateServicePrincipalAppId))).toBeVisible();
      expect(await seriousAccessibilityProblems(page), `Identities page (${scheme})`).toEqual([]);
    });

    test('the Sign-in dialog, with an error, waiting and showing a device code, has no serious accessibility problems', async ({
      app,
      page,
      context,
    }) => {
      await app.open(page, 'identities');
      let dialog = await openSignInDialog(page);
      await dialog.getByRole('textbox', { name: 'Tenant' }).fill('not a tenant');
      await dialog.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(dialog.getByRole('textbox', { name: 'Tenant' })).toHaveAttribute('aria-invalid', 'true');
      expect(await seriousAccessibilityProblems(page), `Sign-in dialog with an error (${scheme})`).toEqual([]);
      await dialog.getByRole('textbox', { name: 'Tenant' }).fill('');
      const [tab] = await Promise.all([context.waitForEvent('page'), dialog.getByRole('button', { name: 'Sign in', exact: true }).click()]);
      await expect(dialog.getByRole('timer')).toBeVisible();
      expect(await seriousAccessibilityProblems(page), `Sign-in dialog, waiting (${scheme})`).toEqual([]);
      await dialog.getByRole('button', { name: 'Cancel sign-in' }).click();
      await expect(dialog).toBeHidden();
      await tab.close();
      await page.bringToFront();
      dialog = await openSignInDialog(page);
      await dialog.getByRole('radio', { name: /Device code/ }).check();
      await dialog.getByRole('button', { name: 'Sign in', exact: true }).click();
      dialog = page.getByRole('dialog', { name: 'Sign in with a device code' });
      await expect(dialog.getByTestId('device-code')).toBeVisible();
      expect(await seriousAccessibilityProblems(page), `Device code (${scheme})`).toEqual([]);
      await dialog.getByRole('button', { name: 'Cancel sign-in' }).click();
      await expect(dialog).toBeHidden();
    });

    test('the service principal dialog, with an error and for a certificate, has no serious accessibility problems', async ({
      app,
      page,
    }) => {
      await app.open(page, 'identities');
      const dialog = await fillServicePrincipal(page, {
        tenant: contosoTenantId,
        clientId: secretServicePrincipal.appId,
        clientSecret: 'wrong',
      });
      await dialog.getByRole('button', { name: 'Add service principal' }).click();
      await expect(dialog.getByText(/client secret is wrong or expired/)).toBeVisible();
      expect(await seriousAccessibilityProblems(page), `Service principal dialog with an error (${scheme})`).toEqual([]);
      await dialog.getByRole('radio', { name: 'Certificate' }).check();
      await expect(dialog.getByRole('textbox', { name: 'Certificate and private key (PEM)' })).toBeVisible();
      expect(await seriousAccessibilityProblems(page), `Service principal dialog, certificate (${scheme})`).toEqual([]);
    });
  });
}

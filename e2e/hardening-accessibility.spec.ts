import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { chooseAccountAction, seriousAccessibilityProblems } from './support/accounts-page.ts';
import { test as withoutKeychain } from './support/app-without-keychain.ts';
import { openDialog } from './support/dialogs.ts';
import { expect, test, type AppOnEmulator, type TestEmulator } from './support/emulator-fixture.ts';
import { callApi, identityRow, signInInteractively } from './support/identities-page.ts';
import {
  addChatResourceToCore,
  addWestEuropeToCore,
  chatResource,
  mintChatToken,
  openNewToken,
  tokenList,
  westEurope,
} from './support/tokens-page.ts';

// The screens and dialogs the other specs do not check with axe, each in light and dark: together
// with them, every screen of the app has no serious or critical violation in either theme. A few
// screens at a time, each test on its own, so that none runs long on a busy machine.
// Already checked elsewhere: the Accounts page and Add dialog (accounts.spec), the Identities page,
// sign-in, device-code and service principal dialogs (identities.spec), the Tokens page, New token
// (ARR, ACS, Entra), claims and token export (tokens.spec), the Roles page, its details and report
// export (roles.spec), and the vault banners in light (accounts-vault, identities-vault).

const schemes = ['light', 'dark'] as const;
type Scheme = (typeof schemes)[number];

/** Collects every screen's findings instead of stopping at the first, so one run names them all. */
function accessibilityReport(page: Page) {
  const problems: Record<string, string[]> = {};
  const screens: string[] = [];
  return {
    async check(screen: string, scheme: Scheme) {
      // With a dialog open, the dialog is what is new here (the page behind it is checked on its own, and hidden from assistive
      // technology meanwhile).
      const dialogOpen = (await page.locator('[role="dialog"], [role="alertdialog"]').count()) > 0;
      // A dialog that just closed leaves the page hidden until its exit transition ends.
      if (!dialogOpen) await expect(page.locator('#root')).not.toHaveAttribute('aria-hidden', 'true');
      const found = await seriousAccessibilityProblems(page, dialogOpen ? '[role="dialog"], [role="alertdialog"]' : undefined);
      screens.push(`${screen} (${scheme})`);
      if (found.length) problems[`${screen} (${scheme})`] = found;
    },
    expectClean(expectedScreens: number) {
      expect(screens).toHaveLength(expectedScreens);
      expect(problems).toEqual({});
    },
  };
}

/** Checks what is on screen with axe; then, given a dialog, closes it with the button named. */
type Check = (screen: string, dialog?: Locator, button?: string) => Promise<void>;

async function closeWith(dialog: Locator, button: string) {
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await expect(dialog).toBeHidden();
}

function accountOption(page: Page, name: RegExp) {
  return page.getByRole('listbox', { name: 'Accounts' }).getByRole('option', { name });
}

for (const scheme of schemes) {
  test.describe(`in ${scheme}`, () => {
    test.use({ colorScheme: scheme });

    /**
     * A test that brings up `screens` screens in turn and checks each with axe in this scheme, none
     * with a serious problem: `check` checks what is on screen, then closes the dialog given with the
     * button named.
     */
    function screensTest(
      title: string,
      screens: number,
      body: (fixtures: { app: AppOnEmulator; page: Page; emulator: TestEmulator; context: BrowserContext; check: Check }) => Promise<void>,
    ) {
      test(title, async ({ app, page, emulator, context }) => {
        const report = accessibilityReport(page);
        await body({
          app,
          page,
          emulator,
          context,
          check: async (screen, dialog, button) => {
            await report.check(screen, scheme);
            if (dialog && button) await closeWith(dialog, button);
          },
        });
        report.expectClean(screens);
      });
    }

    screensTest(
      'the Edit dialog with an error, the delete confirmation and the regenerate key dialog have no serious accessibility problems',
      3,
      async ({ app, page, emulator, check }) => {
        await addWestEuropeAccount(app, emulator);
        await app.open(page, 'accounts');
        await accountOption(page, /contoso-arr-westeurope/).click();
        const detail = page.getByRole('region', { name: westEurope.name });
        const edit = await openDialog(page, 'Edit', `Edit ${westEurope.name}`, { within: detail });
        await edit.getByRole('textbox', { name: 'Account ID' }).fill('not a guid');
        await edit.getByRole('button', { name: 'Save changes' }).click();
        await expect(edit.getByRole('textbox', { name: 'Account ID' })).toHaveAttribute('aria-invalid', 'true');
        await check('Edit dialog with an error', edit, 'Cancel');

        await chooseAccountAction(page, detail, 'Delete…');
        await check('delete confirmation', page.getByRole('alertdialog'), 'Cancel');

        await chooseAccountAction(page, detail, 'Regenerate key…');
        const regenerate = page.getByRole('alertdialog', { name: /Regenerate a key/ });
        await expect(regenerate.getByTestId('rotation-guidance')).toBeVisible();
        await check('regenerate key dialog', regenerate, 'Cancel');
      },
    );

    screensTest(
      'the Import dialog, its preview and the Export dialog with keys and an error have no serious accessibility problems',
      3,
      async ({ app, page, emulator, check }) => {
        await addWestEuropeAccount(app, emulator);
        await app.open(page, 'accounts');
        await expect(accountOption(page, /contoso-arr-westeurope/)).toBeVisible();
        const importing = await openDialog(page, 'Import', 'Import accounts');
        await importing.getByRole('textbox', { name: 'Text to import' }).fill(emulator.acsConnectionString(chatResource));
        await check('Import dialog');
        await importing.getByRole('button', { name: 'Preview' }).click();
        await expect(importing.getByRole('table', { name: 'Accounts in the file' })).toBeVisible();
        await check('Import preview', importing, 'Cancel');

        const exporting = await openDialog(page, 'Export', 'Export accounts');
        await exporting.getByRole('checkbox', { name: /Include keys and connection strings/ }).check();
        await exporting.getByRole('textbox', { name: 'Passphrase', exact: true }).fill('short');
        await exporting.getByRole('button', { name: 'Export' }).click();
        await expect(exporting.getByRole('textbox', { name: 'Passphrase', exact: true })).toHaveAttribute('aria-invalid', 'true');
        await check('Export dialog with keys and an error', exporting, 'Cancel');
      },
    );

    screensTest(
      'the sign-out and remove cloud confirmations have no serious accessibility problems',
      2,
      async ({ app, page, context, check }) => {
        await app.open(page, 'identities');
        await signInInteractively(page, context, 'alex.wilber@contoso.onmicrosoft.com');
        await identityRow(page, /Alex Wilber/)
          .getByRole('button', { name: /^Sign out/ })
          .click();
        await check('sign-out confirmation', page.getByRole('alertdialog'), 'Cancel');

        await app.open(page, 'settings');
        await page.getByRole('button', { name: /^Remove Azure emulator/ }).click();
        await check('remove cloud confirmation', page.getByRole('alertdialog'), 'Cancel');
      },
    );

    screensTest(
      'the Discover dialog, with the resources found and with the import results, has no serious accessibility problems',
      2,
      async ({ app, page, context, check }) => {
        await app.open(page, 'identities');
        await signInInteractively(page, context, 'alex.wilber@contoso.onmicrosoft.com');
        await app.open(page, 'accounts');
        const dialog = await openDialog(page, 'Discover from Azure', 'Discover accounts in Azure');
        await expect(dialog.getByRole('table', { name: 'Resources found' })).toBeVisible();
        await check('Discover dialog with resources');
        await dialog.getByRole('checkbox', { name: `Import ${chatResource}` }).check();
        await dialog.getByRole('button', { name: 'Import 1 resource' }).click();
        await expect(dialog.getByRole('list', { name: 'Import results' })).toBeVisible();
        await check('Discover import results', dialog, 'Done');
      },
    );

    screensTest(
      'New token for a Teams user, the ACS identities and the ARR test with its result have no serious accessibility problems',
      3,
      async ({ app, page, emulator, check }) => {
        await addTokenAccountsAndCarol(app, emulator);
        await app.open(page, 'tokens');
        await check('New token, Teams user', await openNewToken(page, 'Teams user'), 'Close');

        const identities = await openDialog(page, 'ACS identities', 'ACS identities');
        await expect(identities.getByRole('table')).toContainText('Carol');
        await check('ACS identities dialog', identities, 'Close');

        const arrTest = await openDialog(page, 'Test an ARR account', 'Test an ARR account');
        await arrTest.getByRole('button', { name: 'Test', exact: true }).click();
        await expect(arrTest.getByRole('region', { name: 'Test result' })).toBeVisible();
        await check('ARR test with its result', arrTest, 'Close');
      },
    );

    screensTest(
      'the request signer and the credential for the job, each with its answer, have no serious accessibility problems',
      2,
      async ({ app, page, emulator, check }) => {
        await addTokenAccountsAndCarol(app, emulator);
        await app.open(page, 'tokens');
        const signer = await openDialog(page, 'Sign an ACS request', 'Sign an ACS request');
        await signer.getByRole('button', { name: 'Sign' }).click();
        await expect(signer.getByTestId('signed-headers')).toBeVisible();
        await check('request signer with a signed request', signer, 'Close');

        const credential = await openDialog(page, 'Credential for an SDK', 'Credential for an SDK');
        await credential.getByRole('combobox', { name: 'Account or resource' }).click();
        await page.getByRole('option', { name: new RegExp(westEurope.name) }).click();
        await credential.getByRole('button', { name: 'Get credential' }).click();
        await expect(credential.getByRole('region', { name: 'The credential' })).toBeVisible();
        await check('credential for the job with its answer', credential, 'Close');
      },
    );

    screensTest(
      'the revoke and remove confirmations of a token have no serious accessibility problems',
      2,
      async ({ app, page, emulator, check }) => {
        await addTokenAccountsAndCarol(app, emulator);
        await app.open(page, 'tokens');
        await tokenList(page).getByRole('option', { name: /Carol/ }).first().click();
        const detail = page.getByRole('region', { name: 'ACS user token' });
        await detail.getByRole('button', { name: 'Revoke' }).click();
        await check('revoke confirmation', page.getByRole('alertdialog'), 'Cancel');
        await detail.getByRole('button', { name: 'Remove' }).click();
        await check('remove confirmation', page.getByRole('alertdialog'), 'Cancel');
      },
    );
  });

  withoutKeychain.describe(`in ${scheme}`, () => {
    withoutKeychain.use({ colorScheme: scheme });

    withoutKeychain(
      'the empty Tokens page, a cloud import with problems and the sign-in app with an error have no serious accessibility problems',
      async ({ app, page }) => {
        const report = accessibilityReport(page);
        await app.open(page, 'tokens');
        await expect(page.getByRole('heading', { level: 2, name: 'No tokens yet' })).toBeVisible();
        await report.check('empty Tokens page', scheme);

        await app.open(page, 'settings');
        let dialog = await openDialog(page, 'Import profile', 'Import a cloud profile');
        await dialog
          .getByRole('textbox', { name: 'Profile (JSON)' })
          .fill(JSON.stringify({ name: 'Half', authorityHost: 'http://login.example' }));
        await dialog.getByRole('button', { name: 'Import' }).click();
        await expect(dialog.getByRole('list', { name: 'Problems in the profile' })).toBeVisible();
        await report.check('cloud import with problems', scheme);
        await closeWith(dialog, 'Cancel');

        dialog = await openDialog(page, 'Sign-in app for Azure (global)', 'Sign-in app for Azure (global)');
        await dialog.getByRole('textbox', { name: 'Application (client) ID' }).fill('not-a-guid');
        await dialog.getByRole('button', { name: 'Save' }).click();
        await expect(dialog.getByRole('textbox', { name: 'Application (client) ID' })).toHaveAttribute('aria-invalid', 'true');
        await report.check('sign-in app with an error', scheme);
        await closeWith(dialog, 'Cancel');
        report.expectClean(3);
      },
    );
  });
}

const passphrase = 'correct horse battery staple';

withoutKeychain.describe('in light', () => {
  withoutKeychain.use({ colorScheme: 'light' });

  withoutKeychain(
    'Accounts with the vault banner, the passphrase dialog with an error and Settings have no serious accessibility problems',
    async ({ app, page }) => {
      const report = accessibilityReport(page);
      await app.open(page, 'accounts');
      await expect(page.getByRole('region', { name: 'Secrets are not available' })).toBeVisible();
      await report.check('Accounts with the vault banner', 'light');
      await app.open(page, 'settings');
      const create = await openDialog(page, 'Use a passphrase vault…', 'Use a passphrase vault', {
        within: page.getByTestId('secret-storage'),
      });
      await create.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(passphrase);
      await create.getByRole('textbox', { name: 'Confirm passphrase' }).fill('something else');
      await create.getByRole('button', { name: 'Create passphrase vault' }).click();
      await expect(create.getByRole('textbox', { name: 'Confirm passphrase' })).toHaveAttribute('aria-invalid', 'true');
      await report.check('passphrase dialog with an error', 'light');
      await create.getByRole('textbox', { name: 'Confirm passphrase' }).fill(passphrase);
      await create.getByRole('button', { name: 'Create passphrase vault' }).click();
      await expect(create).toBeHidden();
      await report.check('Settings', 'light');
      report.expectClean(3);
    },
  );
});

withoutKeychain.describe('in dark', () => {
  withoutKeychain.use({ colorScheme: 'dark' });

  withoutKeychain(
    'Settings with a locked vault and Accounts with the damaged-vault notice have no serious accessibility problems',
    async ({ app, page }) => {
      const report = accessibilityReport(page);
      // A passphrase vault, as the one made in light above; then back to it needing its passphrase, and then its file damaged.
      await app.open(page, 'settings');
      expect(await callApi(page, 'vault.open', { mode: 'passphrase', passphrase })).toMatchObject({ ok: true });
      await app.restart();
      await app.open(page, 'settings');
      await expect(page.getByLabel('Vault passphrase')).toBeVisible();
      await report.check('Settings with a locked vault', 'dark');
      await writeFile(path.join(app.dataFolder, 'vault.bin'), 'not a vault any more');
      await app.restart();
      await app.open(page, 'accounts');
      await page.getByLabel('Vault passphrase').fill(passphrase);
      await page.getByRole('button', { name: 'Unlock' }).click();
      await expect(page.getByText('The vault file was damaged')).toBeVisible();
      await report.check('Accounts with the damaged-vault notice', 'dark');
      report.expectClean(2);
    },
  );
});

/** The West Europe ARR account at the emulator, with its key. */
async function addWestEuropeAccount(app: AppOnEmulator, emulator: TestEmulator): Promise<void> {
  await addWestEuropeToCore(app.core, emulator);
}

/** The West Europe ARR account and the chat resource at the emulator, and an ACS identity Carol with a chat token. */
async function addTokenAccountsAndCarol(app: AppOnEmulator, emulator: TestEmulator): Promise<void> {
  await addWestEuropeToCore(app.core, emulator);
  await mintChatToken(app.core, (await addChatResourceToCore(app.core, emulator)).id, 'Carol');
}

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { certificateServicePrincipalAppId, contosoTenantId, secretServicePrincipal } from './azure-emulator/test/emulator-fixtures.ts';
import { addAcsResource, addArrAccount, chooseAccountAction } from './support/accounts-page.ts';
import { canary, whatThePageShows, type CanaryList } from './support/canary-sweep.ts';
import type { TestEmulator } from './support/emulator-fixture.ts';
import { callApi, fillServicePrincipal, signInInteractively } from './support/identities-page.ts';
import { expect, test } from './support/sweep-fixture.ts';
import {
  addChatResource,
  addWestEurope,
  arrKey,
  chatResource,
  listedTokens,
  openNewToken,
  openTokensPage,
  tokenList,
  tokenValue,
  westEurope,
} from './support/tokens-page.ts';

// Every journey the UI offers, run with distinctive secrets; then each secret (and the tokens the
// journeys minted) is searched for where it must never be: files of the data folder outside the
// vault, what the host and the core logged, the browser profile on disk, the error messages the
// user saw, and the page itself whenever nothing was revealed (support/sweep-fixture.ts). Each
// journey is a test of its own, short enough to finish well within its time on a busy machine.

async function expectShownOnlyAfterReveal(page: Page, secrets: CanaryList, region: string, name: string, label: string) {
  const detail = page.getByRole('region', { name: region });
  await detail.getByRole('button', { name: `Reveal ${name}` }).click();
  await expect(detail.getByRole('button', { name: `Hide ${name}` })).toBeVisible();
  // The control for every checkpoint: once revealed, the same scan does find the secret on the page.
  expect(secrets.find('page', await whatThePageShows(page)).map((f) => f.secret)).toContain(label);
  await detail.getByRole('button', { name: `Hide ${name}` }).click();
  expect(secrets.find('page', await whatThePageShows(page)).map((f) => f.secret)).not.toContain(label);
}

/** The account the .env file brings, named after the file. */
const envAccount = /^canary(?![-\w])/;

function option(page: Page, name: RegExp) {
  return page.getByRole('listbox', { name: 'Accounts' }).getByRole('option', { name });
}

test('account keys typed into Add and Edit, refused, revealed and copied stay in the vault', async ({ sweep }) => {
  await sweep(async ({ page, secrets, checkpoint }) => {
    const arrPrimary = secrets.add('arr-primary', canary('arr-primary'));
    const arrSecondary = secrets.add('arr-secondary', canary('arr-secondary'));
    const arrEdited = secrets.add('arr-edited', canary('arr-edited'));
    const acsKey = secrets.add('acs-key', canary('acs-key'));
    const notBase64 = secrets.add('not-base64', `CANARY-not-base64-${canary('x').slice(0, 6)}!`);

    // Add, with both keys; a key that is not base64 is refused under its field.
    let dialog = await addArrAccount(page, {
      name: 'Canary render',
      accountId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
      domain: 'westeurope',
      primaryKey: notBase64,
    });
    await expect(dialog.getByRole('textbox', { name: 'Primary key' })).toHaveAttribute('aria-invalid', 'true');
    expect(secrets.find('the dialog’s messages', (await dialog.textContent()) ?? '')).toEqual([]);
    await dialog.getByRole('textbox', { name: 'Primary key' }).fill(arrPrimary);
    await dialog.getByRole('textbox', { name: 'Secondary key (optional)' }).fill(arrSecondary);
    await checkpoint('typing the keys', { typedInDialog: true });
    await dialog.getByRole('button', { name: 'Add account' }).click();
    await expect(dialog).toBeHidden();
    await checkpoint('adding an ARR account');

    // An ACS resource with an insecure endpoint is refused; then added.
    dialog = await addAcsResource(page, {
      name: 'Canary chat',
      connectionString: `endpoint=http://canary-chat.communication.azure.com/;accesskey=${acsKey}`,
    });
    await expect(dialog.getByRole('textbox', { name: 'Connection string', exact: true })).toHaveAttribute('aria-invalid', 'true');
    await checkpoint('an insecure connection string', { typedInDialog: true });
    await dialog
      .getByRole('textbox', { name: 'Connection string', exact: true })
      .fill(`endpoint=https://canary-chat.communication.azure.com/;accesskey=${acsKey}`);
    await dialog.getByRole('button', { name: 'Add account' }).click();
    await expect(dialog).toBeHidden();
    await checkpoint('adding an ACS resource');

    // Edit: a new primary key; the form never shows the stored one.
    await option(page, /Canary render/).click();
    const detail = page.getByRole('region', { name: 'Canary render' });
    await detail.getByRole('button', { name: 'Edit' }).click();
    dialog = page.getByRole('dialog', { name: 'Edit Canary render' });
    await checkpoint('opening Edit');
    await dialog.getByRole('textbox', { name: 'Primary key' }).fill(arrEdited);
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(dialog).toBeHidden();
    await checkpoint('editing the key');
    await expectShownOnlyAfterReveal(page, secrets, 'Canary render', 'primary key', 'arr-edited');
    await detail.getByRole('button', { name: 'Copy secondary key' }).click();
    await expect(detail.getByText(/Copied; clipboard clears/)).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(arrSecondary);
    await checkpoint('copying a key');

    // The access log names the key revealed and the key copied, and (as every answer the page receives is scanned) not their values.
    const activity = await callApi<{ entries: { action: string; what: string }[] }>(page, 'activity.list', { account: 'Canary render' });
    expect(activity.ok && activity.value.entries.map((e) => `${e.action} ${e.what}`)).toEqual([
      'copy secondary key of Canary render',
      'reveal primary key of Canary render',
    ]);
    await page.getByRole('navigation', { name: 'Sections' }).getByText('Activity', { exact: true }).click();
    await expect(page.getByRole('table', { name: 'Access log' })).toContainText('secondary key of Canary render');
    await checkpoint('the Activity page');
  });
});

test('keys imported from a pasted connection string and a .env file stay in the vault', async ({ sweep }) => {
  await sweep(async ({ page, secrets, checkpoint }) => {
    const envKey = secrets.add('env-key', canary('env-key'));
    const pastedKey = secrets.add('pasted-key', canary('pasted-key'));

    // Import: a pasted connection string and a .env file.
    await page.getByRole('button', { name: 'Import' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import accounts' });
    await dialog
      .getByRole('textbox', { name: 'Text to import' })
      .fill(`endpoint=https://canary-pasted.communication.azure.com/;accesskey=${pastedKey}`);
    await checkpoint('pasting a connection string', { typedInDialog: true });
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.getByRole('button', { name: 'Import 1 account' }).click();
    await expect(dialog.getByRole('status')).toHaveText('Added 1 account.');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    await checkpoint('importing a connection string');
    await page.getByRole('button', { name: 'Import' }).click();
    await dialog.getByTestId('import-file').setInputFiles({
      name: 'canary.env',
      mimeType: 'text/plain',
      buffer: Buffer.from(`ARR_ACCOUNT_ID=1d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a\nARR_ACCOUNT_DOMAIN=eastus\nARR_ACCOUNT_KEY=${envKey}\n`),
    });
    await expect(dialog).toContainText('canary.env');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await checkpoint('previewing a .env file');
    await dialog.getByRole('button', { name: 'Import 1 account' }).click();
    await expect(dialog.getByRole('status')).toHaveText('Added 1 account.');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    await checkpoint('importing a .env file');
    await option(page, envAccount).click();
    await expectShownOnlyAfterReveal(page, secrets, 'canary', 'primary key', 'env-key');
  });
});

test('keys exported encrypted and imported back stay in the vault, and the exported file holds none in clear', async ({ sweep }) => {
  await sweep(async ({ page, secrets, checkpoint }) => {
    const arrKeys = {
      primaryKey: secrets.add('arr-primary', canary('arr-primary')),
      secondaryKey: secrets.add('arr-secondary', canary('arr-secondary')),
    };
    const acsKey = secrets.add('acs-key', canary('acs-key'));
    const envKey = secrets.add('env-key', canary('env-key'));
    const passphrase = secrets.add('export-passphrase', `CANARY-passphrase-${canary('p').slice(0, 8)}`);
    // The accounts to export, added as the page adds them.
    for (const input of [
      { kind: 'arr', name: 'Canary render', accountId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a', accountDomain: 'westeurope', ...arrKeys },
      { kind: 'acs', name: 'Canary chat', connectionString: `endpoint=https://canary-chat.communication.azure.com/;accesskey=${acsKey}` },
      { kind: 'arr', name: 'canary', accountId: '1d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a', accountDomain: 'eastus', primaryKey: envKey },
    ])
      expect(await callApi(page, 'accounts.add', input)).toMatchObject({ ok: true });
    await page.reload();
    await expect(page.getByRole('listbox', { name: 'Accounts' }).getByRole('option')).toHaveCount(3);

    // Export with keys, encrypted, into a folder of its own (scanned below: the file holds no key in clear); delete one; import it back.
    const exports = await mkdtemp(path.join(os.tmpdir(), 'azcred-e2e-canary-exports-'));
    const file = path.join(exports, 'exported-accounts.json');
    try {
      await page.getByRole('button', { name: 'Export' }).click();
      let dialog = page.getByRole('dialog', { name: 'Export accounts' });
      await dialog.getByRole('radio', { name: 'All 3 accounts' }).check();
      await dialog.getByRole('checkbox', { name: /Include keys and connection strings/ }).check();
      await dialog.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(passphrase);
      await dialog.getByRole('textbox', { name: 'Confirm passphrase' }).fill(passphrase);
      await dialog.getByRole('textbox', { name: 'Save to' }).fill(file);
      await dialog.getByRole('button', { name: 'Export' }).click();
      await expect(dialog.getByRole('status')).toContainText('Exported 3 accounts with their keys, encrypted');
      await dialog.getByRole('button', { name: 'Close' }).click();
      await checkpoint('exporting encrypted');
      await option(page, envAccount).click();
      await chooseAccountAction(page, page.getByRole('region', { name: 'canary' }), 'Delete…');
      await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
      await expect(page.getByRole('alertdialog')).toBeHidden();
      await page.getByRole('button', { name: 'Import' }).click();
      dialog = page.getByRole('dialog', { name: 'Import accounts' });
      await dialog.getByTestId('import-file').setInputFiles(file);
      await expect(dialog).toContainText('exported-accounts.json');
      await dialog.getByRole('button', { name: 'Preview' }).click();
      const secret = dialog.getByRole('textbox', { name: 'Passphrase of the encrypted file' });
      await secret.fill(`${passphrase}-wrong`);
      await dialog.getByRole('button', { name: 'Preview' }).click();
      await expect(secret).toHaveAttribute('aria-invalid', 'true');
      await secret.fill(passphrase);
      await dialog.getByRole('button', { name: 'Preview' }).click();
      await dialog.getByRole('button', { name: 'Import 1 account' }).click();
      await expect(dialog.getByRole('status')).toHaveText('Added 1 account.');
      await dialog.getByRole('button', { name: 'Close' }).click();
      await checkpoint('importing the encrypted file back');
      await expect(option(page, envAccount)).toHaveCount(1);
      const inExports = await secrets.findInFolder(exports, 'exports folder');
      expect(inExports.files).toEqual(['exported-accounts.json']);
      expect(inExports.findings).toEqual([]);
    } finally {
      await rm(exports, { recursive: true, force: true });
    }
    await option(page, envAccount).click();
    await expectShownOnlyAfterReveal(page, secrets, 'canary', 'primary key', 'env-key');
  });
});

/** The emulator's West Europe ARR account and chat resource, keyed with canaries for one test (the scenario is live and shared by the
 * worker). */
function withCanaryKeys(emulator: TestEmulator, secrets: CanaryList): () => void {
  const account = emulator.scenario.remoteRenderingAccounts.find((a) => a.accountId === westEurope.accountId);
  const chat = emulator.scenario.communicationServices.find((s) => s.name === chatResource);
  if (!account || !chat) throw new Error('the scenario has no West Europe account or chat resource');
  const before = { arr: account.primaryKey, acs: chat.primaryKey };
  account.primaryKey = secrets.add('emulator-arr-key', canary('emulator-arr-key'));
  chat.primaryKey = secrets.add('emulator-acs-key', Buffer.from(`CANARY-emulator-acs-key-${canary('k')}`).toString('base64'));
  return () => {
    account.primaryKey = before.arr;
    chat.primaryKey = before.acs;
  };
}

/** The West Europe account and the chat resource added on the page with canary keys, for `work`; the emulator's keys are put back after. */
async function withCanaryAccounts(emulator: TestEmulator, page: Page, secrets: CanaryList, work: () => Promise<void>): Promise<void> {
  const restore = withCanaryKeys(emulator, secrets);
  try {
    await addWestEurope(page, emulator);
    await addChatResource(page, emulator);
    await work();
  } finally {
    restore();
  }
}

test('tokens minted with account keys, copied, refused and listed, and a signed request, leave no key or token outside the vault', async ({
  emulator,
  sweep,
}) => {
  await sweep(({ page, secrets, checkpoint }) =>
    withCanaryAccounts(emulator, page, secrets, async () => {
      const wrongKey = secrets.add('wrong-arr-key', canary('wrong-arr-key'));
      await expect(
        await addArrAccount(page, { name: 'Refused', accountId: westEurope.accountId, domain: westEurope.domain, primaryKey: wrongKey }),
      ).toBeHidden();
      await checkpoint('adding the accounts');

      await page.getByRole('navigation', { name: 'Sections' }).getByText('Tokens', { exact: true }).click();
      let dialog = await openNewToken(page);
      await dialog.getByRole('checkbox', { name: /Store in vault/ }).check();
      await dialog.getByRole('button', { name: 'Get token' }).click();
      await expect(dialog).toBeHidden();
      await checkpoint('minting an ARR token with the key');
      await page.getByRole('region', { name: 'ARR access token' }).getByRole('button', { name: 'Copy token' }).click();
      await expect(page.getByText(/Copied; clipboard clears/)).toBeVisible();
      await checkpoint('copying the token');

      // The STS refuses the wrong key: the message names the account, not the key.
      dialog = await openNewToken(page);
      await dialog.getByRole('combobox', { name: 'ARR account' }).click();
      await page.getByRole('option', { name: /Refused/ }).click();
      await dialog.getByRole('button', { name: 'Get token' }).click();
      await expect(dialog.locator('[data-code="azure_unauthorized"]')).toContainText('was refused');
      await checkpoint('a refused key');
      await dialog.getByRole('button', { name: 'Close' }).click();

      dialog = await openNewToken(page, 'ACS user token');
      await dialog.getByRole('textbox', { name: 'Label' }).fill('Canary user');
      await dialog.getByRole('button', { name: 'Get token' }).click();
      await expect(dialog.getByTestId('acs-result')).toBeVisible();
      await dialog.getByRole('button', { name: 'Close' }).click();
      await expect(dialog).toBeHidden();
      await checkpoint('minting an ACS user token');

      await page.getByRole('button', { name: 'Sign an ACS request' }).click();
      dialog = page.getByRole('dialog', { name: 'Sign an ACS request' });
      await dialog.getByRole('button', { name: 'Sign' }).click();
      await expect(dialog.getByTestId('signed-headers')).toContainText('HMAC-SHA256');
      await checkpoint('signing an ACS request');
      await dialog.getByRole('button', { name: 'Close' }).click();

      await expect(tokenList(page).getByRole('option')).toHaveCount(2);
      await tokenList(page)
        .getByRole('option', { name: /ARR access token/ })
        .click();
      const tokens = await listedTokens(page);
      for (const token of tokens) secrets.add(`token ${token.title}`, await tokenValue(page, token.id));
      await expectShownOnlyAfterReveal(
        page,
        secrets,
        'ARR access token',
        'token',
        `token ${tokens.find((t) => t.kind === 'arr-sts')?.title ?? ''}`,
      );
      await checkpoint('the tokens listed');
    }),
  );
});

test('the credential for an SDK, an account key, an STS token or a connection string, reaches the page only on Reveal or Copy', async ({
  emulator,
  sweep,
}) => {
  await sweep(({ page, secrets, checkpoint }) =>
    withCanaryAccounts(emulator, page, secrets, async () => {
      await openTokensPage(page);
      const tokens = await listedTokens(page);

      // The credential for the job names the key or token it gives: the page gets the value on Reveal or Copy only.
      await page.getByRole('button', { name: 'Credential for an SDK' }).click();
      const dialog = page.getByRole('dialog', { name: 'Credential for an SDK' });
      const credential = dialog.getByRole('region', { name: 'The credential' });
      await dialog.getByRole('combobox', { name: 'Account or resource' }).click();
      await page.getByRole('option', { name: new RegExp(westEurope.name) }).click();
      await dialog.getByRole('radio', { name: /^Account key/ }).check();
      await dialog.getByRole('button', { name: 'Get credential' }).click();
      await expect(credential).toBeVisible();
      await checkpoint('the account key for the ARR SDK');
      await expectShownOnlyAfterReveal(page, secrets, 'The credential', 'account key', 'emulator-arr-key');
      await credential.getByRole('button', { name: 'Copy account key' }).click();
      await expect(credential.getByText(/Copied; clipboard clears/)).toBeVisible();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(arrKey(emulator));
      await dialog.getByRole('radio', { name: /^STS AccessToken/ }).check();
      await dialog.getByRole('button', { name: 'Get credential' }).click();
      await expect(credential).toBeVisible();
      const minted = (await listedTokens(page)).filter((t) => !tokens.some((listed) => listed.id === t.id));
      expect(minted).toHaveLength(1);
      for (const token of minted) secrets.add('token for the job', await tokenValue(page, token.id));
      await checkpoint('an STS AccessToken for the ARR SDK');
      await expectShownOnlyAfterReveal(page, secrets, 'The credential', 'access token', 'token for the job');
      await dialog.getByRole('combobox', { name: 'Account or resource' }).click();
      await page.getByRole('option', { name: new RegExp(chatResource) }).click();
      await dialog.getByRole('radio', { name: /^SMS/ }).check();
      await dialog.getByRole('button', { name: 'Get credential' }).click();
      await expect(credential).toBeVisible();
      await checkpoint('the connection string for the SMS SDK');
      await expectShownOnlyAfterReveal(page, secrets, 'The credential', 'connection string', 'emulator-acs-key');
      await dialog.getByRole('button', { name: 'Close' }).click();
    }),
  );
});

/** Signs in as Alex, whom the journeys below act as. */
async function signInAlex(page: Page, context: BrowserContext): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByText('Identities', { exact: true }).click();
  await signInInteractively(page, context, 'alex.wilber@contoso.onmicrosoft.com');
}

test('sign-ins, service principal secrets and certificates and Entra tokens stay in the vault', async ({ emulator, sweep }) => {
  await sweep(
    async ({ page, context, secrets, checkpoint }) => {
      secrets.add('client-secret', secretServicePrincipal.secret);
      const wrongSecret = secrets.add('wrong-client-secret', canary('wrong-client-secret'));
      const certificate = emulator.clientCertificates[certificateServicePrincipalAppId];
      if (!certificate) throw new Error('the default scenario generates a certificate');
      const keyLines = certificate.privateKeyPem.split('\n').filter((line) => line && !line.startsWith('-----'));
      keyLines.slice(0, 2).forEach((line, i) => secrets.add(`private key line ${i + 1}`, line));

      await signInAlex(page, context);
      await checkpoint('an interactive sign-in');

      let dialog = await fillServicePrincipal(page, {
        tenant: contosoTenantId,
        clientId: secretServicePrincipal.appId,
        clientSecret: wrongSecret,
      });
      await dialog.getByRole('button', { name: 'Add service principal' }).click();
      await expect(dialog.getByText(/client secret is wrong or expired/)).toBeVisible();
      await checkpoint('a wrong client secret', { typedInDialog: true });
      await dialog.getByLabel('Secret value').fill(secretServicePrincipal.secret);
      await dialog.getByRole('button', { name: 'Add service principal' }).click();
      await expect(dialog).toBeHidden();
      dialog = await fillServicePrincipal(page, {
        tenant: contosoTenantId,
        clientId: certificateServicePrincipalAppId,
        name: 'Canary farm',
        certificatePem: `${certificate.certPem}\n${certificate.privateKeyPem}`,
      });
      await checkpoint('pasting a certificate', { typedInDialog: true });
      await dialog.getByRole('button', { name: 'Add service principal' }).click();
      await expect(dialog).toBeHidden();
      await checkpoint('adding service principals');

      // An Entra token for ARM, from the signed-in user.
      await page.getByRole('navigation', { name: 'Sections' }).getByText('Tokens', { exact: true }).click();
      dialog = await openNewToken(page, 'Entra token');
      // The scope comes from the identity's cloud profile once it has loaded (a busy machine takes a moment).
      await expect(dialog.getByText(/^Scope asked for: /)).toBeVisible();
      await dialog.getByRole('button', { name: 'Get token' }).click();
      await expect(dialog).toBeHidden();
      await checkpoint('minting an Entra token');

      const listed = await callApi<{ id: string }[]>(page, 'identities.list');
      expect(listed.ok && listed.value.length).toBe(3);
      for (const token of await listedTokens(page)) secrets.add(`token ${token.title}`, await tokenValue(page, token.id));
      for (const token of emulator.issuedRefreshTokens) secrets.add(`refresh token ${token.slice(0, 8)}`, token);
      await checkpoint('the identities and tokens');
    },
    { appFiles: ['identities.json', 'settings.json'] },
  );
});

test('keys discovered in Azure and a regenerated key stay in the vault', async ({ emulator, sweep }) => {
  await sweep(async ({ page, context, secrets, checkpoint }) => {
    const eastus = emulator.scenario.remoteRenderingAccounts.find((a) => a.name === 'contoso-arr-eastus');
    if (!eastus) throw new Error('the scenario has no East US account');
    const before = eastus.primaryKey;
    eastus.primaryKey = secrets.add('eastus-key', canary('eastus-key'));
    try {
      await signInAlex(page, context);
      await checkpoint('an interactive sign-in');

      // Discover East US with its keys (from ARM), then regenerate its primary key.
      await page.getByRole('navigation', { name: 'Sections' }).getByText('Accounts', { exact: true }).click();
      await page.getByRole('button', { name: 'Discover from Azure' }).click();
      const dialog = page.getByRole('dialog', { name: 'Discover accounts in Azure' });
      await dialog.getByRole('combobox', { name: 'Look as' }).click();
      await page.getByRole('option', { name: /alex\.wilber/ }).click();
      await dialog.getByRole('checkbox', { name: 'Import contoso-arr-eastus' }).check();
      await dialog.getByRole('button', { name: 'Import 1 resource' }).click();
      await expect(dialog.getByRole('list', { name: 'Import results' })).toContainText('Imported with its keys');
      await dialog.getByRole('button', { name: 'Done' }).click();
      await checkpoint('discovering an account with its keys');
      await option(page, /contoso-arr-eastus/).click();
      const account = page.getByRole('region', { name: 'contoso-arr-eastus' });
      await chooseAccountAction(page, account, 'Regenerate key…');
      const rotate = page.getByRole('alertdialog', { name: /Regenerate a key/ });
      await rotate.getByRole('combobox', { name: 'Regenerate as' }).click();
      await page.getByRole('option', { name: /alex\.wilber/ }).click();
      await rotate.getByRole('button', { name: 'Regenerate the primary key' }).click();
      const rotated = page.getByRole('alertdialog', { name: 'Regenerated the primary key' });
      await expect(rotated.getByRole('status')).toContainText('The stored primary key was updated');
      secrets.add('regenerated-key', eastus.primaryKey);
      await checkpoint('regenerating a key');
      await page.keyboard.press('Escape');
      await expect(rotated).toBeHidden();
      await expectShownOnlyAfterReveal(page, secrets, 'contoso-arr-eastus', 'primary key', 'regenerated-key');
    } finally {
      eastus.primaryKey = before;
    }
  });
});

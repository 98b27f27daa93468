import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { secretServicePrincipal, contosoTenantId } from './azure-emulator/test/emulator-fixtures.ts';
import { coreValues } from '../electron/core/test-support/test-core.ts';
import { axeInBothThemes } from './support/accessibility.ts';
import { isEventStream, runAzcred } from './support/azcred-cli.ts';
import { expect, test } from './support/emulator-fixture.ts';
import { identityRow } from './support/identities-page.ts';
import { tabTo } from './support/keyboard.ts';
import { addWestEuropeToCore, arrKey, grantClipboard, mintArrToken, tokenList, tokenValue, westEurope } from './support/tokens-page.ts';

/**
 * The access log (issue 17): a key copied and a token revealed in the page, and a token the real
 * CLI prints beside the open window, all show on the Activity page as they happen, with to whom
 * and through which account, never the value; the page filters them and passes axe in both themes.
 */

const section = (page: Page, name: string) => page.getByRole('navigation', { name: 'Sections' }).getByText(name, { exact: true });
const logTable = (page: Page) => page.getByRole('table', { name: 'Access log' });

test('a key copied, a token revealed and a token the CLI prints show live on the Activity page, filtered, without their values', async ({
  app,
  page,
  context,
  emulator,
}) => {
  await grantClipboard(context, app);
  await addWestEuropeToCore(app.core, emulator);
  const token = await mintArrToken(app.core);
  const streamOpen = page.waitForResponse((response) => isEventStream(response.url()) && response.status() === 200);
  await app.open(page, 'activity');
  await expect(page.getByRole('heading', { level: 2, name: 'Nothing handed out yet' })).toBeVisible();
  await streamOpen;

  // Copy the account's primary key on the Accounts page (browser mode copies in the page).
  await section(page, 'Accounts').click();
  await page
    .getByRole('listbox', { name: 'Accounts' })
    .getByRole('option', { name: new RegExp(westEurope.name) })
    .click();
  const account = page.getByRole('region', { name: westEurope.name });
  await account.getByRole('button', { name: 'Copy primary key' }).click();
  await expect(account.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(arrKey(emulator));

  // Reveal the token on the Tokens page.
  await section(page, 'Tokens').click();
  await tokenList(page).getByRole('option').first().click();
  const detail = page.getByRole('region', { name: 'ARR access token' });
  await detail.getByRole('button', { name: 'Reveal token' }).click();
  const value = await tokenValue(page, token.id);
  await expect(detail.getByTestId('token-value')).toHaveText(value);
  await detail.getByRole('button', { name: 'Hide token' }).click();

  // The Activity page lists both, newest first, with whom they went to.
  await section(page, 'Activity').click();
  const rows = logTable(page).getByRole('row');
  await expect(rows).toHaveCount(1 + 3); // the header, the copy, and two reveals (the page's and the test's tokenValue)
  await expect(rows.nth(1)).toContainText('Revealed');
  await expect(rows.nth(3)).toContainText('Copied');
  await expect(rows.nth(3)).toContainText(`primary key of ${westEurope.name}`);
  await expect(rows.nth(3)).toContainText('the app in a browser');

  // The CLI prints a token in a terminal beside the open page: its line appears without a reload.
  await page.evaluate(() => Object.assign(window, { notReloaded: true }));
  const cli = await runAzcred(['token', 'arr', westEurope.name, '--fresh'], app.dataFolder);
  expect(cli, cli.stderr).toMatchObject({ code: 0 });
  await expect(rows).toHaveCount(1 + 4, { timeout: 5_000 });
  await expect(rows.nth(1)).toContainText('Printed');
  await expect(rows.nth(1)).toContainText('azcred token arr --fresh (pid');
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

  // Filters: the one account key, the three ARR tokens, the same three for the account, then every kind again.
  await page.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'Account key' }).click();
  await expect(rows).toHaveCount(1 + 1);
  await expect(page.getByText('1 entry matches')).toBeVisible();
  await page.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'ARR token' }).click();
  await expect(rows).toHaveCount(1 + 3);
  // The filters are reached and used with the keyboard alone.
  await tabTo(page, page.getByRole('combobox', { name: 'Account' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('option', { name: westEurope.name })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: 'Account' })).toHaveText(westEurope.name);
  await expect(rows).toHaveCount(1 + 3);
  await page.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'All' }).click();
  await expect(rows).toHaveCount(1 + 4);

  // No value anywhere: not on the page, not in the log file.
  const html = await page.content();
  const log = await readFile(path.join(app.dataFolder, 'access-log.jsonl'), 'utf8');
  for (const secret of [arrKey(emulator), value, cli.stdout.trim()]) {
    expect(html).not.toContain(secret);
    expect(log).not.toContain(secret);
  }

  expect(await axeInBothThemes(page)).toEqual({});
});

test('an identity’s menu offers Run a command as…, with the line to copy, what the program gets, and the way to the Activity page', async ({
  app,
  page,
}) => {
  const identity = await coreValues(app.core).identities.addServicePrincipal({
    cloud: 'AzureEmulator',
    tenant: contosoTenantId,
    clientId: secretServicePrincipal.appId,
    clientSecret: secretServicePrincipal.secret,
  });
  await app.open(page, 'identities');
  const row = identityRow(page, new RegExp(identity.name));
  await row.getByRole('button', { name: `More for ${identity.name}` }).click();
  await page.getByRole('menuitem', { name: 'Run a command as…' }).click();
  const dialog = page.getByRole('dialog', { name: `Run a command as ${identity.name}` });
  await expect(dialog.getByTestId('run-as-command')).toHaveText(`azcred run --identity ${identity.id} -- <your command>`);
  await expect(dialog).toContainText('IDENTITY_ENDPOINT');
  await expect(dialog).toContainText('MSI_SECRET');
  await expect(dialog).toContainText('Never a key');
  expect(await axeInBothThemes(page, '[role="dialog"]')).toEqual({});
  const line = (await dialog.getByTestId('run-as-command').textContent()) ?? '';
  await dialog.getByRole('link', { name: 'Activity page' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Activity' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Nothing handed out yet' })).toBeVisible();
  expect(await axeInBothThemes(page)).toEqual({});

  // The line as copied, with a program that waits for a file to appear: the run is active on the page while it lasts.
  const [, ...words] = line.replace(' <your command>', '').split(' ');
  const done = path.join(app.dataFolder, 'run-as-done');
  const program = `const fs = require('node:fs'); const t = setInterval(() => fs.existsSync(${JSON.stringify(done)}) && clearInterval(t), 50);`;
  const run = runAzcred([...words, process.execPath, '-e', program], app.dataFolder);
  const active = page.getByRole('table', { name: 'Active now' });
  await expect(active.getByRole('row')).toHaveCount(2, { timeout: 15_000 });
  await expect(active).toContainText(`Managed identity endpoint as ${identity.name}`);
  await expect(active).toContainText('azcred run --identity -- ');
  expect(await axeInBothThemes(page)).toEqual({});
  await writeFile(done, '');
  expect(await run, 'azcred run').toMatchObject({ code: 0 });
  // Once it ends, the run leaves Active now and its start and end stay in the log.
  await expect(active).toBeHidden({ timeout: 5_000 });
  await expect(logTable(page)).toContainText('Run ended');
  await expect(logTable(page)).toContainText('Run started');
});

import { addArrAccount, updateSettings } from './support/accounts-page.ts';
import { expect, test } from './support/emulator-fixture.ts';
import {
  grantClipboard,
  listedTokens,
  mintArrToken,
  openWithWestEurope,
  runTrustingEmulator,
  tokenList,
  tokenValue,
} from './support/tokens-page.ts';

// The Tokens page's copy in browser mode and its "Test an ARR account" tool, end to end.

test.beforeEach(({ context, app }) => grantClipboard(context, app));

test('a copied token leaves the browser clipboard after the time set in Settings, unless the user copied something else since', async ({
  app,
  page,
  emulator,
}) => {
  await openWithWestEurope(app, page, emulator);
  await updateSettings(page, { clipboardClearSeconds: 5 });
  await mintArrToken(app.core);
  await page.clock.install();
  await app.open(page, 'tokens');
  await expect(page.getByRole('heading', { level: 1, name: 'Tokens' })).toBeVisible();
  await tokenList(page).getByRole('option').first().click();
  const detail = page.getByRole('region', { name: 'ARR access token' });
  const [token] = await listedTokens(page);
  const value = await tokenValue(page, token?.id ?? '');
  // What the clipboard holds, in words: a failure names it without printing the token.
  const clipboard = async () => {
    const text = await page.evaluate(() => navigator.clipboard.readText());
    return text === value ? 'the token' : text === '' ? 'nothing' : text;
  };

  await detail.getByRole('button', { name: 'Copy token' }).click();
  await expect(detail.getByText('Copied; clipboard clears in 5 s')).toBeVisible();
  expect(await clipboard()).toBe('the token');
  await page.clock.runFor(4_000);
  expect(await clipboard(), 'still there before the time').toBe('the token');
  await page.clock.runFor(1_500);
  await expect.poll(clipboard).toBe('nothing');

  // Copied again, then the user copies something of their own: that is left alone.
  await detail.getByRole('button', { name: 'Copy token' }).click();
  await expect.poll(clipboard).toBe('the token');
  await page.evaluate(() => navigator.clipboard.writeText('the user’s own text'));
  await page.clock.runFor(6_000);
  // Give the page's clipboard read a moment to act, were it (wrongly) going to clear.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  await page.waitForTimeout(500);
  expect(await clipboard()).toBe('the user’s own text');
});

test('Test an ARR account lists its sessions with the token and says how many, and a refused key says what to do', async ({
  app,
  page,
  emulator,
}) => {
  const eastus = emulator.scenario.remoteRenderingAccounts.find((a) => a.name === 'contoso-arr-eastus');
  if (!eastus) throw new Error('the scenario has no East US account');
  const { name, accountId, accountDomain: domain, primaryKey } = eastus;
  await app.open(page);
  await expect(await addArrAccount(page, { name, accountId, domain, primaryKey })).toBeHidden();
  await expect(
    await addArrAccount(page, {
      name: 'eastus with an old key',
      accountId: eastus.accountId,
      domain: eastus.accountDomain,
      primaryKey: eastus.secondaryKey.replace(/^./, 'A'),
    }),
  ).toBeHidden();
  await app.open(page, 'tokens');

  const sessionUrl = `${emulator.urls.arr}/accounts/${eastus.accountId}/sessions/e2e-test-session?api-version=2021-01-01`;
  await page.getByRole('button', { name: 'Test an ARR account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Test an ARR account' });
  await dialog.getByRole('combobox', { name: 'ARR account' }).click();
  await page.getByRole('option', { name: /^contoso-arr-eastus/ }).click();
  await expect(dialog.getByRole('radio', { name: 'Primary key' })).toBeChecked();
  const testButton = dialog.getByRole('button', { name: 'Test', exact: true });
  await testButton.click();
  const result = dialog.getByRole('region', { name: 'Test result' });
  await expect(result.getByRole('status')).toHaveText('The token works: the account has no active sessions.');
  await expect(result).toContainText(
    `Asked ${emulator.urls.arr} with “ARR access token · contoso-arr-eastus (primary key)”, which is now on the Tokens page.`,
  );
  await expect(result.getByRole('table', { name: 'Sessions' })).toHaveCount(0);

  // A session started with that very token (as a client would) is found by the next test, which reuses the token.
  const [token] = await listedTokens(page);
  if (!token) throw new Error('the test listed no token');
  const bearer = await tokenValue(page, token.id);
  const onlyStatus = ['-s', '-o', '/dev/null', '-w', '%{http_code}'];
  const curl = (...args: string[]) =>
    runTrustingEmulator(emulator, 'curl', [...onlyStatus, '-H', `Authorization: Bearer ${bearer}`, ...args]);
  expect(
    await curl('-X', 'PUT', '-H', 'Content-Type: application/json', '--data', '{"maxLeaseTimeMinutes":30,"size":"standard"}', sessionUrl),
  ).toBe('201');
  try {
    await testButton.click();
    await expect(result.getByRole('status')).toHaveText('The token works: 1 active session, 1 ready.');
    const row = result.getByRole('table', { name: 'Sessions' }).getByRole('row', { name: /e2e-test-session/ });
    await expect(row).toContainText('Ready');
    await expect(row).toContainText('Standard');
    await expect(row).toContainText('0 of 30 min');
    expect(await listedTokens(page), 'the token was reused, not minted again').toHaveLength(1);
  } finally {
    await curl('-X', 'POST', sessionUrl.replace('?', '/:stop?'));
  }

  // A key the STS refuses: the error says which key of which account, and what to do; no result is left shown.
  await dialog.getByRole('combobox', { name: 'ARR account' }).click();
  await page.getByRole('option', { name: /^eastus with an old key/ }).click();
  await testButton.click();
  const error = dialog.locator('[data-code="azure_unauthorized"]');
  await expect(error).toContainText('Azure refused the credentials');
  await expect(error).toContainText(
    'The primary key of "eastus with an old key" was refused: check the key and the account ID, or the key was regenerated',
  );
  await expect(result).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  // On the page: the one token from the working key, and nothing from the refused one.
  await expect(tokenList(page).getByRole('option')).toHaveCount(1);
  await expect(tokenList(page).getByRole('option')).toContainText('contoso-arr-eastus (primary key)');
});
